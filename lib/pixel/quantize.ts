// Colour reduction at logical-grid size (a few thousand pixels), so a careful median-cut seeded
// k-means in OKLab costs ~1 ms and beats one-pass quantisers on the tiny palettes pixel art uses.

import { DITHER_MODES } from "@/lib/vocabulary";
import { rgbToOklab } from "./color";
import { PaletteMatcher } from "./palettes";
import type { Rgb, RgbaImage } from "./types";

interface Pt {
  lab: [number, number, number];
  rgb: Rgb;
  w: number;
}

function toPoints(colors: Rgb[], weights?: number[]): Pt[] {
  return colors.map((c, i) => ({
    lab: rgbToOklab(c[0], c[1], c[2]),
    rgb: c,
    w: weights?.[i] ?? 1,
  }));
}

function medianCut(pts: Pt[], n: number): Pt[][] {
  const boxes: Pt[][] = [pts];
  while (boxes.length < n) {
    let bi = -1;
    let bestScore = 0;
    let axis = 0;
    boxes.forEach((b, i) => {
      if (b.length < 2) return;
      let tw = 0;
      for (const p of b) tw += p.w;
      for (let a = 0; a < 3; a++) {
        let lo = Number.POSITIVE_INFINITY;
        let hi = Number.NEGATIVE_INFINITY;
        for (const p of b) {
          lo = Math.min(lo, p.lab[a]!);
          hi = Math.max(hi, p.lab[a]!);
        }
        // range × sqrt(weight): big rare outliers (highlights, eyes) still get their own box
        const score = (hi - lo) * Math.sqrt(tw);
        if (score > bestScore) {
          bestScore = score;
          bi = i;
          axis = a;
        }
      }
    });
    if (bi < 0) break;
    const b = boxes[bi]!.slice().sort((p, q) => p.lab[axis]! - q.lab[axis]!);
    let tw = 0;
    for (const p of b) tw += p.w;
    let acc = 0;
    let cut = 1;
    for (let i = 0; i < b.length - 1; i++) {
      acc += b[i]!.w;
      if (acc >= tw / 2) {
        cut = i + 1;
        break;
      }
    }
    boxes.splice(bi, 1, b.slice(0, cut), b.slice(cut));
  }
  return boxes;
}

/** Weighted k-means in OKLab seeded by median cut; returns RGB cluster means. */
export function kmeansPalette(
  colors: Rgb[],
  n: number,
  weights?: number[],
  iterations = 10,
): Rgb[] {
  const pts = toPoints(colors, weights);
  if (pts.length <= n) return colors.slice();
  const boxes = medianCut(pts, n);
  const cent = boxes.map((b) => {
    const c = [0, 0, 0];
    let w = 0;
    for (const p of b) {
      for (let a = 0; a < 3; a++) c[a]! += p.lab[a]! * p.w;
      w += p.w;
    }
    return c.map((v) => v / w) as [number, number, number];
  });
  const assign = new Int32Array(pts.length);
  for (let it = 0; it < iterations; it++) {
    let moved = 0;
    pts.forEach((p, i) => {
      let best = 0;
      let bd = Number.POSITIVE_INFINITY;
      for (let j = 0; j < cent.length; j++) {
        const c = cent[j]!;
        const d = (c[0] - p.lab[0]) ** 2 + (c[1] - p.lab[1]) ** 2 + (c[2] - p.lab[2]) ** 2;
        if (d < bd) {
          bd = d;
          best = j;
        }
      }
      if (assign[i] !== best) moved++;
      assign[i] = best;
    });
    const sum = cent.map(() => [0, 0, 0, 0]);
    pts.forEach((p, i) => {
      const s = sum[assign[i]!]!;
      s[0]! += p.lab[0] * p.w;
      s[1]! += p.lab[1] * p.w;
      s[2]! += p.lab[2] * p.w;
      s[3]! += p.w;
    });
    sum.forEach((s, j) => {
      if (s[3]! > 0) cent[j] = [s[0]! / s[3]!, s[1]! / s[3]!, s[2]! / s[3]!];
    });
    if (it > 0 && moved === 0) break;
  }
  const out = cent.map(() => [0, 0, 0, 0]);
  pts.forEach((p, i) => {
    const s = out[assign[i]!]!;
    s[0]! += p.rgb[0] * p.w;
    s[1]! += p.rgb[1] * p.w;
    s[2]! += p.rgb[2] * p.w;
    s[3]! += p.w;
  });
  const res: Rgb[] = [];
  const seen = new Set<number>();
  for (const s of out) {
    if (!s[3]) continue;
    const c: Rgb = [
      Math.round(s[0]! / s[3]!),
      Math.round(s[1]! / s[3]!),
      Math.round(s[2]! / s[3]!),
    ];
    const key = (c[0] << 16) | (c[1] << 8) | c[2];
    if (!seen.has(key)) {
      seen.add(key);
      res.push(c);
    }
  }
  return res;
}

/** Opaque colour histogram of a grid. */
export function histogram(img: RgbaImage): { colors: Rgb[]; counts: number[] } {
  const m = new Map<number, number>();
  const d = img.data;
  for (let i = 0; i < d.length; i += 4) {
    if (d[i + 3]! < 128) continue;
    const k = (d[i]! << 16) | (d[i + 1]! << 8) | d[i + 2]!;
    m.set(k, (m.get(k) ?? 0) + 1);
  }
  const colors: Rgb[] = [];
  const counts: number[] = [];
  for (const [k, c] of m) {
    colors.push([(k >> 16) & 255, (k >> 8) & 255, k & 255]);
    counts.push(c);
  }
  return { colors, counts };
}

/**
 * Palette for an image: exact colours when they already fit, else k-means to n. With `auto`,
 * clusters closer than a just-noticeable OKLab distance are merged (JPEG noise, AA fringes).
 */
export function buildPalette(img: RgbaImage, n: number, auto: boolean): Rgb[] {
  const { colors, counts } = histogram(img);
  if (colors.length === 0) return [[0, 0, 0]];
  if (colors.length <= n && !auto) return colors;
  if (colors.length > n && colors.length <= 512) {
    // compression noise scatters each true colour into a small cloud: collapse clouds first,
    // otherwise k-means spends clusters on the noise of big areas and merges small details
    const merged = mergeClose(colors, colors, counts, 0.035);
    if (merged.length <= n) return auto ? mergeClose(merged, colors, counts, 0.045) : merged;
  }
  let pal = colors.length <= n ? colors : kmeansPalette(colors, n, counts);
  if (auto) pal = mergeClose(pal, colors, counts, 0.045);
  return pal;
}

function mergeClose(pal: Rgb[], colors: Rgb[], counts: number[], thr: number): Rgb[] {
  const labs = pal.map((c) => rgbToOklab(...c));
  const parent = pal.map((_, i) => i);
  const find = (i: number): number => {
    if (parent[i] === i) return i;
    const r = find(parent[i]!);
    parent[i] = r;
    return r;
  };
  for (let i = 0; i < pal.length; i++)
    for (let j = i + 1; j < pal.length; j++) {
      const a = labs[i]!;
      const b = labs[j]!;
      if (Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]) < thr) parent[find(j)] = find(i);
    }
  const groups = new Set(pal.map((_, i) => find(i)));
  if (groups.size === pal.length) return pal;
  // recompute merged means from the source colours
  const pm = new PaletteMatcher(pal);
  const acc = new Map<number, number[]>();
  colors.forEach((c, i) => {
    const g = find(pm.nearest(...c));
    const s = acc.get(g) ?? [0, 0, 0, 0];
    s[0]! += c[0] * counts[i]!;
    s[1]! += c[1] * counts[i]!;
    s[2]! += c[2] * counts[i]!;
    s[3]! += counts[i]!;
    acc.set(g, s);
  });
  return [...acc.values()].map(
    (s) => [Math.round(s[0]! / s[3]!), Math.round(s[1]! / s[3]!), Math.round(s[2]! / s[3]!)] as Rgb,
  );
}

// defined once in the vocabulary (the routes and MCP take it from there)
export { DITHER_MODES };
/** "ordered" is the older name of bayer4 */
export type DitherMode = (typeof DITHER_MODES)[number] | "ordered";

/** Bayer threshold matrix of size n (2, 4, 8), values 0…n²−1, built by the recursive rule. */
function bayer(n: number): number[] {
  let m = [0];
  let size = 1;
  while (size < n) {
    const next = new Array<number>(size * 2 * size * 2);
    for (let y = 0; y < size; y++)
      for (let x = 0; x < size; x++) {
        const v = 4 * m[y * size + x]!;
        next[y * 2 * size + x] = v;
        next[y * 2 * size + x + size] = v + 2;
        next[(y + size) * 2 * size + x] = v + 3;
        next[(y + size) * 2 * size + x + size] = v + 1;
      }
    m = next;
    size *= 2;
  }
  return m;
}

const BAYER: Record<number, number[]> = { 2: bayer(2), 4: bayer(4), 8: bayer(8) };

/**
 * Map a grid onto a palette, optionally dithered: Bayer (ordered, position-stable, so frames of
 * an animation do not flicker) or Floyd–Steinberg; `strength` 0–1 scales the threshold spread or
 * the diffused error.
 */
export function applyPalette(
  img: RgbaImage,
  palette: Rgb[],
  dither: DitherMode = "none",
  strength = 1,
): RgbaImage {
  const pm = new PaletteMatcher(palette);
  const { width: w, height: h } = img;
  const out = new Uint8ClampedArray(img.data.length);
  const src = img.data;
  const k = Math.max(0, Math.min(1, strength));
  const n = dither === "bayer2" ? 2 : dither === "bayer8" ? 8 : 4;
  const matrix = dither === "ordered" || dither.startsWith("bayer") ? BAYER[n]! : null;
  // spread ≈ typical distance between palette neighbours per channel
  const spread = (255 / Math.max(2, Math.cbrt(palette.length)) / 1.5) * k;
  const err = dither === "floyd-steinberg" && k > 0 ? new Float32Array(w * h * 3) : null;
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const i = y * w + x;
      if (src[i * 4 + 3]! < 128) continue;
      let r = src[i * 4]!;
      let g = src[i * 4 + 1]!;
      let b = src[i * 4 + 2]!;
      if (matrix) {
        const t = ((matrix[(y % n) * n + (x % n)]! + 0.5) / (n * n) - 0.5) * spread;
        r = clamp(r + t);
        g = clamp(g + t);
        b = clamp(b + t);
      } else if (err) {
        r = clamp(r + err[i * 3]!);
        g = clamp(g + err[i * 3 + 1]!);
        b = clamp(b + err[i * 3 + 2]!);
      }
      const c = pm.colors[pm.nearest(r, g, b)]!;
      out[i * 4] = c[0];
      out[i * 4 + 1] = c[1];
      out[i * 4 + 2] = c[2];
      out[i * 4 + 3] = 255;
      if (err) {
        const er = (r - c[0]) * k;
        const eg = (g - c[1]) * k;
        const eb = (b - c[2]) * k;
        const push = (xx: number, yy: number, f: number) => {
          // transparent cells neither take nor pass on error
          if (xx < 0 || xx >= w || yy >= h || src[(yy * w + xx) * 4 + 3]! < 128) return;
          const j = (yy * w + xx) * 3;
          err[j]! += er * f;
          err[j + 1]! += eg * f;
          err[j + 2]! += eb * f;
        };
        push(x + 1, y, 7 / 16);
        push(x - 1, y + 1, 3 / 16);
        push(x, y + 1, 5 / 16);
        push(x + 1, y + 1, 1 / 16);
      }
    }
  return { width: w, height: h, data: out };
}

function clamp(v: number): number {
  return v < 0 ? 0 : v > 255 ? 255 : Math.round(v);
}
