// insertTask is one prepared statement with a placeholder per column: what it stores must be what
// drizzle's own INSERT stores (defaults, JSON, booleans, timestamps), on either database.
import { beforeAll, describe, expect, it } from "vitest";
import { BACKEND } from "@/test/helpers/database";
import { useFreshDataDir } from "@/test/helpers/server";

beforeAll(() => {
  useFreshDataDir("pixel-insert-task-");
});

async function seedUser() {
  const { createUser } = await import("./users");
  return createUser({ email: `i${Math.random()}@example.com`, passwordHash: "x" });
}

describe("insertTask", () => {
  it("fills the defaults a bare task leaves out, the clock's included", async () => {
    const { insertTask, getTaskById } = await import("./tasks");
    const user = await seedUser();
    const before = Date.now() - 2_000;
    const task = await insertTask({
      userId: user.id,
      type: "image",
      model: "local/m",
      provider: "local",
      prompt: "a knight",
      params: { prompt: "a knight", nested: { n: 1, list: [1, "two"] } },
    });
    expect(task).toMatchObject({
      status: "pending",
      errorMsg: "",
      background: "transparent",
      scale: 20,
      starred: false,
      sendEmail: false,
      attempts: 0,
      batchId: null,
      email: null,
      progress: null,
      params: { prompt: "a knight", nested: { n: 1, list: [1, "two"] } },
    });
    for (const at of [task.createdAt, task.updatedAt, task.runAfter]) {
      expect(at).toBeInstanceOf(Date);
      expect(at.getTime()).toBeGreaterThan(before);
      expect(at.getTime()).toBeLessThan(Date.now() + 2_000);
    }
    expect(await getTaskById(task.id)).toEqual(task);
  });

  it("stores the values it is given as given, two tasks apart", async () => {
    const { insertTask } = await import("./tasks");
    const user = await seedUser();
    const runAfter = new Date(Date.now() + 60_000);
    const a = await insertTask({
      userId: user.id,
      type: "image",
      model: "m",
      provider: "p",
      prompt: "x",
      params: {},
      status: "completed",
      sendEmail: true,
      email: "e@example.com",
      seed: 42,
      runAfter,
      scale: 8,
    });
    const b = await insertTask({
      userId: user.id,
      type: "image",
      model: "m",
      provider: "p",
      prompt: "y",
      params: { y: true },
    });
    expect(a).toMatchObject({ status: "completed", sendEmail: true, seed: 42, scale: 8 });
    expect(a.runAfter.getTime()).toBe(runAfter.getTime());
    expect(b).toMatchObject({ status: "pending", sendEmail: false, seed: null, scale: 20 });
    expect(b.id).toBeGreaterThan(a.id);
  });
});

describe("insertTaskReturningId", () => {
  it("stores the row insertTask stores and answers its id, alone and with others of its turn", async () => {
    const { insertTask, insertTaskReturningId, getTaskById } = await import("./tasks");
    const user = await seedUser();
    const values = (prompt: string) => ({
      userId: user.id,
      type: "image" as const,
      model: "local/m",
      provider: "local",
      prompt,
      seed: 7,
      params: { prompt, nested: { n: 1, list: [1, "two"] } },
    });
    const whole = await insertTask(values("same"));
    const alone = await insertTaskReturningId(values("same"));
    // a turn of them and a whole-row insert together (one group's commit on SQLite)
    const [a, b, c] = await Promise.all([
      insertTaskReturningId(values("same")),
      insertTask(values("same")),
      insertTaskReturningId(values("same")),
    ]);
    const { id: _id, createdAt: _c, updatedAt: _u, runAfter: _r, ...rest } = whole;
    for (const id of [alone, a, c]) {
      expect(typeof id).toBe("number");
      const row = await getTaskById(id);
      expect(row).toMatchObject({ ...rest, id });
    }
    expect(new Set([whole.id, alone, a, (b as { id: number }).id, c]).size).toBe(5);
  });
});

describe.runIf(BACKEND === "sqlite")("insertTask on SQLite while another connection writes", () => {
  it("waits for the other connection's write lock without blocking this thread", async () => {
    const { insertTask, getTaskById } = await import("./tasks");
    const { databaseTarget } = await import("@/lib/config/paths");
    const { openDatabase } = await import("./client");
    const user = await seedUser();
    const target = databaseTarget();
    if (target.dialect !== "sqlite") throw new Error("SQLite expected");
    // another connection (the worker thread's, in the web server) holds the write lock; on this
    // thread, only a timer can end its transaction
    const { sqlite: other } = openDatabase(target.file);
    other.prepare("BEGIN IMMEDIATE").run();
    const events: string[] = [];
    setTimeout(() => {
      events.push("other commits");
      other.prepare("COMMIT").run();
    }, 50);
    const task = await insertTask({
      userId: user.id,
      type: "image",
      model: "local/m",
      provider: "local",
      prompt: "written after the lock",
      params: { prompt: "written after the lock" },
    });
    events.push("inserted");
    other.close();
    // a blocking wait inside SQLite would have held this thread (and the timer) for the whole
    // busy timeout and failed with SQLITE_BUSY
    expect(events).toEqual(["other commits", "inserted"]);
    expect(await getTaskById(task.id)).toEqual(task);
  });
});

describe.runIf(BACKEND === "sqlite")("insertTask on SQLite, many at once", () => {
  const taskOf = (userId: number, prompt: string) => ({
    userId,
    type: "image" as const,
    model: "local/m",
    provider: "local",
    prompt,
    params: { prompt },
  });

  it("commits the inserts of one turn together: fewer WAL frames than one commit each", async () => {
    const { insertTask, getTaskById } = await import("./tasks");
    const { getSqlite } = await import("./client");
    const user = await seedUser();
    const sqlite = getSqlite();
    const framesWritten = async (write: () => Promise<unknown>) => {
      sqlite.pragma("wal_checkpoint(TRUNCATE)");
      await write();
      return (sqlite.pragma("wal_checkpoint(PASSIVE)") as { log: number }[])[0]!.log;
    };
    const oneByOne = await framesWritten(async () => {
      for (let i = 0; i < 10; i++) await insertTask(taskOf(user.id, `alone ${i}`));
    });
    let together: Awaited<ReturnType<typeof insertTask>>[] = [];
    const grouped = await framesWritten(async () => {
      together = await Promise.all(
        Array.from({ length: 10 }, (_, i) => insertTask(taskOf(user.id, `together ${i}`))),
      );
    });
    expect(grouped * 3).toBeLessThan(oneByOne);
    expect(new Set(together.map((t) => t.id)).size).toBe(10);
    for (const [i, t] of together.entries()) {
      expect(t.prompt).toBe(`together ${i}`);
      expect(await getTaskById(t.id)).toEqual(t);
    }
  });

  it("reports a failed insert to its own caller alone; the others of its turn are stored", async () => {
    const { insertTask, getTaskById } = await import("./tasks");
    const user = await seedUser();
    const results = await Promise.allSettled([
      insertTask(taskOf(user.id, "first")),
      insertTask(taskOf(987_654_321, "no such user")), // the foreign key fails
      insertTask(taskOf(user.id, "third")),
    ]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    for (const r of results) {
      if (r.status === "fulfilled") expect(await getTaskById(r.value.id)).toEqual(r.value);
    }
    expect((results[1] as PromiseRejectedResult).reason).toMatchObject({
      code: "SQLITE_CONSTRAINT_FOREIGNKEY",
    });
  });
});
