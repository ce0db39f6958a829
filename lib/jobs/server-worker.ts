import { type Env, getEnv } from "@/lib/config/env";
import { installGracefulShutdown } from "@/lib/ops/lifecycle";
import { startWorkerThread } from "./worker-thread";

/**
 * The web process's side of the queue: starts the worker on its own thread (unless
 * RUN_WORKER=false; worker-thread.ts says why not on the request thread) and owns graceful
 * shutdown. `npm start` sets NEXT_MANUAL_SIG_HANDLE so Next.js leaves SIGTERM to us; otherwise
 * Next.js would exit as soon as its HTTP server closed, cutting off running tasks instead of
 * releasing them.
 */
export function startServerWorker(env: Env = getEnv()): void {
  const runWorker = env.RUN_WORKER !== false;
  const worker = runWorker ? startWorkerThread() : undefined;
  if (env.NEXT_MANUAL_SIG_HANDLE || worker) {
    // Stop accepting, let requests in flight finish (SHUTDOWN_GRACE_MS at most), then exit.
    installGracefulShutdown({ role: runWorker ? "web+worker" : "web", worker, http: true });
  }
}
