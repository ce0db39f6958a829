// Every adapter failure is a ProviderError, so the worker can decide retry vs fail from `kind`
// alone and show `message` (human readable, no stack) to the user as the task's error_msg.

export type ProviderErrorKind =
  | "auth" // 401/403: bad credentials; not retryable
  | "rate_limit" // 429: retryable, honour retryAfterMs
  | "server" // 5xx: retryable
  | "timeout" // no answer in time: retryable
  | "network" // connection refused/reset: retryable
  | "bad_request" // 4xx: not retryable
  | "content_refused" // upstream's safety filter: not retryable
  | "quota" // out of credits: not retryable
  | "malformed" // answer we cannot parse: retryable (upstreams have transient garbage)
  | "expired" // result URL no longer downloadable: not retryable
  | "failed"; // the upstream says the job failed: not retryable

const RETRYABLE: ReadonlySet<ProviderErrorKind> = new Set([
  "rate_limit",
  "server",
  "timeout",
  "network",
  "malformed",
]);

export const CONTENT_REFUSAL_MESSAGE = "⚠️ 生成失败: AI 拒绝处理此请求 (可能包含敏感内容)";

export class ProviderError extends Error {
  readonly kind: ProviderErrorKind;
  readonly retryAfterMs?: number;
  readonly status?: number;

  constructor(
    kind: ProviderErrorKind,
    message: string,
    opts: { retryAfterMs?: number; status?: number } = {},
  ) {
    super(kind === "content_refused" ? CONTENT_REFUSAL_MESSAGE : message);
    this.name = "ProviderError";
    this.kind = kind;
    this.retryAfterMs = opts.retryAfterMs;
    this.status = opts.status;
  }

  get retryable(): boolean {
    return RETRYABLE.has(this.kind);
  }
}
