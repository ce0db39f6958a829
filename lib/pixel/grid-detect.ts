// Grid recovery for "fake pixel art": a logical sprite enlarged by a fractional factor
// (31.25×, 24.3×), smoothed by the model's or an app's resampler, shifted and JPEG-compressed.
//
// Per axis, independently:
//  1. Two edge profiles: P = summed |first difference| across every row (peaks on cell
//     boundaries for sharp kernels) and D = |ΔP| (peaks where a bilinear ramp bends, i.e. on cell
//     centres, and around boundaries for sharp kernels). Both repeat with the cell pitch.
//  2. Candidate pitches from the zero-padded FFT of both profiles (fractional periods come out of
//     the dense frequency grid), climbed down to their fundamental (a strong peak at half the
//     frequency means the candidate was a harmonic), then refined on a fine grid by a harmonic sum.
//  3. Each candidate pitch gets its phase and is validated on the image itself: the colour
//     variance inside the middle of every cell is low at the true (pitch, phase) and rises when the
//     phase moves ("phase contrast"); a JPEG block grid or a photo barely changes with phase.
//  4. Grid lines start from phase + k·pitch and each is snapped to the strongest nearby edge peak
//     when there is one, so uneven cells (rounding of 31.25 into 31s and 32s, hand-drawn meshes)
//     are followed.
// Everything is O(W·H) plus FFTs of length ~8·W, well inside 150 ms per megapixel.
import { detectExactCell } from "./raster";
import type { RgbaImage } from "./types";

/** How the logical grid was found: not at all (`resampled`) is a valid, reported answer. */
export type GridMethod = "native" | "exact" | "detected" | "resampled";

export interface GridRecovery {
  method: GridMethod;
  /** mean cell size in source pixels per axis (fractional) */
  cellWidth: number;
  cellHeight: number;
  /** source-pixel positions of the cell boundaries (logical size + 1 entries per axis) */
  xLines: number[];
  yLines: number[];
  logicalWidth: number;
  logicalHeight: number;
  /** 0–1: how strongly the image follows the grid (1 for exact and native pixel art) */
  confidence: number;
}

interface AxisFit {
  pitch: number;
  phase: number;
  /** phase contrast: best-phase / mean-phase cell variance (lower = more grid-like) */
  contrast: number;
  /** mean squared deviation inside the cells' middles at the best phase */
  variance: number;
  lines: number[];
}

// ---------------------------------------------------------------- profiles

/** Summed |difference| between neighbouring columns (axis x) or rows (axis y), alpha included. */
function edgeProfile(img: RgbaImage, axis: "x" | "y"): Float64Array {
  const { width: w, height: h, data: d } = img;
  const n = axis === "x" ? w : h;
  const out = new Float64Array(n);
  // a few hundred lines carry the grid as well as all of them, at a fraction of the cost
  const step = Math.max(1, Math.round((axis === "x" ? h : w) / 320));
  if (axis === "x") {
    for (let y = 0; y < h; y += step) {
      let i = y * w * 4 + 4;
      for (let x = 1; x < w; x++, i += 4)
        out[x]! +=
          Math.abs(d[i]! - d[i - 4]!) +
          Math.abs(d[i + 1]! - d[i - 3]!) +
          Math.abs(d[i + 2]! - d[i - 2]!) +
          Math.abs(d[i + 3]! - d[i - 1]!);
    }
  } else {
    const row = w * 4;
    for (let y = 1; y < h; y++) {
      let acc = 0;
      for (let x = 0; x < w; x += step) {
        const i = y * row + x * 4;
        acc +=
          Math.abs(d[i]! - d[i - row]!) +
          Math.abs(d[i + 1]! - d[i + 1 - row]!) +
          Math.abs(d[i + 2]! - d[i + 2 - row]!) +
          Math.abs(d[i + 3]! - d[i + 3 - row]!);
      }
      out[y] = acc;
    }
  }
  return out;
}

/**
 * JPEG codes 8×8 blocks (16×16 for subsampled colour) from the image origin, and every block edge adds a little to the
 * profile: an exact period-8/16 comb that would pass for a grid. Remove any exactly 16-periodic
 * component (relative to a local average); a fractional grid spreads evenly over the classes.
 */
function deblock(p: Float64Array): void {
  // 16, not 8: with 4:2:0 chroma subsampling the colour blocks are 16×16 image pixels
  const P = 16;
  const n = p.length;
  if (n < P * 4) return;
  const pre = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) pre[i + 1] = pre[i]! + p[i]!;
  const cls = new Float64Array(P);
  const cnt = new Float64Array(P);
  for (let i = P / 2; i < n - P / 2; i++) {
    const local = (pre[i + P / 2]! - pre[i - P / 2]!) / P;
    cls[i % P]! += p[i]! - local;
    cnt[i % P]!++;
  }
  for (let i = 0; i < n; i++) p[i] = Math.max(0, p[i]! - cls[i % P]! / Math.max(1, cnt[i % P]!));
}

/**
 * Summed |second difference| over a 3-pixel baseline: a bilinear enlargement is piecewise
 * linear with its bends on cell centres, invisible to first differences summed over rows but a
 * clean spike train here; for sharp kernels it rings on both sides of each boundary.
 */
function bendProfile(img: RgbaImage, axis: "x" | "y"): Float64Array {
  const { width: w, height: h, data: d } = img;
  const n = axis === "x" ? w : h;
  const out = new Float64Array(n);
  const H = 3;
  if (axis === "x") {
    const step = Math.max(1, Math.round(h / 256));
    for (let y = 0; y < h; y += step) {
      let i = (y * w + H) * 4;
      for (let x = H; x < w - H; x++, i += 4) {
        const j = i - H * 4;
        const k = i + H * 4;
        out[x]! +=
          Math.abs(d[j]! - 2 * d[i]! + d[k]!) +
          Math.abs(d[j + 1]! - 2 * d[i + 1]! + d[k + 1]!) +
          Math.abs(d[j + 2]! - 2 * d[i + 2]! + d[k + 2]!) +
          Math.abs(d[j + 3]! - 2 * d[i + 3]! + d[k + 3]!);
      }
    }
  } else {
    const step = Math.max(1, Math.round(w / 256));
    const row = w * 4;
    for (let y = H; y < h - H; y++) {
      let acc = 0;
      for (let x = 0; x < w; x += step) {
        const i = y * row + x * 4;
        const j = i - H * row;
        const k = i + H * row;
        acc +=
          Math.abs(d[j]! - 2 * d[i]! + d[k]!) +
          Math.abs(d[j + 1]! - 2 * d[i + 1]! + d[k + 1]!) +
          Math.abs(d[j + 2]! - 2 * d[i + 2]! + d[k + 2]!) +
          Math.abs(d[j + 3]! - 2 * d[i + 3]! + d[k + 3]!);
      }
      out[y] = acc;
    }
  }
  return out;
}

// ---------------------------------------------------------------- spectrum

function fft(re: Float64Array, im: Float64Array): void {
  const n = re.length;
  for (let i = 1, j = 0; i < n; i++) {
    let bit = n >> 1;
    for (; j & bit; bit >>= 1) j ^= bit;
    j ^= bit;
    if (i < j) {
      [re[i], re[j]] = [re[j]!, re[i]!];
      [im[i], im[j]] = [im[j]!, im[i]!];
    }
  }
  for (let len = 2; len <= n; len <<= 1) {
    const ang = (-2 * Math.PI) / len;
    const wr = Math.cos(ang);
    const wi = Math.sin(ang);
    for (let i = 0; i < n; i += len) {
      let cr = 1;
      let ci = 0;
      for (let k = 0; k < len >> 1; k++) {
        const a = i + k;
        const b = a + (len >> 1);
        const tr = re[b]! * cr - im[b]! * ci;
        const ti = re[b]! * ci + im[b]! * cr;
        re[b] = re[a]! - tr;
        im[b] = im[a]! - ti;
        re[a]! += tr;
        im[a]! += ti;
        const nr = cr * wr - ci * wi;
        ci = cr * wi + ci * wr;
        cr = nr;
      }
    }
  }
}

interface Spectrum {
  /** magnitude divided by its local average: peaks stand out whatever the envelope */
  white: Float64Array;
  size: number;
}

function spectrum(profile: Float64Array): Spectrum {
  const n = profile.length;
  let size = 1;
  while (size < n * 8) size <<= 1;
  const re = new Float64Array(size);
  const im = new Float64Array(size);
  let mean = 0;
  for (let i = 0; i < n; i++) mean += profile[i]!;
  mean /= n;
  // Hann window: a strong fundamental must not leak into the subharmonic we test for
  for (let i = 0; i < n; i++)
    re[i] = (profile[i]! - mean) * (0.5 - 0.5 * Math.cos((2 * Math.PI * i) / Math.max(1, n - 1)));
  fft(re, im);
  const half = size >> 1;
  const mag = new Float64Array(half);
  for (let k = 0; k < half; k++) mag[k] = Math.hypot(re[k]!, im[k]!);
  // whiten: the sprite's silhouette puts broad low-frequency energy in the profile, and blur
  // tilts the spectrum; a grid is a narrow peak above its neighbourhood at any frequency
  const pre = new Float64Array(half + 1);
  for (let k = 0; k < half; k++) pre[k + 1] = pre[k]! + mag[k]!;
  const white = new Float64Array(half);
  const bin = size / n; // bins per unit of "cycles over the profile"
  for (let k = 1; k < half; k++) {
    const r = Math.max(Math.ceil(bin * 3), Math.round(k * 0.25));
    const lo = Math.max(0, k - r);
    const hi = Math.min(half, k + r + 1);
    const avg = (pre[hi]! - pre[lo]!) / (hi - lo);
    white[k] = avg > 0 ? mag[k]! / avg : 0;
  }
  return { white, size };
}

/** Whitened magnitude near a period (max over ±1.5 bins, as the peak may sit between bins). */
function magAt(s: Spectrum, period: number): number {
  const k = s.size / period;
  let best = 0;
  for (let j = Math.floor(k - 1.5); j <= Math.ceil(k + 1.5); j++)
    if (j > 0 && j < s.white.length) best = Math.max(best, s.white[j]!);
  return best;
}

function peaks(s: Spectrum, pMin: number, pMax: number, count: number): number[] {
  const lo = Math.max(2, Math.floor(s.size / pMax));
  const hi = Math.min(s.white.length - 2, Math.ceil(s.size / pMin));
  const found: { k: number; v: number }[] = [];
  const w = s.white;
  for (let k = lo; k <= hi; k++) {
    const v = w[k]!;
    if (v > w[k - 1]! && v >= w[k + 1]! && v > 1.8) {
      const a = w[k - 1]!;
      const c = w[k + 1]!;
      const den = a - 2 * v + c;
      const off = den < 0 ? (0.5 * (a - c)) / den : 0;
      found.push({ k: k + off, v });
    }
  }
  found.sort((a, b) => b.v - a.v);
  return found.slice(0, count).map((f) => s.size / f.k);
}

/**
 * Harmonic score of a period: every harmonic that is a real peak adds, every one that is
 * missing subtracts, so a multiple of the true pitch (odd harmonics missing) and a divisor (fewer
 * harmonics in range) both score below the true pitch.
 */
function harmonicScore(spectra: Spectrum[], p: number, pMin: number): number {
  let score = 0;
  for (let m = 1; p / m >= Math.max(2.2, pMin * 0.9); m++) {
    const w = Math.max(...spectra.map((s) => magAt(s, p / m)));
    score += Math.max(-0.6, Math.min(8, w - 1.6));
    if (m >= 12) break;
  }
  return score;
}

/** Non-integer DFT magnitude of a profile at a period (direct sum, for fine refinement). */
function dftAt(profile: Float64Array, mean: number, period: number): { mag: number; arg: number } {
  const t = (2 * Math.PI) / period;
  const c = Math.cos(t);
  const s = Math.sin(t);
  let wr = 1;
  let wi = 0;
  let re = 0;
  let im = 0;
  for (let i = 0; i < profile.length; i++) {
    const v = profile[i]! - mean;
    re += v * wr;
    im -= v * wi;
    const nr = wr * c - wi * s;
    wi = wr * s + wi * c;
    wr = nr;
  }
  return { mag: Math.hypot(re, im), arg: Math.atan2(im, re) };
}

const meanOf = (a: Float64Array) => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]!;
  return s / Math.max(1, a.length);
};

/** Summed magnitude of the first harmonics of a pitch over the profiles (how periodic they are). */
function harmonicSum(profiles: Float64Array[], means: number[], q: number): number {
  let s = 0;
  for (let k = 0; k < profiles.length; k++) {
    const prof = profiles[k]!;
    for (let m = 1; m <= REFINE_HARMONICS; m++) {
      if (q / m < 2) break;
      s += dftAt(prof, means[k]!, q / m).mag / m;
    }
  }
  return s;
}

/** Fine pitch: maximise the summed magnitude of the first harmonics around the estimate. */
function refinePitch(profiles: Float64Array[], p: number): number {
  const means = profiles.map(meanOf);
  const n = profiles[0]!.length;
  const score = (q: number) => harmonicSum(profiles, means, q);
  // resolution of the fundamental is ~p²/n; search ±2 resolutions, then halve the step
  let step = Math.max(1e-4, (p * p) / n / 4);
  let best = p;
  let bestScore = score(p);
  for (let round = 0; round < 4; round++) {
    for (const q of [best - 2 * step, best - step, best + step, best + 2 * step]) {
      if (q < 2) continue;
      const s = score(q);
      if (s > bestScore) {
        bestScore = s;
        best = q;
      }
    }
    step /= 2;
  }
  return best;
}

// ---------------------------------------------------------------- validation on the image

/**
 * Prefix sums of sampled lines across the axis (rows for x, columns for y), so the variance of
 * any segment of any sampled line costs O(1).
 */
class LineSums {
  readonly lines: number;
  readonly n: number;
  private readonly s: Int32Array;
  private readonly q: Float64Array;
  constructor(img: RgbaImage, axis: "x" | "y") {
    const { width: w, height: h, data: d } = img;
    this.n = axis === "x" ? w : h;
    const across = axis === "x" ? h : w;
    const want = Math.min(across, 64);
    this.lines = want;
    this.s = new Int32Array(want * (this.n + 1) * 3);
    this.q = new Float64Array(want * (this.n + 1));
    for (let l = 0; l < want; l++) {
      const a = Math.floor(((l + 0.5) * across) / want);
      const base = l * (this.n + 1);
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let qq = 0;
      for (let i = 0; i < this.n; i++) {
        const o = axis === "x" ? (a * w + i) * 4 : (i * w + a) * 4;
        // transparent pixels count as black so an alpha edge is an edge
        const al = d[o + 3]! / 255;
        const r = Math.round(d[o]! * al);
        const g = Math.round(d[o + 1]! * al);
        const b = Math.round(d[o + 2]! * al);
        s0 += r;
        s1 += g;
        s2 += b;
        qq += r * r + g * g + b * b;
        const k = (base + i + 1) * 3;
        this.s[k] = s0;
        this.s[k + 1] = s1;
        this.s[k + 2] = s2;
        this.q[base + i + 1] = qq;
      }
    }
  }
  /** summed squared deviation from the mean over [a, b) of every sampled line */
  sse(a: number, b: number): number {
    const len = b - a;
    if (len <= 1) return 0;
    let total = 0;
    const stride = this.n + 1;
    for (let l = 0; l < this.lines; l++) {
      const ia = (l * stride + a) * 3;
      const ib = (l * stride + b) * 3;
      const s0 = this.s[ib]! - this.s[ia]!;
      const s1 = this.s[ib + 1]! - this.s[ia + 1]!;
      const s2 = this.s[ib + 2]! - this.s[ia + 2]!;
      const q = this.q[l * stride + b]! - this.q[l * stride + a]!;
      total += q - (s0 * s0 + s1 * s1 + s2 * s2) / len;
    }
    return total;
  }
}

/** Mean squared deviation inside the middle of every whole cell of a (pitch, phase) grid. */
function cellVariance(sums: LineSums, pitch: number, phase: number): number {
  const margin = pitch * 0.2;
  let sse = 0;
  let count = 0;
  let start = phase - Math.ceil(phase / pitch) * pitch;
  for (; start < sums.n; start += pitch) {
    if (start < 0 || start + pitch > sums.n) continue;
    const a = Math.ceil(start + margin);
    const b = Math.floor(start + pitch - margin) + 1;
    if (b - a < 1) continue;
    sse += sums.sse(a, Math.min(b, sums.n));
    count += b - a;
  }
  return count ? sse / (count * sums.lines) : Number.POSITIVE_INFINITY;
}

function fitPhase(
  sums: LineSums,
  pitch: number,
  hints: number[],
): { phase: number; contrast: number; variance: number } {
  const steps = 16;
  let mean = 0;
  let best = Number.POSITIVE_INFINITY;
  let phase = 0;
  const tryPhase = (f: number) => {
    const v = cellVariance(sums, pitch, ((f % pitch) + pitch) % pitch);
    if (v < best) {
      best = v;
      phase = ((f % pitch) + pitch) % pitch;
    }
    return v;
  };
  for (let i = 0; i < steps; i++) mean += tryPhase((i * pitch) / steps) / steps;
  for (const h of hints) tryPhase(h);
  // local refinement around the best phase
  for (let delta = pitch / steps / 2; delta >= 0.125; delta /= 2) {
    const c = phase;
    tryPhase(c - delta);
    tryPhase(c + delta);
  }
  return { phase, contrast: mean > 0 ? best / mean : 1, variance: best };
}

// ---------------------------------------------------------------- lines

/** Boundaries phase + k·pitch, each snapped to the strongest nearby edge peak if clearly there. */
function gridLines(profile: Float64Array, pitch: number, phase: number, snap: boolean): number[] {
  const n = profile.length;
  const mean = meanOf(profile);
  let first = phase - Math.floor(phase / pitch) * pitch;
  // keep a partial first cell only when at least half of it is visible
  if (first >= pitch / 2) first -= pitch;
  const lines: number[] = [];
  const reach = Math.max(1, Math.round(pitch * 0.2));
  for (let t = first; t <= n + pitch / 2; t += pitch) {
    let pos = Math.round(t);
    if (snap && pos > 0 && pos < n) {
      let bi = pos;
      let bv = profile[pos]!;
      for (let j = Math.max(1, pos - reach); j <= Math.min(n - 1, pos + reach); j++)
        if (profile[j]! > bv * 1.15 || (profile[j]! >= bv && Math.abs(j - t) < Math.abs(bi - t))) {
          bv = profile[j]!;
          bi = j;
        }
      // only a sharp peak is a boundary: a smoothed enlargement spreads each edge over the
      // whole cell, and its maximum there is noise
      const q = Math.max(1, Math.round(pitch / 3));
      const side =
        ((profile[Math.max(0, bi - q)] ?? 0) + (profile[Math.min(n - 1, bi + q)] ?? 0)) / 2;
      if (bv > mean * 2.5 && bv > side * 2) pos = bi;
    }
    lines.push(Math.max(0, Math.min(n, pos)));
  }
  // the last cell, too, must be at least half visible
  while (lines.length > 2 && n - lines[lines.length - 2]! < pitch / 2) lines.pop();
  lines[lines.length - 1] = Math.min(n, lines[lines.length - 1]!);
  lines[0] = Math.max(0, lines[0]!);
  // strictly increasing, no sliver cells
  const out = [lines[0]!];
  for (let i = 1; i < lines.length; i++)
    if (lines[i]! - out[out.length - 1]! >= Math.max(1, pitch * 0.5)) out.push(lines[i]!);
    else if (i === lines.length - 1) out[out.length - 1] = lines[i]!;
  return out;
}

// ---------------------------------------------------------------- per axis

interface AxisData {
  p: Float64Array;
  d: Float64Array;
  sums: LineSums;
  spectra: Spectrum[];
}

function axisData(img: RgbaImage, axis: "x" | "y", jpeg: boolean): AxisData {
  const p = edgeProfile(img, axis);
  const d = bendProfile(img, axis);
  if (jpeg) {
    deblock(p);
    deblock(d);
  }
  return { p, d, sums: new LineSums(img, axis), spectra: [spectrum(p), spectrum(d)] };
}

/** Candidate pitches, best first: spectral peaks of every axis and their multiples. */
function candidates(axes: AxisData[], pMin: number, pMax: number): number[] {
  const raw = axes.flatMap((a) => a.spectra.flatMap((s) => peaks(s, pMin, pMax, 6)));
  const scored: { p: number; s: number }[] = [];
  for (const r of raw)
    for (let m = 1; m <= 6 && r * m <= pMax; m++) {
      const q = r * m;
      if (q < pMin || scored.some((c) => Math.abs(c.p - q) / q < 0.01)) continue;
      let score = 0;
      for (const a of axes) score += harmonicScore(a.spectra, q, pMin);
      scored.push({ p: q, s: score });
    }
  return scored.sort((a, b) => b.s - a.s).map((c) => c.p);
}

/** Refine a candidate pitch on one axis and find its phase and lines. */
function fitPitch(a: AxisData, candidate: number): AxisFit {
  let pitch = refinePitch([a.p, a.d], candidate);
  // phase hints: boundaries where P's fundamental peaks, and half a cell from D's bends
  const toPos = (arg: number) => ((((-arg / (2 * Math.PI)) * pitch) % pitch) + pitch) % pitch;
  const hp = toPos(dftAt(a.p, meanOf(a.p), pitch).arg);
  const hd = toPos(dftAt(a.d, meanOf(a.d), pitch).arg);
  const hints = [hp, hd, (hd + pitch / 2) % pitch];
  let fit = fitPhase(a.sums, pitch, hints);
  // last, the image decides between pitches the spectrum cannot tell apart (±0.6 %): over 48
  // cells that is the difference between the last cell and a sliver
  const base = pitch;
  for (const k of [-3, -2, -1, 1, 2, 3]) {
    const alt = base * (1 + k * 0.002);
    const f = fitPhase(a.sums, alt, []);
    if (f.variance < fit.variance * 0.97) {
      fit = f;
      pitch = alt;
    }
  }
  return {
    pitch,
    phase: fit.phase,
    contrast: fit.contrast,
    variance: fit.variance,
    lines: gridLines(a.p, pitch, fit.phase, true),
  };
}

/**
 * Is `small` (the pitch of `big` divided by k) the better grid? Measured on the grid-recovery
 * corpus (the true pitch against its double, half, triple and third): a grid at a multiple of
 * the true pitch loses phase contrast against the true one, and a true grid keeps its contrast
 * and most of its in-cell variance against its half (under smoothing the halves' middles are a
 * shorter stretch of ramp, so the variance alone favours ever smaller cells). For halves, the
 * weighted sum below separated 215 of 216 pairs of the tuning corpus; for thirds, the contrast
 * alone separated all 161.
 */
function prefersSmaller(big: AxisFit, small: AxisFit, k: number): boolean {
  // strictly for thirds: an exact nearest-neighbour grid has zero contrast at every multiple
  const m = octaveMargin(big, small, k);
  return k === 3 ? m > 0 : m >= 0;
}
/** How far `small` is past the line of `prefersSmaller` (negative: `big` is preferred). */
function octaveMargin(big: AxisFit, small: AxisFit, k: number): number {
  const dc = big.contrast - small.contrast;
  if (k === 3) return dc;
  return 0.1 * Math.log((big.variance + 1) / (small.variance + 1)) + 0.5 * dc - 0.078;
}

/**
 * The spectrum's strongest peak is often a multiple of the pitch (a sprite's edges are sparse,
 * and JPEG adds combs of its own), sometimes a divisor: walk to the half, third or double while
 * the image prefers it.
 */
function settleOctave(
  a: AxisData,
  fit: AxisFit,
  pMin: number,
  pMax: number,
  jpeg: boolean,
): AxisFit {
  // JPEG's own 8×8 and 16×16 blocks are uniform-ish cells too: never walk onto them (art on a
  // true 8 or 16 px grid shows it as the spectrum's own peak)
  const codec = (p: number) => jpeg && [8, 16].some((b) => Math.abs(p - b) / b < 0.02);
  // the alternatives are exact fractions or multiples of a refined pitch: their phase is all
  // that needs fitting (fitFixed); only the one taken is refined (fitPitch)
  let cur = fit;
  for (let guard = 0; guard < 4; guard++) {
    let next: AxisFit | null = null;
    for (const k of [2, 3]) {
      if (cur.pitch / k < pMin || codec(cur.pitch / k)) continue;
      const f = fitFixed(a, cur.pitch / k);
      if (
        f.contrast < CONFIRMED &&
        prefersSmaller(cur, f, k) &&
        (!next || f.contrast < next.contrast)
      )
        next = f;
    }
    if (!next && cur.pitch * 2 <= pMax && !codec(cur.pitch * 2)) {
      const f = fitFixed(a, cur.pitch * 2);
      if (f.contrast < CONFIRMED && !prefersSmaller(f, cur, 2)) next = f;
    }
    if (!next) return cur;
    cur = fitPitch(a, next.pitch);
  }
  return cur;
}
const CONFIRMED = 0.85;

/** Phase and lines of one axis at a pitch that is already decided (no refinement). */
function fitFixed(a: AxisData, pitch: number): AxisFit {
  const toPos = (arg: number) => ((((-arg / (2 * Math.PI)) * pitch) % pitch) + pitch) % pitch;
  const hp = toPos(dftAt(a.p, meanOf(a.p), pitch).arg);
  const hd = toPos(dftAt(a.d, meanOf(a.d), pitch).arg);
  const fit = fitPhase(a.sums, pitch, [hp, hd, (hd + pitch / 2) % pitch]);
  return {
    pitch,
    phase: fit.phase,
    contrast: fit.contrast,
    variance: fit.variance,
    lines: gridLines(a.p, pitch, fit.phase, true),
  };
}

/**
 * An integer upscale smoothed or JPEG'd is measured a few hundredths off (15.03 for 15): the
 * spectrum's peak is ~pitch²/size wide. When the nearest integer pitch keeps the profiles' first
 * harmonics within 1 % of the measured pitch's, it is the answer, so an exact 15 px grid is
 * reported as 15. (Over the knight's 32 cells an exact ×15 keeps ≥ 99.4 % under every kernel,
 * with or without JPEG; ×15.1 and ×14.9 drop to ≤ 98.7 %, ×20.15 and ×12.1 to ≤ 93 %.)
 */
function integerPitch(a: AxisData, fit: AxisFit): AxisFit {
  const k = Math.round(fit.pitch);
  if (k < 2 || k === fit.pitch || Math.abs(fit.pitch - k) / k > INTEGER_PITCH_TOLERANCE) return fit;
  const profiles = [a.p, a.d];
  const means = profiles.map(meanOf);
  const ratio = harmonicSum(profiles, means, k) / harmonicSum(profiles, means, fit.pitch);
  return ratio >= INTEGER_PITCH_SCORE ? fitFixed(a, k) : fit;
}
const INTEGER_PITCH_TOLERANCE = 0.01;
const INTEGER_PITCH_SCORE = 0.99;

// ---------------------------------------------------------------- entry points

function countColours(img: RgbaImage, limit: number): number {
  const px = new Uint32Array(img.data.buffer, img.data.byteOffset, img.width * img.height);
  const seen = new Set<number>();
  for (let i = 0; i < px.length; i++) {
    seen.add(px[i]!);
    if (seen.size > limit) break;
  }
  return seen.size;
}

/** One-pixel runs (outlines, dithering) are what 1× pixel art has and any enlargement lacks. */
function hasSinglePixels(img: RgbaImage): boolean {
  const { width: w, height: h } = img;
  const px = new Uint32Array(img.data.buffer, img.data.byteOffset, w * h);
  let singles = 0;
  for (let y = 0; y < h; y++)
    for (let x = 1; x < w - 1; x++) {
      const i = y * w + x;
      if (px[i] !== px[i - 1] && px[i] !== px[i + 1]) singles++;
    }
  return singles >= Math.max(4, w * h * 0.002);
}

const evenLines = (n: number, cell: number) =>
  Array.from({ length: Math.round(n / cell) + 1 }, (_, i) => Math.min(n, Math.round(i * cell)));

/**
 * Find the logical pixel grid of an image. Returns null when nothing grid-like is there (a
 * photo, a painting): the caller then resamples to the requested size and says so.
 */
export function recoverGrid(img: RgbaImage, o: { jpeg?: boolean } = {}): GridRecovery | null {
  const { width: w, height: h } = img;
  const exact = detectExactCell(img);
  if (
    exact > 1 ||
    (Math.max(w, h) <= 256 && countColours(img, 256) <= 256 && hasSinglePixels(img))
  ) {
    // lossless pixel art: an exact integer upscale, or already one pixel per cell
    return {
      method: exact > 1 ? "exact" : "native",
      cellWidth: exact,
      cellHeight: exact,
      xLines: evenLines(w, exact),
      yLines: evenLines(h, exact),
      logicalWidth: w / exact,
      logicalHeight: h / exact,
      confidence: 1,
    };
  }
  // JPEG's own small periods (chroma subsampling: 2; block harmonics 16/k) crowd out tiny
  // cells, and lossy art with cells under 5 px is not recoverable anyway
  const pMin = o.jpeg ? 5 : 2;
  const pMax = Math.max(pMin + 1, Math.min(w, h) / 12);
  if (Math.min(w, h) < 16) return null;
  const jpeg = !!o.jpeg;
  const ax = axisData(img, "x", jpeg);
  const ay = axisData(img, "y", jpeg);
  const own = (a: AxisData) => {
    let best: AxisFit | null = null;
    for (const c of candidates([a], pMin, pMax).slice(0, 3)) {
      const f = fitPitch(a, c);
      // the best harmonic score that the image confirms
      if (f.contrast < 0.85) {
        best = f;
        break;
      }
      if (!best || f.contrast < best.contrast) best = f;
    }
    return best && settleOctave(a, best, pMin, pMax, jpeg);
  };
  // deblocking can also thin out a real grid's spectrum: without a confirmed grid, look again
  // at the raw profiles (the phase contrast still tells cells from JPEG blocks)
  const ownOrRaw = (a: AxisData, axis: "x" | "y") => {
    const f = own(a);
    if (!jpeg || (f && f.contrast < 0.85)) return f;
    const r = own(axisData(img, axis, false));
    return r && (!f || r.contrast < f.contrast) ? r : f;
  };
  let fx = ownOrRaw(ax, "x");
  let fy = ownOrRaw(ay, "y");
  if (!fx && !fy) return null;
  // cells are nearly always square: when one axis is clearly better (or the only one with a
  // candidate), try its pitch on the other
  if (!fx || !fy) {
    if (fx) fy = fitPitch(ay, fx.pitch);
    else if (fy) fx = fitPitch(ax, fy.pitch);
  } else if (Math.abs(fx.pitch - fy.pitch) / Math.min(fx.pitch, fy.pitch) >= 0.03) {
    // cells are square, so one axis is wrong (a 31.5 × 5.4 px answer is never right): each axis
    // is re-fitted at the other's pitch and one square pair is kept
    const xs: [AxisFit, AxisFit] = [fx, fitPitch(ay, fx.pitch)];
    const ys: [AxisFit, AxisFit] = [fitPitch(ax, fy.pitch), fy];
    const worst = (p: [AxisFit, AxisFit]) => Math.max(p[0].contrast, p[1].contrast);
    const [big, small] = fx.pitch > fy.pitch ? [xs, ys] : [ys, xs];
    const ratio = big[0].pitch / small[0].pitch;
    const k = [2, 3].find((o) => Math.abs(ratio / o - 1) < 0.04);
    if (k) {
      // an octave apart: the walk's own rule, summed over both axes (each axis alone already
      // disagreed with the other)
      const margin = (i: 0 | 1) => octaveMargin(big[i], small[i], k);
      [fx, fy] = margin(0) + margin(1) > 0 ? small : big;
    } else [fx, fy] = worst(xs) <= worst(ys) ? xs : ys;
  }
  if (!fx || !fy) return null;
  // nearly equal pitches are one square cell measured twice: the two estimates differ by a
  // fraction of a percent, which over 48 cells decides between the last cell and a sliver, so
  // both axes take the pitch that fits both best unless that costs clearly more contrast
  if (
    fx.pitch !== fy.pitch &&
    Math.abs(fx.pitch - fy.pitch) / Math.min(fx.pitch, fy.pitch) < 0.03
  ) {
    const before = Math.max(fx.contrast, fy.contrast);
    let best: [AxisFit, AxisFit] | null = null;
    let bestContrast = Number.POSITIVE_INFINITY;
    for (const p of [fx.pitch, fy.pitch]) {
      const cx = fitFixed(ax, p);
      const cy = fitFixed(ay, p);
      const c = Math.max(cx.contrast, cy.contrast);
      if (c < bestContrast) {
        bestContrast = c;
        best = [cx, cy];
      }
    }
    if (best && bestContrast <= before * 1.05) [fx, fy] = best;
  }
  fx = integerPitch(ax, fx);
  fy = integerPitch(ay, fy);
  const contrast = Math.max(fx.contrast, fy.contrast);
  // a real grid removes most in-cell variance at the right phase; photos and paintings do not
  if (contrast > 0.8) return null;
  // JPEG's own 8×8 blocks are a grid too: a weakly confirmed 8 px pitch on both axes of a JPEG
  // is the codec's, not the art's (an exact 8× upscale of real art confirms far more strongly)
  const isBlock = (p: number) => Math.abs(p - 8) / 8 < 0.015;
  if (jpeg && isBlock(fx.pitch) && isBlock(fy.pitch) && contrast > 0.6) return null;
  return {
    method: "detected",
    cellWidth: fx.pitch,
    cellHeight: fy.pitch,
    xLines: fx.lines,
    yLines: fy.lines,
    logicalWidth: fx.lines.length - 1,
    logicalHeight: fy.lines.length - 1,
    confidence: Math.max(0, Math.min(1, (0.8 - contrast) / 0.6)),
  };
}
const REFINE_HARMONICS = 2;
