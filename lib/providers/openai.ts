// OpenAI Images API: synchronous. gpt-image-1 always answers base64; dall-e-3 can answer a URL
// (kept for an hour), which the worker downloads. Reference images go to /v1/images/edits.

import { ProviderError } from "./errors";
import {
  bearer,
  closestSize,
  configFromEnvSpec,
  extensionFor,
  type HttpErrorInfo,
  httpError,
  malformed,
  requestJson,
  requireModel,
  resolveSize,
  toBlob,
} from "./http";
import type { ModelSpec, ProviderAdapter, ProviderOutput, SubmitResult } from "./types";

const P = "openai";

const SIZES: Record<string, string[]> = {
  "gpt-image-1": ["1024*1024", "1536*1024", "1024*1536"],
  "dall-e-3": ["1024*1024", "1792*1024", "1024*1792"],
};

const models: ModelSpec[] = [
  {
    id: "openai/gpt-image-1",
    provider: P,
    model_key: "gpt-image-1",
    name: "GPT Image 1",
    type: "image",
    is_default: false,
    capabilities: { supportsRefImage: true },
    resolutions: { "1K": { "1:1": "1024*1024", "3:2": "1536*1024", "2:3": "1024*1536" } },
  },
  {
    id: "openai/dall-e-3",
    provider: P,
    model_key: "dall-e-3",
    name: "DALL·E 3",
    type: "image",
    is_default: false,
    capabilities: {},
    resolutions: { "1K": { "1:1": "1024*1024", "16:9": "1792*1024", "9:16": "1024*1792" } },
  },
];

function mapError(info: HttpErrorInfo): ProviderError | undefined {
  const body = info.body as
    | { error?: { code?: string; type?: string; message?: string } }
    | undefined;
  const code = body?.error?.code ?? undefined;
  const type = body?.error?.type ?? undefined;
  const text = `${P}: HTTP ${info.status} — ${body?.error?.message ?? code ?? "error"}`;
  if (code === "content_policy_violation" || code === "moderation_blocked") {
    return new ProviderError("content_refused", text, { status: info.status });
  }
  if (
    code === "insufficient_quota" ||
    type === "insufficient_quota" ||
    code === "billing_hard_limit_reached"
  ) {
    return new ProviderError("quota", `${text} (out of credits)`, { status: info.status });
  }
  return httpError(P, { ...info, code, message: body?.error?.message });
}

interface ImagesAnswer {
  data?: { b64_json?: string; url?: string }[];
}

export const openaiAdapter: ProviderAdapter = {
  id: P,
  displayName: "OpenAI Images",
  requiredEnv: ["OPENAI_API_KEY"],
  pollIntervalMs: 0,
  defaultConcurrency: 2,
  models,

  configFromEnv: (env) =>
    configFromEnvSpec(env, {
      prefix: "OPENAI",
      defaultBaseUrl: "https://api.openai.com",
      requiredEnv: ["OPENAI_API_KEY"],
    }),

  async submit(req, ctx): Promise<SubmitResult> {
    const spec = requireModel(models, req.modelKey, P);
    const want = resolveSize(spec, req) ?? { width: 1024, height: 1024 };
    const size = closestSize(SIZES[spec.model_key], want.width, want.height).replace("*", "x");
    // dall-e-3 only ever makes one image per request
    const n = spec.model_key === "dall-e-3" ? 1 : Math.min(10, Math.max(1, req.n ?? 1));
    const base = ctx.config.baseUrl;
    let res: { body: ImagesAnswer };

    if (req.images?.length && spec.model_key === "gpt-image-1") {
      const form = new FormData();
      form.set("model", spec.model_key);
      form.set("prompt", req.prompt);
      form.set("size", size);
      form.set("n", String(n));
      req.images.forEach((img, i) => {
        form.append("image[]", toBlob(img), `ref-${i}.${extensionFor(img.contentType)}`);
      });
      res = await requestJson<ImagesAnswer>(ctx, P, `${base}/v1/images/edits`, {
        headers: bearer(ctx.config),
        form,
        mapError,
      });
    } else {
      res = await requestJson<ImagesAnswer>(ctx, P, `${base}/v1/images/generations`, {
        headers: bearer(ctx.config),
        json: {
          model: spec.model_key,
          prompt: req.prompt,
          size,
          n,
          // gpt-image-1 rejects response_format (it always answers b64_json)
          ...(spec.model_key === "dall-e-3" ? { response_format: "url" } : {}),
        },
        mapError,
      });
    }

    const outputs: ProviderOutput[] = [];
    for (const d of res.body.data ?? []) {
      if (d.b64_json) {
        outputs.push({
          kind: "image",
          data: Buffer.from(d.b64_json, "base64"),
          contentType: "image/png",
        });
      } else if (d.url) {
        outputs.push({ kind: "image", url: d.url });
      }
    }
    if (!outputs.length) throw malformed(P, "no data[].b64_json or data[].url");
    return { state: "done", outputs };
  },

  async poll() {
    // synchronous upstream: submit always answers "done"
    throw new ProviderError("bad_request", `${P}: nothing to poll (synchronous API)`);
  },

  async testConnection(ctx) {
    try {
      await requestJson(ctx, P, `${ctx.config.baseUrl}/v1/models`, {
        headers: bearer(ctx.config),
        mapError,
      });
      return { ok: true, message: "OpenAI answered /v1/models" };
    } catch (err) {
      return { ok: false, message: err instanceof Error ? err.message : String(err) };
    }
  },
};
