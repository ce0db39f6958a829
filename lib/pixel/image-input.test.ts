import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { InvalidInputError } from "@/lib/errors";
import { writeGif } from "./gif-writer";
import { checkImageInput } from "./image-input";

const png = (w: number, h: number) =>
  sharp({ create: { width: w, height: h, channels: 4, background: "#336699" } })
    .png()
    .toBuffer();

/** A PNG whose IHDR claims another size (the CRC is recomputed so only the size lies). */
async function pngClaiming(w: number, h: number): Promise<Buffer> {
  const b = Buffer.from(await png(16, 16));
  b.writeUInt32BE(w, 16);
  b.writeUInt32BE(h, 20);
  let c = 0xffffffff;
  for (const byte of b.subarray(12, 29)) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  b.writeUInt32BE((c ^ 0xffffffff) >>> 0, 29);
  return b;
}

async function rejection(data: Buffer): Promise<string> {
  const e = await checkImageInput(data).catch((x: unknown) => x);
  expect(e).toBeInstanceOf(InvalidInputError);
  return (e as Error).message;
}

describe("image input limits", () => {
  it("accepts PNG, JPEG, WebP and GIF within the limits", async () => {
    const p = await png(64, 48);
    expect(await checkImageInput(p)).toMatchObject({ format: "png", width: 64, height: 48 });
    expect((await checkImageInput(await sharp(p).jpeg().toBuffer())).format).toBe("jpeg");
    expect((await checkImageInput(await sharp(p).webp().toBuffer())).format).toBe("webp");
    expect((await checkImageInput(await sharp(p).gif().toBuffer())).format).toBe("gif");
  });

  it("names the limit a bad file breaks, from the header", async () => {
    expect(await rejection(Buffer.from("hello, not an image"))).toMatch(/not an image/);
    const full = await png(300, 300);
    expect(await rejection(full.subarray(0, full.length - 40))).toMatch(/truncated/);
    expect(await rejection(await pngClaiming(20000, 20000))).toMatch(/4096 px per side/);
    const svg = Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><image href="http://example.com/x.png" width="10" height="10"/></svg>',
    );
    expect(await rejection(svg)).toMatch(/SVG is not accepted/);
    expect(await rejection(Buffer.alloc(11 * 1024 * 1024, 1))).toMatch(/10 MB/);
  });

  it("refuses a GIF with more frames than the limit", async () => {
    const frames = Array.from({ length: 300 }, (_, i) => ({
      idx: new Uint8Array(16).fill(i % 2),
      delayMs: 100,
    }));
    const animated = writeGif(
      frames,
      4,
      4,
      1,
      [
        [255, 0, 0],
        [0, 0, 255],
      ],
      { transparent: false, loop: true },
    );
    expect(await rejection(animated)).toMatch(/300 frames is over the 256-frame limit/);
  });
});
