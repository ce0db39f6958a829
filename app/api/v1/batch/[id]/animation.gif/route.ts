import { badRequest } from "@/lib/api/errors";
import { parseQuery, qtHandler } from "@/lib/api/handler";
import { requireCaller } from "@/lib/auth/caller";
import { batchGif } from "@/lib/tasks/batch-exports";
import { ownBatch } from "@/lib/tasks/task-access";
import { batchParams, exportQuery } from "../schema";

export const dynamic = "force-dynamic";

/** Extension: the completed frames as a looping animated GIF with transparency. */
export const GET = qtHandler<{ id: string }>(async (req, { params }) => {
  const { id } = batchParams.parse(params);
  const { fps } = parseQuery(req, exportQuery);
  const { user } = await requireCaller(req);
  const batch = ownBatch(id, user.id);
  const gif = await batchGif(batch, fps);
  if (!gif) throw badRequest(`Batch ${id} has no completed images yet`);
  return new Response(new Uint8Array(gif), {
    headers: {
      "Content-Type": "image/gif",
      "Content-Disposition": `attachment; filename=batch_${batch.id}_${batch.mode}.gif`,
    },
  });
});
