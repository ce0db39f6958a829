import { notFound } from "@/lib/api/errors";
import { qtHandler } from "@/lib/api/handler";
import { taskFileParams } from "@/lib/api/schemas/task";
import { requireCaller } from "@/lib/auth/caller";
import { findAsset } from "@/lib/db/tasks";
import { assetResponse } from "@/lib/tasks/serve-file";
import { ownTask } from "@/lib/tasks/task-access";

export const dynamic = "force-dynamic";

/** Extension: any file a task produced (original, SVG, seamless grid, video, audio …). */
export const GET = qtHandler<{ id: string; kind: string; position: string }>(
  async (req, { params }) => {
    const { user } = await requireCaller(req);
    const { id, kind, position } = taskFileParams.parse(params);
    await ownTask(id, user.id);
    const asset = await findAsset(id, kind, position);
    if (!asset) throw notFound(`File ${kind}/${position} of task ${id}`);
    return assetResponse(asset, { "Cache-Control": "private, max-age=3600" });
  },
);
