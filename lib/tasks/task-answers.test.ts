// Both APIs answer what the offline engine drew once, as `interpretation`, not again in `params`.
import { beforeAll, describe, expect, it } from "vitest";
import { interpretPrompt } from "@/lib/pixel/sprite/interpretation";
import { useFreshDataDir } from "@/test/helpers/server";

beforeAll(() => {
  useFreshDataDir("pixel-answers-");
});

describe("task answers", () => {
  it("carry the interpretation once: the QT task detail and the Pixel task", async () => {
    const { createUser } = await import("@/lib/db/users");
    const { insertTask } = await import("@/lib/db/tasks");
    const { taskDetail } = await import("./task-detail");
    const { toPixelTask } = await import("./serialize");
    const user = await createUser({ email: "answers@example.com", passwordHash: "x" });
    const prompt = "a knight with a sword";
    const interpretation = interpretPrompt(prompt, { seed: 7 });
    const task = await insertTask({
      userId: user.id,
      type: "image",
      model: "local/pixel-sprite",
      provider: "local",
      prompt,
      promptNorm: prompt,
      seed: 7,
      params: { prompt, seed: 7, interpretation },
    });
    const detail = await taskDetail(task, false);
    const pixel = toPixelTask(task, [], "http://localhost");
    for (const answer of [detail, pixel]) {
      expect(answer.interpretation).toEqual(interpretation);
      expect(answer.params).toEqual({ prompt, seed: 7 });
    }
  });
});

describe("the Pixel task as JSON text (pixelTaskText)", () => {
  it("is JSON.stringify of toPixelTask, kept for the same task, files and origin only", async () => {
    const { createUser } = await import("@/lib/db/users");
    const { insertTask, insertAssets, getTaskWithFilesForUser } = await import("@/lib/db/tasks");
    const { pixelTaskText, toPixelTask } = await import("./serialize");
    const user = await createUser({ email: "answers-text@example.com", passwordHash: "x" });
    const task = await insertTask({
      userId: user.id,
      type: "image",
      model: "local/pixel-sprite",
      provider: "local",
      prompt: "a slime",
      params: { prompt: "a slime" },
      status: "completed",
    });
    await insertAssets([
      {
        taskId: task.id,
        userId: user.id,
        kind: "image",
        position: 0,
        storageKey: `k/${task.id}`,
        contentType: "image/png",
        bytes: 10,
        width: 32,
        height: 32,
      },
    ]);
    const found = (await getTaskWithFilesForUser(task.id, user.id))!;
    for (const origin of ["http://a.example", "https://b.example", "http://a.example"]) {
      expect(pixelTaskText(found.task, found.files, origin).text).toBe(
        JSON.stringify(toPixelTask(found.task, found.files, origin)),
      );
    }
    // the same task object with other files (none) is answered anew
    expect(pixelTaskText(found.task, [], "http://a.example").text).toBe(
      JSON.stringify(toPixelTask(found.task, [], "http://a.example")),
    );
    expect(JSON.parse(pixelTaskText(found.task, [], "http://a.example").text).result).toEqual({});
  });
});
