// One Redis connection per process (REDIS_URL), shared by the rate limiters.
import Redis from "ioredis";

const globalForRedis = globalThis as unknown as { __pixelRedis?: Redis };

export function getRedis(url: string, keyPrefix = "pixel-studio:"): Redis {
  globalForRedis.__pixelRedis ??= new Redis(url, {
    // ioredis prepends this to every key, including the KEYS of our Lua scripts
    keyPrefix,
    // While Redis is down a request must fail within about a second (and answer 503), not
    // queue behind ioredis's default of 20 reconnect attempts.
    maxRetriesPerRequest: 1,
    connectTimeout: 2_000,
    // reconnect forever in the background, at most every 2 s
    retryStrategy: (times) => Math.min(times * 200, 2_000),
  });
  return globalForRedis.__pixelRedis;
}

export async function closeRedis(): Promise<void> {
  const r = globalForRedis.__pixelRedis;
  globalForRedis.__pixelRedis = undefined;
  await r?.quit().catch(() => r.disconnect());
}
