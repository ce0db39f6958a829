// PNG data URLs of cels on the server (sharp): what lib/document/wire.ts needs to read and write
// the /api/v1/documents JSON. Cels are encoded at 1× (indexed PNG when ≤256 colours: exact and small).
import type { PngCodec } from "@/lib/document";
import { InvalidInputError } from "@/lib/errors";
import { decodeImage, encodeGridPng } from "@/lib/pixel/raster";

const PNG_DATA_URL = /^data:image\/png;base64,([A-Za-z0-9+/]+={0,2})$/;
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The bytes of a `data:image/png;base64,…` URL; anything else is a 400 naming the problem. */
export function pngBytesOf(dataUrl: string): Buffer {
  const m = PNG_DATA_URL.exec(dataUrl.trim());
  if (!m) throw new InvalidInputError("a cel must be a data:image/png;base64,… URL");
  const bytes = Buffer.from(m[1]!, "base64");
  if (bytes.length < 8 || !bytes.subarray(0, 8).equals(PNG_SIGNATURE)) {
    throw new InvalidInputError("a cel's data URL does not hold a PNG");
  }
  return bytes;
}

export function toDataUrl(png: Buffer): string {
  return `data:image/png;base64,${png.toString("base64")}`;
}

export const serverPngCodec: PngCodec = {
  async encode(rgba, width, height) {
    return toDataUrl(await encodeGridPng({ width, height, data: rgba }, 1, "transparent"));
  },
  async decode(dataUrl) {
    const bytes = pngBytesOf(dataUrl);
    try {
      const img = await decodeImage(bytes);
      return { rgba: new Uint8ClampedArray(img.data), width: img.width, height: img.height };
    } catch {
      throw new InvalidInputError("a cel's PNG is corrupt (it does not decode)");
    }
  },
};
