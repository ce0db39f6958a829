import { describe, expect, it } from "vitest";
import type { Task } from "@/lib/db/schema";
import { interpretPrompt } from "@/lib/pixel/sprite/interpretation";
import { toQtTask } from "@/lib/tasks/serialize";
import { batchGenerateBody } from "./batch-generate";
import { generateBody } from "./generate";
import { imageGenerationBody } from "./generations";

const bodies = {
  "POST /api/v1/generate": (x: object) => generateBody.safeParse({ prompt: "a knight", ...x }),
  "POST /api/v1/batch-generate": (x: object) =>
    batchGenerateBody.safeParse({ prompt: "a knight", ...x }),
  "POST /api/v1/generations/image": (x: object) =>
    imageGenerationBody.safeParse({ prompt: "a knight", model: "local/pixel-sprite", ...x }),
};

describe("offline engine drawing options on both generate routes", () => {
  for (const [route, parse] of Object.entries(bodies)) {
    it(`${route} accepts size/outline/shading and names the field on a bad value`, () => {
      const ok = parse({ size: 48, outline: "dark", shading: "detailed" });
      expect(ok.success).toBe(true);
      expect(ok.data).toMatchObject({ size: 48, outline: "dark", shading: "detailed" });
      for (const [field, value] of [
        ["size", 20],
        ["size", "32"],
        ["outline", "thick"],
        ["shading", "gouraud"],
      ] as const) {
        const bad = parse({ [field]: value });
        expect(bad.success).toBe(false);
        expect(bad.error?.issues[0]?.path).toEqual([field]);
        expect(bad.error?.issues[0]?.message).toMatch(new RegExp(`^${field} must be one of`));
      }
    });
  }
});

describe("interpretation on the task view", () => {
  it("is the one recorded in the task's params, and null for other tasks", () => {
    const interpretation = interpretPrompt("a green goblin archer", { seed: 3 });
    const row = {
      id: 1,
      prompt: "a green goblin archer",
      params: { prompt: "x", interpretation },
    } as unknown as Task;
    expect(
      toQtTask({ ...row, createdAt: new Date(), updatedAt: new Date() } as Task).interpretation,
    ).toEqual(interpretation);
    expect(
      toQtTask({
        ...row,
        params: { prompt: "x" },
        createdAt: new Date(),
        updatedAt: new Date(),
      } as Task).interpretation,
    ).toBeNull();
  });
});
