// The storage vocabulary shared by every BlobStore implementation.
import type { Readable } from "node:stream";
import type { StorageConfig } from "./storage-config";

export interface BlobStore {
  /** "file" or "s3", for logs and the health report */
  readonly kind: StorageConfig["kind"];
  put(key: string, data: Buffer, contentType?: string): Promise<void>;
  /** the whole object; throws BlobNotFoundError when there is none */
  get(key: string): Promise<Buffer>;
  /** the object as a stream, for bodies that should not be held in memory */
  stream(key: string): Promise<Readable>;
  exists(key: string): Promise<boolean>;
  /** removes one blob; nothing there is not an error */
  delete(key: string): Promise<void>;
  /** removes every blob whose key starts with `prefix/` */
  deletePrefix(prefix: string): Promise<void>;
  /** resolves when the store is reachable and usable (bucket exists, credentials work) */
  check(): Promise<void>;
}

export class BlobNotFoundError extends Error {
  constructor(readonly key: string) {
    super(`No stored file at ${key}`);
    this.name = "BlobNotFoundError";
  }
}

/** Keys come from our own code, but a bad one must never escape the store's root or prefix. */
export function safeKey(key: string): string {
  if (
    key === "" ||
    key.startsWith("/") ||
    key.includes("\\") ||
    key.includes("\0") ||
    key.split("/").some((s) => s === ".." || s === ".")
  ) {
    throw new Error(`Refusing unsafe storage key: ${key}`);
  }
  return key;
}
