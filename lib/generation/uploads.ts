// Image → pixel art from an uploaded picture (model local/pixelize): the upload is checked from its
// header (lib/pixel/image-input.ts), stored once, and turned into one task, or, for an animated
// GIF/WebP, into a batch with one frame per animation frame (one grid and one palette for all,
// the frame delays kept). Both API families, the studio and MCP end here.
import crypto from "node:crypto";
import type { Caller } from "@/lib/auth/caller";
import type { Batch, Task } from "@/lib/db/schema";
import { InvalidInputError } from "@/lib/errors";
import { getTaskQueue } from "@/lib/jobs/queue-factory";
import {
  checkImageInput,
  IMAGE_INPUT_LIMITS,
  type ImageInputInfo,
  isDataUrl,
  parseDataUrl,
} from "@/lib/pixel/image-input";
import { normalizePrompt } from "@/lib/prompts/similarity";
import { safeFetch, UnsafeUrlError } from "@/lib/security/ssrf";
import { getBlobStore } from "@/lib/storage/blob-store";
import {
  type Background,
  isSavedPaletteId,
  MAX_BATCH_FRAMES,
  type OutlineStyle,
  PALETTE_NAMES,
} from "@/lib/vocabulary";
import type { ResolvedModel } from "./models";
import { consumeGenerationQuota } from "./rate-limits";
import type { TaskParams } from "./task-params";

/** A model that turns an uploaded image into pixel art rather than drawing from words. */
export function takesUpload(model: Pick<ResolvedModel, "capabilities">): boolean {
  return model.capabilities?.acceptsUpload === true;
}

/** Pixels of all frames together that one animated upload may ask us to pixelize. */
export const MAX_ANIMATION_PIXELS = 48 * 1024 * 1024;

export interface StoredUpload {
  key: string;
  contentType: string;
  info: ImageInputInfo;
  /** per-frame delays in ms (animations) */
  delays: number[];
}

const EXT: Record<string, string> = { png: "png", jpeg: "jpg", webp: "webp", gif: "gif" };

/**
 * Checks an uploaded image (a `data:` URL's bytes) and stores it for the worker. Every refusal is
 * an InvalidInputError naming the limit, so each API family answers 400 in its own shape.
 */
export async function storeUpload(
  userId: number,
  data: Buffer,
  label = "image",
): Promise<StoredUpload> {
  const info = await checkImageInput(data, label);
  if (info.frames > MAX_BATCH_FRAMES)
    throw new InvalidInputError(
      `${label}: an animation of ${info.frames} frames is over the ${MAX_BATCH_FRAMES}-frame limit of a batch`,
    );
  if (info.frames * info.width * info.height > MAX_ANIMATION_PIXELS)
    throw new InvalidInputError(
      `${label}: ${info.frames} frames of ${info.width}×${info.height} px are over the ${MAX_ANIMATION_PIXELS / 1048576} megapixel limit of an animation`,
    );
  const sharp = (await import("sharp")).default;
  const delays = info.frames > 1 ? ((await sharp(data).metadata()).delay ?? []) : [];
  const key = `uploads/u${userId}/${crypto.randomUUID()}.${EXT[info.format] ?? "bin"}`;
  const contentType = `image/${info.format}`;
  await getBlobStore().put(key, data, contentType);
  return { key, contentType, info, delays };
}

/** Resolves an `imageInputs`/`image` entry that is a data: URL to a stored upload. */
export async function storeDataUrl(
  userId: number,
  url: string,
  label: string,
): Promise<StoredUpload> {
  const { data } = parseDataUrl(url, label);
  return storeUpload(userId, data, label);
}

export { IMAGE_INPUT_LIMITS, isDataUrl };

/**
 * An image given by URL for a model that takes uploads: fetched now (through the SSRF guard),
 * so a bad file is a 400 at submission like a data: URL, not a failed task later.
 */
export async function storeImageRef(
  userId: number,
  ref: string,
  label: string,
): Promise<StoredUpload> {
  if (isDataUrl(ref)) return storeDataUrl(userId, ref, label);
  let data: Buffer;
  try {
    data = (await safeFetch(ref, { maxBytes: IMAGE_INPUT_LIMITS.maxBytes, timeoutMs: 15_000 }))
      .data;
  } catch (error) {
    throw new InvalidInputError(
      `${label}: ${error instanceof UnsafeUrlError ? error.message : `could not fetch ${ref} (at most 10 MB)`}`,
    );
  }
  return storeUpload(userId, data, label);
}

/** Options of image → pixel art (the model's params: GET /api/v1/models). */
export interface UploadSettings {
  prompt: string;
  background: Background;
  scale: number;
  palette?: string;
  /** colours of a saved palette, resolved (and ownership-checked) by the caller */
  paletteColors?: string[];
  outline?: OutlineStyle;
  seed?: number;
  email?: string;
  sendEmail?: boolean;
  /** the model's own parameters: target_size, colors, dither, dither_strength, remove_background */
  options?: Record<string, unknown>;
  /** a batch even for a still image (POST /api/v1/batch-generate) */
  asBatch?: boolean;
  /** kept in params as given (generations API: projectId, source, sourceId …) */
  extra?: Record<string, unknown>;
}

const OPTION_KEYS = ["target_size", "colors", "dither", "dither_strength", "remove_background"];

function checkedOptions(model: ResolvedModel, options: Record<string, unknown> = {}) {
  const spec = model.params ?? {};
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(options)) {
    if (value === undefined) continue;
    const p = spec[name];
    if (!p || !OPTION_KEYS.includes(name))
      throw new InvalidInputError(
        `${name}: unknown option of ${model.id}`,
        `known: ${OPTION_KEYS.join(", ")}`,
      );
    if ((p.type === "number" || p.type === "integer") && typeof value !== "number")
      throw new InvalidInputError(`${name}: must be a number`);
    if (p.type === "boolean" && typeof value !== "boolean")
      throw new InvalidInputError(`${name}: must be true or false`);
    if (
      typeof value === "number" &&
      ((p.min !== undefined && value < p.min) || (p.max !== undefined && value > p.max))
    )
      throw new InvalidInputError(`${name}: must be between ${p.min} and ${p.max}`);
    if (name === "target_size" && typeof value === "number" && value !== 0 && value < 16)
      throw new InvalidInputError("target_size: 0 (auto) or 16–256");
    if (p.enum && !p.enum.includes(String(value)))
      throw new InvalidInputError(`${name}: must be one of ${p.enum.join(", ")}`);
    out[name] = value;
  }
  return out;
}

/**
 * One task for a still image; a batch (one frame per animation frame) for an animated one. The
 * returned task is the first frame's when a batch was made.
 */
export async function createUploadTasks(
  caller: Caller,
  model: ResolvedModel,
  upload: StoredUpload,
  s: UploadSettings,
): Promise<{ task: Task; batch?: Batch; tasks: Task[] }> {
  const options = checkedOptions(model, s.options);
  if (
    s.palette !== undefined &&
    !isSavedPaletteId(s.palette) &&
    !/^auto(:([2-9]|[1-5][0-9]|6[0-4]))?$/.test(s.palette) &&
    !(PALETTE_NAMES as readonly string[]).includes(s.palette)
  )
    throw new InvalidInputError(
      `palette must be "auto", "auto:N" (N = 2–64), one of ${PALETTE_NAMES.join(", ")} or a saved palette's id (pal_N)`,
    );
  const frames = upload.info.frames;
  await consumeGenerationQuota(caller, frames);
  const seed = s.seed ?? crypto.randomInt(1, 2 ** 31 - 1);
  const operationParams = (frame?: number) => ({
    ...options,
    ...(s.paletteColors ? { paletteColors: s.paletteColors } : {}),
    ...(frame === undefined ? {} : { sourceFrame: frame }),
  });
  const params = (frame?: number): TaskParams => ({
    ...(s.extra ?? {}),
    prompt: s.prompt,
    background: s.background,
    scale: s.scale,
    palette: s.palette,
    seed,
    ...(s.outline ? { outline: s.outline } : {}),
    uploads: [{ key: upload.key, contentType: upload.contentType }],
    operation: "pixelize",
    operationParams: operationParams(frame),
    ...(frame === undefined
      ? {}
      : { frame, count: frames, durationMs: frameDelay(upload.delays[frame]) }),
  });
  const row = {
    userId: caller.user.id,
    // the result is an image like any other (gallery, exports, operations)
    type: "image" as const,
    model: model.id,
    provider: model.provider,
    prompt: s.prompt,
    promptNorm: normalizePrompt(s.prompt),
    negativePrompt: null,
    background: s.background,
    scale: s.scale,
    palette: s.palette ?? null,
    seed,
    mode: "random" as const,
    email: s.email ?? null,
  };
  const queue = await getTaskQueue();
  if (frames <= 1 && !s.asBatch) {
    const task = await queue.enqueue({
      ...row,
      params: params(),
      sendEmail: s.sendEmail ?? false,
    });
    return { task, tasks: [task] };
  }
  const { batch, tasks } = await queue.enqueueBatch(
    {
      userId: caller.user.id,
      prompt: s.prompt,
      mode: "random",
      model: model.id,
      requestedCount: frames,
      background: s.background,
      scale: s.scale,
      seed,
      palette: s.palette ?? null,
      sendEmail: s.sendEmail ?? false,
      email: s.email ?? null,
    },
    (batchId) =>
      Array.from({ length: frames }, (_, i) => ({
        ...row,
        batchId,
        batchIndex: i + 1,
        params: params(i),
        sendEmail: false,
      })),
  );
  return { task: tasks[0]!, batch, tasks };
}

/** Browsers show a GIF delay of 0 or 10 ms as 100 ms; keep that convention. */
function frameDelay(ms: number | undefined): number {
  return ms && ms > 10 ? ms : 100;
}
