// The hot reads of the API in one query each, on either database: a task with its files, and a
// page of the task list with its total.
import { beforeAll, describe, expect, it } from "vitest";
import { BACKEND } from "@/test/helpers/database";
import { useFreshDataDir } from "@/test/helpers/server";

beforeAll(() => {
  useFreshDataDir("pixel-hot-reads-");
});

async function seedUser() {
  const { createUser } = await import("./users");
  return createUser({ email: `h${Math.random()}@example.com`, passwordHash: "x" });
}

async function seedTask(userId: number, status: "pending" | "completed" = "completed") {
  const { insertTask } = await import("./tasks");
  return insertTask({
    userId,
    type: "image",
    model: "local/m",
    provider: "local",
    prompt: "p",
    params: { prompt: "p" },
    status,
  });
}

describe("getTaskWithFilesForUser", () => {
  it("answers the task with its files in assetsOfTask's order, and nothing for another user", async () => {
    const { getTaskWithFilesForUser, insertAssets, assetsOfTask } = await import("./tasks");
    const user = await seedUser();
    const other = await seedUser();
    const bare = await seedTask(user.id);
    expect(await getTaskWithFilesForUser(bare.id, user.id)).toEqual({ task: bare, files: [] });
    const task = await seedTask(user.id);
    const file = (kind: "image" | "grid" | "logical", position: number) => ({
      taskId: task.id,
      userId: user.id,
      kind,
      position,
      storageKey: `k/${task.id}/${kind}/${position}`,
      contentType: "image/png",
      bytes: 1,
    });
    await insertAssets([file("image", 1), file("grid", 0), file("image", 0), file("logical", 0)]);
    const found = await getTaskWithFilesForUser(task.id, user.id);
    expect(found?.task).toEqual(task);
    expect(found?.files).toEqual(await assetsOfTask(task.id));
    expect(found?.files).toHaveLength(4);
    expect(await getTaskWithFilesForUser(task.id, other.id)).toBeUndefined();
  });
});

describe("listTasks' total from task_counts", () => {
  it("follows inserts, status changes, batches and deletes, as a count over the tasks would", async () => {
    const { listTasks, deleteTaskRow, insertBatchWithTasks } = await import("./tasks");
    const { getDb } = await import("./client");
    const { tasks } = await import("./schema");
    const { and, count, eq, inArray } = await import("drizzle-orm");
    const user = await seedUser();
    const other = await seedUser();
    const made = [];
    for (let i = 0; i < 5; i++) made.push(await seedTask(user.id, i % 2 ? "pending" : "completed"));
    await seedTask(other.id);
    await insertBatchWithTasks(
      { userId: user.id, prompt: "b", mode: "walk", requestedCount: 3, model: "local/m", seed: 1 },
      (batchId) =>
        [1, 2, 3].map((i) => ({
          userId: user.id,
          type: "image" as const,
          model: "local/m",
          provider: "local",
          prompt: "b",
          params: { prompt: "b" },
          batchId,
          batchIndex: i,
        })),
    );
    const db = await getDb();
    await db.update(tasks).set({ status: "processing" }).where(eq(tasks.id, made[1]!.id));
    await db
      .update(tasks)
      .set({ status: "failed" })
      .where(inArray(tasks.id, [made[3]!.id, made[4]!.id]));
    await deleteTaskRow(made[0]!.id, user.id);
    const truth = async (status?: "pending" | "processing" | "completed" | "failed") => {
      const [row] = await db
        .select({ n: count() })
        .from(tasks)
        .where(
          status
            ? and(eq(tasks.userId, user.id), eq(tasks.status, status))
            : eq(tasks.userId, user.id),
        );
      return row!.n;
    };
    const page = { limit: 2, offset: 0 };
    const all = await listTasks({ userId: user.id }, page);
    expect(all.total).toBe(await truth());
    expect(all.total).toBe(7);
    expect(all.rows).toHaveLength(2);
    for (const status of ["pending", "processing", "completed", "failed"] as const) {
      const list = await listTasks({ userId: user.id, status }, page);
      expect(list.total, status).toBe(await truth(status));
      for (const t of list.rows) expect(t.status).toBe(status);
    }
    // a page past the end has no row to carry the total
    const beyond = await listTasks({ userId: user.id }, { limit: 2, offset: 100 });
    expect(beyond).toEqual({ rows: [], total: 7 });
    const failedBeyond = await listTasks(
      { userId: user.id, status: "failed" },
      { limit: 2, offset: 2 },
    );
    expect(failedBeyond).toEqual({ rows: [], total: await truth("failed") });
    // a filter the counts do not keep still counts the rows
    const starred = await listTasks({ userId: user.id, starred: true }, page);
    expect(starred.total).toBe(0);
  });

  it("lets a user with tasks be deleted (their counters go with them)", async () => {
    const { getDb } = await import("./client");
    const { users, taskCounts } = await import("./schema");
    const { eq } = await import("drizzle-orm");
    const user = await seedUser();
    await seedTask(user.id, "pending");
    await seedTask(user.id);
    const db = await getDb();
    await db.delete(users).where(eq(users.id, user.id));
    expect(await db.select().from(taskCounts).where(eq(taskCounts.userId, user.id))).toEqual([]);
  });
});

describe.runIf(BACKEND === "postgres")("task_counts stripes (PostgreSQL)", () => {
  it("takes a user's counters in one order: a status change and a task insert on one stripe never deadlock", async () => {
    const pg = (await import("pg")).default;
    const user = await seedUser();
    const starred = await seedTask(user.id, "pending");
    const moving = await seedTask(user.id, "pending");
    // two backends of one stripe (pid % 16): among 17, two always share one
    const opened: InstanceType<typeof pg.Client>[] = [];
    const byStripe = new Map<number, InstanceType<typeof pg.Client>>();
    let pair: [InstanceType<typeof pg.Client>, InstanceType<typeof pg.Client>] | undefined;
    try {
      while (!pair) {
        const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
        await c.connect();
        opened.push(c);
        const { rows } = await c.query("SELECT pg_backend_pid() % 16 AS stripe");
        const other = byStripe.get(Number(rows[0].stripe));
        if (other) pair = [other, c];
        else byStripe.set(Number(rows[0].stripe), c);
      }
      const [poster, worker] = pair;
      // the poster's transaction holds the user's change counter (any task write takes it)…
      await poster.query("BEGIN");
      await poster.query("UPDATE tasks SET starred = true WHERE id = $1", [starred.id]);
      // …while a worker moves another task of theirs, and waits for that counter
      const workerPid = (await worker.query("SELECT pg_backend_pid() AS pid")).rows[0].pid;
      const move = worker
        .query("UPDATE tasks SET status = 'processing' WHERE id = $1", [moving.id])
        .then(
          () => "ok",
          (e: { code?: string }) => e.code,
        );
      for (let waited = 0; waited < 5000; waited += 20) {
        const { rows } = await poster.query(
          "SELECT wait_event_type FROM pg_stat_activity WHERE pid = $1",
          [workerPid],
        );
        if (rows[0]?.wait_event_type === "Lock") break;
        await new Promise((r) => setTimeout(r, 20));
      }
      // the poster's task insert then needs a counts row: had the worker taken its counts rows
      // before the change counter, this is a deadlock (40P01) and one of the two fails
      const insert = await poster
        .query(
          `INSERT INTO tasks (user_id, type, model, provider, prompt, params)
           VALUES ($1, 'image', 'local/m', 'local', 'p', '{}')`,
          [user.id],
        )
        .then(
          () => "ok",
          (e: { code?: string }) => e.code,
        );
      await poster.query(insert === "ok" ? "COMMIT" : "ROLLBACK");
      expect({ insert, move: await move }).toEqual({ insert: "ok", move: "ok" });
    } finally {
      await Promise.all(opened.map((c) => c.end()));
    }
    const { listTasks } = await import("./tasks");
    const page = { limit: 1, offset: 0 };
    expect((await listTasks({ userId: user.id, status: "pending" }, page)).total).toBe(2);
    expect((await listTasks({ userId: user.id, status: "processing" }, page)).total).toBe(1);
  });

  it("keeps every status's sum exact when connections count, move and delete each other's tasks", async () => {
    const { listTasks } = await import("./tasks");
    const { getPool } = await import("./client");
    const user = await seedUser();
    const pool = await getPool();
    // several connections at once, i.e. several backends and (most likely) several stripes
    const clients = await Promise.all([0, 1, 2, 3].map(() => pool.connect()));
    const stripesUsed = new Set<number>();
    try {
      for (const c of clients) {
        const { rows } = await c.query("SELECT pg_backend_pid() % 16 AS stripe");
        stripesUsed.add(Number(rows[0].stripe));
      }
      const ids: number[] = [];
      await Promise.all(
        clients.map(async (c, i) => {
          for (let k = 0; k < 3; k++) {
            const { rows } = await c.query(
              `INSERT INTO tasks (user_id, type, model, provider, prompt, params)
               VALUES ($1, 'image', 'local/m', 'local', 'p', '{}') RETURNING id`,
              [user.id],
            );
            ids[i * 3 + k] = rows[0].id;
          }
        }),
      );
      // each connection moves or deletes a task another one counted
      await clients[1]!.query("UPDATE tasks SET status = 'processing' WHERE id = $1", [ids[0]]);
      await clients[2]!.query("UPDATE tasks SET status = 'completed' WHERE id = $1", [ids[0]]);
      await clients[3]!.query("UPDATE tasks SET status = 'failed' WHERE id = $1", [ids[4]]);
      await clients[0]!.query("DELETE FROM tasks WHERE id = $1", [ids[7]]);
      await clients[0]!.query("UPDATE tasks SET status = 'processing' WHERE id = ANY($1)", [
        [ids[9], ids[10]],
      ]);
    } finally {
      for (const c of clients) c.release();
    }
    const page = { limit: 1, offset: 0 };
    expect((await listTasks({ userId: user.id }, page)).total).toBe(11);
    const expected = { pending: 7, processing: 2, completed: 1, failed: 1 } as const;
    for (const [status, n] of Object.entries(expected)) {
      const s = status as keyof typeof expected;
      expect((await listTasks({ userId: user.id, status: s }, page)).total, s).toBe(n);
      expect(
        (await listTasks({ userId: user.id, status: s }, { limit: 1, offset: 50 })).total,
      ).toBe(n);
    }
    const { rows } = await pool.query(
      "SELECT count(DISTINCT stripe) AS stripes FROM task_counts WHERE user_id = $1",
      [user.id],
    );
    // four backends share one stripe about once in 4,096 runs: then one stripe is right
    if (stripesUsed.size > 1) expect(Number(rows[0].stripes)).toBeGreaterThan(1);
    else expect(Number(rows[0].stripes)).toBe(1);
  });
});
