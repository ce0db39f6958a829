import { describe, expect, it } from "vitest";
import { parseAsepriteJson } from "@/lib/document/aseprite-json";
import { horizontalSheetJson } from "./character-sheet";

describe("horizontalSheetJson", () => {
  it("is read back by the editor's Aseprite parser: frames in order, tags with facings", () => {
    const json = horizontalSheetJson(
      [
        { tag: "walk_down", durationsMs: [120, 120, 120, 120] },
        { tag: "walk_up_left", durationsMs: [100, 140] },
      ],
      48,
      48,
    );
    const layout = parseAsepriteJson(JSON.stringify(json));
    expect(layout.width).toBe(48);
    expect(layout.height).toBe(48);
    expect(layout.frames.map((f) => f.sheet.x)).toEqual([0, 48, 96, 144, 192, 240]);
    expect(layout.frames.map((f) => f.durationMs)).toEqual([120, 120, 120, 120, 100, 140]);
    expect(layout.tags).toEqual([
      { name: "walk_down", from: 0, to: 3, direction: "down" },
      { name: "walk_up_left", from: 4, to: 5, direction: "up_left" },
    ]);
    expect(json.meta.size).toEqual({ w: 288, h: 48 });
  });

  it("skips a part without frames instead of writing a tag that points nowhere", () => {
    const json = horizontalSheetJson(
      [
        { tag: "down", durationsMs: [] },
        { tag: "left", durationsMs: [100] },
      ],
      16,
      16,
    );
    expect(parseAsepriteJson(json).tags).toEqual([
      { name: "left", from: 0, to: 0, direction: "left" },
    ]);
  });
});
