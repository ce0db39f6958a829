import { describe, expect, it } from "vitest";
import { renderSprite } from "./engine";
import { parsePrompt } from "./prompt";

const base = { seed: 1, mode: "idle" as const, index: 0, count: 1 };

describe("a modifier means what it means for what it modifies", () => {
  it("a tree kind is the kind, not a material; oak on a thing is still wood", () => {
    for (const p of ["an oak tree", "a maple tree", "a willow tree"]) {
      const info = parsePrompt(p);
      expect(info.subject, p).toBe("tree");
      expect(info.materials, p).not.toContain("wooden");
    }
    expect(parsePrompt("an oak door").materials).toContain("wooden");
  });

  it("old on a person is an age (grey hair, a beard unless a woman); on a thing it is rust", async () => {
    for (const p of ["an old fisherman", "an old wizard", "an elderly farmer"]) {
      const info = parsePrompt(p);
      expect(info.aged, p).toBe("beard");
      expect(info.materials, p).not.toContain("rusty");
      expect(info.unknown, p).not.toContain("elderly");
      const r = await renderSprite({ ...base, prompt: p });
      expect(r.interpretation.summary, p).toMatch(/old \(grey hair, beard\)/);
    }
    expect(parsePrompt("an old woman").aged).toBe("grey");
    expect(parsePrompt("an old sword").materials).toContain("rusty");
    expect(parsePrompt("an old sword").aged).toBeUndefined();
  });
});
