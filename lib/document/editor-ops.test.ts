import { describe, expect, it } from "vitest";
import { addPaletteColors, moveSelectionToFrame } from "./editor-ops";
import { createHistory, redo, undo } from "./history";
import { createDocument, hexToRgba, pencil, pickColor, updateLayer } from "./index";

const RED = hexToRgba("#ff0000");
const BLUE = hexToRgba("#0000ff");

describe("moveSelectionToFrame", () => {
  it("carries the pixels to the other frame in one undoable step", () => {
    let doc = createDocument({ width: 4, height: 4, frames: 2 });
    doc = pencil(doc, { layer: 0, frame: 0 }, [{ x: 1, y: 1 }], RED).doc;
    doc = pencil(doc, { layer: 0, frame: 1 }, [{ x: 3, y: 3 }], BLUE).doc;
    const edit = moveSelectionToFrame(
      doc,
      { layer: 0, frame: 0 },
      { x: 0, y: 0, width: 2, height: 2 },
      1,
    );
    expect(pickColor(edit.doc, { layer: 0, frame: 0 }, { x: 1, y: 1 })).toBe(0);
    expect(pickColor(edit.doc, { layer: 0, frame: 1 }, { x: 1, y: 1 })).toBe(RED);
    // what was already on the destination stays
    expect(pickColor(edit.doc, { layer: 0, frame: 1 }, { x: 3, y: 3 })).toBe(BLUE);
    const h = createHistory();
    h.past.push(edit.step!);
    const back = undo(edit.doc, h);
    expect(pickColor(back.doc, { layer: 0, frame: 0 }, { x: 1, y: 1 })).toBe(RED);
    expect(pickColor(back.doc, { layer: 0, frame: 1 }, { x: 1, y: 1 })).toBe(0);
    const again = redo(back.doc, back.history);
    expect(pickColor(again.doc, { layer: 0, frame: 1 }, { x: 1, y: 1 })).toBe(RED);
  });

  it("does nothing on a locked layer or to the same frame", () => {
    let doc = createDocument({ width: 4, height: 4, frames: 2 });
    doc = pencil(doc, { layer: 0, frame: 0 }, [{ x: 0, y: 0 }], RED).doc;
    const rect = { x: 0, y: 0, width: 2, height: 2 };
    expect(moveSelectionToFrame(doc, { layer: 0, frame: 0 }, rect, 0).step).toBeNull();
    const locked = updateLayer(doc, 0, { locked: true }).doc;
    expect(moveSelectionToFrame(locked, { layer: 0, frame: 0 }, rect, 1).step).toBeNull();
  });
});

describe("addPaletteColors", () => {
  it("appends only new colours, normalised, as one step", () => {
    const doc = createDocument({ width: 2, height: 2, palette: ["#000000"] });
    const edit = addPaletteColors(doc, ["#000000", "#FF0000", "#ff0000", "#00ff00"]);
    expect(edit.doc.palette).toEqual(["#000000", "#ff0000", "#00ff00"]);
    expect(edit.step?.kind).toBe("document");
    expect(addPaletteColors(edit.doc, ["#ff0000"]).step).toBeNull();
  });

  it("stops at 256 colours", () => {
    const doc = createDocument({ width: 2, height: 2 });
    const many = Array.from({ length: 300 }, (_, i) => `#${i.toString(16).padStart(6, "0")}`);
    expect(addPaletteColors(doc, many).doc.palette).toHaveLength(256);
  });
});
