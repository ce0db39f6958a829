import type { Caller } from "@/lib/auth/caller";
import { getEnv } from "@/lib/config/env";
import { QuotaExceededError } from "@/lib/errors";
import { createRateLimiter, type RateLimiter } from "@/lib/security/rate-limit";

// Per-key limit on generation (tasks per minute; a batch of 4 counts 4). Browser sessions are
// limited per user. In-memory: one server process is the default deployment.
const globalForLimits = globalThis as unknown as { __pixelGenLimiter?: RateLimiter };

function perMinute(): number {
  return getEnv().GENERATION_RATE_LIMIT_PER_MIN ?? 60;
}

function limiter(): RateLimiter {
  globalForLimits.__pixelGenLimiter ??= createRateLimiter({
    limit: perMinute(),
    windowMs: 60_000,
  });
  return globalForLimits.__pixelGenLimiter;
}

export function consumeGenerationQuota(caller: Caller, tasks: number): void {
  const key = caller.keyId ? `key:${caller.keyId}` : `user:${caller.user.id}`;
  const result = limiter().consume(key, tasks);
  if (!result.ok) {
    throw new QuotaExceededError(
      "Rate limit exceeded: too many generation tasks",
      result.retryAfterSeconds,
      `Limit is ${perMinute()} tasks per minute; retry after ${result.retryAfterSeconds} s`,
    );
  }
}
