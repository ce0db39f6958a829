import { type Env, getEnv } from "@/lib/config/env";
import { startWorker } from "./worker";

/** Starts the in-process worker (unless RUN_WORKER=false) and stops it cleanly on SIGTERM/SIGINT. */
export function startServerWorker(env: Env = getEnv()): void {
  if (env.RUN_WORKER === false) return;
  const worker = startWorker();
  const stop = () => {
    worker.stop(3_000).finally(() => process.exit(0));
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}
