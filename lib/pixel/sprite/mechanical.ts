// "a robot dog", "a mechanical cat", "a cyborg wolf": any creature rebuilt in metal. The rig's
// drawing is kept (the shape says which animal) and turned into a machine on the label canvas:
// riveted plates with dark seams, banded joints on the legs, a glowing LED eye and an antenna on
// the head. eval-c: a robot dog was a grey dog with a red eye, nothing mechanical.
import type { Material, SpriteCanvas } from "./canvas";

export interface MachineMats {
  /** dark steel: seams, joints, the antenna's mast */
  plate: number;
  /** bright rivet heads */
  rivet: number;
  /** the LED eye and the antenna's bulb */
  glow: number;
}

/** Is cell i a small flat-coloured spot (an eye or a nostril)? */
function eyeCell(c: SpriteCanvas, i: number, mats: readonly Material[]): boolean {
  const m = c.mat[i]!;
  if (!mats[m]?.flat) return false;
  let same = 0;
  for (const d of [-1, 1, -c.w, c.w, -c.w - 1, -c.w + 1, c.w - 1, c.w + 1])
    if (c.mat[i + d] === m) same++;
  return same <= 3;
}

/**
 * Turns the figure on `c` into a machine. `head`: the head's cells (indices); `skip`: cells
 * that are not surface (flat details the rig marked). Deterministic: no randomness needed.
 */
export function mechanise(
  c: SpriteCanvas,
  mats: readonly Material[],
  head: readonly number[],
  x: MachineMats,
  skip: (i: number) => boolean,
): void {
  const { w, h, mat, tone } = c;
  let x0 = w;
  let x1 = -1;
  let y0 = h;
  let y1 = -1;
  for (let i = 0; i < w * h; i++)
    if (mat[i]! >= 0) {
      const xx = i % w;
      const yy = (i / w) | 0;
      x0 = Math.min(x0, xx);
      x1 = Math.max(x1, xx);
      y0 = Math.min(y0, yy);
      y1 = Math.max(y1, yy);
    }
  if (x1 < 0) return;
  const headSet = new Set(head);
  const inside = (i: number) =>
    mat[i]! >= 0 && mat[i - 1]! >= 0 && mat[i + 1]! >= 0 && mat[i - w]! >= 0 && mat[i + w]! >= 0;
  // the eyes become LEDs (kept as a list: seams must not paint over them)
  const eyes: number[] = [];
  for (let i = w; i < w * (h - 1); i++) if (mat[i]! >= 0 && eyeCell(c, i, mats)) eyes.push(i);
  const fh = y1 - y0 + 1;
  // plates: a seam row across the torso and seam columns every 5 px; rivets beside crossings
  const seamY = y0 + Math.round(fh * 0.55);
  for (let i = w; i < w * (h - 1); i++) {
    if (mat[i]! < 0 || skip(i) || headSet.has(i) || !inside(i)) continue;
    const xx = i % w;
    const yy = (i / w) | 0;
    if (yy === seamY || ((xx - x0) % 5 === 2 && yy < seamY + 3)) {
      mat[i] = x.plate;
      tone[i] = 2;
    } else if ((xx - x0) % 5 === 3 && (yy === seamY - 2 || yy === seamY + 2)) {
      mat[i] = x.rivet;
      tone[i] = 3;
    }
  }
  // joints: narrow runs low on the figure (legs) get dark bands every third row
  for (let yy = y0 + Math.round(fh * 0.62); yy <= y1 - 1; yy++) {
    if ((yy - y0) % 3 !== 0) continue;
    let run0 = -1;
    for (let xx = x0; xx <= x1 + 1; xx++) {
      const on = xx <= x1 && mat[yy * w + xx]! >= 0;
      if (on && run0 < 0) run0 = xx;
      if (!on && run0 >= 0) {
        if (xx - run0 <= 3)
          for (let k = run0; k < xx; k++) {
            mat[yy * w + k] = x.plate;
            tone[yy * w + k] = 1;
          }
        run0 = -1;
      }
    }
  }
  for (const i of eyes) {
    mat[i] = x.glow;
    tone[i] = 3;
  }
  // no eye drawn (a borrowed drawing): an LED where the head's front upper third is
  if (!eyes.length && head.length) {
    const hs = head.map((i) => [i % w, (i / w) | 0] as const);
    const hx1 = Math.max(...hs.map((p) => p[0]));
    const hy0 = Math.min(...hs.map((p) => p[1]));
    const hy1 = Math.max(...hs.map((p) => p[1]));
    c.plot(hx1 - 2, hy0 + Math.round((hy1 - hy0) * 0.35), x.glow, 250, 3);
  }
  // the antenna: a mast from the top of the head and a glowing bulb
  let top = -1;
  for (const i of head) if (top < 0 || i < top) top = i;
  if (top >= 0) {
    const ax = top % w;
    const ay = (top / w) | 0;
    const mast = Math.max(2, Math.round(h / 12));
    for (let k = 1; k <= mast; k++) c.plot(ax, ay - k, x.plate, 251, 2);
    c.plot(ax, ay - mast - 1, x.glow, 251, 3);
  }
}
