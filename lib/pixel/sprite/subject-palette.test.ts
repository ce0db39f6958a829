import { describe, expect, it } from "vitest";
import { rgbToHsv } from "../color";
import { prepareSprite, renderSpriteGrid } from "./engine";
import { emojiPalette, subjectPalette } from "./subject-palette";

async function hues(prompt: string, seed = 1) {
  const o = { prompt, seed, mode: "idle" as const, index: 0, count: 1 };
  await prepareSprite(o);
  const { data } = renderSpriteGrid(o).grid;
  const out: [number, number, number][] = [];
  for (let i = 0; i < data.length; i += 4)
    if (data[i + 3]! > 128) out.push(rgbToHsv(data[i]!, data[i + 1]!, data[i + 2]!));
  return out;
}

describe("borrowed silhouettes in their subject's own colours", () => {
  it("finds a subject in an icon's name or the subject, specific names first", () => {
    expect(subjectPalette("gi/lighthouse@stone lighthouse")?.bands).toBeDefined();
    expect(subjectPalette("sea-turtle")?.body).toBe(subjectPalette("tortoise")?.body);
    // whole words only: a cricket bat is no bat, a battering ram no sheep
    expect(subjectPalette("fishing-rod")).toBeUndefined();
    expect(subjectPalette("battering-ram")).toBeUndefined();
  });

  it("an axolotl is pink, in every seed", async () => {
    for (const seed of [1, 2, 3, 4]) {
      const px = await hues("cute axolotl", seed);
      const pink = px.filter(([h, s, v]) => (h > 320 || h < 12) && s > 0.2 && v > 0.35).length;
      expect(pink / px.length, `seed ${seed}`).toBeGreaterThan(0.25);
    }
  });

  it("a lighthouse has red bands on white", async () => {
    const px = await hues("a lighthouse");
    const red = px.filter(([h, s, v]) => (h > 340 || h < 15) && s > 0.5 && v > 0.5).length;
    const white = px.filter(([, s, v]) => s < 0.15 && v > 0.8).length;
    expect(red).toBeGreaterThan(12);
    expect(white).toBeGreaterThan(12);
  });

  it("a stone tower stays grey in a warm take (seed 1 turned it bronze-brown)", async () => {
    const px = await hues("a tower", 1);
    const brown = px.filter(([h, s]) => h > 15 && h < 50 && s > 0.3).length;
    expect(brown / px.length).toBeLessThan(0.1);
  });

  it("an emoji's palette: the colour covering most cells, then a clearly different one", () => {
    const p = emojiPalette({
      w: 4,
      h: 4,
      idx: new Int16Array(16),
      shade: new Int8Array(16),
      colors: [
        [20, 20, 20],
        [80, 160, 60],
        [90, 170, 70],
        [140, 90, 50],
      ],
      counts: [9, 6, 2, 2],
    });
    expect(p?.body).toEqual([80, 160, 60]);
    expect(p?.accent).toEqual([140, 90, 50]);
  });
});
