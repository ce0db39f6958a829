import { describe, expect, it } from "vitest";
import { rgbToHsv } from "../color";
import type { Rgb } from "../types";
import { iconNeeds, prepareSprite, renderSpriteGrid } from "./engine";
import { glowingColors, heldGlows } from "./modifiers";
import { parsePrompt } from "./prompt";

async function pixels(prompt: string, seed = 1) {
  const o = { prompt, seed, mode: "idle" as const, index: 0, count: 1, size: 32 };
  await prepareSprite(o);
  const { grid } = renderSpriteGrid(o);
  const out: { x: number; y: number; c: Rgb }[] = [];
  for (let i = 0; i < grid.width * grid.height; i++)
    if (grid.data[i * 4 + 3]! > 0)
      out.push({
        x: i % grid.width,
        y: Math.floor(i / grid.width),
        c: [grid.data[i * 4]!, grid.data[i * 4 + 1]!, grid.data[i * 4 + 2]!],
      });
  return out;
}
const hex = (c: Rgb) => `#${c.map((v) => v.toString(16).padStart(2, "0")).join("")}`;

describe("material words on things keep the thing and show the effect (eval-f)", () => {
  it("a rusty sword is steel with rust patches, not a brown blade", async () => {
    for (const seed of [1, 2, 3]) {
      const px = await pixels("a rusty sword", seed);
      const steel = px.filter(({ c }) => {
        const [, s, v] = rgbToHsv(...c);
        return s < 0.25 && v > 0.45;
      }).length;
      const rust = px.filter(({ c }) => hex(c) === "#a0502a").length;
      expect(steel, `seed ${seed}`).toBeGreaterThan(25);
      expect(rust, `seed ${seed}`).toBeGreaterThan(8);
    }
  });

  it("a flaming sword burns along its blade, not only at the tip", async () => {
    for (const seed of [1, 2, 3]) {
      const px = await pixels("a flaming sword", seed);
      const xs = px.map((p) => p.x);
      const width = Math.max(...xs) - Math.min(...xs) + 1;
      const flameXs = new Set(
        px.filter(({ c }) => ["#fff070", "#f8862a"].includes(hex(c))).map((p) => p.x),
      );
      expect(flameXs.size, `seed ${seed}`).toBeGreaterThan(width * 0.4);
    }
  });

  it("a glowing orb has a light core and a halo off its outline", async () => {
    const glow = await pixels("a glowing orb");
    const plain = await pixels("an orb");
    const mean = (px: { c: Rgb }[]) =>
      px.reduce((a, { c }) => a + rgbToHsv(...c)[2], 0) / px.length;
    expect(mean(glow)).toBeGreaterThan(mean(plain) + 0.12);
    // the halo: pale light cells with no drawn 4-neighbour other than halo or outline
    const pale = (px: { c: Rgb }[]) => px.filter(({ c }) => hex(c) === "#f0d8ff").length;
    expect(pale(glow)).toBeGreaterThan(30);
    // "magic" alone only twinkles, with no halo (a magic book stays deep purple)
    const magic = await pixels("a magic orb");
    expect(pale(magic)).toBeLessThan(20);
    // a small dark part is not lit: a glowing skull keeps its eye holes
    for (const seed of [1, 3]) {
      const skull = await pixels("a glowing skull", seed);
      const dark = skull.filter(({ c }) => rgbToHsv(...c)[2] < 0.35 && rgbToHsv(...c)[1] < 0.5);
      expect(dark.length, `seed ${seed}`).toBeGreaterThan(12);
    }
  });

  it("a spear, in any material, is a long shaft with a small head across the frame", async () => {
    for (const prompt of ["a spear", "a wooden spear", "a golden lance"])
      for (const seed of [1, 2, 3, 4]) {
        const px = await pixels(prompt, seed);
        const xs = px.map((p) => p.x);
        const ys = px.map((p) => p.y);
        const w = Math.max(...xs) - Math.min(...xs) + 1;
        const h = Math.max(...ys) - Math.min(...ys) + 1;
        expect(Math.min(w, h), `${prompt} ${seed}`).toBeGreaterThan(20);
        // a thin diagonal: the drawing covers little of its box (the spear-head icon filled it)
        expect(px.length / (w * h), `${prompt} ${seed}`).toBeLessThan(0.3);
      }
  });
});

describe("size words on borrowed icons", () => {
  it("a tiny or small icon is cut at fewer cells, not shrunk after the cut (eval-f: hummingbird)", async () => {
    const cellsOf = (prompt: string) => {
      const info = parsePrompt(prompt);
      info.size = 32;
      return iconNeeds(info, prompt, 1, 32, 0).find((n) => n.use === "subject")!.cells;
    };
    for (const thing of ["anvil", "hummingbird", "scorpion"]) {
      // a 32-px frame cuts an icon at 28–30 cells (seeded)
      expect(cellsOf(`a ${thing}`), thing).toBeGreaterThanOrEqual(28);
      expect(cellsOf(`a tiny ${thing}`), thing).toBeLessThanOrEqual(Math.round(30 * 0.6));
      expect(cellsOf(`a small ${thing}`), thing).toBeLessThanOrEqual(Math.round(30 * 0.78));
      // drawn once at that size: not shrunk a second time
      const width = async (p: string) => {
        const xs = (await pixels(p)).map((q) => q.x);
        return Math.max(...xs) - Math.min(...xs) + 1;
      };
      const ratio = (await width(`a tiny ${thing}`)) / (await width(`a ${thing}`));
      expect(ratio, thing).toBeGreaterThan(0.5);
      expect(ratio, thing).toBeLessThan(0.75);
    }
  });
});

describe("a held thing that glows", () => {
  it("is read from the held phrase, in English and Chinese", () => {
    expect(heldGlows("a wizard holding a glowing orb")).toBe(true);
    expect(heldGlows("拿着发光宝珠的法师")).toBe(true);
    expect(heldGlows("a glowing wizard holding an orb")).toBe(false);
    expect(heldGlows("a glowing orb")).toBe(false);
  });

  it("is lit from within: every colour lighter, none darker", () => {
    const dark: Rgb[] = [
      [60, 30, 90],
      [120, 80, 160],
    ];
    const lit = glowingColors(dark);
    lit.forEach((c, i) => {
      expect(rgbToHsv(...c)[2]).toBeGreaterThan(rgbToHsv(...dark[i]!)[2] + 0.1);
    });
  });
});
