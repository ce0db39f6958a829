import { hexToRgb, rgbToHex } from "./color";
import { cellStarts, detectGrid } from "./grid-detect";
import type { PaletteName } from "./palettes";
import { isPaletteName, PALETTES } from "./palettes";
import { applyPalette, buildPalette } from "./quantize";
import { decodeImage, encodeGridPng, flattenOnWhite } from "./raster";
import { type Background, createImage, type Rgb, type RgbaImage } from "./types";

export interface PixelizeOptions {
  background: Background;
  scale: number;
  /** logical long edge; auto-detect the grid when absent */
  targetSize?: number;
  /** 2–64, default auto (≤16) */
  colors?: number;
  /** fixed palette name or a locked palette (e.g. frame 1's palette for later frames) */
  palette?: PaletteName | string[];
  dither?: "none" | "ordered" | "floyd-steinberg";
}

const median = (a: Uint8Array, n: number) => {
  const s = a.subarray(0, n).sort();
  return s[n >> 1]!;
};

/** Detected grid: per-cell median of the cell interior (edges are where blur and JPEG ringing live). */
function sampleGrid(img: RgbaImage, xs: number[], ys: number[], cell: number): RgbaImage {
  const out = createImage(xs.length, ys.length);
  // JPEG chroma is subsampled 2× and rings ~2px past an edge: sample only the cell centre
  const margin = Math.min(Math.floor(cell * 0.34), Math.max(0, Math.ceil(cell / 2) - 2));
  const buf = [0, 1, 2, 3].map(() => new Uint8Array(cell * cell));
  const d = img.data;
  ys.forEach((sy, cy) => {
    const y0 = Math.max(0, sy + margin);
    const y1 = Math.min(img.height, sy + cell - margin);
    xs.forEach((sx, cx) => {
      const x0 = Math.max(0, sx + margin);
      const x1 = Math.min(img.width, sx + cell - margin);
      let n = 0;
      let opaque = 0;
      for (let y = y0; y < y1; y++)
        for (let x = x0; x < x1; x++) {
          const i = (y * img.width + x) * 4;
          if (d[i + 3]! >= 128) {
            buf[0]![opaque] = d[i]!;
            buf[1]![opaque] = d[i + 1]!;
            buf[2]![opaque] = d[i + 2]!;
            opaque++;
          }
          n++;
        }
      const o = (cy * out.width + cx) * 4;
      if (opaque * 2 > n && opaque > 0) {
        out.data[o] = median(buf[0]!, opaque);
        out.data[o + 1] = median(buf[1]!, opaque);
        out.data[o + 2] = median(buf[2]!, opaque);
        out.data[o + 3] = 255;
      }
    });
  });
  return out;
}

/** Free resize to a target size: dominant colour per block (mean of the most common 4-bit bin). */
function sampleBlocks(img: RgbaImage, tw: number, th: number): RgbaImage {
  const out = createImage(tw, th);
  const bins = new Uint16Array(4096);
  const sums = new Uint32Array(4096 * 3);
  const touched = new Uint16Array(65536);
  const d = img.data;
  for (let cy = 0; cy < th; cy++) {
    const y0 = Math.floor((cy * img.height) / th);
    const y1 = Math.max(y0 + 1, Math.floor(((cy + 1) * img.height) / th));
    for (let cx = 0; cx < tw; cx++) {
      const x0 = Math.floor((cx * img.width) / tw);
      const x1 = Math.max(x0 + 1, Math.floor(((cx + 1) * img.width) / tw));
      let nt = 0;
      let n = 0;
      let opaque = 0;
      let best = -1;
      for (let y = y0; y < y1; y++) {
        let i = (y * img.width + x0) * 4;
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
      const o = (cy * tw + cx) * 4;
      if (opaque * 2 > n && best >= 0) {
        const c = bins[best]!;
        out.data[o] = Math.round(sums[best * 3]! / c);
        out.data[o + 1] = Math.round(sums[best * 3 + 1]! / c);
        out.data[o + 2] = Math.round(sums[best * 3 + 2]! / c);
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

/**
 * Background to true transparency: flood-fill (4-connected) from the border over the dominant
 * border colour, so enclosed areas of the same colour (eye whites) survive.
 */
export function removeBackground(img: RgbaImage): RgbaImage {
  const { width: w, height: h } = img;
  const px = new Uint32Array(img.data.buffer, img.data.byteOffset, w * h);
  const counts = new Map<number, number>();
  let border = 0;
  const visitBorder = (f: (i: number) => void) => {
    for (let x = 0; x < w; x++) {
      f(x);
      f((h - 1) * w + x);
    }
    for (let y = 1; y < h - 1; y++) {
      f(y * w);
      f(y * w + w - 1);
    }
  };
  visitBorder((i) => {
    border++;
    counts.set(px[i]!, (counts.get(px[i]!) ?? 0) + 1);
  });
  let bg = 0;
  let bc = 0;
  for (const [c, n] of counts) if (n > bc) [bg, bc] = [c, n];
  if (bg >>> 24 === 0 || bc < border * 0.3) return img;
  const seen = new Uint8Array(w * h);
  const stack: number[] = [];
  visitBorder((i) => {
    if (px[i] === bg && !seen[i]) {
      seen[i] = 1;
      stack.push(i);
    }
  });
  while (stack.length) {
    const i = stack.pop()!;
    px[i] = 0;
    const x = i % w;
    for (const j of [x > 0 ? i - 1 : -1, x < w - 1 ? i + 1 : -1, i - w, i + w]) {
      if (j >= 0 && j < w * h && !seen[j] && px[j] === bg) {
        seen[j] = 1;
        stack.push(j);
      }
    }
  }
  return img;
}

export function paletteOf(img: RgbaImage): string[] {
  const s = new Set<string>();
  const d = img.data;
  for (let i = 0; i < d.length; i += 4)
    if (d[i + 3]! >= 128) s.add(rgbToHex([d[i]!, d[i + 1]!, d[i + 2]!]));
  return [...s];
}

export function pixelizeGrid(
  src: RgbaImage,
  o: Omit<PixelizeOptions, "scale">,
): { grid: RgbaImage; detectedCell?: number } {
  let grid: RgbaImage;
  let detectedCell: number | undefined;
  const det = o.targetSize ? null : detectGrid(src);
  if (det) {
    detectedCell = det.cell;
    grid = sampleGrid(
      src,
      cellStarts(src.width, det.cell, det.offsetX),
      cellStarts(src.height, det.cell, det.offsetY),
      det.cell,
    );
  } else {
    const target = Math.max(4, Math.min(512, o.targetSize ?? 64));
    const long = Math.max(src.width, src.height);
    const tw = Math.max(1, Math.round((src.width * target) / long));
    const th = Math.max(1, Math.round((src.height * target) / long));
    grid = tw >= src.width ? src : sampleBlocks(src, tw, th);
  }
  let pal: Rgb[];
  if (Array.isArray(o.palette)) pal = o.palette.map(hexToRgb);
  else if (isPaletteName(o.palette)) pal = PALETTES[o.palette].map(hexToRgb);
  else {
    const n = Math.max(2, Math.min(64, o.colors ?? 16));
    pal = buildPalette(grid, n, o.colors === undefined);
  }
  grid = applyPalette(grid, pal, o.dither ?? "none");
  grid = removeBackground(grid);
  if (o.background === "white") grid = flattenOnWhite(grid);
  return { grid, detectedCell };
}

export async function pixelize(
  input: Buffer,
  o: PixelizeOptions,
): Promise<{
  png: Buffer;
  grid: RgbaImage;
  width: number;
  height: number;
  palette: string[];
  detectedCell?: number;
}> {
  const src = await decodeImage(input);
  const { grid, detectedCell } = pixelizeGrid(src, o);
  const scale = Math.max(1, Math.floor(o.scale || 20));
  const png = await encodeGridPng(grid, scale, o.background);
  return {
    png,
    grid,
    width: grid.width * scale,
    height: grid.height * scale,
    palette: paletteOf(grid),
    detectedCell,
  };
}
