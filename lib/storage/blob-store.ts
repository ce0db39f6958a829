// Where produced files live. Local disk under data/ by default; the interface is small so an
// S3-compatible store can replace it without touching callers.
import fs from "node:fs";
import fsp from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { dataDir } from "@/lib/config/paths";

export interface BlobStore {
  put(key: string, data: Buffer): Promise<void>;
  get(key: string): Promise<Buffer>;
  stream(key: string): Readable;
  exists(key: string): Promise<boolean>;
  /** removes every blob whose key starts with `prefix/` */
  deletePrefix(prefix: string): Promise<void>;
}

function safeKey(key: string): string {
  if (key.includes("..") || path.isAbsolute(key) || key.includes("\0")) {
    throw new Error(`Refusing unsafe storage key: ${key}`);
  }
  return key;
}

export class LocalDiskStore implements BlobStore {
  constructor(private readonly root: string) {}

  private file(key: string): string {
    return path.join(this.root, safeKey(key));
  }

  async put(key: string, data: Buffer): Promise<void> {
    const file = this.file(key);
    await fsp.mkdir(path.dirname(file), { recursive: true });
    // Write then rename so a reader never sees half a file.
    const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
    await fsp.writeFile(tmp, data);
    await fsp.rename(tmp, file);
  }

  get(key: string): Promise<Buffer> {
    return fsp.readFile(this.file(key));
  }

  stream(key: string): Readable {
    return fs.createReadStream(this.file(key));
  }

  async exists(key: string): Promise<boolean> {
    try {
      await fsp.access(this.file(key));
      return true;
    } catch {
      return false;
    }
  }

  async deletePrefix(prefix: string): Promise<void> {
    await fsp.rm(this.file(prefix), { recursive: true, force: true });
  }
}

let store: BlobStore | undefined;

export function getBlobStore(): BlobStore {
  store ??= new LocalDiskStore(path.join(dataDir(), "files"));
  return store;
}

export function taskPrefix(taskId: number): string {
  return `tasks/${taskId}`;
}

export function assetKey(taskId: number, kind: string, position: number, ext: string): string {
  return `${taskPrefix(taskId)}/${kind}-${position}.${ext}`;
}

export { Readable };
