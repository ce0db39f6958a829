// ModelScope API-Inference, asynchronous image generation: POST /v1/images/generations with
// X-ModelScope-Async-Mode: true → task_id; GET /v1/tasks/{id} with
// X-ModelScope-Task-Type: image_generation → task_status / output_images.

import { ProviderError } from "./errors";
import {
  bearer,
  configFromEnvSpec,
  looksLikeRefusal,
  malformed,
  requestJson,
  requireModel,
  resolveSize,
} from "./http";
import type { ModelSpec, PollResult, ProviderAdapter, SubmitResult } from "./types";

const P = "modelscope";

/** catalogue key → ModelScope model id */
const UPSTREAM_MODEL: Record<string, string> = { "qwen-image": "Qwen/Qwen-Image" };

const models: ModelSpec[] = [
  {
    id: "modelscope/qwen-image",
    provider: P,
    model_key: "qwen-image",
    name: "ModelScope Qwen Image",
    type: "image",
    is_default: false,
    capabilities: { supportsLora: true, supportsNegativePrompt: true, supportsSeed: true },
    // Qwen-Image on ModelScope accepts 64x64 … 1664x1664
    resolutions: {
      "1K": {
        "1:1": "1024*1024",
        "16:9": "1280*720",
        "9:16": "720*1280",
        "4:3": "1152*864",
        "3:4": "864*1152",
      },
      "1.5K": { "1:1": "1328*1328", "16:9": "1664*928", "9:16": "928*1664" },
    },
  },
];

interface TaskAnswer {
  task_id?: string;
  task_status?: string;
  output_images?: string[];
  errors?: { message?: string; code?: string } | string;
  message?: string;
}

export const modelscopeAdapter: ProviderAdapter = {
  id: P,
  displayName: "ModelScope API-Inference",
  requiredEnv: ["MODELSCOPE_API_KEY"],
  pollIntervalMs: 3000,
  defaultConcurrency: 2,
  models,

  configFromEnv: (env) =>
    configFromEnvSpec(env, {
      prefix: "MODELSCOPE",
      defaultBaseUrl: "https://api-inference.modelscope.cn",
      requiredEnv: ["MODELSCOPE_API_KEY"],
    }),

  async submit(req, ctx): Promise<SubmitResult> {
    const spec = requireModel(models, req.modelKey, P);
    const size = resolveSize(spec, req) ?? { width: 1024, height: 1024 };
    const w = Math.min(1664, Math.max(64, size.width));
    const h = Math.min(1664, Math.max(64, size.height));
    const loras = req.params?.loras;
    const res = await requestJson<TaskAnswer>(
      ctx,
      P,
      `${ctx.config.baseUrl}/v1/images/generations`,
      {
        headers: { ...bearer(ctx.config), "x-modelscope-async-mode": "true" },
        json: {
          model: UPSTREAM_MODEL[spec.model_key] ?? spec.model_key,
          prompt: req.prompt,
          ...(req.negativePrompt ? { negative_prompt: req.negativePrompt } : {}),
          size: `${w}x${h}`,
          ...(Number.isInteger(req.seed) && (req.seed as number) >= 0 ? { seed: req.seed } : {}),
          // ModelScope takes a LoRA repo id or a {repo_id: weight} map
          ...(Array.isArray(loras) && loras.length
            ? {
                loras: Object.fromEntries(
                  (loras as { model?: string; weight?: number }[]).map((l) => [
                    String(l.model ?? "").replace(/^modelscope\//, ""),
                    l.weight ?? 1,
                  ]),
                ),
              }
            : {}),
        },
      },
    );
    if (!res.body.task_id) throw malformed(P, "no task_id");
    return { state: "pending", upstreamId: res.body.task_id };
  },

  async poll(upstreamId, _req, ctx): Promise<PollResult> {
    const res = await requestJson<TaskAnswer>(
      ctx,
      P,
      `${ctx.config.baseUrl}/v1/tasks/${encodeURIComponent(upstreamId)}`,
      { headers: { ...bearer(ctx.config), "x-modelscope-task-type": "image_generation" } },
    );
    const b = res.body;
    switch (b.task_status) {
      case "PENDING":
        return { state: "pending" };
      case "RUNNING":
      case "PROCESSING":
        return { state: "running" };
      case "SUCCEED": {
        const urls = (b.output_images ?? []).filter((u) => typeof u === "string" && u);
        if (!urls.length) throw malformed(P, "SUCCEED without output_images");
        return { state: "done", outputs: urls.map((url) => ({ kind: "image", url })) };
      }
      case "FAILED": {
        const why =
          (typeof b.errors === "string" ? b.errors : b.errors?.message) ??
          b.message ??
          "no reason given";
        if (looksLikeRefusal(why)) throw new ProviderError("content_refused", `${P}: ${why}`);
        throw new ProviderError("failed", `${P}: generation failed — ${why}`);
      }
      default:
        throw malformed(P, `task_status '${b.task_status}'`);
    }
  },
};
