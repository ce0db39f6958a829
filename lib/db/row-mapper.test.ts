// The prepared hot reads map their rows with compileRowMapper: the objects must be the ones
// drizzle's own query (mapResultRow, row by row) gives for the same statement, on either database.
import { beforeAll, describe, expect, it } from "vitest";
import { useFreshDataDir } from "@/test/helpers/server";

beforeAll(() => {
  useFreshDataDir("pixel-row-mapper-");
});

async function seed() {
  const { createUser } = await import("./users");
  const { insertTask, insertAssets } = await import("./tasks");
  const user = await createUser({ email: `r${Math.random()}@example.com`, passwordHash: "x" });
  const withFiles = await insertTask({
    userId: user.id,
    type: "image",
    model: "local/m",
    provider: "local",
    prompt: "a knight",
    params: { prompt: "a knight", interpretation: { subject: "knight", words: ["a", "b"] } },
    status: "completed",
    starred: true,
    completedAt: new Date(),
  });
  await insertAssets(
    (["image", "grid"] as const).map((kind, position) => ({
      taskId: withFiles.id,
      userId: user.id,
      kind,
      position,
      storageKey: `k/${withFiles.id}/${kind}`,
      contentType: "image/png",
      bytes: 10,
      width: 64,
      height: null,
    })),
  );
  const bare = await insertTask({
    userId: user.id,
    type: "image",
    model: "local/m",
    provider: "local",
    prompt: "a slime",
    params: {},
  });
  return { user, withFiles, bare };
}

describe("prepared reads with the compiled row mapper", () => {
  it("give drizzle's own objects: a task with its files (left join), and one without", async () => {
    const { getTaskWithFilesForUser } = await import("./tasks");
    const { getDb } = await import("./client");
    const { tasks, assets } = await import("./schema");
    const { and, eq } = await import("drizzle-orm");
    const { user, withFiles, bare } = await seed();
    const db = await getDb();
    for (const task of [withFiles, bare]) {
      const drizzleRows = await db
        .select({ task: tasks, file: assets })
        .from(tasks)
        .leftJoin(assets, eq(assets.taskId, tasks.id))
        .where(and(eq(tasks.id, task.id), eq(tasks.userId, user.id)))
        .orderBy(assets.kind, assets.position);
      const found = await getTaskWithFilesForUser(task.id, user.id);
      expect(found).toEqual({
        task: drizzleRows[0]!.task,
        files: drizzleRows.flatMap((r) => (r.file ? [r.file] : [])),
      });
      expect(found!.task).toEqual(task);
    }
    expect((await getTaskWithFilesForUser(bare.id, user.id))!.files).toEqual([]);
    expect((await getTaskWithFilesForUser(withFiles.id, user.id))!.files).toHaveLength(2);
  });

  it("give drizzle's own objects: the list page with its total, and the key with its user (inner join)", async () => {
    const { listTasks } = await import("./tasks");
    const { createApiKey, hashApiKey } = await import("@/lib/auth/api-keys");
    const { findActiveKeyByHash } = await import("./api-keys");
    const { getDb } = await import("./client");
    const { tasks, apiKeys, users } = await import("./schema");
    const { desc, eq } = await import("drizzle-orm");
    const { user } = await seed();
    const db = await getDb();
    const page = await listTasks({ userId: user.id }, { limit: 20, offset: 0 });
    const drizzlePage = await db
      .select()
      .from(tasks)
      .where(eq(tasks.userId, user.id))
      .orderBy(desc(tasks.id));
    expect(page).toEqual({ rows: drizzlePage, total: 2 });
    expect(page.rows[1]!.completedAt).toBeInstanceOf(Date);
    expect(page.rows[1]!.starred).toBe(true);

    const { key } = await createApiKey(user.id, "mapper");
    const found = await findActiveKeyByHash(hashApiKey(key));
    const [drizzleKey] = await db
      .select({ key: apiKeys, user: users })
      .from(apiKeys)
      .innerJoin(users, eq(users.id, apiKeys.userId))
      .where(eq(apiKeys.keyHash, hashApiKey(key)));
    expect(found).toEqual(drizzleKey);
    expect(found!.user.id).toBe(user.id);
  });
});

describe("compileRowMapper", () => {
  it("maps like mapResultRow: nulls, decoders, a computed field, a joined object left out or mixed", async () => {
    const { compileRowMapper } = await import("./row-mapper");
    const { sql } = await import("drizzle-orm");
    // drizzle's own row mapping (exported, though not in its typings)
    const { mapResultRow } = (await import("drizzle-orm")) as unknown as {
      mapResultRow(fields: unknown, row: unknown[], nullable?: Record<string, boolean>): unknown;
    };
    const { tasks, assets } = await import("./schema");
    const fields = [
      { path: ["task", "id"], field: tasks.id },
      { path: ["task", "createdAt"], field: tasks.createdAt },
      { path: ["task", "starred"], field: tasks.starred },
      { path: ["file", "id"], field: assets.id },
      { path: ["file", "kind"], field: assets.kind },
      // an object of two tables: never null as a whole
      { path: ["mixed", "a"], field: assets.id },
      { path: ["mixed", "b"], field: tasks.prompt },
      { path: ["total"], field: sql<number>`count(*)`.mapWith(Number) },
    ];
    const nullable = { tasks: true, assets: false };
    const map = compileRowMapper(fields, nullable)!;
    const rows = [
      [1, new Date(5).toISOString(), 1, 7, "image", 7, "p", "3"],
      [2, new Date(6).toISOString(), 0, null, null, null, "q", "4"],
      [3, null, null, null, "grid", null, null, null],
    ];
    for (const row of rows) {
      expect(map(row)).toEqual(mapResultRow(fields, row, nullable));
    }
    expect(map(rows[1]!).file).toBeNull();
    expect(map(rows[1]!).mixed).toEqual({ a: null, b: "q" });
    expect(map(rows[0]!).total).toBe(3);
    expect(compileRowMapper([{ path: ["a", "b", "c"], field: tasks.id }])).toBeUndefined();
  });
});

describe("kept objects (reuse)", () => {
  it("hand back the same frozen object while its row's values are the same, a new one after any change", async () => {
    const { compileRowMapper } = await import("./row-mapper");
    const { mapResultRow } = (await import("drizzle-orm")) as unknown as {
      mapResultRow(fields: unknown, row: unknown[], nullable?: Record<string, boolean>): unknown;
    };
    const { tasks, assets } = await import("./schema");
    const { sql } = await import("drizzle-orm");
    const fields = [
      { path: ["task", "id"], field: tasks.id },
      { path: ["task", "params"], field: tasks.params },
      { path: ["task", "emailStatus"], field: tasks.emailStatus },
      { path: ["file", "id"], field: assets.id },
      { path: ["file", "kind"], field: assets.kind },
      { path: ["total"], field: sql<number>`count(*)`.mapWith(Number) },
    ];
    const nullable = { tasks: true, assets: false };
    const map = compileRowMapper(fields, nullable, ["task", "file"])!;
    const params = JSON.stringify({ prompt: "p", interpretation: { parts: ["a"] } });
    const first = map([1, params, null, 7, "image", 2]);
    expect(first).toEqual(mapResultRow(fields, [1, params, null, 7, "image", 2], nullable));
    // the total is not part of a kept object: it follows every row
    const again = map([1, params, null, 7, "image", 3]);
    expect(again.task).toBe(first.task);
    expect(again.file).toBe(first.file);
    expect(again.total).toBe(3);
    expect(Object.isFrozen(first.task)).toBe(true);
    expect(Object.isFrozen((first.task as { params: object }).params)).toBe(true);
    // a column that changes without updated_at (the e-mail status) still makes a new object
    const changed = map([1, params, "sent", 7, "image", 3]);
    expect(changed.task).not.toBe(first.task);
    expect(changed.task).toEqual({ id: 1, params: JSON.parse(params), emailStatus: "sent" });
    expect(map([1, params, "sent", 8, "image", 3]).task).toBe(changed.task);
    // another id is another object; a left join that found nothing stays null
    const other = map([2, params, "sent", null, null, 1]);
    expect(other.task).not.toBe(changed.task);
    expect(other.file).toBeNull();
    expect(map([2, params, "sent", null, null, 1]).file).toBeNull();
  });

  it("the task list and the task with its files: the same objects while unchanged, drizzle's objects after a change", async () => {
    const { listTasks, getTaskWithFilesForUser } = await import("./tasks");
    const { getDb } = await import("./client");
    const { tasks } = await import("./schema");
    const { desc, eq } = await import("drizzle-orm");
    const { user, withFiles } = await seed();
    const db = await getDb();
    const page = () => listTasks({ userId: user.id }, { limit: 20, offset: 0 });
    const before = await page();
    const again = await page();
    expect(again.rows[0]).toBe(before.rows[0]);
    expect(again.rows[1]).toBe(before.rows[1]);
    expect(Object.isFrozen(before.rows[1])).toBe(true);
    const one = await getTaskWithFilesForUser(withFiles.id, user.id);
    const oneAgain = await getTaskWithFilesForUser(withFiles.id, user.id);
    expect(oneAgain!.task).toBe(one!.task);
    expect(oneAgain!.files[0]).toBe(one!.files[0]);

    // the worker's e-mail status does not touch updated_at: the kept row must still follow it
    await db.update(tasks).set({ emailStatus: "sent" }).where(eq(tasks.id, withFiles.id));
    const after = await page();
    expect(after.rows[0]).toBe(before.rows[0]);
    expect(after.rows[1]).not.toBe(before.rows[1]);
    expect(after.rows[1]!.emailStatus).toBe("sent");
    const drizzlePage = await db
      .select()
      .from(tasks)
      .where(eq(tasks.userId, user.id))
      .orderBy(desc(tasks.id));
    expect(after).toEqual({ rows: drizzlePage, total: 2 });
    const oneAfter = await getTaskWithFilesForUser(withFiles.id, user.id);
    expect(oneAfter!.task).not.toBe(one!.task);
    expect(oneAfter!.task.emailStatus).toBe("sent");
    expect(oneAfter!.files[0]).toBe(one!.files[0]);
    expect(oneAfter!.task).toEqual(after.rows[1]);
  });
});
