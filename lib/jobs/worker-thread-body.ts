// Body of the web server's worker thread (worker-thread.ts): this thread's queue worker, until
// the web thread asks it to stop.
import { parentPort } from "node:worker_threads";
import { closeDatabase } from "@/lib/db/client";
import { closeWorkerPool } from "@/lib/workers/pool";
import { closeTaskQueue } from "./queue-factory";
import { startWorker } from "./worker";
import type { StopWorkerThread } from "./worker-thread";

const port = parentPort;
if (!port) throw new Error("lib/jobs/worker-thread-body.ts runs only inside a worker thread");

// As in `npm run worker`: a stray rejection (a driver callback while the database restarts) must
// not end the thread with every running task; the queue re-delivers anything lost.
process.on("unhandledRejection", (error) => {
  console.error(`[worker] unhandled rejection: ${error instanceof Error ? error.stack : error}`);
});

const worker = startWorker();
// The listener keeps this thread alive (the worker's own timers are unref'd).
port.on("message", async (message: StopWorkerThread) => {
  if (typeof message?.stop !== "number") return;
  await worker.stop(message.stop);
  await Promise.allSettled([closeTaskQueue(), closeWorkerPool()]);
  await closeDatabase().catch(() => undefined);
  process.exit(0);
});
