import type { Batch } from "@/lib/db/schema";
import { assetsOfTasks, batchTaskCounts, tasksOfBatch } from "@/lib/db/tasks";
import { withBase64 } from "./images";
import { toQtBatch, toQtTask } from "./serialize";

/** QT Pixel API (docs/qt-pixel-api.md): GET /api/v1/batch/:id body. */
export async function batchDetail(batch: Batch, includeBase64: boolean) {
  const tasks = await tasksOfBatch(batch.id);
  const counts = (await batchTaskCounts([batch.id])).get(batch.id)!;
  const { encoded, limited } = includeBase64
    ? await withBase64(tasks)
    : { encoded: new Map<number, string>(), limited: false };
  const thumbs = new Set(
    (
      await assetsOfTasks(
        tasks.map((t) => t.id),
        "thumb",
      )
    ).map((a) => a.taskId),
  );
  return {
    batch: toQtBatch(batch, counts),
    tasks: tasks.map((t) => ({
      ...toQtTask(t, includeBase64 ? encoded.get(t.id) : undefined),
      batch_index: t.batchIndex,
      thumb_path: thumbs.has(t.id) ? `/static/gallery/${t.id}_thumb.png` : null,
    })),
    completed_count: counts.completed,
    failed_count: counts.failed,
    total_count: counts.total,
    base64_limited: limited,
  };
}
