// Shared plumbing for adapters: one place that turns "an HTTP call to an upstream" into either a
// parsed body or a ProviderError, so every adapter classifies failures the same way.

import { Agent, type Dispatcher } from "undici";
import { assertPublicUrl, UnsafeUrlError } from "@/lib/security/ssrf";
import { ProviderError, type ProviderErrorKind } from "./errors";
import type {
  AdapterContext,
  EnvLike,
  GenerationRequest,
  InputImage,
  ModelSpec,
  ProviderConfig,
} from "./types";

export const DEFAULT_TIMEOUT_MS = 60_000;

/** Retry-After is either delta-seconds or an HTTP-date (RFC 9110 §10.2.3). */
export function parseRetryAfter(
  value: string | null | undefined,
  now = Date.now(),
): number | undefined {
  if (value == null) return undefined;
  const v = value.trim();
  if (v === "") return undefined;
  if (/^\d+(\.\d+)?$/.test(v)) return Math.round(Number(v) * 1000);
  const at = Date.parse(v);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now);
}

/**
 * Thrown (as the abort reason) when one upstream call overruns its deadline. Named TimeoutError
 * so classifyThrown reports it like the platform's own timeouts.
 */
export class CallDeadlineError extends Error {
  constructor(readonly ms: number) {
    super(`no answer within ${ms} ms`);
    this.name = "TimeoutError";
  }
}

/**
 * Runs one upstream exchange (connect, headers AND the full body read) under a deadline that
 * cannot be missed, and under the caller's cancellation.
 *
 * Why not `AbortSignal.any([ctx.signal, AbortSignal.timeout(ms)])` (what we used before): Node's
 * timeout signal is held only weakly by its own timer (nodejs/node PR #57867: "timeout signals
 * inside a composite signal (created by AbortSignal.any()) were being garbage collected before
 * they could fire", issue #57736), and undici's Request follows the caller's signal weakly too
 * (nodejs/undici#4068). A garbage collection during the call silently removed the deadline, which
 * is how 3 of 24 hung calls stayed open for 60–86 s in the independent check (reproduced here:
 * with `--expose-gc` and a GC every 50 ms, the composite signal never fired). Here a strongly
 * held controller is aborted by a plain ref'd timer, and the work is raced against that timer, so
 * even a fetch implementation that ignores its signal cannot hold the caller past the deadline.
 */
export async function withDeadline<T>(
  ctx: AdapterContext,
  work: (signal: AbortSignal, init: { dispatcher: Dispatcher }) => Promise<T>,
  ms: number = ctx.config.timeoutMs,
): Promise<T> {
  throwIfCancelled(ctx);
  const ctrl = new AbortController();
  // The call's own connection pool, destroyed when the call ends. Node's fetch (undici) answers
  // an aborted request by destroying its socket and then opening a fresh connection for the
  // request it re-queued, which no request ever uses and no keep-alive timer reaps
  // (nodejs/undici#5845): against a hung upstream that connection stayed open after the call's
  // deadline. Destroying the pool closes it, so every call is closed by its deadline.
  const dispatcher = new Agent();
  let timer: NodeJS.Timeout | undefined;
  let onCancel: (() => void) | undefined;
  const stop = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const reason = new CallDeadlineError(ms);
      ctrl.abort(reason);
      reject(reason);
    }, ms);
    onCancel = () => {
      ctrl.abort(ctx.signal.reason);
      reject(abortReason(ctx.signal));
    };
    ctx.signal.addEventListener("abort", onCancel, { once: true });
  });
  // the losing side of the race must not surface as an unhandled rejection
  stop.catch(() => undefined);
  try {
    return await Promise.race([work(ctrl.signal, { dispatcher }), stop]);
  } finally {
    clearTimeout(timer);
    if (onCancel) ctx.signal.removeEventListener("abort", onCancel);
    // free the socket of whatever is still running (a body nobody reads any more)
    if (!ctrl.signal.aborted) ctrl.abort(new DOMException("call finished", "AbortError"));
    dispatcher.destroy().catch(() => undefined);
  }
}

/**
 * Cancellation is not an upstream failure: the worker asked for it, so we hand its own abort
 * reason back instead of dressing it up as a retryable ProviderError.
 */
function throwIfCancelled(ctx: AdapterContext): void {
  if (ctx.signal.aborted) throw abortReason(ctx.signal);
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException("The operation was aborted", "AbortError");
}

/** True when `err` is the caller's own cancellation (as opposed to a timeout or upstream error). */
export function isCancellation(err: unknown, signal: AbortSignal): boolean {
  return signal.aborted && !(err instanceof ProviderError);
}

const NETWORK_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EPIPE",
  "UND_ERR_SOCKET",
  "UND_ERR_CLOSED",
]);

function errorCode(err: unknown): string | undefined {
  let e: unknown = err;
  for (let i = 0; i < 4 && e && typeof e === "object"; i++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string") return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

/** Maps a thrown fetch/body-read error to a ProviderError (or rethrows a cancellation). */
export function classifyThrown(err: unknown, ctx: AdapterContext, provider: string): never {
  if (err instanceof ProviderError) throw err;
  throwIfCancelled(ctx);
  const name = (err as { name?: string })?.name;
  if (name === "TimeoutError" || name === "AbortError") {
    const ms = err instanceof CallDeadlineError ? err.ms : ctx.config.timeoutMs;
    throw new ProviderError("timeout", `${provider}: no answer within ${ms} ms`);
  }
  const code = errorCode(err);
  if (code === "UND_ERR_HEADERS_TIMEOUT" || code === "UND_ERR_BODY_TIMEOUT") {
    throw new ProviderError("timeout", `${provider}: upstream stopped answering (${code})`);
  }
  // Anything else thrown by fetch is a transport problem (DNS, refused, reset, TLS).
  const detail = code ?? (err instanceof Error ? err.message : String(err));
  const what = code && NETWORK_CODES.has(code) ? "cannot reach upstream" : "connection failed";
  throw new ProviderError("network", `${provider}: ${what} (${detail})`);
}

/** What an upstream said when it failed, pulled out of the usual envelope shapes. */
export function upstreamMessage(body: unknown): { code?: string; message?: string } {
  if (!body || typeof body !== "object") {
    return typeof body === "string" && body.trim() ? { message: body.trim().slice(0, 300) } : {};
  }
  const b = body as Record<string, unknown>;
  const pick = (o: unknown): { code?: string; message?: string } | undefined => {
    if (!o || typeof o !== "object") return undefined;
    const r = o as Record<string, unknown>;
    const message = [r.message, r.Message, r.err_msg, r.error_message, r.msg].find(
      (x) => typeof x === "string" && x !== "",
    ) as string | undefined;
    const rawCode = r.code ?? r.Code ?? r.type;
    const code =
      typeof rawCode === "string" || typeof rawCode === "number" ? String(rawCode) : undefined;
    return message || code ? { code, message } : undefined;
  };
  const response = b.Response as Record<string, unknown> | undefined;
  return (
    pick(b.error) ??
    pick(response?.Error) ??
    pick(b.errors) ??
    pick(b) ??
    (typeof b.error === "string" ? { message: b.error } : {})
  );
}

const REFUSAL_RE =
  /content[ _-]?policy|DataInspectionFailed|data_inspection|moderation|safety|inappropriate|sensitive|nsfw|Audit|敏感|违规|审核|不合规/i;

/** Heuristic used only on upstream error texts/codes, never on our users' prompts. */
export function looksLikeRefusal(...texts: (string | undefined)[]): boolean {
  return texts.some((t) => !!t && REFUSAL_RE.test(t));
}

export interface HttpErrorInfo {
  status: number;
  body: unknown;
  headers: Headers;
  code?: string;
  message?: string;
}

/** Status-code classification used when an adapter has no more specific reading. */
export function httpError(provider: string, info: HttpErrorInfo): ProviderError {
  const { status, headers } = info;
  const said = [info.code, info.message].filter(Boolean).join(": ");
  const msg = `${provider}: HTTP ${status}${said ? ` — ${said}` : ""}`;
  if (looksLikeRefusal(info.code, info.message) && status < 500) {
    return new ProviderError("content_refused", msg, { status });
  }
  let kind: ProviderErrorKind;
  if (status === 401 || status === 403) kind = "auth";
  else if (status === 402) kind = "quota";
  else if (status === 429) kind = "rate_limit";
  else if (status === 408 || status === 504) kind = "timeout";
  else if (status >= 500) kind = "server";
  else kind = "bad_request";
  const retryAfterMs =
    kind === "rate_limit" ? parseRetryAfter(headers.get("retry-after")) : undefined;
  return new ProviderError(kind, msg, { status, retryAfterMs });
}

export interface RequestOptions {
  method?: "GET" | "POST" | "DELETE";
  headers?: Record<string, string>;
  /** JSON body (sets content-type) */
  json?: unknown;
  /** multipart body; fetch sets the boundary */
  form?: FormData;
  /** application/x-www-form-urlencoded body */
  urlencoded?: URLSearchParams;
  /** adapter-specific reading of a non-2xx answer; return undefined to fall back to httpError */
  mapError?: (info: HttpErrorInfo) => ProviderError | undefined;
}

export interface JsonResponse<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

/**
 * One HTTP call with the per-call timeout and cancellation, returning parsed JSON from a 2xx
 * answer and a classified ProviderError otherwise.
 */
export async function requestJson<T = unknown>(
  ctx: AdapterContext,
  provider: string,
  url: string,
  opts: RequestOptions = {},
): Promise<JsonResponse<T>> {
  throwIfCancelled(ctx);
  const headers: Record<string, string> = { accept: "application/json", ...opts.headers };
  let body: string | FormData | URLSearchParams | undefined;
  if (opts.json !== undefined) {
    headers["content-type"] = "application/json";
    body = JSON.stringify(opts.json);
  } else if (opts.form) {
    body = opts.form;
  } else if (opts.urlencoded) {
    body = opts.urlencoded;
  }
  let res: Response;
  let text: string;
  try {
    // the body read is inside the deadline: a body that trickles is a hang too
    ({ res, text } = await withDeadline(ctx, async (signal, pool) => {
      const r = await ctx.fetch(url, {
        method: opts.method ?? (body === undefined ? "GET" : "POST"),
        headers,
        body,
        signal,
        redirect: "follow",
        ...pool,
      } as RequestInit);
      return { res: r, text: await r.text() };
    }));
  } catch (err) {
    classifyThrown(err, ctx, provider);
  }
  let parsed: unknown;
  let parseFailed = false;
  if (text.trim() !== "") {
    try {
      parsed = JSON.parse(text);
    } catch {
      parseFailed = true;
      parsed = text;
    }
  }
  if (!res.ok) {
    const info: HttpErrorInfo = {
      status: res.status,
      body: parsed,
      headers: res.headers,
      ...upstreamMessage(parsed),
    };
    throw opts.mapError?.(info) ?? httpError(provider, info);
  }
  if (parseFailed || parsed === undefined) {
    throw new ProviderError(
      "malformed",
      `${provider}: answer is not JSON (HTTP ${res.status}, ${text.length} bytes)`,
      { status: res.status },
    );
  }
  return { status: res.status, headers: res.headers, body: parsed as T };
}

/** Raised by adapters when a 2xx JSON answer lacks the fields the protocol promises. */
export function malformed(provider: string, what: string): ProviderError {
  return new ProviderError("malformed", `${provider}: unexpected answer (${what})`);
}

class FollowRedirect extends Error {
  constructor(readonly location: string) {
    super("redirect");
  }
}

/** True when `url` is on the admin-configured base (same scheme, host and port). */
export function onConfiguredBase(ctx: AdapterContext, url: string): boolean {
  try {
    return new URL(url).origin === new URL(ctx.config.baseUrl).origin;
  } catch {
    return false;
  }
}

/**
 * Result URLs come from the upstream, not from the admin, so they get the same SSRF policy as a
 * user's URL. Only the configured base itself is exempt: that is how a LAN ComfyUI/A1111 (or a
 * fake upstream on 127.0.0.1) serves its files.
 */
async function assertResultUrlAllowed(
  ctx: AdapterContext,
  provider: string,
  url: string,
): Promise<void> {
  if (onConfiguredBase(ctx, url)) return;
  try {
    await assertPublicUrl(url);
  } catch (err) {
    if (err instanceof UnsafeUrlError) {
      throw new ProviderError("failed", `${provider}: result URL refused (${err.message})`);
    }
    throw err;
  }
}

/**
 * Downloads a result URL an adapter returned. The worker uses this so a result link that has
 * gone stale (403/404/410) becomes a clear, non-retryable "expired" error.
 */
export async function downloadOutput(
  ctx: AdapterContext,
  provider: string,
  url: string,
  maxBytes = 100 * 1024 * 1024,
): Promise<{ data: Buffer; contentType: string }> {
  let current = url;
  for (let hop = 0; ; hop++) {
    try {
      return await downloadOnce(ctx, provider, current, maxBytes);
    } catch (err) {
      if (!(err instanceof FollowRedirect)) throw err;
      if (hop >= 3) throw malformed(provider, "result URL redirects more than 3 times");
      current = err.location;
    }
  }
}

async function downloadOnce(
  ctx: AdapterContext,
  provider: string,
  url: string,
  maxBytes: number,
): Promise<{ data: Buffer; contentType: string }> {
  await assertResultUrlAllowed(ctx, provider, url);
  try {
    return await withDeadline(ctx, async (signal, pool) => {
      // redirects are not followed blindly: a hop could lead to an internal address
      const res = await ctx.fetch(url, { signal, redirect: "manual", ...pool } as RequestInit);
      if (res.status >= 300 && res.status < 400) {
        await res.body?.cancel();
        const next = res.headers.get("location");
        if (!next) throw malformed(provider, `redirect ${res.status} without Location`);
        throw new FollowRedirect(new URL(next, url).href);
      }
      if (res.status === 403 || res.status === 404 || res.status === 410) {
        await res.body?.cancel();
        throw new ProviderError(
          "expired",
          `${provider}: result is no longer available (HTTP ${res.status}); generate it again`,
          { status: res.status },
        );
      }
      if (!res.ok) {
        await res.body?.cancel();
        throw httpError(provider, { status: res.status, body: undefined, headers: res.headers });
      }
      const declared = Number(res.headers.get("content-length") ?? "0");
      if (declared > maxBytes) {
        await res.body?.cancel();
        throw new ProviderError("malformed", `${provider}: result larger than ${maxBytes} bytes`);
      }
      const data = Buffer.from(await res.arrayBuffer());
      if (data.length > maxBytes) {
        throw new ProviderError("malformed", `${provider}: result larger than ${maxBytes} bytes`);
      }
      return {
        data,
        contentType: res.headers.get("content-type")?.split(";")[0] ?? "application/octet-stream",
      };
    });
  } catch (err) {
    if (err instanceof FollowRedirect) throw err;
    classifyThrown(err, ctx, provider);
  }
}

// ---------------------------------------------------------------------------------------------
// Configuration from the environment

export interface EnvSpec {
  /** e.g. "DASHSCOPE" */
  prefix: string;
  defaultBaseUrl?: string;
  /** env var holding the secret sent as apiKey (default `${prefix}_API_KEY`) */
  keyVar?: string;
  /** further vars copied into `extra` under their own names */
  extraVars?: string[];
  requiredEnv: string[];
}

/** A variable as text; blank counts as unset. */
function nonEmpty(v: string | number | boolean | undefined): string | undefined {
  const t = v === undefined ? undefined : String(v).trim();
  return t ? t : undefined;
}

export function missingEnv(env: EnvLike, required: string[]): string[] {
  return required.filter((k) => !nonEmpty(env[k]));
}

function positiveInt(v: string | number | boolean | undefined): number | undefined {
  const n = Number(nonEmpty(v));
  return Number.isFinite(n) && n > 0 ? Math.floor(n) : undefined;
}

export function configFromEnvSpec(env: EnvLike, spec: EnvSpec): ProviderConfig | undefined {
  if (missingEnv(env, spec.requiredEnv).length > 0) return undefined;
  const baseUrl = nonEmpty(env[`${spec.prefix}_BASE_URL`]) ?? spec.defaultBaseUrl;
  if (!baseUrl) return undefined;
  const extra: Record<string, string | undefined> = {};
  for (const k of spec.extraVars ?? []) extra[k] = nonEmpty(env[k]);
  return {
    baseUrl: baseUrl.replace(/\/+$/, ""),
    apiKey: nonEmpty(env[spec.keyVar ?? `${spec.prefix}_API_KEY`]),
    extra,
    timeoutMs: positiveInt(env.PROVIDER_TIMEOUT_MS) ?? DEFAULT_TIMEOUT_MS,
    concurrency: positiveInt(env[`${spec.prefix}_CONCURRENCY`]),
  };
}

// ---------------------------------------------------------------------------------------------
// Request mapping helpers

/** `data:` URL for upstreams that take inline images in JSON. */
export function toDataUrl(img: InputImage): string {
  return `data:${img.contentType};base64,${img.data.toString("base64")}`;
}

/** Blob for multipart uploads. */
export function toBlob(img: InputImage): Blob {
  return new Blob([new Uint8Array(img.data)], { type: img.contentType });
}

export function extensionFor(contentType: string): string {
  const sub = contentType.split("/")[1]?.split(";")[0] ?? "png";
  return sub === "jpeg" ? "jpg" : sub.replace(/[^a-z0-9]/gi, "") || "bin";
}

/**
 * Picks "W*H" for a request: exact width/height wins, else the model's resolution table by
 * level (case-insensitive) and aspect ratio, falling back to the first level / defaultAspect.
 */
export function resolveSize(
  spec: Pick<ModelSpec, "resolutions">,
  req: Pick<GenerationRequest, "width" | "height" | "resolution" | "aspectRatio">,
  defaultAspect = "1:1",
): { width: number; height: number } | undefined {
  if (req.width && req.height) return { width: req.width, height: req.height };
  const table = spec.resolutions;
  if (!table) return undefined;
  const levels = Object.keys(table);
  const level = levels.find((l) => l.toLowerCase() === req.resolution?.toLowerCase()) ?? levels[0];
  if (!level) return undefined;
  const row = table[level];
  const aspect = req.aspectRatio && row[req.aspectRatio] ? req.aspectRatio : undefined;
  const size = row[aspect ?? defaultAspect] ?? Object.values(row)[0];
  const m = /^(\d+)[*x×](\d+)$/.exec(size ?? "");
  return m ? { width: Number(m[1]), height: Number(m[2]) } : undefined;
}

export function clampNumber(v: unknown, min: number, max: number, fallback: number): number {
  const n = typeof v === "number" ? v : typeof v === "string" ? Number(v) : Number.NaN;
  if (!Number.isFinite(n)) return fallback;
  return Math.min(max, Math.max(min, n));
}

/** Pulls `err_code`-style quota hints out of an upstream message. */
export function looksLikeQuota(...texts: (string | undefined)[]): boolean {
  return texts.some(
    (t) => !!t && /insufficient[_ ]?quota|quota|balance|arrearage|余额|次数不足|欠费/i.test(t),
  );
}

export function requireModel(models: ModelSpec[], modelKey: string, provider: string): ModelSpec {
  const m = models.find((x) => x.model_key === modelKey);
  if (!m) throw new ProviderError("bad_request", `${provider}: unknown model '${modelKey}'`);
  return m;
}

/**
 * Last line of defence for a model's documented prompt limit: the API refuses over-long user
 * prompts at submission and the worker shortens its own suffix, so this only fires on a prompt
 * that reached the adapter some other way — and then without spending an upstream call.
 */
export function assertPromptBudget(spec: ModelSpec, prompt: string, provider: string): void {
  const limit = spec.max_prompt_chars;
  if (limit !== undefined && [...prompt].length > limit) {
    throw new ProviderError("bad_request", `${provider}: prompt longer than ${limit} characters`);
  }
}

export function bearer(config: ProviderConfig): Record<string, string> {
  return config.apiKey ? { authorization: `Bearer ${config.apiKey}` } : {};
}

/** The allowed "W*H" whose aspect ratio is nearest to w:h (ties: nearest area). */
export function closestSize(allowed: string[], w: number, h: number): string {
  const parse = (s: string) => s.split(/[*x×]/).map(Number) as [number, number];
  const score = (s: string) => {
    const [aw, ah] = parse(s);
    return Math.abs(Math.log(aw / ah) - Math.log(w / h)) * 1000 + Math.abs(aw * ah - w * h) / 1e6;
  };
  return [...allowed].sort((a, b) => score(a) - score(b))[0];
}
