// What a new editor document starts from, always at 1× (the stored logical grid, never the ×20
// display image): a gallery image task, a whole batch (every frame, tagged by mode and facing),
// a tileset sheet, a blank canvas, or an upload (PNG, every frame of a GIF, or a sheet with its
// Aseprite JSON). Decoding happens here with sharp; the document model stays pure.
import sharp, { type Metadata } from "sharp";
import type { Batch, Task } from "@/lib/db/schema";
import { findAsset } from "@/lib/db/tasks";
import {
  createDocument,
  DOCUMENT_MAX_FRAMES,
  DOCUMENT_MAX_SIDE,
  documentFromImages,
  facingOfTagName,
  parseAsepriteJson,
  type SpriteDocument,
  type Tag,
} from "@/lib/document";
import { InvalidInputError } from "@/lib/errors";
import { animationLayout } from "@/lib/pixel/animation-layout";
import { decodeImage, decodeLogical, detectExactCell, downsampleExact } from "@/lib/pixel/raster";
import type { RgbaImage } from "@/lib/pixel/types";
import { getBlobStore } from "@/lib/storage/blob-store";
import { completedFrames } from "@/lib/tasks/batch-exports";

function checkSide(img: { width: number; height: number }, what: string) {
  if (img.width > DOCUMENT_MAX_SIDE || img.height > DOCUMENT_MAX_SIDE) {
    throw new InvalidInputError(
      `${what} is ${img.width}×${img.height} at 1×; the editor opens up to ${DOCUMENT_MAX_SIDE}×${DOCUMENT_MAX_SIDE}`,
    );
  }
}

/** A task's image at 1×: its stored logical grid, else its image folded back to the grid. */
export async function taskGrid(task: Task): Promise<RgbaImage> {
  if (task.status !== "completed") {
    throw new InvalidInputError(
      `task ${task.id} is ${task.status}; only a completed image opens in the editor`,
    );
  }
  const asset = (await findAsset(task.id, "logical")) ?? (await findAsset(task.id, "image"));
  if (!asset?.contentType.startsWith("image/") || asset.contentType === "image/svg+xml") {
    throw new InvalidInputError(`task ${task.id} has no raster image to edit`);
  }
  return (await decodeLogical(await getBlobStore().get(asset.storageKey))).grid;
}

export async function documentFromTask(task: Task): Promise<SpriteDocument> {
  const grid = await taskGrid(task);
  checkSide(grid, `task ${task.id}'s image`);
  return documentFromImages({ width: grid.width, height: grid.height, frames: [grid.data] });
}

/** Every completed frame of a batch on the timeline, with the mode's durations and tags. */
export async function documentFromBatch(batch: Batch): Promise<SpriteDocument> {
  const frames = await completedFrames(batch);
  if (frames.length === 0)
    throw new InvalidInputError(`batch ${batch.id} has no completed frame yet`);
  const grids = await Promise.all(frames.map((f) => f.loadGrid()));
  const { width, height } = grids[0]!;
  if (grids.some((g) => g.width !== width || g.height !== height)) {
    throw new InvalidInputError(`batch ${batch.id}'s frames differ in size; open them one by one`);
  }
  checkSide(grids[0]!, `batch ${batch.id}'s frames`);
  const layout = animationLayout(
    batch.mode,
    frames.map((f) => f.index),
  );
  const tags: Tag[] = layout.tags.map((t) => {
    const facing = layout.frames[t.from]?.facing;
    return { name: t.name, from: t.from, to: t.to, ...(facing ? { direction: facing } : {}) };
  });
  return documentFromImages({
    width,
    height,
    frames: grids.map((g) => g.data),
    durationsMs: layout.frames.map((f) => f.durationMs),
    tags,
    palette: batch.lockedPalette ?? undefined,
  });
}

/** A tileset's sheet (stored at 1×) as one frame. */
export async function documentFromTileset(task: Task): Promise<SpriteDocument> {
  return documentFromTask(task);
}

export function blankDocument(width: number, height: number, frames = 1): SpriteDocument {
  return createDocument({ width, height, frames });
}

/** Common exact cell of several frames (each an exact ×N upscale → N; anything else → 1). */
function foldFrames(images: RgbaImage[]): RgbaImage[] {
  let cell = 0;
  const gcd = (a: number, b: number): number => (b ? gcd(b, a % b) : a);
  for (const img of images) cell = gcd(cell, detectExactCell(img));
  return images.map((img) => downsampleExact(img, Math.max(1, cell)));
}

function crop(img: RgbaImage, r: { x: number; y: number; w: number; h: number }): RgbaImage {
  if (r.x + r.w > img.width || r.y + r.h > img.height) {
    throw new InvalidInputError(
      `Aseprite JSON: frame rectangle ${r.x},${r.y} ${r.w}×${r.h} lies outside the ${img.width}×${img.height} sheet`,
    );
  }
  const out = new Uint8ClampedArray(r.w * r.h * 4);
  for (let y = 0; y < r.h; y++) {
    const src = ((r.y + y) * img.width + r.x) * 4;
    out.set(img.data.subarray(src, src + r.w * 4), y * r.w * 4);
  }
  return { width: r.w, height: r.h, data: out };
}

export interface UploadInput {
  /** The file's bytes: PNG or GIF. */
  image: Buffer;
  /** Aseprite's sheet JSON: the image is a sheet to cut into frames. */
  asepriteJson?: string | unknown;
}

async function decodeUpload(bytes: Buffer): Promise<{ frames: RgbaImage[]; delays?: number[] }> {
  let meta: Metadata;
  try {
    meta = await sharp(bytes).metadata();
  } catch {
    throw new InvalidInputError("the upload is not an image we can read (PNG or GIF)");
  }
  if (meta.format !== "png" && meta.format !== "gif") {
    throw new InvalidInputError(
      `the upload is ${meta.format ?? "unknown"}; the editor opens PNG or GIF`,
    );
  }
  const pages = meta.pages ?? 1;
  if (meta.format === "gif" && pages > 1) {
    if (pages > DOCUMENT_MAX_FRAMES) {
      throw new InvalidInputError(
        `the GIF has ${pages} frames; a document has at most ${DOCUMENT_MAX_FRAMES}`,
      );
    }
    // All frames stacked vertically, each already composed by libvips (disposal applied).
    const { data, info } = await sharp(bytes, { animated: true })
      .ensureAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    const w = info.width;
    const h = info.pageHeight ?? info.height / pages;
    const frames = Array.from({ length: pages }, (_, p) => ({
      width: w,
      height: h,
      data: new Uint8ClampedArray(data.subarray(p * w * h * 4, (p + 1) * w * h * 4)),
    }));
    return { frames, delays: meta.delay };
  }
  try {
    return { frames: [await decodeImage(bytes)] };
  } catch {
    throw new InvalidInputError("the upload is corrupt (it does not decode)");
  }
}

/** An uploaded PNG, GIF (every frame, with its delays) or sheet + Aseprite JSON, at 1×. */
export async function documentFromUpload(input: UploadInput): Promise<SpriteDocument> {
  const { frames, delays } = await decodeUpload(input.image);
  if (input.asepriteJson !== undefined) {
    const layout = parseAsepriteJson(input.asepriteJson);
    const sheet = frames[0]!;
    const full = layout.frames.map((f) => {
      const part = crop(sheet, f.sheet);
      if (f.sheet.w === layout.width && f.sheet.h === layout.height) return part;
      // Trimmed frame: put it back at its place in the untrimmed frame.
      const out = new Uint8ClampedArray(layout.width * layout.height * 4);
      for (let y = 0; y < part.height; y++) {
        const ty = y + f.offset.y;
        if (ty >= layout.height) break;
        const n = Math.min(part.width, layout.width - f.offset.x) * 4;
        out.set(
          part.data.subarray(y * part.width * 4, y * part.width * 4 + n),
          (ty * layout.width + f.offset.x) * 4,
        );
      }
      return { width: layout.width, height: layout.height, data: out };
    });
    const grids = foldFrames(full);
    checkSide(grids[0]!, "the sheet's frames");
    const tags = layout.tags.map((t) => ({
      ...t,
      direction: t.direction ?? facingOfTagName(t.name),
    }));
    return documentFromImages({
      width: grids[0]!.width,
      height: grids[0]!.height,
      frames: grids.map((g) => g.data),
      durationsMs: layout.frames.map((f) => f.durationMs),
      tags: tags.map(({ direction, ...t }) => (direction ? { ...t, direction } : t)),
    });
  }
  const grids = foldFrames(frames);
  checkSide(grids[0]!, "the upload");
  return documentFromImages({
    width: grids[0]!.width,
    height: grids[0]!.height,
    frames: grids.map((g) => g.data),
    durationsMs: delays?.map((d) => (d > 0 ? Math.min(65535, d) : 100)),
  });
}
