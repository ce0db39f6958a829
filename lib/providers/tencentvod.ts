// Tencent Cloud VOD AIGC image generation through a router (seed 004):
// POST /tencent-vod/v1/aigc-image → Response.TaskId (plus the router's status_url), then poll
// the status URL until Tencent's task status is DONE/FAIL.

import { ProviderError } from "./errors";
import {
  bearer,
  closestSize,
  configFromEnvSpec,
  type HttpErrorInfo,
  httpError,
  looksLikeQuota,
  looksLikeRefusal,
  malformed,
  requestJson,
  requireModel,
  resolveSize,
  toDataUrl,
  upstreamMessage,
} from "./http";
import type {
  AdapterContext,
  GenerationRequest,
  ModelSpec,
  PollResult,
  ProviderAdapter,
  SubmitResult,
} from "./types";

const P = "tencentvod";
const SUBMIT_PATH = "/tencent-vod/v1/aigc-image";

const GEM_ASPECTS = ["1:1", "3:2", "2:3", "3:4", "4:3", "4:5", "5:4", "9:16", "16:9", "21:9"];
/** explicit pixel sizes the API lists; used for models without aspect_ratio support */
const EXPLICIT_SIZES = [
  "1024*1024",
  "2048*2048",
  "2304*1728",
  "2496*1664",
  "2560*1440",
  "3024*1296",
];

const gemResolutions = {
  "720P": {
    "1:1": "720*720",
    "16:9": "1280*720",
    "9:16": "720*1280",
    "4:3": "960*720",
    "3:4": "720*960",
  },
  "1080P": {
    "1:1": "1080*1080",
    "16:9": "1920*1080",
    "9:16": "1080*1920",
    "4:3": "1440*1080",
    "3:4": "1080*1440",
  },
  "2K": { "1:1": "2048*2048", "16:9": "2560*1440", "9:16": "1440*2560" },
  "4K": { "1:1": "4096*4096", "16:9": "3840*2160", "9:16": "2160*3840" },
};
const explicitResolutions = {
  "1K": { "1:1": "1024*1024" },
  "2K": {
    "1:1": "2048*2048",
    "4:3": "2304*1728",
    "3:2": "2496*1664",
    "16:9": "2560*1440",
    "21:9": "3024*1296",
  },
};

const UPSTREAM: Record<string, { name: "GEM" | "Qwen" | "Hunyuan"; version: string }> = {
  "gem-2.5": { name: "GEM", version: "2.5" },
  "gem-3.0": { name: "GEM", version: "3.0" },
  "qwen-0925": { name: "Qwen", version: "0925" },
  "hunyuan-3.0": { name: "Hunyuan", version: "3.0" },
};

const model = (key: string, name: string, gem: boolean): ModelSpec => ({
  id: `${P}/${key}`,
  provider: P,
  model_key: key,
  name,
  type: "image",
  is_default: false,
  capabilities: { supportsRefImage: true, supportsNegativePrompt: true },
  resolutions: gem ? gemResolutions : explicitResolutions,
});

const models: ModelSpec[] = [
  model("gem-2.5", "Gemini 2.5 Image (Tencent VOD)", true),
  model("gem-3.0", "Gemini 3.0 Image (Tencent VOD)", true),
  model("qwen-0925", "Qwen Image 0925 (Tencent VOD)", false),
  model("hunyuan-3.0", "Hunyuan Image 3.0 (Tencent VOD)", false),
];

interface TencentError {
  Code?: string;
  Message?: string;
}
interface SubmitAnswer {
  Response?: { TaskId?: string; RequestId?: string; Error?: TencentError };
  status?: string;
  request_id?: string;
  status_url?: string;
}
interface StatusAnswer {
  Response?: {
    Status?: string;
    ImageUrls?: string[];
    Message?: string;
    Error?: TencentError;
  };
  status?: string;
}

/** Tencent reports most failures as HTTP 200 with Response.Error {Code, Message}. */
function tencentError(e: TencentError, status?: number): ProviderError {
  const code = e.Code ?? "UnknownError";
  const msg = `${P}: ${code}${e.Message ? ` — ${e.Message}` : ""}`;
  if (code.startsWith("AuthFailure") || code === "UnauthorizedOperation") {
    return new ProviderError("auth", msg, { status });
  }
  if (code.startsWith("RequestLimitExceeded"))
    return new ProviderError("rate_limit", msg, { status });
  if (looksLikeRefusal(code, e.Message))
    return new ProviderError("content_refused", msg, { status });
  if (looksLikeQuota(code, e.Message) || /Arrears|Insufficient/i.test(code)) {
    return new ProviderError("quota", msg, { status });
  }
  if (/session/i.test(`${code} ${e.Message ?? ""}`)) {
    return new ProviderError(
      "failed",
      `${msg} (this task was already submitted with the same session_id in the last 3 days)`,
      { status },
    );
  }
  if (code.startsWith("InternalError") || code.startsWith("ResourceUnavailable")) {
    return new ProviderError("server", msg, { status });
  }
  return new ProviderError("bad_request", msg, { status });
}

function mapError(info: HttpErrorInfo): ProviderError | undefined {
  if ([401, 403, 429].includes(info.status) || info.status >= 500) return httpError(P, info);
  const e = (info.body as SubmitAnswer | undefined)?.Response?.Error;
  return e ? tencentError(e, info.status) : undefined;
}

function outputConfig(spec: ModelSpec, req: GenerationRequest, gem: boolean) {
  const base = {
    storage_mode: "Temporary",
    input_compliance_check: "Enabled",
    output_compliance_check: "Enabled",
  };
  if (gem) {
    const levels = Object.keys(gemResolutions);
    const wanted = (req.resolution ?? "").toUpperCase();
    const resolution =
      levels.find((l) => l === wanted) ?? (wanted === "1K" ? "1080P" : undefined) ?? "1080P";
    let aspect =
      req.aspectRatio && GEM_ASPECTS.includes(req.aspectRatio) ? req.aspectRatio : undefined;
    if (!aspect && req.width && req.height) {
      aspect = closestSize(
        GEM_ASPECTS.map((a) => a.replace(":", "*")),
        req.width,
        req.height,
      ).replace("*", ":");
    }
    return { ...base, resolution, aspect_ratio: aspect ?? "1:1" };
  }
  const want = resolveSize(spec, req) ?? { width: 1024, height: 1024 };
  return {
    ...base,
    resolution: closestSize(EXPLICIT_SIZES, want.width, want.height).replace("*", "x"),
  };
}

/** Where to poll: the router's status_url when it gave one on our own host, else derived. */
function statusUrl(upstreamId: string, ctx: AdapterContext): string {
  if (/^https?:\/\//.test(upstreamId)) {
    // never follow a status URL to another host: the API key would go with it
    if (new URL(upstreamId).origin !== new URL(ctx.config.baseUrl).origin) {
      throw new ProviderError(
        "failed",
        `${P}: status_url points to a different host; not polling it`,
      );
    }
    return upstreamId;
  }
  return `${ctx.config.baseUrl}${SUBMIT_PATH}/${encodeURIComponent(upstreamId)}`;
}

export const tencentvodAdapter: ProviderAdapter = {
  id: P,
  displayName: "Tencent VOD AIGC Image (router)",
  requiredEnv: ["TENCENTVOD_API_KEY"],
  pollIntervalMs: 3000,
  defaultConcurrency: 2,
  models,

  configFromEnv: (env) =>
    configFromEnvSpec(env, {
      prefix: "TENCENTVOD",
      defaultBaseUrl: "https://api.quickrouter.ai",
      requiredEnv: ["TENCENTVOD_API_KEY"],
    }),

  async submit(req, ctx): Promise<SubmitResult> {
    const spec = requireModel(models, req.modelKey, P);
    const up = UPSTREAM[spec.model_key];
    const gem = up.name === "GEM";
    const describe =
      typeof req.params?.reference_text === "string" ? req.params.reference_text : undefined;
    const fileInfos = (req.images ?? []).map((img) => ({
      type: "Url",
      // the API only takes a VOD file id or a URL; without a public URL we inline a data URL
      url: img.url ?? toDataUrl(img),
      ...(gem && describe ? { text: describe } : {}),
    }));
    const sessionId =
      typeof req.params?.session_id === "string" ? req.params.session_id.slice(0, 50) : undefined;
    const res = await requestJson<SubmitAnswer>(ctx, P, ctx.config.baseUrl + SUBMIT_PATH, {
      headers: bearer(ctx.config),
      json: {
        model_name: up.name,
        model_version: up.version,
        prompt: req.prompt,
        ...(req.negativePrompt ? { negative_prompt: req.negativePrompt } : {}),
        ...(fileInfos.length ? { file_infos: fileInfos } : {}),
        // prompt rewriting tends to drop "pixel art" constraints, so it is opt-in
        enhance_prompt: req.params?.enhance_prompt === true ? "Enabled" : "Disabled",
        output_config: outputConfig(spec, req, gem),
        ...(sessionId ? { session_id: sessionId } : {}),
      },
      mapError,
    });
    const e = res.body.Response?.Error;
    if (e) throw tencentError(e);
    const taskId = res.body.Response?.TaskId;
    if (!taskId) throw malformed(P, "no Response.TaskId");
    const su = res.body.status_url;
    return { state: "pending", upstreamId: su && /^https?:\/\//.test(su) ? su : taskId };
  },

  async poll(upstreamId, _req, ctx): Promise<PollResult> {
    const res = await requestJson<StatusAnswer>(ctx, P, statusUrl(upstreamId, ctx), {
      headers: bearer(ctx.config),
      mapError,
    });
    const r = res.body.Response;
    if (r?.Error) throw tencentError(r.Error);
    const status = (r?.Status ?? res.body.status ?? "").toUpperCase();
    switch (status) {
      case "WAIT":
      case "IN_QUEUE":
        return { state: "pending" };
      case "RUN":
      case "IN_PROGRESS":
        return { state: "running" };
      case "DONE":
      case "COMPLETED": {
        const urls = (r?.ImageUrls ?? []).filter((u) => typeof u === "string" && u);
        if (!urls.length) throw malformed(P, "DONE without ImageUrls");
        return { state: "done", outputs: urls.map((url) => ({ kind: "image", url })) };
      }
      case "FAIL":
      case "FAILED": {
        const why = r?.Message ?? upstreamMessage(res.body).message ?? "no reason given";
        if (looksLikeRefusal(why)) throw new ProviderError("content_refused", `${P}: ${why}`);
        throw new ProviderError("failed", `${P}: generation failed — ${why}`);
      }
      default:
        throw malformed(P, `status '${status || "(none)"}'`);
    }
  },
};
