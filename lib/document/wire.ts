// The document as JSON on the wire (/api/v1/documents, MCP): cels travel as PNG data URLs, RGBA
// at the document's size, so scripts can read and write them. PNG coding is passed in (sharp on
// the server, a canvas in the browser), which keeps this file browser-safe.
import { InvalidInputError } from "@/lib/errors";
import type { Facing } from "@/lib/vocabulary";
import {
  type CelPixels,
  celRgba,
  type DocumentColorMode,
  hexToRgba,
  newLayer,
  packRgba,
  type SpriteDocument,
  validateDocument,
} from "./model";

export interface DocumentContentJson {
  width: number;
  height: number;
  color_mode: DocumentColorMode;
  frames: { duration_ms: number }[];
  layers: { name: string; visible: boolean; opacity: number; locked?: boolean }[];
  cels: { frame: number; layer: number; png: string }[];
  palette: string[];
  tags: { name: string; from: number; to: number; direction?: Facing | null }[];
  pivot?: { x: number; y: number };
}

export interface PngCodec {
  /** RGBA bytes (width*height*4) → `data:image/png;base64,…` */
  encode(rgba: Uint8ClampedArray, width: number, height: number): Promise<string>;
  /** data URL → RGBA bytes and size; throws InvalidInputError for anything that is not a PNG. */
  decode(dataUrl: string): Promise<{ rgba: Uint8ClampedArray; width: number; height: number }>;
}

export async function documentToJson(
  doc: SpriteDocument,
  codec: PngCodec,
): Promise<DocumentContentJson> {
  // every cel coded at once: the codecs are asynchronous (sharp's thread pool, the browser's
  // image encoder), so a 16-frame document does not wait for 16 round trips one after another
  const jobs: Promise<DocumentContentJson["cels"][number]>[] = [];
  for (let frame = 0; frame < doc.frames.length; frame++) {
    for (let layer = 0; layer < doc.layers.length; layer++) {
      jobs.push(
        codec
          .encode(celRgba(doc, layer, frame), doc.width, doc.height)
          .then((png) => ({ frame, layer, png })),
      );
    }
  }
  const cels = await Promise.all(jobs);
  return {
    width: doc.width,
    height: doc.height,
    color_mode: doc.colorMode,
    frames: doc.frames.map((f) => ({ duration_ms: f.durationMs })),
    layers: doc.layers.map((l) => ({
      name: l.name,
      visible: l.visible,
      opacity: l.opacity,
      locked: l.locked,
    })),
    cels,
    palette: doc.palette.slice(),
    tags: doc.tags.map((t) => ({
      name: t.name,
      from: t.from,
      to: t.to,
      direction: t.direction ?? null,
    })),
    pivot: { ...doc.pivot },
  };
}

/**
 * A document from its JSON: every (frame, layer) pair needs exactly one cel of the document's
 * size (missing cels are transparent); in indexed mode every opaque pixel must be a palette colour.
 */
export async function documentFromJson(
  json: DocumentContentJson,
  codec: PngCodec,
): Promise<SpriteDocument> {
  const colorMode = json.color_mode ?? "rgba";
  const nf = json.frames.length;
  const nl = json.layers.length;
  const base = {
    width: json.width,
    height: json.height,
    colorMode,
    frames: json.frames.map((f) => ({ durationMs: f.duration_ms })),
    layers: json.layers.map((l) => ({
      ...newLayer(l.name),
      visible: l.visible,
      opacity: l.opacity,
      locked: l.locked ?? false,
    })),
    palette: json.palette.map((h) => h.toLowerCase()),
    tags: json.tags.map((t) => ({
      name: t.name,
      from: t.from,
      to: t.to,
      ...(t.direction ? { direction: t.direction } : {}),
    })),
    pivot: json.pivot ?? { x: Math.floor(json.width / 2), y: json.height - 1 },
  };
  // Limits first (frames, layers, size, palette) so a huge request fails before any decoding.
  validateDocument({ ...base, cels: [] }, { structureOnly: true });
  const n = json.width * json.height;
  const cels: (CelPixels | undefined)[][] = Array.from({ length: nl }, () =>
    Array(nf).fill(undefined),
  );
  const lut = new Map(base.palette.map((h, i) => [hexToRgba(h), i]));
  const seen = new Set<number>();
  for (const [k, cel] of json.cels.entries()) {
    const where = `cels[${k}] (frame ${cel.frame}, layer ${cel.layer})`;
    if (!(cel.frame >= 0 && cel.frame < nf && cel.layer >= 0 && cel.layer < nl)) {
      throw new InvalidInputError(`${where}: no such frame or layer`);
    }
    if (seen.has(cel.layer * nf + cel.frame))
      throw new InvalidInputError(`${where}: a second cel for the same frame and layer`);
    seen.add(cel.layer * nf + cel.frame);
  }
  // Decoded all at once (placement checked above, before any decoding): opening a 16-frame batch
  // waits for the slowest PNG rather than the sum of them. allSettled so that a failing cel does
  // not leave the others' rejections unhandled; the first failure in cel order is reported.
  const decoded = await Promise.allSettled(json.cels.map((cel) => codec.decode(cel.png)));
  for (const [k, cel] of json.cels.entries()) {
    const where = `cels[${k}] (frame ${cel.frame}, layer ${cel.layer})`;
    const settled = decoded[k]!;
    if (settled.status === "rejected") throw settled.reason;
    const img = settled.value;
    if (img.width !== json.width || img.height !== json.height) {
      throw new InvalidInputError(
        `${where}: the PNG is ${img.width}×${img.height}, the document ${json.width}×${json.height}`,
      );
    }
    if (colorMode === "rgba") {
      cels[cel.layer]![cel.frame] = img.rgba;
      continue;
    }
    const out = new Int16Array(n).fill(-1);
    for (let i = 0; i < n; i++) {
      const o = i * 4;
      const c = packRgba(img.rgba[o]!, img.rgba[o + 1]!, img.rgba[o + 2]!, img.rgba[o + 3]!);
      if (c === 0) continue;
      const idx = lut.get((c | 255) >>> 0);
      if (idx === undefined) {
        throw new InvalidInputError(
          `${where}: pixel (${i % json.width}, ${Math.floor(i / json.width)}) is not a palette colour (indexed document)`,
        );
      }
      out[i] = idx;
    }
    cels[cel.layer]![cel.frame] = out;
  }
  const doc: SpriteDocument = {
    ...base,
    cels: cels.map((row) =>
      row.map(
        (c) =>
          c ??
          (colorMode === "indexed" ? new Int16Array(n).fill(-1) : new Uint8ClampedArray(n * 4)),
      ),
    ),
  };
  validateDocument(doc);
  return doc;
}
