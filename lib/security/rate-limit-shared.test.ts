// The shared limiters against the real backends on this machine (Redis 127.0.0.1:6379,
// PostgreSQL 127.0.0.1:5432): several limiter instances (as in several web processes) on one
// key must give exactly `limit` tokens between them, concurrently.
import crypto from "node:crypto";
import Redis from "ioredis";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migratePostgres } from "@/lib/db/client";
import { memoryLimiter, type SharedRateLimiter } from "./rate-limit";
import { type PgQueryable, postgresLimiter } from "./rate-limit-postgres";
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

describe("postgres limiter, takes of one turn", () => {
  /** poolA, counting the statements sent */
  function counted(pool: pg.Pool = poolA) {
    const sent: string[] = [];
    const db: PgQueryable = {
      query: (text, values) => {
        sent.push(text);
        return pool.query(text, values);
      },
    };
    return { db, sent };
  }

  it("applies them in one statement, in order, with the answers of the same takes one at a time", async () => {
    // one token per 2 min: no refill can change an answer between the two runs
    const options = { limit: 5, windowMs: 600_000 };
    const takes: [string, number][] = [
      ["a", 1],
      ["b", 2],
      ["a", 2],
      ["a", 3],
      ["c", 6],
      ["b", 3],
      ["a", 1],
      ["c", 5],
      ["a", 1],
      ["b", 1],
      ["a", 1],
      ["d", 5],
    ];
    const one = counted();
    const alone = postgresLimiter(one.db, "alone", options);
    const expected = [];
    for (const [key, n] of takes) expected.push(await alone.consume(key, n));
    expect(one.sent).toHaveLength(takes.length);

    const grouped = counted();
    const limiter = postgresLimiter(grouped.db, "grouped", options);
    const answers = await Promise.all(takes.map(([key, n]) => limiter.consume(key, n)));
    expect(grouped.sent).toHaveLength(1);
    expect(grouped.sent[0]).toContain("pixel_rate_limit_take");
    expect(answers).toEqual(expected);
    expect(answers.filter((r) => r.ok)).toHaveLength(8);

    // the buckets were left as the lone takes left them: the next take of each key agrees
    for (const key of ["a", "b", "c", "d", "e"])
      expect(await limiter.consume(key, 1)).toEqual(await alone.consume(key, 1));
  });

  it("gives one key's tokens to its first takes, one after the other", async () => {
    const { db, sent } = counted();
    const limiter = postgresLimiter(db, "order", { limit: 5, windowMs: 600_000 });
    const answers = await Promise.all(Array.from({ length: 12 }, () => limiter.consume("k")));
    expect(sent).toHaveLength(1);
    expect(answers.slice(0, 5)).toEqual(
      [4, 3, 2, 1, 0].map((remaining) => ({ ok: true, remaining })),
    );
    for (const refused of answers.slice(5))
      expect(refused).toMatchObject({ ok: false, retryAfterSeconds: 120 });
  });

  it("stays exact when two processes' groups take the same keys in opposite orders", async () => {
    const a = counted(poolA);
    const b = counted(poolB);
    const limitA = postgresLimiter(a.db, "cross", { limit: 30, windowMs: 600_000 });
    const limitB = postgresLimiter(b.db, "cross", { limit: 30, windowMs: 600_000 });
    const keys = ["x", "y", "z"];
    const ok: Record<string, number> = { x: 0, y: 0, z: 0 };
    for (let round = 0; round < 5; round++) {
      const answers = await Promise.all([
        ...Array.from({ length: 12 }, (_, i) => {
          const key = keys[i % 3]!;
          return limitA.consume(key).then((r) => [key, r.ok] as const);
        }),
        ...Array.from({ length: 12 }, (_, i) => {
          const key = keys[2 - (i % 3)]!;
          return limitB.consume(key).then((r) => [key, r.ok] as const);
        }),
      ]);
      for (const [key, taken] of answers) if (taken) ok[key]!++;
    }
    // 40 takes per key, 30 tokens each
    expect(ok).toEqual({ x: 30, y: 30, z: 30 });
    // one statement per process and turn: no group was refused (a deadlock would be) and retried
    expect(a.sent).toHaveLength(5);
    expect(b.sent).toHaveLength(5);
  });

  it("runs a group the server refuses again take by take: the error reaches its own caller only", async () => {
    const { db, sent } = counted();
    const limiter = postgresLimiter(db, "refused", { limit: 1, windowMs: 600_000 });
    // PostgreSQL text cannot hold NUL: the group's statement fails as a whole, then that take
    const [good, bad] = await Promise.allSettled([
      limiter.consume("good"),
      limiter.consume("bad\u0000key"),
    ]);
    expect(good).toEqual({ status: "fulfilled", value: { ok: true, remaining: 0 } });
    expect(bad.status).toBe("rejected");
    expect(sent).toHaveLength(3);
    // the refused group took nothing: "good" was taken once, not twice
    expect(await limiter.consume("good")).toMatchObject({ ok: false });
  });

  it("fails every take of a group whose statement was lost, taking none again", async () => {
    let calls = 0;
    const limiter = postgresLimiter(
      {
        query: async () => {
          calls++;
          throw new Error("Connection terminated unexpectedly");
        },
      },
      "lost",
      { limit: 5, windowMs: 60_000 },
    );
    const answers = await Promise.allSettled([1, 2, 3].map(() => limiter.consume("k")));
    expect(answers.map((r) => r.status)).toEqual(["rejected", "rejected", "rejected"]);
    expect(calls).toBe(1);
  });

  it("skips the flush wait for the group's own transaction only", async () => {
    const pool = new pg.Pool({ connectionString: poolA.options.connectionString, max: 1 });
    try {
      const { db, sent } = counted(pool);
      const limiter = postgresLimiter(db, "flush-group", { limit: 5, windowMs: 60_000 });
      const answers = await Promise.all([1, 2, 3].map(() => limiter.consume("k")));
      expect(answers.every((r) => r.ok)).toBe(true);
      expect(sent).toHaveLength(1);
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
