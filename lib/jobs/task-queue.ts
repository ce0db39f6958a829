// The queue behind the worker: one interface, two engines (queue-factory.ts picks one). SQLite
// keeps the lease queue in the tasks table (lib/db/queue.ts); PostgreSQL delivers work through
// pg-boss (pg-boss-queue.ts).
// Either way the tasks table stays the record users see, and every state change of a running
// task is a conditional UPDATE on its row guarded by the worker's lease.
import type { assets, Batch, batches, NewTask, Task } from "@/lib/db/schema";

/** A task this worker holds: its row as claimed, under a lease for `owner`. */
export interface ClaimedTask {
  task: Task;
  owner: string;
}

export interface ClaimRequest {
  owner: string;
  leaseMs: number;
  /** how many more tasks of each provider this worker can run now */
  capacity: Map<string, number>;
  /** each provider's cap on tasks running at once across all workers */
  limits: Map<string, number>;
}

export interface QueueListener {
  /** new or re-queued work may be waiting */
  enqueued(): void;
  /** the task was deleted: stop working on it */
  cancelled(taskId: number): void;
}

export interface StoredOutputs {
  width?: number;
  height?: number;
  files: (typeof assets.$inferInsert)[];
  /** the task's params with what the outputs taught us (e.g. the recovered pixel grid) */
  params?: Record<string, unknown>;
}

export interface TaskQueue {
  readonly engine: "sqlite" | "pg-boss";
  /** Inserts the task row and makes it runnable. */
  enqueue(values: NewTask): Promise<Task>;
  /** enqueue for a caller that needs only the new task's id (POST generate): the row is not
   * read back. */
  enqueueReturningId(values: NewTask): Promise<number>;
  /** Inserts a batch and its frames atomically and makes them runnable. */
  enqueueBatch(
    batch: typeof batches.$inferInsert,
    makeTasks: (batchId: number) => NewTask[],
  ): Promise<{ batch: Batch; tasks: Task[] }>;
  /** Resets a finished task (a re-rolled frame) and makes it runnable again. */
  enqueueRerun(
    id: number,
    values: { seed: number; params: Record<string, unknown> },
  ): Promise<Task>;
  /** Claims runnable tasks up to the capacity asked for, each under a lease for `owner`. */
  claim(req: ClaimRequest): Promise<ClaimedTask[]>;
  /** Renews the lease (and records progress); false: the task is gone or was taken over. */
  heartbeat(c: ClaimedTask, leaseMs: number, progress?: number): Promise<boolean>;
  complete(c: ClaimedTask, outputs: StoredOutputs): Promise<boolean>;
  fail(c: ClaimedTask, message: string): Promise<boolean>;
  /** Runs the task again no earlier than `runAfter` (backoff, an upstream's Retry-After). */
  retry(c: ClaimedTask, runAfter: Date, note: string): Promise<boolean>;
  /** Hands the task back without counting the attempt (shutdown, waiting for frame 1). */
  release(c: ClaimedTask, runAfter: Date): Promise<boolean>;
  /** Tells every worker (in any process) running the task to stop: it was deleted. */
  cancel(taskId: number): Promise<void>;
  /** Wake-ups for this process's worker; returns the unsubscribe. */
  subscribe(listener: QueueListener): Promise<() => Promise<void>>;
  close(): Promise<void>;
}
