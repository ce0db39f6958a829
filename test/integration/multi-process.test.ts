// The scale-out proven with real processes: 2 web processes (RUN_WORKER=false, `next start`) and
// 2 worker processes (`npm run worker`) on one PostgreSQL database and one S3 bucket (s3rver),
// against a fake upstream with latency. 200 tasks go to the two web processes alternately; one
// worker is killed with SIGKILL mid-run. Every task must complete, none may be submitted to the
// upstream twice, a key's rate limit must hold across both web processes, and the gallery,
// signed links and ZIPs must work from either web process.
//
// PostgreSQL only (BACKEND=postgres, the second vitest pass of `npm test`): the SQLite pass
// reports it as skipped.
import crypto from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeServer, startQwen2512Fake } from "../fakes";
import { BACKEND } from "../helpers/database";
import { startS3, type TestS3 } from "../helpers/s3";
import { startServer, type TestServer, useFreshDataDir, waitFor } from "../helpers/server";
import { startWorkerProcess, type WorkerProcess } from "../helpers/worker-process";
import { readZip } from "../helpers/zip";

const TASKS = 200;
const KEYS = 20; // 10 tasks per key: each key's burst fits its 10/min bucket exactly
const LIMIT = 10;

let s3: TestS3;
let qwen: FakeServer;
let web: TestServer[] = [];
let workers: WorkerProcess[] = [];
let db: pg.Client;
let keys: { auth: Record<string, string> }[] = [];
let burstKey: { auth: Record<string, string> };
const run = crypto.randomBytes(3).toString("hex");

async function statusCounts(): Promise<Record<string, number>> {
  const { rows } = await db.query("SELECT status, count(*)::int AS n FROM tasks GROUP BY status");
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}

function submissionsBySerial(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const c of qwen.apiCalls()) {
    if (c.path !== "/api/generate") continue;
    const m = /serial ([a-z]+\d+)\b/.exec((c.json as { prompt?: string })?.prompt ?? "");
    if (m) counts.set(m[1], (counts.get(m[1]) ?? 0) + 1);
  }
  return counts;
}

const generate = (w: TestServer, auth: Record<string, string>, prompt: string) =>
  fetch(`${w.baseUrl}/api/v1/generate`, {
    method: "POST",
    headers: { "Content-Type": "application/json", ...auth },
    body: JSON.stringify({ prompt, model: "qwen2512/qwen-image-2512", force: true }),
  });

const bytes = async (res: Response) => Buffer.from(await res.arrayBuffer());

describe.runIf(BACKEND === "postgres")("2 web + 2 worker processes on PostgreSQL and S3", () => {
  beforeAll(async () => {
    const dataDir = useFreshDataDir("pixel-multi-");
    const url = process.env.DATABASE_URL!;
    s3 = await startS3(`pixel-multi-${run}`);
    qwen = await startQwen2512Fake({
      latencyMs: 40,
      queuedPolls: 1,
      runningPolls: 1,
      completeAfterMs: 1_500,
    });
    process.env.QWEN2512_BASE_URL = qwen.baseUrl;
    process.env.QWEN2512_API_KEY = "test-qwen2512-key";
    const { resetEnvCache } = await import("@/lib/config/env");
    resetEnvCache();
    const shared: Record<string, string> = {
      ...s3.env("multi"),
      DATABASE_URL: url,
      QWEN2512_BASE_URL: qwen.baseUrl,
      QWEN2512_API_KEY: "test-qwen2512-key",
      QWEN2512_POLL_INTERVAL_MS: "300",
      QWEN2512_CONCURRENCY: "12",
      TASK_LEASE_MS: "4000",
      GENERATION_RATE_LIMIT_PER_MIN: String(LIMIT),
      NEXT_MANUAL_SIG_HANDLE: "true",
    };
    // The first process to start migrates (advisory lock); seed after that, through lib/.
    web = [await startServer({ ...shared, RUN_WORKER: "false" })];
    const { seedUserWithKey } = await import("../helpers/accounts");
    const { createApiKey } = await import("@/lib/auth/api-keys");
    const owner = await seedUserWithKey(`multi-${run}@example.com`);
    keys = [owner];
    for (let k = 1; k < KEYS; k++) {
      const { key } = await createApiKey(owner.user.id, `k${k}`);
      keys.push({ auth: { Authorization: `Bearer ${key}` } });
    }
    burstKey = {
      auth: { Authorization: `Bearer ${(await createApiKey(owner.user.id, "burst")).key}` },
    };
    web.push(await startServer({ ...shared, RUN_WORKER: "false" }));
    workers = [
      startWorkerProcess({ ...shared, DATA_DIR: dataDir, AUTH_SECRET: web[0].env.AUTH_SECRET }),
      startWorkerProcess({ ...shared, DATA_DIR: dataDir, AUTH_SECRET: web[0].env.AUTH_SECRET }),
    ];
    await Promise.all(workers.map((w) => w.ready()));
    db = new pg.Client({ connectionString: url });
    await db.connect();
  }, 180_000);

  afterAll(async () => {
    await db?.end();
    await Promise.all(workers.map((w) => w.stop()));
    await Promise.all(web.map((w) => w.stop()));
    await qwen?.close();
    await s3?.close();
  });

  const ids: number[] = [];
  let killedPid = 0;
  let handedOver = 0;
  let heldByVictim: number[] = [];

  it("runs 200 tasks submitted alternately to both web processes, surviving kill -9 of a worker", async () => {
    const started = Date.now();
    // submit: key k sends tasks k*10 … k*10+9, alternating between the two web processes
    const jobs = Array.from({ length: TASKS }, (_, i) => i);
    const answers: Response[] = [];
    for (let at = 0; at < jobs.length; at += 10) {
      const chunk = jobs.slice(at, at + 10);
      answers.push(
        ...(await Promise.all(
          chunk.map((i) =>
            generate(web[i % 2], keys[Math.floor(i / 10)].auth, `a shiny gem, serial t${i}`),
          ),
        )),
      );
    }
    for (const res of answers) {
      expect(res.status).toBe(200);
      ids.push((await res.json()).task_id);
    }
    expect(new Set(ids).size).toBe(TASKS);

    // kill -9 one worker while it holds tasks
    await waitFor(
      async () => ((await statusCounts()).completed >= 50 ? true : undefined),
      90_000,
      200,
    );
    const victim = workers[0];
    killedPid = victim.child.pid!;
    const { rows: held } = await db.query(
      "SELECT id FROM tasks WHERE status = 'processing' AND lease_owner LIKE $1",
      [`%:${killedPid}:%`],
    );
    await victim.kill9();
    handedOver = held.length;
    heldByVictim = held.map((r) => r.id);
    expect(
      handedOver,
      "the killed worker held no task: the kill did not land mid-run",
    ).toBeGreaterThan(0);

    await waitFor(
      async () => ((await statusCounts()).completed === TASKS ? true : undefined),
      150_000,
      250,
    );
    const took = (Date.now() - started) / 1000;
    console.log(
      `[multi-process] ${TASKS} tasks in ${took.toFixed(1)} s; ${handedOver} taken over from the killed worker`,
    );
    expect(await statusCounts()).toEqual({ completed: TASKS });
    for (const id of held.map((r) => r.id)) expect(ids).toContain(id);
    expect(workers[1].child.exitCode, workers[1].output()).toBeNull();
  }, 300_000);

  it("submitted every task to the upstream once (only a kill between submit and recording the job id repeats one), and stored one image per task", async () => {
    const subs = submissionsBySerial();
    const repeated = [...subs].filter(([, n]) => n !== 1);
    // The upstream (seed 003) has no idempotency key: a worker killed after the submit answered
    // but before it wrote the job id down leaves nothing to resume, so that task is submitted
    // again. Only tasks the killed worker held may show it, and at most twice.
    const heldSerials = new Set(heldByVictim.map((id) => `t${ids.indexOf(id)}`));
    for (const [serial, n] of repeated) {
      expect(heldSerials.has(serial), `${serial} submitted ${n}×`).toBe(true);
      expect(n).toBe(2);
    }
    console.log(
      `[multi-process] upstream submissions: ${TASKS - repeated.length} tasks once, ${repeated.length} twice (held by the killed worker: ${heldByVictim.length})`,
    );
    expect([...subs.keys()].filter((s) => s.startsWith("t"))).toHaveLength(TASKS);
    const { rows } = await db.query(
      "SELECT task_id, count(*)::int AS n FROM assets WHERE kind = 'image' GROUP BY task_id",
    );
    expect(rows).toHaveLength(TASKS);
    expect(rows.every((r) => r.n === 1)).toBe(true);
  });

  it("holds a key's rate limit across both web processes", async () => {
    const answers = await Promise.all(
      Array.from({ length: LIMIT + 6 }, (_, i) =>
        generate(web[i % 2], burstKey.auth, `a shiny gem, serial b${i}`),
      ),
    );
    const statuses = answers.map((r) => r.status);
    // one process's own bucket would have let 10 through on each, i.e. all 16
    expect(statuses.filter((s) => s === 200)).toHaveLength(LIMIT);
    expect(statuses.filter((s) => s === 429)).toHaveLength(6);
    const refused = answers.find((r) => r.status === 429)!;
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
  });

  it("serves gallery images, signed links and ZIPs from either web process", async () => {
    const auth = keys[0].auth;
    const sample = ids.slice(0, 20);
    for (const id of sample.slice(0, 5)) {
      const a = await fetch(`${web[0].baseUrl}/static/gallery/${id}.png`, { headers: auth });
      const b = await fetch(`${web[1].baseUrl}/static/gallery/${id}.png`, { headers: auth });
      expect([a.status, b.status]).toEqual([200, 200]);
      expect(await bytes(a)).toEqual(await bytes(b));
    }
    // a link signed by one process is honoured by the other (one AUTH_SECRET)
    const link = await (
      await fetch(`${web[0].baseUrl}/api/v1/task/${sample[0]}/download-url`, { headers: auth })
    ).json();
    const path = new URL(link.download_url);
    const viaOther = await fetch(`${web[1].baseUrl}${path.pathname}${path.search}`);
    expect(viaOther.status).toBe(200);
    const image = await bytes(
      await fetch(`${web[1].baseUrl}/static/gallery/${sample[0]}.png`, { headers: auth }),
    );
    expect(await bytes(viaOther)).toEqual(image);

    const zips = await Promise.all(
      web.map((w) =>
        fetch(`${w.baseUrl}/api/v1/tasks/archive`, {
          method: "POST",
          headers: { "Content-Type": "application/json", ...auth },
          body: JSON.stringify({ task_ids: sample }),
        }),
      ),
    );
    expect(zips.map((z) => z.status)).toEqual([200, 200]);
    const [z0, z1] = await Promise.all(zips.map(async (z) => readZip(await bytes(z))));
    // manifest.json plus one folder per artwork, the same from either process
    expect(z0.size).toBe(sample.length + 1);
    const manifest = JSON.parse(z0.get("manifest.json")?.toString() ?? "{}");
    expect(manifest.items.flatMap((i: { task_ids: number[] }) => i.task_ids)).toEqual(sample);
    expect([...z1.entries()]).toEqual([...z0.entries()]);

    // a batch made through one process, downloaded as a ZIP from the other
    const batch = await (
      await fetch(`${web[0].baseUrl}/api/v1/batch-generate`, {
        method: "POST",
        headers: { "Content-Type": "application/json", ...auth },
        body: JSON.stringify({ prompt: "a red knight", mode: "walk", model: "local/pixel-sprite" }),
      })
    ).json();
    await waitFor(async () => {
      const b = await (
        await fetch(`${web[1].baseUrl}/api/v1/batch/${batch.batch_id}`, { headers: auth })
      ).json();
      return b.tasks?.every((t: { status: string }) => t.status === "completed") ? b : undefined;
    }, 60_000);
    const batchZips = await Promise.all(
      web.map(async (w) =>
        readZip(
          await bytes(
            await fetch(`${w.baseUrl}/api/v1/batch/${batch.batch_id}/download`, { headers: auth }),
          ),
        ),
      ),
    );
    expect([...batchZips[0].keys()].slice(0, 4)).toEqual([
      "walk_1.png",
      "walk_2.png",
      "walk_3.png",
      "walk_4.png",
    ]);
    expect(batchZips[1].get("walk_1.png")).toEqual(batchZips[0].get("walk_1.png"));
    expect(batchZips[1].get("sheet.png")).toEqual(batchZips[0].get("sheet.png"));
  }, 120_000);
});
