// `npm run worker`: the queue worker on its own (run the server with RUN_WORKER=false to leave
// all work to such processes). Several may run against one database.
import { startWorker } from "@/lib/jobs/worker";

const worker = startWorker();
console.log(`[worker] ${worker.owner} started`);
const stop = (signal: string) => {
  console.log(`[worker] ${signal}: finishing running tasks…`);
  worker.stop(10_000).finally(() => process.exit(0));
};
process.once("SIGTERM", () => stop("SIGTERM"));
process.once("SIGINT", () => stop("SIGINT"));
