// The queue worker. Runs inside the Next.js server process by default (instrumentation.ts) or
// alone (`npm run worker`); several may run against one database: the queue (task-queue.ts)
// hands each task to one worker at a time and holds each provider's cap across all of them.
import crypto from "node:crypto";
import os from "node:os";
import { type Env, getEnv } from "@/lib/config/env";
import { recordUpstreamId } from "@/lib/db/queue";
import { getTaskById } from "@/lib/db/tasks";
import { DomainError } from "@/lib/errors";
import { unavailableBackend } from "@/lib/ops/availability";
import { CONTENT_REFUSAL_MESSAGE, ProviderError } from "@/lib/providers/errors";
import { allAdapters, getAdapter, providerConfig } from "@/lib/providers/registry";
import { getBlobStore, taskPrefix } from "@/lib/storage/blob-store";
import { executeTask, WaitForReference } from "./execute-task";
import { sendBatchEmailIfDone, sendCompletionEmail } from "./notify";
import { getTaskQueue } from "./queue-factory";
import { backoffDelayMs, maxAttempts } from "./retry-policy";
import { storeOutputs } from "./store-outputs";
import type { ClaimedTask, TaskQueue } from "./task-queue";

export interface WorkerOptions {
  owner?: string;
  leaseMs?: number;
  heartbeatMs?: number;
  pollMs?: number;
  /** total time one run may spend on submit + polling */
  taskDeadlineMs?: number;
  env?: Env;
  log?: (msg: string) => void;
}

class TaskGone extends Error {
  constructor() {
    super("task deleted or taken over");
  }
}

/** The run's total deadline passed (TASK_TIMEOUT_MS): the task fails, it is not handed back. */
class TaskDeadline extends Error {
  constructor(readonly ms: number) {
    super(`the task did not finish within ${ms / 1000} s (TASK_TIMEOUT_MS)`);
  }
}

/** Rejects with the signal's reason once it aborts; never resolves. */
function whenAborted(signal: AbortSignal): Promise<never> {
  const p = new Promise<never>((_, reject) => {
    if (signal.aborted) reject(signal.reason);
    else signal.addEventListener("abort", () => reject(signal.reason), { once: true });
  });
  p.catch(() => undefined);
  return p;
}

export class Worker {
  readonly owner: string;
  private readonly leaseMs: number;
  private readonly heartbeatMs: number;
  private readonly pollMs: number;
  private readonly taskDeadlineMs: number;
  /** each provider's cap across all workers (<PROVIDER>_CONCURRENCY) */
  private readonly limits = new Map<string, number>();
  /** how many tasks of each provider this worker runs at once (WORKER_CONCURRENCY caps it) */
  private readonly perWorker = new Map<string, number>();
  private readonly active = new Map<string, number>();
  private readonly running = new Map<number, AbortController>();
  private readonly inFlight = new Set<Promise<void>>();
  private timer?: NodeJS.Timeout;
  private ticking?: Promise<void>;
  private again = false;
  private stopped = true;
  private queue?: TaskQueue;
  private unsubscribe?: Promise<(() => Promise<void>) | undefined>;
  private readonly log: (msg: string) => void;

  constructor(opts: WorkerOptions = {}) {
    const env = opts.env ?? getEnv();
    this.owner =
      opts.owner ?? `${os.hostname()}:${process.pid}:${crypto.randomBytes(3).toString("hex")}`;
    this.leaseMs = opts.leaseMs ?? env.TASK_LEASE_MS ?? 15_000;
    this.heartbeatMs = opts.heartbeatMs ?? Math.max(200, Math.floor(this.leaseMs / 3));
    this.pollMs = opts.pollMs ?? 500;
    this.taskDeadlineMs = opts.taskDeadlineMs ?? env.TASK_TIMEOUT_MS ?? 15 * 60_000;
    this.log = opts.log ?? ((m) => console.log(`[worker] ${m}`));
    for (const adapter of allAdapters()) {
      // <PROVIDER>_CONCURRENCY as the provider's config reads it; unconfigured providers still
      // get a slot count so their queued tasks are claimed and failed with a reason.
      const configured = providerConfig(adapter.id, env)?.concurrency;
      const cap = configured ?? adapter.defaultConcurrency;
      this.limits.set(adapter.id, cap);
      this.perWorker.set(adapter.id, Math.min(cap, env.WORKER_CONCURRENCY ?? cap));
    }
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    // Wake-ups: in-process on SQLite, LISTEN/NOTIFY across processes on PostgreSQL.
    this.unsubscribe = getTaskQueue()
      .then((queue) =>
        queue.subscribe({
          enqueued: () => void this.tick(),
          cancelled: (taskId) => this.running.get(taskId)?.abort(new TaskGone()),
        }),
      )
      .catch((error) => {
        this.log(`queue not reachable yet: ${error instanceof Error ? error.message : error}`);
        return undefined;
      });
    this.timer = setInterval(() => void this.tick(), this.pollMs);
    this.timer.unref?.();
    void this.tick();
  }

  /** Stops claiming; running tasks get `graceMs` to finish, then go back to the queue. */
  async stop(graceMs = 5_000): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await (await this.unsubscribe)?.();
    await this.ticking;
    const all = Promise.allSettled([...this.inFlight]);
    const timeout = new Promise((r) => setTimeout(r, graceMs).unref?.());
    await Promise.race([all, timeout]);
    for (const ctrl of this.running.values()) ctrl.abort(new Error("worker shutting down"));
    await all;
  }

  get activeCount(): number {
    return this.running.size;
  }

  private capacity(): Map<string, number> {
    const free = new Map<string, number>();
    for (const [id, n] of this.perWorker) {
      const left = n - (this.active.get(id) ?? 0);
      if (left > 0) free.set(id, left);
    }
    return free;
  }

  /**
   * Claims as many tasks as there is capacity for. Calls while a pass is running coalesce into
   * one more pass; the returned promise settles when this caller's pass (or the one it joined) ends.
   */
  tick(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.ticking) {
      this.again = true;
      return this.ticking;
    }
    this.ticking = this.claimLoop().finally(() => {
      this.ticking = undefined;
    });
    return this.ticking;
  }

  private async claimLoop(): Promise<void> {
    try {
      do {
        this.again = false;
        for (;;) {
          if (this.stopped) return;
          const capacity = this.capacity();
          if (capacity.size === 0) break;
          this.queue ??= await getTaskQueue();
          const claimed = await this.queue.claim({
            owner: this.owner,
            leaseMs: this.leaseMs,
            capacity,
            limits: this.limits,
          });
          if (claimed.length === 0) break;
          for (const c of claimed) {
            if (this.stopped) {
              // stop() began while this claim was in flight: hand the task straight back.
              await this.queue.release(c, new Date());
            } else {
              this.launch(this.queue, c);
            }
          }
        }
      } while (this.again && !this.stopped);
    } catch (error) {
      this.log(`claim failed: ${error instanceof Error ? error.message : error}`);
    }
  }

  private launch(queue: TaskQueue, c: ClaimedTask): void {
    const { task } = c;
    this.active.set(task.provider, (this.active.get(task.provider) ?? 0) + 1);
    const run = this.run(queue, c)
      // run() settles every failure itself; this only guards the process against a bug there
      .catch((error) =>
        this.log(`task ${task.id}: ${error instanceof Error ? error.message : error}`),
      )
      .finally(() => {
        this.active.set(task.provider, (this.active.get(task.provider) ?? 1) - 1);
        this.inFlight.delete(run);
        void this.tick();
      });
    this.inFlight.add(run);
  }

  private async run(queue: TaskQueue, c: ClaimedTask): Promise<void> {
    const { task } = c;
    const ctrl = new AbortController();
    this.running.set(task.id, ctrl);
    const heartbeat = setInterval(() => {
      queue.heartbeat(c, this.leaseMs).then(
        (held) => held || ctrl.abort(new TaskGone()),
        (error) => this.log(`heartbeat of task ${task.id} failed: ${error}`),
      );
    }, this.heartbeatMs);
    // The run's total deadline is the worker's, not the adapter's: a timer we hold aborts the
    // run, and the work is raced against that abort, so no adapter (or download) that ignores
    // its signal can keep a task `processing` past TASK_TIMEOUT_MS.
    const deadline = setTimeout(
      () => ctrl.abort(new TaskDeadline(this.taskDeadlineMs)),
      this.taskDeadlineMs,
    );
    let upstreamId = task.upstreamId ?? undefined;
    try {
      const attemptsAllowed = maxAttempts();
      if (task.attempts > attemptsAllowed) {
        await queue.fail(
          c,
          task.errorMsg
            ? `Gave up after ${attemptsAllowed} attempts. Last error: ${task.errorMsg}`
            : `Gave up after ${attemptsAllowed} attempts: the worker stopped while processing this task`,
        );
        return;
      }
      const aborted = whenAborted(ctrl.signal);
      const { model, outputs, ctx } = await Promise.race([
        executeTask(task, {
          signal: ctrl.signal,
          deadlineMs: this.taskDeadlineMs,
          recordUpstreamId: async (id) => {
            upstreamId = id;
            // The upstream has accepted (and bills) this job: through a database outage keep
            // trying to record its id, so a later delivery resumes it instead of submitting again.
            for (let attempt = 1; ; attempt++) {
              try {
                if (!(await recordUpstreamId(task.id, this.owner, id))) ctrl.abort(new TaskGone());
                return;
              } catch (error) {
                if (!unavailableBackend(error) || ctrl.signal.aborted || attempt >= 120)
                  throw error;
                await new Promise((r) => setTimeout(r, 500));
              }
            }
          },
          reportProgress: async (p) => {
            if (!(await queue.heartbeat(c, this.leaseMs, p))) ctrl.abort(new TaskGone());
          },
        }),
        aborted,
      ]);
      const stored = await Promise.race([storeOutputs(task, model, outputs, ctx), aborted]);
      if (ctrl.signal.aborted) throw ctrl.signal.reason;
      if (await queue.complete(c, stored)) {
        if (task.sendEmail) await sendCompletionEmail(task.id).catch(() => undefined);
      } else if (!(await getTaskById(task.id))) {
        // deleted while we were storing its outputs: don't leave the files behind
        await getBlobStore().deletePrefix(taskPrefix(task.id));
      }
      if (task.batchId) await sendBatchEmailIfDone(task.batchId).catch(() => undefined);
    } catch (error) {
      const reason: unknown = ctrl.signal.aborted ? ctrl.signal.reason : undefined;
      if (reason instanceof TaskGone || reason instanceof TaskDeadline) {
        // Stop the upstream too when it can be told (ComfyUI/A1111 interrupt); best effort.
        void cancelUpstream(task.provider, upstreamId, this.log);
      }
      await this.handleFailure(queue, c, error, ctrl.signal).catch((e) => {
        // Recording the outcome failed too (the database went away): the lease runs out and
        // the task is delivered again, resuming its upstream job if one was recorded.
        this.log(
          `task ${task.id}: could not record its outcome (${e instanceof Error ? e.message : e}); it will run again`,
        );
      });
      if (task.batchId) await sendBatchEmailIfDone(task.batchId).catch(() => undefined);
    } finally {
      clearTimeout(deadline);
      clearInterval(heartbeat);
      this.running.delete(task.id);
    }
  }

  private async handleFailure(
    queue: TaskQueue,
    c: ClaimedTask,
    error: unknown,
    signal: AbortSignal,
  ): Promise<void> {
    const { task } = c;
    if (signal.aborted && signal.reason instanceof TaskGone) {
      this.log(`task ${task.id} was deleted or taken over; stopped its work`);
      // The row is gone or leased to another worker (the owner check leaves it alone); this
      // only ends our delivery.
      await queue.fail(c, "deleted");
      return;
    }
    if (signal.aborted && signal.reason instanceof TaskDeadline) {
      await queue.fail(c, `${task.provider}: ${signal.reason.message}`);
      return;
    }
    const backend = unavailableBackend(error);
    if (backend && !(error instanceof ProviderError)) {
      // Our database or bucket is down, not the task's fault: never fail it for that. Hand it
      // back if we still can; otherwise its lease runs out and it is delivered again.
      this.log(`task ${task.id}: the ${backend} is unreachable; it will be retried`);
      await queue.release(c, new Date(Date.now() + 2_000));
      return;
    }
    if (error instanceof WaitForReference) {
      await queue.release(c, new Date(Date.now() + 1000));
      return;
    }
    if (signal.aborted) {
      // Shutdown: hand the task back untouched; its upstream id (if any) lets the next run resume.
      await queue.release(c, new Date());
      return;
    }
    if (error instanceof ProviderError) {
      const message = error.kind === "content_refused" ? CONTENT_REFUSAL_MESSAGE : error.message;
      if (error.retryable && task.attempts < maxAttempts()) {
        const delay = backoffDelayMs(task.attempts, error.retryAfterMs);
        this.log(
          `task ${task.id} attempt ${task.attempts} failed (${error.kind}); retrying in ${delay} ms`,
        );
        await queue.retry(c, new Date(Date.now() + delay), `Retrying: ${message}`);
        return;
      }
      await queue.fail(c, message);
      return;
    }
    const { message, reference } = internalFailureMessage(error);
    this.log(
      `task ${task.id} failed${reference ? ` (reference ${reference})` : ""}: ${error instanceof Error ? (error.stack ?? error.message) : error}`,
    );
    await queue.fail(c, message);
  }
}

/**
 * The task's error_msg for a failure that is not the provider's: a domain error says what the
 * user can act on; anything else (a database error with its SQL and parameters, a bug) stays in
 * the server's log under a reference and the user sees a generic sentence naming it.
 */
export function internalFailureMessage(error: unknown): { message: string; reference?: string } {
  if (error instanceof DomainError) return { message: `Generation failed: ${error.message}` };
  const reference = crypto.randomBytes(4).toString("hex");
  return {
    message: `Generation failed: an internal error occurred on the server (reference ${reference})`,
    reference,
  };
}

/** Asks the upstream to stop a job we gave up on; never throws, bounded by its own timeout. */
async function cancelUpstream(
  providerId: string,
  upstreamId: string | undefined,
  log: (msg: string) => void,
): Promise<void> {
  try {
    const adapter = getAdapter(providerId);
    const config = providerConfig(providerId);
    if (!adapter.cancel || !config) return;
    await adapter.cancel(upstreamId, {
      config: { ...config, timeoutMs: Math.min(config.timeoutMs, 5_000) },
      signal: new AbortController().signal,
      fetch: globalThis.fetch,
    });
  } catch (error) {
    log(`cancel on ${providerId} failed: ${error instanceof Error ? error.message : error}`);
  }
}

const globalForWorker = globalThis as unknown as { __pixelWorker?: Worker };

/** Starts this process's worker once (idempotent across Next.js module reloads). */
export function startWorker(opts?: WorkerOptions): Worker {
  globalForWorker.__pixelWorker ??= new Worker(opts);
  globalForWorker.__pixelWorker.start();
  return globalForWorker.__pixelWorker;
}

export function currentWorker(): Worker | undefined {
  return globalForWorker.__pixelWorker;
}
