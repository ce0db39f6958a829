// The queue interface against its engine for this run's backend: the SQLite lease queue, or
// pg-boss on PostgreSQL (BACKEND=postgres). Claims honour capacity and the per-provider cap over
// all workers, retries wait for run_after, a dead worker's task is claimed by another, and a
// cancellation reaches subscribers.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { NewTask } from "@/lib/db/schema";
import { BACKEND } from "@/test/helpers/database";
import { useFreshDataDir, waitFor } from "@/test/helpers/server";
import type { ClaimRequest, TaskQueue } from "./task-queue";

let queue: TaskQueue;
let userId: number;

beforeAll(async () => {
  useFreshDataDir("pixel-task-queue-");
  process.env.QUEUE_SWEEP_MS = "200";
  const { resetEnvCache } = await import("@/lib/config/env");
  resetEnvCache();
  const { createUser } = await import("@/lib/db/users");
  userId = (await createUser({ email: "queue@example.com", passwordHash: "x" })).id;
  const { getTaskQueue } = await import("./queue-factory");
  queue = await getTaskQueue();
});
afterAll(async () => {
  const { closeTaskQueue } = await import("./queue-factory");
  await closeTaskQueue();
});

const task = (provider: string, prompt: string): NewTask => ({
  userId,
  type: "image",
  model: `${provider}/m`,
  provider,
  prompt,
  params: { prompt },
});

const request = (owner: string, provider: string, free: number, cap: number): ClaimRequest => ({
  owner,
  leaseMs: 60_000,
  capacity: new Map([[provider, free]]),
  limits: new Map([[provider, cap]]),
});

/** Claims until `count` tasks are held or the deadline passes (pg-boss delivery is async). */
async function claimAtLeast(req: ClaimRequest, count: number, timeoutMs = 5_000) {
  const got = [];
  const deadline = Date.now() + timeoutMs;
  while (got.length < count && Date.now() < deadline) {
    const left = new Map([...req.capacity].map(([p, n]) => [p, n - got.length]));
    got.push(...(await queue.claim({ ...req, capacity: left })));
    if (got.length < count) await new Promise((r) => setTimeout(r, 50));
  }
  return got;
}

describe("task queue", () => {
  it("hands an enqueued task to one claimer, and completes it", async () => {
    const t = await queue.enqueue(task("q-one", "one"));
    expect(t.status).toBe("pending");
    const [c] = await claimAtLeast(request("A", "q-one", 4, 4), 1);
    expect(c.task.id).toBe(t.id);
    expect(c.task.status).toBe("processing");
    expect(await queue.claim(request("B", "q-one", 4, 4))).toEqual([]);
    expect(await queue.heartbeat(c, 60_000, 50)).toBe(true);
    expect(await queue.complete(c, { files: [] })).toBe(true);
    const { getTaskById } = await import("@/lib/db/tasks");
    expect((await getTaskById(t.id))?.status).toBe("completed");
  });

  it("never runs more of a provider at once than its cap, counted over every worker", async () => {
    for (let i = 0; i < 6; i++) await queue.enqueue(task("q-cap", `cap ${i}`));
    const a = await claimAtLeast(request("A", "q-cap", 5, 3), 3);
    expect(a.length).toBe(3);
    // A second worker with free slots gets nothing while the provider is at its cap…
    expect(await queue.claim(request("B", "q-cap", 5, 3))).toEqual([]);
    // … and one task as soon as a slot frees up.
    await queue.complete(a[0], { files: [] });
    const after = await claimAtLeast(request("B", "q-cap", 5, 3), 2, 3_000);
    expect(after.length).toBe(1);
  });

  it("holds the cap when several workers claim at the same moment", async () => {
    for (let i = 0; i < 12; i++) await queue.enqueue(task("q-crowd", `crowd ${i}`));
    const claims = await Promise.all(
      Array.from({ length: 6 }, (_, i) => queue.claim(request(`W${i}`, "q-crowd", 4, 5))),
    );
    const ids = claims.flat().map((c) => c.task.id);
    expect(ids.length).toBe(5);
    expect(new Set(ids).size).toBe(5);
  });

  it("skips the deliveries of deleted tasks and claims several providers at once", async () => {
    const gone = await queue.enqueue(task("q-mixed-a", "deleted before its turn"));
    const a = await queue.enqueue(task("q-mixed-a", "a"));
    const b = await queue.enqueue(task("q-mixed-b", "b"));
    const { deleteTaskRow } = await import("@/lib/db/tasks");
    expect(await deleteTaskRow(gone.id, userId)).toBe(true);
    const claimed = await queue.claim({
      owner: "A",
      leaseMs: 60_000,
      capacity: new Map([
        ["q-mixed-a", 1],
        ["q-mixed-b", 1],
      ]),
      limits: new Map([
        ["q-mixed-a", 2],
        ["q-mixed-b", 2],
      ]),
    });
    expect(claimed.map((c) => c.task.id).sort((x, y) => x - y)).toEqual([a.id, b.id]);
  });

  it("retries no earlier than run_after (an upstream's Retry-After)", async () => {
    const t = await queue.enqueue(task("q-retry", "retry me"));
    const [c] = await claimAtLeast(request("A", "q-retry", 1, 1), 1);
    expect(await queue.retry(c, new Date(Date.now() + 1_500), "Retrying: 429")).toBe(true);
    expect(await queue.claim(request("A", "q-retry", 1, 1))).toEqual([]);
    const [again] = await claimAtLeast(request("A", "q-retry", 1, 1), 1, 6_000);
    expect(again.task.id).toBe(t.id);
    expect(again.task.attempts).toBe(2);
  });

  it("gives a dead worker's task to another worker once its lease expires", async () => {
    const t = await queue.enqueue(task("q-dead", "orphan"));
    const [c] = await claimAtLeast({ ...request("dead", "q-dead", 1, 1), leaseMs: 300 }, 1);
    expect(c.task.id).toBe(t.id);
    // no heartbeat, no completion: the worker "died"
    const [taken] = await claimAtLeast(request("alive", "q-dead", 1, 1), 1, 10_000);
    expect(taken?.task.id).toBe(t.id);
    expect(taken.task.leaseOwner).toBe("alive");
    // the dead worker's late writes are refused
    expect(await queue.complete(c, { files: [] })).toBe(false);
    expect(await queue.complete(taken, { files: [] })).toBe(true);
  });

  it("completes with the task's files, and a lost lease writes none", async () => {
    const t = await queue.enqueue(task("q-files", "with files"));
    const [lost] = await claimAtLeast({ ...request("lost", "q-files", 1, 1), leaseMs: 300 }, 1);
    const [held] = await claimAtLeast(request("held", "q-files", 1, 1), 1, 10_000);
    const file = (key: string, width: number) => ({
      taskId: t.id,
      userId,
      kind: "image" as const,
      storageKey: key,
      contentType: "image/png",
      width,
      height: width,
      bytes: 10,
    });
    const outputs = (key: string) => ({ width: 32, height: 32, files: [file(key, 32)] });
    expect(await queue.complete(held, outputs("held.png"))).toBe(true);
    expect(await queue.complete(lost, outputs("lost.png"))).toBe(false);
    const { getTaskById, assetsOfTask } = await import("@/lib/db/tasks");
    const row = await getTaskById(t.id);
    expect([row?.status, row?.width, row?.leaseOwner]).toEqual(["completed", 32, null]);
    const files = await assetsOfTask(t.id);
    expect(files.map((f) => [f.storageKey, f.width, f.position])).toEqual([["held.png", 32, 0]]);
  });

  it("delivers a batch's frames and a re-rolled frame (PostgreSQL: in the commit that writes them)", async () => {
    const batchOf = (n: number, seed: number) =>
      queue.enqueueBatch(
        { userId, prompt: "b", mode: "random", model: "q-batch/m", requestedCount: n, seed },
        (batchId) =>
          Array.from({ length: n }, (_, i) => ({
            ...task("q-batch", `b${i}`),
            batchId,
            batchIndex: i + 1,
          })),
      );
    // the provider's first batch: its queue is created on the way
    const first = await batchOf(3, 1);
    expect(first.tasks.map((t) => t.batchIndex)).toEqual([1, 2, 3]);
    const claimed = await claimAtLeast(request("A", "q-batch", 8, 8), 3);
    expect(claimed.map((c) => c.task.id).sort()).toEqual(first.tasks.map((t) => t.id).sort());
    for (const c of claimed) expect(await queue.complete(c, { files: [] })).toBe(true);

    const rerun = await queue.enqueueRerun(first.tasks[0]!.id, {
      seed: 2,
      params: { prompt: "b0", variant: 1 },
    });
    expect(rerun).toMatchObject({ id: first.tasks[0]!.id, status: "pending", seed: 2 });
    if (BACKEND === "postgres") expect(await jobsOf([rerun.id])).toBe(1);
    const [again] = await claimAtLeast(request("B", "q-batch", 8, 8), 1);
    expect(again?.task.id).toBe(rerun.id);
    expect(await queue.complete(again!, { files: [] })).toBe(true);

    // the queue exists now: the jobs are there as soon as the batch is
    const second = await batchOf(2, 3);
    if (BACKEND === "postgres") expect(await jobsOf(second.tasks.map((t) => t.id))).toBe(2);
    const both = await claimAtLeast(request("C", "q-batch", 8, 8), 2);
    expect(both.map((c) => c.task.id).sort()).toEqual(second.tasks.map((t) => t.id).sort());
    for (const c of both) await queue.complete(c, { files: [] });
  });

  it("tells subscribers that a task was cancelled", async () => {
    const seen: number[] = [];
    const unsubscribe = await queue.subscribe({
      enqueued: () => undefined,
      cancelled: (id) => seen.push(id),
    });
    try {
      // LISTEN needs a moment to be in place on PostgreSQL
      await waitFor(
        async () => {
          await queue.cancel(4242);
          return seen.includes(4242) ? true : undefined;
        },
        10_000,
        300,
      );
    } finally {
      await unsubscribe();
    }
  });
});

/** PostgreSQL: how many pg-boss jobs of these tasks wait to be claimed. */
async function jobsOf(ids: number[]): Promise<number> {
  const { getPool } = await import("@/lib/db/client");
  const { BOSS_SCHEMA } = await import("@/lib/db/postgres/boss-schema");
  const { rows } = await (await getPool()).query(
    `SELECT count(*)::int AS n FROM ${BOSS_SCHEMA}.job WHERE state = 'created' AND (data->>'taskId')::int = ANY($1::int[])`,
    [ids],
  );
  return rows[0].n;
}
