// The task INSERT with its pg-boss delivery as one statement (insertTaskWithDelivery): the job
// row is the one pg-boss's own insert writes, the claim finds it, and a statement that fails
// leaves neither the task, its counter nor its job behind.
import PgBoss from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { NewTask } from "@/lib/db/schema";
import { BACKEND } from "@/test/helpers/database";
import { useFreshDataDir } from "@/test/helpers/server";

const SCHEMA = "pgboss";

describe.runIf(BACKEND === "postgres")("insertTaskWithDelivery", () => {
  let userId: number;
  let boss: PgBoss;
  let query: (text: string, values?: unknown[]) => Promise<Record<string, unknown>[]>;

  beforeAll(async () => {
    useFreshDataDir("pixel-enqueue-");
    const { createUser } = await import("../users");
    userId = (await createUser({ email: "enqueue@example.com", passwordHash: "x" })).id;
    const { getPool } = await import("../client");
    const pool = await getPool();
    query = async (text, values) => (await pool.query(text, values)).rows;
    boss = new PgBoss({
      db: { executeSql: (text, values) => pool.query(text, values) },
      schema: SCHEMA,
      supervise: false,
      schedule: false,
    });
    await boss.start();
    await boss.createQueue("enqueue-test", { name: "enqueue-test", policy: "standard" });
  });
  afterAll(async () => {
    await boss?.stop({ graceful: false, close: false, wait: true });
  });

  const task = (prompt: string, extra: Partial<NewTask> = {}): NewTask => ({
    userId,
    type: "image",
    model: "local/m",
    provider: "local",
    prompt,
    params: { prompt },
    ...extra,
  });

  const jobOf = async (taskId: number) =>
    (
      await query(
        `SELECT name, data, priority, state, retry_limit, retry_count, retry_delay, retry_backoff,
           singleton_key, singleton_on, expire_in::text AS expire_in, dead_letter, policy,
           start_after, created_on, keep_until - start_after AS keep_for
         FROM ${SCHEMA}.job WHERE data->>'taskId' = $1`,
        [String(taskId)],
      )
    )[0];

  const pendingCount = async () =>
    Number(
      (
        await query(
          "SELECT sum(n) AS n FROM task_counts WHERE user_id = $1 AND status = 'pending'",
          [userId],
        )
      )[0]?.n ?? 0,
    );

  it("writes the task and the job row pg-boss's own insert would write", async () => {
    const { insertTaskWithDelivery } = await import("./enqueue");
    const made = await insertTaskWithDelivery(task("a knight"), SCHEMA, "enqueue-test");
    expect(made?.delivered).toBe(true);
    expect(made?.task).toMatchObject({ userId, prompt: "a knight", status: "pending" });
    const { getTaskById } = await import("../tasks");
    expect(await getTaskById(made!.task.id)).toEqual(made!.task);

    // the same delivery through pg-boss, for a task id no row has
    await boss.insert([{ name: "enqueue-test", data: { taskId: -1 }, singletonKey: "-1" }]);
    const { start_after: ours, created_on: ourCreated, ...mine } = (await jobOf(made!.task.id))!;
    const { start_after: _t, created_on: _c, ...theirs } = (await jobOf(-1))!;
    expect(mine).toEqual({
      ...theirs,
      data: { taskId: made!.task.id },
      singleton_key: String(made!.task.id),
    });
    expect(mine.state).toBe("created");
    // due at once: the statement's own time (the task's run_after default is the same now())
    expect((ours as Date).getTime()).toBe((ourCreated as Date).getTime());
  });

  it("delivers a task that waits for run_after no earlier than that", async () => {
    const { insertTaskWithDelivery } = await import("./enqueue");
    const runAfter = new Date(Date.now() + 60_000);
    const made = await insertTaskWithDelivery(task("later", { runAfter }), SCHEMA, "enqueue-test");
    expect(made?.task.runAfter.getTime()).toBe(runAfter.getTime());
    expect(((await jobOf(made!.task.id))!.start_after as Date).getTime()).toBe(runAfter.getTime());
  });

  it("stores the task without a job when the queue does not exist (the sweeper delivers it)", async () => {
    const { insertTaskWithDelivery } = await import("./enqueue");
    const made = await insertTaskWithDelivery(task("no queue"), SCHEMA, "no-such-queue");
    expect(made?.delivered).toBe(false);
    expect(await jobOf(made!.task.id)).toBeUndefined();
    const { getTaskById } = await import("../tasks");
    expect((await getTaskById(made!.task.id))?.status).toBe("pending");
  });

  it("leaves nothing behind when the job cannot be written", async () => {
    const { insertTaskWithDelivery } = await import("./enqueue");
    const before = await pendingCount();
    const maxId = async () => Number((await query("SELECT max(id) AS m FROM tasks"))[0]!.m ?? 0);
    const lastId = await maxId();
    await query(`CREATE FUNCTION refuse_job() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'job refused by the test'; END $$`);
    await query(`CREATE TRIGGER refuse_job BEFORE INSERT ON ${SCHEMA}.job
      FOR EACH ROW EXECUTE FUNCTION refuse_job()`);
    try {
      await expect(
        insertTaskWithDelivery(task("half written?"), SCHEMA, "enqueue-test"),
      ).rejects.toThrow(/job refused by the test/);
    } finally {
      await query(`DROP TRIGGER refuse_job ON ${SCHEMA}.job`);
      await query("DROP FUNCTION refuse_job()");
    }
    expect(await query("SELECT id FROM tasks WHERE prompt = 'half written?'")).toEqual([]);
    expect(await pendingCount()).toBe(before);
    // and the next one goes through, counted once
    const made = await insertTaskWithDelivery(task("whole"), SCHEMA, "enqueue-test");
    expect(made!.task.id).toBeGreaterThan(lastId);
    expect(await pendingCount()).toBe(before + 1);
  });

  it("leaves nothing behind when the task cannot be written", async () => {
    const { insertTaskWithDelivery } = await import("./enqueue");
    const jobs = async () => Number((await query(`SELECT count(*) AS n FROM ${SCHEMA}.job`))[0]!.n);
    const before = await jobs();
    await expect(
      insertTaskWithDelivery(task("nobody's", { userId: 987_654 }), SCHEMA, "enqueue-test"),
    ).rejects.toThrow();
    expect(await jobs()).toBe(before);
  });

  it("stores the tasks of one turn in one statement, each with its own row and job", async () => {
    await boss.createQueue("grouped.local", { name: "grouped.local", policy: "standard" });
    const { insertTaskWithDeliveryGrouped } = await import("./enqueue");
    const { getPool } = await import("../client");
    const pool = await getPool();
    const sent: string[] = [];
    const original = pool.query.bind(pool) as (...a: unknown[]) => unknown;
    const counting = (...a: unknown[]) => {
      const q = a[0] as string | { text: string };
      sent.push(typeof q === "string" ? q : q.text);
      return original(...a);
    };
    (pool as unknown as { query: typeof counting }).query = counting;
    const before = await pendingCount();
    let made: Awaited<ReturnType<typeof insertTaskWithDeliveryGrouped>>[];
    try {
      made = await Promise.all(
        Array.from({ length: 5 }, (_, i) =>
          insertTaskWithDeliveryGrouped(
            task(`grouped ${i}`, { seed: i }),
            SCHEMA,
            "grouped.",
            "grouped.local",
          ),
        ),
      );
    } finally {
      (pool as unknown as { query: typeof original }).query = original;
    }
    expect(sent.filter((t) => t.includes("INSERT INTO") || t.includes("insert into"))).toHaveLength(
      1,
    );
    const { getTaskById } = await import("../tasks");
    for (const [i, m] of made.entries()) {
      expect(m?.delivered).toBe(true);
      expect(m?.task).toMatchObject({ prompt: `grouped ${i}`, seed: i, status: "pending" });
      expect(await getTaskById(m!.task.id)).toEqual(m!.task);
      expect(await jobOf(m!.task.id)).toMatchObject({
        name: "grouped.local",
        data: { taskId: m!.task.id },
        singleton_key: String(m!.task.id),
      });
    }
    expect(await pendingCount()).toBe(before + 5);
  });

  it("answers the ids of a group's tasks, each stored and delivered as with its row", async () => {
    await boss.createQueue("grouped.local", { name: "grouped.local", policy: "standard" });
    const { insertTaskIdWithDeliveryGrouped, insertTaskWithDeliveryGrouped } = await import(
      "./enqueue"
    );
    const { getTaskById } = await import("../tasks");
    const whole = await insertTaskWithDeliveryGrouped(
      task("by id", { seed: 3 }),
      SCHEMA,
      "grouped.",
      "grouped.local",
    );
    const made = await Promise.all(
      Array.from({ length: 3 }, () =>
        insertTaskIdWithDeliveryGrouped(
          task("by id", { seed: 3 }),
          SCHEMA,
          "grouped.",
          "grouped.local",
        ),
      ),
    );
    const alone = await insertTaskIdWithDeliveryGrouped(
      task("by id", { seed: 3 }),
      SCHEMA,
      "grouped.",
      "grouped.local",
    );
    const { id: _id, createdAt: _c, updatedAt: _u, runAfter: _r, ...rest } = whole!.task;
    for (const m of [...made, alone]) {
      expect(m?.delivered).toBe(true);
      expect(typeof m?.id).toBe("number");
      expect(await getTaskById(m!.id)).toMatchObject({ ...rest, id: m!.id });
      expect(await jobOf(m!.id)).toMatchObject({
        name: "grouped.local",
        data: { taskId: m!.id },
        singleton_key: String(m!.id),
      });
    }
    // no queue row: stored without a job, as with its row
    const missing = await insertTaskIdWithDeliveryGrouped(
      task("by id, no queue"),
      SCHEMA,
      "grouped.",
      "grouped.nowhere",
    );
    expect(missing?.delivered).toBe(false);
    expect(await getTaskById(missing!.id)).toMatchObject({ prompt: "by id, no queue" });
    expect(await jobOf(missing!.id)).toBeUndefined();
  });

  it("reports a task of a group that cannot be written to its caller alone", async () => {
    const { insertTaskWithDeliveryGrouped } = await import("./enqueue");
    const results = await Promise.allSettled([
      insertTaskWithDeliveryGrouped(task("kept 1"), SCHEMA, "grouped.", "grouped.local"),
      insertTaskWithDeliveryGrouped(
        task("nobody's either", { userId: 987_654 }),
        SCHEMA,
        "grouped.",
        "grouped.local",
      ),
      insertTaskWithDeliveryGrouped(task("kept 2"), SCHEMA, "grouped.", "grouped.local"),
    ]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    // (run again one by one, side by side: in either order)
    const prompts = (
      await query(
        "SELECT prompt FROM tasks WHERE prompt LIKE 'kept %' OR prompt = 'nobody''s either'",
      )
    ).map((r) => r.prompt);
    expect(prompts.sort()).toEqual(["kept 1", "kept 2"]);
  });
});
