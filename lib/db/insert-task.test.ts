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
