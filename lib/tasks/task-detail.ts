import type { Task } from "@/lib/db/schema";
import { assetsOfTask, deleteTaskRow, uploadInUse } from "@/lib/db/tasks";
import { uploadsOf } from "@/lib/generation/task-params";
import { getTaskQueue } from "@/lib/jobs/queue-factory";
import { getBlobStore, taskPrefix } from "@/lib/storage/blob-store";
import { imageDataUrl } from "./images";
import { answeredParams, assetUrl, toQtTask } from "./serialize";

/** QT Pixel API (docs/qt-pixel-api.md) task plus the studio's extensions: params, thumbnail and every produced file. */
export async function taskDetail(task: Task, includeBase64: boolean) {
  const files = (await assetsOfTask(task.id)).filter((a) => a.kind !== "thumb");
  const base64 = includeBase64 ? await imageDataUrl(task) : undefined;
  const thumb = task.status === "completed" && files.some((f) => f.kind === "image");
  return {
    ...toQtTask(task, includeBase64 ? (base64 ?? "") : undefined),
    thumb_path: thumb ? `/static/gallery/${task.id}_thumb.png` : null,
    params: answeredParams(task),
    files: files.map((f) => ({
      kind: f.kind,
      url: assetUrl(f),
      width: f.width,
      height: f.height,
      content_type: f.contentType,
      bytes: f.bytes,
    })),
  };
}

/**
 * A gallery entry saved from the editor keeps its files under the document's own save folder
 * (`documents/<id>/saves/<uuid>/`, one folder per save, written before its task id exists), not
 * under the task's prefix; that folder belongs to this entry alone.
 */
const EDITOR_SAVE_FOLDER = /^(documents\/\d+\/saves\/[0-9a-f-]{36})\/[^/]+$/;

/**
 * Removes a task, its files, the uploads no other task was made from, and stops its upstream
 * polling if a worker is running it.
 */
export async function deleteTask(task: Task): Promise<void> {
  const saveFolders = new Set(
    (await assetsOfTask(task.id)).flatMap((a) => EDITOR_SAVE_FOLDER.exec(a.storageKey)?.[1] ?? []),
  );
  await deleteTaskRow(task.id, task.userId);
  await (await getTaskQueue()).cancel(task.id);
  const store = getBlobStore();
  await store.deletePrefix(taskPrefix(task.id));
  for (const folder of saveFolders) await store.deletePrefix(folder);
  // Checked after this task's row is gone, so of two frames deleted at once the later sees none.
  for (const { key } of uploadsOf(task))
    if (!(await uploadInUse(task.userId, key))) await store.delete(key);
}
