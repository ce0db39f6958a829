// `npm run worker` as a real process (tsx scripts/worker.ts) on its own: it must stay up while
// the queue is idle (it used to exit with code 0 at once), pick up a task enqueued later by
// another process, and on SIGTERM stop claiming and hand a running task back within its grace
// period, exit code 0.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateBody } from "@/lib/api/schemas/generate";
import { resetEnvCache } from "@/lib/config/env";
import { getTaskById } from "@/lib/db/tasks";
import { createSingleTask } from "@/lib/generation/create-tasks";
import { type FakeServer, startQwen2512Fake } from "../fakes";
import { seedUserWithKey } from "../helpers/accounts";
import { useFreshDataDir, waitFor } from "../helpers/server";
import { startWorkerProcess, type WorkerProcess } from "../helpers/worker-process";

let dataDir: string;
let user: Awaited<ReturnType<typeof seedUserWithKey>>;
let qwen: FakeServer;
const children: WorkerProcess[] = [];

function startWorker(extraEnv: Record<string, string> = {}): WorkerProcess {
  const w = startWorkerProcess({
    DATA_DIR: dataDir,
    // this test process's database (SQLite file or PostgreSQL, by BACKEND)
    DATABASE_URL: process.env.DATABASE_URL!,
    QWEN2512_BASE_URL: qwen.baseUrl,
    QWEN2512_API_KEY: "test-qwen2512-key",
    QWEN2512_POLL_INTERVAL_MS: "200",
    ...extraEnv,
  });
  children.push(w);
  return w;
}

async function row(id: number) {
  const task = await getTaskById(id);
  if (!task) throw new Error(`task ${id} is gone`);
  return {
    status: task.status,
    attempts: task.attempts,
    upstream_id: task.upstreamId,
    lease_owner: task.leaseOwner,
  };
}

async function enqueue(prompt: string, model: string): Promise<number> {
  const caller = { user: user.user, via: "api_key" as const, keyId: user.keyId };
  const body = generateBody.parse({ prompt, model, force: true, send_email: false });
  const result = await createSingleTask(caller, { ...body, negativePrompt: body.negative_prompt });
  if (result.kind !== "created") throw new Error("expected a created task");
  return result.task.id;
}

beforeAll(async () => {
  dataDir = useFreshDataDir("pixel-worker-proc-");
  user = await seedUserWithKey("worker-proc@example.com");
  qwen = await startQwen2512Fake({ queuedPolls: 1, runningPolls: 1, completeAfterMs: 30_000 });
  // this process enqueues, and model validation wants the provider configured here too
  process.env.QWEN2512_BASE_URL = qwen.baseUrl;
  process.env.QWEN2512_API_KEY = "test-qwen2512-key";
  resetEnvCache();
});
afterAll(async () => {
  for (const c of children) await c.kill9();
  await qwen?.close();
});

describe("worker-only process", () => {
  it("stays up while idle and runs a task enqueued later by another process", async () => {
    const w = startWorker();
    await w.ready();
    // idle for longer than several poll intervals: the old worker had exited by now
    await new Promise((r) => setTimeout(r, 2_500));
    expect(w.child.exitCode, w.output()).toBeNull();

    const id = await enqueue("a small red apple", "local/pixel-sprite");
    await waitFor(async () => ((await row(id)).status === "completed" ? true : undefined), 30_000);
    expect((await row(id)).status).toBe("completed");

    w.child.kill("SIGTERM");
    expect(await w.exited).toBe(0);
  });

  it("on SIGTERM releases a running task within the grace period, and the next worker resumes it", async () => {
    const w = startWorker({ SHUTDOWN_GRACE_MS: "500" });
    await w.ready();
    const id = await enqueue("a knight in the storm", "qwen2512/qwen-image-2512");
    await waitFor(async () => ((await row(id)).upstream_id ? true : undefined), 20_000);
    expect((await row(id)).status).toBe("processing");

    const signalled = Date.now();
    w.child.kill("SIGTERM");
    expect(await w.exited, w.output()).toBe(0);
    const stopMs = Date.now() - signalled;
    expect(stopMs).toBeLessThan(5_000);
    // handed back: pending, no lease, attempt refunded, upstream job id kept for resuming
    expect(await row(id)).toMatchObject({ status: "pending", attempts: 0, lease_owner: null });
    expect((await row(id)).upstream_id).toBeTruthy();

    qwen.setJobTiming({ completeAfterMs: 0 });
    const next = startWorker();
    await waitFor(async () => ((await row(id)).status === "completed" ? true : undefined), 40_000);
    expect(qwen.apiCalls().filter((c) => c.path === "/api/generate")).toHaveLength(1);
    next.child.kill("SIGTERM");
    expect(await next.exited).toBe(0);
  });

  it.each([
    [
      { STORAGE_URL: "s3//bucket" },
      /\[worker\] cannot start: STORAGE_URL: expected file:<directory> or s3:\/\/bucket\/prefix/,
    ],
    [
      {
        STORAGE_URL: "s3://no-such-bucket/x",
        S3_ENDPOINT: "http://127.0.0.1:9",
        S3_ACCESS_KEY_ID: "a",
        S3_SECRET_ACCESS_KEY: "b",
      },
      /\[worker\] cannot start: Storage at http:\/\/127\.0\.0\.1:9 .* unreachable \(S3_ENDPOINT\)/,
    ],
    [
      { DATABASE_URL: "postgres://127.0.0.1:9/x", AUTH_SECRET: "" },
      /\[worker\] cannot start: AUTH_SECRET: required/,
    ],
  ])("exits 1 at start naming the variable for %o", async (env, message) => {
    const w = startWorker(env);
    expect(await w.exited).toBe(1);
    expect(w.output()).toMatch(message);
  });
});
