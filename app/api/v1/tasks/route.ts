import { parseQuery, qtHandler } from "@/lib/api/handler";
import { json } from "@/lib/api/respond";
import { taskList } from "@/lib/api/schemas/responses";
import { listTasksQuery } from "@/lib/api/schemas/tasks";
import { requireCaller } from "@/lib/auth/caller";
import { listUserTasks } from "@/lib/tasks/list-tasks";

export const dynamic = "force-dynamic";

/** QT Pixel API (docs/qt-pixel-api.md): GET /api/v1/tasks — the caller's tasks, newest first, 20 per page. */
export const GET = qtHandler(async (req) => {
  const { user } = await requireCaller(req);
  const query = parseQuery(req, listTasksQuery);
  return json(taskList, await listUserTasks(user.id, query));
});
