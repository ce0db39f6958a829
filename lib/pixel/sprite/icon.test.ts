import { describe, expect, it } from "vitest";
import { renderSprite } from "./engine";

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
