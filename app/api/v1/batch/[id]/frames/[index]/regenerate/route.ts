import { qtHandler } from "@/lib/api/handler";
import { json } from "@/lib/api/respond";
import { frameParams } from "@/lib/api/schemas/batch";
import { frameRegenerated } from "@/lib/api/schemas/responses";
import { requireCaller } from "@/lib/auth/caller";
import { regenerateFrame } from "@/lib/generation/create-tasks";
import { ownBatch } from "@/lib/tasks/task-access";

export const dynamic = "force-dynamic";

/** Extension: re-roll one frame (1-based), keeping the other frames and the batch's palette. */
export const POST = qtHandler<{ id: string; index: string }>(async (req, { params }) => {
  const caller = await requireCaller(req);
  const { id, index } = frameParams.parse(params);
  const batch = await ownBatch(id, caller.user.id);
  const task = await regenerateFrame(caller, batch, index);
  return json(frameRegenerated, {
    task_id: task.id,
    batch_id: batch.id,
    batch_index: index,
    status: task.status,
  });
});
