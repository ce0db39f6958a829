import { qtHandler } from "@/lib/api/handler";
import { buildOpenApiDocument } from "@/lib/api/openapi";
import { publicOrigin } from "@/lib/api/origin";
import { json } from "@/lib/api/respond";
import { openApiDocument } from "@/lib/api/schemas/responses";
import { listModels } from "@/lib/providers/registry";
import { operations } from "./operations";

export const dynamic = "force-dynamic";

/** OpenAPI 3.1 of both API families, generated from the request schemas. Public. */
export const GET = qtHandler(async (req) => {
  const models = listModels().map((m) => ({
    id: m.id,
    type: m.type,
    acceptsUpload: m.capabilities?.acceptsUpload === true,
  }));
  return json(openApiDocument, buildOpenApiDocument(operations, publicOrigin(req), { models }));
});
