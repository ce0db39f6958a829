// The .aseprite writer, checked by an independent reader (ase-parser, MIT), and the Aseprite
// sheet-JSON reader.
import zlib from "node:zlib";
import Aseprite from "ase-parser";
import { describe, expect, it } from "vitest";
import {
  addFrame,
  addLayer,
  addTag,
  createDocument,
  type Edit,
  hexToRgba,
  parseAsepriteJson,
  pencil,
  type SpriteDocument,
  setFrameDuration,
  setPivot,
  toIndexed,
  updateLayer,
  writeAsepriteFile,
} from "./index";

const deflate = (raw: Uint8Array) => zlib.deflateSync(raw);
const RED = hexToRgba("#ff0000");
const BLUE = hexToRgba("#0000ff");

function apply(edit: Edit): SpriteDocument {
  expect(edit.step).not.toBeNull();
  return edit.doc;
}

function sample(): SpriteDocument {
  let doc = createDocument({ width: 4, height: 3, frames: 3, palette: ["#ff0000", "#0000ff"] });
  doc = apply(pencil(doc, { layer: 0, frame: 0 }, [{ x: 0, y: 0 }], RED));
  doc = apply(pencil(doc, { layer: 0, frame: 1 }, [{ x: 1, y: 1 }], BLUE));
  doc = apply(addLayer(doc, 1, "Cape"));
  doc = apply(pencil(doc, { layer: 1, frame: 1 }, [{ x: 3, y: 2 }], BLUE));
  doc = apply(updateLayer(doc, 1, { opacity: 0.5, visible: false }));
  doc = apply(addTag(doc, { name: "walk_down", from: 0, to: 1, direction: "down" }));
  doc = apply(addTag(doc, { name: "idle", from: 2, to: 2 }));
  doc = apply(setFrameDuration(doc, 0, 100));
  doc = apply(setFrameDuration(doc, 1, 150));
  doc = apply(setFrameDuration(doc, 2, 200));
  return doc;
}

function parse(bytes: Uint8Array) {
  const ase = new Aseprite(Buffer.from(bytes), "test.aseprite");
  ase.parse();
  return ase;
}

describe("writeAsepriteFile", () => {
  it("writes frames, layers, tags, palette and RGBA pixels an independent reader reads back", () => {
    const doc = sample();
    const bytes = writeAsepriteFile(doc, deflate);
    const ase = parse(bytes);
    expect(ase.fileSize).toBe(bytes.length);
    expect([ase.width, ase.height, ase.numFrames, ase.colorDepth]).toEqual([4, 3, 3, 32]);
    expect(ase.frames.map((f) => f.frameDuration)).toEqual([100, 150, 200]);
    expect(ase.layers.map((l) => [l.name, l.flags.visible, l.opacity])).toEqual([
      ["Layer 1", true, 255],
      ["Cape", false, 128],
    ]);
    expect(ase.tags.map((t) => [t.name, t.from, t.to, t.animDirection])).toEqual([
      ["walk_down", 0, 1, "Forward"],
      ["idle", 2, 2, "Forward"],
    ]);
    expect(ase.palette.colors.map((c) => [c.red, c.green, c.blue, c.alpha])).toEqual([
      [255, 0, 0, 255],
      [0, 0, 255, 255],
    ]);
    // frame 0: one cel (layer 0) with a red pixel at (0,0); frame 2: nothing drawn, no cel
    expect(ase.frames[0]!.cels.map((c) => c.layerIndex)).toEqual([0]);
    expect(ase.frames[2]!.cels).toHaveLength(0);
    const cel = ase.frames[0]!.cels[0]!;
    expect([cel.w, cel.h, cel.xpos, cel.ypos]).toEqual([4, 3, 0, 0]);
    expect(Array.from(cel.rawCelData.subarray(0, 8))).toEqual([255, 0, 0, 255, 0, 0, 0, 0]);
    const cape = ase.frames[1]!.cels.find((c) => c.layerIndex === 1)!;
    const o = (2 * 4 + 3) * 4;
    expect(Array.from(cape.rawCelData.subarray(o, o + 4))).toEqual([0, 0, 255, 255]);
    expect(Buffer.from(cape.rawCelData).equals(Buffer.from(doc.cels[1]![1]!))).toBe(true);
  });

  it("keeps the pivot (a slice with a pivot) and each tag's facing (the tag's user-data text)", () => {
    const doc = apply(setPivot(sample(), 2, 1));
    const bytes = writeAsepriteFile(doc, deflate);
    const ase = parse(bytes);
    expect(ase.slices).toEqual([
      {
        flags: 2,
        name: "pivot",
        keys: [{ frameNumber: 0, x: 0, y: 0, width: 4, height: 3, pivot: { x: 2, y: 1 } }],
      },
    ]);
    // ase-parser skips user data, so the first frame's chunks are walked here by the spec:
    // chunk = DWORD size, WORD type; user data = DWORD flags (1 = text), STRING text.
    const buf = Buffer.from(bytes);
    const texts: (string | null)[] = [];
    let at = 128 + 16;
    const end = 128 + buf.readUInt32LE(128);
    let afterTags = false;
    while (at < end) {
      const size = buf.readUInt32LE(at);
      const type = buf.readUInt16LE(at + 4);
      if (type === 0x2018) afterTags = true;
      else if (type === 0x2020 && afterTags) {
        const flags = buf.readUInt32LE(at + 6);
        const len = flags & 1 ? buf.readUInt16LE(at + 10) : 0;
        texts.push(flags & 1 ? buf.toString("utf8", at + 12, at + 12 + len) : null);
      } else afterTags = false;
      at += size;
    }
    expect(texts).toEqual(["direction=down", null]);
  });

  it("writes indexed documents at 8 bpp with a transparent index", () => {
    const doc = apply(toIndexed(sample()));
    const ase = parse(writeAsepriteFile(doc, deflate));
    expect(ase.colorDepth).toBe(8);
    expect(ase.paletteIndex).toBe(2); // the extra, fully transparent entry
    expect(ase.palette.colors).toHaveLength(3);
    expect(ase.palette.colors[2]!.alpha).toBe(0);
    const cel = ase.frames[0]!.cels[0]!;
    expect(cel.rawCelData.length).toBe(12);
    expect(cel.rawCelData[0]).toBe(0); // red
    expect(cel.rawCelData[1]).toBe(2); // transparent
  });

  it("handles many frames (old chunk count and new both written)", () => {
    let doc = createDocument({ width: 2, height: 2 });
    for (let i = 0; i < 20; i++) doc = apply(addFrame(doc));
    const ase = parse(writeAsepriteFile(doc, deflate));
    expect(ase.numFrames).toBe(21);
  });
});

describe("parseAsepriteJson", () => {
  it("reads hash and array forms with durations, trimmed frames and tags", () => {
    const hash = {
      frames: {
        "walk 0.aseprite": {
          frame: { x: 0, y: 0, w: 16, h: 16 },
          rotated: false,
          trimmed: false,
          spriteSourceSize: { x: 0, y: 0, w: 16, h: 16 },
          sourceSize: { w: 16, h: 16 },
          duration: 120,
        },
        "walk 1.aseprite": {
          frame: { x: 16, y: 0, w: 10, h: 12 },
          rotated: false,
          trimmed: true,
          spriteSourceSize: { x: 3, y: 4, w: 10, h: 12 },
          sourceSize: { w: 16, h: 16 },
          duration: 80,
        },
      },
      meta: {
        image: "walk.png",
        frameTags: [{ name: "walk_left", from: 0, to: 1, direction: "forward" }],
      },
    };
    const layout = parseAsepriteJson(JSON.stringify(hash));
    expect([layout.width, layout.height, layout.image]).toEqual([16, 16, "walk.png"]);
    expect(layout.frames.map((f) => [f.sheet.x, f.offset.x, f.offset.y, f.durationMs])).toEqual([
      [0, 0, 0, 120],
      [16, 3, 4, 80],
    ]);
    expect(layout.tags).toEqual([{ name: "walk_left", from: 0, to: 1, direction: "left" }]);
    const array = parseAsepriteJson({
      frames: Object.entries(hash.frames).map(([filename, f]) => ({ filename, ...f })),
      meta: {},
    });
    expect(array.frames.map((f) => f.name)).toEqual(["walk 0.aseprite", "walk 1.aseprite"]);
  });

  it("says what is wrong with bad JSON", () => {
    expect(() => parseAsepriteJson("{")).toThrow(/not valid JSON/);
    expect(() => parseAsepriteJson({ frames: {} })).toThrow(/no frames/);
    expect(() =>
      parseAsepriteJson({
        frames: [{ frame: { x: 0, y: 0, w: 4, h: 4 } }],
        meta: { frameTags: [{ name: "x", from: 0, to: 5 }] },
      }),
    ).toThrow(/tag "x"/);
    expect(() => parseAsepriteJson({ frames: [{ frame: { x: 0, y: 0, w: 400, h: 4 } }] })).toThrow(
      /1–256 px/,
    );
  });
});
