import { parseQuery, qtHandler } from "@/lib/api/handler";
import { jsonFromText } from "@/lib/api/respond";
import { taskList } from "@/lib/api/schemas/responses";
import { listTasksQuery } from "@/lib/api/schemas/tasks";
import { requireCaller } from "@/lib/auth/caller";
import { listUserTasksText } from "@/lib/tasks/list-tasks";

export const dynamic = "force-dynamic";

/** QT Pixel API (docs/qt-pixel-api.md): GET /api/v1/tasks — the caller's tasks, newest first, 20 per page. */
export const GET = qtHandler(async (req) => {
  const { user } = await requireCaller(req);
  const query = parseQuery(req, listTasksQuery);
  return jsonFromText(taskList, await listUserTasksText(user.id, query));
});
