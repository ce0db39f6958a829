import { describe, expect, it } from "vitest";
import { renderSprite } from "./engine";

type Grid = { width: number; height: number; data: Uint8ClampedArray };

const render = async (prompt: string, mode: "idle" | "directions", index: number, size: number) =>
  (await renderSprite({ prompt, seed: 1, mode, index, count: 4, size })).grid as Grid;

/** opaque pixels' bounding box */
function bounds(g: Grid) {
  let x0 = g.width;
  let x1 = -1;
  let y0 = g.height;
  let y1 = -1;
  for (let y = 0; y < g.height; y++)
    for (let x = 0; x < g.width; x++)
      if (g.data[(y * g.width + x) * 4 + 3]! >= 128) {
        x0 = Math.min(x0, x);
        x1 = Math.max(x1, x);
        y0 = Math.min(y0, y);
        y1 = Math.max(y1, y);
      }
  return { w: x1 - x0 + 1, h: y1 - y0 + 1 };
}

describe("rigs that read", () => {
  it("draws a fire-breathing dragon's flame wholly on the canvas", async () => {
    for (const size of [32, 64]) {
      const g = await render("a fire-breathing red dragon", "idle", 0, size);
      // the flame's mid and core tones (flat, so they survive shading unchanged)
      const flame = new Set(["255,176,48", "255,240,112"]);
      let n = 0;
      let maxX = 0;
      for (let y = 0; y < g.height; y++)
        for (let x = 0; x < g.width; x++) {
          const q = (y * g.width + x) * 4;
          if (g.data[q + 3]! < 128) continue;
          if (!flame.has(`${g.data[q]},${g.data[q + 1]},${g.data[q + 2]}`)) continue;
          n++;
          maxX = Math.max(maxX, x);
        }
      expect(n, `flame pixels at ${size} px`).toBeGreaterThan(size / 4);
      // not piled against the right edge: the cone's far side has its outline column free
      expect(maxX, `flame reach at ${size} px`).toBeLessThan(size - 1);
    }
  });

  it("draws a wolf seen end-on as a wide four-legged mass, not a standing biped", async () => {
    for (const prompt of ["a wolf", "a dog", "a fox", "a bear", "a lion"])
      for (const view of [0, 1]) {
        const b = bounds(await render(prompt, "directions", view, 32));
        expect(b.w / b.h, `${prompt} ${view ? "back" : "front"}`).toBeGreaterThan(0.6);
      }
  });
});
