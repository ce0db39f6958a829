import { describe, expect, it } from "vitest";
import { rgbToHsv } from "../color";
import { renderSprite } from "./engine";
import { parsePrompt } from "./prompt";

const base = { seed: 1, mode: "idle" as const, index: 0, count: 1 };

/** Share of opaque pixels whose hue is within `tol` of `hue` and saturated. */
async function hueShare(prompt: string, hue: number, tol: number, seed = 1): Promise<number> {
  const { grid } = await renderSprite({ ...base, prompt, seed });
  let n = 0;
  let hit = 0;
  for (let i = 0; i < grid.data.length; i += 4) {
    if (grid.data[i + 3]! < 128) continue;
    n++;
    const [h, s] = rgbToHsv(grid.data[i]!, grid.data[i + 1]!, grid.data[i + 2]!);
    if (s > 0.4 && Math.abs(h - hue) <= tol) hit++;
  }
  return hit / Math.max(1, n);
}

describe("a potion-like container with a game meaning is a flask with that meaning", () => {
  it("vessels named with poison, acid, holy water … read as the potion carrying the meaning", () => {
    const cases: [string, string][] = [
      ["a bottle of poison", "poison"],
      ["a jar of poison", "poison"],
      ["a vial of acid", "acid"],
      ["a flask of venom", "poison"],
      ["a bottle of holy water", "holy"],
      ["一瓶圣水", "holy"],
      ["毒药瓶", "poison"],
      ["a mana potion", "mana"],
      ["an elixir", "elixir"],
    ];
    for (const [p, id] of cases) {
      const info = parsePrompt(p);
      expect(info.subject, p).toBe("potion");
      expect(info.potionMeaning, p).toBe(id);
      expect(info.ignored, p).toEqual([]);
    }
  });

  it("a bare meaning word the vocabulary lacks is a potion, said as a guess", () => {
    const info = parsePrompt("an antidote");
    expect(info.subject).toBe("potion");
    expect(info.nothingMatched).toBe(false);
    expect(info.guesses.join(" ")).toMatch(/antidote.*potion/);
  });

  it("other subjects keep their own reading", () => {
    expect(parsePrompt("a poison dart frog").subject).toBe("frog");
    expect(parsePrompt("a bottle").potionMeaning).toBeUndefined();
    expect(parsePrompt("a potion").potionMeaning).toBeUndefined();
    expect(parsePrompt("a poisonous snake").subject).not.toBe("potion");
  });

  it("poison is green liquid in every seed (not a grey tint), healing red", async () => {
    for (const seed of [1, 2, 3, 4])
      expect(await hueShare("a bottle of poison", 105, 25, seed)).toBeGreaterThan(0.15);
    expect(await hueShare("a health potion", 105, 25)).toBeLessThan(0.05);
  });
});
