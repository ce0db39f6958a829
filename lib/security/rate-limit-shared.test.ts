// The shared limiters against the real backends on this machine (Redis 127.0.0.1:6379,
// PostgreSQL 127.0.0.1:5432): several limiter instances (as in several web processes) on one
// key must give exactly `limit` tokens between them, concurrently.
import crypto from "node:crypto";
import Redis from "ioredis";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migratePostgres } from "@/lib/db/client";
import { memoryLimiter, type SharedRateLimiter } from "./rate-limit";
import { postgresLimiter } from "./rate-limit-postgres";
import { redisLimiter } from "./rate-limit-redis";

const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const ADMIN_URL = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const run = crypto.randomBytes(4).toString("hex");
const dbName = `scale_rl_${run}`;

let redisA: Redis;
let redisB: Redis;
let admin: pg.Client;
let poolA: pg.Pool;
let poolB: pg.Pool;

beforeAll(async () => {
  redisA = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
  redisB = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
  admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${dbName}`;
  poolA = new pg.Pool({ connectionString: url.toString(), max: 4 });
  poolB = new pg.Pool({ connectionString: url.toString(), max: 4 });
  // the real schema: drizzle/postgres migrations, as a server applies them on start
  await migratePostgres(poolA);
});

afterAll(async () => {
  const keys = await redisA.keys(`ratelimit:t${run}*`);
  if (keys.length) await redisA.del(...keys);
  redisA?.disconnect();
  redisB?.disconnect();
  await poolA?.end();
  await poolB?.end();
  await admin?.query(`DROP DATABASE IF EXISTS ${dbName}`);
  await admin?.end();
});

type Make = (
  name: string,
  limit: number,
  windowMs: number,
) => [SharedRateLimiter, SharedRateLimiter];

const backends: [string, Make][] = [
  [
    "redis",
    (name, limit, windowMs) => [
      redisLimiter(redisA, `t${run}${name}`, { limit, windowMs }),
      redisLimiter(redisB, `t${run}${name}`, { limit, windowMs }),
    ],
  ],
  [
    "postgres",
    (name, limit, windowMs) => [
      postgresLimiter(poolA, name, { limit, windowMs }),
      postgresLimiter(poolB, name, { limit, windowMs }),
    ],
  ],
];

describe.each(backends)("%s limiter shared by two processes", (_backend, make) => {
  it("hands out exactly `limit` tokens to concurrent requests from both", async () => {
    // one token per 24 s: no refill can blur the count however slow this machine is
    const [a, b] = make("burst", 25, 600_000);
    const answers = await Promise.all(
      Array.from({ length: 80 }, (_, i) => (i % 2 ? a : b).consume("key:1")),
    );
    expect(answers.filter((r) => r.ok)).toHaveLength(25);
    const refused = answers.find((r) => !r.ok);
    expect(refused).toMatchObject({ ok: false });
    expect(refused && !refused.ok && refused.retryAfterSeconds).toBeGreaterThanOrEqual(23);
    expect(refused && !refused.ok && refused.retryAfterSeconds).toBeLessThanOrEqual(24);
  });

  it("keeps keys apart, takes n at once or nothing, and refuses n > limit for a full window", async () => {
    const [a, b] = make("units", 5, 60_000);
    expect(await a.consume("x", 4)).toEqual({ ok: true, remaining: 1 });
    expect((await b.consume("x", 2)).ok).toBe(false);
    expect(await b.consume("x", 1)).toEqual({ ok: true, remaining: 0 });
    expect(await a.consume("y", 5)).toEqual({ ok: true, remaining: 0 });
    expect(await b.consume("z", 6)).toEqual({ ok: false, retryAfterSeconds: 60 });
    // the refused oversized request took nothing
    expect(await a.consume("z", 5)).toEqual({ ok: true, remaining: 0 });
    await a.reset("y");
    expect(await b.consume("y", 5)).toEqual({ ok: true, remaining: 0 });
  });

  it("refills over time", async () => {
    const [a, b] = make("refill", 4, 2_000); // one token per 500 ms
    const burst = await Promise.all([a, b, a, b].map((l) => l.consume("k")));
    expect(burst.every((r) => r.ok)).toBe(true);
    expect((await b.consume("k")).ok).toBe(false);
    await new Promise((r) => setTimeout(r, 1_100));
    // 2 tokens back (2.2 by now, < 3 unless this machine stalls for 400 ms)
    const after = await Promise.all([a.consume("k"), b.consume("k"), a.consume("k")]);
    expect(after.filter((r) => r.ok)).toHaveLength(2);
  });
});

describe("postgres limiter", () => {
  it("skips the flush wait for its own take only, not for the connection's next transaction", async () => {
    const pool = new pg.Pool({ connectionString: poolA.options.connectionString, max: 1 });
    try {
      const limiter = postgresLimiter(pool, "flush", { limit: 5, windowMs: 60_000 });
      expect((await limiter.consume("k")).ok).toBe(true);
      // the same (only) connection: synchronous_commit is back on for whatever it runs next
      const { rows } = await pool.query("SHOW synchronous_commit");
      expect(rows[0].synchronous_commit).toBe("on");
    } finally {
      await pool.end();
    }
  });
});

describe("memory limiter", () => {
  it("has the same contract in one process", async () => {
    const l = memoryLimiter({ limit: 3, windowMs: 60_000 });
    const answers = await Promise.all([1, 2, 3, 4].map(() => l.consume("k")));
    expect(answers.filter((r) => r.ok)).toHaveLength(3);
    expect(l.backend).toBe("memory");
  });
});
