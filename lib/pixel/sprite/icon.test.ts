import { describe, expect, it } from "vitest";
import { hexToRgb, rgbToHsv } from "../color";
import { Rng } from "../prng";
import type { Rgb } from "../types";
import { renderSprite } from "./engine";
import { recolor } from "./icon";

// A colour the prompt names colours a borrowed drawing even when the drawing is all grey (the
// shark emoji has no hue family to turn, so "a red shark" was drawn grey and the line said red).
async function shares(prompt: string) {
  const { grid } = await renderSprite({ prompt, seed: 1, mode: "idle", index: 0, count: 1 });
  let opaque = 0;
  let red = 0;
  let blue = 0;
  for (let i = 0; i < grid.data.length; i += 4) {
    if (grid.data[i + 3]! < 128) continue;
    opaque++;
    const [r, g, b] = [grid.data[i]!, grid.data[i + 1]!, grid.data[i + 2]!];
    if (r > g + 60 && r > b + 60) red++;
    if (b > r + 60 && b > g + 30) blue++;
  }
  return { red: red / opaque, blue: blue / opaque };
}

describe("icon colours", () => {
  it("a grey drawing takes a named colour, its white and outline kept", async () => {
    expect((await shares("a shark")).red).toBe(0);
    expect((await shares("a red shark")).red).toBeGreaterThan(0.3);
    expect((await shares("a red shark")).red).toBeLessThan(0.9);
    expect((await shares("a blue shark")).blue).toBeGreaterThan(0.3);
  });
});

// A near-black colour on a flat emoji whose parts differ only a little in lightness (Fluent's
// scorpion: claws, tail and body are close oranges) must keep those parts apart: scaling the
// lightness down merged them into one black blob.
describe("recolor to black", () => {
  it("spreads a narrow light range over a dark ramp instead of merging it", () => {
    const colors: Rgb[] = [
      [200, 110, 40],
      [220, 125, 45],
      [240, 140, 50],
    ];
    const out = recolor(colors, [10, 10, 10], hexToRgb("#34303e"), Rng.from("t"));
    const vs = out.map((c) => rgbToHsv(...c)[2]);
    expect(Math.max(...vs)).toBeLessThan(0.45);
    expect(Math.max(...vs) - Math.min(...vs)).toBeGreaterThan(0.2);
    // still in order: the lit part stays the lightest
    expect(vs[2]).toBeGreaterThan(vs[0]!);
  });
});
