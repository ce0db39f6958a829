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
