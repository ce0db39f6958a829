// Editor operations made of several document operations that must be one undo step: carrying a
// selection to another frame (Alt+←/→ in the editor) and adding many palette colours at once (a
// palette file, an image's colours, the sprite's own colours).
import type { Rect } from "./geometry";
import { documentStep, type Edit } from "./history";
import { type CelRef, MAX_PALETTE_COLORS, normalizeHex, type SpriteDocument } from "./model";
import { addPaletteColor } from "./palette-ops";
import { cutSelection, pasteClip } from "./selection";

/**
 * Cuts `rect` from `target` and pastes it at the same place in frame `toFrame` (same layer), as
 * one step. Clear pixels of the selection leave the destination as it was.
 */
export function moveSelectionToFrame(
  doc: SpriteDocument,
  target: CelRef,
  rect: Rect,
  toFrame: number,
): Edit {
  if (toFrame === target.frame) return { doc, step: null };
  const { clip, edit } = cutSelection(doc, target, rect);
  if (!edit.step) return { doc, step: null }; // locked layer or empty area
  const pasted = pasteClip(edit.doc, { layer: target.layer, frame: toFrame }, clip, rect);
  return documentStep("Move to frame", doc, pasted.doc);
}

/** Appends the colours the palette does not have yet (up to 256), as one step. */
export function addPaletteColors(doc: SpriteDocument, colors: readonly string[]): Edit {
  let next = doc;
  for (const c of colors) {
    const hex = normalizeHex(c);
    if (next.palette.includes(hex)) continue;
    if (next.palette.length >= MAX_PALETTE_COLORS) break;
    next = addPaletteColor(next, hex).doc;
  }
  return next === doc ? { doc, step: null } : documentStep("Add colours", doc, next);
}
