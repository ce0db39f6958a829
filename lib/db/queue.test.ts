// The queue's claim is atomic across connections (as across processes): every task is claimed
// exactly once, expired leases become claimable, and run_after delays retries.
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { useFreshDataDir } from "@/test/helpers/server";

let dataDir: string;
beforeAll(() => {
  dataDir = useFreshDataDir("pixel-queue-");
});

async function seedTasks(n: number, provider = "local") {
  const { createUser } = await import("./users");
  const { insertTask } = await import("./tasks");
  const user = await createUser({ email: `q${Math.random()}@example.com`, passwordHash: "x" });
  const tasks = [];
  for (let i = 0; i < n; i++) {
    tasks.push(
      await insertTask({
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

describe("claimNextTask", () => {
  it("hands each task to exactly one of two competing connections", async () => {
    const { claimNextTask } = await import("./queue");
    const { openDatabase } = await import("./client");
    const tasks = await seedTasks(40, "race");
    // A second, independent connection stands in for another worker process.
    const other = openDatabase(path.join(dataDir, "studio.db"));
    const claimSql = other.sqlite.prepare(`
      UPDATE tasks SET status='processing', lease_owner='B', lease_expires_at=?, attempts=attempts+1
       WHERE id = (SELECT id FROM tasks WHERE provider='race' AND status='pending' ORDER BY id LIMIT 1)
      RETURNING id`);
    const claimB = other.sqlite.transaction(
      () => claimSql.get(Date.now() + 60_000) as { id: number } | undefined,
    );
    const a: number[] = [];
    const b: number[] = [];
    for (let i = 0; i < 40; i++) {
      const t = await claimNextTask({ owner: "A", providers: ["race"], leaseMs: 60_000 });
      if (t) a.push(t.id);
      const u = claimB.immediate();
      if (u) b.push(u.id);
    }
    other.sqlite.close();
    expect(new Set([...a, ...b]).size).toBe(a.length + b.length);
    expect(a.length + b.length).toBe(tasks.length);
  });

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
