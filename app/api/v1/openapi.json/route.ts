import { qtHandler } from "@/lib/api/handler";
import { buildOpenApiDocument } from "@/lib/api/openapi";
import { publicOrigin } from "@/lib/api/origin";
import { operations } from "./operations";

export const dynamic = "force-dynamic";

/** OpenAPI 3.1 of both API families, generated from the request schemas. Public. */
export const GET = qtHandler(async (req) => {
  return Response.json(buildOpenApiDocument(operations, publicOrigin(req)));
});
