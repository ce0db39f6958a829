import { notFound } from "@/lib/api/errors";
import { qtHandler } from "@/lib/api/handler";
import { taskUploadParams } from "@/lib/api/schemas/task";
import { requireCaller } from "@/lib/auth/caller";
import { uploadsOf } from "@/lib/generation/task-params";
import { assetResponse } from "@/lib/tasks/serve-file";
import { ownTask } from "@/lib/tasks/task-access";

export const dynamic = "force-dynamic";

/** Extension: a picture the task was made from (image → pixel art), as it was uploaded. */
export const GET = qtHandler<{ id: string; position: string }>(async (req, { params }) => {
  const { user } = await requireCaller(req);
  const { id, position } = taskUploadParams.parse(params);
  const upload = uploadsOf(await ownTask(id, user.id))[position];
  if (!upload) throw notFound(`Upload ${position} of task ${id}`);
  return assetResponse(
    { storageKey: upload.key, contentType: upload.contentType },
    { "Cache-Control": "private, max-age=3600" },
  );
});
