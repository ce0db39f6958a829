// Local (offline) image operations. Inputs are often our own ×scale PNGs, so every operation
// first folds the image back to its logical grid and works there.
import ImageTracer from "imagetracerjs";
import { rgbToHex } from "./color";
import { PaletteMatcher } from "./palettes";
import { applyPalette, buildPalette, histogram } from "./quantize";
import { decodeLogical, encodeGridPng, toSharp, upscaleNearest } from "./raster";
import { scale2x, scale3x, xbr2x } from "./scalers";
import { createImage, type Rgb, type RgbaImage } from "./types";

/** Largest display scale that keeps the long edge ≤ maxEdge (outputs stay reasonably sized). */
function displayScale(cell: number, logicalLong: number, maxEdge = 2048): number {
  return Math.max(1, Math.min(cell, Math.floor(maxEdge / logicalLong)));
}

async function encodeAny(img: RgbaImage, scale: number): Promise<Buffer> {
  // encodeGridPng falls back to RGBA when blending produced >256 colours
  return encodeGridPng(img, scale, "transparent");
}

/**
 * The logical grid of an input and its display scale. When the caller hands us the stored 1×
 * image together with the scale it was shown at (`sourceScale`), nothing is guessed; otherwise
 * the grid is recovered by detecting an exact integer upscale.
 */
async function logicalInput(png: Buffer, sourceScale?: number) {
  const { grid, cell } = await decodeLogical(png);
  return { grid, cell: sourceScale && cell === 1 ? Math.max(1, Math.floor(sourceScale)) : cell };
}

export async function upscaleImage(
  png: Buffer,
  o: { method: "nearest" | "scale2x" | "xbr"; factor: number; sourceScale?: number },
): Promise<{ png: Buffer; logicalPng: Buffer; width: number; height: number }> {
  const factor = Math.max(2, Math.min(4, Math.round(o.factor)));
  const { grid, cell } = await logicalInput(png, o.sourceScale);
  let out: RgbaImage;
  if (o.method === "nearest") out = upscaleNearest(grid, factor);
  else if (o.method === "scale2x")
    out = factor === 3 ? scale3x(grid) : factor === 4 ? scale2x(scale2x(grid)) : scale2x(grid);
  else if (factor === 2) out = xbr2x(grid);
  else if (factor === 4) out = xbr2x(xbr2x(grid));
  else {
    // 3×: xBR 4× then an area reduction to 3× (xBR output is smooth, so area is fine here)
    const four = xbr2x(xbr2x(grid));
    const { data, info } = await toSharp(four)
      .resize(grid.width * 3, grid.height * 3, { kernel: "cubic" })
      .raw()
      .toBuffer({ resolveWithObject: true });
    out = {
      width: info.width,
      height: info.height,
      data: new Uint8ClampedArray(Buffer.from(data).buffer),
    };
  }
  const s = displayScale(cell, Math.max(out.width, out.height), 4096);
  const [enc, logicalPng] = await Promise.all([encodeAny(out, s), encodeAny(out, 1)]);
  return { png: enc, logicalPng, width: out.width * s, height: out.height * s };
}

const BAYER4 = [0, 8, 2, 10, 12, 4, 14, 6, 3, 11, 1, 9, 15, 7, 13, 5];

/**
 * Seamless tile at logical resolution: the image offset by half (wrap) shows its own seams in the
 * middle; we keep the offset copy near the borders (so opposite edges are neighbours in the
 * source) and the original in the centre, crossing over with an ordered-dither mask instead of
 * alpha blending so no new colours are invented.
 */
export function seamlessGrid(g: RgbaImage, fit = 0.5): RgbaImage {
  const { width: w, height: h } = g;
  const src = new Uint32Array(g.data.buffer, g.data.byteOffset, w * h);
  const out = createImage(w, h);
  const dst = new Uint32Array(out.data.buffer);
  const band = Math.max(0.1, Math.min(0.9, fit));
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      // 0 at the border, 1 at the centre
      const ex = Math.min(x + 0.5, w - x - 0.5) / (w / 2);
      const ey = Math.min(y + 0.5, h - y - 0.5) / (h / 2);
      const e = Math.min(ex, ey);
      const t = Math.max(0, Math.min(1, e / band));
      const thr = (BAYER4[(y & 3) * 4 + (x & 3)]! + 0.5) / 16;
      const useOrig = t > thr && x > 0 && y > 0 && x < w - 1 && y < h - 1;
      dst[y * w + x] = useOrig
        ? src[y * w + x]!
        : src[((y + (h >> 1)) % h) * w + ((x + (w >> 1)) % w)]!;
    }
  return out;
}

export async function makeSeamless(
  png: Buffer,
  o: { fit?: number; sourceScale?: number } = {},
): Promise<{ png: Buffer; logicalPng: Buffer; gridPng: Buffer; width: number; height: number }> {
  const { grid, cell } = await logicalInput(png, o.sourceScale);
  const tile = seamlessGrid(grid, o.fit ?? 0.5);
  const s = displayScale(cell, Math.max(tile.width, tile.height));
  const big = createImage(tile.width * 3, tile.height * 3);
  const src = new Uint32Array(tile.data.buffer);
  const dst = new Uint32Array(big.data.buffer);
  for (let y = 0; y < big.height; y++)
    for (let x = 0; x < big.width; x++)
      dst[y * big.width + x] = src[(y % tile.height) * tile.width + (x % tile.width)]!;
  const gs = displayScale(cell, Math.max(big.width, big.height));
  const [a, b, logicalPng] = await Promise.all([
    encodeAny(tile, s),
    encodeAny(big, gs),
    encodeAny(tile, 1),
  ]);
  return { png: a, logicalPng, gridPng: b, width: tile.width * s, height: tile.height * s };
}

/**
 * Exact pixel-art vectorisation: quantise to ≤colorCount colours, then per colour merge
 * horizontal runs and stack identical runs into rectangles; one <path> per colour, so the SVG has
 * at most colorCount distinct fills.
 */
export async function vectorize(
  png: Buffer,
  o: { colorCount: number },
): Promise<{ svg: string; fills: string[] }> {
  const n = Math.max(2, Math.min(16, Math.round(o.colorCount)));
  let { grid, cell } = await decodeLogical(png);
  const long = Math.max(grid.width, grid.height);
  if (long > 256) {
    // smooth/large images: trace at ≤256 px so the path count stays sane
    const k = 256 / long;
    const { data, info } = await toSharp(grid)
      .resize(Math.max(1, Math.round(grid.width * k)), Math.max(1, Math.round(grid.height * k)), {
        kernel: "lanczos3",
      })
      .raw()
      .toBuffer({ resolveWithObject: true });
    grid = {
      width: info.width,
      height: info.height,
      data: new Uint8ClampedArray(Buffer.from(data).buffer),
    };
    cell = Math.max(1, Math.round(cell / k));
  }
  const hist = histogram(grid);
  // smooth sources (photos, AI renders): no pixel grid was detected and the image has far more
  // colours than a sprite would → trace smooth contours instead of pixel rectangles
  if (cell === 1 && hist.colors.length > 256) {
    const traced = traceSmooth(grid, n);
    if (traced) {
      const s = Math.max(1, Math.floor(1024 / Math.max(grid.width, grid.height)));
      return {
        svg: `<svg xmlns="http://www.w3.org/2000/svg" width="${grid.width * s}" height="${grid.height * s}" viewBox="0 0 ${grid.width} ${grid.height}">${traced.body}</svg>`,
        fills: traced.fills,
      };
    }
  }
  const pal: Rgb[] = hist.colors.length <= n ? hist.colors : buildPalette(grid, n, false);
  const q = applyPalette(grid, pal);
  const { width: w, height: h } = q;
  const pm = new PaletteMatcher(pal);
  const idx = new Int16Array(w * h).fill(-1);
  for (let i = 0; i < w * h; i++)
    if (q.data[i * 4 + 3]! >= 128)
      idx[i] = pm.nearest(q.data[i * 4]!, q.data[i * 4 + 1]!, q.data[i * 4 + 2]!);
  const paths: string[] = pal.map(() => "");
  // open runs keyed by "x0,x1,color" → rect start row
  let open = new Map<string, { y: number; c: number; x0: number; x1: number }>();
  const flush = (r: { y: number; c: number; x0: number; x1: number }, yEnd: number) => {
    paths[r.c] += `M${r.x0} ${r.y}h${r.x1 - r.x0}v${yEnd - r.y}h${r.x0 - r.x1}z`;
  };
  for (let y = 0; y <= h; y++) {
    const next = new Map<string, { y: number; c: number; x0: number; x1: number }>();
    if (y < h) {
      let x = 0;
      while (x < w) {
        const c = idx[y * w + x]!;
        let x1 = x + 1;
        while (x1 < w && idx[y * w + x1] === c) x1++;
        if (c >= 0) {
          const key = `${x},${x1},${c}`;
          const prev = open.get(key);
          next.set(key, prev ?? { y, c, x0: x, x1 });
          if (prev) open.delete(key);
        }
        x = x1;
      }
    }
    for (const r of open.values()) flush(r, y);
    open = next;
  }
  const fills: string[] = [];
  const body = pal
    .map((c, i) => {
      if (!paths[i]) return "";
      const hex = rgbToHex(c);
      fills.push(hex);
      return `<path fill="${hex}" d="${paths[i]}"/>`;
    })
    .join("");
  const s = Math.max(1, Math.min(cell, Math.floor(1024 / Math.max(w, h))));
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${w * s}" height="${h * s}" viewBox="0 0 ${w} ${h}" shape-rendering="crispEdges">${body}</svg>`;
  return { svg, fills };
}

/**
 * Contour tracing for smooth images with imagetracerjs (Unlicense). We quantise with our own
 * palette (≤ n colours, OKLab k-means) and hand it to the tracer, then re-check the output: every
 * fill is snapped to that palette, so the SVG never has more than n distinct fills. Returns null
 * if tracing fails so the caller can fall back to the exact rectangle tracer.
 */
export function traceSmooth(grid: RgbaImage, n: number): { body: string; fills: string[] } | null {
  const pal = buildPalette(grid, n, false);
  if (!pal.length) return null;
  let hasAlpha = false;
  for (let i = 3; i < grid.data.length; i += 4)
    if (grid.data[i]! < 128) {
      hasAlpha = true;
      break;
    }
  const tracerPal = pal.map(([r, g, b]) => ({ r, g, b, a: 255 }));
  if (hasAlpha) tracerPal.push({ r: 0, g: 0, b: 0, a: 0 });
  let raw: string;
  try {
    raw = ImageTracer.imagedataToSVG(
      { width: grid.width, height: grid.height, data: grid.data },
      {
        pal: tracerPal,
        numberofcolors: tracerPal.length,
        colorquantcycles: 1,
        ltres: 1,
        qtres: 1,
        pathomit: 4,
        roundcoords: 1,
        linefilter: true,
        strokewidth: 0,
        viewbox: true,
      },
    );
  } catch {
    return null;
  }
  const pm = new PaletteMatcher(pal);
  const byFill = new Map<string, string[]>();
  for (const m of raw.matchAll(/<path\b([^>]*)\/>/g)) {
    const attrs = m[1]!;
    const op = /opacity="([\d.]+)"/.exec(attrs);
    if (op && Number(op[1]) < 0.5) continue;
    const f = /fill="rgb\((\d+),(\d+),(\d+)\)"/.exec(attrs);
    const d = /\sd="([^"]*)"/.exec(attrs);
    if (!f || !d) continue;
    const hex = rgbToHex(pal[pm.nearest(Number(f[1]), Number(f[2]), Number(f[3]))]!);
    const list = byFill.get(hex) ?? [];
    list.push(d[1]!.trim());
    byFill.set(hex, list);
  }
  if (!byFill.size) return null;
  const fills = [...byFill.keys()];
  // keep the tracer's path order (layers stack as traced), fills snapped to the palette
  const body = raw
    .match(/<path\b[^>]*\/>/g)!
    .map((p) => {
      const op = /opacity="([\d.]+)"/.exec(p);
      if (op && Number(op[1]) < 0.5) return "";
      const f = /fill="rgb\((\d+),(\d+),(\d+)\)"/.exec(p);
      const d = /\sd="([^"]*)"/.exec(p);
      if (!f || !d) return "";
      const hex = rgbToHex(pal[pm.nearest(Number(f[1]), Number(f[2]), Number(f[3]))]!);
      return `<path fill="${hex}" d="${d[1]!.trim()}"/>`;
    })
    .join("");
  return { body, fills };
}
