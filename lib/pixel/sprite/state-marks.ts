// Marks that say a being's state where its own rig cannot: "asleep" is a "z" floating over the
// head (the animal rig also lies down and shuts its eyes). Found from the drawn canvas, so any rig
// or borrowed drawing takes it.
import type { SpriteCanvas } from "./canvas";

/** Part id of the sleep "z" (capes are 50–51, a worn backpack 52–53). */
export const SLEEP_PART = 58;

/** The box of the cells whose part is one of `parts`, else of everything drawn. */
function headBox(c: SpriteCanvas, parts: readonly number[] | undefined) {
  let box: { x0: number; x1: number; y0: number } | undefined;
  for (const pass of [true, false]) {
    for (let y = 0; y < c.h; y++)
      for (let x = 0; x < c.w; x++) {
        const i = y * c.w + x;
        if (c.mat[i]! < 0) continue;
        if (pass && !parts?.includes(c.part[i]!)) continue;
        if (!box) box = { x0: x, x1: x, y0: y };
        else {
          box.x0 = Math.min(box.x0, x);
          box.x1 = Math.max(box.x1, x);
        }
      }
    if (box) return box;
  }
  return undefined;
}

/** A "Z" of side n (top bar, diagonal, bottom bar) with its top-left corner at (x, y). */
function zed(c: SpriteCanvas, x: number, y: number, n: number, mat: number): void {
  for (let i = 0; i < n; i++) {
    c.plot(x + i, y, mat, SLEEP_PART, 2);
    c.plot(x + i, y + n - 1, mat, SLEEP_PART, 2);
    c.plot(x + n - 1 - i, y + i, mat, SLEEP_PART, 2);
  }
}

/**
 * Two z's rising from above the head, the larger nearer: over the head's far side when there is
 * room to its right (a side view faces right), else to its left. `headParts` are the rig's head
 * part ids; without them the top of the drawing stands for the head.
 */
export function drawSleepZ(
  c: SpriteCanvas,
  mat: number,
  headParts: readonly number[] | undefined,
  t = 0,
): void {
  const head = headBox(c, headParts);
  if (!head) return;
  const k = Math.max(1, Math.round(c.w / 32));
  // a z under 4 cells is a bar over a dot over a bar: it reads as an I, not a Z
  const big = 5 * k;
  const small = 4 * k;
  // the z's drift up a pixel on alternate frames
  const drift = Math.round(t * 2) % 2;
  const right = head.x1 + 1 + big + small <= c.w - 1;
  const x = right ? head.x1 - k : Math.max(0, head.x0 - big - small + k);
  const y = Math.max(small + 1, head.y0 - big - drift);
  zed(c, x, y, big, mat);
  zed(c, right ? x + big + 1 : Math.max(0, x - small - 1), Math.max(0, y - small - 1), small, mat);
}
