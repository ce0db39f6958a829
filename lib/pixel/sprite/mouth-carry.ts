// An animal or creature that "holds" something holds it in its mouth or beak: a penguin with a
// fish, a dog with a bone, a bird with a worm (eval-d: the fish of "a penguin holding a fish" was
// dropped). Any rig or borrowed drawing takes it, placed by what was drawn: the head is the top
// of the figure; seen from the side it is the end the top leans to, and the thing is gripped at
// its front edge, sticking out; seen from the front it hangs across the middle of the head.
import { boxWhere, type SpriteCanvas } from "./canvas";
import type { IconRaster } from "./emoji-art";

/** Part id of the carried thing's cells (above the rigs' and the rider's). */
export const CARRIED_PART = 150;

/**
 * Draws `thing` gripped in the mouth. `facing` is the rig's own (a side-view rig faces right
 * before the frame's flip), else read from the figure: the head leans towards where it looks.
 * `headParts` are the rig's head part ids, when it has them.
 */
export function carryInMouth(
  c: SpriteCanvas,
  thing: IconRaster,
  mats: readonly number[],
  facing?: "left" | "right" | "front",
  headParts?: readonly number[],
): void {
  let x0 = c.w;
  let x1 = -1;
  let y0 = c.h;
  let y1 = -1;
  let sx = 0;
  let n = 0;
  for (let y = 0; y < c.h; y++)
    for (let x = 0; x < c.w; x++)
      if (c.mat[y * c.w + x]! >= 0) {
        x0 = Math.min(x0, x);
        x1 = Math.max(x1, x);
        y0 = Math.min(y0, y);
        y1 = Math.max(y1, y);
        sx += x;
        n++;
      }
  if (!n) return;
  const bh = y1 - y0 + 1;
  // the head: the rig's head parts, else the top 40 % of the figure
  const heads = headParts?.length ? new Set(headParts) : undefined;
  const inHead = (i: number, y: number) =>
    c.mat[i]! >= 0 && (heads ? heads.has(c.part[i]!) : y <= y0 + Math.max(2, Math.round(bh * 0.4)));
  let hx0 = c.w;
  let hx1 = -1;
  let hy0 = c.h;
  let hy1 = -1;
  let hx = 0;
  let hn = 0;
  for (let y = y0; y <= y1; y++)
    for (let x = x0; x <= x1; x++)
      if (inHead(y * c.w + x, y)) {
        hx0 = Math.min(hx0, x);
        hx1 = Math.max(hx1, x);
        hy0 = Math.min(hy0, y);
        hy1 = Math.max(hy1, y);
        hx += x;
        hn++;
      }
  if (!hn) return;
  const headCx = hx / hn;
  const lean = headCx - sx / n;
  const dir =
    facing === "front"
      ? 0
      : facing === "right"
        ? 1
        : facing === "left"
          ? -1
          : Math.abs(lean) < (x1 - x0 + 1) * 0.08
            ? 0
            : Math.sign(lean);
  // the thing's own box
  const box = boxWhere(thing.w, thing.idx.length, (i) => thing.idx[i]! >= 0);
  if (!box) return;
  const { x0: tx0, x1: tx1, y0: ty0, y1: ty1, w: tw, h: th } = box;
  let cx: number;
  let cy: number;
  if (!dir) {
    // front: gripped at the muzzle or beak under the eyes, sticking out to one side (across
    // the face it covered the eyes and read as a mask)
    cx = headCx - tw * 0.5;
    cy = hy0 + (hy1 - hy0) * 0.8;
  } else {
    // side: the frontmost cell of the head's lower half is the snout or beak
    const mid = Math.round((hy0 + hy1) / 2);
    let fx = dir > 0 ? -1 : c.w;
    let fy = mid;
    for (let y = mid; y <= hy1; y++)
      for (let x = hx0; x <= hx1; x++)
        if (inHead(y * c.w + x, y) && (dir > 0 ? x > fx : x < fx)) {
          fx = x;
          fy = y;
        }
    cx = fx + dir * tw * 0.2;
    cy = fy + 1;
  }
  const ox = Math.round(Math.min(c.w - tw, Math.max(0, cx - tw / 2))) - tx0;
  const oy = Math.round(Math.min(c.h - th, Math.max(0, cy - th / 2))) - ty0;
  for (let y = ty0; y <= ty1; y++)
    for (let x = tx0; x <= tx1; x++) {
      const i = y * thing.w + x;
      const q = thing.idx[i]!;
      if (q < 0) continue;
      const sh = thing.shade[i]!;
      c.plot(ox + x, oy + y, mats[q]!, CARRIED_PART, sh < 0 ? 1 : sh > 0 ? 3 : 2);
    }
}
