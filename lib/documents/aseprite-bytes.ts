// `.aseprite` bytes of a document on the server: lib/document's writer with node's zlib (RFC 1950,
// as Aseprite compresses cels). Its own module so the worker-thread pool can run it as a job
// (lib/workers/jobs.ts) without loading the exporters and their storage.
import zlib from "node:zlib";
import { type SpriteDocument, writeAsepriteFile } from "@/lib/document";

export function asepriteBytes(doc: SpriteDocument): Buffer {
  return Buffer.from(writeAsepriteFile(doc, (raw) => zlib.deflateSync(raw)));
}
