// A cape put on any body that has no cape part of its own (a dog in a cape), after its builder
// drew it. Headwear is engine.ts's wearOnTop; characters draw their own capes (humanoid.ts).
import type { SpriteCanvas } from "./canvas";
import type { Pose } from "./design";

/** Top opaque row of each column (−1 where the column is empty). */
function columnTops(c: SpriteCanvas): Int16Array {
  const top = new Int16Array(c.w).fill(-1);
  for (let x = 0; x < c.w; x++)
    for (let y = 0; y < c.h; y++)
      if (c.get(x, y) >= 0) {
        top[x] = y;
        break;
      }
  return top;
}

/** The silhouette's box and its column tops: what the cape and the backpack are fitted to. */
interface BodyBox {
  top: Int16Array;
  x0: number;
  x1: number;
  yTop: number;
  yBot: number;
  w: number;
  h: number;
}

/** The box round every opaque cell, or undefined on an empty canvas. */
function bodyBox(c: SpriteCanvas): BodyBox | undefined {
  const top = columnTops(c);
  let x0 = -1;
  let x1 = -1;
  let yTop = c.h;
  let yBot = -1;
  for (let x = 0; x < c.w; x++)
    if (top[x]! >= 0) {
      if (x0 < 0) x0 = x;
      x1 = x;
      yTop = Math.min(yTop, top[x]!);
      for (let y = c.h - 1; y >= 0; y--)
        if (c.get(x, y) >= 0) {
          yBot = Math.max(yBot, y);
          break;
        }
    }
  if (x0 < 0) return undefined;
  return { top, x0, x1, yTop, yBot, w: x1 - x0 + 1, h: yBot - yTop + 1 };
}

/** Side view: the head is at the end whose top is higher (a tie puts it on the right). */
function headIsRight(c: SpriteCanvas, { top, x0, x1, w }: BodyBox): boolean {
  const third = Math.max(1, Math.round(w / 3));
  let left = c.h;
  let right = c.h;
  for (let x = x0; x < x0 + third; x++) if (top[x]! >= 0) left = Math.min(left, top[x]!);
  for (let x = x1 - third + 1; x <= x1; x++) if (top[x]! >= 0) right = Math.min(right, top[x]!);
  return right <= left;
}

/**
 * A cape on a body seen from the side: draped over the back from behind the head to the rump,
 * hanging lower towards the rear, its hem waving with the frame, and a gold clasp at the neck.
 * The head is the higher end of the silhouette, so this works for rigs and borrowed icons
 * facing either way. Seen from the front only the clasp and the cape's edges behind the body
 * show; from the back the cape covers the upper body.
 */
export function wearCape(c: SpriteCanvas, pose: Pose, cloth: number, clasp: number): void {
  const body = bodyBox(c);
  if (!body) return;
  const { top, x0, x1, yTop, w, h } = body;
  const wave = [0, 1, 0, -1][Math.round(pose.t * 4) % 4]!;
  if (pose.view === "front" || pose.view === "back") {
    // end-on: the cape hangs behind (front view) or over (back view) the upper two thirds
    const cx = x0 + w / 2;
    const neck = yTop + Math.round(h * 0.3);
    const hem = yTop + Math.round(h * 0.72);
    for (let y = neck; y <= hem; y++) {
      const half = Math.round(w * (0.3 + (0.16 * (y - neck)) / Math.max(1, hem - neck)));
      for (let x = Math.round(cx - half); x <= Math.round(cx + half); x++) {
        const tone = x < cx - half + 2 ? 3 : x > cx + half - 2 ? 1 : 2;
        if (pose.view === "back" || c.get(x, y) < 0) c.plot(x, y, cloth, 50, tone);
      }
    }
    if (pose.view === "front") c.plot(cx, neck, clasp, 51, 3);
    return;
  }
  const headRight = headIsRight(c, body);
  // the back: from just behind the head (28 % in from that end) to the rump (8 % in)
  const neckX = headRight ? x1 - Math.round(w * 0.3) : x0 + Math.round(w * 0.3);
  const rumpX = headRight ? x0 + Math.round(w * 0.08) : x1 - Math.round(w * 0.08);
  const dir = neckX > rumpX ? -1 : 1;
  const span = Math.abs(neckX - rumpX);
  let last = -1;
  for (let k = 0; k <= span + 2; k++) {
    const x = neckX + dir * k;
    const back = top[x] ?? -1;
    const yb = back >= 0 && k <= span ? back : last;
    if (yb < 0) continue;
    if (k <= span) last = back;
    // a cape lies on the back and falls lower towards the rear; past the rump it flutters
    const drop =
      Math.round(h * (0.22 + (0.26 * k) / Math.max(1, span))) + (k > span / 2 ? wave : 0);
    for (let y = yb - (k > span ? 1 : 0); y <= yb + drop; y++) {
      if (k > span && y > yb + drop - 2) continue;
      const tone = y === yb ? 3 : y >= yb + drop - 1 ? 1 : 2;
      c.plot(x, y, cloth, 50, tone);
    }
  }
  c.plot(neckX, top[neckX]! >= 0 ? top[neckX]! + 1 : yTop + 1, clasp, 51, 3);
}

/** Part ids of a worn backpack (a cape is 50 and 51). */
export const BACKPACK_PART = { bag: 52, strap: 53 } as const;

/**
 * A backpack on any body without a pack of its own (a hedgehog with a backpack), after its
 * builder drew it. Side view: a pack standing on the back just behind the head, rising above the
 * back line so it shows in the silhouette, with a darker flap on top and a strap round the
 * chest. From behind the pack covers the upper back; from the front only the two shoulder
 * straps show. Found from the silhouette like the cape, so it fits rigs and borrowed drawings.
 */
export function wearBackpack(c: SpriteCanvas, pose: Pose, bag: number, strap: number): void {
  const body = bodyBox(c);
  if (!body) return;
  const { top, x0, x1, yTop, yBot, w, h } = body;
  const k = c.w / 32;
  if (pose.view === "front" || pose.view === "back") {
    const cx = x0 + w / 2;
    const y0 = yTop + Math.round(h * 0.3);
    const y1 = yTop + Math.round(h * 0.62);
    if (pose.view === "back") {
      const half = Math.max(2, Math.round(w * 0.22));
      for (let y = y0; y <= y1; y++)
        for (let x = Math.round(cx - half); x <= Math.round(cx + half); x++)
          c.plot(
            x,
            y,
            y < y0 + 2 * k ? strap : bag,
            y < y0 + 2 * k ? BACKPACK_PART.strap : BACKPACK_PART.bag,
            2,
          );
      return;
    }
    // seen from the front: the straps over the shoulders, on the body only
    for (const sx of [Math.round(cx - w * 0.22), Math.round(cx + w * 0.22)])
      for (let y = y0; y <= y1; y++)
        if (c.get(sx, y) >= 0) c.plot(sx, y, strap, BACKPACK_PART.strap, 2);
    return;
  }
  const headRight = headIsRight(c, body);
  const bw = Math.max(3, Math.round(w * 0.34));
  // the pack's front edge a third in from the head end, its back edge towards the rump
  const front = headRight ? x1 - Math.round(w * 0.36) : x0 + Math.round(w * 0.36);
  const back = headRight ? front - bw + 1 : front + bw - 1;
  const [a, b] = front < back ? [front, back] : [back, front];
  let backLine = c.h;
  for (let x = a; x <= b; x++) if (top[x]! >= 0) backLine = Math.min(backLine, top[x]!);
  if (backLine >= c.h) return;
  const rise = Math.max(2, Math.round(h * 0.14));
  const depth = Math.max(3, Math.round(h * 0.32));
  const y0 = Math.max(0, backLine - rise);
  const y1 = Math.min(c.h - 1, backLine + depth - rise);
  for (let y = y0; y <= y1; y++)
    for (let x = a; x <= b; x++) {
      // rounded top corners; the flap is the top two rows in the strap colour
      if (y === y0 && (x === a || x === b)) continue;
      const flap = y < y0 + Math.max(1, Math.round(1.5 * k));
      const tone = x === a || x === b ? 1 : y === y0 ? 3 : 2;
      c.plot(x, y, flap ? strap : bag, flap ? BACKPACK_PART.strap : BACKPACK_PART.bag, tone);
    }
  // the chest strap, from the pack's front edge down and round the body
  for (let y = y1 + 1; y <= Math.min(yBot, y1 + Math.round(h * 0.25)); y++)
    if (c.get(front, y) >= 0) c.plot(front, y, strap, BACKPACK_PART.strap, 2);
}

/** Part ids of worn armour: the plates and their rim. */
export const ARMOUR_PART = { plate: 56, rim: 57 } as const;

/** Armour on an animal or creature: blued steel, which parts it from a grey or white coat. */
export const ARMOUR_STEEL = "#7c88a4";

/** Subjects that, worn by an animal or creature, are drawn as armour on its body. */
export const BODY_ARMOUR = new Set(["armour-plate", "leather-armor"]);

/**
 * Armour on any body without its own (a mouse in armour, 穿盔甲的老鼠), after its builder drew
 * it. Side view: plates over the back and flanks from behind the neck to the haunches, standing
 * a cell proud of the back line so the silhouette shows them, a darker rim along their lower
 * edge with rivets, and a cap on the crown of the head. End-on: a breastplate (front) or back
 * plate (back) across the middle of the body. Found from the silhouette like the cape, so it
 * fits every rig's body box and borrowed drawings.
 */
export function wearArmour(c: SpriteCanvas, pose: Pose, plate: number, rim: number): void {
  const body = bodyBox(c);
  if (!body) return;
  const { top, x0, x1, yTop, w, h } = body;
  const k = Math.max(1, Math.round(c.w / 32));
  const was = c.mat.slice();
  const on = (x: number, y: number) =>
    x >= 0 && x < c.w && y >= 0 && y < c.h && was[y * c.w + x]! >= 0;
  if (pose.view === "front" || pose.view === "back") {
    const cx = x0 + w / 2;
    const y0 = yTop + Math.round(h * 0.34);
    const y1 = yTop + Math.round(h * 0.66);
    const half = Math.max(2, Math.round(w * 0.3));
    for (let y = y0; y <= y1; y++)
      for (let x = Math.round(cx - half); x <= Math.round(cx + half); x++) {
        if (!on(x, y)) continue;
        const edge = y === y1 || x === Math.round(cx - half) || x === Math.round(cx + half);
        c.plot(
          x,
          y,
          edge ? rim : plate,
          edge ? ARMOUR_PART.rim : ARMOUR_PART.plate,
          y === y0 ? 3 : 2,
        );
      }
    return;
  }
  const headRight = headIsRight(c, body);
  // the plates: from just behind the head (30 % in) to the haunches (12 % in from the rump)
  const neck = headRight ? x1 - Math.round(w * 0.3) : x0 + Math.round(w * 0.3);
  const rump = headRight ? x0 + Math.round(w * 0.12) : x1 - Math.round(w * 0.12);
  const [a, b] = neck < rump ? [neck, rump] : [rump, neck];
  const depth = Math.max(3 * k, Math.round(h * 0.34));
  for (let x = a; x <= b; x++) {
    const t = top[x]!;
    if (t < 0) continue;
    // a cell proud of the back, then down the flank over the body only
    c.plot(x, t - 1, plate, ARMOUR_PART.plate, 3);
    for (let y = t; y <= t + depth; y++) {
      if (!on(x, y)) continue;
      const lower = y >= t + depth - (k - 1);
      c.plot(
        x,
        y,
        lower ? rim : plate,
        lower ? ARMOUR_PART.rim : ARMOUR_PART.plate,
        y === t ? 3 : 2,
      );
    }
    // rivets along the rim, every third column
    if ((x - a) % (3 * k) === 1 && on(x, t + depth - k))
      c.plot(x, t + depth - k, rim, ARMOUR_PART.rim, 3);
  }
  // the plate's ends: a darker edge where it meets the neck and the haunches
  for (const ex of [a, b])
    for (let y = top[ex]! - 1; y <= top[ex]! + depth; y++)
      if (top[ex]! >= 0 && (on(ex, y) || y === top[ex]! - 1))
        c.plot(ex, y, rim, ARMOUR_PART.rim, 1);
  // a cap on the crown: the two top rows over the head's middle
  const hw = Math.max(2, Math.round(w * 0.12));
  const hx = headRight ? x1 - Math.round(w * 0.16) : x0 + Math.round(w * 0.16);
  let crown = c.h;
  for (let x = hx - hw; x <= hx + hw; x++) if (top[x]! >= 0) crown = Math.min(crown, top[x]!);
  if (crown >= c.h) return;
  for (let x = hx - hw; x <= hx + hw; x++) {
    const t = top[x]!;
    if (t < 0 || t > crown + 3 * k) continue;
    for (let y = t; y <= t + k; y++)
      if (on(x, y)) c.plot(x, y, plate, ARMOUR_PART.plate, y === t ? 3 : 2);
  }
}
