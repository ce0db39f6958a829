// The web server's queue worker on a thread of its own. Drawing already ran on the pool
// (lib/workers/pool.ts), but the steps around it (claiming, the pool's reply, writing the files,
// recording the outcome: some twenty I/O steps a task) ran on the event loop that answers
// requests, and under load each step waited behind a whole turn of request handling: with 32
// clients on any route the worker drew about 3 % of its quiet rate (bench/RESULTS.md, issue #18).
// Here it has its own event loop, database connection and queue handle; the web thread wakes it
// through lib/jobs/events.ts (a BroadcastChannel), as it woke the in-process worker.
import type { Worker } from "node:worker_threads";
import type { Stoppable } from "@/lib/ops/lifecycle";
import { startLibThread } from "@/lib/workers/pool";

/** Message from the web thread: stop claiming, give running tasks `graceMs`, then exit. */
export interface StopWorkerThread {
  stop: number;
}

/** Starts the worker thread; a thread that dies is replaced after a second. */
export function startWorkerThread(
  log: (msg: string) => void = (m) => console.error(`[worker] ${m}`),
): Stoppable {
  let current: Worker | undefined;
  let stopping = false;
  const spawn = () => {
    const thread = startLibThread("../jobs/worker-thread-body.ts");
    current = thread;
    thread.on("error", (error) => log(`worker thread failed: ${error.stack ?? error.message}`));
    thread.on("exit", (code) => {
      if (current === thread) current = undefined;
      if (stopping) return;
      log(`worker thread exited (code ${code}); starting another`);
      setTimeout(spawn, 1_000).unref();
    });
  };
  spawn();
  return {
    async stop(graceMs) {
      stopping = true;
      const thread = current;
      if (!thread) return;
      const exited = new Promise((resolve) => thread.once("exit", resolve));
      thread.postMessage({ stop: graceMs } satisfies StopWorkerThread);
      await exited;
    },
  };
}
