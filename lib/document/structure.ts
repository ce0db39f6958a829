// Structure operations: frames, layers, tags, pivot, canvas resize and crop. Each returns an Edit
// whose step keeps the documents before and after (they share every cel the operation kept).
import { InvalidInputError } from "@/lib/errors";
import { composeOver } from "./composite";
import { rawColor } from "./draw";
import { documentStep, type Edit } from "./history";
import {
  type CelPixels,
  celRgba,
  cloneCel,
  DEFAULT_FRAME_DURATION_MS,
  DOCUMENT_MAX_FRAMES,
  DOCUMENT_MAX_LAYERS,
  DOCUMENT_MAX_SIDE,
  emptyCel,
  type LayerInfo,
  newLayer,
  packRgba,
  readRaw,
  type SpriteDocument,
  shallowCopy,
  type Tag,
  writeRaw,
} from "./model";

function checkFrame(doc: SpriteDocument, i: number, allowEnd = false) {
  const max = allowEnd ? doc.frames.length : doc.frames.length - 1;
  if (!Number.isInteger(i) || i < 0 || i > max) throw new InvalidInputError(`no frame ${i}`);
}

function checkLayer(doc: SpriteDocument, i: number, allowEnd = false) {
  const max = allowEnd ? doc.layers.length : doc.layers.length - 1;
  if (!Number.isInteger(i) || i < 0 || i > max) throw new InvalidInputError(`no layer ${i}`);
}

/** Tags after inserting a frame at `at`: ranges at or after it shift, ranges spanning it grow. */
function tagsAfterInsert(tags: Tag[], at: number): Tag[] {
  return tags.map((t) => ({
    ...t,
    from: t.from >= at ? t.from + 1 : t.from,
    to: t.to >= at ? t.to + 1 : t.to,
  }));
}

function tagsAfterDelete(tags: Tag[], at: number): Tag[] {
  const out: Tag[] = [];
  for (const t of tags) {
    if (t.from === at && t.to === at) continue; // its only frame is gone
    out.push({ ...t, from: t.from > at ? t.from - 1 : t.from, to: t.to >= at ? t.to - 1 : t.to });
  }
  return out;
}

/** Inserts a blank frame at `at` (default: after the last). */
export function addFrame(doc: SpriteDocument, at = doc.frames.length, durationMs?: number): Edit {
  checkFrame(doc, at, true);
  if (doc.frames.length >= DOCUMENT_MAX_FRAMES) {
    throw new InvalidInputError(`a document has at most ${DOCUMENT_MAX_FRAMES} frames`);
  }
  const next = shallowCopy(doc);
  const ms = durationMs ?? doc.frames[Math.max(0, at - 1)]?.durationMs ?? DEFAULT_FRAME_DURATION_MS;
  next.frames.splice(at, 0, { durationMs: ms });
  for (const row of next.cels) row.splice(at, 0, emptyCel(doc));
  next.tags = tagsAfterInsert(doc.tags, at);
  return documentStep("New frame", doc, next);
}

/** Copies frame `index` (all layers) to `index + 1`. */
export function duplicateFrame(doc: SpriteDocument, index: number): Edit {
  checkFrame(doc, index);
  if (doc.frames.length >= DOCUMENT_MAX_FRAMES) {
    throw new InvalidInputError(`a document has at most ${DOCUMENT_MAX_FRAMES} frames`);
  }
  const next = shallowCopy(doc);
  next.frames.splice(index + 1, 0, { ...doc.frames[index]! });
  for (const row of next.cels) row.splice(index + 1, 0, cloneCel(row[index]!));
  next.tags = tagsAfterInsert(doc.tags, index + 1);
  return documentStep("Duplicate frame", doc, next);
}

export function deleteFrame(doc: SpriteDocument, index: number): Edit {
  checkFrame(doc, index);
  if (doc.frames.length === 1) throw new InvalidInputError("a document keeps at least one frame");
  const next = shallowCopy(doc);
  next.frames.splice(index, 1);
  for (const row of next.cels) row.splice(index, 1);
  next.tags = tagsAfterDelete(doc.tags, index);
  return documentStep("Delete frame", doc, next);
}

function moveItem<T>(list: T[], from: number, to: number): T[] {
  const out = list.slice();
  const [item] = out.splice(from, 1);
  out.splice(to, 0, item!);
  return out;
}

/** Moves frame `from` to position `to`; tags keep their frame numbers (the frames move, not the tags). */
export function moveFrame(doc: SpriteDocument, from: number, to: number): Edit {
  checkFrame(doc, from);
  checkFrame(doc, to);
  if (from === to) return { doc, step: null };
  const next = shallowCopy(doc);
  next.frames = moveItem(next.frames, from, to);
  next.cels = next.cels.map((row) => moveItem(row, from, to));
  return documentStep("Move frame", doc, next);
}

export function setFrameDuration(doc: SpriteDocument, index: number, durationMs: number): Edit {
  checkFrame(doc, index);
  if (!Number.isInteger(durationMs) || durationMs < 1 || durationMs > 65535) {
    throw new InvalidInputError("a frame lasts 1–65535 ms");
  }
  const next = shallowCopy(doc);
  next.frames[index] = { durationMs };
  return documentStep("Frame duration", doc, next);
}

/** Adds a blank layer at `at` (default: on top). */
export function addLayer(doc: SpriteDocument, at = doc.layers.length, name?: string): Edit {
  checkLayer(doc, at, true);
  if (doc.layers.length >= DOCUMENT_MAX_LAYERS) {
    throw new InvalidInputError(`a document has at most ${DOCUMENT_MAX_LAYERS} layers`);
  }
  const next = shallowCopy(doc);
  next.layers.splice(at, 0, newLayer(name ?? `Layer ${doc.layers.length + 1}`));
  next.cels.splice(
    at,
    0,
    doc.frames.map(() => emptyCel(doc)),
  );
  return documentStep("New layer", doc, next);
}

export function duplicateLayer(doc: SpriteDocument, index: number): Edit {
  checkLayer(doc, index);
  if (doc.layers.length >= DOCUMENT_MAX_LAYERS) {
    throw new InvalidInputError(`a document has at most ${DOCUMENT_MAX_LAYERS} layers`);
  }
  const next = shallowCopy(doc);
  next.layers.splice(index + 1, 0, {
    ...doc.layers[index]!,
    name: `${doc.layers[index]!.name} copy`,
  });
  next.cels.splice(index + 1, 0, doc.cels[index]!.map(cloneCel));
  return documentStep("Duplicate layer", doc, next);
}

export function deleteLayer(doc: SpriteDocument, index: number): Edit {
  checkLayer(doc, index);
  if (doc.layers.length === 1) throw new InvalidInputError("a document keeps at least one layer");
  const next = shallowCopy(doc);
  next.layers.splice(index, 1);
  next.cels.splice(index, 1);
  return documentStep("Delete layer", doc, next);
}

export function moveLayer(doc: SpriteDocument, from: number, to: number): Edit {
  checkLayer(doc, from);
  checkLayer(doc, to);
  if (from === to) return { doc, step: null };
  const next = shallowCopy(doc);
  next.layers = moveItem(next.layers, from, to);
  next.cels = moveItem(next.cels, from, to);
  return documentStep("Move layer", doc, next);
}

/** Changes a layer's name, visibility, opacity (0–1) or lock. */
export function updateLayer(doc: SpriteDocument, index: number, patch: Partial<LayerInfo>): Edit {
  checkLayer(doc, index);
  if (patch.opacity !== undefined && !(patch.opacity >= 0 && patch.opacity <= 1)) {
    throw new InvalidInputError("layer opacity is from 0 to 1");
  }
  if (patch.name !== undefined && patch.name.trim() === "") {
    throw new InvalidInputError("a layer needs a name");
  }
  const next = shallowCopy(doc);
  next.layers[index] = { ...doc.layers[index]!, ...patch };
  const label =
    patch.visible !== undefined
      ? "Layer visibility"
      : patch.opacity !== undefined
        ? "Layer opacity"
        : "Layer";
  return documentStep(label, doc, next);
}

/**
 * Merges layer `index` into the layer below it (its opacity applied, hidden layer merged as
 * hidden = nothing), frame by frame; the merged layer keeps the lower layer's settings.
 */
export function mergeLayerDown(doc: SpriteDocument, index: number): Edit {
  checkLayer(doc, index);
  if (index === 0) throw new InvalidInputError("the bottom layer has no layer below to merge into");
  const upper = doc.layers[index]!;
  const next = shallowCopy(doc);
  const n = doc.width * doc.height;
  next.cels[index - 1] = doc.frames.map((_, f) => {
    const below = celRgba(doc, index - 1, f).slice();
    if (upper.visible) composeOver(below, celRgba(doc, index, f), upper.opacity);
    if (doc.colorMode === "rgba") return below as CelPixels;
    const out = emptyCel(doc);
    for (let i = 0; i < n; i++) {
      const o = i * 4;
      const c = packRgba(below[o]!, below[o + 1]!, below[o + 2]!, below[o + 3]!);
      // Indexed cels are opaque or clear: a half-covered pixel takes its nearest palette colour.
      writeRaw(doc, out, i, rawColor(doc, c));
    }
    return out;
  });
  next.layers.splice(index, 1);
  next.cels.splice(index, 1);
  return documentStep("Merge down", doc, next);
}

export function addTag(doc: SpriteDocument, tag: Tag): Edit {
  const next = shallowCopy(doc);
  next.tags.push({ ...tag });
  checkTags(next);
  return documentStep("New tag", doc, next);
}

export function updateTag(doc: SpriteDocument, index: number, patch: Partial<Tag>): Edit {
  if (!doc.tags[index]) throw new InvalidInputError(`no tag ${index}`);
  const next = shallowCopy(doc);
  next.tags[index] = { ...doc.tags[index]!, ...patch };
  checkTags(next);
  return documentStep("Tag", doc, next);
}

export function deleteTag(doc: SpriteDocument, index: number): Edit {
  if (!doc.tags[index]) throw new InvalidInputError(`no tag ${index}`);
  const next = shallowCopy(doc);
  next.tags.splice(index, 1);
  return documentStep("Delete tag", doc, next);
}

function checkTags(doc: SpriteDocument) {
  for (const t of doc.tags) {
    if (!t.name.trim()) throw new InvalidInputError("a tag needs a name");
    if (
      !(
        Number.isInteger(t.from) &&
        Number.isInteger(t.to) &&
        t.from >= 0 &&
        t.from <= t.to &&
        t.to < doc.frames.length
      )
    ) {
      throw new InvalidInputError(
        `tag "${t.name}": frames ${t.from}–${t.to} are not in the timeline`,
      );
    }
  }
}

export function setPivot(doc: SpriteDocument, x: number, y: number): Edit {
  if (
    !Number.isInteger(x) ||
    !Number.isInteger(y) ||
    x < 0 ||
    y < 0 ||
    x >= doc.width ||
    y >= doc.height
  ) {
    throw new InvalidInputError("the pivot lies on the canvas");
  }
  const next = shallowCopy(doc);
  next.pivot = { x, y };
  return documentStep("Pivot", doc, next);
}

export type Anchor = { x: 0 | 0.5 | 1; y: 0 | 0.5 | 1 };

/** Where the old canvas lands in a resized one for an anchor (0 = left/top, 0.5 centre, 1 right/bottom). */
export function anchorOffset(
  from: { width: number; height: number },
  to: { width: number; height: number },
  anchor: Anchor,
): { x: number; y: number } {
  return {
    x: Math.floor((to.width - from.width) * anchor.x),
    y: Math.floor((to.height - from.height) * anchor.y),
  };
}

/**
 * New canvas size; the old pixels are placed with their top-left corner at `offset` (negative
 * crops). The pivot moves with the pixels and is clamped onto the canvas.
 */
export function resizeCanvas(
  doc: SpriteDocument,
  width: number,
  height: number,
  offset: { x: number; y: number } = { x: 0, y: 0 },
): Edit {
  for (const v of [width, height]) {
    if (!Number.isInteger(v) || v < 1 || v > DOCUMENT_MAX_SIDE) {
      throw new InvalidInputError(`canvas sides are 1–${DOCUMENT_MAX_SIDE} px`);
    }
  }
  if (!Number.isInteger(offset.x) || !Number.isInteger(offset.y)) {
    throw new InvalidInputError("canvas offset must be whole pixels");
  }
  if (width === doc.width && height === doc.height && offset.x === 0 && offset.y === 0) {
    return { doc, step: null };
  }
  const next = shallowCopy(doc);
  next.width = width;
  next.height = height;
  next.cels = doc.cels.map((row) =>
    row.map((cel) => {
      const out = emptyCel(next);
      for (let y = 0; y < doc.height; y++) {
        const ty = y + offset.y;
        if (ty < 0 || ty >= height) continue;
        for (let x = 0; x < doc.width; x++) {
          const tx = x + offset.x;
          if (tx < 0 || tx >= width) continue;
          writeRaw(next, out, ty * width + tx, readRaw(doc, cel, y * doc.width + x));
        }
      }
      return out;
    }),
  );
  next.pivot = {
    x: Math.min(width - 1, Math.max(0, doc.pivot.x + offset.x)),
    y: Math.min(height - 1, Math.max(0, doc.pivot.y + offset.y)),
  };
  return documentStep("Canvas size", doc, next);
}

/** Crops the canvas to a rectangle (every frame and layer). */
export function cropCanvas(
  doc: SpriteDocument,
  rect: { x: number; y: number; width: number; height: number },
): Edit {
  return resizeCanvas(doc, rect.width, rect.height, { x: -rect.x, y: -rect.y });
}

/** The smallest rectangle holding every non-transparent pixel of any cel (null when all clear). */
export function contentBounds(doc: SpriteDocument) {
  let l = doc.width;
  let t = doc.height;
  let r = -1;
  let b = -1;
  const clear = doc.colorMode === "indexed" ? -1 : 0;
  for (const row of doc.cels) {
    for (const cel of row) {
      for (let y = 0; y < doc.height; y++) {
        for (let x = 0; x < doc.width; x++) {
          if (readRaw(doc, cel, y * doc.width + x) === clear) continue;
          l = Math.min(l, x);
          r = Math.max(r, x);
          t = Math.min(t, y);
          b = Math.max(b, y);
        }
      }
    }
  }
  return r < 0 ? null : { x: l, y: t, width: r - l + 1, height: b - t + 1 };
}

/** Crop to content (Aseprite's Trim): no-op for an empty document. */
export function trimCanvas(doc: SpriteDocument): Edit {
  const bounds = contentBounds(doc);
  return bounds ? cropCanvas(doc, bounds) : { doc, step: null };
}
