import { describe, expect, it } from "vitest";
import { renderSpriteGrid } from "./engine";
import { parsePrompt } from "./prompt";
import { drawTake } from "./test-helpers";

// Words that ARE the identity of the thing must be drawn, not dropped (eval-f lost "a floating
// eyeball monster", "Headless Horseman", "a witch riding a broomstick", "a bag of seeds",
// 一棵樱花树, "a dungeon door", "a garden hoe" and "nine-tailed fox" to a dropped or misread word).

const line = (prompt: string, seed = 1) =>
  renderSpriteGrid({ prompt, seed, mode: "idle", index: 0, count: 1 }).interpretation;

describe("an eyeball monster", () => {
  it("is the floating eye (the beholder), in both languages", () => {
    for (const p of ["a floating eyeball monster", "an eyeball monster", "眼球怪物"]) {
      expect(parsePrompt(p).subject, p).toBe("beholder");
      expect(line(p).summary, p).not.toMatch(/beast|not understood/);
    }
  });

  it("floats: a gap over its shadow on the ground row, in every take", () => {
    for (const take of [1, 2, 3, 4]) {
      const c = drawTake("a beholder", take);
      const row = (y: number) => Array.from({ length: 32 }, (_, x) => c.part[y * 32 + x]!);
      // ground is row 30: the shadow (fx part 8) alone; the row over it is empty
      expect(row(30).filter((p) => p === 8).length, `take ${take}`).toBeGreaterThan(4);
      expect(row(30).every((p) => p === 0 || p === 8), `take ${take}`).toBe(true);
      expect(row(29).every((p) => p === 0), `take ${take}`).toBe(true);
    }
  });
});
