// Characters (#19): one stored design animated in any action and direction with the same
// identity. The stills and frames are gallery tasks (a batch per set of facings and per
// animation), so the gallery shows them and deleting a character keeps them.
//
// Two ways to draw:
// - the offline engine keeps the design (prompt + seed + options) and redraws it for every
//   frame; it runs on the worker pool (lib/workers) and its tasks are stored completed;
// - a remote model draws the canonical facings first (frame 1 of the facing batch is the front,
//   the others take it as their reference image), then every frame is a queued task that carries
//   its direction's facing as `referenceTaskId` (the worker loads it from our storage and hands it
//   to the adapter as images[0]); the character's locked palette is applied to each output.
import type { Caller } from "@/lib/auth/caller";
import {
  HUMANOID_BODY_NOTE,
  noReferenceNote,
  notesIn,
  offlineSourceNote,
  remoteSourceNote,
  standInNote,
} from "@/lib/characters/character-notes";
import {
  animationCounts,
  animationsOfCharacter,
  deleteAssetsOfTask,
  deleteCharacterRow,
  getCharacterForUser,
  insertAnimation,
  insertCharacter,
  insertCharacterState,
  listCharacterRows,
  statesOfCharacter,
  updateAnimation,
  updateCharacter,
  updateCharacterState,
  updateTaskRow,
} from "@/lib/db/characters";
import { getDocumentForUser, getDocumentVersion } from "@/lib/db/documents";
import type {
  Batch,
  CharacterAnimationRow,
  CharacterRow,
  CharacterStateRow,
  NewTask,
  Task,
} from "@/lib/db/schema";
import {
  assetsOfTasks,
  getBatchById,
  getTaskForUser,
  insertAssets,
  insertBatchWithTasks,
  tasksOfUserByIds,
} from "@/lib/db/tasks";
import { loadDocument } from "@/lib/documents/documents";
import { documentGrids } from "@/lib/documents/exports";
import { taskGrid } from "@/lib/documents/open-sources";
import { isEditedImage, originalPrompt } from "@/lib/documents/original-prompt";
import { ConflictError, InvalidInputError, NotFoundError } from "@/lib/errors";
import { randomSeed } from "@/lib/generation/create-tasks";
import { defaultModel, type ResolvedModel, resolveModel } from "@/lib/generation/models";
import { assertPromptFits, PromptTooLongError } from "@/lib/generation/prompt-budget";
import { consumeGenerationQuota } from "@/lib/generation/rate-limits";
import { FACING_TEXT, frameInstruction, SINGLE_IMAGE_STYLE } from "@/lib/generation/sprite-modes";
import type { TaskParams } from "@/lib/generation/task-params";
import type { BilingualText } from "@/lib/i18n/bilingual";
import { getTaskQueue } from "@/lib/jobs/queue-factory";
import { decodeLogical } from "@/lib/pixel";
import type { CharacterSpec } from "@/lib/pixel/sprite/character";
import type { RgbaImage } from "@/lib/pixel/types";
import { normalizePrompt } from "@/lib/prompts/similarity";
import { assetKey, getBlobStore } from "@/lib/storage/blob-store";
import {
  CHARACTER_SIZE_DEFAULT,
  type CharacterAction,
  type CharacterBody,
  type CharacterView,
  DIRECTIONS4,
  DIRECTIONS8,
  type Facing,
  MODE_FRAME_COUNT,
  type OutlineStyle,
  type ShadingStyle,
  type TaskStatus,
} from "@/lib/vocabulary";
import { runJob } from "@/lib/workers/pool";
import { type Identity, paletteOf, scoreIdentity } from "./identity";
import { type EncodedStill, encodeStill, galleryScale } from "./render";

/** The offline engine's model id: its frames are gallery items like its batches'. */
export const OFFLINE_MODEL = "local/pixel-sprite";

export interface FacingRef {
  task_id: number | null;
  status: TaskStatus;
  edited?: boolean;
  error?: string;
}

export interface FrameRef {
  index: number;
  task_id: number | null;
  status: TaskStatus;
  /** the offline engine's take of this frame (0 = the first); a re-roll draws the next */
  take: number;
  identity: Identity | null;
  error: string | null;
}

export interface CreateCharacterInput {
  name?: string;
  /** left out with source_task_id: the image's own prompt (the engine draws the design from it) */
  prompt?: string;
  model?: string;
  seed?: number;
  size?: number;
  view?: CharacterView;
  directions?: 4 | 8;
  body?: CharacterBody;
  palette?: string;
  outline?: OutlineStyle;
  shading?: ShadingStyle;
  source_task_id?: number;
  source_document_id?: number;
}

const DEFAULT_VIEW: CharacterView = "low_top_down";

export function directionsOf(row: Pick<CharacterRow, "directionCount">): readonly Facing[] {
  return row.directionCount === 8 ? DIRECTIONS8 : DIRECTIONS4;
}

const isOffline = (row: Pick<CharacterRow, "model">) => row.model.startsWith("local/");

export function specOf(row: CharacterRow, state?: CharacterStateRow | null): CharacterSpec {
  return {
    prompt: state ? `${row.prompt}, ${state.prompt}` : row.prompt,
    seed: row.seed,
    size: row.size,
    body: row.body as CharacterBody,
    view: row.view as CharacterView,
    palette: row.paletteName ?? undefined,
    outline: (row.outline ?? undefined) as OutlineStyle | undefined,
    shading: (row.shading ?? undefined) as ShadingStyle | undefined,
  };
}

function checkPrompt(model: ResolvedModel, prompt: string) {
  try {
    assertPromptFits(model, prompt);
  } catch (error) {
    if (error instanceof PromptTooLongError) throw new InvalidInputError(error.message);
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------
// gallery rows

interface GalleryFrame {
  index: number;
  still?: EncodedStill;
  error?: string;
}

/**
 * A batch of already-drawn stills (offline engine): the batch and its tasks are inserted
 * completed (or failed, with the reason, so a re-roll can fill them), then the files.
 */
async function storeOfflineBatch(
  caller: Caller,
  row: Pick<CharacterRow, "seed" | "size" | "paletteName" | "outline" | "shading">,
  prompt: string,
  mode: string,
  frames: GalleryFrame[],
  extraParams: (i: number) => Record<string, unknown>,
): Promise<{ batch: Batch; tasks: Task[] }> {
  const scale = galleryScale(row.size);
  const now = new Date();
  const result = await insertBatchWithTasks(
    {
      userId: caller.user.id,
      prompt,
      mode,
      model: OFFLINE_MODEL,
      requestedCount: frames.length,
      background: "transparent",
      scale,
      seed: row.seed,
      palette: row.paletteName,
    },
    (batchId) =>
      frames.map((f, i): NewTask => {
        const params: TaskParams = {
          prompt,
          background: "transparent",
          scale,
          seed: row.seed,
          mode,
          frame: i,
          count: frames.length,
          size: row.size,
          ...(row.outline ? { outline: row.outline } : {}),
          ...(row.shading ? { shading: row.shading } : {}),
          ...extraParams(i),
        };
        return {
          userId: caller.user.id,
          batchId,
          batchIndex: i + 1,
          type: "image",
          model: OFFLINE_MODEL,
          provider: "local",
          prompt,
          promptNorm: normalizePrompt(prompt),
          background: "transparent",
          scale,
          seed: row.seed,
          palette: row.paletteName,
          mode,
          params,
          status: f.still ? "completed" : "failed",
          errorMsg: f.error ?? "",
          width: f.still?.width ?? null,
          height: f.still?.height ?? null,
          startedAt: now,
          completedAt: now,
        };
      }),
  );
  const sorted = [...result.tasks].sort((a, b) => (a.batchIndex ?? 0) - (b.batchIndex ?? 0));
  await Promise.all(
    sorted.map((task, i) => {
      const still = frames[i]?.still;
      return still ? storeStill(task, still) : undefined;
    }),
  );
  return { batch: result.batch, tasks: sorted };
}

/** Writes a still's files under its task (replacing earlier ones: a re-roll keeps the task). */
async function storeStill(task: Pick<Task, "id" | "userId">, still: EncodedStill): Promise<void> {
  const store = getBlobStore();
  const files = [
    { kind: "image" as const, data: still.png, w: still.width, h: still.height },
    { kind: "logical" as const, data: still.logical, w: still.size, h: still.size },
    { kind: "thumb" as const, data: still.thumb, w: null, h: null },
  ];
  await Promise.all(
    files.map((f) => store.put(assetKey(task.id, f.kind, 0, "png"), f.data, "image/png")),
  );
  await insertAssets(
    files.map((f) => ({
      taskId: task.id,
      userId: task.userId,
      kind: f.kind,
      position: 0,
      storageKey: assetKey(task.id, f.kind, 0, "png"),
      contentType: "image/png",
      width: f.w,
      height: f.h,
      bytes: f.data.length,
    })),
  );
}

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e)).slice(0, 500);

// ---------------------------------------------------------------------------------------------
// create

export async function createCharacter(caller: Caller, given: CreateCharacterInput) {
  const input = { ...given, prompt: await promptOf(given, caller.user.id) };
  const model = input.model ? resolveModel(input.model, ["image"]) : defaultModel("image");
  checkPrompt(model, input.prompt);
  const offline = model.provider === "local";
  const directionCount = input.directions ?? 4;
  const directions = directionCount === 8 ? DIRECTIONS8 : DIRECTIONS4;
  const notes: BilingualText[] = [];
  const supportsReference = offline || Boolean(model.capabilities?.supportsRefImage);
  if (!supportsReference) {
    notes.push(noReferenceNote(model.id));
  }

  // a source image becomes the front facing (it must be the caller's own)
  let sourceTask: Task | undefined;
  let sourceGrid: RgbaImage | undefined;
  if (input.source_task_id) {
    sourceTask = await getTaskForUser(input.source_task_id, caller.user.id);
    if (!sourceTask) throw new NotFoundError(`Task ${input.source_task_id} not found`);
    if (sourceTask.type !== "image")
      throw new InvalidInputError(`task ${sourceTask.id} is not an image`);
    sourceGrid = await taskGrid(sourceTask);
  } else if (input.source_document_id) {
    const doc = await getDocumentForUser(input.source_document_id, caller.user.id);
    if (!doc) throw new NotFoundError(`Document ${input.source_document_id} not found`);
    const version = await getDocumentVersion(doc.id, doc.version);
    if (!version) throw new NotFoundError(`Document ${doc.id} has no saved version`);
    sourceGrid = documentGrids(await loadDocument(version))[0];
  }
  if (sourceGrid && (sourceGrid.width > 512 || sourceGrid.height > 512))
    throw new InvalidInputError("the source image is larger than 512×512 logical pixels");
  // a source's own size wins when none is asked for (its pixels are kept as they are)
  const size =
    input.size ??
    (sourceGrid
      ? Math.min(128, Math.max(16, Math.max(sourceGrid.width, sourceGrid.height)))
      : CHARACTER_SIZE_DEFAULT);

  await consumeGenerationQuota(caller, directions.length);
  const seed = input.seed ?? randomSeed();
  const base = {
    userId: caller.user.id,
    name: input.name ?? defaultName(input.prompt),
    prompt: input.prompt,
    model: model.id,
    seed,
    size,
    view: input.view ?? DEFAULT_VIEW,
    directionCount,
    body: input.body ?? "humanoid",
    paletteName: input.palette ?? null,
    outline: input.outline ?? null,
    shading: input.shading ?? null,
    padding: Math.round(size / 8),
    supportsReference,
    sourceTaskId: input.source_task_id ?? null,
    sourceDocumentId: input.source_document_id ?? null,
  };
  if (offline) {
    const spec: CharacterSpec = {
      prompt: input.prompt,
      seed,
      size,
      body: input.body,
      view: base.view,
      palette: input.palette,
      outline: input.outline,
      shading: input.shading,
    };
    const drawn = await runJob("characterFacings", [spec, directions]);
    if (drawn.standIn) notes.push(standInNote(drawn.standIn));
    const stills: GalleryFrame[] = drawn.facings.map((f, index) => ({ index, still: f }));
    const facings: Record<string, FacingRef> = {};
    if (sourceGrid) {
      // the user's pixels are the front still; animations stay the engine's drawing of the design
      stills[0] = {
        index: 0,
        still: await encodeStill(fitToCanvas(sourceGrid, size, drawn.pivot)),
      };
      // a document, or a gallery image saved from the editor, is an edit; else a plain picture
      notes.push(offlineSourceNote(!sourceTask || isEditedImage(sourceTask)));
    }
    const { batch, tasks } = await storeOfflineBatch(
      caller,
      base,
      input.prompt,
      directionCount === 8 ? "directions8" : "directions",
      stills,
      (i) => ({ character: { direction: directions[i] } }),
    );
    directions.forEach((d, i) => {
      facings[d] = {
        task_id: tasks[i]!.id,
        status: "completed",
        ...(i === 0 && sourceGrid ? { edited: true } : {}),
      };
    });
    return insertCharacter({
      ...base,
      body: drawn.body,
      palette: drawn.palette,
      pivotX: drawn.pivot.x,
      pivotY: drawn.pivot.y,
      status: "completed",
      notes,
      facings,
      facingBatchId: batch.id,
    });
  }

  // remote: the facings are queued; frame 1 (the front) is the reference of the others
  if (!input.body) notes.push(HUMANOID_BODY_NOTE);
  const { batch, tasks } = await enqueueFacings(caller, model, {
    prompt: input.prompt,
    seed,
    directions,
    paletteName: input.palette,
    skipFront: sourceTask?.id,
  });
  const facings: Record<string, FacingRef> = {};
  let t = 0;
  for (const d of directions) {
    if (d === "down" && sourceTask)
      facings[d] = { task_id: sourceTask.id, status: "completed", edited: true };
    else facings[d] = { task_id: tasks[t++]!.id, status: "pending" };
  }
  if (sourceTask && sourceGrid) notes.push(remoteSourceNote(sourceTask.id));
  return insertCharacter({
    ...base,
    palette: sourceGrid ? paletteOf([sourceGrid]) : null,
    pivotX: Math.floor(size / 2),
    pivotY: size - 1 - Math.round(size / 8),
    status: "pending",
    notes,
    facings,
    facingBatchId: batch.id,
  });
}

async function promptOf(input: CreateCharacterInput, userId: number): Promise<string> {
  if (input.prompt !== undefined) return input.prompt;
  if (!input.source_task_id) throw new InvalidInputError("prompt is required");
  const task = await getTaskForUser(input.source_task_id, userId);
  if (!task) throw new NotFoundError(`Task ${input.source_task_id} not found`);
  // an edit is titled "a goblin archer (walk)": the design is drawn from the original words
  return originalPrompt(task, userId);
}

function defaultName(prompt: string): string {
  const words = prompt.trim().split(/\s+/).slice(0, 6).join(" ");
  return words.length > 100 ? words.slice(0, 100) : words;
}

/** Places a source image on the character's canvas: centred, its bottom on the pivot's line. */
function fitToCanvas(src: RgbaImage, size: number, pivot: { x: number; y: number }): RgbaImage {
  const out: RgbaImage = {
    width: size,
    height: size,
    data: new Uint8ClampedArray(size * size * 4),
  };
  const w = Math.min(src.width, size);
  const h = Math.min(src.height, size);
  const ox = Math.max(0, Math.min(size - w, pivot.x - Math.floor(w / 2)));
  const oy = Math.max(0, Math.min(size - h, pivot.y + 1 - h));
  const sx0 = Math.floor((src.width - w) / 2);
  const sy0 = src.height - h;
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const s = ((sy0 + y) * src.width + sx0 + x) * 4;
      const d = ((oy + y) * size + ox + x) * 4;
      out.data.set(src.data.subarray(s, s + 4), d);
    }
  return out;
}

/** Remote facings as one batch: frame 1 the front, the rest referencing it (or `referenceOf`). */
async function enqueueFacings(
  caller: Caller,
  model: ResolvedModel,
  o: {
    prompt: string;
    seed: number;
    directions: readonly Facing[];
    paletteName?: string | null;
    /** a finished front facing (a source image): drawn from it instead of drawing one */
    skipFront?: number;
    /** per direction: the facing to keep (a state keeps its character's facings) */
    referenceOf?: (d: Facing) => number | undefined;
    lockedPalette?: string[] | null;
  },
): Promise<{ batch: Batch; tasks: Task[] }> {
  const wanted = o.skipFront ? o.directions.filter((d) => d !== "down") : o.directions;
  const mode = o.directions.length === 8 ? "directions8" : "directions";
  return (await getTaskQueue()).enqueueBatch(
    {
      userId: caller.user.id,
      prompt: o.prompt,
      mode,
      model: model.id,
      requestedCount: wanted.length,
      background: "transparent",
      scale: 20,
      seed: o.seed,
      palette: o.paletteName ?? null,
      lockedPalette: o.lockedPalette ?? null,
    },
    (batchId) =>
      wanted.map((d, i): NewTask => {
        const reference = o.referenceOf?.(d) ?? o.skipFront;
        const params: TaskParams = {
          prompt: o.prompt,
          background: "transparent",
          scale: 20,
          palette: o.paletteName ?? undefined,
          seed: o.seed,
          mode,
          frame: i,
          count: wanted.length,
          frameInstruction: `character turnaround: ${FACING_TEXT[d]}, full body, ${SINGLE_IMAGE_STYLE}`,
          ...(reference ? { referenceTaskId: reference } : {}),
          character: { direction: d },
        };
        return {
          userId: caller.user.id,
          batchId,
          batchIndex: i + 1,
          type: "image",
          model: model.id,
          provider: model.provider,
          prompt: o.prompt,
          promptNorm: normalizePrompt(o.prompt),
          background: "transparent",
          scale: 20,
          seed: o.seed,
          palette: o.paletteName ?? null,
          mode,
          params,
          sendEmail: false,
        };
      }),
  );
}

// ---------------------------------------------------------------------------------------------
// read (remote work is brought up to date from its tasks on the way)

export async function ownCharacter(id: number, userId: number): Promise<CharacterRow> {
  const row = await getCharacterForUser(id, userId);
  if (!row) throw new NotFoundError(`Character ${id} not found`);
  return row;
}

const aggregate = (statuses: TaskStatus[]): TaskStatus =>
  statuses.some((s) => s === "pending" || s === "processing")
    ? statuses.some((s) => s !== "pending")
      ? "processing"
      : "pending"
    : statuses.some((s) => s === "failed")
      ? "failed"
      : "completed";

async function taskMap(ids: (number | null | undefined)[], userId: number) {
  const wanted = [...new Set(ids.filter((i): i is number => typeof i === "number"))];
  return new Map((await tasksOfUserByIds(wanted, userId)).map((t) => [t.id, t]));
}

/** Facing statuses from their tasks; a deleted gallery item reads as failed. */
function syncFacings(
  facings: Record<string, FacingRef>,
  tasks: Map<number, Task>,
): { facings: Record<string, FacingRef>; changed: boolean } {
  let changed = false;
  const out: Record<string, FacingRef> = {};
  for (const [d, f] of Object.entries(facings)) {
    const t = f.task_id ? tasks.get(f.task_id) : undefined;
    const status: TaskStatus = t ? t.status : "failed";
    const error = t ? t.errorMsg || undefined : "the gallery image was deleted";
    if (status !== f.status || error !== f.error) changed = true;
    out[d] = { ...f, status, ...(status === "failed" && error ? { error } : { error: undefined }) };
  }
  return { facings: out, changed };
}

async function refreshCharacter(row: CharacterRow): Promise<CharacterRow> {
  if (row.status === "completed" && isOffline(row)) return row;
  const facings = row.facings as Record<string, FacingRef>;
  const tasks = await taskMap(
    Object.values(facings).map((f) => f.task_id),
    row.userId,
  );
  const synced = syncFacings(facings, tasks);
  const status = aggregate(Object.values(synced.facings).map((f) => f.status));
  let palette = row.palette;
  if (status === "completed" && !palette?.length)
    palette = await lockedPaletteOf(row, synced.facings);
  if (!synced.changed && status === row.status && palette === row.palette) return row;
  return updateCharacter(row.id, { facings: synced.facings, status, palette });
}

/** The locked palette of remote facings: the colours of the pixelized front (and its batch). */
async function lockedPaletteOf(row: CharacterRow, facings: Record<string, FacingRef>) {
  const batch = row.facingBatchId ? await getBatchById(row.facingBatchId) : undefined;
  if (batch?.lockedPalette?.length) return batch.lockedPalette;
  const front = facings.down?.task_id;
  if (!front) return null;
  const t = (await tasksOfUserByIds([front], row.userId))[0];
  return t ? paletteOf([await taskGrid(t)]) : null;
}

async function refreshAnimations(
  row: CharacterRow,
  anims: CharacterAnimationRow[],
): Promise<CharacterAnimationRow[]> {
  const open = anims.filter((a) => a.status !== "completed" || hasUnscored(a));
  if (!open.length) return anims;
  const tasks = await taskMap(
    open.flatMap((a) => (a.frames as unknown as FrameRef[]).map((f) => f.task_id)),
    row.userId,
  );
  const states = new Map((await statesOfCharacter(row.id)).map((s) => [s.id, s]));
  const out = new Map(anims.map((a) => [a.id, a]));
  for (const a of open) {
    let changed = false;
    const frames: FrameRef[] = [];
    for (const f of a.frames as unknown as FrameRef[]) {
      const t = f.task_id ? tasks.get(f.task_id) : undefined;
      const status: TaskStatus = t ? t.status : f.task_id ? "failed" : f.status;
      let next: FrameRef = {
        ...f,
        status,
        error: status === "failed" ? t?.errorMsg || f.error || "failed" : null,
      };
      if (status !== "completed") next.identity = null;
      else if (!f.identity && t) {
        // a remote frame's identity is scored once it exists, against its direction's facing
        next = {
          ...next,
          identity: await scoreRemoteFrame(row, a, t, states.get(a.stateId ?? -1)),
        };
      }
      if (JSON.stringify(next) !== JSON.stringify(f)) changed = true;
      frames.push(next);
    }
    const status = aggregate(frames.map((f) => f.status));
    if (changed || status !== a.status) {
      out.set(
        a.id,
        await updateAnimation(a.id, {
          frames: frames as unknown as Record<string, unknown>[],
          status,
        }),
      );
    }
  }
  return anims.map((a) => out.get(a.id)!);
}

const hasUnscored = (a: CharacterAnimationRow) =>
  (a.frames as unknown as FrameRef[]).some((f) => f.status === "completed" && !f.identity);

async function scoreRemoteFrame(
  row: CharacterRow,
  a: CharacterAnimationRow,
  frameTask: Task,
  state: CharacterStateRow | undefined,
): Promise<Identity | null> {
  const facings = (state?.facings ?? row.facings) as Record<string, FacingRef>;
  const facingId = facings[a.direction]?.task_id;
  if (!facingId) return null;
  const facingTask = (await tasksOfUserByIds([facingId], row.userId))[0];
  if (facingTask?.status !== "completed") return null;
  try {
    const [frame, facing] = await Promise.all([taskGrid(frameTask), taskGrid(facingTask)]);
    // remote outputs are pixelized at their own grid; compare on the frame's grid
    const ref =
      facing.width === frame.width ? facing : resizeNearest(facing, frame.width, frame.height);
    return scoreIdentity(frame, ref, row.palette ?? paletteOf([ref]), a.action as CharacterAction);
  } catch {
    return null;
  }
}

function resizeNearest(src: RgbaImage, w: number, h: number): RgbaImage {
  const out: RgbaImage = { width: w, height: h, data: new Uint8ClampedArray(w * h * 4) };
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const s =
        (Math.floor((y * src.height) / h) * src.width + Math.floor((x * src.width) / w)) * 4;
      out.data.set(src.data.subarray(s, s + 4), (y * w + x) * 4);
    }
  return out;
}

async function refreshStates(row: CharacterRow, states: CharacterStateRow[]) {
  const open = states.filter((s) => s.status !== "completed");
  if (!open.length) return states;
  const tasks = await taskMap(
    open.flatMap((s) =>
      Object.values(s.facings as Record<string, FacingRef>).map((f) => f.task_id),
    ),
    row.userId,
  );
  const out = new Map(states.map((s) => [s.id, s]));
  for (const s of open) {
    const synced = syncFacings(s.facings as Record<string, FacingRef>, tasks);
    const status = aggregate(Object.values(synced.facings).map((f) => f.status));
    if (synced.changed || status !== s.status)
      out.set(s.id, await updateCharacterState(s.id, { facings: synced.facings, status }));
  }
  return states.map((s) => out.get(s.id)!);
}

// ---------------------------------------------------------------------------------------------
// answers (snake_case, as the routes send them)

const url = (taskId: number | null, status: TaskStatus) =>
  taskId && status === "completed" ? `/static/gallery/${taskId}.png` : null;

function facingsAnswer(facings: Record<string, FacingRef>) {
  return Object.fromEntries(
    Object.entries(facings).map(([d, f]) => [
      d,
      {
        url: url(f.task_id, f.status),
        status: f.status,
        task_id: f.task_id,
        edited: Boolean(f.edited),
      },
    ]),
  );
}

export function animationAnswer(a: CharacterAnimationRow) {
  const frames = a.frames as unknown as FrameRef[];
  return {
    id: a.id,
    character_id: a.characterId,
    action: a.action as CharacterAction,
    direction: a.direction as Facing,
    state_id: a.stateId,
    status: a.status,
    failed_frames: frames.filter((f) => f.status === "failed").map((f) => f.index),
    frames: frames.map((f) => ({
      index: f.index,
      url: url(f.task_id, f.status),
      status: f.status,
      task_id: f.task_id,
      identity: f.identity,
      error: f.status === "failed" ? (f.error ?? "failed") : null,
    })),
    durations_ms: a.durationsMs ?? defaultDurations(a.action as CharacterAction),
    batch_id: a.batchId,
    created_at: a.createdAt.toISOString(),
  };
}

function defaultDurations(action: CharacterAction): number[] {
  return Array(MODE_FRAME_COUNT[action]).fill(action === "idle" ? 400 : 120);
}

export function stateAnswer(s: CharacterStateRow) {
  return {
    id: s.id,
    name: s.name,
    prompt: s.prompt,
    status: s.status,
    facings: facingsAnswer(s.facings as Record<string, FacingRef>),
    created_at: s.createdAt.toISOString(),
  };
}

function baseAnswer(row: CharacterRow) {
  return {
    id: row.id,
    name: row.name,
    prompt: row.prompt,
    model: row.model,
    seed: row.seed,
    size: row.size,
    view: row.view as CharacterView,
    directions: [...directionsOf(row)],
    body: row.body as CharacterBody,
    palette: row.palette ?? [],
    palette_name: row.paletteName,
    outline: row.outline,
    shading: row.shading,
    pivot: row.pivotX !== null && row.pivotY !== null ? { x: row.pivotX, y: row.pivotY } : null,
    padding: row.padding,
    status: row.status,
    supports_reference: row.supportsReference,
    notes: notesIn(row.notes, "en"),
    notes_zh: notesIn(row.notes, "zh"),
    facings: facingsAnswer(row.facings as Record<string, FacingRef>),
    source_task_id: row.sourceTaskId,
    source_document_id: row.sourceDocumentId,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}

export interface CharacterDetail {
  row: CharacterRow;
  states: CharacterStateRow[];
  animations: CharacterAnimationRow[];
}

export async function loadCharacter(id: number, userId: number): Promise<CharacterDetail> {
  const row = await refreshCharacter(await ownCharacter(id, userId));
  const states = await refreshStates(row, await statesOfCharacter(row.id));
  const animations = await refreshAnimations(row, await animationsOfCharacter(row.id));
  return { row, states, animations };
}

export function characterAnswer(d: CharacterDetail) {
  return {
    ...baseAnswer(d.row),
    states: d.states.map(stateAnswer),
    animations: d.animations.map(animationAnswer),
  };
}

export async function getCharacter(id: number, userId: number) {
  return characterAnswer(await loadCharacter(id, userId));
}

export async function listCharacters(userId: number, page: number, pageSize: number) {
  const { rows, total } = await listCharacterRows(userId, {
    limit: pageSize,
    offset: (page - 1) * pageSize,
  });
  const fresh = await Promise.all(rows.map(refreshCharacter));
  const counts = await animationCounts(fresh.map((r) => r.id));
  return {
    items: fresh.map((r) => ({ ...baseAnswer(r), animation_count: counts.get(r.id) ?? 0 })),
    total,
    page,
    page_size: pageSize,
  };
}

export async function patchCharacter(
  id: number,
  userId: number,
  patch: { name?: string; palette?: string[] },
) {
  const row = await ownCharacter(id, userId);
  const palette = patch.palette?.map((c) => c.toLowerCase());
  await updateCharacter(row.id, {
    ...(patch.name ? { name: patch.name } : {}),
    ...(palette ? { palette: [...new Set(palette)] } : {}),
  });
  return getCharacter(id, userId);
}

export async function deleteCharacter(id: number, userId: number): Promise<void> {
  if (!(await deleteCharacterRow(id, userId))) throw new NotFoundError(`Character ${id} not found`);
}

// ---------------------------------------------------------------------------------------------
// states

export async function listStates(id: number, userId: number) {
  const { states } = await loadCharacter(id, userId);
  return { states: states.map(stateAnswer) };
}

export async function createState(
  caller: Caller,
  id: number,
  input: { name: string; prompt: string },
) {
  const row = await refreshCharacter(await ownCharacter(id, caller.user.id));
  if (row.status !== "completed")
    throw new ConflictError(
      `Character ${id}'s facings are ${row.status}; add states once they are done`,
    );
  const directions = directionsOf(row);
  const prompt = `${row.prompt}, ${input.prompt}`;
  if (isOffline(row)) {
    await consumeGenerationQuota(caller, directions.length);
    const spec = specOf(row, { prompt: input.prompt } as CharacterStateRow);
    const drawn = await runJob("characterFacings", [spec, directions]);
    const { batch, tasks } = await storeOfflineBatch(
      caller,
      row,
      prompt,
      directions.length === 8 ? "directions8" : "directions",
      drawn.facings.map((f, index) => ({ index, still: f })),
      (i) => ({ character: { id: row.id, state: input.name, direction: directions[i] } }),
    );
    const state = await insertCharacterState({
      characterId: row.id,
      name: input.name,
      prompt: input.prompt,
      seed: row.seed,
      status: "completed",
      facings: Object.fromEntries(
        directions.map((d, i) => [d, { task_id: tasks[i]!.id, status: "completed" }]),
      ),
      facingBatchId: batch.id,
    });
    return stateAnswer(state);
  }
  const model = resolveModel(row.model, ["image"]);
  checkPrompt(model, prompt);
  await consumeGenerationQuota(caller, directions.length);
  const own = row.facings as Record<string, FacingRef>;
  const { batch, tasks } = await enqueueFacings(caller, model, {
    prompt,
    seed: row.seed,
    directions,
    paletteName: row.paletteName,
    // each facing of the state is drawn from the character's facing of the same direction
    referenceOf: (d) => (row.supportsReference ? (own[d]?.task_id ?? undefined) : undefined),
  });
  const state = await insertCharacterState({
    characterId: row.id,
    name: input.name,
    prompt: input.prompt,
    seed: row.seed,
    status: "pending",
    facings: Object.fromEntries(
      directions.map((d, i) => [d, { task_id: tasks[i]!.id, status: "pending" }]),
    ),
    facingBatchId: batch.id,
  });
  return stateAnswer(state);
}

// ---------------------------------------------------------------------------------------------
// animate

export async function animateCharacter(
  caller: Caller,
  id: number,
  input: { action: CharacterAction; directions?: Facing[]; state_id?: number },
) {
  const row = await refreshCharacter(await ownCharacter(id, caller.user.id));
  const own = directionsOf(row);
  const wanted = [...new Set(input.directions ?? own)];
  const foreign = wanted.filter((d) => !own.includes(d));
  if (foreign.length) {
    throw new InvalidInputError(
      `direction ${foreign.join(", ")} is not one of this character's (${own.join(", ")})`,
    );
  }
  let state: CharacterStateRow | undefined;
  if (input.state_id) {
    state = (await refreshStates(row, await statesOfCharacter(row.id))).find(
      (s) => s.id === input.state_id,
    );
    if (!state) throw new NotFoundError(`State ${input.state_id} of character ${id} not found`);
  }
  const ready = state ? state.status : row.status;
  if (ready !== "completed") {
    throw new ConflictError(
      `The facings are ${ready}; animations start from finished facings`,
      ready === "failed"
        ? "re-create the character (or the state)"
        : "try again when they are done",
    );
  }
  const n = MODE_FRAME_COUNT[input.action];
  await consumeGenerationQuota(caller, n * wanted.length);
  const created = isOffline(row)
    ? await Promise.all(wanted.map((d) => animateOffline(caller, row, state, input.action, d)))
    : await animateRemote(caller, row, state, input.action, wanted);
  return { animations: created.map(animationAnswer) };
}

async function animateOffline(
  caller: Caller,
  row: CharacterRow,
  state: CharacterStateRow | undefined,
  action: CharacterAction,
  direction: Facing,
): Promise<CharacterAnimationRow> {
  const spec = specOf(row, state);
  const n = MODE_FRAME_COUNT[action];
  let drawn: Awaited<ReturnType<typeof drawAnimation>> | undefined;
  let failure: string | undefined;
  try {
    drawn = await drawAnimation(spec, action, direction, row.palette ?? undefined);
  } catch (error) {
    failure = errorText(error);
  }
  const frames: GalleryFrame[] = Array.from({ length: n }, (_, index) => {
    const f = drawn?.frames.find((x) => x.index === index);
    return f ? { index, still: f } : { index, error: failure ?? "the engine drew no frame" };
  });
  const { batch, tasks } = await storeOfflineBatch(
    caller,
    row,
    spec.prompt,
    action,
    frames,
    (i) => ({ character: { id: row.id, action, direction, frame: i } }),
  );
  const refs: FrameRef[] = tasks.map((t, index) => ({
    index,
    task_id: t.id,
    status: t.status,
    take: 0,
    identity: drawn?.frames.find((x) => x.index === index)?.identity ?? null,
    error: t.status === "failed" ? t.errorMsg : null,
  }));
  return insertAnimation({
    characterId: row.id,
    stateId: state?.id ?? null,
    action,
    direction,
    status: aggregate(refs.map((f) => f.status)),
    batchId: batch.id,
    frames: refs as unknown as Record<string, unknown>[],
    durationsMs: drawn?.durationsMs ?? null,
  });
}

function drawAnimation(
  spec: CharacterSpec,
  action: CharacterAction,
  direction: Facing,
  palette: string[] | undefined,
  o: { reroll?: Record<number, number>; only?: number[] } = {},
) {
  return runJob("characterAnimation", [spec, action, direction, { ...o, palette }]);
}

function frameText(action: CharacterAction, i: number, direction: Facing): string {
  const motion = frameInstruction(action, i) ?? SINGLE_IMAGE_STYLE;
  return `the same character as the reference image, ${FACING_TEXT[direction]}; ${motion}`;
}

async function animateRemote(
  caller: Caller,
  row: CharacterRow,
  state: CharacterStateRow | undefined,
  action: CharacterAction,
  directions: Facing[],
): Promise<CharacterAnimationRow[]> {
  const model = resolveModel(row.model, ["image"]);
  const prompt = state ? `${row.prompt}, ${state.prompt}` : row.prompt;
  checkPrompt(model, prompt);
  const facings = (state?.facings ?? row.facings) as Record<string, FacingRef>;
  const n = MODE_FRAME_COUNT[action];
  const queue = await getTaskQueue();
  const out: CharacterAnimationRow[] = [];
  for (const direction of directions) {
    const reference = row.supportsReference ? facings[direction]?.task_id : undefined;
    const { batch, tasks } = await queue.enqueueBatch(
      {
        userId: caller.user.id,
        prompt,
        mode: action,
        model: model.id,
        requestedCount: n,
        background: "transparent",
        scale: 20,
        seed: row.seed,
        palette: row.paletteName,
        // every frame, the first included, is kept inside the character's palette
        lockedPalette: row.palette?.length ? row.palette : null,
      },
      (batchId) =>
        Array.from({ length: n }, (_, i): NewTask => {
          const params: TaskParams = {
            prompt,
            background: "transparent",
            scale: 20,
            palette: row.paletteName ?? undefined,
            seed: row.seed,
            mode: action,
            frame: i,
            count: n,
            frameInstruction: frameText(action, i, direction),
            ...(reference ? { referenceTaskId: reference } : {}),
            character: { id: row.id, action, direction, frame: i },
          };
          return {
            userId: caller.user.id,
            batchId,
            batchIndex: i + 1,
            type: "image",
            model: model.id,
            provider: model.provider,
            prompt,
            promptNorm: normalizePrompt(prompt),
            background: "transparent",
            scale: 20,
            seed: row.seed,
            palette: row.paletteName,
            mode: action,
            params,
            sendEmail: false,
          };
        }),
    );
    const sorted = [...tasks].sort((a, b) => (a.batchIndex ?? 0) - (b.batchIndex ?? 0));
    out.push(
      await insertAnimation({
        characterId: row.id,
        stateId: state?.id ?? null,
        action,
        direction,
        status: "pending",
        batchId: batch.id,
        frames: sorted.map((t, index) => ({
          index,
          task_id: t.id,
          status: "pending",
          take: 0,
          identity: null,
          error: null,
        })) as unknown as Record<string, unknown>[],
        durationsMs: null,
      }),
    );
  }
  return out;
}

export async function listAnimations(id: number, userId: number) {
  const { animations } = await loadCharacter(id, userId);
  return { animations: animations.map(animationAnswer) };
}

// ---------------------------------------------------------------------------------------------
// re-roll one frame

export async function rerollFrame(caller: Caller, id: number, animationId: number, index: number) {
  const detail = await loadCharacter(id, caller.user.id);
  const { row } = detail;
  const anim = detail.animations.find((a) => a.id === animationId);
  if (!anim) throw new NotFoundError(`Animation ${animationId} of character ${id} not found`);
  const frames = anim.frames as unknown as FrameRef[];
  const frame = frames[index];
  if (!frame)
    throw new NotFoundError(
      `Frame ${index} not found (animation ${animationId} has ${frames.length})`,
    );
  if (frame.status === "pending" || frame.status === "processing")
    throw new ConflictError(`Frame ${index} is still ${frame.status}`);
  await consumeGenerationQuota(caller, 1);
  const state = anim.stateId ? detail.states.find((s) => s.id === anim.stateId) : undefined;
  const task = frame.task_id ? (await tasksOfUserByIds([frame.task_id], row.userId))[0] : undefined;
  if (!task) throw new ConflictError(`Frame ${index}'s gallery image was deleted; animate again`);
  let next: FrameRef;
  if (isOffline(row)) {
    // another take of the same pose of the same design (the engine's re-roll salt)
    const take = frame.take + 1;
    const spec = specOf(row, state);
    try {
      const drawn = await drawAnimation(
        spec,
        anim.action as CharacterAction,
        anim.direction as Facing,
        row.palette ?? undefined,
        { reroll: { [index]: take }, only: [index] },
      );
      const f = drawn.frames[0]!;
      await deleteAssetsOfTask(task.id);
      await storeStill(task, f);
      await updateTaskRow(task.id, {
        status: "completed",
        errorMsg: "",
        width: f.width,
        height: f.height,
        params: { ...(task.params as TaskParams), variant: take },
        completedAt: new Date(),
      });
      next = { ...frame, take, status: "completed", identity: f.identity, error: null };
    } catch (error) {
      next = { ...frame, take, status: "failed", identity: null, error: errorText(error) };
    }
  } else {
    const queue = await getTaskQueue();
    await queue.enqueueRerun(task.id, {
      seed: randomSeed(),
      params: { ...(task.params as TaskParams), variant: randomSeed() },
    });
    next = { ...frame, take: frame.take + 1, status: "pending", identity: null, error: null };
  }
  const updated = frames.map((f) => (f.index === index ? next : f));
  const saved = await updateAnimation(anim.id, {
    frames: updated as unknown as Record<string, unknown>[],
    status: aggregate(updated.map((f) => f.status)),
  });
  return animationAnswer(saved);
}

// ---------------------------------------------------------------------------------------------
// stills for exports

/** The 1× grids of tasks (completed ones only), by task id. */
export async function gridsOfTasks(taskIds: number[]): Promise<Map<number, RgbaImage>> {
  const files = await assetsOfTasks(taskIds);
  const store = getBlobStore();
  const out = new Map<number, RgbaImage>();
  await Promise.all(
    taskIds.map(async (id) => {
      const a =
        files.find((f) => f.taskId === id && f.kind === "logical" && f.position === 0) ??
        files.find((f) => f.taskId === id && f.kind === "image" && f.position === 0);
      if (!a) return;
      out.set(id, (await decodeLogical(await store.get(a.storageKey))).grid);
    }),
  );
  return out;
}
