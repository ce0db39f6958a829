// Shaped selections (magic wand, lasso): a rectangle with a mask, honoured by copy, cut, move,
// flip and rotation; a floating selection is a move from its base document committed once.
import { describe, expect, it } from "vitest";
import {
  clipRect,
  commitEdit,
  copySelection,
  createDocument,
  createHistory,
  cutSelection,
  flipSelection,
  hexToRgba,
  isSelected,
  lassoSelection,
  magicWandSelection,
  moveSelection,
  pencil,
  pickColor,
  rotateSelection90,
  type SpriteDocument,
  selectionFromMask,
  undo,
} from "./index";

const RED = hexToRgba("#ff0000");
const BLUE = hexToRgba("#0000ff");
const at = { layer: 0, frame: 0 };

/** rows of ".", "r", "b" → a 1-layer document */
function art(rows: string[]): SpriteDocument {
  let doc = createDocument({ width: rows[0]!.length, height: rows.length });
  for (const [y, row] of rows.entries()) {
    for (const [x, c] of [...row].entries()) {
      if (c !== ".") doc = pencil(doc, at, [{ x, y }], c === "r" ? RED : BLUE).doc;
    }
  }
  return doc;
}

function show(doc: SpriteDocument): string[] {
  return Array.from({ length: doc.height }, (_, y) =>
    Array.from({ length: doc.width }, (_, x) => {
      const c = pickColor(doc, at, { x, y });
      return c === RED ? "r" : c === BLUE ? "b" : c === 0 ? "." : "?";
    }).join(""),
  );
}

describe("magic wand", () => {
  it("selects the 4-connected region of one colour, or every pixel of it", () => {
    const doc = art(["rr..", "r..r", "..bb", "r.bb"]);
    const sel = magicWandSelection(doc, at, { x: 0, y: 0 })!;
    expect({ x: sel.x, y: sel.y, width: sel.width, height: sel.height }).toEqual({
      x: 0,
      y: 0,
      width: 2,
      height: 2,
    });
    expect(Array.from(sel.mask!)).toEqual([1, 1, 1, 0]);
    expect(isSelected(sel, 1, 1)).toBe(false);
    expect(isSelected(sel, 0, 1)).toBe(true);
    const every = magicWandSelection(doc, at, { x: 0, y: 0 }, false)!;
    expect([every.x, every.y, every.width, every.height]).toEqual([0, 0, 4, 4]);
    expect(isSelected(every, 3, 1) && isSelected(every, 0, 3)).toBe(true);
    expect(isSelected(every, 2, 2)).toBe(false);
    // a full block is a plain rectangle (no mask)
    expect(magicWandSelection(doc, at, { x: 2, y: 2 })).toEqual({
      x: 2,
      y: 2,
      width: 2,
      height: 2,
    });
  });
});

describe("lasso", () => {
  it("selects the inside of the polygon and its outline", () => {
    const doc = createDocument({ width: 6, height: 6 });
    const tri = lassoSelection(doc, [
      { x: 0, y: 0 },
      { x: 4, y: 0 },
      { x: 0, y: 4 },
    ])!;
    expect([tri.x, tri.y, tri.width, tri.height]).toEqual([0, 0, 5, 5]);
    const rows = Array.from({ length: 5 }, (_, y) =>
      Array.from({ length: 5 }, (_, x) => (isSelected(tri, x, y) ? "#" : ".")).join(""),
    );
    expect(rows).toEqual(["#####", "####.", "###..", "##...", "#...."]);
    // a single point, and points off the canvas, are clipped
    expect(lassoSelection(doc, [{ x: 2, y: 3 }])).toEqual({ x: 2, y: 3, width: 1, height: 1 });
    expect(lassoSelection(doc, [{ x: -5, y: -5 }])).toBeNull();
  });
});

describe("shaped selections in the selection operations", () => {
  const doc = art(["rb..", "bb..", "....", "...."]);
  // the wand on (1,0): the blue "L" (1,0), (0,1), (1,1)
  const sel = magicWandSelection(doc, at, { x: 1, y: 0 })!;

  it("copies and cuts only the selected pixels", () => {
    const clip = copySelection(doc, at, sel);
    expect([clip.width, clip.height]).toEqual([2, 2]);
    expect(Array.from(clip.pixels)).toEqual([0, BLUE, BLUE, BLUE]);
    const cut = cutSelection(doc, at, sel);
    expect(show(cut.edit.doc)).toEqual(["r...", "....", "....", "...."]);
  });

  it("moves only the selected pixels and keeps the mask with the rectangle", () => {
    const moved = moveSelection(doc, at, sel, 2, 2);
    expect(show(moved.edit.doc)).toEqual(["r...", "....", "...b", "..bb"]);
    expect(moved.rect).toMatchObject({ x: 2, y: 2, width: 2, height: 2 });
    expect(Array.from(moved.rect.mask!)).toEqual([0, 1, 1, 1]);
    // undo brings every pixel back
    const state = commitEdit({ doc, history: createHistory() }, moved.edit);
    expect(show(undo(state.doc, state.history).doc)).toEqual(show(doc));
  });

  it("flips and rotates the selected pixels with their mask; others stay", () => {
    const flipped = flipSelection(doc, at, sel, "horizontal");
    expect(show(flipped.edit.doc)).toEqual(["b...", "bb..", "....", "...."]);
    expect(Array.from(flipped.rect.mask!)).toEqual([1, 0, 1, 1]);
    // the flipped "L" covers (0,0): its blue lands on the red there; (1,0) left the mask, so it
    // is cleared (the pixels moved away) and nothing lands on it
    const turned = rotateSelection90(doc, at, sel, true);
    expect(show(turned.edit.doc)).toEqual(["b...", "bb..", "....", "...."]);
    expect(Array.from(turned.rect.mask!)).toEqual([1, 0, 1, 1]);
    // a pixel outside the selection's rectangle is never touched
    const wide = art(["rb.r", "bb..", "....", "...."]);
    const moved = flipSelection(
      wide,
      at,
      magicWandSelection(wide, at, { x: 1, y: 0 })!,
      "vertical",
    );
    expect(show(moved.edit.doc)[0]![3]).toBe("r");
  });

  it("crops a mask with its rectangle at the canvas edge", () => {
    const off = { x: -1, y: 0, width: 2, height: 1, mask: new Uint8Array([1, 0]) };
    const c = clipRect(doc, off);
    expect(c).toEqual({ x: 0, y: 0, width: 1, height: 1, mask: new Uint8Array([0]) });
    expect(selectionFromMask(doc, new Uint8Array(16))).toBeNull();
  });
});
