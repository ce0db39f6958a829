// The hot reads of the API in one query each, on either database: a task with its files, and a
// page of the task list with its total.
import { beforeAll, describe, expect, it } from "vitest";
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
});
