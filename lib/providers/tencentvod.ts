// Tencent Cloud VOD AIGC image generation through a router (seed 004):
// POST /tencent-vod/v1/aigc-image → Response.TaskId (plus the router's status_url), then poll
// the status URL until the task ends.
//
// The status URL may answer in any of three documented shapes, and we accept all of them:
// 1. VOD DescribeTaskDetail (cloud.tencent.com/document/product/266, the product seed 004 links):
//    `Response.Status` "WAITING: Waiting; PROCESSING: Processing; FINISH: Completed", with the
//    AIGC image task under `Response.AigcImageTask` {Status, ErrCode, ErrCodeExt, Message,
//    Output.FileInfos[].FileUrl} — FileUrl "媒体文件播放地址" (AigcImageTaskOutputFileInfo).
// 2. MPS DescribeAigcImageTask (document/api/862/126964): `Status` "WAIT:等待中, RUN:执行中,
//    FAIL:任务失败, DONE:任务成功", `ImageUrls` "当任务状态为 DONE时,返回的图片Url列表",
//    `Message` "当任务状态为 FAIL时,返回失败信息".
// 3. The router's own queue fields (seed 004's response schema: status, status_url,
//    response_url, queue_position): IN_QUEUE / IN_PROGRESS / COMPLETED, the result at
//    response_url when the status answer carries no images.
// A status word outside these fails the task at once, naming the word: retrying cannot teach us
// a vocabulary we do not have.

import { wholePercent } from "@/lib/vocabulary";
import { ProviderError } from "./errors";
import {
  assertPromptBudget,
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
  // Tencent's CreateAigcImageTask: "Prompt … 生成图片的描述。(注:最大支持1000字符)"
  // (MPS document/api/862/126966; the VOD page of the same action states no other limit)
  max_prompt_chars: 1000,
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
interface VodFileInfo {
  FileUrl?: string;
  FileId?: string;
  FileType?: string;
}
interface VodAigcImageTask {
  TaskId?: string;
  Status?: string;
  ErrCode?: number;
  ErrCodeExt?: string;
  Message?: string;
  Progress?: number;
  Output?: { FileInfos?: VodFileInfo[] };
}
interface StatusAnswer {
  Response?: {
    TaskType?: string;
    Status?: string;
    /** MPS DescribeAigcImageTask */
    ImageUrls?: string[];
    Message?: string;
    /** VOD DescribeTaskDetail */
    AigcImageTask?: VodAigcImageTask;
    Error?: TencentError;
  };
  /** router queue fields */
  status?: string;
  response_url?: string;
  queue_position?: number;
}

/**
 * Compliance refusals, by their documented codes: on submission
 * `FailedOperation.InputComplianceCheck` (input_compliance_check "是否开启输入内容的合规性检查"),
 * on the task `FailedOperation.ContentCompliance` / output compliance.
 */
const COMPLIANCE_CODES = [
  "FailedOperation.InputComplianceCheck",
  "FailedOperation.ContentCompliance",
  "FailedOperation.OutputComplianceCheck",
];
function isComplianceCode(code: string | undefined): boolean {
  return !!code && COMPLIANCE_CODES.some((c) => code.startsWith(c));
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
  if (isComplianceCode(code) || looksLikeRefusal(code, e.Message))
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
    assertPromptBudget(spec, req.prompt, P);
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
    const read = readStatus(res.body);
    if (read.state !== "completed") return read.result;
    // The router's queue shape says COMPLETED and points at the result elsewhere.
    if (!res.body.response_url) throw malformed(P, "COMPLETED without images or response_url");
    const result = await requestJson<StatusAnswer>(
      ctx,
      P,
      sameOriginUrl(res.body.response_url, ctx),
      { headers: bearer(ctx.config), mapError },
    );
    const final = readStatus(result.body);
    if (final.state === "completed") throw malformed(P, "response_url answer carries no images");
    return final.result;
  },
};

type ReadStatus = { state: "known"; result: PollResult } | { state: "completed" };

/** One status answer in any accepted shape → a poll result, or a thrown ProviderError. */
function readStatus(body: StatusAnswer): ReadStatus {
  const r = body.Response;
  if (r?.Error) throw tencentError(r.Error);
  const task = r?.AigcImageTask;
  const known = (result: PollResult): ReadStatus => ({ state: "known", result });

  // VOD DescribeTaskDetail: the AIGC task's own fields decide, the outer Status only says where
  // in the pipeline the task is.
  if (task || r?.TaskType === "AigcImageTask") {
    const word = (task?.Status ?? r?.Status ?? "").toUpperCase();
    const failed = (task?.ErrCode ?? 0) !== 0 || !!task?.ErrCodeExt || word === "FAIL";
    if (failed) throw taskFailure(task?.ErrCodeExt, task?.Message, task?.ErrCode);
    switch (word) {
      case "WAITING":
        return known({ state: "pending" });
      case "PROCESSING":
        return known({ state: "running", progress: progressOf(task?.Progress) });
      case "FINISH": {
        const urls = (task?.Output?.FileInfos ?? [])
          .map((f) => f.FileUrl)
          .filter((u): u is string => typeof u === "string" && u !== "");
        if (!urls.length) throw malformed(P, "FINISH without Output.FileInfos[].FileUrl");
        return known({ state: "done", outputs: urls.map((url) => ({ kind: "image", url })) });
      }
      default:
        throw unknownStatus(word, "VOD DescribeTaskDetail");
    }
  }

  // MPS DescribeAigcImageTask
  if (r?.Status) {
    const word = r.Status.toUpperCase();
    switch (word) {
      case "WAIT":
        return known({ state: "pending" });
      case "RUN":
        return known({ state: "running" });
      case "DONE": {
        const urls = (r.ImageUrls ?? []).filter((u) => typeof u === "string" && u);
        if (!urls.length) throw malformed(P, "DONE without ImageUrls");
        return known({ state: "done", outputs: urls.map((url) => ({ kind: "image", url })) });
      }
      case "FAIL":
        throw taskFailure(undefined, r.Message);
      default:
        throw unknownStatus(word, "MPS DescribeAigcImageTask");
    }
  }

  // The router's queue fields only
  const word = (body.status ?? "").toUpperCase();
  switch (word) {
    case "IN_QUEUE":
      return known({ state: "pending" });
    case "IN_PROGRESS":
      return known({ state: "running" });
    case "COMPLETED":
      return { state: "completed" };
    case "FAILED":
    case "ERROR":
      throw taskFailure(undefined, upstreamMessage(body).message);
    case "":
      throw malformed(P, "no status in the answer");
    default:
      throw unknownStatus(word, "router queue");
  }
}

/** DescribeTaskDetail's `AigcImageTask.Progress` is already whole percent (0–100), our unit. */
function progressOf(p: number | undefined): number | undefined {
  return typeof p === "number" && Number.isFinite(p) ? wholePercent(p) : undefined;
}

function unknownStatus(word: string, shape: string): ProviderError {
  return new ProviderError(
    "failed",
    `${P}: unknown task status '${word}' in a ${shape} answer; the task was stopped instead of retried`,
  );
}

function taskFailure(code: string | undefined, message: string | undefined, errCode?: number) {
  const why = [code, message].filter(Boolean).join(" — ") || `ErrCode ${errCode ?? "?"}`;
  const mentionsCode = COMPLIANCE_CODES.some((c) => message?.includes(c));
  if (isComplianceCode(code) || mentionsCode || looksLikeRefusal(code, message)) {
    return new ProviderError("content_refused", `${P}: ${why}`);
  }
  if (code?.startsWith("FailedOperation.Balance") || looksLikeQuota(code, message)) {
    return new ProviderError("quota", `${P}: ${why}`);
  }
  return new ProviderError("failed", `${P}: generation failed — ${why}`);
}

/** A URL the router handed us, followed only on the configured host (the key goes with it). */
function sameOriginUrl(url: string, ctx: AdapterContext): string {
  let parsed: URL;
  try {
    parsed = new URL(url, ctx.config.baseUrl);
  } catch {
    throw malformed(P, `unusable URL '${url}'`);
  }
  if (parsed.origin !== new URL(ctx.config.baseUrl).origin) {
    throw new ProviderError("failed", `${P}: ${url} points to a different host; not following it`);
  }
  return parsed.href;
}
