// PostgreSQL restarted mid-run, on a throwaway cluster of our own (never the shared server): a
// web process (RUN_WORKER=false) and a worker process keep running; while the database is down
// requests answer 503 in their API's error shape and the health probe says which backend is
// down; once it is back every task completes, none is lost, stuck or submitted twice.
//
// PostgreSQL only (BACKEND=postgres); the SQLite pass reports it as skipped.
import crypto from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeServer, startQwen2512Fake } from "../fakes";
import { BACKEND } from "../helpers/database";
import { createPgCluster, type PgCluster } from "../helpers/pg-cluster";
import { startServer, type TestServer, useFreshDataDir, waitFor } from "../helpers/server";
import { startWorkerProcess, type WorkerProcess } from "../helpers/worker-process";

const PORT = 3311; // scale's port range
const TASKS = 40;
let cluster: PgCluster;
let qwen: FakeServer;
let web: TestServer;
let worker: WorkerProcess;
let auth: Record<string, string>;

async function counts(url: string): Promise<Record<string, number>> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const { rows } = await c.query("SELECT status, count(*)::int AS n FROM tasks GROUP BY status");
    return Object.fromEntries(rows.map((r) => [r.status, r.n]));
  } finally {
    await c.end();
  }
}

describe.runIf(BACKEND === "postgres")("PostgreSQL restarted mid-run", () => {
  beforeAll(async () => {
    const dataDir = useFreshDataDir("pixel-pg-restart-");
    cluster = await createPgCluster(PORT);
    const admin = new pg.Client({ connectionString: cluster.url() });
    await admin.connect();
    await admin.query("CREATE DATABASE pixel");
    await admin.end();
    const { closeDatabase } = await import("@/lib/db/client");
    await closeDatabase();
    process.env.DATABASE_URL = cluster.url("pixel");
    qwen = await startQwen2512Fake({
      latencyMs: 20,
      queuedPolls: 1,
      runningPolls: 1,
      completeAfterMs: 1_500,
    });
    process.env.QWEN2512_BASE_URL = qwen.baseUrl;
    process.env.QWEN2512_API_KEY = "test-qwen2512-key";
    const { resetEnvCache } = await import("@/lib/config/env");
    resetEnvCache();
    const env = {
      DATABASE_URL: cluster.url("pixel"),
      QWEN2512_BASE_URL: qwen.baseUrl,
      QWEN2512_API_KEY: "test-qwen2512-key",
      QWEN2512_POLL_INTERVAL_MS: "300",
      QWEN2512_CONCURRENCY: "8",
      TASK_LEASE_MS: "4000",
      GENERATION_RATE_LIMIT_PER_MIN: "1000",
    };
    web = await startServer({ ...env, RUN_WORKER: "false" });
    const { seedUserWithKey } = await import("../helpers/accounts");
    auth = (await seedUserWithKey(`restart-${crypto.randomBytes(3).toString("hex")}@example.com`))
      .auth;
    worker = startWorkerProcess({ ...env, DATA_DIR: dataDir });
    await worker.ready();
  }, 180_000);

  afterAll(async () => {
    await worker?.stop();
    await web?.stop();
    const { closeDatabase } = await import("@/lib/db/client");
    await closeDatabase();
    await qwen?.close();
    await cluster?.destroy();
  });

  it("answers 503 while the database is down and finishes every task once it is back", async () => {
    const ids: number[] = [];
    for (let i = 0; i < TASKS; i++) {
      const res = await fetch(`${web.baseUrl}/api/v1/generate`, {
        method: "POST",
        headers: { "Content-Type": "application/json", ...auth },
        body: JSON.stringify({
          prompt: `a blue potion, serial r${i}`,
          model: "qwen2512/qwen-image-2512",
          force: true,
        }),
      });
      expect(res.status).toBe(200);
      ids.push((await res.json()).task_id);
    }
    const url = cluster.url("pixel");
    await waitFor(
      async () => (((await counts(url)).completed ?? 0) >= 8 ? true : undefined),
      60_000,
      200,
    );

    await cluster.stop();
    const downAt = Date.now();
    // the seed 000 family: { error, details }
    const qt = await fetch(`${web.baseUrl}/api/v1/tasks`, { headers: auth });
    expect(qt.status).toBe(503);
    expect(qt.headers.get("retry-after")).toBe("5");
    const qtBody = await qt.json();
    expect(Object.keys(qtBody).sort()).toEqual(["details", "error"]);
    expect(qtBody.error).toBe("Service temporarily unavailable: the database cannot be reached");
    // the seed 001 family: { code, message, request_id }
    const px = await fetch(`${web.baseUrl}/api/v1/tasks/${ids[0]}`, { headers: auth });
    expect(px.status).toBe(503);
    const pxBody = await px.json();
    expect(Object.keys(pxBody).sort()).toEqual(["code", "message", "request_id"]);
    expect(pxBody.code).toBe("503");
    const health = await fetch(`${web.baseUrl}/api/health`);
    expect(health.status).toBe(503);
    expect((await health.json()).message).toMatch(/^Service unavailable: database \(.+\)/);

    // stay down a few seconds: leases run out, the worker's calls fail and must be retried
    await new Promise((r) => setTimeout(r, Math.max(0, 5_000 - (Date.now() - downAt))));
    expect(worker.child.exitCode, worker.output()).toBeNull();
    expect(web.logs()).not.toMatch(/server exited/);
    await cluster.start();

    await waitFor(
      async () => ((await counts(url)).completed === TASKS ? true : undefined),
      90_000,
      250,
    );
    expect(await counts(url)).toEqual({ completed: TASKS });
    expect((await fetch(`${web.baseUrl}/api/health`)).status).toBe(200);
    // no task was paid for twice: one upstream submission per task
    const subs = new Map<string, number>();
    for (const c of qwen.apiCalls()) {
      const m = /serial (r\d+)\b/.exec((c.json as { prompt?: string })?.prompt ?? "");
      if (c.path === "/api/generate" && m) subs.set(m[1], (subs.get(m[1]) ?? 0) + 1);
    }
    expect(subs.size).toBe(TASKS);
    expect([...subs].filter(([, n]) => n !== 1)).toEqual([]);
    expect(worker.child.exitCode).toBeNull();
  }, 240_000);
});
