// Next.js calls register() once per server process: the queue worker starts here, so `npm start`
// serves the studio and runs its tasks in one process. RUN_WORKER=false leaves the work to
// separate `npm run worker` processes.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if ((process.env.RUN_WORKER ?? "true").toLowerCase() === "false") return;
  const { startWorker } = await import("@/lib/jobs/worker");
  const worker = startWorker();
  const stop = () => {
    worker.stop(3_000).finally(() => process.exit(0));
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}
