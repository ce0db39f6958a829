import type { Asset, Task } from "@/lib/db/schema";
import { assetsOfTasks, findAsset } from "@/lib/db/tasks";
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
  const completed = rows.filter((r) => r.status === "completed");
  // One query for the images of the whole page (not one per task), then the reads side by side.
  const images = new Map(
    (
      await assetsOfTasks(
        completed.map((r) => r.id),
        "image",
      )
    )
      .filter((a) => a.position === 0)
      .map((a) => [a.taskId, a]),
  );
  const chosen: Asset[] = [];
  let limited = false;
  for (const row of completed) {
    const asset = images.get(row.id);
    if (chosen.length >= BASE64_LIMIT) limited = true;
    else if (asset) chosen.push(asset);
  }
  const store = getBlobStore();
  const encoded = new Map(
    await Promise.all(
      chosen.map(async (a) => {
        const data = await store.get(a.storageKey);
        return [a.taskId, `data:${a.contentType};base64,${data.toString("base64")}`] as const;
      }),
    ),
  );
  return { encoded, limited };
}
