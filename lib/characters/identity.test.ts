import { describe, expect, it } from "vitest";
import { createImage, type RgbaImage } from "@/lib/pixel/types";
import { paletteOf, scoreIdentity, snapToPalette } from "./identity";

/** A w×h rectangle at (x, y) in one colour on a transparent 16×16 canvas. */
function rect(x: number, y: number, w: number, h: number, rgb = [200, 40, 50]): RgbaImage {
  const img = createImage(16, 16);
  for (let j = y; j < y + h; j++)
    for (let i = x; i < x + w; i++)
      img.data.set([rgb[0]!, rgb[1]!, rgb[2]!, 255], (j * 16 + i) * 4);
  return img;
}

describe("identity of a frame against its facing", () => {
  const facing = rect(4, 2, 8, 12);
  const palette = paletteOf([facing]);

  it("scores the facing itself as a perfect match", () => {
    expect(palette).toEqual(["#c82832"]);
    expect(scoreIdentity(facing, facing, palette, "walk")).toEqual({
      score: 1,
      palette_ok: true,
      silhouette: 1,
      flagged: false,
    });
  });

  it("flags a frame with a colour outside the locked palette", () => {
    const frame = rect(4, 2, 8, 12);
    frame.data.set([0, 255, 0, 255], (5 * 16 + 6) * 4);
    const id = scoreIdentity(frame, facing, palette, "walk");
    expect(id.palette_ok).toBe(false);
    expect(id.flagged).toBe(true);
    expect(id.silhouette).toBe(1);
  });

  it("measures silhouette overlap, with a lower bar for motions that change the outline", () => {
    const moved = rect(8, 2, 8, 12); // half of it overlaps: IoU 48/144
    const walk = scoreIdentity(moved, facing, palette, "walk");
    expect(walk.silhouette).toBeCloseTo(48 / 144, 3);
    expect(walk.flagged).toBe(true);
    const lying = rect(2, 10, 12, 4); // a fallen body
    const death = scoreIdentity(lying, facing, palette, "death");
    expect(death.silhouette).toBeGreaterThan(0.15);
    expect(death.flagged).toBe(false);
    expect(scoreIdentity(lying, facing, palette, "idle").flagged).toBe(true);
  });

  it("an empty frame is flagged", () => {
    expect(scoreIdentity(createImage(16, 16), facing, palette, "idle").flagged).toBe(true);
  });
});

describe("snapToPalette", () => {
  it("moves every opaque pixel to its nearest palette colour and clears half-transparent ones", () => {
    const img = rect(0, 0, 2, 1, [250, 10, 10]);
    img.data.set([10, 10, 240, 255], 4);
    img.data.set([10, 10, 10, 60], 8);
    const out = snapToPalette(img, ["#ff0000", "#0000ff"]);
    expect([...out.data.slice(0, 12)]).toEqual([255, 0, 0, 255, 0, 0, 255, 255, 0, 0, 0, 0]);
    expect(paletteOf([out])).toEqual(["#0000ff", "#ff0000"]);
  });
});
