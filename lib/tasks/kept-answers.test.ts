// Answers kept per user (kept-answers.ts) while the user's tasks version stands still: the version
// must move with every committed change to the user's tasks or their files, whoever commits it (a
// raw connection of its own here, as the worker thread, another process or a shell has), and the
// kept list pages and task answers must be byte for byte what they would be made fresh, on the
// very next request after such a change.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BACKEND, type OtherConnection, openOtherConnection } from "@/test/helpers/database";
import { useFreshDataDir } from "@/test/helpers/server";

let other: OtherConnection;

beforeAll(async () => {
  useFreshDataDir("pixel-kept-answers-");
  const { getDb } = await import("@/lib/db/client");
  await getDb(); // migrated before the other connection writes
  other = await openOtherConnection(process.env.DATABASE_URL!);
});
afterAll(async () => {
  await other?.close();
});

async function seedUser() {
  const { createUser } = await import("@/lib/db/users");
  return createUser({ email: `k${Math.random()}@example.com`, passwordHash: "x" });
}

async function seedTask(userId: number, prompt: string, extra: Record<string, unknown> = {}) {
  const { insertTask } = await import("@/lib/db/tasks");
  const { normalizePrompt } = await import("@/lib/prompts/similarity");
  return insertTask({
    userId,
    type: "image",
    model: "local/pixel-sprite",
    provider: "local",
    prompt,
    promptNorm: normalizePrompt(prompt),
    params: { prompt, interpretation: { subject: prompt.split(" ").pop() } },
    ...extra,
  });
}

async function version(userId: number) {
  const { userTasksVersion } = await import("@/lib/db/tasks");
  return userTasksVersion(userId);
}

describe("userTasksVersion", () => {
  it("moves with every committed change to the user's tasks or files, from any connection, and only with those", async () => {
    const user = await seedUser();
    const stranger = await seedUser();
    const v0 = await version(user.id);
    expect(v0).toMatch(/:0$/);
    const seen = new Set([v0]);
    const moved = async (what: string, change: () => Promise<unknown>) => {
      await change();
      const v = await version(user.id);
      expect(seen.has(v!), `${what} did not move the version`).toBe(false);
      seen.add(v!);
    };
    const stood = async (what: string, change: () => Promise<unknown>) => {
      const before = await version(user.id);
      await change();
      expect(await version(user.id), `${what} moved the version`).toBe(before);
    };
    const task = await seedTask(user.id, "a red knight");
    seen.add((await version(user.id))!);
    expect(seen.size).toBe(2);
    await moved("an insert", () => seedTask(user.id, "a blue slime"));
    await moved("another connection's progress write", () =>
      other.run(`UPDATE tasks SET progress = 40 WHERE id = ${task.id}`),
    );
    await moved("another connection's lease renewal (a column no answer shows)", () =>
      other.run(`UPDATE tasks SET attempts = attempts + 1 WHERE id = ${task.id}`),
    );
    const file = (kind: string, position: number) =>
      `INSERT INTO assets (task_id, user_id, kind, position, storage_key, content_type, bytes) VALUES (${task.id}, ${user.id}, '${kind}', ${position}, 'k/${task.id}/${kind}/${position}', 'image/png', 1)`;
    await moved("a file stored", () => other.run(file("image", 0)));
    await moved("a file changed", () =>
      other.run(`UPDATE assets SET bytes = 2 WHERE task_id = ${task.id}`),
    );
    await moved("a file deleted", () => other.run(`DELETE FROM assets WHERE task_id = ${task.id}`));
    await stood("another user's task", () => seedTask(stranger.id, "a green tree"));
    await stood("another user's file", async () => {
      const theirs = await seedTask(stranger.id, "a grey rock");
      await other.run(
        `INSERT INTO assets (task_id, user_id, kind, position, storage_key, content_type, bytes) VALUES (${theirs.id}, ${stranger.id}, 'image', 0, 'k/${theirs.id}', 'image/png', 1)`,
      );
    });
    // a file counts for the owner of its task, whose answers show it
    const strangerBefore = await version(stranger.id);
    await moved("a file of the user's task filed under another user", () =>
      other.run(
        `INSERT INTO assets (task_id, user_id, kind, position, storage_key, content_type, bytes) VALUES (${task.id}, ${stranger.id}, 'grid', 0, 'k/${task.id}/grid', 'image/png', 1)`,
      ),
    );
    const moving = await seedTask(user.id, "a wandering cat");
    seen.add((await version(user.id))!);
    await moved("a task moved to another user", () =>
      other.run(`UPDATE tasks SET user_id = ${stranger.id} WHERE id = ${moving.id}`),
    );
    expect(await version(stranger.id)).not.toBe(strangerBefore);
    await moved("a task deleted", () => other.run(`DELETE FROM tasks WHERE id = ${task.id}`));
  });

  it.runIf(BACKEND === "sqlite")(
    "is undefined inside an open transaction of this connection, whose writes may roll back",
    async () => {
      const { getSqlite } = await import("@/lib/db/client");
      const user = await seedUser();
      const sqlite = getSqlite();
      sqlite.exec("BEGIN");
      try {
        expect(await version(user.id)).toBeUndefined();
      } finally {
        sqlite.exec("ROLLBACK");
      }
      expect(await version(user.id)).toMatch(/:0$/);
    },
  );
});

describe("kept list pages and task answers", () => {
  it("are the answers made fresh, for every kind of page, on the very next request after any change", async () => {
    const { listUserTasks, listUserTasksText } = await import("./list-tasks");
    const { getTaskWithFilesForUser } = await import("@/lib/db/tasks");
    const { pixelTaskText } = await import("./serialize");
    const { keptAnswer } = await import("./kept-answers");
    const user = await seedUser();
    const made: { id: number }[] = [];
    for (const [i, prompt] of [
      "a red knight with a sword",
      "一只可爱的小猫",
      "a blue dragon",
      "a knight on a horse",
      "a slime",
    ].entries()) {
      made.push(
        await seedTask(user.id, prompt, {
          status: i % 2 ? "pending" : "completed",
          mode: i % 3 ? "walk" : "random",
          starred: i === 3,
        }),
      );
    }
    const inputs = [
      {},
      { page: 1 },
      { page: 2, page_size: 2 },
      { page: 99 },
      { page_size: 1 },
      { status: "pending" as const },
      { status: "completed" as const, page_size: 1 },
      { q: "knight" },
      { q: "  knight  " },
      { q: "小猫" },
      { mode: "walk" },
      { model: "local/pixel-sprite" },
      { type: "image" as const },
      { starred: "true" as const },
      { starred: "false" as const },
      { before: made[3]!.id },
      { before: made[3]!.id, status: "completed" as const },
    ];
    const origin = "http://studio.example";
    // a kept task answer, as the GET route keeps it
    const taskAnswer = (id: number) =>
      keptAnswer(user.id, `test-task ${id} ${origin}`, async () => {
        const found = await getTaskWithFilesForUser(id, user.id);
        return pixelTaskText(found!.task, found!.files, origin);
      });
    const freshTask = async (id: number) => {
      const found = await getTaskWithFilesForUser(id, user.id);
      const { toPixelTask } = await import("./serialize");
      return JSON.stringify(toPixelTask(found!.task, found!.files, origin));
    };
    const same = async (when: string) => {
      for (const input of inputs) {
        const kept = await listUserTasksText(user.id, input);
        const fresh = JSON.stringify(await listUserTasks(user.id, input));
        expect(kept.text, `${when}: ${JSON.stringify(input)}`).toBe(fresh);
        expect(Buffer.from(kept.bytes).toString("utf8")).toBe(fresh);
      }
      for (const task of made) {
        expect((await taskAnswer(task.id)).text, `${when}: task ${task.id}`).toBe(
          await freshTask(task.id),
        );
      }
    };
    await same("first");
    // unchanged: the very same kept answer
    expect(await listUserTasksText(user.id, { q: "knight" })).toBe(
      await listUserTasksText(user.id, { q: "knight" }),
    );
    expect(await taskAnswer(made[0]!.id)).toBe(await taskAnswer(made[0]!.id));
    await same("kept");
    const changes = [
      `UPDATE tasks SET progress = 40 WHERE id = ${made[1]!.id}`,
      `UPDATE tasks SET email_status = 'sent' WHERE id = ${made[0]!.id}`,
      `UPDATE tasks SET status = 'completed', completed_at = started_at WHERE id = ${made[1]!.id}`,
      `UPDATE tasks SET starred = ${BACKEND === "postgres" ? "true" : "1"} WHERE id = ${made[4]!.id}`,
      `UPDATE tasks SET subject_words = 'horse' WHERE id = ${made[2]!.id}`,
      `INSERT INTO assets (task_id, user_id, kind, position, storage_key, content_type, bytes, width, height) VALUES (${made[0]!.id}, ${user.id}, 'image', 0, 'k/${made[0]!.id}', 'image/png', 1, 32, 32)`,
      `UPDATE assets SET width = 64 WHERE task_id = ${made[0]!.id}`,
    ];
    for (const change of changes) {
      await other.run(change);
      await same(`after ${change}`);
    }
    const [gone] = made.splice(3, 1);
    await other.run(`DELETE FROM tasks WHERE id = ${gone!.id}`);
    await same("after a delete");
    await seedTask(user.id, "a new knight");
    await same("after an insert");
  });

  it("are not shared between users", async () => {
    const { listUserTasksText } = await import("./list-tasks");
    const one = await seedUser();
    const two = await seedUser();
    await seedTask(one.id, "mine");
    const a = await listUserTasksText(one.id, {});
    const b = await listUserTasksText(two.id, {});
    expect(JSON.parse(a.text).total).toBe(1);
    expect(JSON.parse(b.text).total).toBe(0);
  });
});
