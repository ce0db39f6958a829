import { ApiError } from "@/lib/api/errors";
import { pixelHandler } from "@/lib/api/handler";
import { checkHealth } from "@/lib/ops/health";
import { isDraining, isReady } from "@/lib/ops/lifecycle";

export const dynamic = "force-dynamic";

/**
 * Readiness for load balancers: 503 "starting" until start-up (migrations, queue, warm-up) is
 * done; then database, storage and queue reachable → 200; otherwise 503 in
 * the Pixel backend API's error shape, naming what is down, so the balancer takes this process
 * out of rotation until it recovers.
 */
export const GET = pixelHandler(async () => {
  if (isDraining()) {
    throw new ApiError(503, "Service unavailable: this process is shutting down", {
      headers: { "Retry-After": "5", "Cache-Control": "no-store" },
    });
  }
  if (!isReady()) {
    // Not broken: migrations, the queue and the warm-up are still under way.
    throw new ApiError(503, "Service unavailable: this process is starting", {
      headers: { "Retry-After": "2", "Cache-Control": "no-store" },
    });
  }
  const report = await checkHealth();
  if (!report.ok) {
    const down = Object.entries(report.checks)
      .filter(([, c]) => !c.ok)
      .map(([name, c]) => `${name} (${c.error})`);
    throw new ApiError(503, `Service unavailable: ${down.join("; ")} unreachable`, {
      headers: { "Retry-After": "5", "Cache-Control": "no-store" },
    });
  }
  const checks = Object.fromEntries(
    Object.entries(report.checks).map(([name, c]) => [
      name,
      // slow: the check outlived its deadline but the backend answered within STALE_AFTER_MS
      { status: "ok", ms: c.ms, ...(c.slow ? { slow: true } : {}) },
    ]),
  );
  return Response.json({ status: "ok", checks }, { headers: { "Cache-Control": "no-store" } });
});
