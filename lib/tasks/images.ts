import type { Task } from "@/lib/db/schema";
import { findAsset } from "@/lib/db/tasks";
import { getBlobStore } from "@/lib/storage/blob-store";

/** The task's main image as a `data:image/png;base64,…` URL, or undefined if it has none. */
export async function imageDataUrl(task: Pick<Task, "id" | "status">): Promise<string | undefined> {
  if (task.status !== "completed") return undefined;
  const asset = await findAsset(task.id, "image");
  if (!asset) return undefined;
  const data = await getBlobStore().get(asset.storageKey);
  return `data:${asset.contentType};base64,${data.toString("base64")}`;
}

export const BASE64_LIMIT = 10;

/**
 * Adds image_base64 to at most BASE64_LIMIT completed tasks (QT Pixel API (docs/qt-pixel-api.md): "每次最多 10 张");
 * `limited` tells whether any completed image was left out.
 */
export async function withBase64<T extends { id: number; status: Task["status"] }>(
  rows: T[],
): Promise<{ encoded: Map<number, string>; limited: boolean }> {
  const encoded = new Map<number, string>();
  let limited = false;
  for (const row of rows) {
    if (row.status !== "completed") continue;
    if (encoded.size >= BASE64_LIMIT) {
      limited = true;
      continue;
    }
    const url = await imageDataUrl(row);
    if (url) encoded.set(row.id, url);
  }
  return { encoded, limited };
}
