// Volcengine (ByteDance) Doubao TTS, HTTP non-streaming API: POST /api/v1/tts with
// operation "query" answers the whole clip at once as base64 — so submit is already "done".

import { randomUUID } from "node:crypto";
import { ProviderError, type ProviderErrorKind } from "./errors";
import {
  clampNumber,
  configFromEnvSpec,
  type HttpErrorInfo,
  httpError,
  malformed,
  requestJson,
  requireModel,
} from "./http";
import type { ModelSpec, ProviderAdapter, SubmitResult } from "./types";

const P = "volcengine";
const SUCCESS = 3000;

const models: ModelSpec[] = [
  {
    id: "volcengine/doubao-tts",
    provider: P,
    model_key: "doubao-tts",
    name: "豆包 TTS",
    type: "audio",
    is_default: false,
    voices: [
      { id: "zh_female_qingxin", name: "清新女声", language: "zh" },
      { id: "BV001_streaming", name: "通用女声", language: "zh" },
      { id: "BV002_streaming", name: "通用男声", language: "zh" },
      { id: "BV700_streaming", name: "灿灿", language: "zh" },
    ],
  },
];

/** Documented TTS status codes → our kinds (3000 is success). */
const CODE_KINDS: Record<number, ProviderErrorKind> = {
  3001: "bad_request", // invalid request (also bad appid/token)
  3003: "rate_limit", // concurrency limit
  3005: "server", // backend busy
  3006: "server", // service interrupted
  3010: "bad_request", // text too long
  3011: "bad_request", // invalid text
  3030: "timeout", // processing timeout
  3031: "server", // processing error
  3032: "timeout", // timed out waiting for audio
  3040: "server", // backend link error
  3050: "bad_request", // voice type does not exist
};

interface TtsAnswer {
  reqid?: string;
  code?: number;
  message?: string;
  data?: string;
  addition?: { duration?: string };
}

function fromCode(body: TtsAnswer, status?: number): ProviderError | undefined {
  if (typeof body?.code !== "number" || body.code === SUCCESS) return undefined;
  const msg = `${P}: TTS error ${body.code}${body.message ? ` — ${body.message}` : ""}`;
  if (/auth|grant|token|appid|permission/i.test(body.message ?? "")) {
    return new ProviderError("auth", msg, { status });
  }
  return new ProviderError(CODE_KINDS[body.code] ?? "failed", msg, { status });
}

function mapError(info: HttpErrorInfo): ProviderError | undefined {
  // HTTP status decides auth/429/5xx; the body code refines the rest
  if ([401, 403, 429].includes(info.status) || info.status >= 500) return httpError(P, info);
  return fromCode(info.body as TtsAnswer, info.status);
}

export const volcengineAdapter: ProviderAdapter = {
  id: P,
  displayName: "Volcengine Doubao TTS",
  requiredEnv: ["VOLCENGINE_APP_ID", "VOLCENGINE_ACCESS_TOKEN"],
  pollIntervalMs: 0,
  defaultConcurrency: 4,
  models,

  configFromEnv: (env) =>
    configFromEnvSpec(env, {
      prefix: "VOLCENGINE",
      defaultBaseUrl: "https://openspeech.bytedance.com",
      keyVar: "VOLCENGINE_ACCESS_TOKEN",
      extraVars: ["VOLCENGINE_APP_ID", "VOLCENGINE_CLUSTER"],
      requiredEnv: ["VOLCENGINE_APP_ID", "VOLCENGINE_ACCESS_TOKEN"],
    }),

  async submit(req, ctx): Promise<SubmitResult> {
    const spec = requireModel(models, req.modelKey, P);
    const text = req.prompt.trim();
    if (!text) throw new ProviderError("bad_request", `${P}: text is required`);
    const voice = req.voice ?? spec.voices?.[0]?.id ?? "zh_female_qingxin";
    const res = await requestJson<TtsAnswer>(ctx, P, `${ctx.config.baseUrl}/api/v1/tts`, {
      // the documented header really is "Bearer;<token>" (semicolon, no space)
      headers: { authorization: `Bearer;${ctx.config.apiKey ?? ""}` },
      json: {
        app: {
          appid: ctx.config.extra.VOLCENGINE_APP_ID,
          token: ctx.config.apiKey,
          cluster: ctx.config.extra.VOLCENGINE_CLUSTER ?? "volcano_tts",
        },
        user: { uid: String(req.params?.uid ?? "pixel-studio") },
        audio: {
          voice_type: voice,
          encoding: "mp3",
          speed_ratio: clampNumber(req.speed, 0.2, 3, 1),
        },
        request: { reqid: randomUUID(), text, text_type: "plain", operation: "query" },
      },
      mapError,
    });
    const err = fromCode(res.body);
    if (err) throw err;
    if (typeof res.body.data !== "string" || !res.body.data) throw malformed(P, "no audio data");
    const data = Buffer.from(res.body.data, "base64");
    if (data.length === 0) throw malformed(P, "empty audio data");
    return { state: "done", outputs: [{ kind: "audio", data, contentType: "audio/mpeg" }] };
  },

  async poll() {
    throw new ProviderError("bad_request", `${P}: nothing to poll (synchronous API)`);
  },
};
