import type { PixelizeReport } from "@/lib/pixel/pixelize";
// The one small interface every upstream adapter implements. The worker (lib/jobs) is the only
// caller: it submits, records the upstream job id, polls until done, then downloads outputs into
// our storage. Adapters never touch the database or storage.

import type { ModelType } from "@/lib/vocabulary";

export type { ModelType };

export interface ModelCapabilities {
  supportsLora?: boolean;
  supportsRefImage?: boolean;
  supportsNegativePrompt?: boolean;
  supportsSeed?: boolean;
  /** operation models: which image-to-image work they do */
  operation?: "upscale" | "vectorize" | "seamless" | "face-enhance" | "pixelize";
  /** also a model of the image routes: turns an uploaded image (imageInputs/image) into pixel art */
  acceptsUpload?: boolean;
  [key: string]: boolean | string | undefined;
}

export interface VoiceSpec {
  id: string;
  name: string;
  language: string;
}

/** A model as the registry knows it. Serialised (minus internals) by GET /api/v1/models. */
export interface ModelSpec {
  id: string; // `${provider}/${model_key}`
  provider: string;
  model_key: string;
  name: string;
  type: ModelType;
  is_default: boolean;
  capabilities?: ModelCapabilities;
  resolutions?: Record<string, Record<string, string>>; // level -> aspect -> "W*H"
  durations?: Record<string, string>;
  voices?: VoiceSpec[];
  /**
   * The upstream's documented prompt limit, in characters (code points). The user's own prompt
   * must fit (else 400 at submission); our style/frame suffix is shortened to the room left.
   */
  max_prompt_chars?: number;
  /** JSON-schema-ish description of operation parameters, for the UI and OpenAPI. */
  params?: Record<
    string,
    {
      type: "number" | "integer" | "string" | "boolean";
      min?: number;
      max?: number;
      default?: unknown;
      enum?: string[];
      description?: string;
    }
  >;
}

/**
 * Environment variables as adapters read them: the validated env (lib/config/env, numbers
 * already parsed) in the server, plain string objects in tests and tools.
 */
export type EnvLike = Readonly<Record<string, string | number | boolean | undefined>>;

/** Where an adapter sends requests; from environment variables (admin-configured, trusted). */
export interface ProviderConfig {
  baseUrl: string;
  apiKey?: string;
  /** any further provider-specific settings (secret ids, app ids, …) */
  extra: Record<string, string | undefined>;
  /** per-request timeout for a single HTTP call to the upstream */
  timeoutMs: number;
  /** most jobs at once against this upstream (`<PROVIDER>_CONCURRENCY`, else the adapter default) */
  concurrency?: number;
}

/** An input image handed to an adapter: already fetched (SSRF-checked) or produced by us. */
export interface InputImage {
  data: Buffer;
  contentType: string; // e.g. image/png
  /** a URL the upstream may fetch itself, when we have a public one; adapters prefer `data`. */
  url?: string;
  /**
   * Set when `data` is the source's stored 1× image: the scale it is shown at, so local
   * operations work on the true pixel grid instead of detecting it.
   */
  pixelScale?: number;
}

export interface GenerationRequest {
  type: ModelType;
  modelKey: string;
  prompt: string;
  negativePrompt?: string;
  resolution?: string; // "1K" | "2K" | "720p" …
  aspectRatio?: string; // "1:1" | "16:9" …
  /** exact pixel size when the caller knows it (wins over resolution/aspectRatio) */
  width?: number;
  height?: number;
  n?: number;
  seed?: number;
  images?: InputImage[]; // reference images / the source image of an operation
  duration?: string; // video
  voice?: string; // audio
  speed?: number; // audio
  /** operation parameters (scale, color_count, fit, …) and provider extras (loras …) */
  params?: Record<string, unknown>;
}

/** One produced file. Either bytes we already have, or a URL the worker downloads. */
export interface ProviderOutput {
  kind: "image" | "video" | "audio" | "vector" | "grid" | "text";
  url?: string;
  data?: Buffer;
  contentType?: string;
  width?: number;
  height?: number;
  /** the same image at 1× (its logical pixel grid), when the output is pixel art we drew */
  logical?: Buffer;
  /** what grid recovery found, when the image was pixelized (recorded on the task) */
  pixelize?: PixelizeReport;
}

export type SubmitResult =
  | { state: "done"; outputs: ProviderOutput[] }
  | { state: "pending"; upstreamId: string };

export type PollResult =
  /** progress: whole percent 0–100, the unit of `tasks.progress` and the APIs' `progress` */
  | { state: "pending" | "running"; progress?: number }
  | { state: "done"; outputs: ProviderOutput[] };

export interface AdapterContext {
  config: ProviderConfig;
  signal: AbortSignal;
  /** fetch to use for upstream calls (global fetch by default; tests may wrap it) */
  fetch: typeof fetch;
  /** progress (whole percent 0–100) of a long synchronous call, for adapters that can watch it (A1111) */
  reportProgress?: (progress: number) => Promise<void> | void;
}

export interface ProviderAdapter {
  /** provider id, the part before the slash */
  id: string;
  displayName: string;
  /** env vars that must be set for the provider to be enabled ([] for local) */
  requiredEnv: string[];
  /** runs on the admin's own machine/LAN (ComfyUI, A1111): its base may be a private address */
  selfHosted?: boolean;
  /** how long to wait between polls */
  pollIntervalMs: number;
  /** most jobs to run at once against this upstream */
  defaultConcurrency: number;
  models: ModelSpec[];
  /** reads the adapter's config from env; undefined when not configured */
  configFromEnv(env: EnvLike): ProviderConfig | undefined;
  submit(req: GenerationRequest, ctx: AdapterContext): Promise<SubmitResult>;
  poll(upstreamId: string, req: GenerationRequest, ctx: AdapterContext): Promise<PollResult>;
  /**
   * Tells the upstream to stop a job we gave up on (user cancel, task deadline). Only for
   * upstreams that can (ComfyUI POST /interrupt, A1111 POST /sdapi/v1/interrupt); best effort.
   * `upstreamId` is undefined when the job was synchronous (still inside submit).
   */
  cancel?(upstreamId: string | undefined, ctx: AdapterContext): Promise<void>;
  /**
   * Models the upstream itself lists (A1111 checkpoints via /sdapi/v1/sd-models), added to
   * `models` by the registry once fetched.
   */
  discoverModels?(ctx: AdapterContext): Promise<ModelSpec[]>;
  /** a cheap authenticated call used by the providers page's "test connection" */
  testConnection?(ctx: AdapterContext): Promise<{ ok: boolean; message: string }>;
}
