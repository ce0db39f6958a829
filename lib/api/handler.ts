import type { NextRequest } from "next/server";
import type { z } from "zod";
import { type ApiFamily, badRequest, newRequestId, renderError } from "@/lib/api/errors";
import { isWarmUpRequest } from "@/lib/ops/warm-up";

export interface HandlerContext<P> {
  params: P;
  requestId: string;
}

type RouteFn<P> = (req: NextRequest, ctx: HandlerContext<P>) => Promise<Response>;

/** Wraps a route handler so every failure renders in its API family's error shape. */
export function apiHandler<P = Record<string, never>>(family: ApiFamily, fn: RouteFn<P>) {
  return async (req: NextRequest, route: { params: Promise<P> }): Promise<Response> => {
    const requestId = newRequestId();
    try {
      const res = await fn(req, { params: (await route?.params) ?? ({} as P), requestId });
      res.headers.set("X-Request-Id", requestId);
      return res;
    } catch (error) {
      return renderError(family, error, requestId, { quiet: isWarmUpRequest(req.headers) });
    }
  };
}

export const qtHandler = <P = Record<string, never>>(fn: RouteFn<P>) => apiHandler<P>("qt", fn);
export const pixelHandler = <P = Record<string, never>>(fn: RouteFn<P>) =>
  apiHandler<P>("pixel", fn);

const MAX_JSON_BYTES = 1_000_000;

/** Reads and validates a JSON body; malformed JSON and schema failures become 400s. */
export async function parseJsonBody<S extends z.ZodType>(
  req: NextRequest,
  schema: S,
  opts: { maxBytes?: number } = {},
): Promise<z.infer<S>> {
  const max = opts.maxBytes ?? MAX_JSON_BYTES;
  const length = Number(req.headers.get("content-length") ?? 0);
  if (length > max) throw badRequest("Request body too large", `limit ${max} bytes`);
  const text = await req.text();
  if (text.length > max) throw badRequest("Request body too large", `limit ${max} bytes`);
  let json: unknown;
  try {
    json = text.trim() === "" ? {} : JSON.parse(text);
  } catch {
    throw badRequest("Malformed JSON body", "The request body must be a JSON object");
  }
  if (json === null || typeof json !== "object" || Array.isArray(json)) {
    throw badRequest("Malformed JSON body", "The request body must be a JSON object");
  }
  return schema.parse(json);
}

/** Validates URL search parameters (as a plain object of strings) against a schema. */
export function parseQuery<S extends z.ZodType>(req: NextRequest, schema: S): z.infer<S> {
  return schema.parse(Object.fromEntries(req.nextUrl.searchParams));
}
