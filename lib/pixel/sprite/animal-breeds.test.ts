import { describe, expect, it } from "vitest";
import { glossBuild } from "./animal-breeds";
import { renderSpriteGrid } from "./engine";
import { interpretPrompt } from "./interpretation";
import { parsePrompt } from "./prompt";

/** Opaque rows and columns of a still at 32 px (seed 1). */
function extent(prompt: string) {
  const { grid } = renderSpriteGrid({ prompt, seed: 1, mode: "idle", index: 0, count: 1 });
  let top = grid.height;
  let bottom = -1;
  let left = grid.width;
  let right = -1;
  const colours = new Set<string>();
  for (let y = 0; y < grid.height; y++)
    for (let x = 0; x < grid.width; x++) {
      const i = (y * grid.width + x) * 4;
      if (grid.data[i + 3]! < 128) continue;
      top = Math.min(top, y);
      bottom = Math.max(bottom, y);
      left = Math.min(left, x);
      right = Math.max(right, x);
      colours.add(`${grid.data[i]},${grid.data[i + 1]},${grid.data[i + 2]}`);
    }
  return { h: bottom - top + 1, w: right - left + 1, colours };
}

describe("breeds and near kinds look like themselves (animal-breeds.ts)", () => {
  it("a table breed is drawn on its parent's rig with its build, and the line says so", () => {
    const info = parsePrompt("a corgi");
    expect(info.subject).toBe("dog");
    expect(info.breed).toBe("corgi");
    expect(interpretPrompt("a corgi", { seed: 1 }).summary).toMatch(/corgi's look: .*short legs/);
  });

  it("a corgi is lower and longer than a greyhound", () => {
    const corgi = extent("a corgi");
    const grey = extent("a greyhound");
    expect(corgi.h).toBeLessThan(grey.h);
    expect(corgi.w / corgi.h).toBeGreaterThan(grey.w / grey.h);
  });

  it("a hamster is drawn on the rig (round, tailless), not the mouse icon, and says it", () => {
    const it0 = interpretPrompt("a hamster", { seed: 1 });
    expect(it0.builder).toBe("animal");
    expect(it0.art).toEqual([]);
    expect(it0.summary).toMatch(/hamster/);
  });

  it("a breed word the parse did not understand is no longer reported as not understood", () => {
    const it0 = interpretPrompt("a siamese cat", { seed: 1 });
    expect(it0.not_understood).not.toContain("siamese");
    expect(it0.summary).not.toMatch(/plain cat/);
    expect(it0.summary).toMatch(/siamese's look/);
  });

  it("the table's coat wins over a gloss's first colour, a named colour over both", () => {
    expect(parsePrompt("a calico cat").colors).toEqual([]);
    expect(parsePrompt("a blue corgi").colors.length).toBe(1);
    // also when the breed's gloss names a pattern (a dalmatian's "spotted"): brown stays brown
    expect(parsePrompt("a brown dalmatian").colors).toEqual([[0x8c, 0x5a, 0x30]]);
  });

  it("a coat draws markings: a dalmatian has more colours than a plain white dog", () => {
    expect(extent("a dalmatian").colours.size).toBeGreaterThan(extent("a white dog").colours.size);
  });

  it("a breed only applies to its own animal", () => {
    expect(parsePrompt("a husky").breed).toBe("husky");
    expect(parsePrompt("a siamese dog").breed).toBeUndefined();
  });

  it("an unlisted kind takes its build from the WordNet gloss", () => {
    expect(glossBuild("long-bodied short-legged")).toMatchObject({ legs: 2.5, body: 12 });
    expect(glossBuild("short-tailed large")).toMatchObject({ tail: "nub", heavy: true });
    // wolfhound is not in the table; its gloss says "largest"
    expect(parsePrompt("a wolfhound").breed).toBe("wolfhound");
    expect(interpretPrompt("a wolfhound", { seed: 1 }).summary).toMatch(/build from WordNet/);
  });

  it("deterministic and fast: a breed's sprite is the same twice and drawn in ≤ 20 ms", () => {
    const o = { prompt: "a kitsune", seed: 3, mode: "walk" as const, index: 1, count: 4 };
    const a = renderSpriteGrid(o).grid.data;
    // the fastest of a few draws: a shared, loaded machine adds pauses that are not the engine's
    let best = Infinity;
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      const b = renderSpriteGrid(o).grid.data;
      best = Math.min(best, performance.now() - t);
      expect(Buffer.from(b).equals(Buffer.from(a))).toBe(true);
    }
    expect(best).toBeLessThan(20);
  });
});
