// How a task row looks in each public API. Both read the same row.
import { type JsonText, jsonTextOf } from "@/lib/api/respond";
import { isoSeconds } from "@/lib/api/time";
import type { Asset, Batch, Task } from "@/lib/db/schema";
import type { SpriteInterpretation } from "@/lib/pixel/sprite/interpretation";

/** QT Pixel API (docs/qt-pixel-api.md): `/static/gallery/<id>.png`, set once the image exists. */
export function imagePath(task: Pick<Task, "id" | "status" | "type">): string | null {
  return task.status === "completed" && (task.type === "image" || task.type === "operation")
    ? `/static/gallery/${task.id}.png`
    : null;
}

export interface QtTask {
  id: number;
  prompt: string;
  status: Task["status"];
  image_path: string | null;
  image_base64?: string;
  error_msg: string;
  batch_id: number | null;
  created_at: string;
  updated_at: string;
  // documented extensions (OpenAPI): what the studio UI shows
  batch_index?: number | null;
  model: string;
  type: Task["type"];
  mode: string | null;
  seed: number | null;
  scale: number;
  background: string;
  palette: string | null;
  starred: boolean;
  width: number | null;
  height: number | null;
  source_task_id: number | null;
  email_status: string | null;
  started_at: string | null;
  completed_at: string | null;
  /**
   * Milliseconds from submission to the finished result (what the person waited), and from a
   * worker taking it to the result; null until done. The ISO times above are whole seconds (as
   * the contracts show them), too coarse to subtract for sub-second work.
   */
  duration_ms: number | null;
  run_ms: number | null;
  /** offline engine: what it drew (subject, parts, modifiers, words not understood, borrowed art) */
  interpretation: SpriteInterpretation | null;
  /** Only in lists asked for with group=batch or character: the batch's frames, in order. */
  batch_frames?: QtBatchFrame[];
  /** Only in lists asked for with group=character: the character these frames are the facings of. */
  character?: { id: number; name: string };
  /** A save of the pixel editor: its document, version and what the document was opened from. */
  editor: EditorLineage | null;
}

export interface EditorLineage {
  document_id: number;
  version: number;
  source_task_id: number | null;
  source_batch_id: number | null;
  source_tileset_id: number | null;
}

/** The editor lineage recorded with a gallery task a document save made (null for others). */
export function editorLineageOf(task: Pick<Task, "params">): EditorLineage | null {
  const e = (task.params as { editor?: Record<string, unknown> } | null)?.editor;
  if (!e || typeof e.document_id !== "number") return null;
  const id = (v: unknown) => (typeof v === "number" ? v : null);
  return {
    document_id: e.document_id,
    version: Number(e.version),
    source_task_id: id(e.source_task_id),
    source_batch_id: id(e.source_batch_id),
    source_tileset_id: id(e.source_tileset_id),
  };
}

/** The interpretation recorded with a local sprite task (null for other models). */
export function taskInterpretation(task: Pick<Task, "params">): SpriteInterpretation | null {
  const p = task.params as { interpretation?: SpriteInterpretation } | null;
  return p?.interpretation ?? null;
}

/**
 * A task's params as the APIs answer them: the interpretation is answered once, as its own
 * field (taskInterpretation), not a second time inside params.
 */
export function answeredParams(task: Pick<Task, "params">): Record<string, unknown> | null {
  if (task.params === null) return null;
  const { interpretation: _drawn, ...params } = task.params as Record<string, unknown>;
  return params;
}

/** A frame of a batch as the gallery card and the batch list show it. */
export interface QtBatchFrame {
  id: number;
  batch_index: number | null;
  status: Task["status"];
  image_path: string | null;
  completed_at: string | null;
  updated_at: string;
}

export function toQtBatchFrame(
  f: Pick<Task, "id" | "batchIndex" | "status" | "type" | "completedAt" | "updatedAt">,
): QtBatchFrame {
  return {
    id: f.id,
    batch_index: f.batchIndex,
    status: f.status,
    image_path: imagePath(f),
    completed_at: isoSeconds(f.completedAt),
    updated_at: isoSeconds(f.updatedAt)!,
  };
}

export function toQtTask(task: Task, imageBase64?: string): QtTask {
  const out: QtTask = {
    id: task.id,
    prompt: task.prompt,
    status: task.status,
    image_path: imagePath(task),
    error_msg: task.errorMsg,
    batch_id: task.batchId,
    created_at: isoSeconds(task.createdAt)!,
    updated_at: isoSeconds(task.updatedAt)!,
    batch_index: task.batchIndex,
    model: task.model,
    type: task.type,
    mode: task.mode,
    seed: task.seed,
    scale: task.scale,
    background: task.background,
    palette: task.palette,
    starred: task.starred,
    width: task.width,
    height: task.height,
    source_task_id: task.sourceTaskId,
    email_status: task.emailStatus,
    started_at: isoSeconds(task.startedAt),
    completed_at: isoSeconds(task.completedAt),
    duration_ms: elapsedMs(task.createdAt, task.completedAt),
    run_ms: elapsedMs(task.startedAt, task.completedAt),
    interpretation: taskInterpretation(task),
    editor: editorLineageOf(task),
  };
  if (imageBase64 !== undefined) out.image_base64 = imageBase64;
  return out;
}

// A task's answer depends on its row alone (and, for the generations API, its files and the
// origin). The database layer hands back the same frozen objects while their rows are unchanged
// (lib/db/row-mapper.ts), so the answer's text is kept with the object it was made from: the list
// and a polled task answer the same rows again and again. Objects that are not frozen (made for
// one request, or still changeable) are serialised every time.
const qtTexts = new WeakMap<Task, JsonText<QtTask>>();

/** JSON.stringify(toQtTask(task)), kept with a frozen task. */
export function qtTaskText(task: Task): JsonText<QtTask> {
  let text = qtTexts.get(task);
  if (text === undefined) {
    text = jsonTextOf(toQtTask(task));
    if (Object.isFrozen(task)) qtTexts.set(task, text);
  }
  return text;
}

export type PixelTask = ReturnType<typeof toPixelTask>;

const pixelTexts = new WeakMap<
  Task,
  { files: Asset[]; origin: string; text: JsonText<PixelTask> }
>();

/** JSON.stringify(toPixelTask(task, files, origin)), kept with a frozen task and frozen files. */
export function pixelTaskText(task: Task, files: Asset[], origin: string): JsonText<PixelTask> {
  const kept = pixelTexts.get(task);
  if (
    kept &&
    kept.origin === origin &&
    kept.files.length === files.length &&
    kept.files.every((f, i) => f === files[i])
  ) {
    return kept.text;
  }
  const text = jsonTextOf(toPixelTask(task, files, origin));
  if (Object.isFrozen(task) && files.every((f) => Object.isFrozen(f))) {
    pixelTexts.set(task, { files, origin, text });
  }
  return text;
}

function elapsedMs(from: Date | null, to: Date | null): number | null {
  if (!from || !to) return null;
  const ms = to.getTime() - from.getTime();
  return ms >= 0 ? ms : null;
}

export function batchStatus(counts: {
  pending: number;
  processing: number;
  completed: number;
  failed: number;
  total: number;
}): Task["status"] {
  if (counts.total === 0) return "pending";
  if (counts.completed + counts.failed === counts.total) {
    return counts.completed > 0 ? "completed" : "failed";
  }
  return counts.processing > 0 || counts.completed + counts.failed > 0 ? "processing" : "pending";
}

export function toQtBatch(
  batch: Batch,
  counts: { pending: number; processing: number; completed: number; failed: number; total: number },
) {
  return {
    id: batch.id,
    prompt: batch.prompt,
    mode: batch.mode,
    status: batchStatus(counts),
    requested_count: batch.requestedCount,
    generated_count: counts.completed,
    // extensions
    model: batch.model,
    seed: batch.seed,
    scale: batch.scale,
    background: batch.background,
    palette: batch.palette,
    completed_count: counts.completed,
    failed_count: counts.failed,
    total_count: counts.total,
    created_at: isoSeconds(batch.createdAt),
    updated_at: isoSeconds(batch.updatedAt),
  };
}

const PUBLIC_TASK_PREFIX = "task_";

/** generations API (docs/generations-api.md) returns string ids like "task_abc123"; ours are "task_<row id>". */
export function toPublicTaskId(id: number): string {
  return `${PUBLIC_TASK_PREFIX}${id}`;
}

export function parsePublicTaskId(raw: string): number | undefined {
  const digits = raw.startsWith(PUBLIC_TASK_PREFIX) ? raw.slice(PUBLIC_TASK_PREFIX.length) : raw;
  if (!/^[1-9]\d{0,15}$/.test(digits)) return undefined;
  const n = Number(digits);
  return Number.isSafeInteger(n) ? n : undefined;
}

export function assetUrl(asset: Asset): string {
  if (asset.kind === "image" && asset.position === 0) return `/static/gallery/${asset.taskId}.png`;
  return `/api/v1/task/${asset.taskId}/files/${asset.kind}/${asset.position}`;
}

/** generations API task shape. */
/** generations API `result` keys per stored file kind, and what each entry describes. */
const RESULT_KEYS: [Asset["kind"], string, "sized" | "typed" | "plain"][] = [
  ["image", "images", "sized"],
  ["video", "videos", "sized"],
  ["audio", "audios", "typed"],
  ["vector", "vectors", "plain"],
  ["grid", "grids", "sized"],
  ["original", "originals", "sized"],
  ["text", "texts", "plain"],
];

export function toPixelTask(task: Task, files: Asset[], origin: string) {
  const result: Record<
    string,
    { url: string; width?: number | null; height?: number | null; content_type?: string }[]
  > = {};
  if (task.status === "completed") {
    for (const [kind, key, shape] of RESULT_KEYS) {
      const ofKind = files.filter((f) => f.kind === kind);
      if (ofKind.length === 0) continue;
      result[key] = ofKind.map((a) => {
        const url = new URL(assetUrl(a), origin).toString();
        if (shape === "sized") return { url, width: a.width, height: a.height };
        if (shape === "typed") return { url, content_type: a.contentType };
        return { url };
      });
    }
  }
  return {
    id: toPublicTaskId(task.id),
    type: task.type,
    status: task.status,
    model: task.model,
    params: answeredParams(task),
    result,
    error: task.errorMsg || null,
    progress: task.progress,
    // extension: what the offline engine drew
    interpretation: taskInterpretation(task),
    created_at: isoSeconds(task.createdAt),
    updated_at: isoSeconds(task.updatedAt),
  };
}
