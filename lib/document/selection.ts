// Rectangle selection: copy, cut, paste (also into another frame or layer), move and arrow-key
// nudge, and flip / 90° rotation of a selection or of a whole frame. Clips are RGBA so they paste
// between documents and colour modes; pasting into an indexed document maps to the palette.
import { rawColor } from "./draw";
import type { Rect } from "./geometry";
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

/** The rectangle clipped to the canvas (may come out empty). */
export function clipRect(doc: SpriteDocument, r: Rect): Rect {
  const x = Math.max(0, Math.min(doc.width, r.x));
  const y = Math.max(0, Math.min(doc.height, r.y));
  const x2 = Math.max(x, Math.min(doc.width, r.x + r.width));
  const y2 = Math.max(y, Math.min(doc.height, r.y + r.height));
  return { x, y, width: x2 - x, height: y2 - y };
}

function colorAt(doc: SpriteDocument, target: CelRef, i: number): Rgba {
  const raw = readRaw(doc, doc.cels[target.layer]![target.frame]!, i);
  if (doc.colorMode === "rgba") return raw;
  return raw < 0 ? 0 : hexToRgba(doc.palette[raw]!);
}

export function copySelection(doc: SpriteDocument, target: CelRef, rect: Rect): Clip {
  checkCelRef(doc, target);
  const r = clipRect(doc, rect);
  const pixels = new Uint32Array(r.width * r.height);
  for (let y = 0; y < r.height; y++) {
    for (let x = 0; x < r.width; x++) {
      pixels[y * r.width + x] = colorAt(doc, target, (r.y + y) * doc.width + r.x + x);
    }
  }
  return { width: r.width, height: r.height, pixels };
}

function clearInto(tx: PixelTransaction, doc: SpriteDocument, target: CelRef, r: Rect) {
  const clear = doc.colorMode === "indexed" ? -1 : 0;
  for (let y = r.y; y < r.y + r.height; y++) {
    for (let x = r.x; x < r.x + r.width; x++) tx.set(target, y * doc.width + x, clear);
  }
}

function pasteInto(
  tx: PixelTransaction,
  doc: SpriteDocument,
  target: CelRef,
  clip: Clip,
  at: { x: number; y: number },
  opaqueOnly: boolean,
) {
  for (let y = 0; y < clip.height; y++) {
    const ty = at.y + y;
    if (ty < 0 || ty >= doc.height) continue;
    for (let x = 0; x < clip.width; x++) {
      const tx0 = at.x + x;
      if (tx0 < 0 || tx0 >= doc.width) continue;
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
  rect: Rect,
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
  rect: Rect,
  dx: number,
  dy: number,
): { edit: Edit; rect: Rect } {
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
  rect: Rect,
  label: string,
  f: (c: Clip) => Clip,
): { edit: Edit; rect: Rect } {
  checkCelRef(doc, target);
  const r = clipRect(doc, rect);
  if (doc.layers[target.layer]!.locked) return { edit: { doc, step: null }, rect: r };
  const out = f(copySelection(doc, target, r));
  // A rotated selection turns about its centre (halves toward the old corner, so four turns
  // come back to the same place).
  const at = {
    x: r.x + Math.trunc((r.width - out.width) / 2),
    y: r.y + Math.trunc((r.height - out.height) / 2),
  };
  const tx = new PixelTransaction(doc, label);
  clearInto(tx, doc, target, r);
  pasteInto(tx, doc, target, out, at, false);
  return { edit: tx.commit(), rect: { ...at, width: out.width, height: out.height } };
}

export function flipSelection(doc: SpriteDocument, target: CelRef, rect: Rect, axis: FlipAxis) {
  return transformSelection(doc, target, rect, `Flip ${axis}`, (c) => flipClip(c, axis));
}

export function rotateSelection90(
  doc: SpriteDocument,
  target: CelRef,
  rect: Rect,
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
