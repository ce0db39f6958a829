import { describe, expect, it } from "vitest";
import { interpretPrompt } from "./interpretation";

// eval-g: "a treasure map" drew a world map under "Drawn as: map", and "一座宝塔" drew the
// Japanese-castle emoji under "Drawn as: pagoda" — the art named a different thing and the line
// did not say so. Such words now draw art of their own name, or are said as stand-ins.

const artNames = (prompt: string) =>
  interpretPrompt(prompt, { seed: 1 }).art.map((a) => a.icon.replace(/-/g, " "));

describe("the art drawn is named by the prompt's word", () => {
  it("a pagoda, in English or Chinese, draws a pagoda, not a Japanese castle", () => {
    for (const p of ["a pagoda", "一座宝塔", "佛塔"]) {
      expect(artNames(p), p).toEqual(["pagoda"]);
      expect(interpretPrompt(p, { seed: 1 }).summary, p).toMatch(/^Drawn as: pagoda/);
    }
  });

  it("a Japanese castle is said as one", () => {
    for (const p of ["a japanese castle", "天守阁"]) {
      expect(artNames(p), p).toEqual(["japanese castle"]);
      expect(interpretPrompt(p, { seed: 1 }).summary, p).toMatch(/^Drawn as: japanese castle/);
    }
  });

  it("a treasure map draws a treasure map; a plain map keeps the world map", () => {
    for (const p of ["a treasure map", "藏宝图", "a pirate map"]) {
      expect(artNames(p), p).toEqual(["treasure map"]);
      expect(interpretPrompt(p, { seed: 1 }).summary, p).toMatch(/^Drawn as: treasure map/);
    }
    expect(artNames("a map")).toEqual(["world map"]);
    expect(artNames("a pirate holding a treasure map")).toEqual(["treasure map"]);
  });

  it("a chameleon drawn as the lizard emoji says it is a stand-in", () => {
    const it0 = interpretPrompt("a chameleon", { seed: 1 });
    expect(it0.summary).toMatch(/guessed: "chameleon" is drawn as the nearest subject/);
    expect(interpretPrompt("a lizard", { seed: 1 }).guesses).toEqual([]);
  });

  it("a word matching several game icons names the one its seed drew", () => {
    const drawn = new Set<string>();
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const it0 = interpretPrompt("a cursed porcelain doll", { seed });
      const art = it0.art[0]!.icon.replace(/-/g, " ");
      drawn.add(art);
      expect(it0.summary, `seed ${seed}`).toMatch(new RegExp(`^Drawn as: ${art} `));
      expect(it0.summary, `seed ${seed}`).toContain(`game icon named ${art} `);
      expect(it0.summary_zh, `seed ${seed}`).toContain(`游戏图标 ${it0.art[0]!.icon}`);
    }
    // the check above saw more than one take
    expect(drawn.size).toBeGreaterThan(1);
  });
});
