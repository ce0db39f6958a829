import { pixelHandler } from "@/lib/api/handler";
import { modelCatalogue } from "@/lib/generation/model-catalogue";

export const dynamic = "force-dynamic";

/** seed 001: GET /api/v1/models — public, grouped by type, keyed by composite id. */
export const GET = pixelHandler(async () => {
  return Response.json({ code: "200", message: "success", data: modelCatalogue() });
});
