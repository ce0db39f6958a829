// The worker-thread pool for CPU-heavy drawing and encoding (the offline engine, pixelize, GIF
// and sheet encoding, ZIP contents): the work runs off the event loop that answers requests,
// in the web server and in `npm run worker` alike.
//
//   const frame = await runJob("spriteFrame", options);   // typed from lib/workers/jobs.ts
//
// Threads start on first use and are unref'd while idle, so a CLI or test process still exits
// on its own. CPU_WORKER_THREADS sets the size (default: one less than the cores, at least 1,
// so one core stays with the event loop). A job that throws rejects with an Error of the same
// name, message and simple properties; a thread that dies is replaced and its job rejected.
import os from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
// sharp (libvips) must be loaded by the main thread before any thread loads it, so its shared
// libraries stay loaded when a thread exits (sharp's notes on worker threads, glibc).
import "sharp";
import { getEnv } from "@/lib/config/env";
import type { JobName, Jobs } from "./jobs";
import type { JobReply, JobRequest } from "./thread";
import { pack, reviveError, unpack } from "./transfer";

type Args<K extends JobName> = Parameters<Jobs[K]>;
type Result<K extends JobName> = Awaited<ReturnType<Jobs[K]>>;

export interface JobOptions {
  /**
   * Buffers of the arguments the caller hands over for good (moved, not copied). Left out,
   * arguments are copied and stay usable.
   */
  transferArgs?: boolean;
}

interface QueuedJob {
  request: JobRequest;
  transfer: ArrayBuffer[];
  resolve(value: unknown): void;
  reject(error: Error): void;
}

interface Thread {
  worker: Worker;
  job?: QueuedJob;
}

/**
 * The entry file by path from the project root, not through the bundler: under `next start` the
 * server code is bundled, but the thread loads lib/ from the sources (as migrations are read
 * from drizzle/), with tsx teaching it TypeScript.
 */
export function workerEntry(): string {
  return path.join(/*turbopackIgnore: true*/ process.cwd(), "lib", "workers", "worker-entry.mjs");
}

/**
 * A thread running `body` (a lib/ module, by its path from lib/workers/, e.g.
 * "../jobs/worker-thread-body.ts") with TypeScript loading set up as in the pool's threads.
 */
export function startLibThread(body: string): Worker {
  return new Worker(workerEntry(), { execArgv: [], workerData: { body } });
}

export function poolSize(): number {
  const configured = getEnv().CPU_WORKER_THREADS;
  if (configured) return configured;
  return Math.max(1, (os.availableParallelism?.() ?? os.cpus().length) - 1);
}

class WorkerPool {
  private readonly threads: Thread[] = [];
  private readonly queue: QueuedJob[] = [];
  private nextId = 1;
  private closed = false;

  constructor(private readonly size: number) {}

  run(name: JobName, args: unknown[], o: JobOptions): Promise<unknown> {
    if (this.closed) return Promise.reject(new Error("the worker pool is closed"));
    const transfer = new Set<ArrayBuffer>();
    const request: JobRequest = {
      id: this.nextId++,
      name,
      args: pack(args, o.transferArgs ? transfer : undefined) as unknown[],
    };
    return new Promise((resolve, reject) => {
      this.queue.push({ request, transfer: [...transfer], resolve, reject });
      this.dispatch();
    });
  }

  private dispatch(): void {
    while (this.queue.length) {
      let thread = this.threads.find((t) => !t.job);
      if (!thread && this.threads.length < this.size) thread = this.spawn();
      if (!thread) return;
      const job = this.queue.shift()!;
      thread.job = job;
      // A thread busy with a job keeps the process alive; idle ones don't.
      thread.worker.ref();
      // Messages wait in the thread's port until it has loaded and listens.
      thread.worker.postMessage(job.request, job.transfer);
    }
  }

  private spawn(): Thread {
    const worker = new Worker(workerEntry(), {
      // The thread sets up its own TypeScript loading; the parent's flags (vitest's, tsx's
      // --import) are not meant for it.
      execArgv: [],
    });
    const thread: Thread = { worker };
    worker.on("message", (msg: JobReply) => {
      const job = thread.job;
      if (!job || job.request.id !== msg.id) return;
      thread.job = undefined;
      worker.unref();
      if (msg.ok) job.resolve(unpack(msg.value));
      else job.reject(reviveError(msg.error, job.request.name));
      this.dispatch();
    });
    const lost = (error: Error) => {
      const i = this.threads.indexOf(thread);
      if (i >= 0) this.threads.splice(i, 1);
      thread.job?.reject(error);
      thread.job = undefined;
      if (!this.closed) this.dispatch();
    };
    worker.on("error", lost);
    worker.on("exit", (code) => lost(new Error(`worker pool thread exited (code ${code})`)));
    this.threads.push(thread);
    return thread;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new Error("the worker pool is closed"));
    await Promise.all(this.threads.map((t) => t.worker.terminate()));
  }
}

const globalForPool = globalThis as unknown as { __pixelWorkerPool?: WorkerPool };

function pool(): WorkerPool {
  globalForPool.__pixelWorkerPool ??= new WorkerPool(poolSize());
  return globalForPool.__pixelWorkerPool;
}

/** Runs a job from jobs.ts on a pool thread; resolves with what the lib function returns. */
export function runJob<K extends JobName>(
  name: K,
  args: Args<K>,
  o: JobOptions = {},
): Promise<Result<K>> {
  return pool().run(name, args, o) as Promise<Result<K>>;
}

/** Stops the threads (process shutdown, tests); the next runJob starts a new pool. */
export async function closeWorkerPool(): Promise<void> {
  const p = globalForPool.__pixelWorkerPool;
  globalForPool.__pixelWorkerPool = undefined;
  await p?.close();
}
