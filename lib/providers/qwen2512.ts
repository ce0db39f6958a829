// Qwen-Image-2512 hosted REST API (seed 003): POST /api/generate → task_id, then
// GET /api/status?task_id= until SUCCESS/FAILED. Envelope `{code, message, data}`.

import { ProviderError } from "./errors";
import {
  assertPromptBudget,
  bearer,
  closestSize,
  configFromEnvSpec,
  type HttpErrorInfo,
  looksLikeQuota,
  looksLikeRefusal,
  malformed,
  requestJson,
  requireModel,
  resolveSize,
} from "./http";
import type { ModelSpec, PollResult, ProviderAdapter, SubmitResult } from "./types";

const P = "qwen2512";
const MAX_PROMPT = 2000;
const SIZES = ["1024*1024", "1024*1536", "1536*1024", "768*1024", "1024*768"];

const models: ModelSpec[] = [
  {
    id: "qwen2512/qwen-image-2512",
    provider: P,
    model_key: "qwen-image-2512",
    name: "Qwen-Image-2512",
    type: "image",
    is_default: false,
    capabilities: { supportsSeed: true },
    // seed 003: "图片生成的文本描述。最多 2000 个字符。"
    max_prompt_chars: MAX_PROMPT,
    resolutions: {
      "1K": {
        "1:1": "1024*1024",
        "2:3": "1024*1536",
        "3:2": "1536*1024",
        "3:4": "768*1024",
        "4:3": "1024*768",
      },
    },
  },
];

interface Envelope<T> {
  code?: number;
  message?: string;
  data?: T | null;
}
interface StatusData {
  task_id?: string;
  status?: string;
  error_message?: string | null;
  response?: string[] | null;
}

function mapError(info: HttpErrorInfo): ProviderError | undefined {
  if (looksLikeQuota(info.message)) {
    return new ProviderError("quota", `${P}: out of credits — ${info.message}`, {
      status: info.status,
    });
  }
  return undefined;
}

/** The envelope repeats the HTTP status; a 200 carrying a non-200 code is still a failure. */
function unwrap<T>(body: Envelope<T>, what: string): T {
  if (body.code !== undefined && body.code !== 200) {
    const msg = `${P}: ${body.code} — ${body.message ?? "error"}`;
    if (body.code === 401 || body.code === 403) throw new ProviderError("auth", msg);
    if (body.code === 429) throw new ProviderError("rate_limit", msg);
    if (body.code >= 500) throw new ProviderError("server", msg);
    if (looksLikeQuota(body.message)) throw new ProviderError("quota", msg);
    throw new ProviderError("bad_request", msg);
  }
  if (!body.data) throw malformed(P, `no data in ${what}`);
  return body.data;
}

export const qwen2512Adapter: ProviderAdapter = {
  id: P,
  displayName: "Qwen-Image-2512 API",
  requiredEnv: ["QWEN2512_API_KEY"],
  // the documentation asks for one poll every 5–10 s
  pollIntervalMs: 5000,
  defaultConcurrency: 2,
  models,

  configFromEnv: (env) =>
    configFromEnvSpec(env, {
      prefix: "QWEN2512",
      defaultBaseUrl: "https://qwen-image-2512.org",
      requiredEnv: ["QWEN2512_API_KEY"],
    }),

  async submit(req, ctx): Promise<SubmitResult> {
    const spec = requireModel(models, req.modelKey, P);
    if (!req.prompt.trim()) throw new ProviderError("bad_request", `${P}: prompt is required`);
    assertPromptBudget(spec, req.prompt, P);
    const want = resolveSize(spec, req) ?? { width: 1024, height: 1024 };
    const size = closestSize(SIZES, want.width, want.height);
    const seed = Number.isInteger(req.seed) && (req.seed as number) >= 0 ? req.seed : -1;
    const res = await requestJson<Envelope<StatusData>>(
      ctx,
      P,
      `${ctx.config.baseUrl}/api/generate`,
      {
        headers: bearer(ctx.config),
        json: { prompt: req.prompt, size, seed, output_format: "png" },
        mapError,
      },
    );
    const data = unwrap(res.body, "generate answer");
    if (!data.task_id) throw malformed(P, "no data.task_id");
    return { state: "pending", upstreamId: data.task_id };
  },

  async poll(upstreamId, _req, ctx): Promise<PollResult> {
    const url = `${ctx.config.baseUrl}/api/status?task_id=${encodeURIComponent(upstreamId)}`;
    const res = await requestJson<Envelope<StatusData>>(ctx, P, url, {
      headers: bearer(ctx.config),
      mapError: (info) =>
        info.status === 404
          ? new ProviderError("failed", `${P}: task ${upstreamId} not found upstream`, {
              status: 404,
            })
          : mapError(info),
    });
    const data = unwrap(res.body, "status answer");
    switch (data.status) {
      case "PENDING":
        return { state: "pending" };
      case "IN_PROGRESS":
        return { state: "running" };
      case "SUCCESS": {
        const urls = (data.response ?? []).filter((u): u is string => typeof u === "string" && !!u);
        if (urls.length === 0) throw malformed(P, "SUCCESS without response URLs");
        return { state: "done", outputs: urls.map((url) => ({ kind: "image", url })) };
      }
      case "FAILED": {
        const why = data.error_message ?? "no reason given";
        if (looksLikeRefusal(why)) throw new ProviderError("content_refused", `${P}: ${why}`);
        throw new ProviderError("failed", `${P}: generation failed — ${why}`);
      }
      default:
        throw malformed(P, `status '${data.status}'`);
    }
  },
};
