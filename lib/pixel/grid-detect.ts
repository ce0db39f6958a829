// Grid detection for "fake pixel art" (hand-written; no JS library does this). Edge-gradient
// profiles per axis are scored with a comb: the true cell size p puts every sample on a cell
// boundary, sub-multiples hit half empty positions and multiples add nothing, so we take the
// smallest period close to the best score. Robust to blur and JPEG noise because it averages
// whole rows/columns.
import type { RgbaImage } from "./types";

export interface GridInfo {
  cell: number;
  offsetX: number;
  offsetY: number;
  confidence: number;
}

function profiles(img: RgbaImage): { px: Float64Array; py: Float64Array } {
  const { width: w, height: h, data: d } = img;
  const px = new Float64Array(w);
  const py = new Float64Array(h);
  for (let y = 0; y < h; y++) {
    const r = y * w * 4;
    for (let x = 0; x < w; x++) {
      const i = r + x * 4;
      if (x > 0)
        px[x]! +=
          Math.abs(d[i]! - d[i - 4]!) +
          Math.abs(d[i + 1]! - d[i - 3]!) +
          Math.abs(d[i + 2]! - d[i - 2]!) +
          Math.abs(d[i + 3]! - d[i - 1]!);
      if (y > 0) {
        const j = i - w * 4;
        py[y]! +=
          Math.abs(d[i]! - d[j]!) +
          Math.abs(d[i + 1]! - d[j + 1]!) +
          Math.abs(d[i + 2]! - d[j + 2]!) +
          Math.abs(d[i + 3]! - d[j + 3]!);
      }
    }
  }
  return { px, py };
}

function comb(p: Float64Array, period: number): { score: number; phase: number } {
  let mean = 0;
  for (let i = 1; i < p.length; i++) mean += p[i]!;
  mean /= Math.max(1, p.length - 1);
  if (mean === 0) return { score: 0, phase: 0 };
  let best = 0;
  let phase = 0;
  for (let f = 0; f < period; f++) {
    let s = 0;
    let n = 0;
    for (let x = f === 0 ? period : f; x < p.length; x += period) {
      s += p[x]!;
      n++;
    }
    // shrink toward the overall mean: a comb with few teeth (large period) can hit a handful of
    // strong edges by chance and must not outscore a dense one
    const v = (s + mean * 3) / (n + 3);
    if (n >= 2 && v > best) {
      best = v;
      phase = f;
    }
  }
  return { score: best / mean, phase };
}

export function detectGrid(img: RgbaImage): GridInfo | null {
  const { px, py } = profiles(img);
  const maxP = Math.min(64, Math.floor(Math.min(img.width, img.height) / 4));
  const scores: { p: number; s: number; fx: number; fy: number }[] = [];
  for (let p = 2; p <= maxP; p++) {
    const a = comb(px, p);
    const b = comb(py, p);
    scores.push({ p, s: (a.score + b.score) / 2, fx: a.phase, fy: b.phase });
  }
  if (!scores.length) return null;
  // Multiples of the true cell sample a subset of the same boundaries and can win by chance, so
  // walk down the divisors of the best period: the true cell keeps most of the score, while a
  // half-cell drops to ~50% (half of its samples land mid-cell).
  const best = scores.reduce((a, b) => (b.s > a.s ? b : a));
  let pick = best;
  for (const s of scores) {
    if (s.p >= best.p) break;
    if (best.p % s.p === 0 && s.s >= best.s * 0.7) {
      pick = s;
      break;
    }
  }
  // a real grid concentrates edge energy on 1/p of positions; noise and photos do not
  if (pick.s < 2.5) return null;
  return { cell: pick.p, offsetX: pick.fx, offsetY: pick.fy, confidence: pick.s };
}

/** Cell start positions along one axis, keeping partial border cells that are at least half visible. */
export function cellStarts(len: number, cell: number, offset: number): number[] {
  let first = offset % cell;
  if (first > 0) first -= cell;
  const out: number[] = [];
  for (let s = first; s < len; s += cell) {
    const vis = Math.min(len, s + cell) - Math.max(0, s);
    if (vis >= cell / 2) out.push(s);
  }
  return out;
}
