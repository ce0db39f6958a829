import { badRequest } from "@/lib/api/errors";
import { qtHandler } from "@/lib/api/handler";
import { requireCaller } from "@/lib/auth/caller";
import { batchZip, completedFrames, streamBody } from "@/lib/tasks/batch-exports";
import { ownBatch } from "@/lib/tasks/task-access";
import { batchParams } from "../schema";

export const dynamic = "force-dynamic";

/** seed 000: the completed frames as a streamed ZIP (walk_1.png …, plus sheet, atlas and GIF). */
export const GET = qtHandler<{ id: string }>(async (req, { params }) => {
  const { id } = batchParams.parse(params);
  const { user } = await requireCaller(req);
  const batch = ownBatch(id, user.id);
  if (completedFrames(batch).length === 0)
    throw badRequest(`Batch ${id} has no completed images yet`);
  return new Response(streamBody(batchZip(batch)), {
    headers: {
      "Content-Type": "application/zip",
      "Content-Disposition": `attachment; filename=batch_${batch.id}_${batch.mode}.zip`,
      "Cache-Control": "private, no-store",
    },
  });
});
