// Four seeds of one prompt should give four takes a person tells apart (issue #20 item 5). Rigs
// vary their shapes through their own rng and objects take a colour scheme (engine.ts
// applyTakeScheme), but many designs have few shape choices (a fox, a bear, a sword, a slime,
// an emoji with two sources for four seeds), so two seeds could draw the same sprite. Every take
// also gets its own build: broad, tall or big, applied to the drawn canvas (labels, parts and
// tones, before outline and shading), anchored on the ground line so feet, footing and riders
// stay where they were; only where its own drawings run out (takeBuild). A batch draws every
// frame with one key, so it keeps one build.
import type { SpriteCanvas } from "./canvas";

/**
 * [width, height] factors per take: the drawing as the rig made it, broad, tall, big. Mild (a
 * stronger stretch turned a fox into a dachshund), and never below 1: shrinking drops rows and
 * columns, and with them one-pixel eyes and glints.
 */
const BUILDS: readonly [number, number][] = [
  [1, 1],
  [1.16, 1],
  [1, 1.18],
  [1.12, 1.12],
];

/**
 * The build of a take key (seed + variation index) of a design that has `drawings` alternative
 * drawings of its own (Design.takes; 1: one drawing). Consecutive keys walk the drawings first;
 * a build changes only when the drawings come round again, so a design with four or more is
 * always drawn as made (a stretch turned a grazing horse tall and a play-bowing dachshund
 * lanky), and one with a single drawing gets a build per seed. Seed 1 is drawn as made.
 */
export function takeBuild(key: number, drawings = 1): [number, number] {
  if (drawings >= BUILDS.length) return [1, 1];
  const round = Math.floor((key - 1) / drawings);
  return BUILDS[((round % BUILDS.length) + BUILDS.length) % BUILDS.length]!;
}

/**
 * Whether a take faces the other way: when a design's own drawings have come round once (a
 * borrowed frog with three drawings at seed 4, an emoji with one at seeds 2 and 4), a stretch
 * alone left "the same frog four times" to the eye (eval-e), so every other round is also
 * mirrored. A design with four or more drawings is never mirrored.
 */
export function takeMirrored(key: number, drawings = 1): boolean {
  return takeRound(key, drawings) % 2 === 1;
}

/**
 * How many times a design's own drawings have come round at this take key (0: the first time,
 * seed 1 … drawings); always 0 for a design with four or more drawings.
 */
export function takeRound(key: number, drawings = 1): number {
  if (drawings >= BUILDS.length) return 0;
  const round = Math.floor((key - 1) / drawings);
  return ((round % BUILDS.length) + BUILDS.length) % BUILDS.length;
}

/**
 * Rescales what is drawn on the canvas by (sx, sy) about the bottom centre of its box (nearest
 * cell: no new labels), shrinking the factors so the result still fits the canvas.
 */
export function reproportion(c: SpriteCanvas, sx: number, sy: number): void {
  if (sx === 1 && sy === 1) return;
  const { w, h } = c;
  let x0 = w;
  let x1 = -1;
  let y0 = h;
  let y1 = -1;
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++)
      if (c.mat[y * w + x]! >= 0) {
        x0 = Math.min(x0, x);
        x1 = Math.max(x1, x);
        y0 = Math.min(y0, y);
        y1 = Math.max(y1, y);
      }
  if (x1 < 0) return;
  const cx = (x0 + x1 + 1) / 2;
  const bw = x1 - x0 + 1;
  const bh = y1 - y0 + 1;
  // keep a pixel of margin for the outline; never shrink
  const fx = Math.max(1, Math.min(sx, (w - 2) / bw));
  const fy = Math.max(1, Math.min(sy, (y1 + 1 - 1) / bh));
  if (Math.abs(fx - 1) < 0.03 && Math.abs(fy - 1) < 0.03) return;
  const mat = c.mat.slice();
  const part = c.part.slice();
  const tone = c.tone.slice();
  const nx0 = Math.max(0, Math.floor(cx - (bw * fx) / 2));
  const nx1 = Math.min(w - 1, Math.ceil(cx + (bw * fx) / 2));
  const ny0 = Math.max(0, Math.floor(y1 + 1 - bh * fy));
  c.mat.fill(-1);
  c.part.fill(0);
  c.tone.fill(-1);
  for (let y = ny0; y <= y1; y++) {
    const syy = Math.floor(y1 + 1 - (y1 + 1 - (y + 0.5)) / fy);
    if (syy < y0 || syy > y1) continue;
    for (let x = nx0; x <= nx1; x++) {
      const sxx = Math.floor(cx + (x + 0.5 - cx) / fx);
      if (sxx < x0 || sxx > x1) continue;
      const s = syy * w + sxx;
      const d = y * w + x;
      c.mat[d] = mat[s]!;
      c.part[d] = part[s]!;
      c.tone[d] = tone[s]!;
    }
  }
}

/**
 * Which of n alternative drawings a take draws (a blade shape, a roof, a source icon): seed 1
 * the first, and n consecutive seeds never repeat one, so four seeds are four designs whenever
 * a rig has four. A batch draws every frame with one key, so it keeps one drawing.
 */
export function takeIndex(key: number, n: number): number {
  return (((key - 1) % n) + n) % n;
}
