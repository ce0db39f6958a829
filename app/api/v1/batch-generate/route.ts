import { UPLOAD_JSON_MAX_BYTES } from "@/lib/api/common-schemas";
import { parseJsonBody, qtHandler } from "@/lib/api/handler";
import { json } from "@/lib/api/respond";
import { batchGenerateBody } from "@/lib/api/schemas/batch-generate";
import { sharedGenerationInput } from "@/lib/api/schemas/generate";
import { batchCreated } from "@/lib/api/schemas/responses";
import { requireCaller } from "@/lib/auth/caller";
import { createBatch } from "@/lib/generation/create-tasks";

export const dynamic = "force-dynamic";

/** QT Pixel API (docs/qt-pixel-api.md): POST /api/v1/batch-generate — 1–4 frames, or a sprite animation mode. */
export const POST = qtHandler(async (req) => {
  const caller = await requireCaller(req);
  const body = await parseJsonBody(req, batchGenerateBody, { maxBytes: UPLOAD_JSON_MAX_BYTES });
  const { batch, tasks } = await createBatch(caller, {
    ...sharedGenerationInput(body),
    mode: body.mode,
    count: body.count,
    variations: body.variations,
  });
  return json(batchCreated, {
    batch_id: batch.id,
    task_ids: tasks.map((t) => t.id),
    requested_count: batch.requestedCount,
    status: "pending",
  });
});
