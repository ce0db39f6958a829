// The queue's claim is atomic across processes: every task is claimed exactly once, expired
// leases become claimable, and run_after delays retries. Runs on SQLite and (BACKEND=postgres)
// on PostgreSQL.
import { spawn } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BACKEND } from "@/test/helpers/database";
import { useFreshDataDir } from "@/test/helpers/server";

const ROOT = path.resolve(__dirname, "..", "..");

beforeAll(() => {
  useFreshDataDir("pixel-queue-");
});
afterAll(async () => {
  const { closeTaskQueue } = await import("@/lib/jobs/queue-factory");
  await closeTaskQueue();
});

async function seedTasks(n: number, provider = "local") {
  const { createUser } = await import("./users");
  const { getTaskQueue } = await import("@/lib/jobs/queue-factory");
  const queue = await getTaskQueue();
  const user = await createUser({ email: `q${Math.random()}@example.com`, passwordHash: "x" });
  const tasks = [];
  for (let i = 0; i < n; i++) {
    tasks.push(
      await queue.enqueue({
        userId: user.id,
        type: "image",
        model: `${provider}/m`,
        provider,
        prompt: `p${i}`,
        params: { prompt: `p${i}` },
      }),
    );
  }
  return tasks;
}

interface Competitor {
  ready: Promise<void>;
  go(): void;
  won: Promise<number[]>;
}

function competitor(owner: string): Competitor {
  const child = spawn(
    path.join(ROOT, "node_modules/.bin/tsx"),
    [path.join(ROOT, "test/helpers/claim-race.ts")],
    {
      cwd: ROOT,
      env: { ...process.env, RACE_OWNER: owner, RACE_PROVIDER: "race" },
      stdio: ["pipe", "pipe", "pipe"],
    },
  );
  let out = "";
  let err = "";
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((r) => {
    markReady = r;
  });
  child.stdout.on("data", (d) => {
    out += d;
  });
  child.stderr.on("data", (d) => {
    err += d;
    if (err.includes("ready")) markReady();
  });
  const won = new Promise<number[]>((resolve, reject) => {
    child.on("exit", (code) =>
      code === 0 ? resolve(JSON.parse(out) as number[]) : reject(new Error(`${owner}: ${err}`)),
    );
  });
  // an early exit must not leave the test waiting for "ready"
  won.catch(() => markReady());
  return { ready, go: () => child.stdin.end("go\n"), won };
}

describe("claim", () => {
  it("hands each task to exactly one of two worker processes racing on claim", async () => {
    const tasks = await seedTasks(120, "race");
    // Both processes connect first, then start claiming at the same signal.
    const racers = [competitor("A"), competitor("B")];
    await Promise.all(racers.map((r) => r.ready));
    for (const r of racers) r.go();
    const [a, b] = await Promise.all(racers.map((r) => r.won));
    expect(new Set([...a, ...b]).size).toBe(a.length + b.length);
    expect([...a, ...b].sort((x, y) => x - y)).toEqual(tasks.map((t) => t.id));
    // A race only proves something if both sides won claims.
    expect(a.length).toBeGreaterThan(0);
    expect(b.length).toBeGreaterThan(0);
  }, 60_000);
});

// The SQLite engine's own primitives; lib/jobs/task-queue.test.ts covers both engines.
describe.runIf(BACKEND === "sqlite")("SQLite lease queue (claimNextTask)", () => {
  it("reclaims a task whose lease expired, and respects run_after", async () => {
    const { claimNextTask, requeueTask } = await import("./queue");
    const [task] = await seedTasks(1, "lease");
    const first = await claimNextTask({ owner: "dead", providers: ["lease"], leaseMs: 1 });
    expect(first?.id).toBe(task.id);
    await new Promise((r) => setTimeout(r, 5));
    const again = await claimNextTask({ owner: "alive", providers: ["lease"], leaseMs: 60_000 });
    expect(again?.id).toBe(task.id);
    expect(again?.attempts).toBe(2);
    expect(await requeueTask(task.id, "alive", new Date(Date.now() + 60_000), "retry later")).toBe(
      true,
    );
    expect(
      await claimNextTask({ owner: "x", providers: ["lease"], leaseMs: 1000 }),
    ).toBeUndefined();
    expect(
      (
        await claimNextTask({
          owner: "x",
          providers: ["lease"],
          leaseMs: 1000,
          now: Date.now() + 61_000,
        })
      )?.id,
    ).toBe(task.id);
  });

  it("claims the oldest runnable task whether it is pending or its lease ran out", async () => {
    const { claimNextTask } = await import("./queue");
    const { getDb } = await import("./client");
    const { tasks } = await import("./schema");
    const { eq } = await import("drizzle-orm");
    const [a, b, c] = await seedTasks(3, "order");
    const db = await getDb();
    const at = (ms: number) => new Date(Date.now() + ms);
    // by run_after: b, then c (processing, its lease ran out), then a
    await db
      .update(tasks)
      .set({ runAfter: at(-3_000) })
      .where(eq(tasks.id, a!.id));
    await db
      .update(tasks)
      .set({ runAfter: at(-5_000) })
      .where(eq(tasks.id, b!.id));
    await db
      .update(tasks)
      .set({ runAfter: at(-4_000), status: "processing", leaseExpiresAt: at(-1_000) })
      .where(eq(tasks.id, c!.id));
    const claim = () => claimNextTask({ owner: "o", providers: ["order"], leaseMs: 60_000 });
    expect((await claim())?.id).toBe(b!.id);
    expect((await claim())?.id).toBe(c!.id);
    expect((await claim())?.id).toBe(a!.id);
    expect(await claim()).toBeUndefined();
  });

  it("finds the task to claim by walking the queue index, not by sorting the backlog", async () => {
    // The claim holds SQLite's only write lock: it must stop at the first runnable row.
    const { sqliteClaimSql } = await import("./dialect");
    const { getSqlite } = await import("./client");
    const plan = (
      getSqlite()
        .prepare(`EXPLAIN QUERY PLAN ${sqliteClaimSql(2)}`)
        .all({ owner: "o", leaseUntil: 1, now: 1, p0: "a", p1: "b" }) as { detail: string }[]
    ).map((r) => r.detail);
    expect(plan.filter((d) => d.includes("tasks_queue_idx"))).toHaveLength(2);
    // the only sort left is of the two candidates, outside the index walks
    expect(plan.filter((d) => d.includes("TEMP B-TREE"))).toHaveLength(1);
    expect(plan.some((d) => d.includes("MULTI-INDEX OR"))).toBe(false);
  });

  it("takes no write lock when there is nothing to claim", async () => {
    // The worker claims on every wake-up, mostly for providers with nothing queued; the web
    // thread's task INSERTs must not wait for those. Another connection holds the write lock
    // here: a claim that finds nothing answers at once, without asking for it.
    const { claimNextTask } = await import("./queue");
    const { openDatabase } = await import("./client");
    const { databaseTarget } = await import("@/lib/config/paths");
    const [task] = await seedTasks(1, "locked");
    const target = databaseTarget();
    if (target.dialect !== "sqlite") throw new Error("SQLite only");
    const other = openDatabase(target.file).sqlite;
    other.exec("BEGIN IMMEDIATE");
    try {
      const started = Date.now();
      expect(
        await claimNextTask({ owner: "o", providers: ["nothing-here"], leaseMs: 1000 }),
      ).toBeUndefined();
      // (a claim inside BEGIN IMMEDIATE waits out the 5 s busy timeout, then fails)
      expect(Date.now() - started).toBeLessThan(1000);
    } finally {
      if (other.inTransaction) other.exec("COMMIT");
      other.close();
    }
    expect((await claimNextTask({ owner: "o", providers: ["locked"], leaseMs: 1000 }))?.id).toBe(
      task.id,
    );
  });

  it("only renews, completes or fails a lease it owns", async () => {
    const { claimNextTask, renewLease, failTaskRow } = await import("./queue");
    await seedTasks(1, "own");
    const t = (await claimNextTask({ owner: "me", providers: ["own"], leaseMs: 60_000 }))!;
    expect(await renewLease(t.id, "someone-else", 1000)).toBe(false);
    expect(await renewLease(t.id, "me", 1000)).toBe(true);
    expect(await failTaskRow(t.id, "someone-else", "nope")).toBe(false);
    expect(await failTaskRow(t.id, "me", "a reason")).toBe(true);
    expect(await renewLease(t.id, "me", 1000)).toBe(false);
  });
});
