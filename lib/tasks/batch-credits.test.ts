import { describe, expect, it } from "vitest";
import { interpretPrompt } from "@/lib/pixel/sprite/interpretation";
import { creditsText } from "./batch-exports";

const frameOf = (prompt: string) => ({
  task: { params: { interpretation: interpretPrompt(prompt, { seed: 1 }) } },
});

describe("CREDITS.txt of a batch ZIP", () => {
  it("credits CC-CEDICT when a Chinese word was read with it, and only then", () => {
    expect(creditsText([frameOf("一只哈士奇")])).toContain("CC-CEDICT");
    expect(creditsText([frameOf("一只哈士奇")])).toContain("CC BY-SA 4.0");
    // a vocabulary word drawn by a rig: nothing borrowed, no credits file
    expect(creditsText([frameOf("一只猫")])).toBeUndefined();
    expect(creditsText([frameOf("a knight")])).toBeUndefined();
  });

  it("keeps the borrowed art's lines beside the dictionary's", () => {
    const text = creditsText([frameOf("一只海马")])!;
    expect(text).toContain("game-icons.net");
    expect(text).toContain("CC-CEDICT");
  });
});
