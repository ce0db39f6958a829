import { describe, expect, it } from "vitest";
import { DIRECTIONS8, type RgbaImage } from "../types";
import { renderSprite } from "./engine";

// The studio's batch modes draw quadrupeds with the characters' projected body: read back from
// the rendered batch frames, not from the rig's numbers.
type Mode = "walk" | "walk4" | "directions" | "directions8";
const COUNT: Record<Mode, number> = { walk: 4, walk4: 16, directions: 4, directions8: 8 };
const frame = async (prompt: string, mode: Mode, index: number, size = 64) =>
  (
    await renderSprite({
      prompt,
      seed: 3,
      mode,
      index,
      count: COUNT[mode],
      size,
      outline: "none",
      shading: "soft",
    })
  ).grid;

const alpha = (img: RgbaImage, x: number, y: number) => img.data[(y * img.width + x) * 4 + 3]!;
const lum = (img: RgbaImage, x: number, y: number) => {
  const i = (y * img.width + x) * 4;
  return 0.3 * img.data[i]! + 0.59 * img.data[i + 1]! + 0.11 * img.data[i + 2]!;
};

/**
 * Which feet of a right-facing profile are lifted, per half (front = the head's side). Far legs
 * are drawn in the fur's shadow tone only; a near leg also has its lit and base tones. A half
 * whose lowest lit pixel stands ≥ 3 rows over the half's lowest pixel has its near foot in the
 * air (its far foot is the one planted); otherwise its near foot is planted.
 */
function nearLifted(img: RgbaImage): { front: boolean; hind: boolean } {
  const W = img.width;
  let y1 = -1;
  for (let y = 0; y < img.height; y++) for (let x = 0; x < W; x++) if (alpha(img, x, y)) y1 = y;
  const y0 = y1 - Math.round(img.height * 0.15);
  let x0 = W;
  let x1 = -1;
  let dark = 255;
  for (let y = y0; y <= y1; y++)
    for (let x = 0; x < W; x++)
      if (alpha(img, x, y)) {
        x0 = Math.min(x0, x);
        x1 = Math.max(x1, x);
        // the shadow tone: what planted paws show on the ground rows (a hanging tail is darker)
        if (y >= y1 - 1) dark = Math.min(dark, lum(img, x, y));
      }
  const mid = (x0 + x1) / 2;
  const half = (front: boolean) => {
    let any = -1;
    let lit = -1;
    for (let y = y0; y <= y1; y++)
      for (let x = 0; x < W; x++) {
        if (!alpha(img, x, y) || x > mid !== front) continue;
        any = Math.max(any, y);
        if (lum(img, x, y) > dark + 20) lit = Math.max(lit, y);
      }
    return lit >= 0 && any - lit >= 3;
  };
  return { front: half(true), hind: half(false) };
}

function pixelDiff(a: RgbaImage, b: RgbaImage): number {
  let diff = 0;
  let any = 0;
  for (let i = 0; i < a.data.length; i += 4) {
    if (!a.data[i + 3] && !b.data[i + 3]) continue;
    any++;
    if (
      a.data[i] !== b.data[i] ||
      a.data[i + 1] !== b.data[i + 1] ||
      a.data[i + 2] !== b.data[i + 2] ||
      a.data[i + 3] !== b.data[i + 3]
    )
      diff++;
  }
  return diff / (any || 1);
}

function iou(a: RgbaImage, b: RgbaImage): number {
  let inter = 0;
  let union = 0;
  for (let i = 3; i < a.data.length; i += 4) {
    const p = a.data[i]! > 0;
    const q = b.data[i]! > 0;
    if (p && q) inter++;
    if (p || q) union++;
  }
  return inter / (union || 1);
}

describe("batch modes: quadrupeds draw the projected body", () => {
  it("a wolf's batch walk moves its feet in diagonal pairs", async () => {
    for (const prompt of ["a grey wolf", "a dog", "a horse"]) {
      const passing = [await frame(prompt, "walk", 1), await frame(prompt, "walk", 3)].map(
        nearLifted,
      );
      for (const [i, p] of passing.entries()) {
        // a diagonal pair: the near foot is up at one end and the far foot at the other,
        // never both near feet (a pace) nor both far feet
        expect(p.front, `${prompt} passing frame ${i * 2 + 1}`).not.toBe(p.hind);
      }
      // the two passing frames swing the two different pairs
      expect(passing[0]!.front, prompt).not.toBe(passing[1]!.front);
      // contact frames: every foot planted
      for (const i of [0, 2]) {
        const c = nearLifted(await frame(prompt, "walk", i));
        expect(c.front || c.hind, `${prompt} contact frame ${i}`).toBe(false);
      }
    }
  });

  it("walking towards the camera (walk4's down row) the feet leave the ground in diagonal pairs", async () => {
    // face-on, a diagonal pair is one foot on each side of the body; the side-profile rig
    // turned to the camera lifted both feet of one side (a pace)
    const lowest = (img: RgbaImage) => {
      const col: number[] = [];
      for (let x = 0; x < img.width; x++) {
        let y = -1;
        for (let yy = img.height - 1; yy >= 0 && y < 0; yy--) if (alpha(img, x, yy)) y = yy;
        col.push(y);
      }
      return col;
    };
    for (const prompt of ["a grey wolf", "a dog", "a horse", "a bear"]) {
      const rest = lowest(await frame(prompt, "directions", 0));
      const cx = 32;
      const lifted = async (i: number) => {
        const col = lowest(await frame(prompt, "walk4", i));
        const xs: number[] = [];
        for (let x = 0; x < col.length; x++)
          if (rest[x]! >= 64 * 0.7 && col[x]! >= 0 && rest[x]! - col[x]! >= 2) xs.push(x);
        return xs;
      };
      for (const i of [1, 3]) {
        const xs = await lifted(i);
        expect(
          xs.some((x) => x < cx),
          `${prompt} frame ${i} left`,
        ).toBe(true);
        expect(
          xs.some((x) => x >= cx),
          `${prompt} frame ${i} right`,
        ).toBe(true);
      }
    }
  });

  it("a wolf's directions8 diagonals are turned bodies, not the front or the side again", async () => {
    const at = (d: (typeof DIRECTIONS8)[number]) => DIRECTIONS8.indexOf(d);
    for (const prompt of ["a grey wolf", "a horse", "a dog", "a bear"]) {
      const f = async (d: (typeof DIRECTIONS8)[number]) => frame(prompt, "directions8", at(d), 48);
      for (const [diag, a, b] of [
        ["down_left", "down", "left"],
        ["up_right", "up", "right"],
      ] as const) {
        const g = await f(diag);
        // a body turned three-quarters shows part of its length: wider than face-on, narrower
        // than the profile (a sheared front view keeps the front's width)
        const width = (img: RgbaImage) => {
          let x0 = img.width;
          let x1 = -1;
          for (let y = 0; y < img.height; y++)
            for (let x = 0; x < img.width; x++)
              if (alpha(img, x, y)) {
                x0 = Math.min(x0, x);
                x1 = Math.max(x1, x);
              }
          return x1 - x0 + 1;
        };
        const [wd, wa, wb] = [width(g), width(await f(a)), width(await f(b))];
        expect(wd, `${prompt} ${diag} width`).toBeGreaterThanOrEqual(wa + 0.3 * (wb - wa));
        expect(wd, `${prompt} ${diag} width`).toBeLessThanOrEqual(wb);
        for (const other of [a, b]) {
          const o = await f(other);
          expect(pixelDiff(g, o), `${prompt} ${diag}/${other}`).toBeGreaterThan(0.3);
          expect(iou(g, o), `${prompt} ${diag}/${other}`).toBeLessThan(0.85);
        }
      }
    }
  });

  it("a knight's directions8 diagonals are three-quarter views, not a sheared front", async () => {
    const at = (d: (typeof DIRECTIONS8)[number]) => DIRECTIONS8.indexOf(d);
    const k = (d: (typeof DIRECTIONS8)[number]) =>
      frame("a knight with a red cape", "directions8", at(d), 48);
    const dl = await k("down_left");
    expect(pixelDiff(dl, await k("down"))).toBeGreaterThan(0.3);
    expect(pixelDiff(dl, await k("left"))).toBeGreaterThan(0.3);
  });
});
