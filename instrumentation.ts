// Next.js calls register() once per server process: start-up checks run here, then the queue
// worker starts, so `npm start` serves the studio and runs its tasks in one process.
// RUN_WORKER=false leaves the work to separate `npm run worker` processes.
export async function register() {
  // NEXT_RUNTIME is Next's own build-time switch (read literally so the edge bundle drops the rest).
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // Validate the whole environment and reach the file store now: a bad variable or a missing
  // bucket stops start-up with the variable's name (exit 1) instead of failing on first use.
  const { checkStartup, exitOnStartupError } = await import("@/lib/ops/lifecycle");
  await checkStartup().catch((error) => exitOnStartupError("web", error));
  // Connect and migrate now: a bad DATABASE_URL stops the server at start, naming the variable.
  const { getDb } = await import("@/lib/db/client");
  try {
    await getDb();
  } catch (error) {
    console.error(`[db] ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  }
  const { trackHttpRequests } = await import("@/lib/ops/http-drain");
  trackHttpRequests();
  const { startServerWorker } = await import("@/lib/jobs/server-worker");
  startServerWorker();
  // Healthy only once the queue is up and the main routes are loaded (lib/ops/warm-up.ts); the
  // warm-up requests reach this server, so they run after register() has returned.
  const { markReady } = await import("@/lib/ops/lifecycle");
  const { warmUp } = await import("@/lib/ops/warm-up");
  const { getTaskQueue } = await import("@/lib/jobs/queue-factory");
  void (async () => {
    await getTaskQueue().catch((error) =>
      console.error(
        `[web] queue not reachable yet: ${error instanceof Error ? error.message : error}`,
      ),
    );
    await warmUp();
    markReady();
  })();
}
