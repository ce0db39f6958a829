// Where produced files live, behind one small async interface. STORAGE_URL chooses the
// implementation: local disk (default, `file:`) or an S3-compatible bucket (`s3://`). Callers
// never know which; they only see keys like tasks/12/image-0.png.
import type { BlobStore } from "./blob";
import { LocalDiskStore } from "./local-disk-store";
import { S3Store } from "./s3-store";
import { type StorageConfig, storageConfig } from "./storage-config";

export { BlobNotFoundError, type BlobStore } from "./blob";

export function createBlobStore(config: StorageConfig = storageConfig()): BlobStore {
  return config.kind === "s3" ? new S3Store(config) : new LocalDiskStore(config.root);
}

// One store per process, kept on globalThis so Next.js module reloads share its connections.
const globalForStore = globalThis as unknown as { __pixelBlobStore?: BlobStore };

export function getBlobStore(): BlobStore {
  globalForStore.__pixelBlobStore ??= createBlobStore();
  return globalForStore.__pixelBlobStore;
}

/** For tests that point one process at another store. */
export function resetBlobStore(): void {
  globalForStore.__pixelBlobStore = undefined;
}

export function taskPrefix(taskId: number): string {
  return `tasks/${taskId}`;
}

export function assetKey(taskId: number, kind: string, position: number, ext: string): string {
  return `${taskPrefix(taskId)}/${kind}-${position}.${ext}`;
}
