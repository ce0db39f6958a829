import type { Caller } from "@/lib/auth/caller";
import { getEnv } from "@/lib/config/env";
import { getPool } from "@/lib/db/client";
import { DIALECT } from "@/lib/db/schema";
import { QuotaExceededError } from "@/lib/errors";
import { memoryLimiter, type SharedRateLimiter } from "@/lib/security/rate-limit";
import { postgresLimiter } from "@/lib/security/rate-limit-postgres";
import { redisLimiter } from "@/lib/security/rate-limit-redis";
import { getRedis } from "@/lib/security/redis-connection";

// Per-key limit on generation (tasks per minute; a batch of 4 counts 4). Browser sessions are
// limited per user. The bucket lives where every web process sees it: Redis when REDIS_URL is
// set, else the PostgreSQL database, else (SQLite: one web process, the embedded default) memory.
const globalForLimits = globalThis as unknown as { __pixelGenLimiter?: SharedRateLimiter };

function perMinute(): number {
  return getEnv().GENERATION_RATE_LIMIT_PER_MIN ?? 60;
}

function limiter(): SharedRateLimiter {
  if (!globalForLimits.__pixelGenLimiter) {
    const options = { limit: perMinute(), windowMs: 60_000 };
    const { REDIS_URL, REDIS_KEY_PREFIX } = getEnv();
    globalForLimits.__pixelGenLimiter = REDIS_URL
      ? redisLimiter(getRedis(REDIS_URL, REDIS_KEY_PREFIX), "generation", options)
      : DIALECT === "postgres"
        ? postgresLimiter(
            { query: async (text, values) => (await getPool()).query(text, values) },
            "generation",
            options,
          )
        : memoryLimiter(options);
  }
  return globalForLimits.__pixelGenLimiter;
}

export async function consumeGenerationQuota(caller: Caller, tasks: number): Promise<void> {
  const key = caller.keyId ? `key:${caller.keyId}` : `user:${caller.user.id}`;
  const result = await limiter().consume(key, tasks);
  if (!result.ok) {
    throw new QuotaExceededError(
      "Rate limit exceeded: too many generation tasks",
      result.retryAfterSeconds,
      `Limit is ${perMinute()} tasks per minute; retry after ${result.retryAfterSeconds} s`,
    );
  }
}
