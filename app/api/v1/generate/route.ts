import { UPLOAD_JSON_MAX_BYTES } from "@/lib/api/common-schemas";
import { parseJsonBody, qtHandler } from "@/lib/api/handler";
import { json } from "@/lib/api/respond";
import { generateBody, sharedGenerationInput } from "@/lib/api/schemas/generate";
import { duplicatesFound, generateCreated } from "@/lib/api/schemas/responses";
import { requireCaller } from "@/lib/auth/caller";
import { createSingleTask } from "@/lib/generation/create-tasks";
import { toQtTask } from "@/lib/tasks/serialize";

export const dynamic = "force-dynamic";

/** QT Pixel API (docs/qt-pixel-api.md): POST /api/v1/generate — one pixel-art image. */
export const POST = qtHandler(async (req) => {
  const caller = await requireCaller(req);
  const body = await parseJsonBody(req, generateBody, { maxBytes: UPLOAD_JSON_MAX_BYTES });
  const result = await createSingleTask(caller, {
    ...sharedGenerationInput(body),
    force: body.force,
    resolution: body.resolution,
    aspectRatio: body.aspect_ratio,
  });
  if (result.kind === "duplicates") {
    const duplicates = result.duplicates.map((d) => ({
      ...toQtTask(d.task),
      similarity: Math.round(d.score * 100) / 100,
    }));
    return json(duplicatesFound, {
      status: "duplicates_found",
      message: "Similar prompts were generated before; send force=true to generate anyway",
      duplicates,
    });
  }
  return json(generateCreated, { task_id: result.task.id, status: result.task.status });
});
