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
