import sharp from "sharp";
import { encodeIndexedPngScaled } from "./png-indexed";
import type { Background, RgbaImage } from "./types";

export async function decodeImage(input: Buffer): Promise<RgbaImage> {
  const { data, info } = await sharp(input)
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  // typed-array views over this buffer need 4-byte alignment
  const bytes = data.byteOffset % 4 === 0 ? data : Buffer.from(data);
  return {
    width: info.width,
    height: info.height,
    data: new Uint8ClampedArray(bytes.buffer, bytes.byteOffset, bytes.length),
  };
}

/** Pixel art never has partial alpha: binarise and zero the RGB of transparent pixels. */
export function normaliseAlpha(img: RgbaImage): RgbaImage {
  const d = img.data;
  for (let i = 0; i < d.length; i += 4) {
    if (d[i + 3]! < 128) {
      d[i] = d[i + 1] = d[i + 2] = d[i + 3] = 0;
    } else d[i + 3] = 255;
  }
  return img;
}

export function flattenOnWhite(img: RgbaImage): RgbaImage {
  const d = img.data;
  for (let i = 0; i < d.length; i += 4) {
    const a = d[i + 3]! / 255;
    if (a < 1) {
      d[i] = Math.round(d[i]! * a + 255 * (1 - a));
      d[i + 1] = Math.round(d[i + 1]! * a + 255 * (1 - a));
      d[i + 2] = Math.round(d[i + 2]! * a + 255 * (1 - a));
      d[i + 3] = 255;
    }
  }
  return img;
}

export function cloneImage(img: RgbaImage): RgbaImage {
  return { width: img.width, height: img.height, data: new Uint8ClampedArray(img.data) };
}

/** Integer nearest-neighbour upscale by row replication (much faster than a resampler). */
export function upscaleNearest(img: RgbaImage, s: number): RgbaImage {
  if (s === 1) return cloneImage(img);
  const W = img.width * s;
  const out = new Uint32Array(W * img.height * s);
  const src = new Uint32Array(img.data.buffer, img.data.byteOffset, img.width * img.height);
  for (let y = 0; y < img.height; y++) {
    const row = y * s * W;
    for (let x = 0; x < img.width; x++)
      out.fill(src[y * img.width + x]!, row + x * s, row + x * s + s);
    for (let k = 1; k < s; k++) out.copyWithin(row + k * W, row, row + W);
  }
  return { width: W, height: img.height * s, data: new Uint8ClampedArray(out.buffer) };
}

/** Map every RGBA pixel to a palette index; null when there are more than 256 colours. */
export function indexImage(img: RgbaImage): { indices: Uint8Array; palette: number[] } | null {
  const px = new Uint32Array(img.data.buffer, img.data.byteOffset, img.width * img.height);
  const map = new Map<number, number>();
  const indices = new Uint8Array(px.length);
  const palette: number[] = [];
  for (let i = 0; i < px.length; i++) {
    let v = px[i]!;
    if (v >>> 24 === 0) v = 0; // all transparent pixels share one entry
    let k = map.get(v);
    if (k === undefined) {
      k = map.size;
      if (k >= 256) return null;
      map.set(v, k);
      palette.push(v & 255, (v >>> 8) & 255, (v >>> 16) & 255, v >>> 24);
    }
    indices[i] = k;
  }
  return { indices, palette };
}

/**
 * Encode a logical grid at `scale`. Indexed PNG (exact, smallest) when ≤256 colours, RGBA via
 * sharp otherwise. Upscaling happens on palette indices, 4× less memory than RGBA.
 */
export async function encodeGridPng(
  grid: RgbaImage,
  scale: number,
  background: Background,
): Promise<Buffer> {
  const g = background === "white" ? flattenOnWhite(cloneImage(grid)) : grid;
  const s = Math.max(1, Math.floor(scale));
  const idx = indexImage(g);
  if (idx) return encodeIndexedPngScaled(idx.indices, g.width, g.height, s, idx.palette);
  const up = upscaleNearest(g, s);
  return sharp(Buffer.from(up.data.buffer, up.data.byteOffset, up.data.length), {
    raw: { width: up.width, height: up.height, channels: 4 },
  })
    .png({ compressionLevel: 6 })
    .toBuffer();
}

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

/**
 * Cell size of an exactly nearest-upscaled image (our own ×scale outputs): gcd of every run
 * boundary position and of the dimensions. Returns 1 for ordinary images.
 */
export function detectExactCell(img: RgbaImage): number {
  const { width: w, height: h } = img;
  const px = new Uint32Array(img.data.buffer, img.data.byteOffset, w * h);
  let g = gcd(w, h);
  for (let y = 0; y < h && g > 1; y++) {
    const r = y * w;
    if (y > 0 && y % g !== 0) {
      for (let x = 0; x < w; x++)
        if (px[r + x] !== px[r - w + x]) {
          g = gcd(g, y);
          break;
        }
    }
    for (let x = 1; x < w && g > 1; x++)
      if (x % g !== 0 && px[r + x] !== px[r + x - 1]) g = gcd(g, x);
  }
  return g;
}

export function downsampleExact(img: RgbaImage, cell: number): RgbaImage {
  if (cell === 1) return cloneImage(img);
  const w = img.width / cell;
  const h = img.height / cell;
  const src = new Uint32Array(img.data.buffer, img.data.byteOffset, img.width * img.height);
  const out = new Uint32Array(w * h);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) out[y * w + x] = src[y * cell * img.width + x * cell]!;
  return { width: w, height: h, data: new Uint8ClampedArray(out.buffer) };
}

export function toSharp(img: RgbaImage) {
  return sharp(Buffer.from(img.data.buffer, img.data.byteOffset, img.data.length), {
    raw: { width: img.width, height: img.height, channels: 4 },
  });
}

/** Decode a PNG and fold it back to its logical grid when it is an exact integer upscale. */
export async function decodeLogical(png: Buffer): Promise<{ grid: RgbaImage; cell: number }> {
  const img = await decodeImage(png);
  const cell = detectExactCell(img);
  return { grid: downsampleExact(img, cell), cell };
}
