import { pixelHandler } from "@/lib/api/handler";
import { json } from "@/lib/api/respond";
import { modelsAnswer } from "@/lib/api/schemas/responses";
import { modelCatalogue } from "@/lib/generation/model-catalogue";

export const dynamic = "force-dynamic";

/** Generations API (docs/generations-api.md): GET /api/v1/models — public, grouped by type, keyed by composite id. */
export const GET = pixelHandler(async () => {
  return json(modelsAnswer, { code: "200", message: "success", data: modelCatalogue() });
});
