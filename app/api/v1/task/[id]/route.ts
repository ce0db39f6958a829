import { notFound } from "@/lib/api/errors";
import { parseJsonBody, parseQuery, qtHandler } from "@/lib/api/handler";
import { json } from "@/lib/api/respond";
import { deletedAnswer, qtTaskDetail } from "@/lib/api/schemas/responses";
import { patchTaskBody, taskParams, taskQuery } from "@/lib/api/schemas/task";
import { requireCaller } from "@/lib/auth/caller";
import { updateTaskStarred } from "@/lib/db/tasks";
import { ownTask } from "@/lib/tasks/task-access";
import { deleteTask, taskDetail } from "@/lib/tasks/task-detail";

export const dynamic = "force-dynamic";

/** QT Pixel API (docs/qt-pixel-api.md): GET /api/v1/task/:id (include_base64=true adds image_base64). */
export const GET = qtHandler<{ id: string }>(async (req, { params }) => {
  const { user } = await requireCaller(req);
  const { id } = taskParams.parse(params);
  const query = parseQuery(req, taskQuery);
  const task = await ownTask(id, user.id);
  return json(qtTaskDetail, await taskDetail(task, query.include_base64 === "true"));
});

/** QT Pixel API: DELETE /api/v1/task/:id — removes the row and its files, stops upstream polling. */
export const DELETE = qtHandler<{ id: string }>(async (req, { params }) => {
  const { user } = await requireCaller(req);
  const { id } = taskParams.parse(params);
  await deleteTask(await ownTask(id, user.id));
  return json(deletedAnswer, { id, deleted: true });
});

/** Extension: star / unstar. */
export const PATCH = qtHandler<{ id: string }>(async (req, { params }) => {
  const { user } = await requireCaller(req);
  const { id } = taskParams.parse(params);
  const body = await parseJsonBody(req, patchTaskBody);
  const task = await updateTaskStarred(id, user.id, body.starred);
  if (!task) throw notFound(`Task ${id}`);
  return json(qtTaskDetail, await taskDetail(task, false));
});
