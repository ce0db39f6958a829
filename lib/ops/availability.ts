// "A backend we depend on is down right now" as one domain notion, so that every route answers
// 503 (with Retry-After) while PostgreSQL, Redis or the object store is unreachable, instead of
// a 500 that reads like a bug. lib/api maps it to HTTP; this module only recognises it.

export type Backend = "database" | "storage" | "queue" | "rate-limit";

export class BackendUnavailableError extends Error {
  constructor(
    readonly backend: Backend,
    cause?: unknown,
  ) {
    super(
      `The ${backend} is unreachable right now${cause instanceof Error ? ` (${cause.message})` : ""}`,
      { cause },
    );
    this.name = "BackendUnavailableError";
  }
}

// Socket-level failures: the peer is gone, refusing, or not answering.
const NETWORK_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "UND_ERR_SOCKET",
  "UND_ERR_CONNECT_TIMEOUT",
]);

// PostgreSQL SQLSTATEs meaning "the server is not serving you now" (PostgreSQL docs, Appendix A):
// class 08 connection exception, 57P01 admin_shutdown, 57P02 crash_shutdown, 57P03
// cannot_connect_now (starting up / shutting down), 53300 too_many_connections.
const PG_UNAVAILABLE = /^(08...|57P0[123]|53300)$/;

// Messages of drivers that throw plain Errors without a code: node-postgres when the server
// closes the socket, pg-pool's connect timeout, ioredis with the connection down.
const MESSAGES =
  /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|Connection is closed|MaxRetriesPerRequest|socket hang up|the database system is (starting up|shutting down)/i;

/** Which backend an error says is unreachable, or undefined for any other error. */
export function unavailableBackend(error: unknown): Backend | undefined {
  for (let e = error, depth = 0; e && depth < 6; depth++) {
    if (e instanceof BackendUnavailableError) return e.backend;
    const { code, name, message } = e as { code?: unknown; name?: string; message?: string };
    if (typeof code === "string") {
      if (PG_UNAVAILABLE.test(code)) return "database";
      if (NETWORK_CODES.has(code)) return guessBackend(e);
    }
    if (name === "MaxRetriesPerRequestError") return "rate-limit";
    if (typeof message === "string" && MESSAGES.test(message)) return guessBackend(e);
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

function guessBackend(error: unknown): Backend {
  const text = `${(error as { name?: string })?.name ?? ""} ${(error as { message?: string })?.message ?? ""}`;
  if (/redis|MaxRetriesPerRequest|Connection is closed/i.test(text)) return "rate-limit";
  if ((error as { $metadata?: unknown })?.$metadata !== undefined) return "storage";
  return "database";
}
