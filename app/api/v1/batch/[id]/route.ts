import { parseQuery, qtHandler } from "@/lib/api/handler";
import { json } from "@/lib/api/respond";
import { batchParams, batchQuery } from "@/lib/api/schemas/batch";
import { batchDetail, deletedAnswer } from "@/lib/api/schemas/responses";
import { requireCaller } from "@/lib/auth/caller";
import { deleteBatchRow, tasksOfBatch } from "@/lib/db/tasks";
import { batchDetail as loadBatchDetail } from "@/lib/tasks/batch-detail";
import { ownBatch } from "@/lib/tasks/task-access";
import { deleteTask } from "@/lib/tasks/task-detail";

export const dynamic = "force-dynamic";

/** QT Pixel API (docs/qt-pixel-api.md): GET /api/v1/batch/:id — the batch and all its tasks. */
export const GET = qtHandler<{ id: string }>(async (req, { params }) => {
  const { user } = await requireCaller(req);
  const { id } = batchParams.parse(params);
  const query = parseQuery(req, batchQuery);
  return json(
    batchDetail,
    await loadBatchDetail(await ownBatch(id, user.id), query.include_base64 === "true"),
  );
});

/** Extension: deletes a batch with all its frames and files. */
export const DELETE = qtHandler<{ id: string }>(async (req, { params }) => {
  const { user } = await requireCaller(req);
  const { id } = batchParams.parse(params);
  const batch = await ownBatch(id, user.id);
  for (const task of await tasksOfBatch(batch.id)) await deleteTask(task);
  await deleteBatchRow(batch.id, user.id);
  return json(deletedAnswer, { id, deleted: true });
});
