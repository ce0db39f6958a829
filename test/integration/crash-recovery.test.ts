// kill -9 a real server mid-task, restart it, and check that nothing stays stuck in processing
// and that the upstream job is resumed rather than paid for twice.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeServer, startQwen2512Fake } from "../fakes";
import { seedUserWithKey } from "../helpers/accounts";
import { startServer, type TestServer, useFreshDataDir, waitFor } from "../helpers/server";

let server: TestServer;
let qwen: FakeServer;
let user: Awaited<ReturnType<typeof seedUserWithKey>>;

beforeAll(async () => {
  useFreshDataDir("pixel-crash-");
  user = await seedUserWithKey("crash@example.com");
  // Slow upstream: each job needs several seconds, so the kill lands mid-task.
  qwen = await startQwen2512Fake({ queuedPolls: 1, runningPolls: 1, completeAfterMs: 4000 });
  server = await startServer({
    QWEN2512_BASE_URL: qwen.baseUrl,
    QWEN2512_API_KEY: "test-qwen2512-key",
    QWEN2512_POLL_INTERVAL_MS: "200",
    TASK_LEASE_MS: "2000",
  });
});
afterAll(async () => {
  await server?.stop();
  await qwen?.close();
});

// Read through lib/db: the same database the server uses, SQLite or PostgreSQL.
const statusOf = async (id: number) => {
  const { getTaskById } = await import("@/lib/db/tasks");
  const t = await getTaskById(id);
  return { status: t?.status, upstream_id: t?.upstreamId ?? null, attempts: t?.attempts };
};

describe("crash recovery", () => {
  it("resumes every task after kill -9: remote ones poll the same upstream job", async () => {
    const post = (body: unknown) =>
      fetch(`${server.baseUrl}/api/v1/generate`, {
        method: "POST",
        headers: { "Content-Type": "application/json", ...user.auth },
        body: JSON.stringify(body),
      }).then((r) => r.json());
    const remote = await post({
      prompt: "a knight in the storm",
      model: "qwen2512/qwen-image-2512",
      send_email: false,
    });
    const locals = await Promise.all(
      ["a red apple", "a blue key", "a green frog"].map((prompt) =>
        post({ prompt, model: "local/pixel-sprite", send_email: false, force: true }),
      ),
    );
    await waitFor(
      async () => ((await statusOf(remote.task_id)).upstream_id ? true : undefined),
      15_000,
    );
    expect((await statusOf(remote.task_id)).status).toBe("processing");

    await server.kill9();
    const submitsBefore = qwen.apiCalls().filter((c) => c.path === "/api/generate").length;
    expect(
      submitsBefore,
      JSON.stringify(qwen.apiCalls().map((c) => [c.path, c.json, c.query])),
    ).toBe(1);
    await server.start();

    const ids = [remote.task_id, ...locals.map((l) => l.task_id)];
    await waitFor(async () => {
      const all = await Promise.all(ids.map(statusOf));
      return all.every((t) => t.status === "completed") ? true : undefined;
    }, 40_000);
    for (const id of ids) expect((await statusOf(id)).status).toBe("completed");
    // the restarted worker polled the recorded job instead of generating again
    expect(qwen.apiCalls().filter((c) => c.path === "/api/generate").length).toBe(1);
    const { listTasks } = await import("@/lib/db/tasks");
    const stuck = await listTasks(
      { userId: user.user.id, status: "processing" },
      { limit: 1, offset: 0 },
    );
    expect(stuck.total).toBe(0);
  }, 60_000);

  it("deleting a running task stops its upstream polling", async () => {
    const res = await fetch(`${server.baseUrl}/api/v1/generate`, {
      method: "POST",
      headers: { "Content-Type": "application/json", ...user.auth },
      body: JSON.stringify({
        prompt: "a task to cancel",
        model: "qwen2512/qwen-image-2512",
        send_email: false,
      }),
    });
    const { task_id } = await res.json();
    const upstreamId = await waitFor(
      async () => (await statusOf(task_id)).upstream_id ?? undefined,
      15_000,
    );
    const del = await fetch(`${server.baseUrl}/api/v1/task/${task_id}`, {
      method: "DELETE",
      headers: user.auth,
    });
    expect(del.status).toBe(200);
    await new Promise((r) => setTimeout(r, 600));
    const pollsAfter = () =>
      qwen.apiCalls().filter((c) => c.path === "/api/status" && c.query.task_id === upstreamId)
        .length;
    const n = pollsAfter();
    await new Promise((r) => setTimeout(r, 1500));
    expect(pollsAfter()).toBe(n);
  });
});
