// Runs one claimed task through its adapter: screen the prompt, gather input images, submit (or
// resume polling a recorded upstream job), poll, then hand the outputs to storeOutputs.
import { setTimeout as sleep } from "node:timers/promises";
import { envValue, getEnv } from "@/lib/config/env";
import type { Task } from "@/lib/db/schema";
import { findAsset, getTaskForUser, tasksOfBatch } from "@/lib/db/tasks";
import { composePrompt } from "@/lib/generation/prompt-budget";
import { readTaskParams } from "@/lib/generation/task-params";
import { ProviderError } from "@/lib/providers/errors";
import {
  findModel,
  getAdapter,
  providerConfig,
  refreshDiscoveredModels,
} from "@/lib/providers/registry";
import type {
  AdapterContext,
  GenerationRequest,
  InputImage,
  ModelSpec,
  ProviderOutput,
} from "@/lib/providers/types";
import { screenPrompt } from "@/lib/safety/content-filter";
import { safeFetch, UnsafeUrlError } from "@/lib/security/ssrf";
import { getBlobStore } from "@/lib/storage/blob-store";

/** Thrown when a later frame of a remote batch must wait for frame 1 (its reference image). */
export class WaitForReference extends Error {
  constructor() {
    super("waiting for frame 1 of the batch");
  }
}

export interface ExecuteHooks {
  signal: AbortSignal;
  recordUpstreamId(id: string): Promise<void>;
  reportProgress(progress: number | undefined): Promise<void>;
  /** total time allowed for one run (submit + all polls) */
  deadlineMs: number;
}

export async function executeTask(
  task: Task,
  hooks: ExecuteHooks,
): Promise<{
  model: ModelSpec;
  outputs: ProviderOutput[];
  ctx: AdapterContext;
  req: GenerationRequest;
}> {
  let model = findModel(task.model);
  if (!model && getAdapter(task.provider).discoverModels) {
    // a checkpoint this process has not listed yet (the API process saw it): ask the upstream
    await refreshDiscoveredModels(task.provider).catch(() => undefined);
    model = findModel(task.model);
  }
  if (!model)
    throw new ProviderError("bad_request", `Model '${task.model}' is no longer available`);
  const adapter = getAdapter(model.provider);
  const config = providerConfig(model.provider);
  if (!config) {
    throw new ProviderError(
      "bad_request",
      `Provider '${model.provider}' is not configured on this server (set ${adapter.requiredEnv.join(", ")})`,
    );
  }
  const params = readTaskParams(task.params);
  if (task.type !== "operation") {
    for (const text of [task.prompt, params.negativePrompt ?? ""]) {
      if (!screenPrompt(text).allowed) throw new ProviderError("content_refused", "");
    }
  }
  const ctx: AdapterContext = {
    config,
    signal: hooks.signal,
    fetch: globalThis.fetch,
    reportProgress: (p) => hooks.reportProgress(p),
  };
  const req = await buildRequest(task, model, hooks.signal);

  let upstreamId = task.upstreamId;
  if (!upstreamId) {
    const submitted = await adapter.submit(req, ctx);
    if (submitted.state === "done") return { model, outputs: submitted.outputs, ctx, req };
    upstreamId = submitted.upstreamId;
    await hooks.recordUpstreamId(upstreamId);
  }
  // Resuming after a restart lands here directly: the upstream job is polled, not paid for twice.
  const deadline = Date.now() + hooks.deadlineMs;
  const interval = pollIntervalMs(adapter.id, adapter.pollIntervalMs);
  for (;;) {
    await sleep(interval, undefined, { signal: hooks.signal });
    const polled = await adapter.poll(upstreamId, req, ctx);
    if (polled.state === "done") return { model, outputs: polled.outputs, ctx, req };
    await hooks.reportProgress(polled.progress);
    if (Date.now() > deadline) {
      throw new ProviderError(
        "failed",
        `${model.provider}: the upstream job did not finish within ${Math.round(hooks.deadlineMs / 1000)} s`,
      );
    }
  }
}

/** `<PROVIDER>_POLL_INTERVAL_MS` overrides an adapter's polling pace (tests, slow upstreams). */
function pollIntervalMs(providerId: string, fallback: number): number {
  const n = envValue(getEnv(), `${providerId.toUpperCase()}_POLL_INTERVAL_MS`);
  return typeof n === "number" ? n : fallback;
}

async function buildRequest(
  task: Task,
  model: ModelSpec,
  signal: AbortSignal,
): Promise<GenerationRequest> {
  const p = readTaskParams(task.params);
  const images: InputImage[] = [];

  if (task.type === "operation" && task.sourceTaskId) {
    // Local operations start from the stored 1× grid (Scale2x on the 32 px sprite, not on its
    // 20-px blocks); remote services get the image as shown.
    images.push(
      model.provider === "local"
        ? await loadLogicalImage(task.sourceTaskId)
        : await loadTaskImage(task.sourceTaskId, "image"),
    );
  }
  // A character's frame (#19) names its canonical facing: a task of the same user in our own
  // storage, read from there (never fetched by URL) and handed over as images[0].
  const referenceTaskId =
    typeof p.referenceTaskId === "number" && model.provider !== "local"
      ? p.referenceTaskId
      : undefined;
  if (referenceTaskId) images.push(await loadReferenceImage(task, referenceTaskId));
  // Later frames of a remote sprite batch use frame 1 as their reference image, so the frames
  // show one subject; the local engine keeps frames coherent by construction instead.
  else if (
    task.batchId &&
    (task.batchIndex ?? 1) > 1 &&
    model.provider !== "local" &&
    model.capabilities?.supportsRefImage
  ) {
    const first = (await tasksOfBatch(task.batchId)).find((t) => t.batchIndex === 1);
    if (!first || first.status === "failed") {
      throw new ProviderError(
        "failed",
        "Frame 1 of this batch failed, so there is no reference for this frame",
      );
    }
    if (first.status !== "completed") throw new WaitForReference();
    images.push(
      await loadTaskImage(first.id, (await findAsset(first.id, "original")) ? "original" : "image"),
    );
  }
  // uploaded images (data: URLs, stored when the task was created: lib/generation/uploads.ts)
  for (const upload of (p.uploads ?? []) as { key: string; contentType: string }[]) {
    images.push({ data: await getBlobStore().get(upload.key), contentType: upload.contentType });
  }
  for (const url of p.imageInputs ?? []) {
    if (url.startsWith("data:")) continue; // stored as an upload above

    try {
      const fetched = await safeFetch(url, { maxBytes: 10 * 1024 * 1024, timeoutMs: 15_000 });
      if (signal.aborted) throw signal.reason;
      images.push({ data: fetched.data, contentType: fetched.contentType, url });
    } catch (error) {
      if (error instanceof UnsafeUrlError)
        throw new ProviderError("bad_request", `imageInputs: ${error.message}`);
      throw new ProviderError("bad_request", `imageInputs: could not fetch ${url}`);
    }
  }

  // The user's words always go whole; our frame/style suffix shrinks to the model's budget.
  const prompt = composePrompt(task.prompt, p.frameInstruction, model.max_prompt_chars);
  return {
    type: model.type,
    modelKey: model.model_key,
    prompt,
    negativePrompt: task.negativePrompt ?? p.negativePrompt,
    resolution: p.resolution,
    aspectRatio: p.aspectRatio,
    n: p.n,
    seed: task.seed ?? undefined,
    images: images.length ? images : undefined,
    duration: p.duration,
    voice: p.voice,
    speed: p.speed,
    params: {
      ...(p.extraParams ?? {}),
      ...(p.operationParams ?? {}),
      mode: task.mode ?? "random",
      frame: p.frame ?? Math.max(0, (task.batchIndex ?? 1) - 1),
      count: p.count ?? 1, // batch frames carry their batch's count
      background: task.background,
      scale: task.scale,
      // an operation's own palette parameter wins over the source's palette
      palette: (p.operationParams?.palette as string | undefined) ?? task.palette ?? undefined,
      // a saved palette (pal_N): its colours, resolved and owner-checked at creation
      ...(p.paletteColors ? { paletteColors: p.paletteColors } : {}),
      originalPrompt: task.prompt,
      // offline engine: drawing options of the batch and a re-rolled frame's variant
      size: p.size,
      outline: p.outline,
      shading: p.shading,
      variant: p.variant,
    },
  };
}

/** The source's 1× image and the scale it is shown at, or its image when it has no 1× copy. */
async function loadLogicalImage(taskId: number): Promise<InputImage> {
  const logical = await findAsset(taskId, "logical");
  const shown = await findAsset(taskId, "image");
  if (!logical || !shown?.width || !logical.width) return loadTaskImage(taskId, "image");
  return {
    data: await getBlobStore().get(logical.storageKey),
    contentType: logical.contentType,
    pixelScale: Math.max(1, Math.round(shown.width / logical.width)),
  };
}

/** A reference still of the task's own user: the pixel-art image (what the user sees and keeps). */
async function loadReferenceImage(task: Task, referenceTaskId: number): Promise<InputImage> {
  const ref = await getTaskForUser(referenceTaskId, task.userId);
  if (!ref || ref.status === "failed")
    throw new ProviderError(
      "failed",
      `The reference image (task ${referenceTaskId}) is gone or failed`,
    );
  if (ref.status !== "completed") throw new WaitForReference();
  return loadTaskImage(ref.id, "image");
}

async function loadTaskImage(taskId: number, kind: "image" | "original"): Promise<InputImage> {
  const asset = await findAsset(taskId, kind);
  if (!asset) throw new ProviderError("bad_request", `Task ${taskId} has no ${kind} to work on`);
  return { data: await getBlobStore().get(asset.storageKey), contentType: asset.contentType };
}
