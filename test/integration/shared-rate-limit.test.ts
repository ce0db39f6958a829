// A key's generation rate limit holds across two real web processes when REDIS_URL is set
// (here on one SQLite file; the multi-process test does the same on PostgreSQL): the bucket is
// in Redis, not in either process's memory.
import crypto from "node:crypto";
import Redis from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedUserWithKey } from "../helpers/accounts";
import { startServer, type TestServer, useFreshDataDir } from "../helpers/server";

const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const prefix = `pixel-it-${crypto.randomBytes(4).toString("hex")}:`;
let web: TestServer[] = [];
let user: Awaited<ReturnType<typeof seedUserWithKey>>;

beforeAll(async () => {
  useFreshDataDir("pixel-shared-limit-");
  user = await seedUserWithKey("limits@example.com");
  const env = {
    REDIS_URL,
    REDIS_KEY_PREFIX: prefix,
    GENERATION_RATE_LIMIT_PER_MIN: "10",
    RUN_WORKER: "false",
  };
  web = await Promise.all([startServer(env), startServer(env)]);
});
afterAll(async () => {
  await Promise.all(web.map((w) => w.stop()));
  const redis = new Redis(REDIS_URL);
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length) await redis.del(...keys);
  redis.disconnect();
});

describe("rate limit across web processes", () => {
  it("grants a key exactly its limit between both processes", async () => {
    const answers = await Promise.all(
      Array.from({ length: 16 }, (_, i) =>
        fetch(`${web[i % 2].baseUrl}/api/v1/generate`, {
          method: "POST",
          headers: { "Content-Type": "application/json", ...user.auth },
          body: JSON.stringify({
            prompt: `a gem number ${i}`,
            force: true,
            model: "local/pixel-sprite",
          }),
        }),
      ),
    );
    const statuses = answers.map((r) => r.status);
    // in-process buckets would have let 10 through on each process, i.e. all 16
    expect(statuses.filter((s) => s === 200)).toHaveLength(10);
    expect(statuses.filter((s) => s === 429)).toHaveLength(6);
    const refused = answers.find((r) => r.status === 429)!;
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect((await refused.json()).error).toBe("Rate limit exceeded: too many generation tasks");
  });
});
