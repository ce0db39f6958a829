// Limits for images users hand us to pixelize (uploads, imageInputs, data: URLs). Everything is
// checked from the header before a single pixel is decoded, so a file claiming 20 000 × 20 000
// or 2 000 GIF frames costs nothing, and sharp decodes with the same limits as a second fence.
import sharp, { type Metadata } from "sharp";
import { InvalidInputError } from "@/lib/errors";

export const IMAGE_INPUT_LIMITS = {
  maxBytes: 10 * 1024 * 1024,
  maxSide: 4096,
  maxFrames: 256,
  formats: ["png", "jpeg", "webp", "gif"] as const,
};

export type ImageInputFormat = (typeof IMAGE_INPUT_LIMITS.formats)[number];

export interface ImageInputInfo {
  format: ImageInputFormat;
  width: number;
  /** height of one frame */
  height: number;
  frames: number;
}

/** Header-level check of an image to pixelize; throws InvalidInputError naming the limit. */
export async function checkImageInput(data: Buffer, label = "image"): Promise<ImageInputInfo> {
  const L = IMAGE_INPUT_LIMITS;
  if (data.length === 0) throw new InvalidInputError(`${label}: the file is empty`);
  if (data.length > L.maxBytes)
    throw new InvalidInputError(
      `${label}: ${(data.length / 1048576).toFixed(1)} MB is over the 10 MB limit`,
    );
  let meta: Metadata;
  try {
    meta = await sharp(data, { limitInputPixels: false }).metadata();
  } catch {
    throw new InvalidInputError(`${label}: not an image we can read (PNG, JPEG, WebP or GIF)`);
  }
  const format = meta.format as string | undefined;
  if (!format || !(L.formats as readonly string[]).includes(format))
    throw new InvalidInputError(
      `${label}: ${format ? format.toUpperCase() : "this format"} is not accepted; send PNG, JPEG, WebP or GIF`,
    );
  const frames = meta.pages ?? 1;
  const width = meta.width ?? 0;
  const height = meta.pageHeight ?? meta.height ?? 0;
  if (frames > L.maxFrames)
    throw new InvalidInputError(
      `${label}: ${frames} frames is over the ${L.maxFrames}-frame limit`,
    );
  if (!width || !height || width > L.maxSide || height > L.maxSide)
    throw new InvalidInputError(
      `${label}: ${width}×${height} px is over the ${L.maxSide} px per side limit`,
    );
  // a truncated file has a valid header: decode it fully now (bounded by the checks above)
  try {
    await sharp(data, { limitInputPixels: L.maxSide * L.maxSide, failOn: "truncated" })
      .raw()
      .toBuffer();
  } catch {
    throw new InvalidInputError(`${label}: the file is truncated or corrupt`);
  }
  return { format: format as ImageInputFormat, width, height, frames };
}

/** A `data:` URL's bytes, bounded by IMAGE_INPUT_LIMITS.maxBytes before anything is decoded. */
export function parseDataUrl(url: string, label = "image"): { data: Buffer; contentType: string } {
  const m = /^data:([a-z0-9.+-]+\/[a-z0-9.+-]+)?((?:;[a-z0-9-]+=[^;,]*)*)(;base64)?,/i.exec(url);
  if (!m)
    throw new InvalidInputError(
      `${label}: not a data URL; send data:image/png;base64,… (or an http(s) URL)`,
    );
  const contentType = (m[1] ?? "text/plain").toLowerCase();
  if (!contentType.startsWith("image/"))
    throw new InvalidInputError(
      `${label}: a data URL of ${contentType} is not an image; send PNG, JPEG, WebP or GIF`,
    );
  const body = url.slice(m[0].length);
  // base64 is 4 characters per 3 bytes: refuse an oversized body before allocating it
  const approxBytes = m[3] ? Math.floor((body.length * 3) / 4) : body.length;
  if (approxBytes > IMAGE_INPUT_LIMITS.maxBytes + 3)
    throw new InvalidInputError(
      `${label}: ${(approxBytes / 1048576).toFixed(1)} MB is over the 10 MB limit`,
    );
  let data: Buffer;
  if (m[3]) {
    if (!/^[A-Za-z0-9+/_-]*={0,2}$/.test(body.replace(/\s+/g, "")))
      throw new InvalidInputError(`${label}: the data URL's base64 is malformed`);
    data = Buffer.from(body, "base64");
  } else {
    try {
      data = Buffer.from(decodeURIComponent(body), "latin1");
    } catch {
      throw new InvalidInputError(`${label}: the data URL's percent-encoding is malformed`);
    }
  }
  return { data, contentType };
}

export function isDataUrl(url: string): boolean {
  return /^data:/i.test(url);
}

export interface DecodedFrame {
  width: number;
  height: number;
  /** RGBA, width × height × 4 */
  data: Uint8ClampedArray;
  /** how long the frame shows, ms (GIF delay; 100 when the file gives none) */
  durationMs: number;
}

/**
 * Every frame of an image (one for a still), fully composited as shown, with its duration.
 * sharp/libvips decodes all GIF/WebP pages with `animated: true` and stacks them vertically
 * (`pageHeight` tall each); `delay` lists each page's duration in ms. Call checkImageInput first:
 * this trusts the limits it enforces.
 */
export async function decodeFrames(data: Buffer): Promise<DecodedFrame[]> {
  const meta = await sharp(data, { limitInputPixels: false }).metadata();
  const pages = meta.pages ?? 1;
  const animated = pages > 1;
  const { data: raw, info } = await sharp(data, {
    animated,
    limitInputPixels: IMAGE_INPUT_LIMITS.maxSide * IMAGE_INPUT_LIMITS.maxSide * 4,
  })
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const width = info.width;
  const height = animated ? (meta.pageHeight ?? info.height / pages) : info.height;
  const count = animated ? Math.floor(info.height / height) : 1;
  const frameBytes = width * height * 4;
  const delays = meta.delay ?? [];
  return Array.from({ length: count }, (_, i) => ({
    width,
    height,
    data: new Uint8ClampedArray(raw.buffer, raw.byteOffset + i * frameBytes, frameBytes),
    // browsers show a 0 or 10 ms GIF delay as 100 ms; keep that convention
    durationMs: delays[i] && delays[i] > 10 ? delays[i] : 100,
  }));
}
