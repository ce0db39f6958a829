// Token buckets in Redis (REDIS_URL), shared by every web process. One Lua script per request:
// Redis runs a script atomically, so read-refill-take is a single step for all processes, and
// the clock is Redis's own (TIME), not each machine's.
import type Redis from "ioredis";
import { BackendUnavailableError } from "@/lib/ops/availability";
import {
  bucketAnswer,
  checkLimiterOptions,
  type RateLimiterOptions,
  type SharedRateLimiter,
} from "./rate-limit";

// KEYS[1] bucket; ARGV limit, windowMs, n. Returns {taken 0|1, tokens as a string}: Redis turns
// Lua numbers into integers on return ("Lua number -> Redis integer reply (the number is
// converted into an integer)", Redis EVAL docs), so fractional tokens travel as strings.
// A bucket untouched for a whole window is full again, i.e. the same as no bucket: PEXPIRE
// lets Redis drop idle keys without changing any answer.
const TAKE = `
local limit = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local n = tonumber(ARGV[3])
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local b = redis.call('HMGET', KEYS[1], 'tokens', 'ts')
local tokens = tonumber(b[1])
local ts = tonumber(b[2])
if tokens == nil or ts == nil then
  tokens = limit
  ts = now
end
tokens = math.min(limit, tokens + math.max(0, now - ts) * limit / window)
if now > ts then ts = now end
local taken = 0
if n <= limit and tokens >= n then
  tokens = tokens - n
  taken = 1
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'ts', tostring(ts))
redis.call('PEXPIRE', KEYS[1], math.ceil(window))
return {taken, tostring(tokens)}
`;

type WithTake = Redis & {
  pixelTakeTokens(
    key: string,
    limit: number,
    windowMs: number,
    n: number,
  ): Promise<[number, string]>;
};

export function redisLimiter(
  redis: Redis,
  name: string,
  options: RateLimiterOptions,
): SharedRateLimiter {
  const client = redis as WithTake;
  // defineCommand sends EVALSHA and falls back to EVAL once when the script is not cached yet.
  if (!("pixelTakeTokens" in client)) {
    redis.defineCommand("pixelTakeTokens", { numberOfKeys: 1, lua: TAKE });
  }
  const bucket = (key: string) => `ratelimit:${name}:${key}`;
  return {
    backend: "redis",
    async consume(key, n = 1) {
      checkLimiterOptions(options, n);
      let reply: [number, string];
      try {
        reply = await client.pixelTakeTokens(bucket(key), options.limit, options.windowMs, n);
      } catch (error) {
        throw new BackendUnavailableError("rate-limit", error);
      }
      return bucketAnswer(reply[0] === 1, Number(reply[1]), n, options);
    },
    async reset(key) {
      await redis.del(bucket(key)).catch((error) => {
        throw new BackendUnavailableError("rate-limit", error);
      });
    },
  };
}
