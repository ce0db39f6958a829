import { describe, expect, it } from "vitest";
import { compositeRectInto } from "./composite-rect";
import {
  addLayer,
  compositeFrame,
  createDocument,
  hexToRgba,
  packRgba,
  pencil,
  toIndexed,
  updateLayer,
} from "./index";

function busyDocument() {
  let doc = createDocument({ width: 8, height: 6, frames: 2 });
  doc = addLayer(doc).doc;
  doc = addLayer(doc).doc;
  const pts = (n: number, k: number) =>
    Array.from({ length: n }, (_, i) => ({ x: (i * k) % 8, y: (i * (k + 1)) % 6 }));
  doc = pencil(doc, { layer: 0, frame: 1 }, pts(30, 3), hexToRgba("#ff0000")).doc;
  doc = pencil(doc, { layer: 1, frame: 1 }, pts(20, 5), packRgba(0, 128, 255, 100)).doc;
  doc = pencil(doc, { layer: 2, frame: 1 }, pts(12, 7), hexToRgba("#00ff00")).doc;
  doc = updateLayer(doc, 1, { opacity: 0.6 }).doc;
  doc = updateLayer(doc, 2, { opacity: 0.35 }).doc;
  return doc;
}

describe("compositeRectInto", () => {
  it("gives the same pixels as compositeFrame inside the rectangle and leaves the rest", () => {
    const doc = busyDocument();
    const full = compositeFrame(doc, 1);
    const out = new Uint8ClampedArray(full.length).fill(7);
    const rect = { x: 2, y: 1, width: 4, height: 3 };
    compositeRectInto(out, doc, 1, rect);
    for (let y = 0; y < doc.height; y++)
      for (let x = 0; x < doc.width; x++) {
        const o = (y * doc.width + x) * 4;
        const inside = x >= 2 && x < 6 && y >= 1 && y < 4;
        expect([...out.subarray(o, o + 4)]).toEqual(
          inside ? [...full.subarray(o, o + 4)] : [7, 7, 7, 7],
        );
      }
  });

  it("matches over the whole frame, hidden layers skipped, in indexed mode too", () => {
    let doc = updateLayer(busyDocument(), 0, { visible: false }).doc;
    const whole = { x: 0, y: 0, width: doc.width, height: doc.height };
    const out = new Uint8ClampedArray(doc.width * doc.height * 4);
    compositeRectInto(out, doc, 1, whole);
    expect(out).toEqual(compositeFrame(doc, 1));
    doc = toIndexed(updateLayer(doc, 1, { opacity: 1 }).doc, { extendPalette: true }).doc;
    compositeRectInto(out, doc, 1, whole);
    expect(out).toEqual(compositeFrame(doc, 1));
  });
});
