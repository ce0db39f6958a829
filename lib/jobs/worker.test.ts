// The worker in-process against a real fake upstream on loopback: per-provider concurrency,
// retries of retryable failures, and no retry of a refusal.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetEnvCache } from "@/lib/config/env";
import { type FakeServer, startOpenaiFake } from "@/test/fakes";
import { useFreshDataDir, waitFor } from "@/test/helpers/server";

let fake: FakeServer;
let inFlight = 0;
let maxInFlight = 0;

beforeAll(async () => {
  useFreshDataDir("pixel-worker-");
  fake = await startOpenaiFake({ latencyMs: 150 });
  process.env.OPENAI_BASE_URL = fake.baseUrl;
  process.env.OPENAI_API_KEY = "test-openai-key";
  process.env.OPENAI_CONCURRENCY = "3";
  process.env.TASK_RETRY_BASE_MS = "50";
  resetEnvCache();
  const realFetch = globalThis.fetch;
  // Count requests in flight to the fake (the requests themselves are real HTTP).
  globalThis.fetch = (async (input: Parameters<typeof fetch>[0], init?: RequestInit) => {
    // An upstream call that neither answers nor honours its AbortSignal: only the worker's own
    // task deadline can end it.
    if (typeof init?.body === "string" && init.body.includes("[black-hole]")) {
      return new Promise<Response>(() => {});
    }
    const counted = String(input instanceof Request ? input.url : input).startsWith(fake.baseUrl);
    if (counted) maxInFlight = Math.max(maxInFlight, ++inFlight);
    try {
      return await realFetch(input, init);
    } finally {
      if (counted) inFlight--;
    }
  }) as typeof fetch;
});
afterAll(async () => {
  await fake?.close();
});

async function seedTasks(prompts: string[]) {
  const { createUser } = await import("@/lib/db/users");
  const { getTaskQueue } = await import("./queue-factory");
  const queue = await getTaskQueue();
  const user = await createUser({ email: `w${Math.random()}@example.com`, passwordHash: "x" });
  const tasks = [];
  for (const prompt of prompts) {
    tasks.push(
      await queue.enqueue({
        userId: user.id,
        type: "image",
        model: "openai/gpt-image-1",
        provider: "openai",
        prompt,
        params: { prompt },
      }),
    );
  }
  return tasks;
}

async function statuses(ids: number[]) {
  const { getTaskById } = await import("@/lib/db/tasks");
  return Promise.all(ids.map(async (id) => (await getTaskById(id))!));
}

describe("Worker", () => {
  it("never runs more than the provider's concurrency at once, and finishes everything", async () => {
    const { Worker } = await import("./worker");
    const tasks = await seedTasks(Array.from({ length: 9 }, (_, i) => `worker sprite ${i}`));
    const worker = new Worker({ pollMs: 50, log: () => undefined });
    worker.start();
    try {
      await waitFor(
        async () =>
          (await statuses(tasks.map((t) => t.id))).every((t) => t.status === "completed")
            ? true
            : undefined,
        20_000,
      );
    } finally {
      await worker.stop();
    }
    expect(maxInFlight).toBe(3);
  });

  it("retries a 500 and a 429, and fails a content refusal at once with the seed's text", async () => {
    const { Worker } = await import("./worker");
    fake.failNext("500", "submit");
    fake.failNext("429", "submit");
    const [retried] = await seedTasks(["a retried sprite"]);
    const [refused] = await seedTasks(["a refused sprite [fail:refuse]"]);
    const worker = new Worker({ pollMs: 50, log: () => undefined });
    worker.start();
    try {
      await waitFor(async () => {
        const [a, b] = await statuses([retried.id, refused.id]);
        return a.status === "completed" && b.status === "failed" ? true : undefined;
      }, 20_000);
    } finally {
      await worker.stop();
    }
    const [a, b] = await statuses([retried.id, refused.id]);
    expect(a.attempts).toBeGreaterThanOrEqual(2);
    expect(b.attempts).toBe(1);
    expect(b.errorMsg).toBe("⚠️ 生成失败: AI 拒绝处理此请求 (可能包含敏感内容)");
  });

  it("fails a task at its total deadline even when the upstream call ignores every signal", async () => {
    const { Worker } = await import("./worker");
    const [stuck] = await seedTasks(["a stuck sprite [black-hole]"]);
    const worker = new Worker({ pollMs: 50, taskDeadlineMs: 800, log: () => undefined });
    const t0 = Date.now();
    worker.start();
    try {
      await waitFor(async () => {
        const [t] = await statuses([stuck.id]);
        return t.status === "failed" ? true : undefined;
      }, 10_000);
    } finally {
      await worker.stop();
    }
    const elapsed = Date.now() - t0;
    const [t] = await statuses([stuck.id]);
    expect(t.errorMsg).toBe("openai: the task did not finish within 0.8 s (TASK_TIMEOUT_MS)");
    expect(t.attempts).toBe(1);
    expect(elapsed).toBeLessThan(800 + 1500);
  });
});
