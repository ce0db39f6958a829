// Creating work: every public entry point (QT Pixel API (docs/qt-pixel-api.md), Pixel backend API, studio extensions)
// ends here, turning a validated request into task rows for the queue.
import crypto from "node:crypto";
import type { Caller } from "@/lib/auth/caller";
import type { Batch, NewTask, Task } from "@/lib/db/schema";
import { recentPromptsOfUser, tasksOfBatch, tasksOfUserByIds } from "@/lib/db/tasks";
import { ConflictError, InvalidInputError, NotFoundError } from "@/lib/errors";
import { getTaskQueue } from "@/lib/jobs/queue-factory";
import { savedPaletteColors } from "@/lib/palettes/saved";
import { interpretPromptWithoutBlocking } from "@/lib/pixel/sprite/interpretation";
import { findDuplicatesNormalized, normalizePrompt } from "@/lib/prompts/similarity";
import type { ModelType } from "@/lib/providers/types";
import { assertPublicUrl } from "@/lib/security/ssrf";
import {
  type Background,
  DEFAULT_BATCH_COUNT,
  fixedFrameCount,
  MAX_BATCH_COUNT,
  type OutlineStyle,
  SCALE_DEFAULT,
  type ShadingStyle,
  type SpriteMode,
  type SpriteSize,
} from "@/lib/vocabulary";
import { defaultModel, type ResolvedModel, resolveModel } from "./models";
import { pictureSettings, taskPictureSettings } from "./picture-settings";
import { assertPromptFits, PromptTooLongError } from "./prompt-budget";
import { consumeGenerationQuota } from "./rate-limits";
import { frameInstruction, SINGLE_IMAGE_STYLE } from "./sprite-modes";
import { subjectWords } from "./subject-words";
import type { TaskParams } from "./task-params";
import { createUploadTasks, isDataUrl, storeDataUrl, storeImageRef, takesUpload } from "./uploads";

export function randomSeed(): number {
  return crypto.randomInt(1, 2 ** 31 - 1);
}

interface PixelSettings {
  background: Background;
  scale: number;
  palette?: string;
  seed?: number;
  /** offline engine: logical grid and drawing style, kept by every frame of a batch */
  size?: SpriteSize;
  outline?: OutlineStyle;
  shading?: ShadingStyle;
  negativePrompt?: string;
  resolution?: string;
  aspectRatio?: string;
}

function baseTask(caller: Caller, model: ResolvedModel, prompt: string, s: PixelSettings): NewTask {
  return {
    userId: caller.user.id,
    type: model.type,
    model: model.id,
    provider: model.provider,
    prompt,
    promptNorm: normalizePrompt(prompt),
    negativePrompt: s.negativePrompt ?? null,
    background: s.background,
    scale: s.scale,
    palette: s.palette ?? null,
    params: { prompt },
  };
}

/** 400 naming the limit when the user's own prompt is over the model's budget. */
function checkPromptBudget(model: ResolvedModel, prompt: string): void {
  try {
    assertPromptFits(model, prompt);
  } catch (error) {
    if (error instanceof PromptTooLongError) throw new InvalidInputError(error.message);
    throw error;
  }
}

/**
 * What the offline engine will draw, recorded with the task when it is created (the engine is
 * deterministic, so this is what the worker draws): shown by both APIs and the studio. Runs on
 * the request thread, so the Chinese dictionary is never loaded there in one turn.
 */
async function localInterpretation(
  model: ResolvedModel,
  prompt: string,
  seed: number,
  s: Pick<PixelSettings, "size" | "outline" | "shading">,
  take = 0,
) {
  if (model.provider !== "local" || model.type !== "image") return undefined;
  return interpretPromptWithoutBlocking(prompt, {
    seed,
    size: s.size,
    outline: s.outline,
    shading: s.shading,
    take,
  });
}

/** The drawing options a task keeps in its params (absent ones are left out). */
function drawingParams(s: Pick<PixelSettings, "size" | "outline" | "shading">) {
  return {
    ...(s.size ? { size: s.size } : {}),
    ...(s.outline ? { outline: s.outline } : {}),
    ...(s.shading ? { shading: s.shading } : {}),
  };
}

function styleFor(model: ResolvedModel): string | undefined {
  return model.provider === "local" ? undefined : SINGLE_IMAGE_STYLE;
}

// ---------------------------------------------------------------------------------------------
// QT Pixel API

/** Image → pixel art from a picture (models that take uploads, e.g. local/pixelize). */
export interface UploadInput {
  /** a data: URL or an http(s) URL */
  image?: string;
  /** the model's own options: target_size, colors, dither, dither_strength, remove_background */
  imageOptions?: Record<string, unknown>;
}

/** The upload path of the QT routes: refuses an image for a model that draws from words. */
async function uploadTasks(
  caller: Caller,
  model: ResolvedModel,
  input: PixelSettings & UploadInput & { prompt: string; email?: string; send_email: boolean },
  asBatch: boolean,
) {
  if (!takesUpload(model))
    throw new InvalidInputError(
      `image: model '${model.id}' draws from words; send the image with a model that converts pictures (local/pixelize)`,
    );
  if (!input.image)
    throw new InvalidInputError(
      `image is required with model '${model.id}': a data: URL (data:image/png;base64,…) or an http(s) URL of a PNG, JPEG, WebP or GIF`,
    );
  const upload = await storeImageRef(caller.user.id, input.image, "image");
  return createUploadTasks(caller, model, upload, {
    prompt: input.prompt,
    background: input.background,
    scale: input.scale,
    palette: input.palette,
    paletteColors: await savedPaletteColors(caller, input.palette),
    outline: input.outline,
    seed: input.seed,
    email: input.email,
    sendEmail: input.send_email,
    options: input.imageOptions,
    asBatch,
  });
}

export interface GenerateInput extends PixelSettings, UploadInput {
  prompt: string;
  force: boolean;
  email?: string;
  send_email: boolean;
  model?: string;
}

export type GenerateResult =
  | { kind: "created"; task: Task }
  | { kind: "duplicates"; duplicates: { task: Task; score: number }[] };

/** Most similar earlier tasks shown with a duplicates_found answer. */
const MAX_DUPLICATES_SHOWN = 8;

export async function createSingleTask(
  caller: Caller,
  input: GenerateInput,
): Promise<GenerateResult> {
  const model = input.model
    ? resolveModel(input.model, ["image"], { uploads: true })
    : defaultModel("image");
  checkPromptBudget(model, input.prompt);
  if (input.image || takesUpload(model)) {
    return { kind: "created", task: (await uploadTasks(caller, model, input, false)).task };
  }
  if (!input.force) {
    // an earlier artwork is a duplicate only when it was drawn the same way: same model (the
    // query), mode, palette, size and style, not just the same words
    const wanted = pictureSettings({
      mode: "random",
      palette: input.palette,
      size: input.size ?? (await localInterpretation(model, input.prompt, 0, input))?.size,
      outline: input.outline,
      shading: input.shading,
      resolution: input.resolution,
      aspectRatio: input.aspectRatio,
    });
    const candidates = (await recentPromptsOfUser(caller.user.id, model.id)).filter(
      (c) => pictureSettings(taskPictureSettings(c)) === wanted,
    );
    const matches = findDuplicatesNormalized(input.prompt, candidates).slice(
      0,
      MAX_DUPLICATES_SHOWN,
    );
    if (matches.length) {
      const rows = new Map(
        (
          await tasksOfUserByIds(
            matches.map((m) => m.id),
            caller.user.id,
          )
        ).map((t) => [t.id, t]),
      );
      const duplicates = matches.flatMap((m) => {
        const task = rows.get(m.id);
        return task ? [{ task, score: m.score }] : [];
      });
      // All of them deleted since the prompt scan: nothing left to be a duplicate of.
      if (duplicates.length) return { kind: "duplicates", duplicates };
    }
  }
  const paletteColors = await savedPaletteColors(caller, input.palette);
  await consumeGenerationQuota(caller, 1);
  const seed = input.seed ?? randomSeed();
  const params: TaskParams = {
    prompt: input.prompt,
    negativePrompt: input.negativePrompt,
    background: input.background,
    scale: input.scale,
    palette: input.palette,
    ...(paletteColors ? { paletteColors } : {}),
    seed,
    resolution: input.resolution,
    aspectRatio: input.aspectRatio,
    frameInstruction: styleFor(model),
    ...drawingParams(input),
    interpretation: await localInterpretation(model, input.prompt, seed, input),
  };
  const task = await (await getTaskQueue()).enqueue({
    ...baseTask(caller, model, input.prompt, input),
    subjectWords: subjectWords(params.interpretation),
    seed,
    mode: "random",
    params,
    sendEmail: input.send_email,
    email: input.email ?? null,
  });
  return { kind: "created", task };
}

export interface BatchInput extends PixelSettings, UploadInput {
  prompt: string;
  mode?: SpriteMode;
  count?: number;
  variations?: boolean;
  email?: string;
  send_email: boolean;
  model?: string;
}

export async function createBatch(
  caller: Caller,
  input: BatchInput,
): Promise<{ batch: Batch; tasks: Task[] }> {
  const model = input.model
    ? resolveModel(input.model, ["image"], { uploads: true })
    : defaultModel("image");
  checkPromptBudget(model, input.prompt);
  if (input.image || takesUpload(model)) {
    // an animated GIF: one frame per GIF frame; a still image: a batch of one
    const made = await uploadTasks(caller, model, input, true);
    return { batch: made.batch!, tasks: made.tasks };
  }
  const mode: SpriteMode = input.mode ?? (input.variations ? "variations" : "random");
  // The QT Pixel API shows count 4 and "1-4"; a batch without a count is a full set.
  const fixed = fixedFrameCount(mode);
  const count = fixed ?? input.count ?? DEFAULT_BATCH_COUNT;
  // fixed modes set their own length (walk4: 16 frames); `count` is limited for the others
  if (!fixed && (count < 1 || count > MAX_BATCH_COUNT)) {
    throw new InvalidInputError(`count must be between 1 and ${MAX_BATCH_COUNT}`, `got ${count}`);
  }
  const paletteColors = await savedPaletteColors(caller, input.palette);
  await consumeGenerationQuota(caller, count);
  const seed = input.seed ?? randomSeed();
  // variations/random frames after the first are other takes of the subject
  const interpretations = await Promise.all(
    Array.from({ length: count }, (_, i) =>
      localInterpretation(
        model,
        input.prompt,
        seed,
        input,
        mode === "variations" || mode === "random" ? i : 0,
      ),
    ),
  );
  const result = await (await getTaskQueue()).enqueueBatch(
    {
      userId: caller.user.id,
      prompt: input.prompt,
      mode,
      model: model.id,
      requestedCount: count,
      background: input.background,
      scale: input.scale,
      seed,
      palette: input.palette ?? null,
      sendEmail: input.send_email,
      email: input.email ?? null,
    },
    (batchId) =>
      Array.from({ length: count }, (_, i) => {
        const params: TaskParams = {
          prompt: input.prompt,
          negativePrompt: input.negativePrompt,
          background: input.background,
          scale: input.scale,
          palette: input.palette,
          ...(paletteColors ? { paletteColors } : {}),
          seed,
          mode,
          frame: i,
          count,
          frameInstruction:
            model.provider === "local"
              ? undefined
              : (frameInstruction(mode, i) ?? SINGLE_IMAGE_STYLE),
          ...drawingParams(input),
          interpretation: interpretations[i],
        };
        return {
          ...baseTask(caller, model, input.prompt, input),
          batchId,
          batchIndex: i + 1,
          subjectWords: subjectWords(params.interpretation),
          // Frames share the batch seed: the local engine derives every frame from one subject.
          seed,
          mode,
          params,
          // the batch sends one e-mail when its last frame is done, not one per frame
          sendEmail: false,
          email: input.email ?? null,
        };
      }),
  );
  return result;
}

/** Re-rolls one frame of a batch in place: same subject, palette and grid; a new frame seed. */
export async function regenerateFrame(caller: Caller, batch: Batch, index: number): Promise<Task> {
  const frame = (await tasksOfBatch(batch.id)).find((t) => t.batchIndex === index);
  if (!frame) throw new NotFoundError(`Frame ${index} not found in batch ${batch.id}`);
  if (frame.status === "pending" || frame.status === "processing") {
    throw new ConflictError(`Frame ${index} is still ${frame.status}`);
  }
  await consumeGenerationQuota(caller, 1);
  const params: TaskParams = { ...(frame.params as TaskParams), variant: randomSeed() };
  if (params.interpretation && (frame.mode === "variations" || frame.mode === "random")) {
    // the local engine draws a re-rolled variation as another take (lib/providers/local.ts)
    const take = (params.frame ?? 0) + 4 + ((params.variant as number) % 997) * 4;
    params.interpretation = await interpretPromptWithoutBlocking(frame.prompt, {
      seed: frame.seed ?? batch.seed,
      size: params.size as SpriteSize | undefined,
      outline: params.outline as OutlineStyle | undefined,
      shading: params.shading as ShadingStyle | undefined,
      take,
    });
  }
  // The local engine keeps the subject by keeping the batch seed; `variant` changes the frame's
  // details. Remote models get a new seed and keep the batch's locked palette.
  const seed = frame.provider === "local" ? (frame.seed ?? batch.seed) : randomSeed();
  const task = await (await getTaskQueue()).enqueueRerun(frame.id, { seed, params });
  return task;
}

// ---------------------------------------------------------------------------------------------
// generations API (docs/generations-api.md)

export interface PixelGenerationInput {
  prompt: string;
  model: string;
  negativePrompt?: string;
  resolution?: string;
  aspectRatio?: string;
  n?: number;
  imageInputs?: string[];
  extraParams?: Record<string, unknown>;
  projectId?: string;
  source?: string;
  sourceId?: string;
  duration?: string;
  voice?: string;
  speed?: number;
  seed?: number;
  size?: SpriteSize;
  outline?: OutlineStyle;
  shading?: ShadingStyle;
}

/** The new task's id: the route answers nothing else, so the row is not read back. */
export async function createGeneration(
  caller: Caller,
  type: Exclude<ModelType, "operation" | "llm">,
  input: PixelGenerationInput,
): Promise<number> {
  const model = resolveModel(input.model, [type], { uploads: true });
  checkPromptBudget(model, input.prompt);
  if (takesUpload(model) && model.type !== type) {
    // image → pixel art: the one image in imageInputs is the picture to convert
    const refs = input.imageInputs ?? [];
    if (refs.length !== 1)
      throw new InvalidInputError(
        `Model '${model.id}' turns one image into pixel art: send it as the only entry of imageInputs (a data: URL or an http(s) URL)`,
      );
    const upload = await storeImageRef(caller.user.id, refs[0]!, "imageInputs.0");
    const { model: _m, imageInputs: _i, extraParams, prompt, seed, outline, ...rest } = input;
    const palette = typeof extraParams?.palette === "string" ? extraParams.palette : undefined;
    const { palette: _p, ...options } = extraParams ?? {};
    return (
      await createUploadTasks(caller, model, upload, {
        prompt,
        background: "transparent",
        scale: SCALE_DEFAULT,
        palette,
        paletteColors: await savedPaletteColors(caller, palette),
        outline,
        seed,
        options,
        extra: rest,
      })
    ).task.id;
  }
  if (input.imageInputs?.length && type === "image" && !model.capabilities?.supportsRefImage) {
    throw new InvalidInputError(
      `Model '${model.id}' does not accept reference images (imageInputs)`,
    );
  }
  // Checked now for a clear 400, and again when the worker fetches (DNS may change in between).
  const uploads: { key: string; contentType: string }[] = [];
  for (const [i, url] of (input.imageInputs ?? []).entries()) {
    if (isDataUrl(url)) {
      const stored = await storeDataUrl(caller.user.id, url, `imageInputs.${i}`);
      uploads.push({ key: stored.key, contentType: stored.contentType });
      continue;
    }
    try {
      await assertPublicUrl(url);
    } catch (error) {
      throw new InvalidInputError(
        `imageInputs.${i}: ${error instanceof Error ? error.message : "URL not allowed"}`,
      );
    }
  }
  await consumeGenerationQuota(caller, 1);
  const seed = input.seed ?? randomSeed();
  const { model: _m, ...params } = input;
  const interpretation =
    type === "image" ? await localInterpretation(model, input.prompt, seed, input) : undefined;
  return (await getTaskQueue()).enqueueReturningId({
    ...baseTask(caller, model, input.prompt, {
      background: "transparent",
      scale: 20,
      negativePrompt: input.negativePrompt,
    }),
    subjectWords: subjectWords(interpretation),
    seed,
    mode: type === "image" ? "random" : null,
    params: {
      ...params,
      // data: URLs are stored as uploads; the params keep their place, not their bytes
      ...(uploads.length
        ? {
            imageInputs: params.imageInputs?.map((u) => (isDataUrl(u) ? "data:(uploaded)" : u)),
            uploads,
          }
        : {}),
      frameInstruction: type === "image" ? styleFor(model) : undefined,
      interpretation,
    },
  });
}

// ---------------------------------------------------------------------------------------------
// Studio extension: operations on an existing image (upscale, vectorize, seamless, …)

export async function createOperation(
  caller: Caller,
  source: Task,
  modelId: string,
  operationParams: Record<string, unknown>,
): Promise<Task> {
  const model = resolveModel(modelId, ["operation"]);
  if (source.status !== "completed") {
    throw new InvalidInputError(
      `Task ${source.id} is ${source.status}; operations need a completed image`,
    );
  }
  const spec = model.params ?? {};
  // a saved palette (pal_N) where the operation takes a palette: its colours, owner-checked
  const paletteColors =
    spec.palette && typeof operationParams.palette === "string"
      ? await savedPaletteColors(caller, operationParams.palette)
      : undefined;
  for (const [name, value] of Object.entries(operationParams)) {
    if (name === "palette" && paletteColors) continue;
    const p = spec[name];
    if (!p)
      throw new InvalidInputError(
        `params.${name}: unknown parameter for ${model.id}`,
        `known: ${Object.keys(spec).join(", ") || "none"}`,
      );
    if ((p.type === "number" || p.type === "integer") && typeof value !== "number") {
      throw new InvalidInputError(`params.${name}: must be a number`);
    }
    if (
      typeof value === "number" &&
      ((p.min !== undefined && value < p.min) || (p.max !== undefined && value > p.max))
    ) {
      throw new InvalidInputError(`params.${name}: must be between ${p.min} and ${p.max}`);
    }
    if (p.enum && !p.enum.includes(String(value)))
      throw new InvalidInputError(`params.${name}: must be one of ${p.enum.join(", ")}`);
  }
  await consumeGenerationQuota(caller, 1);
  const operation = String(model.capabilities?.operation ?? model.model_key);
  const prompt = `${operation} of #${source.id}: ${source.prompt}`.slice(0, 2000);
  const task = await (await getTaskQueue()).enqueue({
    ...baseTask(caller, model, prompt, {
      background: source.background as Background,
      scale: source.scale,
      palette: source.palette ?? undefined,
    }),
    sourceTaskId: source.id,
    seed: source.seed,
    params: {
      prompt,
      operation,
      operationParams: paletteColors ? { ...operationParams, paletteColors } : operationParams,
      sourceTaskId: source.id,
    },
  });
  return task;
}
