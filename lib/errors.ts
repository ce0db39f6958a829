// Errors the domain throws. They say what went wrong in the domain's terms; only lib/api turns
// them into HTTP statuses and each API family's error body (lib/api/errors.ts), so generation,
// tasks and auth code never decide a status code.

export type DomainErrorKind =
  | "invalid"
  | "unauthenticated"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "quota"
  | "unavailable";

export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    message: string,
    readonly details?: string,
  ) {
    super(message);
    this.name = "DomainError";
  }
}

/** The request is well-formed but asks for something this server will not do with it. */
export class InvalidInputError extends DomainError {
  constructor(message: string, details?: string) {
    super("invalid", message, details);
    this.name = "InvalidInputError";
  }
}

/** No (valid) credentials. */
export class UnauthenticatedError extends DomainError {
  constructor(details?: string) {
    super("unauthenticated", "Unauthorized: missing, invalid or revoked API key", details);
    this.name = "UnauthenticatedError";
  }
}

/** Known caller, not allowed. */
export class ForbiddenError extends DomainError {
  constructor(message = "Forbidden", details?: string) {
    super("forbidden", message, details);
    this.name = "ForbiddenError";
  }
}

/** Missing, or owned by someone else (the two look the same to the caller on purpose). */
export class NotFoundError extends DomainError {
  constructor(message: string, details?: string) {
    super("not_found", message, details);
    this.name = "NotFoundError";
  }
}

/** The thing exists but its state does not allow this now (a frame still running, …). */
export class ConflictError extends DomainError {
  constructor(message: string, details?: string) {
    super("conflict", message, details);
    this.name = "ConflictError";
  }
}

/** The caller used up a quota; retry after `retryAfterSeconds`. */
export class QuotaExceededError extends DomainError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
    details?: string,
  ) {
    super("quota", message, details);
    this.name = "QuotaExceededError";
  }
}

/** The server cannot do this at all right now (no model of a type configured, …). */
export class UnavailableError extends DomainError {
  constructor(message: string, details?: string) {
    super("unavailable", message, details);
    this.name = "UnavailableError";
  }
}
