// Alibaba Cloud Model Studio (DashScope) native API: image and video synthesis are asynchronous
// tasks (X-DashScope-Async: enable → task_id → GET /api/v1/tasks/{id}); text generation is a
// plain synchronous call.

import { ProviderError } from "./errors";
import {
  assertPromptBudget,
  bearer,
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
} from "./http";
import type {
  AdapterContext,
  GenerationRequest,
  ModelSpec,
  PollResult,
  ProviderAdapter,
  ProviderOutput,
  SubmitResult,
} from "./types";

const P = "dashscope";

export const DASHSCOPE_PATHS = {
  image: "/api/v1/services/aigc/text2image/image-synthesis",
  video: "/api/v1/services/aigc/video-generation/video-synthesis",
  text: "/api/v1/services/aigc/text-generation/generation",
  task: (id: string) => `/api/v1/tasks/${encodeURIComponent(id)}`,
} as const;

const models: ModelSpec[] = [
  {
    id: "dashscope/qwen-image",
    provider: P,
    model_key: "qwen-image",
    name: "Qwen Image",
    type: "image",
    is_default: false,
    capabilities: {
      supportsLora: true,
      supportsRefImage: true,
      supportsNegativePrompt: true,
      supportsSeed: true,
    },
    // Qwen-Image text-to-image: prompt "支持中英文,长度不超过800个字符" (Model Studio API reference)
    max_prompt_chars: 800,
    resolutions: {
      "1K": {
        "16:9": "1280*720",
        "1:1": "1024*1024",
        "9:16": "720*1280",
        "4:3": "1152*864",
        "3:4": "864*1152",
      },
      "2K": { "16:9": "2560*1440", "1:1": "2048*2048", "9:16": "1440*2560" },
    },
  },
  {
    id: "dashscope/wan2.6-video",
    provider: P,
    model_key: "wan2.6-video",
    name: "Wan 2.6 Video",
    type: "video",
    is_default: false,
    capabilities: { supportsRefImage: true, supportsNegativePrompt: true, supportsSeed: true },
    resolutions: {
      "720p": { "16:9": "1280*720", "9:16": "720*1280", "1:1": "960*960" },
      "1080p": { "16:9": "1920*1080", "9:16": "1080*1920", "1:1": "1440*1440" },
    },
    durations: { "5s": "5秒", "10s": "10秒" },
  },
  {
    id: "dashscope/qwen-plus",
    provider: P,
    model_key: "qwen-plus",
    name: "Qwen Plus",
    type: "llm",
    is_default: false,
    capabilities: { supportsSeed: true },
  },
];

/** Wan ships separate text-to-video and image-to-video models behind one catalogue entry. */
const WAN_T2V = "wan2.6-t2v";
const WAN_I2V = "wan2.6-i2v";

/**
 * Codes after which retrying cannot help: the account itself is out of money or out of its
 * (free) allowance. From Model Studio's error-code page (help.aliyun.com/zh/model-studio/
 * error-code): "'code': 'Arrearage' … 'Access denied, please make sure your account is in good
 * standing.'" — "账号因欠费导致访问被拒绝"; and the free-tier exhaustion codes.
 */
const FINAL_QUOTA_CODES = new Set(["Arrearage", "AllocationQuota.FreeTierOnly"]);

/**
 * Throttling is temporary by definition: "超出阈值的请求会被拒绝并返回 HTTP 429,错误码为
 * Throttling.RateQuota,通常在一分钟内自动恢复" (help.aliyun.com/zh/model-studio/
 * flow-agent-rate-limiting). So every `Throttling*` code (Throttling, Throttling.RateQuota,
 * Throttling.BurstRate, Throttling.AllocationQuota …) is a retryable rate limit that honours
 * Retry-After. The old reading sent `Throttling.RateQuota` to "out of credit" because the word
 * "Quota" matched the quota heuristic.
 */
function isThrottling(code: string | undefined): boolean {
  return !!code && /^Throttling(\.|$)/.test(code);
}

function isFinalQuota(code: string | undefined, message: string | undefined): boolean {
  if (code && FINAL_QUOTA_CODES.has(code)) return true;
  // "Free allocated quota exceeded" / "free tier of the model has been exhausted"
  return /free[ _-]?(tier|allocated quota)[^.]*(exhausted|exceeded)/i.test(message ?? "");
}

function mapError(info: HttpErrorInfo): ProviderError | undefined {
  const { code, message, status } = info;
  const text = `${P}: ${code ?? `HTTP ${status}`}${message ? ` — ${message}` : ""}`;
  if (code === "DataInspectionFailed" || code === "IPInfringementSuspect") {
    return new ProviderError("content_refused", text, { status });
  }
  if (isFinalQuota(code, message)) {
    return new ProviderError("quota", `${text} (account out of credit / 账户欠费或免费额度用尽)`, {
      status,
    });
  }
  if (isThrottling(code) || status === 429) {
    return httpError(P, { ...info, status: 429 });
  }
  if (looksLikeQuota(code)) {
    return new ProviderError("quota", `${text} (account out of credit / 账户欠费)`, { status });
  }
  return undefined;
}

function headers(ctx: AdapterContext, async: boolean): Record<string, string> {
  return { ...bearer(ctx.config), ...(async ? { "x-dashscope-async": "enable" } : {}) };
}

interface TaskBody {
  request_id?: string;
  output?: {
    task_id?: string;
    task_status?: string;
    results?: { url?: string; code?: string; message?: string }[];
    video_url?: string;
    code?: string;
    message?: string;
    choices?: { message?: { content?: string } }[];
    text?: string;
  };
  code?: string;
  message?: string;
}

function seedOf(req: GenerationRequest): number | undefined {
  return typeof req.seed === "number" && Number.isInteger(req.seed) && req.seed >= 0
    ? req.seed
    : undefined;
}

function imageBody(spec: ModelSpec, req: GenerationRequest) {
  const size = resolveSize(spec, req) ?? { width: 1024, height: 1024 };
  const loras = Array.isArray(req.params?.loras)
    ? (req.params.loras as { model?: string; weight?: number }[]).map((l) => ({
        // our catalogue ids carry the provider prefix; the upstream wants its own name
        model: String(l.model ?? "").replace(/^dashscope\//, ""),
        weight: l.weight,
      }))
    : undefined;
  const ref = req.images?.[0];
  return {
    model: "qwen-image",
    input: {
      prompt: req.prompt,
      ...(req.negativePrompt ? { negative_prompt: req.negativePrompt } : {}),
      ...(ref ? { ref_img: ref.url ?? toDataUrl(ref) } : {}),
    },
    parameters: {
      size: `${size.width}*${size.height}`,
      n: Math.min(4, Math.max(1, req.n ?? 1)),
      ...(seedOf(req) !== undefined ? { seed: seedOf(req) } : {}),
      ...(loras?.length ? { loras } : {}),
    },
  };
}

function videoBody(spec: ModelSpec, req: GenerationRequest) {
  const first = req.images?.[0];
  const duration = Number.parseInt(req.duration ?? "5", 10) || 5;
  const size = resolveSize(spec, req, "16:9") ?? { width: 1280, height: 720 };
  const level = Math.min(size.width, size.height) >= 1080 ? "1080P" : "720P";
  return {
    model: first ? WAN_I2V : WAN_T2V,
    input: {
      prompt: req.prompt,
      ...(req.negativePrompt ? { negative_prompt: req.negativePrompt } : {}),
      ...(first ? { img_url: first.url ?? toDataUrl(first) } : {}),
    },
    parameters: {
      // i2v takes its aspect from the first frame, so it only accepts a resolution tier
      ...(first ? { resolution: level } : { size: `${size.width}*${size.height}` }),
      duration,
      ...(seedOf(req) !== undefined ? { seed: seedOf(req) } : {}),
    },
  };
}

function taskFailure(out: NonNullable<TaskBody["output"]>): ProviderError {
  const msg = `${P}: task failed — ${out.code ?? "unknown"}${out.message ? `: ${out.message}` : ""}`;
  if (out.code === "DataInspectionFailed" || looksLikeRefusal(out.code, out.message)) {
    return new ProviderError("content_refused", msg);
  }
  return new ProviderError("failed", msg);
}

export const dashscopeAdapter: ProviderAdapter = {
  id: P,
  displayName: "Alibaba DashScope (Model Studio)",
  requiredEnv: ["DASHSCOPE_API_KEY"],
  pollIntervalMs: 3000,
  defaultConcurrency: 2,
  models,

  configFromEnv: (env) =>
    configFromEnvSpec(env, {
      prefix: "DASHSCOPE",
      defaultBaseUrl: "https://dashscope.aliyuncs.com",
      requiredEnv: ["DASHSCOPE_API_KEY"],
    }),

  async submit(req, ctx): Promise<SubmitResult> {
    const spec = requireModel(models, req.modelKey, P);
    assertPromptBudget(spec, req.prompt, P);
    const base = ctx.config.baseUrl;

    if (spec.type === "llm") {
      const res = await requestJson<TaskBody>(ctx, P, base + DASHSCOPE_PATHS.text, {
        headers: headers(ctx, false),
        json: {
          model: spec.model_key,
          input: { messages: [{ role: "user", content: req.prompt }] },
          parameters: {
            result_format: "message",
            ...(seedOf(req) !== undefined ? { seed: seedOf(req) } : {}),
          },
        },
        mapError,
      });
      const text = res.body.output?.choices?.[0]?.message?.content ?? res.body.output?.text;
      if (typeof text !== "string") throw malformed(P, "no output.choices[0].message.content");
      return {
        state: "done",
        outputs: [
          {
            kind: "text",
            data: Buffer.from(text, "utf8"),
            contentType: "text/plain; charset=utf-8",
          },
        ],
      };
    }

    const isVideo = spec.type === "video";
    const res = await requestJson<TaskBody>(
      ctx,
      P,
      base + (isVideo ? DASHSCOPE_PATHS.video : DASHSCOPE_PATHS.image),
      {
        headers: headers(ctx, true),
        json: isVideo ? videoBody(spec, req) : imageBody(spec, req),
        mapError,
      },
    );
    const taskId = res.body.output?.task_id;
    if (!taskId) throw malformed(P, "no output.task_id");
    return { state: "pending", upstreamId: taskId };
  },

  async poll(upstreamId, req, ctx): Promise<PollResult> {
    const res = await requestJson<TaskBody>(
      ctx,
      P,
      ctx.config.baseUrl + DASHSCOPE_PATHS.task(upstreamId),
      {
        headers: headers(ctx, false),
        mapError,
      },
    );
    const out = res.body.output;
    const status = out?.task_status;
    if (!out || !status) throw malformed(P, "no output.task_status");
    switch (status) {
      case "PENDING":
        return { state: "pending" };
      case "RUNNING":
        return { state: "running" };
      case "SUCCEEDED": {
        const outputs: ProviderOutput[] = [];
        if (out.video_url) outputs.push({ kind: "video", url: out.video_url });
        for (const r of out.results ?? []) if (r.url) outputs.push({ kind: "image", url: r.url });
        if (outputs.length === 0) {
          // every sub-result failed: report the first reason the upstream gave
          const bad = out.results?.find((r) => r.code);
          if (bad) throw taskFailure({ code: bad.code, message: bad.message });
          throw malformed(
            P,
            `SUCCEEDED without ${req.type === "video" ? "video_url" : "results[].url"}`,
          );
        }
        return { state: "done", outputs };
      }
      case "FAILED":
        throw taskFailure(out);
      case "CANCELED":
        throw new ProviderError("failed", `${P}: task ${upstreamId} was cancelled upstream`);
      case "UNKNOWN":
        throw new ProviderError(
          "failed",
          `${P}: task ${upstreamId} is unknown upstream (tasks are kept for 24 h)`,
        );
      default:
        throw malformed(P, `task_status '${status}'`);
    }
  },
};
