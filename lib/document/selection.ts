// Selections: a rectangle, or any shape (magic wand, lasso) as a rectangle with a mask. Copy,
// cut, paste (also into another frame or layer), move and arrow-key nudge, and flip / 90° rotation
// of a selection or of a whole frame. Clips are RGBA so they paste between documents and colour
// modes; pasting into an indexed document maps to the palette.
import { fillRegion, rawColor } from "./draw";
import { linePoints, type Point, type Rect } from "./geometry";
import { type Edit, PixelTransaction } from "./history";
import {
  type CelRef,
  checkCelRef,
  hexToRgba,
  type Rgba,
  readRaw,
  type SpriteDocument,
} from "./model";

/** Copied pixels: width*height packed Rgba, 0 = transparent. */
export interface Clip {
  width: number;
  height: number;
  pixels: Uint32Array;
}

/**
 * A selection: its bounding rectangle and, for a shape that is not a rectangle (magic wand,
 * lasso), a mask of width*height (1 = selected) over that rectangle. Every function taking a
 * `Rect` below honours a mask when the rectangle carries one.
 */
export interface Selection extends Rect {
  mask?: Uint8Array;
}

/** The rectangle clipped to the canvas (may come out empty); a mask is cropped with it. */
export function clipRect(doc: SpriteDocument, r: Selection): Selection {
  const x = Math.max(0, Math.min(doc.width, r.x));
  const y = Math.max(0, Math.min(doc.height, r.y));
  const x2 = Math.max(x, Math.min(doc.width, r.x + r.width));
  const y2 = Math.max(y, Math.min(doc.height, r.y + r.height));
  const out: Selection = { x, y, width: x2 - x, height: y2 - y };
  if (r.mask) {
    const mask = new Uint8Array(out.width * out.height);
    for (let j = 0; j < out.height; j++) {
      for (let i = 0; i < out.width; i++) {
        mask[j * out.width + i] = r.mask[(y + j - r.y) * r.width + (x + i - r.x)]!;
      }
    }
    out.mask = mask;
  }
  return out;
}

/** Is document pixel (x,y) in the selection (inside its rectangle and its mask)? */
export function isSelected(sel: Selection, x: number, y: number): boolean {
  if (x < sel.x || y < sel.y || x >= sel.x + sel.width || y >= sel.y + sel.height) return false;
  return !sel.mask || sel.mask[(y - sel.y) * sel.width + (x - sel.x)] === 1;
}

/**
 * A whole-canvas mask (1 = selected) → the selection of its bounding box with the mask cropped to
 * it; a mask that covers its box fully becomes a plain rectangle. Nothing selected → null.
 */
export function selectionFromMask(
  doc: Pick<SpriteDocument, "width" | "height">,
  full: Uint8Array,
): Selection | null {
  const { width: w, height: h } = doc;
  let x0 = w;
  let y0 = h;
  let x1 = -1;
  let y1 = -1;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      if (!full[y * w + x]) continue;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
    }
  }
  if (x1 < 0) return null;
  const sel: Selection = { x: x0, y: y0, width: x1 - x0 + 1, height: y1 - y0 + 1 };
  const mask = new Uint8Array(sel.width * sel.height);
  let all = true;
  for (let y = 0; y < sel.height; y++) {
    for (let x = 0; x < sel.width; x++) {
      const v = full[(y0 + y) * w + x0 + x] ? 1 : 0;
      mask[y * sel.width + x] = v;
      if (!v) all = false;
    }
  }
  return all ? sel : { ...sel, mask };
}

/**
 * Magic wand: the pixels a bucket fill at `at` would cover on the cel in focus (the 4-connected
 * region of that colour, or with `contiguous` false every pixel of it), as a selection.
 */
export function magicWandSelection(
  doc: SpriteDocument,
  target: CelRef,
  at: Point,
  contiguous = true,
): Selection | null {
  return selectionFromMask(doc, fillRegion(doc, target, at, contiguous));
}

/**
 * Lasso: the pixels inside the closed polygon through `points` (pixel centres, even-odd rule) and
 * the pixels on its outline, so a thin stroke-like lasso still selects what it touched.
 */
export function lassoSelection(
  doc: Pick<SpriteDocument, "width" | "height">,
  points: readonly Point[],
): Selection | null {
  const { width: w, height: h } = doc;
  if (points.length === 0) return null;
  const full = new Uint8Array(w * h);
  const mark = (p: Point) => {
    if (p.x >= 0 && p.y >= 0 && p.x < w && p.y < h) full[p.y * w + p.x] = 1;
  };
  for (let k = 0; k < points.length; k++) {
    const a = points[k]!;
    const b = points[(k + 1) % points.length]!;
    for (const p of linePoints(a.x, a.y, b.x, b.y)) mark(p);
  }
  if (points.length >= 3) {
    for (let y = 0; y < h; y++) {
      // crossings of the scan line through the pixel centres with the polygon's edges
      const xs: number[] = [];
      for (let k = 0; k < points.length; k++) {
        const a = points[k]!;
        const b = points[(k + 1) % points.length]!;
        if (a.y === b.y || y < Math.min(a.y, b.y) || y >= Math.max(a.y, b.y)) continue;
        xs.push(a.x + ((y - a.y) * (b.x - a.x)) / (b.y - a.y));
      }
      xs.sort((p, q) => p - q);
      for (let k = 0; k + 1 < xs.length; k += 2) {
        const from = Math.max(0, Math.ceil(xs[k]!));
        const to = Math.min(w - 1, Math.floor(xs[k + 1]!));
        for (let x = from; x <= to; x++) full[y * w + x] = 1;
      }
    }
  }
  return selectionFromMask(doc, full);
}

function colorAt(doc: SpriteDocument, target: CelRef, i: number): Rgba {
  const raw = readRaw(doc, doc.cels[target.layer]![target.frame]!, i);
  if (doc.colorMode === "rgba") return raw;
  return raw < 0 ? 0 : hexToRgba(doc.palette[raw]!);
}

/** The selected pixels (outside a mask: transparent) as a clip of the selection's rectangle. */
export function copySelection(doc: SpriteDocument, target: CelRef, rect: Selection): Clip {
  checkCelRef(doc, target);
  const r = clipRect(doc, rect);
  const pixels = new Uint32Array(r.width * r.height);
  for (let y = 0; y < r.height; y++) {
    for (let x = 0; x < r.width; x++) {
      if (r.mask && !r.mask[y * r.width + x]) continue;
      pixels[y * r.width + x] = colorAt(doc, target, (r.y + y) * doc.width + r.x + x);
    }
  }
  return { width: r.width, height: r.height, pixels };
}

/** Clears the selected pixels of a clipped selection. */
function clearInto(tx: PixelTransaction, doc: SpriteDocument, target: CelRef, r: Selection) {
  const clear = doc.colorMode === "indexed" ? -1 : 0;
  for (let y = r.y; y < r.y + r.height; y++) {
    for (let x = r.x; x < r.x + r.width; x++) {
      if (r.mask && !r.mask[(y - r.y) * r.width + (x - r.x)]) continue;
      tx.set(target, y * doc.width + x, clear);
    }
  }
}

function pasteInto(
  tx: PixelTransaction,
  doc: SpriteDocument,
  target: CelRef,
  clip: Clip,
  at: { x: number; y: number },
  opaqueOnly: boolean,
  /** only these clip pixels (a transformed selection's mask) */
  mask?: Uint8Array | Uint32Array,
) {
  for (let y = 0; y < clip.height; y++) {
    const ty = at.y + y;
    if (ty < 0 || ty >= doc.height) continue;
    for (let x = 0; x < clip.width; x++) {
      const tx0 = at.x + x;
      if (tx0 < 0 || tx0 >= doc.width) continue;
      if (mask && !mask[y * clip.width + x]) continue;
      const c = clip.pixels[y * clip.width + x]!;
      if (opaqueOnly && c === 0) continue;
      tx.set(target, ty * doc.width + tx0, rawColor(doc, c));
    }
  }
}

/** Clears the selection; returns the clip and the edit. */
export function cutSelection(
  doc: SpriteDocument,
  target: CelRef,
  rect: Selection,
): { clip: Clip; edit: Edit } {
  const clip = copySelection(doc, target, rect);
  if (doc.layers[target.layer]!.locked) return { clip, edit: { doc, step: null } };
  const tx = new PixelTransaction(doc, "Cut");
  clearInto(tx, doc, target, clipRect(doc, rect));
  return { clip, edit: tx.commit() };
}

/**
 * Pastes a clip with its top-left corner at `at` (parts outside the canvas are dropped).
 * Transparent clip pixels leave the cel as it is, as a floating selection drops in editors.
 */
export function pasteClip(
  doc: SpriteDocument,
  target: CelRef,
  clip: Clip,
  at: { x: number; y: number },
): Edit {
  checkCelRef(doc, target);
  if (doc.layers[target.layer]!.locked) return { doc, step: null };
  const tx = new PixelTransaction(doc, "Paste");
  pasteInto(tx, doc, target, clip, at, true);
  return tx.commit();
}

/**
 * Moves the selected pixels by (dx,dy) in one step (drag, or an arrow-key nudge of 1): the source
 * area becomes transparent, the pixels land at the new place. Returns the moved rectangle.
 */
export function moveSelection(
  doc: SpriteDocument,
  target: CelRef,
  rect: Selection,
  dx: number,
  dy: number,
): { edit: Edit; rect: Selection } {
  checkCelRef(doc, target);
  const r = clipRect(doc, rect);
  const moved = { ...r, x: r.x + dx, y: r.y + dy };
  if (doc.layers[target.layer]!.locked) return { edit: { doc, step: null }, rect: r };
  const clip = copySelection(doc, target, r);
  const tx = new PixelTransaction(doc, dx === 0 && dy === 0 ? "Move" : "Move selection");
  clearInto(tx, doc, target, r);
  pasteInto(tx, doc, target, clip, moved, true);
  return { edit: tx.commit(), rect: moved };
}

export type FlipAxis = "horizontal" | "vertical";

export function flipClip(clip: Clip, axis: FlipAxis): Clip {
  const { width: w, height: h } = clip;
  const pixels = new Uint32Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const sx = axis === "horizontal" ? w - 1 - x : x;
      const sy = axis === "vertical" ? h - 1 - y : y;
      pixels[y * w + x] = clip.pixels[sy * w + sx]!;
    }
  }
  return { width: w, height: h, pixels };
}

/** 90° rotation; `clockwise` false turns counter-clockwise. Width and height swap. */
export function rotateClip(clip: Clip, clockwise = true): Clip {
  const { width: w, height: h } = clip;
  const pixels = new Uint32Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      // Clockwise: (x,y) → (h-1-y, x) in a h-wide result.
      const nx = clockwise ? h - 1 - y : y;
      const ny = clockwise ? x : w - 1 - x;
      pixels[ny * h + nx] = clip.pixels[y * w + x]!;
    }
  }
  return { width: h, height: w, pixels };
}

function transformSelection(
  doc: SpriteDocument,
  target: CelRef,
  rect: Selection,
  label: string,
  f: (c: Clip) => Clip,
): { edit: Edit; rect: Selection } {
  checkCelRef(doc, target);
  const r = clipRect(doc, rect);
  if (doc.layers[target.layer]!.locked) return { edit: { doc, step: null }, rect: r };
  const out = f(copySelection(doc, target, r));
  // a shaped selection turns with its mask: only its own pixels land, the rest stays
  const mask = r.mask
    ? f({ width: r.width, height: r.height, pixels: Uint32Array.from(r.mask) }).pixels
    : undefined;
  // A rotated selection turns about its centre (halves toward the old corner, so four turns
  // come back to the same place).
  const at = {
    x: r.x + Math.trunc((r.width - out.width) / 2),
    y: r.y + Math.trunc((r.height - out.height) / 2),
  };
  const tx = new PixelTransaction(doc, label);
  clearInto(tx, doc, target, r);
  pasteInto(tx, doc, target, out, at, false, mask);
  const moved: Selection = { ...at, width: out.width, height: out.height };
  if (mask) moved.mask = Uint8Array.from(mask);
  return { edit: tx.commit(), rect: moved };
}

export function flipSelection(
  doc: SpriteDocument,
  target: CelRef,
  rect: Selection,
  axis: FlipAxis,
) {
  return transformSelection(doc, target, rect, `Flip ${axis}`, (c) => flipClip(c, axis));
}

export function rotateSelection90(
  doc: SpriteDocument,
  target: CelRef,
  rect: Selection,
  clockwise = true,
) {
  return transformSelection(doc, target, rect, "Rotate 90°", (c) => rotateClip(c, clockwise));
}

function everyLayer(doc: SpriteDocument, frame: number, label: string, f: (c: Clip) => Clip): Edit {
  const tx = new PixelTransaction(doc, label);
  const full = { x: 0, y: 0, width: doc.width, height: doc.height };
  for (let layer = 0; layer < doc.layers.length; layer++) {
    if (doc.layers[layer]!.locked) continue;
    const target = { layer, frame };
    checkCelRef(doc, target);
    const out = f(copySelection(doc, target, full));
    const at = {
      x: Math.floor((doc.width - out.width) / 2),
      y: Math.floor((doc.height - out.height) / 2),
    };
    clearInto(tx, doc, target, full);
    pasteInto(tx, doc, target, out, at, false);
  }
  return tx.commit();
}

/** Flips every (unlocked) layer of a frame. */
export function flipFrame(doc: SpriteDocument, frame: number, axis: FlipAxis): Edit {
  return everyLayer(doc, frame, `Flip frame ${axis}`, (c) => flipClip(c, axis));
}

/**
 * Turns every (unlocked) layer of a frame by 90° about the canvas centre. On a non-square canvas
 * the corners that leave the canvas are cut (resizeCanvas first to keep them).
 */
export function rotateFrame90(doc: SpriteDocument, frame: number, clockwise = true): Edit {
  return everyLayer(doc, frame, "Rotate frame 90°", (c) => rotateClip(c, clockwise));
}
