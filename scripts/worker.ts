// `npm run worker`: the queue worker on its own (run the web servers with RUN_WORKER=false to
// leave all work to such processes). Several may run against one database.
import { startWorker } from "@/lib/jobs/worker";
import { checkStartup, exitOnStartupError, installGracefulShutdown } from "@/lib/ops/lifecycle";

// A stray rejection (a driver callback while the database restarts) must not take the worker
// down with every running task; log it and keep going. The queue re-delivers anything lost.
process.on("unhandledRejection", (error) => {
  console.error(`[worker] unhandled rejection: ${error instanceof Error ? error.stack : error}`);
});

async function main() {
  await checkStartup().catch((error) => exitOnStartupError("worker", error));
  const worker = startWorker();
  // The worker's poll timer is unref'd (inside the web server it must not hold the process
  // open), so alone it would leave the event loop empty whenever the queue is idle and the
  // process would exit with code 0. This handle keeps a worker-only process alive until a
  // signal stops it.
  setInterval(() => undefined, 1 << 30);
  installGracefulShutdown({ role: "worker", worker });
  console.log(`[worker] ${worker.owner} started`);
}

void main();
