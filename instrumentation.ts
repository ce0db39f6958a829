// Next.js calls register() once per server process: the queue worker starts here, so `npm start`
// serves the studio and runs its tasks in one process. RUN_WORKER=false leaves the work to
// separate `npm run worker` processes.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startServerWorker } = await import("@/lib/jobs/server-worker");
  startServerWorker();
}
