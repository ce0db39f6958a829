// Frame PNGs, sprite sheet + Aseprite-style atlas, animated GIF, streaming ZIP.
import { Readable } from "node:stream";
import yazl from "yazl";
import { type AnimationLayout, animationLayout } from "./animation-layout";
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

export interface AsepriteTag {
  name: string;
  from: number;
  to: number;
  direction: "forward";
}

/**
 * Aseprite's JSON (hash form). Frame keys are the frame numbers "0"…"n-1", as Aseprite writes
 * with the `{frame}` filename format: Phaser 3's `anims.createFromAseprite` looks every frame up
 * as `frames[i.toString()]` for i in a tag's from…to (AnimationManager.js, Phaser 3.90), and the
 * texture frames it then plays are those same keys.
 */
export interface AsepriteAtlas {
  frames: Record<string, AsepriteFrame>;
  /** PixiJS' Spritesheet reads this to build AnimatedSprites directly (one per tag) */
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
    frameTags: AsepriteTag[];
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

export interface SpriteSheet {
  png: Buffer;
  /** Aseprite JSON, frames keyed "0"…: Phaser load.aseprite / load.atlas, PixiJS Spritesheet */
  atlas: AsepriteAtlas;
  /** the same atlas with readable frame names (`walk_1`, `down_left`) for name-based lookups */
  namedAtlas: AsepriteAtlas;
  layout: AnimationLayout;
  /** one frame's size on the sheet, in sheet pixels */
  frameW: number;
  frameH: number;
  scale: number;
  mode: string;
  imageName: string;
}

/**
 * Frames at logical size on one sheet (a row, or walk4's 4×4 grid with rows = directions),
 * encoded once at `scale`. `indices` are the frames' 0-based batch positions (default 0…n-1),
 * which name the frames and tags.
 */
export async function buildSheetFromGrids(
  grids: RgbaImage[],
  o: {
    scale: number;
    background: Background;
    mode: string;
    indices?: number[];
    frameDurationMs?: number;
    imageName?: string;
    /** names, tags, durations and places of the frames when not the mode's (editor documents) */
    layout?: AnimationLayout;
  },
): Promise<SpriteSheet> {
  const w = grids[0]!.width;
  const h = grids[0]!.height;
  const layout =
    o.layout ?? animationLayout(o.mode, o.indices ?? grids.map((_, i) => i), o.frameDurationMs);
  const sheet = createImage(w * layout.columns, h * layout.rows);
  const dst = new Uint32Array(sheet.data.buffer);
  grids.forEach((g, n) => {
    if (g.width !== w || g.height !== h)
      throw new Error("sprite sheet frames must have equal size");
    const { col, row } = layout.frames[n]!;
    const src = new Uint32Array(g.data.buffer, g.data.byteOffset, w * h);
    for (let y = 0; y < h; y++)
      dst.set(src.subarray(y * w, y * w + w), (row * h + y) * sheet.width + col * w);
  });
  const s = Math.max(1, Math.floor(o.scale));
  const png = await encodeGridPng(sheet, s, o.background);
  const imageName = o.imageName ?? "sheet.png";
  const atlasWith = (key: (f: AnimationLayout["frames"][number], n: number) => string) => {
    const frames: Record<string, AsepriteFrame> = {};
    const keys = layout.frames.map((f, n) => {
      const k = key(f, n);
      frames[k] = {
        frame: { x: f.col * w * s, y: f.row * h * s, w: w * s, h: h * s },
        rotated: false,
        trimmed: false,
        spriteSourceSize: { x: 0, y: 0, w: w * s, h: h * s },
        sourceSize: { w: w * s, h: h * s },
        duration: f.durationMs,
      };
      return k;
    });
    const atlas: AsepriteAtlas = {
      frames,
      animations: Object.fromEntries(
        layout.tags.map((t) => [t.name, keys.slice(t.from, t.to + 1)]),
      ),
      meta: {
        app: "pixel-studio",
        version: "1.1",
        image: imageName,
        format: "RGBA8888",
        size: { w: sheet.width * s, h: sheet.height * s },
        scale: "1",
        pixelScale: s,
        frameTags: layout.tags.map((t) => ({
          name: t.name,
          from: t.from,
          to: t.to,
          direction: "forward",
        })),
        layers: [],
        slices: [],
      },
    };
    return atlas;
  };
  return {
    png,
    atlas: atlasWith((_, n) => String(n)),
    namedAtlas: atlasWith((f) => f.name),
    layout,
    frameW: w * s,
    frameH: h * s,
    scale: s,
    mode: o.mode,
    imageName,
  };
}

/** A Godot string literal (the text-resource grammar's "…" with backslash escapes). */
function godotString(v: string): string {
  return `"${v.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n")}"`;
}

function godotFloat(n: number): string {
  const r = Math.round(n * 1000) / 1000;
  return Number.isInteger(r) ? `${r}.0` : String(r);
}

/**
 * Godot 4 `SpriteFrames` resource (text `.tres`, format=3): the sheet as one Texture2D
 * ext_resource (a path relative to the .tres, which Godot accepts besides res://), one AtlasTexture sub_resource per frame (its `region` on the sheet), and one
 * animation per tag with its speed (fps), loop flag and per-frame relative durations.
 * Grammar per Godot's "TSCN file format" page: a `[gd_resource type=… load_steps=… format=3]`
 * descriptor, then `[ext_resource]`, then `[sub_resource]` sections (a referenced sub_resource
 * must come before its use), then `[resource]`; load_steps = resources + 1. A frame's
 * `duration` is relative: it lasts duration / speed seconds.
 */
export function godotSpriteFrames(sheet: SpriteSheet, texturePath = sheet.imageName) {
  const { layout } = sheet;
  const lines: string[] = [
    `[gd_resource type="SpriteFrames" load_steps=${layout.frames.length + 2} format=3]`,
    "",
    `[ext_resource type="Texture2D" path=${godotString(texturePath)} id="1_sheet"]`,
    "",
  ];
  layout.frames.forEach((f, n) => {
    lines.push(
      `[sub_resource type="AtlasTexture" id="AtlasTexture_${n}"]`,
      'atlas = ExtResource("1_sheet")',
      `region = Rect2(${f.col * sheet.frameW}, ${f.row * sheet.frameH}, ${sheet.frameW}, ${sheet.frameH})`,
      "",
    );
  });
  const anims = layout.tags.map((t) => {
    const frames = layout.frames.slice(t.from, t.to + 1);
    // speed = the tag's fastest frame rate; slower frames get a duration > 1
    const base = Math.min(...frames.map((f) => f.durationMs));
    const frameText = frames
      .map(
        (f, k) =>
          `{\n"duration": ${godotFloat(f.durationMs / base)},\n"texture": SubResource("AtlasTexture_${t.from + k}")\n}`,
      )
      .join(", ");
    return `{\n"frames": [${frameText}],\n"loop": ${t.loop},\n"name": &${godotString(t.name)},\n"speed": ${godotFloat(1000 / base)}\n}`;
  });
  lines.push("[resource]", `animations = [${anims.join(", ")}]`, "");
  return lines.join("\n");
}

/**
 * A plain slicing manifest for importers without an Aseprite reader (Unity's Sprite Editor
 * "slice by cell" or a script, Defold, GameMaker, custom code). `rect` is top-left origin (y
 * down, like the PNG); `unity_rect` is the same rectangle with Unity's bottom-left origin.
 */
export function sliceManifest(sheet: SpriteSheet) {
  const H = sheet.layout.rows * sheet.frameH;
  return {
    image: sheet.imageName,
    mode: sheet.mode,
    size: { w: sheet.layout.columns * sheet.frameW, h: H },
    pixel_scale: sheet.scale,
    cell: { w: sheet.frameW, h: sheet.frameH },
    columns: sheet.layout.columns,
    rows: sheet.layout.rows,
    pivot: { x: 0.5, y: 0 },
    frames: sheet.layout.frames.map((f, n) => {
      const x = f.col * sheet.frameW;
      const y = f.row * sheet.frameH;
      return {
        index: n,
        name: f.name,
        tag: f.tag,
        ...(f.facing ? { facing: f.facing } : {}),
        batch_index: f.index + 1,
        rect: { x, y, w: sheet.frameW, h: sheet.frameH },
        unity_rect: { x, y: H - y - sheet.frameH, w: sheet.frameW, h: sheet.frameH },
        duration_ms: f.durationMs,
      };
    }),
    animations: sheet.layout.tags.map((t) => ({
      name: t.name,
      from: t.from,
      to: t.to,
      loop: t.loop,
      frames: sheet.layout.frames.slice(t.from, t.to + 1).map((f) => f.name),
    })),
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
): Promise<SpriteSheet> {
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
  entries: { name: string; data: Buffer | (() => Promise<Buffer | Readable>) }[],
  o: { mtime?: Date } = {},
): Readable {
  const zip = new yazl.ZipFile();
  // entries carry the time the archive was made (what unzip and file managers show)
  const mtime = o.mtime ?? new Date();
  for (const e of entries) {
    const compress = !/\.(png|gif|jpe?g|webp|zip)$/i.test(e.name);
    const data = e.data;
    if (Buffer.isBuffer(data)) zip.addBuffer(data, e.name, { compress, mtime });
    else
      zip.addReadStreamLazy(e.name, { compress, mtime }, (cb) => {
        data().then(
          (body) => cb(null, Buffer.isBuffer(body) ? Readable.from([body]) : body),
          (err) => cb(err, undefined as unknown as NodeJS.ReadableStream),
        );
      });
  }
  zip.end();
  // yazl's outputStream is a PassThrough; its typings only promise NodeJS.ReadableStream
  return zip.outputStream as Readable;
}
