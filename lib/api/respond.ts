import type { z } from "zod";

/**
 * A JSON answer whose body TypeScript holds to `schema`, the same schema the OpenAPI document
 * shows for this response. Not parsed at run time: the hot list and create routes would pay for
 * it on every request, and the integration suite checks every answer against the document.
 */
export function json<S extends z.ZodType>(
  schema: S,
  body: z.input<S>,
  init?: ResponseInit,
): Response {
  void schema;
  return Response.json(body, init);
}
