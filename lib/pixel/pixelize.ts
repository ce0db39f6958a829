// Image → pixel art: recover the logical grid (grid-detect.ts), take one robust colour per cell,
// turn a flat or near-flat backdrop into transparency, then reduce colours (quantize.ts).
// Public entry points are plain functions of buffers/pixels in and out, so a worker pool can
// run them.
import sharp from "sharp";
import { hexToRgb, rgbToHex, rgbToOklab } from "./color";
import { type GridRecovery, recoverGrid } from "./grid-detect";
import { decodeFrames } from "./image-input";
import type { PaletteName } from "./palettes";
import { isPaletteName, PALETTES } from "./palettes";
import { applyPalette, buildPalette, type DitherMode } from "./quantize";
import { decodeImage, encodeGridPng, flattenOnWhite } from "./raster";
import { type Background, createImage, type Rgb, type RgbaImage } from "./types";

export interface PixelizeOptions {
  /** how the result is written: transparent, or flattened on white */
  background: Background;
  scale: number;
  /** logical long edge (16–256); auto-detect the grid when absent */
  targetSize?: number;
  /** 2–64, default auto (≤32) */
  colors?: number;
  /** fixed palette name or a locked palette (e.g. frame 1's palette for later frames) */
  palette?: PaletteName | string[];
  dither?: DitherMode;
  /** 0–1, default 1 */
  ditherStrength?: number;
  /** turn the backdrop into transparency (default true) */
  removeBackdrop?: boolean;
  /** draw a 1-cell dark outline around the opaque shape */
  outline?: boolean;
}

/** What the recovery found, as recorded on the task and shown in the studio. */
export interface PixelizeReport {
  method: GridRecovery["method"];
  cellWidth: number;
  cellHeight: number;
  logicalWidth: number;
  logicalHeight: number;
  /** boundaries in source pixels (absent when resampled) */
  xLines?: number[];
  yLines?: number[];
  confidence: number;
  sourceWidth: number;
  sourceHeight: number;
  /** the backdrop colour made transparent, if any */
  backdrop?: string;
  note: string;
}

// ---------------------------------------------------------------- cell sampling

/**
 * One colour per cell from its interior (the border is where resampling blur, anti-aliasing
 * and JPEG ringing live): the most common 4-bit colour bin, then the mean of every interior
 * pixel close to that bin's mean, so noise averages out but a neighbour's bleed does not.
 */
export function sampleCells(img: RgbaImage, xs: number[], ys: number[]): RgbaImage {
  const out = createImage(xs.length - 1, ys.length - 1);
  const bins = new Uint16Array(4096);
  const sums = new Uint32Array(4096 * 3);
  const touched = new Uint16Array(65536);
  const d = img.data;
  const W = img.width;
  const inner = (a: number, b: number): [number, number] => {
    const len = b - a;
    // the very centre of a smoothed cell is its true colour: stay well away from the edges
    const m =
      len >= 8 ? Math.round(len * 0.32) : len >= 5 ? Math.round(len * 0.2) : len >= 3 ? 1 : 0;
    return [a + m, b - m];
  };
  for (let cy = 0; cy < ys.length - 1; cy++) {
    const [y0, y1] = inner(ys[cy]!, ys[cy + 1]!);
    for (let cx = 0; cx < xs.length - 1; cx++) {
      const [x0, x1] = inner(xs[cx]!, xs[cx + 1]!);
      let nt = 0;
      let n = 0;
      let opaque = 0;
      let best = -1;
      for (let y = y0; y < y1; y++) {
        let i = (y * W + x0) * 4;
        for (let x = x0; x < x1; x++, i += 4) {
          n++;
          if (d[i + 3]! < 128) continue;
          opaque++;
          const r = d[i]!;
          const g = d[i + 1]!;
          const b = d[i + 2]!;
          const k = ((r >> 4) << 8) | ((g >> 4) << 4) | (b >> 4);
          if (bins[k] === 0) touched[nt++] = k;
          bins[k]!++;
          sums[k * 3]! += r;
          sums[k * 3 + 1]! += g;
          sums[k * 3 + 2]! += b;
          if (best < 0 || bins[k]! > bins[best]!) best = k;
        }
      }
      const o = (cy * out.width + cx) * 4;
      if (opaque * 2 > n && best >= 0) {
        const c = bins[best]!;
        const mr = sums[best * 3]! / c;
        const mg = sums[best * 3 + 1]! / c;
        const mb = sums[best * 3 + 2]! / c;
        let sr = 0;
        let sg = 0;
        let sb = 0;
        let m = 0;
        for (let y = y0; y < y1; y++) {
          let i = (y * W + x0) * 4;
          for (let x = x0; x < x1; x++, i += 4) {
            if (d[i + 3]! < 128) continue;
            if (Math.abs(d[i]! - mr) + Math.abs(d[i + 1]! - mg) + Math.abs(d[i + 2]! - mb) <= 36) {
              sr += d[i]!;
              sg += d[i + 1]!;
              sb += d[i + 2]!;
              m++;
            }
          }
        }
        out.data[o] = Math.round(sr / m);
        out.data[o + 1] = Math.round(sg / m);
        out.data[o + 2] = Math.round(sb / m);
        out.data[o + 3] = 255;
      }
      for (let t = 0; t < nt; t++) {
        const k = touched[t]!;
        bins[k] = 0;
        sums[k * 3] = sums[k * 3 + 1] = sums[k * 3 + 2] = 0;
      }
    }
  }
  return out;
}

const evenSplit = (n: number, cells: number) =>
  Array.from({ length: cells + 1 }, (_, i) => Math.round((i * n) / cells));

// ---------------------------------------------------------------- backdrop

const lab = (c: Rgb) => rgbToOklab(c[0], c[1], c[2]);
const dist = (a: number[], b: number[]) => Math.hypot(a[0]! - b[0]!, a[1]! - b[1]!, a[2]! - b[2]!);

const LIN = new Float64Array(256).map((_, i) => {
  const v = i / 255;
  return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
});

/** Is `c` the backdrop `bg` under a shadow (the same colour, only darker)? */
function isShadowOf(c: Rgb, bg: Rgb): boolean {
  const bl = bg.map((v) => LIN[v]!);
  const cl = c.map((v) => LIN[v]!);
  const bb = bl[0]! + bl[1]! + bl[2]!;
  if (bb < 0.02) return false;
  const k = (cl[0]! + cl[1]! + cl[2]!) / bb;
  if (k < 0.25 || k > 1.02) return false;
  const err = Math.hypot(cl[0]! - k * bl[0]!, cl[1]! - k * bl[1]!, cl[2]! - k * bl[2]!);
  return err < 0.03 + 0.03 * k;
}

/**
 * Backdrop → transparency on the logical grid. The backdrop is the dominant colour of the
 * border cells; a fill grows from the border through cells that step only a little from their
 * neighbour and stay near the backdrop (a gradient) or are the backdrop in shadow (a soft drop
 * shadow). Enclosed areas of the backdrop colour (eye whites) are not reached. One more ring of
 * near-backdrop cells next to the removed area is the anti-aliasing halo and goes too.
 */
export function removeBackdrop(
  img: RgbaImage,
  o: { halo?: boolean; lossless?: boolean } = {},
): Rgb | null {
  // lossless art keys out its backdrop colour exactly; a degraded image needs tolerance
  const tol = o.lossless ? 0.004 : 1;
  const { width: w, height: h, data: d } = img;
  const at = (i: number): Rgb => [d[i * 4]!, d[i * 4 + 1]!, d[i * 4 + 2]!];
  const border: number[] = [];
  for (let x = 0; x < w; x++) border.push(x, (h - 1) * w + x);
  for (let y = 1; y < h - 1; y++) border.push(y * w, y * w + w - 1);
  const opaque = border.filter((i) => d[i * 4 + 3]! >= 128);
  // already transparent around the sprite: nothing to key out
  if (opaque.length < border.length * 0.5) return null;
  const labs = new Map<number, number[]>();
  const labOf = (i: number) => {
    let v = labs.get(i);
    if (!v) {
      v = lab(at(i));
      labs.set(i, v);
    }
    return v;
  };
  // the border colour with the most border cells within a small distance
  let bg = -1;
  let bgVotes = 0;
  const sample = opaque.filter((_, k) => k % Math.max(1, Math.floor(opaque.length / 64)) === 0);
  for (const i of sample) {
    let votes = 0;
    for (const j of opaque) if (dist(labOf(i), labOf(j)) < 0.05) votes++;
    if (votes > bgVotes) {
      bg = i;
      bgVotes = votes;
    }
  }
  if (bg < 0 || bgVotes < border.length * 0.3) return null;
  const bgRgb = at(bg);
  const bgLab = labOf(bg);
  const near = (i: number, t: number) =>
    dist(labOf(i), bgLab) < t * tol || (!o.lossless && isShadowOf(at(i), bgRgb));
  const removed = new Uint8Array(w * h);
  const stack: number[] = [];
  for (const i of opaque)
    if (!removed[i] && near(i, 0.07)) {
      removed[i] = 1;
      stack.push(i);
    }
  while (stack.length) {
    const i = stack.pop()!;
    const x = i % w;
    for (const j of [x > 0 ? i - 1 : -1, x < w - 1 ? i + 1 : -1, i - w, i + w]) {
      if (j < 0 || j >= w * h || removed[j] || d[j * 4 + 3]! < 128) continue;
      if (dist(labOf(j), labOf(i)) < 0.045 * tol && near(j, 0.12)) {
        removed[j] = 1;
        stack.push(j);
      }
    }
  }
  const halo: number[] = [];
  for (let i = 0; i < w * h; i++) {
    if (removed[i] || d[i * 4 + 3]! < 128) continue;
    const x = i % w;
    const touches =
      (x > 0 && removed[i - 1]) ||
      (x < w - 1 && removed[i + 1]) ||
      (i >= w && removed[i - w]) ||
      (i + w < w * h && removed[i + w]);
    if (!o.lossless && touches && dist(labOf(i), bgLab) < 0.08) halo.push(i);
  }
  for (const i of halo) removed[i] = 1;
  // holes: enclosed areas of exactly the backdrop (between legs, inside a handle) go too when
  // they are more than a detail's size; small ones (eye whites) stay
  const seen = new Uint8Array(w * h);
  for (let i = 0; i < w * h; i++) {
    if (removed[i] || seen[i] || d[i * 4 + 3]! < 128 || dist(labOf(i), bgLab) >= 0.05 * tol)
      continue;
    const comp = [i];
    seen[i] = 1;
    for (let k = 0; k < comp.length; k++) {
      const c = comp[k]!;
      const x = c % w;
      for (const j of [x > 0 ? c - 1 : -1, x < w - 1 ? c + 1 : -1, c - w, c + w]) {
        if (j < 0 || j >= w * h || seen[j] || removed[j] || d[j * 4 + 3]! < 128) continue;
        if (dist(labOf(j), bgLab) < 0.05 * tol) {
          seen[j] = 1;
          comp.push(j);
        }
      }
    }
    if (comp.length >= 4) for (const c of comp) removed[c] = 1;
  }
  for (let i = 0; i < w * h; i++) if (removed[i]) d.fill(0, i * 4, i * 4 + 4);
  return bgRgb;
}

/** A 1-cell outline in the darkest palette colour around every opaque shape. */
function addOutline(img: RgbaImage, palette: Rgb[]): void {
  const { width: w, height: h, data: d } = img;
  let dark = palette[0] ?? [0, 0, 0];
  let dl = Number.POSITIVE_INFINITY;
  for (const c of palette) {
    const L = lab(c)[0]!;
    if (L < dl) [dark, dl] = [c, L];
  }
  const add: number[] = [];
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const i = y * w + x;
      if (d[i * 4 + 3]! >= 128) continue;
      const on = (xx: number, yy: number) =>
        xx >= 0 && yy >= 0 && xx < w && yy < h && d[(yy * w + xx) * 4 + 3]! >= 128;
      if (on(x - 1, y) || on(x + 1, y) || on(x, y - 1) || on(x, y + 1)) add.push(i);
    }
  for (const i of add) d.set([dark[0], dark[1], dark[2], 255], i * 4);
}

export function paletteOf(img: RgbaImage): string[] {
  const s = new Set<string>();
  const d = img.data;
  for (let i = 0; i < d.length; i += 4)
    if (d[i + 3]! >= 128) s.add(rgbToHex([d[i]!, d[i + 1]!, d[i + 2]!]));
  return [...s];
}

function resolvePalette(grid: RgbaImage, o: Omit<PixelizeOptions, "scale">): Rgb[] {
  if (Array.isArray(o.palette) && o.palette.length) return o.palette.map(hexToRgb);
  if (isPaletteName(o.palette)) return PALETTES[o.palette].map(hexToRgb);
  const n = Math.max(2, Math.min(64, o.colors ?? 32));
  return buildPalette(grid, n, o.colors === undefined);
}

/** The logical grid of one image: the recovered grid's cells, or an even split to a target size. */
function gridOf(
  src: RgbaImage,
  o: Pick<PixelizeOptions, "targetSize"> & { jpeg?: boolean },
): { grid: RgbaImage; report: PixelizeReport; xs?: number[]; ys?: number[] } {
  const found = o.targetSize ? null : recoverGrid(src, { jpeg: o.jpeg });
  if (found) {
    const grid =
      found.method === "native"
        ? { ...src, data: new Uint8ClampedArray(src.data) }
        : sampleCells(src, found.xLines, found.yLines);
    return {
      grid,
      xs: found.method === "native" ? undefined : found.xLines,
      ys: found.method === "native" ? undefined : found.yLines,
      report: {
        ...found,
        sourceWidth: src.width,
        sourceHeight: src.height,
        note:
          found.method === "detected"
            ? `found a ${found.logicalWidth}×${found.logicalHeight} grid of ${found.cellWidth.toFixed(2)}×${found.cellHeight.toFixed(2)} px cells`
            : found.method === "exact"
              ? `exact ${found.cellWidth}× upscale of ${found.logicalWidth}×${found.logicalHeight} pixel art`
              : `already pixel art at ${found.logicalWidth}×${found.logicalHeight}`,
      },
    };
  }
  const target = Math.max(4, Math.min(256, o.targetSize ?? 64));
  const long = Math.max(src.width, src.height);
  const tw = Math.max(1, Math.min(src.width, Math.round((src.width * target) / long)));
  const th = Math.max(1, Math.min(src.height, Math.round((src.height * target) / long)));
  const xs = evenSplit(src.width, tw);
  const ys = evenSplit(src.height, th);
  return {
    grid: sampleCells(src, xs, ys),
    xs,
    ys,
    report: {
      method: "resampled",
      cellWidth: src.width / tw,
      cellHeight: src.height / th,
      logicalWidth: tw,
      logicalHeight: th,
      confidence: 0,
      sourceWidth: src.width,
      sourceHeight: src.height,
      note: o.targetSize
        ? `resampled to the requested ${tw}×${th}`
        : `no pixel grid found; resampled to ${tw}×${th}`,
    },
  };
}

/**
 * The frames of an animation as one sprite batch: the grid is recovered once (on the first
 * frame) and every frame is sampled on it, and one palette is built from all frames together,
 * so the frames line up cell for cell and share their colours exactly. Deterministic, so each
 * frame's task can compute the whole set and keep its own frame without waiting for the others.
 */
export function pixelizeFrames(
  frames: RgbaImage[],
  o: Omit<PixelizeOptions, "scale"> & { jpeg?: boolean },
): { grids: RgbaImage[]; report: PixelizeReport; palette: string[] } {
  if (!frames.length) throw new Error("pixelizeFrames: no frames");
  const first = gridOf(frames[0]!, o);
  const report = first.report;
  let grids = frames.map((f, i) =>
    i === 0
      ? first.grid
      : first.xs && first.ys
        ? sampleCells(f, first.xs, first.ys)
        : { ...f, data: new Uint8ClampedArray(f.data) },
  );
  if (o.removeBackdrop !== false) {
    const lossless = report.method === "exact" || report.method === "native";
    grids.forEach((g, i) => {
      const bg = removeBackdrop(g, { lossless });
      if (bg && i === 0) report.backdrop = rgbToHex(bg);
    });
  }
  // one palette over every frame: the frames stacked as one tall image
  const w = grids[0]!.width;
  const h = grids[0]!.height;
  const all = createImage(w, h * grids.length);
  grids.forEach((g, i) => {
    all.data.set(g.data, i * w * h * 4);
  });
  const pal = resolvePalette(all, o);
  grids = grids.map((g) => {
    let out = applyPalette(g, pal, o.dither ?? "none", o.ditherStrength ?? 1);
    if (o.outline) addOutline(out, pal);
    if (o.background === "white") out = flattenOnWhite(out);
    return out;
  });
  return { grids, report, palette: pal.map(rgbToHex) };
}

/** Recover the logical grid of decoded pixels and turn it into clean pixel art. */
export function pixelizeGrid(
  src: RgbaImage,
  o: Omit<PixelizeOptions, "scale"> & { jpeg?: boolean },
): { grid: RgbaImage; report: PixelizeReport } {
  let { grid, report } = gridOf(src, o);
  if (o.removeBackdrop !== false) {
    // lossless pixel art has no anti-aliasing halo, only colours chosen by hand
    const lossless = report.method === "exact" || report.method === "native";
    const bg = removeBackdrop(grid, { lossless });
    if (bg) report.backdrop = rgbToHex(bg);
  }
  const pal = resolvePalette(grid, o);
  grid = applyPalette(grid, pal, o.dither ?? "none", o.ditherStrength ?? 1);
  if (o.outline) addOutline(grid, pal);
  if (o.background === "white") grid = flattenOnWhite(grid);
  return { grid, report };
}

export interface PixelizeResult {
  png: Buffer;
  grid: RgbaImage;
  width: number;
  height: number;
  palette: string[];
  report: PixelizeReport;
  /** @deprecated use report.cellWidth */
  detectedCell?: number;
}

export async function pixelize(input: Buffer, o: PixelizeOptions): Promise<PixelizeResult> {
  const src = await decodeImage(input);
  const jpeg = (await sharp(input).metadata()).format === "jpeg";
  const { grid, report } = pixelizeGrid(src, { ...o, jpeg });
  const scale = Math.max(1, Math.floor(o.scale || 20));
  const png = await encodeGridPng(grid, scale, o.background);
  return {
    png,
    grid,
    width: grid.width * scale,
    height: grid.height * scale,
    palette: paletteOf(grid),
    report,
    detectedCell:
      report.method === "resampled"
        ? undefined
        : Math.round((report.cellWidth + report.cellHeight) / 2),
  };
}

/**
 * One frame of an animated upload, pixelized as part of the whole animation (pixelizeFrames):
 * the same grid and palette whichever frame is asked for. `durationMs` is the frame's delay.
 */
export async function pixelizeAnimationFrame(
  input: Buffer,
  o: PixelizeOptions & { frame: number },
): Promise<PixelizeResult & { frameCount: number; durationMs: number }> {
  const frames = await decodeFrames(input);
  const index = Math.max(0, Math.min(frames.length - 1, o.frame));
  const { grids, report } = pixelizeFrames(frames, o);
  const grid = grids[index]!;
  const scale = Math.max(1, Math.floor(o.scale || 20));
  return {
    png: await encodeGridPng(grid, scale, o.background),
    grid,
    width: grid.width * scale,
    height: grid.height * scale,
    palette: paletteOf(grid),
    report,
    frameCount: frames.length,
    durationMs: frames[index]!.durationMs,
  };
}
