// Next.js calls register() once per server process: the queue worker starts here, so `npm start`
// serves the studio and runs its tasks in one process. RUN_WORKER=false leaves the work to
// separate `npm run worker` processes.
export async function register() {
  // NEXT_RUNTIME is Next's own build-time switch (read literally so the edge bundle drops the rest).
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // Validate the whole environment now: a bad variable stops start-up with its name.
  const { getEnv } = await import("@/lib/config/env");
  getEnv();
  // Connect and migrate now: a bad DATABASE_URL stops the server at start, naming the variable.
  const { getDb } = await import("@/lib/db/client");
  try {
    await getDb();
  } catch (error) {
    console.error(`[db] ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  }
  const { startServerWorker } = await import("@/lib/jobs/server-worker");
  startServerWorker();
}
