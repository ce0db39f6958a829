import { describe, expect, it } from "vitest";
import {
  addFrame,
  addLayer,
  addPaletteColor,
  addTag,
  bucketFill,
  commitEdit,
  compositeFrame,
  copySelection,
  createDocument,
  createHistory,
  cropCanvas,
  cutSelection,
  deleteFrame,
  deleteLayer,
  drawEllipse,
  drawLine,
  drawRectangle,
  duplicateFrame,
  type Edit,
  ellipsePoints,
  erase,
  flipFrame,
  flipSelection,
  hexToRgba,
  linePoints,
  loadPalette,
  mergeLayerDown,
  moveFrame,
  moveLayer,
  movePaletteColor,
  moveSelection,
  onionSkinFrames,
  packRgba,
  pasteClip,
  pencil,
  pickColor,
  pixelPerfect,
  redo,
  remapToPalette,
  removePaletteColor,
  replaceColor,
  resizeCanvas,
  rotateFrame90,
  rotateSelection90,
  type SpriteDocument,
  Stroke,
  setPaletteColor,
  snapLineEnd,
  toIndexed,
  toRgba,
  undo,
  updateLayer,
  validateDocument,
} from "./index";

const RED = hexToRgba("#ff0000");
const BLUE = hexToRgba("#0000ff");
const GREEN = hexToRgba("#00ff00");
const L0F0 = { layer: 0, frame: 0 };

/** The cel as a picture: "." clear, letters for the colours given. */
function art(
  doc: SpriteDocument,
  ref = L0F0,
  names: Record<string, number> = { R: RED, B: BLUE, G: GREEN },
): string[] {
  const rows: string[] = [];
  for (let y = 0; y < doc.height; y++) {
    let row = "";
    for (let x = 0; x < doc.width; x++) {
      const c = pickColor(doc, ref, { x, y });
      const name = Object.entries(names).find(([, v]) => v === c)?.[0];
      row += c === 0 ? "." : (name ?? "?");
    }
    rows.push(row);
  }
  return rows;
}

function apply(doc: SpriteDocument, edit: Edit) {
  expect(edit.step).not.toBeNull();
  expect(edit.doc).not.toBe(doc);
  return edit.doc;
}

describe("geometry", () => {
  it("draws Bresenham lines with both ends, 8-connected", () => {
    expect(linePoints(0, 0, 4, 2)).toEqual([
      { x: 0, y: 0 },
      { x: 1, y: 1 },
      { x: 2, y: 1 },
      { x: 3, y: 2 },
      { x: 4, y: 2 },
    ]);
    // drawn backwards: the same pixels
    const back = linePoints(4, 2, 0, 0).map((p) => `${p.x},${p.y}`);
    expect(back.sort()).toEqual(
      linePoints(0, 0, 4, 2)
        .map((p) => `${p.x},${p.y}`)
        .sort(),
    );
    expect(linePoints(0, 0, 1, 5)).toHaveLength(6);
    expect(linePoints(3, 3, 3, 0).map((p) => p.y)).toEqual([3, 2, 1, 0]);
  });

  it("snaps a Shift line to 15° steps, exact on axes and diagonals", () => {
    expect(snapLineEnd(0, 0, 10, 1)).toEqual({ x: 10, y: 0 });
    expect(snapLineEnd(0, 0, 7, 6)).toEqual({ x: 7, y: 7 });
    expect(snapLineEnd(5, 5, 4, -5)).toEqual({ x: 5, y: -5 });
    const p = snapLineEnd(0, 0, 10, 5, 15); // ~26.6° → 30°
    expect(Math.abs((Math.atan2(p.y, p.x) * 180) / Math.PI - 30)).toBeLessThan(2);
  });

  it("draws a symmetric, gap-free ellipse outline inside its rectangle", () => {
    const pts = ellipsePoints(0, 0, 6, 4, false);
    const set = new Set(pts.map((p) => `${p.x},${p.y}`));
    for (const p of pts) {
      expect(p.x).toBeGreaterThanOrEqual(0);
      expect(p.x).toBeLessThanOrEqual(6);
      expect(p.y).toBeGreaterThanOrEqual(0);
      expect(p.y).toBeLessThanOrEqual(4);
      expect(set.has(`${6 - p.x},${p.y}`)).toBe(true); // mirror left-right
      expect(set.has(`${p.x},${4 - p.y}`)).toBe(true); // mirror top-bottom
      // every outline pixel touches another (8-connected): no gaps
      const touching = pts.filter(
        (q) => q !== p && Math.abs(q.x - p.x) <= 1 && Math.abs(q.y - p.y) <= 1,
      );
      expect(touching.length).toBeGreaterThanOrEqual(2);
    }
    expect(set.has("3,0") && set.has("3,4") && set.has("0,2") && set.has("6,2")).toBe(true);
    expect(set.has("0,0")).toBe(false);
    const filled = ellipsePoints(0, 0, 6, 4, true);
    expect(filled.length).toBeGreaterThan(pts.length);
    expect(filled.some((p) => p.x === 3 && p.y === 2)).toBe(true);
    // a 1-px ellipse is a single pixel; a 2-wide one two pixels
    expect(ellipsePoints(2, 2, 2, 2, false)).toEqual([{ x: 2, y: 2 }]);
  });

  it("pixel-perfect drops L corners", () => {
    const path = [
      { x: 0, y: 0 },
      { x: 1, y: 0 },
      { x: 1, y: 1 },
      { x: 2, y: 1 },
      { x: 2, y: 2 },
    ];
    expect(pixelPerfect(path)).toEqual([
      { x: 0, y: 0 },
      { x: 1, y: 1 },
      { x: 2, y: 2 },
    ]);
    const straight = [0, 1, 2, 3].map((x) => ({ x, y: 0 }));
    expect(pixelPerfect(straight)).toEqual(straight);
  });
});

describe("drawing", () => {
  it("draws a line into the cel and undoes/redoes it as one step", () => {
    const doc = createDocument({ width: 5, height: 3 });
    let state = { doc, history: createHistory() };
    state = commitEdit(state, drawLine(state.doc, L0F0, { x: 0, y: 0 }, { x: 4, y: 2 }, RED));
    expect(art(state.doc)).toEqual(["R....", ".RR..", "...RR"]);
    expect(state.history.past).toHaveLength(1);
    const step = state.history.past[0]!;
    expect(step.kind === "pixels" && step.patches[0]!.index.length).toBe(5);
    const u = undo(state.doc, state.history);
    expect(art(u.doc)).toEqual([".....", ".....", "....."]);
    const r = redo(u.doc, u.history);
    expect(art(r.doc)).toEqual(["R....", ".RR..", "...RR"]);
    // the original document was never mutated
    expect(art(doc)).toEqual([".....", ".....", "....."]);
  });

  it("records only changed pixels: redrawing a pixel with its colour makes no step", () => {
    const doc = apply(
      createDocument({ width: 2, height: 1 }),
      pencil(createDocument({ width: 2, height: 1 }), L0F0, [{ x: 0, y: 0 }], RED),
    );
    const again = pencil(doc, L0F0, [{ x: 0, y: 0 }], RED);
    expect(again.step).toBeNull();
    expect(again.doc).toBe(doc);
  });

  it("a live stroke joins gaps, previews, and the pixel-perfect option takes corners back", () => {
    const doc = createDocument({ width: 4, height: 4 });
    const s = new Stroke(doc, L0F0, BLUE, { pixelPerfect: true });
    for (const p of [
      { x: 0, y: 0 },
      { x: 1, y: 0 },
      { x: 1, y: 1 },
      { x: 2, y: 1 },
      { x: 2, y: 2 },
    ]) {
      s.add(p);
    }
    expect(art(s.preview())).toEqual(["B...", ".B..", "..B.", "...."]);
    const plain = pencil(
      doc,
      L0F0,
      [
        { x: 0, y: 0 },
        { x: 3, y: 0 },
      ],
      BLUE,
    );
    expect(art(plain.doc)).toEqual(["BBBB", "....", "....", "...."]);
    const e = s.finish();
    expect(e.step?.kind === "pixels" && e.step.patches[0]!.index.length).toBe(3);
  });

  it("mirrors drawing horizontally and vertically", () => {
    const doc = createDocument({ width: 4, height: 3 });
    const h = pencil(doc, L0F0, [{ x: 0, y: 0 }], RED, { mirror: { horizontal: true } });
    expect(art(h.doc)).toEqual(["R..R", "....", "...."]);
    const hv = pencil(doc, L0F0, [{ x: 1, y: 0 }], RED, {
      mirror: { horizontal: true, vertical: true },
    });
    expect(art(hv.doc)).toEqual([".RR.", "....", ".RR."]);
    const rect = drawRectangle(doc, L0F0, { x: 0, y: 0 }, { x: 0, y: 1 }, BLUE, {
      mirror: { vertical: true },
    });
    expect(art(rect.doc)).toEqual(["B...", "B...", "B..."]);
  });

  it("draws outline and filled rectangles and ellipses, clipped to the canvas", () => {
    const doc = createDocument({ width: 5, height: 4 });
    expect(art(drawRectangle(doc, L0F0, { x: 1, y: 0 }, { x: 3, y: 3 }, RED).doc)).toEqual([
      ".RRR.",
      ".R.R.",
      ".R.R.",
      ".RRR.",
    ]);
    expect(
      art(drawRectangle(doc, L0F0, { x: 3, y: 2 }, { x: 9, y: 9 }, RED, { filled: true }).doc),
    ).toEqual([".....", ".....", "...RR", "...RR"]);
    expect(art(drawEllipse(doc, L0F0, { x: 0, y: 0 }, { x: 4, y: 3 }, GREEN).doc)).toEqual([
      ".GGG.",
      "G...G",
      "G...G",
      ".GGG.",
    ]);
    expect(
      art(drawEllipse(doc, L0F0, { x: 0, y: 0 }, { x: 4, y: 3 }, GREEN, { filled: true }).doc),
    ).toEqual([".GGG.", "GGGGG", "GGGGG", ".GGG."]);
  });

  it("bucket fill: contiguous region only, or every pixel of the colour", () => {
    let doc = createDocument({ width: 5, height: 3 });
    doc = apply(doc, drawLine(doc, L0F0, { x: 2, y: 0 }, { x: 2, y: 2 }, RED));
    const contiguous = bucketFill(doc, L0F0, { x: 0, y: 1 }, BLUE);
    expect(art(contiguous.doc)).toEqual(["BBR..", "BBR..", "BBR.."]);
    const global = bucketFill(doc, L0F0, { x: 0, y: 1 }, BLUE, { contiguous: false });
    expect(art(global.doc)).toEqual(["BBRBB", "BBRBB", "BBRBB"]);
    // an enclosed pocket stays unfilled by a contiguous fill
    let ring = createDocument({ width: 5, height: 5 });
    ring = apply(ring, drawRectangle(ring, L0F0, { x: 1, y: 1 }, { x: 3, y: 3 }, RED));
    expect(art(bucketFill(ring, L0F0, { x: 0, y: 0 }, GREEN).doc)).toEqual([
      "GGGGG",
      "GRRRG",
      "GR.RG",
      "GRRRG",
      "GGGGG",
    ]);
    // a 256×256 fill works without recursion limits and is one undo step
    const big = createDocument({ width: 256, height: 256 });
    const fill = bucketFill(big, L0F0, { x: 100, y: 100 }, RED);
    expect(fill.step?.kind === "pixels" && fill.step.patches[0]!.index.length).toBe(256 * 256);
  });

  it("eraser clears; locked layers ignore drawing", () => {
    let doc = createDocument({ width: 3, height: 1 });
    doc = apply(doc, drawLine(doc, L0F0, { x: 0, y: 0 }, { x: 2, y: 0 }, RED));
    expect(art(erase(doc, L0F0, [{ x: 1, y: 0 }]).doc)).toEqual(["R.R"]);
    const locked = apply(doc, updateLayer(doc, 0, { locked: true }));
    expect(pencil(locked, L0F0, [{ x: 1, y: 0 }], BLUE).step).toBeNull();
    expect(bucketFill(locked, L0F0, { x: 1, y: 0 }, BLUE).step).toBeNull();
  });

  it("lock-to-palette snaps drawn colours to the nearest palette entry", () => {
    const doc = createDocument({ width: 1, height: 1, palette: ["#000000", "#ff0000"] });
    const e = pencil(doc, L0F0, [{ x: 0, y: 0 }], packRgba(230, 20, 10), { lockToPalette: true });
    expect(pickColor(e.doc, L0F0, { x: 0, y: 0 })).toBe(RED);
  });
});

describe("selection", () => {
  const base = () => {
    const doc = createDocument({ width: 4, height: 4, frames: 2 });
    return apply(
      doc,
      drawRectangle(doc, L0F0, { x: 0, y: 0 }, { x: 1, y: 1 }, RED, { filled: true }),
    );
  };

  it("moves a selection (drag or nudge) in one undoable step", () => {
    const doc = base();
    const { edit, rect } = moveSelection(doc, L0F0, { x: 0, y: 0, width: 2, height: 2 }, 1, 2);
    expect(rect).toEqual({ x: 1, y: 2, width: 2, height: 2 });
    expect(art(edit.doc)).toEqual(["....", "....", ".RR.", ".RR."]);
    const nudged = moveSelection(edit.doc, L0F0, rect, 1, 0);
    expect(art(nudged.edit.doc)).toEqual(["....", "....", "..RR", "..RR"]);
    let state = commitEdit({ doc, history: createHistory() }, edit);
    state = commitEdit(state, nudged.edit);
    const u1 = undo(state.doc, state.history);
    expect(art(u1.doc)).toEqual(art(edit.doc));
    const u2 = undo(u1.doc, u1.history);
    expect(art(u2.doc)).toEqual(art(doc));
    // moving past the edge drops what leaves the canvas
    expect(
      art(moveSelection(doc, L0F0, { x: 0, y: 0, width: 2, height: 2 }, -1, 0).edit.doc),
    ).toEqual(["R...", "R...", "....", "...."]);
  });

  it("cut, copy and paste, also into another frame", () => {
    const doc = base();
    const clip = copySelection(doc, L0F0, { x: 0, y: 0, width: 2, height: 1 });
    expect(Array.from(clip.pixels)).toEqual([RED, RED]);
    const pasted = pasteClip(doc, { layer: 0, frame: 1 }, clip, { x: 2, y: 3 });
    expect(art(pasted.doc, { layer: 0, frame: 1 })).toEqual(["....", "....", "....", "..RR"]);
    expect(art(pasted.doc, L0F0)).toEqual(art(doc, L0F0));
    const cut = cutSelection(doc, L0F0, { x: 0, y: 0, width: 1, height: 2 });
    expect(art(cut.edit.doc)).toEqual([".R..", ".R..", "....", "...."]);
    expect(cut.clip.pixels).toEqual(new Uint32Array([RED, RED]));
  });

  it("flips and rotates a selection and a whole frame", () => {
    let doc = createDocument({ width: 3, height: 3 });
    doc = apply(
      doc,
      pencil(
        doc,
        L0F0,
        [
          { x: 0, y: 0 },
          { x: 1, y: 0 },
        ],
        RED,
      ),
    );
    doc = apply(doc, pencil(doc, L0F0, [{ x: 0, y: 1 }], BLUE));
    expect(art(doc)).toEqual(["RR.", "B..", "..."]);
    expect(art(flipFrame(doc, 0, "horizontal").doc)).toEqual([".RR", "..B", "..."]);
    expect(art(flipFrame(doc, 0, "vertical").doc)).toEqual(["...", "B..", "RR."]);
    expect(art(rotateFrame90(doc, 0, true).doc)).toEqual([".BR", "..R", "..."]);
    expect(art(rotateFrame90(doc, 0, false).doc)).toEqual(["...", "R..", "RB."]);
    const sel = { x: 0, y: 0, width: 2, height: 2 };
    expect(art(flipSelection(doc, L0F0, sel, "horizontal").edit.doc)).toEqual([
      "RR.",
      ".B.",
      "...",
    ]);
    const rot = rotateSelection90(doc, L0F0, { x: 0, y: 0, width: 2, height: 1 }, true);
    expect(rot.rect).toEqual({ x: 0, y: 0, width: 1, height: 2 });
    expect(art(rot.edit.doc)).toEqual(["R..", "R..", "..."]);
    // four quarter turns bring a selection back (on a cel where nothing lies under its path)
    const start = apply(doc, erase(doc, L0F0, [{ x: 0, y: 1 }]));
    let d = start;
    let r = { x: 0, y: 0, width: 2, height: 1 };
    for (let k = 0; k < 4; k++) {
      const t = rotateSelection90(d, L0F0, r, true);
      d = t.edit.doc;
      r = t.rect;
    }
    expect(r).toEqual({ x: 0, y: 0, width: 2, height: 1 });
    expect(art(d)).toEqual(art(start));
  });
});

describe("structure", () => {
  it("adds, duplicates, deletes and reorders frames with tags following", () => {
    let doc = createDocument({ width: 2, height: 1, frames: 3 });
    doc = apply(doc, pencil(doc, { layer: 0, frame: 1 }, [{ x: 0, y: 0 }], RED));
    doc = apply(doc, addTag(doc, { name: "walk_down", from: 1, to: 2, direction: "down" }));
    const dup = apply(doc, duplicateFrame(doc, 1));
    expect(dup.frames).toHaveLength(4);
    expect(art(dup, { layer: 0, frame: 2 })).toEqual(["R."]);
    expect(dup.tags[0]).toMatchObject({ from: 1, to: 3 });
    const added = apply(doc, addFrame(doc, 0, 250));
    expect(added.frames[0]!.durationMs).toBe(250);
    expect(added.tags[0]).toMatchObject({ from: 2, to: 3 });
    const del = apply(doc, deleteFrame(doc, 1));
    expect(del.frames).toHaveLength(2);
    expect(del.tags[0]).toMatchObject({ from: 1, to: 1 });
    const moved = apply(doc, moveFrame(doc, 1, 0));
    expect(art(moved, { layer: 0, frame: 0 })).toEqual(["R."]);
    expect(() => deleteFrame(createDocument({ width: 1, height: 1 }), 0)).toThrow(
      /at least one frame/,
    );
    validateDocument(dup);
  });

  it("composites visible layers with opacity and merges down", () => {
    let doc = createDocument({ width: 1, height: 1 });
    doc = apply(doc, pencil(doc, L0F0, [{ x: 0, y: 0 }], RED));
    doc = apply(doc, addLayer(doc));
    doc = apply(doc, pencil(doc, { layer: 1, frame: 0 }, [{ x: 0, y: 0 }], BLUE));
    expect(Array.from(compositeFrame(doc, 0))).toEqual([0, 0, 255, 255]);
    const half = apply(doc, updateLayer(doc, 1, { opacity: 0.5 }));
    expect(Array.from(compositeFrame(half, 0))).toEqual([128, 0, 128, 255]);
    const hidden = apply(doc, updateLayer(doc, 1, { visible: false }));
    expect(Array.from(compositeFrame(hidden, 0))).toEqual([255, 0, 0, 255]);
    const merged = apply(half, mergeLayerDown(half, 1));
    expect(merged.layers).toHaveLength(1);
    expect(Array.from(merged.cels[0]![0]!)).toEqual([128, 0, 128, 255]);
  });

  it("deletes and reorders layers with their cels, undoably; the last layer stays", () => {
    let doc = createDocument({ width: 1, height: 1, frames: 2 });
    doc = apply(doc, pencil(doc, L0F0, [{ x: 0, y: 0 }], RED));
    doc = apply(doc, addLayer(doc));
    doc = apply(doc, pencil(doc, { layer: 1, frame: 1 }, [{ x: 0, y: 0 }], BLUE));
    const names = (d: SpriteDocument) => d.layers.map((l) => l.name);
    const [bottom, top] = names(doc);
    const moved = moveLayer(doc, 1, 0);
    const swapped = apply(doc, moved);
    expect(names(swapped)).toEqual([top, bottom]);
    expect(pickColor(swapped, { layer: 0, frame: 1 }, { x: 0, y: 0 })).toBe(BLUE);
    expect(pickColor(swapped, { layer: 1, frame: 0 }, { x: 0, y: 0 })).toBe(RED);
    expect(moveLayer(doc, 1, 1).step).toBeNull();
    const state = commitEdit({ doc, history: createHistory() }, moved);
    expect(names(undo(state.doc, state.history).doc)).toEqual([bottom, top]);

    const removed = apply(doc, deleteLayer(doc, 0));
    expect(names(removed)).toEqual([top]);
    expect(Array.from(compositeFrame(removed, 0))).toEqual([0, 0, 0, 0]);
    expect(Array.from(compositeFrame(removed, 1))).toEqual([0, 0, 255, 255]);
    expect(() => deleteLayer(removed, 0)).toThrow(/at least one layer/);
  });

  it("resizes and crops the canvas of every frame and layer", () => {
    let doc = createDocument({ width: 2, height: 2, frames: 2 });
    doc = apply(doc, pencil(doc, { layer: 0, frame: 1 }, [{ x: 1, y: 1 }], RED));
    const bigger = apply(doc, resizeCanvas(doc, 4, 3, { x: 1, y: 1 }));
    expect(art(bigger, { layer: 0, frame: 1 })).toEqual(["....", "....", "..R."]);
    const cropped = apply(bigger, cropCanvas(bigger, { x: 2, y: 2, width: 1, height: 1 }));
    expect(art(cropped, { layer: 0, frame: 1 })).toEqual(["R"]);
    expect(() => resizeCanvas(doc, 257, 2)).toThrow(/1–256/);
  });

  it("lists onion-skin neighbours with fading opacity, looping when asked", () => {
    const doc = createDocument({ width: 1, height: 1, frames: 4 });
    expect(onionSkinFrames(doc, 0, { before: 2, after: 1, opacity: 0.4 })).toEqual([
      { frame: 1, opacity: 0.4, side: "after" },
    ]);
    expect(
      onionSkinFrames(doc, 0, { before: 1, after: 1, loop: true, opacity: 0.5 }).map(
        (o) => o.frame,
      ),
    ).toEqual([3, 1]);
    const two = onionSkinFrames(doc, 2, { before: 2, after: 0, opacity: 0.4 });
    expect(two).toEqual([
      { frame: 0, opacity: 0.2, side: "before" },
      { frame: 1, opacity: 0.4, side: "before" },
    ]);
  });
});

describe("palette", () => {
  it("replaces a colour in every frame and layer as one step, and undoes it", () => {
    let doc = createDocument({
      width: 2,
      height: 1,
      frames: 3,
      layers: 2,
      palette: ["#ff0000", "#00ff00"],
    });
    for (let f = 0; f < 3; f++)
      doc = apply(doc, pencil(doc, { layer: f % 2, frame: f }, [{ x: f % 2, y: 0 }], RED));
    doc = apply(doc, pencil(doc, { layer: 0, frame: 0 }, [{ x: 1, y: 0 }], GREEN));
    let state = { doc, history: createHistory() };
    state = commitEdit(state, replaceColor(state.doc, RED, BLUE));
    expect(state.history.past).toHaveLength(1);
    expect(art(state.doc, { layer: 0, frame: 0 })).toEqual(["BG"]);
    expect(art(state.doc, { layer: 1, frame: 1 })).toEqual([".B"]);
    expect(art(state.doc, { layer: 0, frame: 2 })).toEqual(["B."]);
    expect(state.doc.palette).toEqual(["#0000ff", "#00ff00"]);
    const u = undo(state.doc, state.history);
    expect(art(u.doc, { layer: 0, frame: 0 })).toEqual(["RG"]);
    expect(u.doc.palette).toEqual(["#ff0000", "#00ff00"]);
  });

  it("indexed mode: editing an entry recolours every frame; reorder/remove keep the picture", () => {
    let doc = createDocument({ width: 2, height: 1, frames: 2, palette: ["#ff0000", "#0000ff"] });
    doc = apply(doc, pencil(doc, L0F0, [{ x: 0, y: 0 }], RED));
    doc = apply(
      doc,
      pencil(
        doc,
        { layer: 0, frame: 1 },
        [
          { x: 0, y: 0 },
          { x: 1, y: 0 },
        ],
        RED,
      ),
    );
    doc = apply(doc, pencil(doc, L0F0, [{ x: 1, y: 0 }], BLUE));
    const indexed = apply(doc, toIndexed(doc));
    expect(indexed.colorMode).toBe("indexed");
    expect(Array.from(indexed.cels[0]![0]!)).toEqual([0, 1]);
    const green = apply(indexed, setPaletteColor(indexed, 0, "#00ff00"));
    expect(art(green, L0F0)).toEqual(["GB"]);
    expect(art(green, { layer: 0, frame: 1 })).toEqual(["GG"]);
    const moved = apply(indexed, movePaletteColor(indexed, 0, 1));
    expect(moved.palette).toEqual(["#0000ff", "#ff0000"]);
    expect(art(moved, L0F0)).toEqual(art(indexed, L0F0));
    const added = apply(indexed, addPaletteColor(indexed, "#00ff00", 0));
    expect(art(added, L0F0)).toEqual(["RB"]);
    const removed = apply(indexed, removePaletteColor(indexed, 1));
    expect(removed.palette).toEqual(["#ff0000"]);
    expect(art(removed, L0F0)).toEqual(["RR"]);
    // indexed drawing stores the nearest entry; replaceColor edits the entry
    const drawn = pencil(indexed, L0F0, [{ x: 1, y: 0 }], packRgba(250, 5, 5));
    expect(Array.from(drawn.doc.cels[0]![0]!)).toEqual([0, 0]);
    expect(replaceColor(indexed, BLUE, GREEN).doc.palette).toEqual(["#ff0000", "#00ff00"]);
    // and back to RGBA with the same look
    expect(art(apply(green, toRgba(green)), L0F0)).toEqual(["GB"]);
  });

  it("remaps an indexed document onto another palette (nearest, or an explicit mapping)", () => {
    let doc = createDocument({
      width: 2,
      height: 1,
      colorMode: "indexed",
      palette: ["#fe0101", "#0101fe"],
    });
    doc = apply(doc, pencil(doc, L0F0, [{ x: 0, y: 0 }], hexToRgba("#fe0101")));
    doc = apply(doc, pencil(doc, L0F0, [{ x: 1, y: 0 }], hexToRgba("#0101fe")));
    const nearest = apply(doc, remapToPalette(doc, ["#0000ff", "#00ff00", "#ff0000"]));
    expect(Array.from(nearest.cels[0]![0]!)).toEqual([2, 0]);
    expect(art(nearest, L0F0)).toEqual(["RB"]);
    const swapped = apply(doc, remapToPalette(doc, ["#ff0000", "#0000ff"], [1, 0]));
    expect(art(swapped, L0F0)).toEqual(["BR"]);
    expect(() => remapToPalette(doc, ["#ff0000"], [0, 3])).toThrow(/mapping/);
  });

  it("loads a saved palette: RGBA pixels stay, indexed pixels move to the nearest entry", () => {
    let rgba = createDocument({ width: 2, height: 1, palette: ["#ff0000"] });
    rgba = apply(rgba, pencil(rgba, L0F0, [{ x: 0, y: 0 }], hexToRgba("#fe0101")));
    const loaded = loadPalette(rgba, ["#00FF00", "#0000ff"]);
    expect(loaded.step).not.toBeNull();
    expect(loaded.doc.palette).toEqual(["#00ff00", "#0000ff"]);
    expect(loaded.doc.cels[0]![0]).toBe(rgba.cels[0]![0]); // not one pixel touched
    const u = undo(loaded.doc, commitEdit({ doc: rgba, history: createHistory() }, loaded).history);
    expect(u.doc.palette).toEqual(["#ff0000"]);

    let indexed = createDocument({
      width: 2,
      height: 1,
      colorMode: "indexed",
      palette: ["#fe0101"],
    });
    indexed = apply(indexed, pencil(indexed, L0F0, [{ x: 1, y: 0 }], hexToRgba("#fe0101")));
    const moved = apply(indexed, loadPalette(indexed, ["#0000ff", "#ff0000"]));
    expect(Array.from(moved.cels[0]![0]!)).toEqual([-1, 1]);
    expect(art(moved, L0F0)).toEqual([".R"]);
    expect(() => loadPalette(rgba, [])).toThrow(/1 to 256/);
  });
});

describe("undo history", () => {
  it("keeps at least 200 strokes and round-trips all of them", () => {
    const doc0 = createDocument({ width: 16, height: 16, frames: 2, layers: 2 });
    let state = { doc: doc0, history: createHistory() };
    const snapshots: string[][] = [art(doc0)];
    for (let k = 0; k < 240; k++) {
      const ref = { layer: k % 2, frame: 0 };
      const x = k % 16;
      const y = Math.floor(k / 16) % 16;
      const color = k % 3 === 0 ? RED : k % 3 === 1 ? BLUE : GREEN;
      const edit =
        k % 7 === 0
          ? addFrame(state.doc)
          : k % 5 === 0
            ? bucketFill(state.doc, ref, { x, y }, color)
            : pencil(
                state.doc,
                ref,
                [
                  { x, y },
                  { x: 15 - x, y },
                ],
                color,
              );
      state = commitEdit(state, edit);
      if (edit.step) snapshots.push(art(state.doc, L0F0));
    }
    expect(state.history.past.length).toBeGreaterThanOrEqual(200);
    const final = state.doc;
    let u = { doc: state.doc, history: state.history };
    const undone = state.history.past.length;
    for (let k = 0; k < undone; k++) {
      u = undo(u.doc, u.history);
      expect(art(u.doc, L0F0)).toEqual(snapshots[snapshots.length - 2 - k]);
    }
    for (let k = 0; k < undone; k++) u = redo(u.doc, u.history);
    expect(u.doc.frames.length).toBe(final.frames.length);
    for (let l = 0; l < 2; l++) {
      for (let f = 0; f < final.frames.length; f++) {
        expect(Array.from(u.doc.cels[l]![f]!)).toEqual(Array.from(final.cels[l]![f]!));
      }
    }
    // a new edit after undo clears redo
    const back = undo(u.doc, u.history);
    const branched = commitEdit(back, pencil(back.doc, L0F0, [{ x: 0, y: 0 }], BLUE));
    expect(branched.history.future).toHaveLength(0);
  });

  it("round-trips indexed pixel steps (transparent -1 included)", () => {
    let doc = createDocument({ width: 2, height: 1, colorMode: "indexed", palette: ["#ff0000"] });
    let state = { doc, history: createHistory() };
    state = commitEdit(state, pencil(state.doc, L0F0, [{ x: 0, y: 0 }], RED));
    state = commitEdit(state, erase(state.doc, L0F0, [{ x: 0, y: 0 }]));
    const u = undo(state.doc, state.history);
    expect(Array.from(u.doc.cels[0]![0]!)).toEqual([0, -1]);
    const u2 = undo(u.doc, u.history);
    expect(Array.from(u2.doc.cels[0]![0]!)).toEqual([-1, -1]);
    doc = redo(redo(u2.doc, u2.history).doc, redo(u2.doc, u2.history).history).doc;
    expect(Array.from(doc.cels[0]![0]!)).toEqual([-1, -1]);
  });

  it("drops the oldest steps beyond the limit", () => {
    let state = { doc: createDocument({ width: 8, height: 8 }), history: createHistory(3) };
    for (let x = 0; x < 5; x++)
      state = commitEdit(state, pencil(state.doc, L0F0, [{ x, y: 0 }], RED));
    expect(state.history.past).toHaveLength(3);
  });
});

describe("validation", () => {
  it("rejects documents beyond the limits with a clear message", () => {
    expect(() => createDocument({ width: 257, height: 1 })).toThrow(
      /width must be an integer from 1 to 256/,
    );
    expect(() => createDocument({ width: 1, height: 1, frames: 257 })).toThrow(/1 to 256 frames/);
    expect(() => createDocument({ width: 1, height: 1, layers: 65 })).toThrow(/1 to 64 layers/);
    expect(() =>
      createDocument({
        width: 1,
        height: 1,
        palette: Array.from({ length: 257 }, () => "#000000"),
      }),
    ).toThrow(/at most 256 colours/);
    const doc = createDocument({ width: 2, height: 2 });
    expect(() => validateDocument({ ...doc, cels: [[new Uint8ClampedArray(3)]] })).toThrow(
      /not 2×2 rgba/,
    );
    expect(() => validateDocument({ ...doc, tags: [{ name: "x", from: 0, to: 3 }] })).toThrow(
      /tag "x"/,
    );
  });
});
