import { badRequest } from "@/lib/api/errors";
import { qtHandler } from "@/lib/api/handler";
import { publicOrigin } from "@/lib/api/origin";
import { json } from "@/lib/api/respond";
import { downloadUrl } from "@/lib/api/schemas/responses";
import { taskParams } from "@/lib/api/schemas/task";
import { requireCaller } from "@/lib/auth/caller";
import { getServerSecret } from "@/lib/auth/server-secret";
import { buildDownloadUrl } from "@/lib/security/signed-url";
import { ownTask } from "@/lib/tasks/task-access";

export const dynamic = "force-dynamic";

/** QT Pixel API (docs/qt-pixel-api.md): a signed link that downloads the image without authentication for an hour. */
export const GET = qtHandler<{ id: string }>(async (req, { params }) => {
  const { user } = await requireCaller(req);
  const { id } = taskParams.parse(params);
  const task = await ownTask(id, user.id);
  if (task.status !== "completed")
    throw badRequest(`Task ${id} is ${task.status}; it has no image yet`);
  return json(downloadUrl, buildDownloadUrl(publicOrigin(req), id, getServerSecret()));
});
