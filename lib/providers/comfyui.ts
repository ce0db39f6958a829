// Self-hosted ComfyUI (admin-configured COMFYUI_BASE_URL, usually on the LAN). Routes and shapes
// from ComfyUI's server.py / execution.py:
// - POST /prompt {prompt: <API-format workflow>, client_id} → {prompt_id, number, node_errors};
//   a workflow that fails validation is HTTP 400 {error: {type, message, details}, node_errors:
//   {<node id>: {errors: [{type, message, details}], class_type}}}.
// - GET /history/{prompt_id} → {} until the prompt has run, then {<id>: {prompt, outputs:
//   {<node id>: {images: [{filename, subfolder, type}]}}, status: {status_str: "success"|"error",
//   completed, messages: [[event, data] …]}}}; an "execution_error" message carries node_id,
//   node_type, exception_type, exception_message.
// - GET /queue → {queue_running, queue_pending} (entries are [number, prompt_id, …]).
// - GET /view?filename=&subfolder=&type= serves an output file.
// - POST /interrupt stops the running prompt; POST /queue {delete: [ids]} drops a pending one.
// - GET /system_stats {system: {comfyui_version, …}, devices: [{name, vram_total, vram_free}]}.
// - POST /upload/image, multipart: `image` (the file), `type` ("input"), `subfolder`, `overwrite`
//   ("true"/"1" replaces a file of that name) → {name, subfolder, type} — server.py's
//   image_upload(post) ("return web.json_response({"name" : filename, "subfolder": subfolder,
//   "type": image_upload_type})"); the name may differ from the one sent when a file of that
//   name exists and overwrite is off. LoadImage (nodes.py) takes that name as its `image` input
//   ("subfolder/name" when in a subfolder) and returns (IMAGE, MASK); VAEEncode takes
//   {pixels: IMAGE, vae: VAE} and returns the LATENT a KSampler starts from, where `denoise` < 1
//   keeps that much of the input: our image-to-image (a character's reference facing).

import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { ProviderError } from "./errors";
import {
  bearer,
  clampNumber,
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
import type {
  AdapterContext,
  GenerationRequest,
  InputImage,
  ModelSpec,
  PollResult,
  ProviderAdapter,
  ProviderConfig,
  ProviderOutput,
  SubmitResult,
} from "./types";

const P = "comfyui";
const CLIENT_ID = "pixel-studio";

const models: ModelSpec[] = [
  {
    id: `${P}/txt2img`,
    provider: P,
    model_key: "txt2img",
    name: "ComfyUI text-to-image (self-hosted)",
    type: "image",
    is_default: false,
    capabilities: {
      supportsSeed: true,
      supportsNegativePrompt: true,
      supportsLora: true,
      // image-to-image through /upload/image + LoadImage → VAEEncode (see the header)
      supportsRefImage: true,
    },
    // SD 1.5 checkpoints are trained at 512, SDXL at 1024: both levels, 512 first (fast)
    resolutions: {
      "512": { "1:1": "512*512", "4:3": "640*480", "3:4": "480*640", "16:9": "768*432" },
      "1K": { "1:1": "1024*1024", "4:3": "1152*896", "3:4": "896*1152", "16:9": "1344*768" },
    },
  },
];

/**
 * Placeholders an admin's workflow (COMFYUI_WORKFLOW, API format: "Save (API)" in ComfyUI) may
 * use in any string input. A value that is exactly one numeric placeholder becomes a number.
 */
export const COMFYUI_PLACEHOLDERS = [
  "{{prompt}}",
  "{{negative_prompt}}",
  "{{seed}}",
  "{{width}}",
  "{{height}}",
  "{{checkpoint}}",
  "{{lora}}",
  "{{lora_strength}}",
  "{{image}}",
  "{{denoise}}",
] as const;

type Workflow = Record<string, { class_type: string; inputs: Record<string, unknown> }>;

interface Fill {
  prompt: string;
  negative: string;
  seed: number;
  width: number;
  height: number;
  checkpoint: string;
  lora?: string;
  loraStrength: number;
  /** an uploaded input image (LoadImage's name): image-to-image from it */
  image?: string;
  denoise: number;
}

/** The bundled default: checkpoint → (LoRA) → CLIP encodes → KSampler → VAE decode → save. */
export function defaultWorkflow(f: Fill): Workflow {
  const model: [string, number] = f.lora ? ["10", 0] : ["4", 0];
  const clip: [string, number] = f.lora ? ["10", 1] : ["4", 1];
  const wf: Workflow = {
    "3": {
      class_type: "KSampler",
      inputs: {
        seed: f.seed,
        steps: 20,
        cfg: 7,
        sampler_name: "euler",
        scheduler: "normal",
        denoise: 1,
        model,
        positive: ["6", 0],
        negative: ["7", 0],
        latent_image: ["5", 0],
      },
    },
    "4": { class_type: "CheckpointLoaderSimple", inputs: { ckpt_name: f.checkpoint } },
    "5": {
      class_type: "EmptyLatentImage",
      inputs: { width: f.width, height: f.height, batch_size: 1 },
    },
    "6": { class_type: "CLIPTextEncode", inputs: { text: f.prompt, clip } },
    "7": { class_type: "CLIPTextEncode", inputs: { text: f.negative, clip } },
    "8": { class_type: "VAEDecode", inputs: { samples: ["3", 0], vae: ["4", 2] } },
    "9": { class_type: "SaveImage", inputs: { filename_prefix: "pixel-studio", images: ["8", 0] } },
  };
  if (f.image) {
    // image-to-image: the reference is encoded to the latent the sampler starts from, and the
    // sampler only partly re-noises it, so the output keeps the reference's subject
    wf["11"] = { class_type: "LoadImage", inputs: { image: f.image } };
    wf["12"] = { class_type: "VAEEncode", inputs: { pixels: ["11", 0], vae: ["4", 2] } };
    wf["3"]!.inputs.latent_image = ["12", 0];
    wf["3"]!.inputs.denoise = f.denoise;
    delete wf["5"];
  }
  if (f.lora) {
    wf["10"] = {
      class_type: "LoraLoader",
      inputs: {
        lora_name: f.lora,
        strength_model: f.loraStrength,
        strength_clip: f.loraStrength,
        model: ["4", 0],
        clip: ["4", 1],
      },
    };
  }
  return wf;
}

/** Replaces the documented placeholders in every string input of an admin's workflow. */
export function fillWorkflow(template: Workflow, f: Fill): Workflow {
  const values: Record<string, string | number> = {
    "{{prompt}}": f.prompt,
    "{{negative_prompt}}": f.negative,
    "{{seed}}": f.seed,
    "{{width}}": f.width,
    "{{height}}": f.height,
    "{{checkpoint}}": f.checkpoint,
    "{{lora}}": f.lora ?? "",
    "{{lora_strength}}": f.loraStrength,
    "{{image}}": f.image ?? "",
    "{{denoise}}": f.image ? f.denoise : 1,
  };
  const fill = (v: unknown): unknown => {
    if (typeof v === "string") {
      if (Object.hasOwn(values, v)) return values[v];
      return v.replace(/\{\{[a-z_]+\}\}/g, (m) =>
        Object.hasOwn(values, m) ? String(values[m]) : m,
      );
    }
    if (Array.isArray(v)) return v.map(fill);
    if (v && typeof v === "object") {
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, fill(x)]));
    }
    return v;
  };
  return fill(template) as Workflow;
}

function loadAdminWorkflow(path: string): Workflow {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new ProviderError(
      "bad_request",
      `${P}: COMFYUI_WORKFLOW '${path}' is not readable JSON (${error instanceof Error ? error.message : error})`,
    );
  }
  const ok =
    parsed &&
    typeof parsed === "object" &&
    !Array.isArray(parsed) &&
    Object.values(parsed).every((n) => n && typeof n === "object" && "class_type" in n);
  if (!ok) {
    throw new ProviderError(
      "bad_request",
      `${P}: COMFYUI_WORKFLOW must be an API-format workflow ({"<node id>": {"class_type", "inputs"}}; use "Export (API)" in ComfyUI)`,
    );
  }
  return parsed as Workflow;
}

interface NodeError {
  errors?: { type?: string; message?: string; details?: string }[];
  class_type?: string;
}
interface PromptError {
  error?: { type?: string; message?: string; details?: string } | string;
  node_errors?: Record<string, NodeError>;
}

/** "Prompt outputs failed validation: CheckpointLoaderSimple #4: Value not in list: …" */
function validationMessage(body: PromptError): string {
  const top =
    typeof body.error === "string"
      ? body.error
      : ([body.error?.message, body.error?.type].find(Boolean) ?? "workflow rejected");
  const nodes = Object.entries(body.node_errors ?? {}).flatMap(([id, n]) =>
    (n.errors ?? []).map(
      (e) =>
        `${n.class_type ?? "node"} #${id}: ${e.message ?? e.type}${e.details ? ` (${e.details})` : ""}`,
    ),
  );
  return `${top}${nodes.length ? `: ${nodes.slice(0, 3).join("; ")}` : ""}`;
}

function mapError(info: HttpErrorInfo): ProviderError | undefined {
  const body = info.body as PromptError | undefined;
  if (
    info.status === 400 &&
    body &&
    typeof body === "object" &&
    ("node_errors" in body || "error" in body)
  ) {
    return new ProviderError(
      "bad_request",
      `${P}: the workflow was rejected — ${validationMessage(body)}`,
      {
        status: 400,
      },
    );
  }
  return info.status >= 400 ? httpError(P, info) : undefined;
}

function headers(config: ProviderConfig): Record<string, string> {
  return bearer(config);
}

interface HistoryEntry {
  outputs?: Record<string, { images?: { filename?: string; subfolder?: string; type?: string }[] }>;
  status?: {
    status_str?: string;
    completed?: boolean;
    messages?: [string, Record<string, unknown>][];
  };
}

const OOM_RE =
  /out of memory|OutOfMemory|Allocation on device|CUDA error: out of memory|MPS backend out of memory/i;

function executionFailure(entry: HistoryEntry, promptId: string): ProviderError {
  const messages = entry.status?.messages ?? [];
  const err = messages.find(([event]) => event === "execution_error")?.[1];
  if (err) {
    const type = String(err.exception_type ?? "");
    const text = String(err.exception_message ?? "")
      .trim()
      .split("\n")[0]
      .slice(0, 300);
    const where = `${err.node_type ?? "node"} #${err.node_id ?? "?"}`;
    if (OOM_RE.test(type) || OOM_RE.test(text)) {
      return new ProviderError(
        "failed",
        `${P}: the GPU ran out of memory in ${where} — use a smaller size, or free VRAM on the ComfyUI server (${text || type})`,
      );
    }
    return new ProviderError(
      "failed",
      `${P}: ${where} failed — ${type ? `${type}: ` : ""}${text || "no message"}`,
    );
  }
  if (messages.some(([event]) => event === "execution_interrupted")) {
    return new ProviderError(
      "failed",
      `${P}: prompt ${promptId} was interrupted on the ComfyUI server`,
    );
  }
  return new ProviderError(
    "failed",
    `${P}: prompt ${promptId} ended with status '${entry.status?.status_str}'`,
  );
}

function viewUrl(
  config: ProviderConfig,
  img: { filename?: string; subfolder?: string; type?: string },
): string {
  const q = new URLSearchParams({
    filename: img.filename ?? "",
    subfolder: img.subfolder ?? "",
    type: img.type ?? "output",
  });
  return `${config.baseUrl}/view?${q}`;
}

function outputsOf(entry: HistoryEntry, config: ProviderConfig): ProviderOutput[] {
  const all = Object.values(entry.outputs ?? {}).flatMap((o) => o.images ?? []);
  // SaveImage writes type "output"; previews ("temp") only count when nothing was saved
  const saved = all.filter((i) => (i.type ?? "output") === "output");
  return (saved.length ? saved : all)
    .filter((i) => i.filename)
    .map((i) => ({ kind: "image" as const, url: viewUrl(config, i) }));
}

async function history(ctx: AdapterContext, promptId: string): Promise<HistoryEntry | undefined> {
  const res = await requestJson<Record<string, HistoryEntry>>(
    ctx,
    P,
    `${ctx.config.baseUrl}/history/${encodeURIComponent(promptId)}`,
    { headers: headers(ctx.config), mapError },
  );
  return res.body?.[promptId];
}

function fillFor(req: GenerationRequest, spec: ModelSpec, config: ProviderConfig): Fill {
  const size = resolveSize(spec, req) ?? { width: 512, height: 512 };
  const loraParam = typeof req.params?.lora === "string" ? req.params.lora : undefined;
  return {
    prompt: req.prompt,
    negative: req.negativePrompt ?? "",
    seed:
      Number.isInteger(req.seed) && (req.seed as number) >= 0
        ? (req.seed as number)
        : Math.floor(Math.random() * 2 ** 31),
    // latent sizes must be multiples of 8
    width: Math.max(64, Math.round(size.width / 8) * 8),
    height: Math.max(64, Math.round(size.height / 8) * 8),
    checkpoint: config.extra.COMFYUI_CHECKPOINT ?? "v1-5-pruned-emaonly.safetensors",
    lora: loraParam ?? config.extra.COMFYUI_LORA,
    loraStrength: clampNumber(config.extra.COMFYUI_LORA_STRENGTH, 0, 2, 0.8),
    denoise: clampNumber(config.extra.COMFYUI_DENOISE, 0.05, 1, 0.6),
  };
}

/** Uploads a reference image into ComfyUI's input folder; answers LoadImage's name for it. */
async function uploadImage(ctx: AdapterContext, img: InputImage): Promise<string> {
  const form = new FormData();
  // one file per content: the same facing uploaded again replaces itself instead of piling up
  const digest = createHash("sha256").update(img.data).digest("hex").slice(0, 16);
  form.append("image", toBlob(img), `pixel-studio-ref-${digest}.${extensionFor(img.contentType)}`);
  form.set("type", "input");
  form.set("overwrite", "true");
  const res = await requestJson<{ name?: string; subfolder?: string }>(
    ctx,
    P,
    `${ctx.config.baseUrl}/upload/image`,
    { headers: headers(ctx.config), form, mapError },
  );
  if (!res.body?.name) throw malformed(P, "/upload/image answered no name");
  return res.body.subfolder ? `${res.body.subfolder}/${res.body.name}` : res.body.name;
}

export const comfyuiAdapter: ProviderAdapter = {
  id: P,
  displayName: "ComfyUI (self-hosted)",
  requiredEnv: ["COMFYUI_BASE_URL"],
  selfHosted: true,
  pollIntervalMs: 1000,
  // one GPU runs one prompt at a time; more would only queue inside ComfyUI
  defaultConcurrency: 1,
  models,

  configFromEnv: (env) =>
    configFromEnvSpec(env, {
      prefix: "COMFYUI",
      requiredEnv: ["COMFYUI_BASE_URL"],
      extraVars: [
        "COMFYUI_WORKFLOW",
        "COMFYUI_CHECKPOINT",
        "COMFYUI_LORA",
        "COMFYUI_LORA_STRENGTH",
        "COMFYUI_DENOISE",
      ],
    }),

  async submit(req, ctx): Promise<SubmitResult> {
    const spec = requireModel(models, req.modelKey, P);
    const fill = fillFor(req, spec, ctx.config);
    const ref = req.images?.[0];
    if (ref) fill.image = await uploadImage(ctx, ref);
    const path = ctx.config.extra.COMFYUI_WORKFLOW;
    const workflow = path ? fillWorkflow(loadAdminWorkflow(path), fill) : defaultWorkflow(fill);
    const res = await requestJson<{ prompt_id?: string; node_errors?: Record<string, NodeError> }>(
      ctx,
      P,
      `${ctx.config.baseUrl}/prompt`,
      { headers: headers(ctx.config), json: { prompt: workflow, client_id: CLIENT_ID }, mapError },
    );
    if (!res.body.prompt_id) throw malformed(P, "no prompt_id");
    return { state: "pending", upstreamId: res.body.prompt_id };
  },

  async poll(upstreamId, _req, ctx): Promise<PollResult> {
    let entry = await history(ctx, upstreamId);
    if (!entry) {
      const q = await requestJson<{ queue_running?: unknown[][]; queue_pending?: unknown[][] }>(
        ctx,
        P,
        `${ctx.config.baseUrl}/queue`,
        { headers: headers(ctx.config), mapError },
      );
      const has = (list?: unknown[][]) => (list ?? []).some((item) => item?.[1] === upstreamId);
      if (has(q.body.queue_running)) return { state: "running" };
      if (has(q.body.queue_pending)) return { state: "pending" };
      // it may have finished between the two calls; otherwise ComfyUI has forgotten it
      entry = await history(ctx, upstreamId);
      if (!entry) {
        throw new ProviderError(
          "failed",
          `${P}: prompt ${upstreamId} is neither queued nor in the history (was ComfyUI restarted?)`,
        );
      }
    }
    if (entry.status?.status_str === "error") throw executionFailure(entry, upstreamId);
    if (entry.status && entry.status.completed === false) return { state: "running" };
    const outputs = outputsOf(entry, ctx.config);
    if (!outputs.length) {
      throw new ProviderError(
        "failed",
        `${P}: prompt ${upstreamId} finished without images (does the workflow end in SaveImage?)`,
      );
    }
    return { state: "done", outputs };
  },

  async cancel(upstreamId, ctx) {
    const h = headers(ctx.config);
    // the running prompt (newer ComfyUI takes prompt_id and leaves other prompts alone) …
    await requestJson(ctx, P, `${ctx.config.baseUrl}/interrupt`, {
      headers: h,
      json: upstreamId ? { prompt_id: upstreamId } : {},
      mapError,
    }).catch(() => undefined);
    // … and the same prompt if it is still waiting in the queue
    if (upstreamId) {
      await requestJson(ctx, P, `${ctx.config.baseUrl}/queue`, {
        headers: h,
        json: { delete: [upstreamId] },
        mapError,
      }).catch(() => undefined);
    }
  },

  async testConnection(ctx) {
    const res = await requestJson<{
      system?: { comfyui_version?: string };
      devices?: { name?: string; vram_total?: number; vram_free?: number }[];
    }>(ctx, P, `${ctx.config.baseUrl}/system_stats`, { headers: headers(ctx.config), mapError });
    const d = res.body.devices?.[0];
    const gb = (n?: number) => (typeof n === "number" ? (n / 1024 ** 3).toFixed(1) : "?");
    const version = res.body.system?.comfyui_version;
    return {
      ok: true,
      message: `ComfyUI${version ? ` ${version}` : ""} reachable${d ? ` — ${d.name ?? "device"}, ${gb(d.vram_free)} of ${gb(d.vram_total)} GB VRAM free` : ""}`,
    };
  },
};
