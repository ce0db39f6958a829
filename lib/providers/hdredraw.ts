// HD-redraw image service (seed 002): multipart form + user_key. One submit endpoint per
// operation, a shared check_task_status, and errors as HTTP 200 with err_code 1 + Chinese text.

import { ProviderError } from "./errors";
import {
  clampNumber,
  configFromEnvSpec,
  extensionFor,
  looksLikeRefusal,
  malformed,
  requestJson,
  requireModel,
  toBlob,
} from "./http";
import type {
  AdapterContext,
  ModelSpec,
  PollResult,
  ProviderAdapter,
  ProviderOutput,
  SubmitResult,
} from "./types";

const P = "hdredraw";

const op = (
  key: string,
  name: string,
  operation: "upscale" | "vectorize" | "face-enhance" | "seamless",
  params: ModelSpec["params"],
): ModelSpec => ({
  id: `${P}/${key}`,
  provider: P,
  model_key: key,
  name,
  type: "operation",
  is_default: false,
  capabilities: { operation, supportsRefImage: true },
  params,
});

const models: ModelSpec[] = [
  op("upscale", "HD Redraw Upscale", "upscale", {
    upscale: { type: "number", min: 1, max: 8, default: 2, description: "放大倍数 scale factor" },
    steps: {
      type: "integer",
      min: 20,
      max: 40,
      default: 30,
      description: "sampling steps (slower when higher)",
    },
    s_noise: { type: "number", min: 1, max: 1.1, default: 1.003, description: "noise strength" },
    high_fidelity: { type: "boolean", default: false, description: "高保真 high fidelity" },
    strong_inpaint: { type: "boolean", default: false, description: "强力修复 strong repair" },
    strong_inpaint_intensity: { type: "number", min: 0, max: 1, default: 0.5 },
    prompt: {
      type: "string",
      default: "",
      description: 'positive prompt for the redraw (图像生成的正面提示, default "")',
    },
    neg_prompt: {
      type: "string",
      default: "",
      description: 'negative prompt for the redraw (图像生成的负面提示, default "")',
    },
    vector_switch: { type: "boolean", default: false, description: "also produce a vector (SVG)" },
    color_count: { type: "integer", min: 2, max: 16, default: 5, description: "vector colours" },
  }),
  op("vectorize", "HD Redraw Vectorize", "vectorize", {
    color_count: {
      type: "integer",
      min: 2,
      max: 16,
      default: 5,
      description: "矢量图颜色数量 colours",
    },
  }),
  op("face-enhance", "HD Redraw Face Enhance", "face-enhance", {}),
  op("seamless", "HD Redraw Seamless Tile", "seamless", {
    fit: {
      type: "number",
      min: 0.1,
      max: 0.9,
      default: 0.5,
      description: "接缝拼合度: higher = smoother seam, less detail",
    },
  }),
];

interface Answer {
  err_code?: number;
  err_msg?: string;
  task_id?: string;
  status?: string | null;
  images_url?: string | string[];
  vector_url?: string | string[];
  grid_url?: string | string[];
  remaining_count?: number;
  remaining_money?: number;
}

/** The documented err_msg texts, with an English rendering for non-Chinese readers. */
function errCodeError(msg: string | undefined): ProviderError {
  const text = msg ?? "未知错误";
  if (text.includes("账户不存在")) {
    return new ProviderError(
      "auth",
      `${P}: account not found — check HDREDRAW_USER_KEY (账户不存在)`,
    );
  }
  if (text.includes("剩余次数不足")) {
    return new ProviderError(
      "quota",
      `${P}: no credits left on the HD-redraw account, top it up (账户剩余次数不足)`,
    );
  }
  if (text.includes("任务未找到")) {
    return new ProviderError(
      "failed",
      `${P}: task not found or status unknown (任务未找到或状态未知)`,
    );
  }
  if (looksLikeRefusal(text)) return new ProviderError("content_refused", `${P}: ${text}`);
  if (text.startsWith("任务提交失败")) {
    return new ProviderError("failed", `${P}: task submission failed (${text})`);
  }
  return new ProviderError("failed", `${P}: ${text}`);
}

function bool(v: unknown, fallback: boolean): string {
  return String(
    typeof v === "boolean" ? v : v === "true" ? true : v === "false" ? false : fallback,
  );
}

function urls(v: string | string[] | undefined): string[] {
  return (Array.isArray(v) ? v : v ? [v] : []).filter((u) => typeof u === "string" && u);
}

async function call(
  ctx: AdapterContext,
  path: string,
  body: FormData | URLSearchParams,
): Promise<Answer> {
  const res = await requestJson<Answer>(ctx, P, `${ctx.config.baseUrl}${path}`, {
    ...(body instanceof FormData ? { form: body } : { urlencoded: body }),
  });
  if (res.body.err_code !== 0) {
    if (res.body.err_code === undefined) throw malformed(P, "no err_code");
    throw errCodeError(res.body.err_msg);
  }
  return res.body;
}

export const hdredrawAdapter: ProviderAdapter = {
  id: P,
  displayName: "HD Redraw image service",
  requiredEnv: ["HDREDRAW_BASE_URL", "HDREDRAW_USER_KEY"],
  // the documentation recommends polling every 2–3 s
  pollIntervalMs: 2500,
  defaultConcurrency: 2,
  models,

  configFromEnv: (env) =>
    configFromEnvSpec(env, {
      prefix: "HDREDRAW",
      keyVar: "HDREDRAW_USER_KEY",
      requiredEnv: ["HDREDRAW_BASE_URL", "HDREDRAW_USER_KEY"],
    }),

  async submit(req, ctx): Promise<SubmitResult> {
    const spec = requireModel(models, req.modelKey, P);
    const img = req.images?.[0];
    if (!img) throw new ProviderError("bad_request", `${P}: ${spec.name} needs an input image`);
    const p = req.params ?? {};
    const form = new FormData();
    form.set("user_key", ctx.config.apiKey ?? "");
    let path: string;
    switch (spec.capabilities?.operation) {
      case "upscale":
        path = "/api/submit_task";
        form.set("sdxl_model_dropdown", String(p.sdxl_model_dropdown ?? "通用模型"));
        form.set("style_dropdown", String(p.style_dropdown ?? "通用风格"));
        form.set("upscale", String(clampNumber(p.upscale ?? p.factor, 1, 8, 2)));
        form.set("s_noise", String(clampNumber(p.s_noise, 1, 1.1, 1.003)));
        form.set("steps", String(Math.round(clampNumber(p.steps, 20, 40, 30))));
        form.set("high_fidelity", bool(p.high_fidelity, false));
        form.set("strong_inpaint", bool(p.strong_inpaint, false));
        form.set(
          "strong_inpaint_intensity",
          String(clampNumber(p.strong_inpaint_intensity, 0, 1, 0.5)),
        );
        // Seed 002: `prompt` "图像生成的正面提示(默认:"")". Only words the user gave for this
        // operation go upstream; the task's own label ("upscale of #20: …") is ours, not theirs.
        form.set("prompt", typeof p.prompt === "string" ? p.prompt : "");
        form.set("neg_prompt", typeof p.neg_prompt === "string" ? p.neg_prompt : "");
        form.set("vector_switch", bool(p.vector_switch, false));
        form.set("color_count", String(Math.round(clampNumber(p.color_count, 2, 16, 5))));
        break;
      case "vectorize":
        path = "/api/submit_vector_task";
        form.set("color_count", String(Math.round(clampNumber(p.color_count, 2, 16, 5))));
        break;
      case "face-enhance":
        path = "/api/submit_face_enhance_task";
        break;
      case "seamless":
        path = "/api/submit_seamless_task";
        form.set("fit", String(clampNumber(p.fit, 0.1, 0.9, 0.5)));
        break;
      default:
        throw new ProviderError("bad_request", `${P}: unsupported operation ${spec.model_key}`);
    }
    form.set("input_image", toBlob(img), `input.${extensionFor(img.contentType)}`);
    const body = await call(ctx, path, form);
    if (!body.task_id) throw malformed(P, "no task_id");
    return { state: "pending", upstreamId: body.task_id };
  },

  async poll(upstreamId, _req, ctx): Promise<PollResult> {
    const body = await call(
      ctx,
      "/api/check_task_status",
      new URLSearchParams({ user_key: ctx.config.apiKey ?? "", task_id: upstreamId }),
    );
    const status = (body.status ?? "").toLowerCase();
    if (status === "completed") {
      const outputs: ProviderOutput[] = [
        ...urls(body.images_url).map((url) => ({ kind: "image" as const, url })),
        ...urls(body.vector_url).map((url) => ({ kind: "vector" as const, url })),
        ...urls(body.grid_url).map((url) => ({ kind: "grid" as const, url })),
      ];
      if (!outputs.length) throw malformed(P, "Completed without images_url/vector_url");
      return { state: "done", outputs };
    }
    // the documented client treats both "Failed" and a missing status as the end of the task
    if (status === "failed" || status === "") {
      const seen = body.status == null ? "no status (null)" : `status '${body.status}'`;
      throw new ProviderError(
        "failed",
        `${P}: task ${upstreamId} ended with ${seen}${body.err_msg ? ` — ${body.err_msg}` : " and no reason given"}`,
      );
    }
    if (/queue|pend|wait/.test(status)) return { state: "pending" };
    return { state: "running" };
  },
};
