// Self-hosted Stable Diffusion web UI — AUTOMATIC1111 or Forge (same API), at the
// admin-configured A1111_BASE_URL, started with `--api` (and optionally `--api-auth user:pass`,
// which is HTTP Basic: A1111_USERNAME / A1111_PASSWORD). Routes and shapes from
// modules/api/api.py and models.py:
// - POST /sdapi/v1/txt2img and /sdapi/v1/img2img (init_images, denoising_strength) answer
//   synchronously {images: [base64 PNG], parameters, info: "<JSON string>"};
// - GET /sdapi/v1/progress {progress: 0–1, eta_relative, state, current_image, textinfo};
// - POST /sdapi/v1/interrupt; GET /sdapi/v1/sd-models [{title, model_name, hash, sha256,
//   filename, config}];
// - errors: api_middleware's {error: <exception class>, detail, body, errors: str(e)} with the
//   exception's status (500 by default), 401 "Incorrect username or password", FastAPI's 422
//   {detail: [...]} for a bad body and 404 {"detail": "Not Found"} when `--api` is off.
// Later frames of a sprite batch go through img2img with frame 1 as init image, so the frames
// show one subject.

import { wholePercent } from "@/lib/vocabulary";
import { ProviderError } from "./errors";
import {
  clampNumber,
  configFromEnvSpec,
  type HttpErrorInfo,
  httpError,
  malformed,
  requestJson,
  resolveSize,
  toDataUrl,
} from "./http";
import type {
  AdapterContext,
  ModelSpec,
  PollResult,
  ProviderAdapter,
  ProviderConfig,
  SubmitResult,
} from "./types";

const P = "a1111";

const resolutions = {
  "512": { "1:1": "512*512", "4:3": "640*480", "3:4": "480*640", "16:9": "768*432" },
  "1K": { "1:1": "1024*1024", "4:3": "1152*896", "3:4": "896*1152", "16:9": "1344*768" },
};

function modelSpec(key: string, name: string): ModelSpec {
  return {
    id: `${P}/${key}`,
    provider: P,
    model_key: key,
    name,
    type: "image",
    is_default: false,
    capabilities: { supportsSeed: true, supportsNegativePrompt: true, supportsRefImage: true },
    resolutions,
  };
}

/** "default" is whatever checkpoint the web UI has loaded; the others come from sd-models. */
const models: ModelSpec[] = [modelSpec("default", "Stable Diffusion web UI (loaded checkpoint)")];

interface SdModel {
  title?: string;
  model_name?: string;
  hash?: string | null;
  filename?: string;
}

/** our model key → the web UI's own checkpoint name, for override_settings */
const checkpointNames = new Map<string, string>();

/** A checkpoint as a model of ours: `a1111/<model_name>` (A1111 already replaces `/` by `_`). */
export function checkpointModel(m: SdModel): ModelSpec | undefined {
  const name = m.model_name ?? "";
  const key = name.replace(/[/\\\s]+/g, "_");
  if (!key || key === "default") return undefined;
  checkpointNames.set(key, name);
  return modelSpec(key, `${m.title ?? key} (Stable Diffusion web UI)`);
}

function authHeaders(config: ProviderConfig): Record<string, string> {
  const user = config.extra.A1111_USERNAME;
  if (!user) return {};
  const token = Buffer.from(`${user}:${config.extra.A1111_PASSWORD ?? ""}`).toString("base64");
  return { authorization: `Basic ${token}` };
}

const OOM_RE = /OutOfMemory|out of memory|CUDA error: out of memory/i;

interface A1111Error {
  error?: string;
  detail?: unknown;
  errors?: string;
}

function mapError(info: HttpErrorInfo): ProviderError | undefined {
  const b = (info.body ?? {}) as A1111Error;
  const detail = typeof b.detail === "string" ? b.detail : undefined;
  if (info.status === 401) {
    return new ProviderError(
      "auth",
      `${P}: ${detail ?? "Incorrect username or password"} — check A1111_USERNAME / A1111_PASSWORD (--api-auth)`,
      { status: 401 },
    );
  }
  if (info.status === 404 && detail === "Not Found") {
    return new ProviderError(
      "bad_request",
      `${P}: the web UI answers without its API — start it with --api`,
      { status: 404 },
    );
  }
  const said = [b.error, b.errors].filter((x) => typeof x === "string" && x).join(": ");
  if (OOM_RE.test(said)) {
    return new ProviderError(
      "failed",
      `${P}: the GPU ran out of memory — use a smaller size, or free VRAM on the web UI (${said.slice(0, 200)})`,
      { status: info.status },
    );
  }
  if (info.status === 422) {
    return new ProviderError(
      "bad_request",
      `${P}: request rejected — ${JSON.stringify(b.detail).slice(0, 300)}`,
      {
        status: 422,
      },
    );
  }
  if (info.status >= 500 && said) {
    return new ProviderError("server", `${P}: HTTP ${info.status} — ${said.slice(0, 300)}`, {
      status: info.status,
    });
  }
  return httpError(P, info);
}

function seedOf(seed: number | undefined): number {
  return Number.isInteger(seed) && (seed as number) >= 0 ? (seed as number) : -1;
}

/** Reports /sdapi/v1/progress every second while the synchronous generation runs. */
function watchProgress(ctx: AdapterContext): () => void {
  if (!ctx.reportProgress) return () => undefined;
  let stopped = false;
  const tick = async () => {
    while (!stopped && !ctx.signal.aborted) {
      await new Promise((r) => setTimeout(r, 1000));
      if (stopped) return;
      try {
        const res = await requestJson<{ progress?: number }>(
          ctx,
          P,
          `${ctx.config.baseUrl}/sdapi/v1/progress?skip_current_image=true`,
          { headers: authHeaders(ctx.config), mapError },
        );
        const p = res.body.progress;
        // A1111 reports a fraction 0–1; our unit is whole percent
        if (!stopped && typeof p === "number") await ctx.reportProgress?.(wholePercent(p * 100));
      } catch {
        // progress is a courtesy; the generation call itself decides success
      }
    }
  };
  void tick();
  return () => {
    stopped = true;
  };
}

export const a1111Adapter: ProviderAdapter = {
  id: P,
  displayName: "Stable Diffusion web UI (AUTOMATIC1111 / Forge, self-hosted)",
  requiredEnv: ["A1111_BASE_URL"],
  selfHosted: true,
  pollIntervalMs: 1000,
  defaultConcurrency: 1,
  models,

  configFromEnv: (env) =>
    configFromEnvSpec(env, {
      prefix: "A1111",
      requiredEnv: ["A1111_BASE_URL"],
      extraVars: [
        "A1111_USERNAME",
        "A1111_PASSWORD",
        "A1111_STEPS",
        "A1111_SAMPLER",
        "A1111_DENOISING_STRENGTH",
        "A1111_TIMEOUT_MS",
      ],
    }),

  async discoverModels(ctx) {
    const res = await requestJson<SdModel[]>(ctx, P, `${ctx.config.baseUrl}/sdapi/v1/sd-models`, {
      headers: authHeaders(ctx.config),
      mapError,
    });
    if (!Array.isArray(res.body)) throw malformed(P, "sd-models is not a list");
    return res.body.map(checkpointModel).filter((m): m is ModelSpec => !!m);
  },

  async submit(req, ctx): Promise<SubmitResult> {
    const size = resolveSize(models[0], req) ?? { width: 512, height: 512 };
    const ref = req.images?.[0];
    const extra = ctx.config.extra;
    const body: Record<string, unknown> = {
      prompt: req.prompt,
      negative_prompt: req.negativePrompt ?? "",
      seed: seedOf(req.seed),
      width: Math.round(size.width / 8) * 8,
      height: Math.round(size.height / 8) * 8,
      steps: Math.round(clampNumber(extra.A1111_STEPS, 1, 150, 20)),
      cfg_scale: 7,
      batch_size: 1,
      n_iter: 1,
      ...(extra.A1111_SAMPLER ? { sampler_name: extra.A1111_SAMPLER } : {}),
      ...(req.modelKey !== "default"
        ? {
            override_settings: {
              sd_model_checkpoint: checkpointNames.get(req.modelKey) ?? req.modelKey,
            },
            override_settings_restore_afterwards: false,
          }
        : {}),
    };
    if (ref) {
      body.init_images = [toDataUrl(ref)];
      body.denoising_strength = clampNumber(extra.A1111_DENOISING_STRENGTH, 0, 1, 0.6);
    }
    // A generation is one synchronous call, so its deadline is the whole render: A1111_TIMEOUT_MS
    // for slow GPUs / big sizes, else the usual PROVIDER_TIMEOUT_MS.
    const generationMs = Math.round(
      clampNumber(extra.A1111_TIMEOUT_MS, 1000, 3_600_000, ctx.config.timeoutMs),
    );
    const stop = watchProgress(ctx);
    try {
      const res = await requestJson<{ images?: unknown[]; info?: string }>(
        { ...ctx, config: { ...ctx.config, timeoutMs: generationMs } },
        P,
        `${ctx.config.baseUrl}/sdapi/v1/${ref ? "img2img" : "txt2img"}`,
        { headers: authHeaders(ctx.config), json: body, mapError },
      );
      const images = (res.body.images ?? []).filter(
        (i): i is string => typeof i === "string" && i !== "",
      );
      if (!images.length) throw malformed(P, "no images in the answer");
      return {
        state: "done",
        outputs: images.map((b64) => ({
          kind: "image" as const,
          data: Buffer.from(b64.replace(/^data:image\/\w+;base64,/, ""), "base64"),
          contentType: "image/png",
        })),
      };
    } finally {
      stop();
    }
  },

  async poll(upstreamId): Promise<PollResult> {
    // txt2img/img2img answer synchronously; nothing is ever left to poll
    throw new ProviderError(
      "failed",
      `${P}: nothing to poll for '${upstreamId}' (synchronous API)`,
    );
  },

  async cancel(_upstreamId, ctx) {
    await requestJson(ctx, P, `${ctx.config.baseUrl}/sdapi/v1/interrupt`, {
      headers: authHeaders(ctx.config),
      json: {},
      mapError,
    }).catch(() => undefined);
  },

  async testConnection(ctx) {
    const found = await a1111Adapter.discoverModels?.(ctx);
    const names = (found ?? []).map((m) => m.model_key);
    return {
      ok: true,
      message: names.length
        ? `${names.length} checkpoint${names.length === 1 ? "" : "s"}: ${names.slice(0, 5).join(", ")}${names.length > 5 ? ", …" : ""}`
        : "reachable, but no checkpoints are installed",
    };
  },
};
