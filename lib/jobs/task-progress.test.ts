// Task progress is whole percent everywhere, and a task's error_msg never carries internals.
// The worker runs in-process against the Tencent fake answering in the documented VOD
// DescribeTaskDetail shape (`AigcImageTask.Progress` 0–100): the heartbeat stores that progress
// in the integer `tasks.progress` column, which PostgreSQL refuses a fraction for (it failed every
// Tencent task there). Runs on both backends (BACKEND=sqlite / postgres).
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { resetEnvCache } from "@/lib/config/env";
import { type FakeServer, startTencentvodFake } from "@/test/fakes";
import { useFreshDataDir, waitFor } from "@/test/helpers/server";

// An unexpected internal error (a database error quoting its SQL, parameters and host) while
// storing a task's outputs, for prompts that ask for it.
vi.mock("./store-outputs", async (importOriginal) => {
  const original = await importOriginal<typeof import("./store-outputs")>();
  return {
    ...original,
    storeOutputs: (...args: Parameters<typeof original.storeOutputs>) => {
      if (args[0].prompt.includes("[internal-error]")) {
        throw new Error(
          'Failed query: update "tasks" set "progress" = $1 where "tasks"."lease_owner" = $2\nparams: 0.5,db-host-7:4242:abcdef',
        );
      }
      return original.storeOutputs(...args);
    },
  };
});

let fake: FakeServer;

beforeAll(async () => {
  useFreshDataDir("pixel-progress-");
  fake = await startTencentvodFake({ shape: "vod", queuedPolls: 1, runningPolls: 4 });
  process.env.TENCENTVOD_BASE_URL = fake.baseUrl;
  process.env.TENCENTVOD_API_KEY = "test-tencentvod-key";
  process.env.TENCENTVOD_POLL_INTERVAL_MS = "50";
  resetEnvCache();
});
afterAll(async () => {
  await fake?.close();
});

async function enqueue(prompt: string) {
  const { createUser } = await import("@/lib/db/users");
  const { getTaskQueue } = await import("./queue-factory");
  const user = await createUser({ email: `p${Math.random()}@example.com`, passwordHash: "x" });
  return (await getTaskQueue()).enqueue({
    userId: user.id,
    type: "image",
    model: "tencentvod/gem-3.0",
    provider: "tencentvod",
    prompt,
    params: { prompt },
  });
}

describe("task progress and failure messages", () => {
  it("stores Tencent's DescribeTaskDetail progress as whole percent and completes the task", async () => {
    const { Worker } = await import("./worker");
    const { getTaskById } = await import("@/lib/db/tasks");
    const task = await enqueue("a pixel knight");
    const seen = new Set<number>();
    const worker = new Worker({ pollMs: 50, heartbeatMs: 10_000, log: () => undefined });
    worker.start();
    try {
      const done = await waitFor(
        async () => {
          const row = await getTaskById(task.id);
          if (row?.status === "processing" && row.progress !== null) seen.add(row.progress);
          return row?.status === "completed" || row?.status === "failed" ? row : undefined;
        },
        20_000,
        10,
      );
      expect(done.status, done.errorMsg ?? "").toBe("completed");
      expect(done.progress).toBe(100);
    } finally {
      await worker.stop();
    }
    // the fake answers Progress: 50 while PROCESSING
    expect([...seen]).toContain(50);
  });

  it("an unexpected internal error fails the task with a clean message, never its SQL or host", async () => {
    const { Worker } = await import("./worker");
    const { getTaskById } = await import("@/lib/db/tasks");
    const task = await enqueue("a pixel knight [internal-error]");
    const logged: string[] = [];
    const worker = new Worker({ pollMs: 50, log: (m) => logged.push(m) });
    worker.start();
    try {
      const failed = await waitFor(async () => {
        const row = await getTaskById(task.id);
        return row?.status === "failed" ? row : undefined;
      }, 20_000);
      expect(failed.errorMsg).toMatch(
        /^Generation failed: an internal error occurred on the server \(reference [0-9a-f]{8}\)$/,
      );
      for (const leak of ["update", "params", "db-host-7", "4242", "$1"]) {
        expect(failed.errorMsg).not.toContain(leak);
      }
      // the details stay in the server's log, under the reference the user sees
      const reference = /reference ([0-9a-f]{8})/.exec(failed.errorMsg ?? "")?.[1] ?? "none";
      expect(logged.some((l) => l.includes(reference) && l.includes("db-host-7"))).toBe(true);
    } finally {
      await worker.stop();
    }
  });
});
