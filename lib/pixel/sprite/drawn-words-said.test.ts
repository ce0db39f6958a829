import { describe, expect, it } from "vitest";
import { interpretPrompt } from "./interpretation";

// eval-g: words the drawing shows were listed as not understood ("bald" on a shaven monk, "lit,
// fuse" on the burning bomb, "bowl" on the rice emoji's bowl) or the rice a bowl held was said
// "not drawn" under a drawing of that very rice.

const line = (p: string) => interpretPrompt(p, { seed: 1 });

describe("a word the drawing shows is not listed as not understood", () => {
  it.each([
    ["a bald monk", "bald"],
    ["a lit bomb", "lit"],
    ["a bomb with a lit fuse", "fuse"],
    ["a lit candle", "lit"],
    ["a lit torch", "lit"],
    ["a lit lantern", "lit"],
  ])("%s", (prompt, word) => {
    const it0 = line(prompt);
    expect(it0.not_understood).not.toContain(word);
    expect(it0.summary).not.toMatch(/may name something else/);
  });

  it("一碗米饭: the bowl and its rice are the rice drawing, not a guess or a dropped filling", () => {
    const it0 = line("一碗米饭");
    expect(it0.subject).toBe("rice");
    expect(it0.not_understood).not.toContain("bowl");
    expect(it0.ignored).toEqual([]);
    expect(it0.summary).not.toMatch(/full of|bowl/);
  });

  it("a filling that is not the subject is still said when not drawn", () => {
    expect(line("a chest full of gold").ignored).toEqual([]);
    expect(line("a bowl of rice").summary).toMatch(/full of rice/);
  });

  it("长翅膀的 (growing wings) gives any animal its wings, like 长着翅膀的", () => {
    for (const p of ["一只长翅膀的猪", "一只长翅膀的猫"]) {
      const it0 = line(p);
      expect(it0.summary, p).toMatch(/with wings/);
      expect(it0.not_understood, p).toEqual([]);
    }
  });
});
