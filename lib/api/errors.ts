// One error type per API family, each rendering its contract's error shape:
//   QT Pixel API (docs/qt-pixel-api.md):    { "error": "…", "details": "…" }
//   generations API (docs/generations-api.md): { "code": "400", "message": "…", "request_id": "req_…" }
// Nothing else reaches the client: unknown errors become a 500 with a request id, logged here.
import crypto from "node:crypto";
import { ZodError } from "zod";
import { DomainError, type DomainErrorKind, QuotaExceededError } from "@/lib/errors";
import { unavailableBackend } from "@/lib/ops/availability";
import { BlobNotFoundError } from "@/lib/storage/blob";

export type ApiFamily = "qt" | "pixel";

export class ApiError extends Error {
  readonly status: number;
  readonly details?: string;
  readonly headers?: Record<string, string>;

  constructor(
    status: number,
    message: string,
    opts: { details?: string; headers?: Record<string, string> } = {},
  ) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.details = opts.details;
    this.headers = opts.headers;
  }
}

export const badRequest = (message: string, details?: string) =>
  new ApiError(400, message, { details });
export const unauthorized = (details?: string) =>
  new ApiError(401, "Unauthorized: missing, invalid or revoked API key", { details });
export const forbidden = (message = "Forbidden", details?: string) =>
  new ApiError(403, message, { details });
export const notFound = (what: string) => new ApiError(404, `${what} not found`);

// Request ids come from a pool of random bytes drawn 256 ids at a time: one call into the random
// generator per id was 1.3 % of the CPU of GET task under load.
const ID_BYTES = 9;
let idPool = Buffer.alloc(0);
let idAt = 0;

export function newRequestId(): string {
  if (idAt + ID_BYTES > idPool.length) {
    idPool = crypto.randomBytes(ID_BYTES * 256);
    idAt = 0;
  }
  idAt += ID_BYTES;
  return `req_${idPool.toString("base64url", idAt - ID_BYTES, idAt)}`;
}

/**
 * Turns a zod failure into one message that names the field(s): one line per field (a value can
 * break two checks at once, and the person needs the rule once), without repeating a field name
 * the message already starts with.
 */
export function describeZodError(error: ZodError): { message: string; details: string } {
  const byField = new Map<string, string>();
  for (const issue of error.issues) {
    const field = issue.path.length ? issue.path.join(".") : "body";
    if (byField.has(field)) continue;
    byField.set(
      field,
      issue.message.startsWith(`${field} `) ? issue.message : `${field}: ${issue.message}`,
    );
  }
  const parts = [...byField.values()];
  return { message: `Invalid request: ${parts[0]}`, details: parts.join("; ") };
}

/** The one table from domain errors to HTTP statuses, shared by both API families. */
const STATUS_OF: Record<DomainErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  quota: 429,
  unavailable: 503,
};

export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof DomainError) {
    return new ApiError(STATUS_OF[error.kind], error.message, {
      details: error.details,
      headers:
        error instanceof QuotaExceededError
          ? { "Retry-After": String(error.retryAfterSeconds) }
          : undefined,
    });
  }
  if (error instanceof ZodError) {
    const { message, details } = describeZodError(error);
    return new ApiError(400, message, { details });
  }
  if (error instanceof BlobNotFoundError) return new ApiError(404, "File not found");
  const backend = unavailableBackend(error);
  if (backend) {
    // Load balancers and clients retry a 503; the outage is usually a restart of seconds.
    return new ApiError(503, `Service temporarily unavailable: the ${backend} cannot be reached`, {
      headers: { "Retry-After": "5" },
    });
  }
  return new ApiError(500, "Internal server error");
}

export function renderError(
  family: ApiFamily,
  error: unknown,
  requestId: string,
  opts: { quiet?: boolean } = {},
): Response {
  const apiError = toApiError(error);
  // a quiet request (the process's own warm-up) still logs what would be a server fault
  if (!opts.quiet || apiError.status >= 500) {
    const log = apiError.status >= 500 ? console.error : console.warn;
    log(
      `[${requestId}] ${apiError.status} ${apiError.message}`,
      apiError.status >= 500 ? error : (apiError.details ?? ""),
    );
  }
  const headers: Record<string, string> = { "X-Request-Id": requestId, ...apiError.headers };
  if (family === "qt") {
    const body: { error: string; details?: string } = { error: apiError.message };
    if (apiError.status >= 500) body.details = `request_id: ${requestId}`;
    else if (apiError.details) body.details = apiError.details;
    return Response.json(body, { status: apiError.status, headers });
  }
  return Response.json(
    { code: String(apiError.status), message: apiError.message, request_id: requestId },
    { status: apiError.status, headers },
  );
}
