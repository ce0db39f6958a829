// Frame PNGs, sprite sheet + Aseprite-style atlas, animated GIF, streaming ZIP.
import { Readable } from "node:stream";
import yazl from "yazl";
import { writeGif } from "./gif-writer";
import { cloneImage, decodeLogical, encodeGridPng, flattenOnWhite } from "./raster";
import {
  type Background,
  createImage,
  MODE_FRAME_DURATIONS,
  type RgbaImage,
  type SpriteMode,
} from "./types";

export async function encodeFramePng(
  grid: RgbaImage,
  o: { scale: number; background: Background },
): Promise<Buffer> {
  return encodeGridPng(grid, o.scale, o.background);
}

export interface AsepriteFrame {
  frame: { x: number; y: number; w: number; h: number };
  rotated: boolean;
  trimmed: boolean;
  spriteSourceSize: { x: number; y: number; w: number; h: number };
  sourceSize: { w: number; h: number };
  duration: number;
}

export interface AsepriteAtlas {
  frames: Record<string, AsepriteFrame>;
  /** PixiJS reads this to build AnimatedSprites directly */
  animations: Record<string, string[]>;
  meta: {
    app: string;
    version: string;
    image: string;
    format: "RGBA8888";
    size: { w: number; h: number };
    scale: string;
    /** logical pixel → sheet pixel factor (our extension; Aseprite's `scale` stays "1") */
    pixelScale: number;
    frameTags: { name: string; from: number; to: number; direction: "forward" }[];
    layers: never[];
    slices: never[];
    /** our extension: borrowed art in these frames (set, icon, licence), for attribution */
    credits?: {
      set: string;
      set_name: string;
      icon: string;
      license: string;
      author: string;
      url: string;
    }[];
    /** our extension: what the offline engine drew, in words */
    interpretation?: string;
  };
}

export function frameDurations(mode: string, n: number, override?: number): number[] {
  const table = MODE_FRAME_DURATIONS[mode as SpriteMode] ?? [];
  return Array.from({ length: n }, (_, i) => override ?? table[i] ?? 150);
}

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

/** Frames in a row at logical size; encoded once at the common scale. */
export async function buildSheetFromGrids(
  grids: RgbaImage[],
  o: {
    scale: number;
    background: Background;
    mode: string;
    frameDurationMs?: number;
    imageName?: string;
  },
): Promise<{ png: Buffer; atlas: AsepriteAtlas }> {
  const w = grids[0]!.width;
  const h = grids[0]!.height;
  const sheet = createImage(w * grids.length, h);
  const dst = new Uint32Array(sheet.data.buffer);
  grids.forEach((g, n) => {
    if (g.width !== w || g.height !== h)
      throw new Error("sprite sheet frames must have equal size");
    const src = new Uint32Array(g.data.buffer, g.data.byteOffset, w * h);
    for (let y = 0; y < h; y++) dst.set(src.subarray(y * w, y * w + w), y * sheet.width + n * w);
  });
  const s = Math.max(1, Math.floor(o.scale));
  const png = await encodeGridPng(sheet, s, o.background);
  const durations = frameDurations(o.mode, grids.length, o.frameDurationMs);
  const frames: Record<string, AsepriteFrame> = {};
  const names: string[] = [];
  grids.forEach((_, i) => {
    const name = `${o.mode}_${i + 1}.png`;
    names.push(name);
    frames[name] = {
      frame: { x: i * w * s, y: 0, w: w * s, h: h * s },
      rotated: false,
      trimmed: false,
      spriteSourceSize: { x: 0, y: 0, w: w * s, h: h * s },
      sourceSize: { w: w * s, h: h * s },
      duration: durations[i]!,
    };
  });
  return {
    png,
    atlas: {
      frames,
      animations: { [o.mode]: names },
      meta: {
        app: "pixel-studio",
        version: "1.0",
        image: o.imageName ?? "sheet.png",
        format: "RGBA8888",
        size: { w: sheet.width * s, h: h * s },
        scale: "1",
        pixelScale: s,
        frameTags: [{ name: o.mode, from: 0, to: grids.length - 1, direction: "forward" }],
        layers: [],
        slices: [],
      },
    },
  };
}

async function decodeFrames(
  frames: Buffer[],
): Promise<{ grids: RgbaImage[]; cell: number; background: Background }> {
  const dec = await Promise.all(frames.map(decodeLogical));
  let cell = dec[0]!.cell;
  for (const d of dec) cell = gcd(cell, d.cell);
  // re-fold at the common cell so all frames share one logical size
  const grids =
    cell === dec[0]!.cell && dec.every((d) => d.cell === cell)
      ? dec.map((d) => d.grid)
      : await Promise.all(frames.map(async (f) => (await decodeLogical(f)).grid));
  const opaque = grids.every((g) => {
    for (let i = 3; i < g.data.length; i += 4) if (g.data[i]! < 255) return false;
    return true;
  });
  return { grids, cell, background: opaque ? "white" : "transparent" };
}

export async function buildSpriteSheet(
  frames: Buffer[],
  o: { mode: string; frameDurationMs?: number; imageName?: string },
): Promise<{ png: Buffer; atlas: AsepriteAtlas }> {
  if (!frames.length) throw new Error("no frames");
  const { grids, cell } = await decodeFrames(frames);
  return buildSheetFromGrids(grids, { ...o, scale: cell, background: "transparent" });
}

/**
 * GIF from logical grids: exact palette (index 0 = transparent) built from the frames, indices
 * upscaled by replication — no quantiser, so colours are exact and frames never flicker.
 */
export function encodeGifFromGrids(
  grids: RgbaImage[],
  o: {
    scale: number;
    background?: Background;
    durations?: number[];
    frameDurationMs?: number;
    loop?: boolean;
  },
): Buffer {
  const w = grids[0]!.width;
  const h = grids[0]!.height;
  const s = Math.max(1, Math.floor(o.scale));
  const fs = o.background === "white" ? grids.map((g) => flattenOnWhite(cloneImage(g))) : grids;
  const map = new Map<number, number>([[0, 0]]);
  const palette: number[][] = [[0, 0, 0]];
  const idx = fs.map((g) => {
    const px = new Uint32Array(g.data.buffer, g.data.byteOffset, w * h);
    const out = new Uint8Array(w * h);
    for (let i = 0; i < px.length; i++) {
      const v = px[i]!;
      if (v >>> 24 < 128) continue;
      const key = v & 0xffffff;
      let k = map.get(key | 0x1000000);
      if (k === undefined) {
        k = palette.length < 256 ? palette.length : nearestIn(palette, v);
        if (palette.length < 256) {
          palette.push([v & 255, (v >>> 8) & 255, (v >>> 16) & 255]);
        }
        map.set(key | 0x1000000, k);
      }
      out[i] = k;
    }
    return out;
  });
  const transparent = fs.some((g) => {
    for (let i = 3; i < g.data.length; i += 4) if (g.data[i]! < 128) return true;
    return false;
  });
  return writeGif(
    idx.map((ix, n) => ({ idx: ix, delayMs: o.durations?.[n] ?? o.frameDurationMs ?? 150 })),
    w,
    h,
    s,
    palette,
    { transparent, loop: o.loop !== false },
  );
}

function nearestIn(palette: number[][], v: number): number {
  const r = v & 255;
  const g = (v >>> 8) & 255;
  const b = (v >>> 16) & 255;
  let best = 1;
  let bd = Number.POSITIVE_INFINITY;
  for (let i = 1; i < palette.length; i++) {
    const p = palette[i]!;
    const d = (p[0]! - r) ** 2 + (p[1]! - g) ** 2 + (p[2]! - b) ** 2;
    if (d < bd) {
      bd = d;
      best = i;
    }
  }
  return best;
}

export async function encodeGif(
  frames: Buffer[],
  o: { frameDurationMs?: number; loop?: boolean } = {},
): Promise<Buffer> {
  if (!frames.length) throw new Error("no frames");
  const { grids, cell } = await decodeFrames(frames);
  return encodeGifFromGrids(grids, {
    scale: cell,
    frameDurationMs: o.frameDurationMs,
    loop: o.loop,
  });
}

/**
 * Streaming ZIP: entries are pumped one at a time, lazy entries are produced only when the
 * archive reaches them, so memory stays at one entry. PNG/GIF are stored (already deflated).
 */
export function zipStream(
  entries: { name: string; data: Buffer | (() => Promise<Buffer>) }[],
): Readable {
  const zip = new yazl.ZipFile();
  // fixed timestamp: identical inputs give byte-identical archives
  const mtime = new Date(1_700_000_000_000);
  for (const e of entries) {
    const compress = !/\.(png|gif|jpe?g|webp|zip)$/i.test(e.name);
    const data = e.data;
    if (Buffer.isBuffer(data)) zip.addBuffer(data, e.name, { compress, mtime });
    else
      zip.addReadStreamLazy(e.name, { compress, mtime }, (cb) => {
        data().then(
          (buf) => cb(null, Readable.from([buf])),
          (err) => cb(err, undefined as unknown as NodeJS.ReadableStream),
        );
      });
  }
  zip.end();
  // yazl's outputStream is a PassThrough; its typings only promise NodeJS.ReadableStream
  return zip.outputStream as Readable;
}
