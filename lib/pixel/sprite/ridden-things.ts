// A rider on a thing rather than an animal (eval-f: "a witch riding a broomstick" drew the broom
// alone). The thing is drawn as a mount is, but a borrowed drawing fills the sprite and often
// lies diagonally (an emoji broom, skateboard, rocket): it is laid level and made small, under
// the rider, and the rider is drawn whole — astride a broom the legs hang below the stick, on a
// skateboard or a cloud the rider stands on top.
import { boxWhere, SpriteCanvas } from "./canvas";
import { RIDER_PART } from "./creature-parts";

/** How a rider is carried by a thing: sitting astride it, or standing on it. */
export type RideStyle = "astride" | "standing";

/**
 * Things a person or an animal rides, by vocabulary subject, with how they ride them. A bicycle
 * or a bomb is not here: made this small under a rider they no longer read.
 */
export const RIDDEN_THINGS: Readonly<Record<string, RideStyle>> = {
  broom: "astride",
  rocket: "astride",
  barrel: "standing",
  carpet: "standing",
  skateboard: "standing",
  sled: "standing",
  cloud: "standing",
  logs: "standing",
};

export function rideStyle(subject: string): RideStyle | undefined {
  return Object.hasOwn(RIDDEN_THINGS, subject) ? RIDDEN_THINGS[subject] : undefined;
}

/**
 * The long axis of what is drawn, in radians from the horizontal, when it is a long thing (a
 * stick, a board) lying at a slant; 0 when it is round or already level.
 */
function slant(c: SpriteCanvas): number {
  let n = 0;
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < c.w * c.h; i++)
    if (c.mat[i]! >= 0) {
      n++;
      sx += i % c.w;
      sy += (i / c.w) | 0;
    }
  if (n < 4) return 0;
  const mx = sx / n;
  const my = sy / n;
  let xx = 0;
  let yy = 0;
  let xy = 0;
  for (let i = 0; i < c.w * c.h; i++)
    if (c.mat[i]! >= 0) {
      const dx = (i % c.w) - mx;
      const dy = ((i / c.w) | 0) - my;
      xx += dx * dx;
      yy += dy * dy;
      xy += dx * dy;
    }
  const tr = xx + yy;
  const det = xx * yy - xy * xy;
  const gap = Math.sqrt(Math.max(0, (tr * tr) / 4 - det));
  const big = tr / 2 + gap;
  const small = tr / 2 - gap;
  // a long thing only: a barrel or a cloud keeps its drawing upright
  if (small > 0 && big / small < 3) return 0;
  const a = 0.5 * Math.atan2(2 * xy, xx - yy);
  return Math.abs(a) < 0.15 ? 0 : a;
}

/**
 * Redraws the thing level (a slanted stick or board turned flat) and small enough to carry the
 * rider: across most of the width, a third of the height at most; a standing rider's thing rests
 * on the ground, a broom or a rocket flies at two thirds down, the legs hanging below it.
 */
export function layThingUnderRider(c: SpriteCanvas, style: RideStyle): void {
  const angle = slant(c);
  const src = { mat: c.mat.slice(), part: c.part.slice(), tone: c.tone.slice() };
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  // the level drawing's box, turned about the centre of what is drawn
  const box = boxWhere(c.w, c.w * c.h, (i) => src.mat[i]! >= 0);
  if (!box) return;
  const cx = (box.x0 + box.x1 + 1) / 2;
  const cy = (box.y0 + box.y1 + 1) / 2;
  let lx0 = Infinity;
  let lx1 = -Infinity;
  let ly0 = Infinity;
  let ly1 = -Infinity;
  for (let i = 0; i < c.w * c.h; i++) {
    if (src.mat[i]! < 0) continue;
    const dx = (i % c.w) + 0.5 - cx;
    const dy = ((i / c.w) | 0) + 0.5 - cy;
    const rx = dx * cos + dy * sin;
    const ry = -dx * sin + dy * cos;
    lx0 = Math.min(lx0, rx);
    lx1 = Math.max(lx1, rx);
    ly0 = Math.min(ly0, ry);
    ly1 = Math.max(ly1, ry);
  }
  const lw = lx1 - lx0 + 1;
  const lh = ly1 - ly0 + 1;
  const s = Math.min(1, (c.w - 3) / lw, (c.h * (style === "standing" ? 0.36 : 0.3)) / lh);
  const bottom = style === "standing" ? c.h - 2 : Math.round(c.h * 0.78);
  const ow = lw * s;
  const oh = lh * s;
  const ox0 = Math.round((c.w - ow) / 2);
  const oy0 = Math.round(bottom - oh);
  c.mat.fill(-1);
  c.part.fill(0);
  c.tone.fill(-1);
  for (let y = Math.max(0, oy0); y <= Math.min(c.h - 1, Math.ceil(oy0 + oh)); y++)
    for (let x = Math.max(0, ox0); x <= Math.min(c.w - 1, Math.ceil(ox0 + ow)); x++) {
      // the level point back to the drawing: unscale, then turn back
      const rx = lx0 + (x + 0.5 - ox0) / s;
      const ry = ly0 + (y + 0.5 - oy0) / s;
      const sx = Math.floor(cx + rx * cos - ry * sin);
      const sy = Math.floor(cy + rx * sin + ry * cos);
      if (sx < 0 || sy < 0 || sx >= c.w || sy >= c.h) continue;
      const j = sy * c.w + sx;
      if (src.mat[j]! < 0) continue;
      c.plot(x, y, src.mat[j]!, src.part[j]!, src.tone[j]!);
    }
}

/**
 * Puts the whole rider (drawn on its own canvas, materials from `matOffset` on) on the thing:
 * standing with its feet on the thing's top, or astride with its hips on it and the thing drawn
 * again over the body where it crosses (a stick between the legs, not behind the witch).
 */
export function carryOnThing(
  c: SpriteCanvas,
  rider: SpriteCanvas,
  matOffset: number,
  style: RideStyle,
): void {
  const thing = boxWhere(c.w, c.w * c.h, (i) => c.mat[i]! >= 0);
  const r = boxWhere(rider.w, rider.w * rider.h, (i) => rider.mat[i]! >= 0);
  if (!thing || !r) return;
  const mid = Math.round((thing.x0 + thing.x1) / 2);
  let top = thing.y0;
  for (let y = thing.y0; y <= thing.y1; y++)
    if (c.get(mid, y) >= 0) {
      top = y;
      break;
    }
  const rh = r.y1 - r.y0 + 1;
  const hip = r.y0 + Math.round(rh * 0.62);
  const dy = style === "standing" ? top - 1 - r.y1 : top + 1 - hip;
  const dx = mid - Math.round((r.x0 + r.x1) / 2);
  // a tall rider on a tall thing keeps its head on the canvas: the thing is what gives
  const lift = Math.max(0, -(r.y0 + dy));
  const under = new SpriteCanvas(c.w, c.h);
  under.mat.set(c.mat);
  under.part.set(c.part);
  under.tone.set(c.tone);
  for (let y = r.y0; y <= r.y1; y++)
    for (let x = r.x0; x <= r.x1; x++) {
      const i = rider.index(x, y);
      if (rider.mat[i]! < 0) continue;
      c.plot(
        x + dx,
        y + dy + lift,
        rider.mat[i]! + matOffset,
        RIDER_PART + rider.part[i]!,
        rider.tone[i]!,
      );
    }
  if (style !== "astride") return;
  // the thing in front of the body along its own rows (a stick is two or three cells deep)
  for (let y = top; y <= Math.min(thing.y1, top + 3); y++)
    for (let x = thing.x0; x <= thing.x1; x++) {
      const m = under.get(x, y);
      if (m >= 0) c.plot(x, y, m, under.part[y * c.w + x]!, under.tone[y * c.w + x]!);
    }
}
