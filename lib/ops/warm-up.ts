// Warm-up of a web process before it reports healthy: the first request to each route loads its
// compiled module (and zod schemas, drizzle, the OpenAPI registry …), which took 0.75–1.6 s on a
// restarted process under load. Requesting the main routes once, over loopback, moves that cost
// before the balancer sends the first real request.
import crypto from "node:crypto";
import { getEnv } from "@/lib/config/env";

/** The routes users hit most: the API families' reads and writes, and the studio page. */
const ROUTES: { path: string; method?: "GET" | "POST" }[] = [
  { path: "/api/health/live" },
  { path: "/api/v1/models" },
  { path: "/api/v1/tasks" },
  { path: "/api/v1/task/1" },
  { path: "/api/v1/batches" },
  { path: "/api/v1/batch/1" },
  { path: "/api/v1/tasks/task_1" },
  { path: "/api/v1/generate", method: "POST" },
  { path: "/api/v1/batch-generate", method: "POST" },
  { path: "/api/v1/generations/image", method: "POST" },
  { path: "/" },
];

const WARM_UP_DEADLINE_MS = 30_000;

/**
 * The warm-up's own requests carry this process's random token, so their expected 4xx answers
 * (no credentials, empty bodies) are not logged as if a client had sent them: at every start they
 * filled the log with 401s and 400s. Only this process knows the token, so nobody else can hide
 * a request from the log with it.
 */
export const WARM_UP_HEADER = "x-pixel-warm-up";
const globalForWarmUp = globalThis as unknown as { __pixelWarmUpToken?: string };
function warmUpToken(): string {
  globalForWarmUp.__pixelWarmUpToken ??= crypto.randomBytes(16).toString("hex");
  return globalForWarmUp.__pixelWarmUpToken;
}

/** True for this process's own warm-up requests (see WARM_UP_HEADER). */
export function isWarmUpRequest(headers: { get(name: string): string | null }): boolean {
  const sent = headers.get(WARM_UP_HEADER);
  const token = globalForWarmUp.__pixelWarmUpToken;
  if (!sent || !token || sent.length !== token.length) return false;
  return crypto.timingSafeEqual(Buffer.from(sent), Buffer.from(token));
}

/** This process's own address: HOST when it names one interface, else loopback. */
function ownOrigin(): string {
  const env = getEnv();
  const host = !env.HOST || env.HOST === "0.0.0.0" || env.HOST === "::" ? "127.0.0.1" : env.HOST;
  return `http://${host.includes(":") ? `[${host}]` : host}:${env.PORT ?? 3000}`;
}

/**
 * Requests every route once (answers such as 401 are fine: the module is loaded either way).
 * Waits for the server to listen; never throws; bounded by WARM_UP_DEADLINE_MS.
 */
export async function warmUp(log: (msg: string) => void = console.log): Promise<void> {
  const origin = ownOrigin();
  const started = Date.now();
  const deadline = started + WARM_UP_DEADLINE_MS;
  // the listener may not accept yet while register() runs: retry the first route until it does
  for (;;) {
    try {
      await fetch(`${origin}${ROUTES[0].path}`, {
        headers: { [WARM_UP_HEADER]: warmUpToken() },
        signal: AbortSignal.timeout(5_000),
      });
      break;
    } catch {
      if (Date.now() > deadline) {
        log(`[web] warm-up: ${origin} did not answer; serving cold`);
        return;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  for (const { path, method = "GET" } of ROUTES.slice(1)) {
    const left = deadline - Date.now();
    if (left <= 0) break;
    await fetch(`${origin}${path}`, {
      method,
      headers: {
        [WARM_UP_HEADER]: warmUpToken(),
        ...(method === "POST" ? { "Content-Type": "application/json" } : {}),
      },
      body: method === "POST" ? "{}" : undefined,
      signal: AbortSignal.timeout(Math.min(left, 10_000)),
    })
      .then((res) => res.arrayBuffer())
      .catch(() => undefined);
  }
  log(`[web] warmed up ${ROUTES.length} routes in ${Date.now() - started} ms`);
}
