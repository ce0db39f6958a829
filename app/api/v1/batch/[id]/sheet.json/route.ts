import { badRequest } from "@/lib/api/errors";
import { parseQuery, qtHandler } from "@/lib/api/handler";
import { requireCaller } from "@/lib/auth/caller";
import { batchSheet } from "@/lib/tasks/batch-exports";
import { ownBatch } from "@/lib/tasks/task-access";
import { batchParams, exportQuery } from "../schema";

export const dynamic = "force-dynamic";

/** Extension: the Aseprite-style JSON atlas of the sprite sheet (frames, durations, frameTags). */
export const GET = qtHandler<{ id: string }>(async (req, { params }) => {
  const { id } = batchParams.parse(params);
  const { fps } = parseQuery(req, exportQuery);
  const { user } = await requireCaller(req);
  const batch = ownBatch(id, user.id);
  const sheet = await batchSheet(batch, fps);
  if (!sheet) throw badRequest(`Batch ${id} has no completed images yet`);
  return Response.json(sheet.atlas, {
    headers: {
      "Content-Disposition": `attachment; filename=batch_${batch.id}_${batch.mode}_sheet.json`,
    },
  });
});
