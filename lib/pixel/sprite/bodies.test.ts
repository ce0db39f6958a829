import { describe, expect, it } from "vitest";
import { interpretPrompt } from "./interpretation";
import { parsePrompt } from "./prompt";
import { drawTake } from "./test-helpers";

// animal.ts P
const BODY = 3;

/** One take's profile frame (as the engine draws a quadruped at rest), part ids, 0 = empty. */
function sideParts(prompt: string, take = 1): Uint8Array {
  const c = drawTake(prompt, take, "idle", 0, (pose) => {
    pose.pitch = 0;
    pose.rest = true;
  });
  for (let i = 0; i < c.part.length; i++) if (c.mat[i]! < 0) c.part[i] = 0;
  return c.part;
}

/** Rows and columns a part covers: [height, width]. */
function extent(map: Uint8Array, parts: number[]): [number, number] {
  let y0 = 99;
  let y1 = -1;
  let x0 = 99;
  let x1 = -1;
  for (let i = 0; i < map.length; i++)
    if (parts.includes(map[i]!)) {
      const x = i % 32;
      const y = Math.floor(i / 32);
      y0 = Math.min(y0, y);
      y1 = Math.max(y1, y);
      x0 = Math.min(x0, x);
      x1 = Math.max(x1, x);
    }
  return [y1 - y0 + 1, x1 - x0 + 1];
}

/** Cells of any drawn part in the rows from y0 down (a person's trunk and legs), per row widest. */
function widest(map: Uint8Array, y0: number, y1: number): number {
  let w = 0;
  for (let y = y0; y <= y1; y++) {
    let n = 0;
    for (let x = 0; x < 32; x++) if (map[y * 32 + x]) n++;
    w = Math.max(w, n);
  }
  return w;
}

describe("fat (#20: 'fat', 'chubby', 'with a big belly' were not understood)", () => {
  it("is read in English and Chinese, said in both lines, and not left unknown", () => {
    for (const p of ["a fat cat", "a chubby dog", "a plump pig", "an ogre with a big belly", "胖猫"]) {
      const info = parsePrompt(p);
      expect(info.fat, p).toBe(true);
      expect(info.unknown, p).toEqual([]);
      const line = interpretPrompt(p, { seed: 1 });
      expect(line.summary, p).toMatch(/\bfat\b/);
      expect(line.summary, p).not.toMatch(/not understood/);
      expect(line.summary_zh, p).toContain("胖");
    }
    // "big belly" is the body, not the sprite's size
    expect(parsePrompt("a goblin with a big belly").sizeWord).toBeUndefined();
  });

  it("a thing has no body to widen: said not drawn", () => {
    const info = parsePrompt("a fat sword");
    expect(info.fat).toBeUndefined();
    expect(interpretPrompt("a fat sword", { seed: 1 }).summary).toMatch(/not drawn: fat/);
  });

  it("the four-legged rig draws a deeper body", () => {
    for (const a of ["cat", "dog", "pig", "wolf"]) {
      const [plainH] = extent(sideParts(`a ${a}`), [BODY]);
      const [fatH] = extent(sideParts(`a fat ${a}`), [BODY]);
      expect(fatH, a).toBeGreaterThanOrEqual(plainH + 2);
    }
  });

  it("a person's trunk is wider", () => {
    for (const p of ["knight", "villager", "wizard"]) {
      const plain = drawTake(`a ${p}`, 1).part;
      const fat = drawTake(`a fat ${p}`, 1).part;
      expect(widest(fat, 14, 24), p).toBeGreaterThan(widest(plain, 14, 24) + 2);
    }
  });
});
