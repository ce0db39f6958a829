import PgBoss from "pg-boss";
import { getEnv } from "@/lib/config/env";
import { getPool, writeTransaction } from "@/lib/db/client";
import { BOSS_SCHEMA } from "@/lib/db/postgres/boss-schema";
import {
  deliverTasks,
  insertTaskIdWithDeliveryGrouped,
  insertTaskWithDeliveryGrouped,
} from "@/lib/db/postgres/enqueue";
import { listenChannel } from "@/lib/db/postgres/listen";
import {
  claimDueTasks,
  completeHeldTask,
  sweepCandidates,
  tasksWithQueuedJob,
  whileHoldingSweepLock,
} from "@/lib/db/postgres/queue";
import { failTaskRow, releaseTask, renewLease, requeueTask, rerunUpdate } from "@/lib/db/queue";
import type { NewTask, Task } from "@/lib/db/schema";
import { getTaskById, insertBatchWithTasksIn, insertTask } from "@/lib/db/tasks";
import type { ClaimedTask, QueueListener, TaskQueue } from "./task-queue";

const CHANNEL = "pixel_tasks";
const QUEUE_PREFIX = "pixel-task.";
/** a pending row untouched this long without a queued job has lost its delivery */
const LOST_AFTER_MS = 10_000;

const queueName = (provider: string) => `${QUEUE_PREFIX}${provider}`;

type Message = { e: "enqueued" } | { e: "cancelled"; id: number };

export async function createPgBossQueue(): Promise<TaskQueue> {
  const pool = await getPool();
  const boss = new PgBoss({
    db: { executeSql: (text, values) => pool.query(text, values) },
    schema: BOSS_SCHEMA,
    // Maintenance (expiry, archiving) runs in every process; pg-boss locks it internally.
    supervise: true,
    schedule: false,
  });
  boss.on("error", (error) => console.error(`[queue] pg-boss: ${error.message}`));
  await boss.start();

  // One creation per queue name in this process (concurrent create_queue calls deadlock in
  // pg-boss); another process creating it at the same moment is caught and re-checked.
  const known = new Map<string, Promise<string>>();
  function ensureQueue(provider: string): Promise<string> {
    const name = queueName(provider);
    let ready = known.get(name);
    if (!ready) {
      ready = createQueueOnce(name);
      known.set(name, ready);
      ready.catch(() => known.delete(name));
    }
    return ready;
  }
  async function createQueueOnce(name: string): Promise<string> {
    for (let attempt = 1; ; attempt++) {
      if (await boss.getQueue(name)) return name;
      try {
        // No retry or expiry options: a delivery never goes active in pg-boss (the claim,
        // lib/db/postgres/queue.ts, ends it at once; the task row's lease covers the run).
        await boss.createQueue(name, { name, policy: "standard" });
        return name;
      } catch (error) {
        if (attempt >= 5) throw error;
        await new Promise((r) => setTimeout(r, 50 * attempt));
      }
    }
  }

  async function deliver(tasks: Pick<Task, "id" | "provider" | "runAfter">[]): Promise<void> {
    if (tasks.length === 0) return;
    for (const provider of new Set(tasks.map((t) => t.provider))) await ensureQueue(provider);
    const now = Date.now();
    await boss.insert(
      tasks.map((t) => ({
        name: queueName(t.provider),
        data: { taskId: t.id },
        singletonKey: String(t.id),
        startAfter: t.runAfter.getTime() > now ? t.runAfter : undefined,
      })),
    );
  }

  async function publish(message: Message): Promise<void> {
    await pool.query("SELECT pg_notify($1, $2)", [CHANNEL, JSON.stringify(message)]);
  }

  // Wake-ups are coalesced: while one NOTIFY is on its way, any number of enqueues ask for one
  // more after it (a worker's tick claims everything due, so one wake-up serves them all). Not
  // awaited by the request: the job row is delivered already, and a worker that misses the
  // wake-up finds it on its next poll. Under load this took one round trip off every POST.
  let wakeInFlight = false;
  let wakeAgain = false;
  function wakeWorkers(): void {
    if (wakeInFlight) {
      wakeAgain = true;
      return;
    }
    wakeInFlight = true;
    publish({ e: "enqueued" })
      .catch((error) => console.error(`[queue] wake-up failed: ${error.message}`))
      .finally(() => {
        wakeInFlight = false;
        if (wakeAgain) {
          wakeAgain = false;
          wakeWorkers();
        }
      });
  }

  /** The row exists by now: a failed delivery is logged, and the sweeper delivers it later. */
  async function enqueued(tasks: Task[]): Promise<void> {
    try {
      await deliver(tasks);
      wakeWorkers();
    } catch (error) {
      console.error(
        `[queue] delivery of task(s) ${tasks.map((t) => t.id).join(", ")} deferred to the sweeper: ${error instanceof Error ? error.message : error}`,
      );
    }
  }

  /** After a commit that delivered `delivered`: wake the workers, deliver the rest. */
  async function deliveredOrLongWay(tasks: Task[], delivered: Set<number>): Promise<void> {
    const rest = tasks.filter((t) => !delivered.has(t.id));
    if (rest.length) await enqueued(rest);
    else if (tasks.length) wakeWorkers();
  }

  /** A task going back to the queue gets its next delivery (the claim spent the last one). */
  async function redeliver(c: ClaimedTask, runAfter: Date): Promise<void> {
    await deliver([{ id: c.task.id, provider: c.task.provider, runAfter }]);
  }

  let sweepCursor = 0;
  let lastSweep = 0;
  async function sweep(): Promise<void> {
    if (Date.now() - lastSweep < (getEnv().QUEUE_SWEEP_MS ?? 5_000)) return;
    lastSweep = Date.now();
    await whileHoldingSweepLock(async () => {
      const candidates = await sweepCandidates(sweepCursor, LOST_AFTER_MS);
      sweepCursor = candidates.length ? candidates[candidates.length - 1].id : 0;
      const queued = await tasksWithQueuedJob(
        BOSS_SCHEMA,
        candidates.map((c) => c.id),
      );
      const lost = candidates.filter((c) => !queued.has(c.id));
      await deliver(lost);
      if (lost.length) await publish({ e: "enqueued" });
    });
  }

  // values the grouped statement cannot carry (an explicit id, SQL expressions): inserted alone,
  // then delivered the long way
  async function enqueueAlone(values: NewTask): Promise<Task> {
    const task = await insertTask(values);
    await enqueued([task]);
    return task;
  }

  return {
    engine: "pg-boss",
    async enqueue(values) {
      // the task and its delivery in one statement (one commit, one WAL flush), shared with the
      // other tasks this process enqueues in the same turn
      const made = await insertTaskWithDeliveryGrouped(
        values,
        BOSS_SCHEMA,
        QUEUE_PREFIX,
        await ensureQueue(values.provider),
      );
      if (!made) return enqueueAlone(values);
      if (made.delivered) wakeWorkers();
      else await enqueued([made.task]);
      return made.task;
    },
    async enqueueReturningId(values) {
      const made = await insertTaskIdWithDeliveryGrouped(
        values,
        BOSS_SCHEMA,
        QUEUE_PREFIX,
        await ensureQueue(values.provider),
      );
      if (!made) return (await enqueueAlone(values)).id;
      if (made.delivered) wakeWorkers();
      else {
        // the long way (no job written: rare) reads the row's provider and run_after back
        const task = await getTaskById(made.id);
        if (task) await enqueued([task]);
      }
      return made.id;
    },
    // A batch's frames and a re-rolled frame commit with their jobs (one commit, one WAL flush,
    // where the jobs used to be a second); a task without a job (its provider's queue not
    // created yet, a singleton conflict) is delivered the long way after the commit.
    async enqueueBatch(batch, makeTasks) {
      const { delivered, ...result } = await writeTransaction(function* (tx) {
        const made = yield* insertBatchWithTasksIn(tx, batch, makeTasks);
        const ids = made.tasks.map((t) => t.id);
        const jobs = ids.length
          ? yield tx.execute(deliverTasks(BOSS_SCHEMA, QUEUE_PREFIX, ids))
          : undefined;
        return { ...made, delivered: deliveredIds(jobs) };
      });
      await deliveredOrLongWay(result.tasks, delivered);
      return result;
    },
    async enqueueRerun(id, values) {
      const { task, delivered } = await writeTransaction(function* (tx) {
        const [row] = (yield rerunUpdate(tx, id, values)) as Task[];
        const jobs = row
          ? yield tx.execute(deliverTasks(BOSS_SCHEMA, QUEUE_PREFIX, [row.id]))
          : undefined;
        return { task: row!, delivered: deliveredIds(jobs) };
      });
      if (task) await deliveredOrLongWay([task], delivered);
      return task;
    },

    async claim({ owner, leaseMs, capacity, limits }) {
      await sweep().catch((error) => console.error(`[queue] sweep failed: ${error.message}`));
      const wanted = [...capacity]
        .filter(([, free]) => free > 0)
        .map(([provider, free]) => ({
          provider,
          queue: queueName(provider),
          free,
          cap: limits.get(provider) ?? free,
        }));
      const claimed = await claimDueTasks(BOSS_SCHEMA, wanted, owner, leaseMs);
      return claimed.map((task) => ({ task, owner }));
    },

    heartbeat: (c, leaseMs, progress) => renewLease(c.task.id, c.owner, leaseMs, progress),
    complete: (c, outputs) => completeHeldTask(c.task.id, c.owner, outputs),
    fail: (c, message) => failTaskRow(c.task.id, c.owner, message),
    async retry(c, runAfter, note) {
      const ok = await requeueTask(c.task.id, c.owner, runAfter, note);
      if (ok) await redeliver(c, runAfter);
      return ok;
    },
    async release(c, runAfter) {
      const ok = await releaseTask(c.task.id, c.owner, runAfter);
      if (ok) await redeliver(c, runAfter);
      return ok;
    },
    async cancel(taskId) {
      await publish({ e: "cancelled", id: taskId });
    },

    async subscribe(listener) {
      return listen(listener);
    },
    async close() {
      await boss.stop({ graceful: false, close: false, wait: true });
    },
  };
}

/** Wake-ups and cancellations from every process; a reconnect polls for anything missed. */
function listen(listener: QueueListener): () => Promise<void> {
  return listenChannel(CHANNEL, {
    message(payload) {
      try {
        const m = JSON.parse(payload) as Message;
        if (m.e === "enqueued") listener.enqueued();
        else if (m.e === "cancelled") listener.cancelled(m.id);
      } catch {
        // not ours
      }
    },
    state(listening) {
      // Anything enqueued while we were not listening is found by this poll.
      if (listening) listener.enqueued();
    },
  });
}

/** The task ids of deliverTasks' RETURNING rows. */
function deliveredIds(result: unknown): Set<number> {
  const rows = (result as { rows?: { task_id: number }[] } | undefined)?.rows ?? [];
  return new Set(rows.map((r) => Number(r.task_id)));
}
