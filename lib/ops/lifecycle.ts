// Start-up checks and graceful shutdown, shared by the web process (instrumentation.ts) and the
// worker-only process (scripts/worker.ts).
import { getServerSecret } from "@/lib/auth/server-secret";
import { type Env, getEnv } from "@/lib/config/env";
import { defaultModelProblem } from "@/lib/providers/registry";
import { getBlobStore } from "@/lib/storage/blob-store";
import { storageConfig } from "@/lib/storage/storage-config";
import { drainHttp, inFlightRequests } from "./http-drain";

/**
 * Fails fast on a configuration that cannot work, with a message naming the variable: a
 * malformed STORAGE_URL, a bucket that does not exist, unusable credentials, no AUTH_SECRET on a
 * shared database, a DEFAULT_MODEL that is unknown or not configured.
 */
export async function checkStartup(): Promise<void> {
  const env: Env = getEnv(); // throws EnvError naming every bad variable
  getServerSecret(env);
  storageConfig(env);
  const defaultProblem = defaultModelProblem();
  if (defaultProblem) throw new Error(defaultProblem);
  await getBlobStore().check();
}

/** Logs a start-up failure and exits non-zero: a process that cannot work must not look alive. */
export function exitOnStartupError(role: string, error: unknown): never {
  console.error(
    `[${role}] cannot start: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
}

const globalForLifecycle = globalThis as unknown as {
  __pixelDraining?: boolean;
  __pixelReady?: boolean;
  __pixelShutdownInstalled?: boolean;
};

/** True once SIGTERM/SIGINT arrived: /api/health answers 503 so balancers stop routing here. */
export function isDraining(): boolean {
  return globalForLifecycle.__pixelDraining === true;
}

/**
 * False while the web process is starting (migrations, queue, warm-up): /api/health then says
 * "starting" (503), not that something is broken.
 */
export function isReady(): boolean {
  return globalForLifecycle.__pixelReady === true;
}

export function markReady(): void {
  globalForLifecycle.__pixelReady = true;
}

export interface Stoppable {
  /** stop claiming; running work gets `graceMs` to finish, then is handed back to the queue */
  stop(graceMs: number): Promise<void>;
}

/**
 * On SIGTERM/SIGINT: mark the process draining, and within SHUTDOWN_GRACE_MS stop the worker (if
 * any) and — for a web process (`http`) — stop accepting connections and let the requests in
 * flight finish; then exit 0. Installed once per process.
 */
export function installGracefulShutdown(opts: {
  role: string;
  worker?: Stoppable;
  graceMs?: number;
  http?: boolean;
}): void {
  if (globalForLifecycle.__pixelShutdownInstalled) return;
  globalForLifecycle.__pixelShutdownInstalled = true;
  const graceMs = opts.graceMs ?? getEnv().SHUTDOWN_GRACE_MS ?? 10_000;
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    globalForLifecycle.__pixelDraining = true;
    console.log(
      `[${opts.role}] ${signal}: draining${opts.http ? `, ${inFlightRequests()} request(s) in flight` : ""}${opts.worker ? `, running tasks get ${graceMs} ms` : ""}…`,
    );
    const started = Date.now();
    // a backstop: whatever hangs, the process is gone shortly after its grace period
    setTimeout(() => process.exit(0), graceMs + 5_000).unref();
    const http = opts.http
      ? drainHttp(graceMs).then((cut) => {
          if (cut) console.log(`[${opts.role}] ${cut} request(s) cut off after ${graceMs} ms`);
        })
      : undefined;
    Promise.allSettled([opts.worker?.stop(graceMs), http]).finally(() => {
      console.log(`[${opts.role}] stopped after ${Date.now() - started} ms`);
      process.exit(0);
    });
  };
  process.on("SIGTERM", onSignal);
  process.on("SIGINT", onSignal);
}
