// The sprite document the editor edits and /api/v1/documents stores. Plain data and typed arrays
// only (no node: modules, no DOM): the browser bundle, the server and the MCP tools share it.
// Documents are immutable values: every operation returns a new document that shares the cels it
// did not touch, so a history step can keep a reference to "the document before" for free.
import { InvalidInputError } from "@/lib/errors";
import { MAX_PALETTE_COLORS } from "@/lib/pixel/palette-formats";
import {
  DIRECTIONS8,
  DOCUMENT_MAX_FRAMES,
  DOCUMENT_MAX_LAYERS,
  DOCUMENT_MAX_SIDE,
  type DocumentColorMode,
  type Facing,
} from "@/lib/vocabulary";

export type { DocumentColorMode };
export { DOCUMENT_MAX_FRAMES, DOCUMENT_MAX_LAYERS, DOCUMENT_MAX_SIDE, MAX_PALETTE_COLORS };

export const DEFAULT_FRAME_DURATION_MS = 100;

export interface FrameInfo {
  durationMs: number;
}

export interface LayerInfo {
  name: string;
  visible: boolean;
  /** 0–1. */
  opacity: number;
  /** A locked layer ignores drawing (structure operations still apply). */
  locked: boolean;
}

export interface Tag {
  name: string;
  /** Inclusive frame range. */
  from: number;
  to: number;
  /** Facing the frames show (walk_down → "down"); not a playback direction. */
  direction?: Facing;
}

/**
 * Pixels of one cel: RGBA bytes (`width*height*4`) in "rgba" mode; in "indexed" mode one palette
 * index per pixel, -1 for transparent.
 */
export type CelPixels = Uint8ClampedArray | Int16Array;

export interface SpriteDocument {
  width: number;
  height: number;
  colorMode: DocumentColorMode;
  frames: FrameInfo[];
  /** Bottom to top. */
  layers: LayerInfo[];
  /** cels[layer][frame]. */
  cels: CelPixels[][];
  /** Lower-case "#rrggbb", the artist's order. */
  palette: string[];
  tags: Tag[];
  pivot: { x: number; y: number };
}

export interface CelRef {
  layer: number;
  frame: number;
}

/** A colour as one number: 0xRRGGBBAA (unsigned). Every alpha-0 colour reads as 0 (transparent). */
export type Rgba = number;
export const TRANSPARENT: Rgba = 0;

export function packRgba(r: number, g: number, b: number, a = 255): Rgba {
  if (a === 0) return 0;
  return ((r << 24) | (g << 16) | (b << 8) | a) >>> 0;
}

export function unpackRgba(c: Rgba): [number, number, number, number] {
  return [(c >>> 24) & 255, (c >>> 16) & 255, (c >>> 8) & 255, c & 255];
}

const HEX = /^#?([0-9a-f]{6})([0-9a-f]{2})?$/i;

export function isHexColor(s: string): boolean {
  return HEX.test(s);
}

/** "#rrggbb" or "#rrggbbaa" → Rgba. */
export function hexToRgba(hex: string): Rgba {
  const m = HEX.exec(hex.trim());
  if (!m) throw new InvalidInputError(`"${hex}" is not a colour (#rrggbb)`);
  const v = Number.parseInt(m[1]!, 16);
  const a = m[2] === undefined ? 255 : Number.parseInt(m[2], 16);
  return packRgba((v >> 16) & 255, (v >> 8) & 255, v & 255, a);
}

/** Rgba → "#rrggbb" (alpha dropped; palettes are opaque). */
export function rgbaToHex(c: Rgba): string {
  return `#${(c >>> 8).toString(16).padStart(6, "0")}`;
}

export function normalizeHex(hex: string): string {
  return rgbaToHex(hexToRgba(hex) | 255);
}

export function pixelCount(doc: Pick<SpriteDocument, "width" | "height">): number {
  return doc.width * doc.height;
}

export function emptyCel(doc: Pick<SpriteDocument, "width" | "height" | "colorMode">): CelPixels {
  const n = doc.width * doc.height;
  return doc.colorMode === "indexed" ? new Int16Array(n).fill(-1) : new Uint8ClampedArray(n * 4);
}

export interface NewDocumentOptions {
  width: number;
  height: number;
  frames?: number;
  layers?: number;
  durationMs?: number;
  colorMode?: DocumentColorMode;
  palette?: string[];
}

/** A blank document: transparent cels, one layer "Layer 1", pivot at the bottom centre. */
export function createDocument(opts: NewDocumentOptions): SpriteDocument {
  const colorMode = opts.colorMode ?? "rgba";
  checkSize(opts.width, opts.height);
  const frameCount = opts.frames ?? 1;
  const layerCount = opts.layers ?? 1;
  const base = { width: opts.width, height: opts.height, colorMode };
  const doc: SpriteDocument = {
    ...base,
    frames: Array.from({ length: frameCount }, () => ({
      durationMs: opts.durationMs ?? DEFAULT_FRAME_DURATION_MS,
    })),
    layers: Array.from({ length: layerCount }, (_, i) => newLayer(`Layer ${i + 1}`)),
    cels: Array.from({ length: layerCount }, () =>
      Array.from({ length: frameCount }, () => emptyCel(base)),
    ),
    palette: (opts.palette ?? []).map(normalizeHex),
    tags: [],
    pivot: { x: Math.floor(opts.width / 2), y: opts.height - 1 },
  };
  validateDocument(doc);
  return doc;
}

export function newLayer(name: string): LayerInfo {
  return { name, visible: true, opacity: 1, locked: false };
}

function checkSize(width: number, height: number) {
  for (const [k, v] of [
    ["width", width],
    ["height", height],
  ] as const) {
    if (!Number.isInteger(v) || v < 1 || v > DOCUMENT_MAX_SIDE) {
      throw new InvalidInputError(
        `${k} must be an integer from 1 to ${DOCUMENT_MAX_SIDE} (got ${v})`,
      );
    }
  }
}

/** Throws InvalidInputError naming the first broken rule (limits, cel sizes, ranges). */
export function validateDocument(
  doc: SpriteDocument,
  opts: { structureOnly?: boolean } = {},
): void {
  checkSize(doc.width, doc.height);
  const nf = doc.frames.length;
  const nl = doc.layers.length;
  if (nf < 1 || nf > DOCUMENT_MAX_FRAMES) {
    throw new InvalidInputError(`a document has 1 to ${DOCUMENT_MAX_FRAMES} frames (got ${nf})`);
  }
  if (nl < 1 || nl > DOCUMENT_MAX_LAYERS) {
    throw new InvalidInputError(`a document has 1 to ${DOCUMENT_MAX_LAYERS} layers (got ${nl})`);
  }
  if (doc.palette.length > MAX_PALETTE_COLORS) {
    throw new InvalidInputError(
      `a palette has at most ${MAX_PALETTE_COLORS} colours (got ${doc.palette.length})`,
    );
  }
  for (const c of doc.palette) {
    if (!isHexColor(c)) throw new InvalidInputError(`palette colour "${c}" is not #rrggbb`);
  }
  for (const [i, f] of doc.frames.entries()) {
    if (!Number.isInteger(f.durationMs) || f.durationMs < 1 || f.durationMs > 65535) {
      throw new InvalidInputError(`frame ${i}: duration must be 1–65535 ms`);
    }
  }
  for (const [i, l] of doc.layers.entries()) {
    if (!(l.opacity >= 0 && l.opacity <= 1)) {
      throw new InvalidInputError(`layer ${i}: opacity must be from 0 to 1`);
    }
  }
  if (!opts.structureOnly) validateCels(doc);
  for (const t of doc.tags) {
    if (!t.name) throw new InvalidInputError("a tag needs a name");
    if (
      !Number.isInteger(t.from) ||
      !Number.isInteger(t.to) ||
      t.from < 0 ||
      t.to < t.from ||
      t.to >= nf
    ) {
      throw new InvalidInputError(
        `tag "${t.name}": frames ${t.from}–${t.to} are not in 0–${nf - 1}`,
      );
    }
    if (t.direction !== undefined && !(DIRECTIONS8 as readonly string[]).includes(t.direction)) {
      throw new InvalidInputError(
        `tag "${t.name}": direction must be one of ${DIRECTIONS8.join(", ")}`,
      );
    }
  }
}

function validateCels(doc: SpriteDocument) {
  const nf = doc.frames.length;
  const nl = doc.layers.length;
  if (doc.cels.length !== nl) throw new InvalidInputError("one row of cels per layer");
  const n = doc.width * doc.height;
  for (let l = 0; l < nl; l++) {
    const row = doc.cels[l]!;
    if (row.length !== nf) throw new InvalidInputError(`layer ${l}: one cel per frame`);
    for (let f = 0; f < nf; f++) {
      const cel = row[f]!;
      const ok =
        doc.colorMode === "indexed"
          ? cel instanceof Int16Array && cel.length === n
          : cel instanceof Uint8ClampedArray && cel.length === n * 4;
      if (!ok) {
        throw new InvalidInputError(
          `cel (frame ${f}, layer ${l}) is not ${doc.width}×${doc.height} ${doc.colorMode} pixels`,
        );
      }
      if (doc.colorMode === "indexed") {
        for (const v of cel as Int16Array) {
          if (v < -1 || v >= doc.palette.length) {
            throw new InvalidInputError(
              `cel (frame ${f}, layer ${l}) uses a colour outside the palette`,
            );
          }
        }
      }
    }
  }
}

/** The colour of a cel's pixel (index i = y*width+x), whatever the colour mode. */
export function readPixel(doc: SpriteDocument, cel: CelPixels, i: number): Rgba {
  if (doc.colorMode === "indexed") {
    const v = (cel as Int16Array)[i]!;
    return v < 0 ? 0 : hexToRgba(doc.palette[v] ?? "#000000");
  }
  const o = i * 4;
  return packRgba(cel[o]!, cel[o + 1]!, cel[o + 2]!, cel[o + 3]!);
}

/** Raw stored value of a pixel: packed RGBA in rgba mode, palette index (-1 clear) in indexed mode. */
export function readRaw(doc: SpriteDocument, cel: CelPixels, i: number): number {
  if (doc.colorMode === "indexed") return (cel as Int16Array)[i]!;
  const o = i * 4;
  return packRgba(cel[o]!, cel[o + 1]!, cel[o + 2]!, cel[o + 3]!);
}

export function writeRaw(doc: SpriteDocument, cel: CelPixels, i: number, v: number): void {
  if (doc.colorMode === "indexed") {
    (cel as Int16Array)[i] = v;
    return;
  }
  const o = i * 4;
  cel[o] = (v >>> 24) & 255;
  cel[o + 1] = (v >>> 16) & 255;
  cel[o + 2] = (v >>> 8) & 255;
  cel[o + 3] = v & 255;
}

/** A cel as RGBA bytes (a copy in indexed mode, the cel itself in rgba mode: do not mutate). */
export function celRgba(doc: SpriteDocument, layer: number, frame: number): Uint8ClampedArray {
  const cel = doc.cels[layer]![frame]!;
  if (doc.colorMode === "rgba") return cel as Uint8ClampedArray;
  const out = new Uint8ClampedArray(doc.width * doc.height * 4);
  const lut = doc.palette.map(hexToRgba);
  const idx = cel as Int16Array;
  for (let i = 0; i < idx.length; i++) {
    const v = idx[i]!;
    if (v < 0) continue;
    const c = lut[v] ?? 0;
    out[i * 4] = c >>> 24;
    out[i * 4 + 1] = (c >>> 16) & 255;
    out[i * 4 + 2] = (c >>> 8) & 255;
    out[i * 4 + 3] = 255;
  }
  return out;
}

export function cloneCel(cel: CelPixels): CelPixels {
  return cel.slice() as CelPixels;
}

/** A copy of the document's structure with cels shared (change `cels` rows before mutating). */
export function shallowCopy(doc: SpriteDocument): SpriteDocument {
  return {
    ...doc,
    frames: doc.frames.map((f) => ({ ...f })),
    layers: doc.layers.map((l) => ({ ...l })),
    cels: doc.cels.map((row) => row.slice()),
    palette: doc.palette.slice(),
    tags: doc.tags.map((t) => ({ ...t })),
    pivot: { ...doc.pivot },
  };
}

export function checkCelRef(doc: SpriteDocument, ref: CelRef): void {
  if (!Number.isInteger(ref.layer) || ref.layer < 0 || ref.layer >= doc.layers.length) {
    throw new InvalidInputError(`no layer ${ref.layer}`);
  }
  if (!Number.isInteger(ref.frame) || ref.frame < 0 || ref.frame >= doc.frames.length) {
    throw new InvalidInputError(`no frame ${ref.frame}`);
  }
}

export interface ImagesToDocument {
  width: number;
  height: number;
  /** One RGBA image (width*height*4) per frame: the document's single layer. */
  frames: Uint8ClampedArray[];
  durationsMs?: number[];
  tags?: Tag[];
  palette?: string[];
  layerName?: string;
}

/** A one-layer RGBA document from frame images (imports: a gallery image, a batch, a GIF). */
export function documentFromImages(input: ImagesToDocument): SpriteDocument {
  if (input.frames.length === 0) throw new InvalidInputError("nothing to open: no frames");
  const doc = createDocument({
    width: input.width,
    height: input.height,
    frames: input.frames.length,
  });
  const next: SpriteDocument = {
    ...doc,
    frames: input.frames.map((_, i) => ({
      durationMs: input.durationsMs?.[i] ?? DEFAULT_FRAME_DURATION_MS,
    })),
    layers: [newLayer(input.layerName ?? "Layer 1")],
    cels: [input.frames.map((f) => new Uint8ClampedArray(f))],
    palette: (input.palette ?? []).map(normalizeHex),
    tags: (input.tags ?? []).map((t) => ({ ...t })),
  };
  validateDocument(next);
  return next;
}
