// Uploads of image → pixel art: data: URLs within the limits, and an animated GIF decoded into its
// frames (durations kept) and pixelized as one set (one grid, one palette).
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { InvalidInputError } from "@/lib/errors";
import { writeGif } from "./gif-writer";
import { decodeFrames, IMAGE_INPUT_LIMITS, parseDataUrl } from "./image-input";
import { paletteOf, pixelizeAnimationFrame, pixelizeFrames } from "./pixelize";

const dataUrl = (b: Buffer, type = "image/png") => `data:${type};base64,${b.toString("base64")}`;

function refusal(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(InvalidInputError);
    return (e as Error).message;
  }
  throw new Error("expected a refusal");
}

/** An animated GIF of `n` 16×16 frames at ×`scale`: a square that moves one cell per frame. */
function movingSquareGif(n: number, scale: number, delays: number[]): Buffer {
  const w = 16;
  const frames = Array.from({ length: n }, (_, f) => {
    const idx = new Uint8Array(w * w).fill(1);
    for (let y = 5; y < 10; y++) for (let x = 3 + f; x < 8 + f; x++) idx[y * w + x] = 2;
    idx[2 * w + 2] = 3;
    return { idx, delayMs: delays[f]! };
  });
  const palette = [
    [0, 0, 0],
    [40, 60, 200],
    [230, 200, 40],
    [200, 40, 60],
  ];
  return writeGif(frames, w, w, scale, palette, { transparent: false, loop: true });
}

describe("data: URLs", () => {
  it("decodes base64 and percent-encoded bodies with their type", async () => {
    const png = await sharp({
      create: { width: 4, height: 4, channels: 4, background: "#ff0000" },
    })
      .png()
      .toBuffer();
    const parsed = parseDataUrl(dataUrl(png));
    expect(parsed.contentType).toBe("image/png");
    expect(parsed.data.equals(png)).toBe(true);
    expect(parseDataUrl("data:image/gif,GIF89a").data.toString("latin1")).toBe("GIF89a");
  });

  it("refuses what is not an image data URL, naming why", () => {
    expect(refusal(() => parseDataUrl("https://example.com/a.png"))).toMatch(/not a data URL/);
    expect(refusal(() => parseDataUrl("data:text/plain;base64,aGVsbG8="))).toMatch(
      /text\/plain is not an image/,
    );
    expect(refusal(() => parseDataUrl("data:image/png;base64,@@@notbase64"))).toMatch(
      /base64 is malformed/,
    );
  });

  it("refuses a body over 10 MB before decoding it", () => {
    const big = `data:image/png;base64,${"A".repeat(Math.ceil((IMAGE_INPUT_LIMITS.maxBytes * 4) / 3) + 400)}`;
    expect(refusal(() => parseDataUrl(big))).toMatch(/over the 10 MB limit/);
    // just under the limit is decoded
    const ok = `data:image/png;base64,${"A".repeat(Math.floor((IMAGE_INPUT_LIMITS.maxBytes * 4) / 3) - 8)}`;
    expect(parseDataUrl(ok).data.length).toBeLessThanOrEqual(IMAGE_INPUT_LIMITS.maxBytes);
  });
});

describe("animated GIF → frames", () => {
  it("decodes every frame, composited, with its delay", async () => {
    const gif = movingSquareGif(3, 4, [120, 250, 80]);
    const frames = await decodeFrames(gif);
    expect(frames).toHaveLength(3);
    expect(frames.map((f) => f.durationMs)).toEqual([120, 250, 80]);
    expect(frames[0]).toMatchObject({ width: 64, height: 64 });
    // frame 2's square starts one cell (4 px) further right than frame 1's
    const px = (f: number, x: number, y: number) =>
      Array.from(frames[f]!.data.subarray((y * 64 + x) * 4, (y * 64 + x) * 4 + 3));
    expect(px(0, 13, 22)).toEqual([230, 200, 40]);
    expect(px(1, 13, 22)).toEqual([40, 60, 200]);
    expect(px(1, 17, 22)).toEqual([230, 200, 40]);
  });

  it("a still image is one frame of 100 ms", async () => {
    const png = await sharp({
      create: { width: 8, height: 6, channels: 3, background: "#00ff00" },
    })
      .png()
      .toBuffer();
    const frames = await decodeFrames(png);
    expect(frames).toHaveLength(1);
    expect(frames[0]).toMatchObject({ width: 8, height: 6, durationMs: 100 });
  });

  it("pixelizes all frames on one grid with one palette", async () => {
    const gif = movingSquareGif(4, 5, [100, 100, 100, 100]);
    const frames = await decodeFrames(gif);
    const { grids, report, palette } = pixelizeFrames(frames, {
      background: "transparent",
      removeBackdrop: false,
    });
    expect(grids).toHaveLength(4);
    expect(report).toMatchObject({ logicalWidth: 16, logicalHeight: 16 });
    for (const g of grids) {
      expect([g.width, g.height]).toEqual([16, 16]);
      for (const c of paletteOf(g)) expect(palette).toContain(c);
    }
    // the square moved one cell per frame on the recovered grid
    const at = (f: number, x: number, y: number) =>
      Array.from(grids[f]!.data.subarray((y * 16 + x) * 4, (y * 16 + x) * 4 + 3));
    expect(at(0, 3, 5)).toEqual([230, 200, 40]);
    expect(at(1, 3, 5)).toEqual([40, 60, 200]);
    expect(at(3, 10, 9)).toEqual([230, 200, 40]);
  });

  it("any frame's task computes the same set (frame 3 of the GIF keeps its delay)", async () => {
    const gif = movingSquareGif(3, 4, [100, 300, 100]);
    const a = await pixelizeAnimationFrame(gif, {
      background: "transparent",
      scale: 2,
      frame: 1,
    });
    expect(a).toMatchObject({ frameCount: 3, durationMs: 300, width: 32, height: 32 });
    expect(a.report.logicalWidth).toBe(16);
  });
});
