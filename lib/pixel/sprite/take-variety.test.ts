import { describe, expect, it } from "vitest";
import { Rng } from "../prng";
import { SpriteCanvas } from "./canvas";
import { buildDesign, renderSprite } from "./engine";
import { parsePrompt } from "./prompt";
import { reproportion, takeBuild, takeMirrored, takeRound } from "./take-variety";
import { idleStill } from "./test-helpers";
import { visibleDifference } from "./visible-difference";

function box(c: SpriteCanvas) {
  let x0 = c.w;
  let x1 = -1;
  let y0 = c.h;
  let y1 = -1;
  for (let y = 0; y < c.h; y++)
    for (let x = 0; x < c.w; x++)
      if (c.get(x, y) >= 0) {
        x0 = Math.min(x0, x);
        x1 = Math.max(x1, x);
        y0 = Math.min(y0, y);
        y1 = Math.max(y1, y);
      }
  return { x0, x1, y0, y1 };
}

function block(x0: number, y0: number, x1: number, y1: number): SpriteCanvas {
  const c = new SpriteCanvas(32, 32);
  for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) c.plot(x, y, y < 20 ? 0 : 1, 5, 2);
  return c;
}

describe("take builds", () => {
  it("seed 1 is the drawing as made; the other takes differ from it and from each other", () => {
    expect(takeBuild(1)).toEqual([1, 1]);
    const builds = [0, 1, 2, 3].map((k) => takeBuild(k).join("×"));
    expect(new Set(builds).size).toBe(4);
    expect(takeBuild(5)).toEqual(takeBuild(1));
  });

  it("a design with drawings of its own is stretched only where they run out", () => {
    // four or more: every take as drawn (a grazing horse stays a horse's height)
    for (const k of [1, 2, 3, 4, 5, 9]) expect(takeBuild(k, 4)).toEqual([1, 1]);
    // two: seeds 1 and 2 as drawn, 3 and 4 the same two drawings in another build
    expect(takeBuild(1, 2)).toEqual([1, 1]);
    expect(takeBuild(2, 2)).toEqual([1, 1]);
    expect(takeBuild(3, 2)).not.toEqual([1, 1]);
    expect(takeBuild(4, 2)).toEqual(takeBuild(3, 2));
    // any four consecutive keys of a design with fewer than four are four (drawing, build) pairs
    for (const n of [1, 2, 3])
      for (let k0 = 1; k0 < 12; k0++) {
        const pairs = [0, 1, 2, 3].map((i) => `${(k0 + i - 1) % n}:${takeBuild(k0 + i, n)}`);
        expect(new Set(pairs).size).toBe(4);
      }
  });

  it("builders say how many drawings they take in turn; one-drawing designs say nothing", () => {
    const takes = (prompt: string) =>
      buildDesign(parsePrompt(prompt), Rng.from("s", prompt), Rng.from("c", prompt), { take: 1 })
        .takes;
    for (const p of ["a horse", "a dachshund", "a red dragon", "blue slime enemy", "a goldfish"])
      expect(takes(p), p).toBe(4);
    for (const p of ["an iron sword", "a battle axe", "a windmill", "a castle", "a beholder"])
      expect(takes(p), p).toBeGreaterThanOrEqual(4);
    // one drawing each: a pine, a named buckler, a rider's mount, a skeleton rig
    for (const p of ["a pine tree", "a buckler", "a knight riding a horse", "a skeleton"])
      expect(takes(p), p).toBeUndefined();
  });

  it("a broad take is wider, standing on the same ground row; a tall one taller", () => {
    const c = block(10, 10, 21, 29);
    reproportion(c, ...takeBuild(2));
    const b = box(c);
    expect(b.y1).toBe(29);
    expect(b.x1 - b.x0 + 1).toBeGreaterThan(12);
    expect(b.y1 - b.y0 + 1).toBe(20);
    const t = block(10, 10, 21, 29);
    reproportion(t, ...takeBuild(3));
    expect(box(t).y1 - box(t).y0 + 1).toBeGreaterThan(20);
    expect(box(t).y1).toBe(29);
    // labels are copied, never invented: the lower material stays at the bottom
    expect(c.get(15, 29)).toBe(1);
  });

  it("never shrinks: a one-cell detail (an eye, a glint) survives every build", () => {
    for (const k of [1, 2, 3, 4]) {
      const c = block(8, 8, 23, 29);
      c.plot(12, 12, 7, 9, 3);
      reproportion(c, ...takeBuild(k));
      let eye = 0;
      for (let i = 0; i < c.mat.length; i++) if (c.mat[i] === 7) eye++;
      expect(eye, `take ${k}`).toBeGreaterThanOrEqual(1);
    }
  });

  it("never grows past the canvas (a pixel is left for the outline)", () => {
    const c = block(2, 4, 29, 29);
    reproportion(c, ...takeBuild(4));
    const b = box(c);
    expect(b.x0).toBeGreaterThanOrEqual(1);
    expect(b.x1).toBeLessThanOrEqual(30);
    expect(b.y1).toBe(29);
  });
});

describe("a borrowed subject whose drawings run out (eval-e: the same frog four times)", () => {
  it("mirrors every other round of its drawings, never a design with four", () => {
    // three drawings: seeds 1–3 as drawn, seed 4 the first drawing again, facing the other way
    expect([1, 2, 3, 4].map((k) => takeMirrored(k, 3))).toEqual([false, false, false, true]);
    expect([1, 2, 3, 4].map((k) => takeMirrored(k, 1))).toEqual([false, true, false, true]);
    expect([1, 2, 3, 4, 5].some((k) => takeMirrored(k, 4))).toBe(false);
    expect([1, 2, 3, 4].map((k) => takeRound(k, 3))).toEqual([0, 0, 0, 1]);
  });

  it("draws seed 4 of a symmetric three-drawing emoji apart from seed 1 (its hues, not another's)", async () => {
    const [one, four] = [
      await idleStill("a frog wearing a crown", 1),
      await idleStill("a frog wearing a crown", 4),
    ];
    expect(visibleDifference(one, four)).toBeGreaterThan(0.25);
    // still a green frog: its main hue family is kept
    const greens = (g: typeof one) => {
      let n = 0;
      for (let i = 0; i < g.data.length; i += 4) {
        const [r, gg, b, a] = [g.data[i]!, g.data[i + 1]!, g.data[i + 2]!, g.data[i + 3]!];
        if (a && gg > r + 20 && gg > b + 20) n++;
      }
      return n;
    };
    expect(greens(four)).toBeGreaterThan(greens(one) * 0.6);
  });

  it("keeps the facing of walks and turn sheets", async () => {
    const walk = (seed: number) =>
      renderSprite({ prompt: "a shark", seed, mode: "walk", index: 0, count: 4 });
    const [a, b] = [await walk(1), await walk(2)];
    // the shark's nose (its rightmost opaque column's row band) stays on the same side
    const rightmost = (g: typeof a.grid) => {
      let best = -1;
      for (let i = 0; i < g.data.length; i += 4)
        if (g.data[i + 3]) best = Math.max(best, (i / 4) % g.width);
      return best;
    };
    const leftmost = (g: typeof a.grid) => {
      let best = g.width;
      for (let i = 0; i < g.data.length; i += 4)
        if (g.data[i + 3]) best = Math.min(best, (i / 4) % g.width);
      return best;
    };
    const lean = (g: typeof a.grid) => rightmost(g) + leftmost(g);
    expect(Math.sign(lean(a.grid) - a.grid.width)).toBe(Math.sign(lean(b.grid) - b.grid.width));
  });
});
