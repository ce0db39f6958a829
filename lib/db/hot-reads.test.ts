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
