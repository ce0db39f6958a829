import { describe, expect, it } from "vitest";
import type { Rgb } from "../types";
import { dropSpecks, loadIcon } from "./emoji-art";

describe("emoji rasters", () => {
  it("drop loose grey specks round a drawing, keep coloured bits and small drawings whole", () => {
    const n = 16;
    const grid = (): (Rgb | null)[] => {
      const g: (Rgb | null)[] = new Array(n * n).fill(null);
      for (let y = 4; y < 12; y++) for (let x = 4; x < 10; x++) g[y * n + x] = [90, 90, 100];
      g[1 * n + 13] = [200, 200, 205]; // a grey speck
      g[14 * n + 1] = [255, 255, 255]; // a white pair
      g[14 * n + 2] = [250, 250, 250];
      g[1 * n + 1] = [240, 200, 40]; // a sparkle
      return g;
    };
    const g = grid();
    dropSpecks(g, n);
    expect(g[1 * n + 13]).toBeNull();
    expect(g[14 * n + 1]).toBeNull();
    expect(g[1 * n + 1]).not.toBeNull();
    expect(g[6 * n + 6]).not.toBeNull();
    // a drawing too small to have a body keeps every piece
    const small: (Rgb | null)[] = new Array(n * n).fill(null);
    small[2 * n + 2] = [90, 90, 90];
    small[2 * n + 3] = [90, 90, 90];
    small[9 * n + 9] = [200, 200, 200];
    dropSpecks(small, n);
    expect(small[9 * n + 9]).not.toBeNull();
  });

  it("the steel dagger has no speckles round its blade (eval-f)", async () => {
    const r = (await loadIcon("noto", "dagger", 30))!;
    // every drawn cell touches another one
    let loose = 0;
    for (let i = 0; i < r.w * r.h; i++) {
      if (r.idx[i]! < 0) continue;
      const x = i % r.w;
      const y = (i - x) / r.w;
      let near = 0;
      for (let dy = -1; dy <= 1; dy++)
        for (let dx = -1; dx <= 1; dx++) {
          const xx = x + dx;
          const yy = y + dy;
          if (
            (dx || dy) &&
            xx >= 0 &&
            yy >= 0 &&
            xx < r.w &&
            yy < r.h &&
            r.idx[yy * r.w + xx]! >= 0
          )
            near++;
        }
      if (!near) loose++;
    }
    expect(loose).toBe(0);
  });
});
