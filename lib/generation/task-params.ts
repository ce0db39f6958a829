import type { PixelizeReport } from "@/lib/pixel/pixelize";
import type { SpriteInterpretation } from "@/lib/pixel/sprite/interpretation";

// What a task row's `params` column holds: the caller's request as given (generations API (docs/generations-api.md) returns it as
// `params`), plus what the worker needs to reproduce the work. One shape for both API families.
import type { Background } from "@/lib/vocabulary";

export interface TaskParams {
  prompt: string;
  negativePrompt?: string;
  resolution?: string;
  aspectRatio?: string;
  n?: number;
  imageInputs?: string[];
  extraParams?: Record<string, unknown>;
  duration?: string;
  voice?: string;
  speed?: number;
  projectId?: string;
  source?: string;
  sourceId?: string;
  // pixel-art settings (QT Pixel API (docs/qt-pixel-api.md) and the studio)
  background?: Background;
  scale?: number;
  palette?: string;
  seed?: number;
  mode?: string;
  /** 0-based frame of a sprite batch and the batch's frame count */
  frame?: number;
  count?: number;
  /** per-frame instruction for remote models ("left foot forward") */
  frameInstruction?: string;
  /** offline engine drawing options (extensions of both generate routes) */
  size?: number;
  outline?: string;
  shading?: string;
  /** what the offline engine drew (lib/pixel/sprite/interpretation.ts); local image tasks only */
  interpretation?: SpriteInterpretation;
  /** what grid recovery found when the image was pixelized (remote outputs, local/pixelize) */
  pixelize?: PixelizeReport;
  /** a character's frame (#19): the gallery task of its canonical facing, the reference image */
  referenceTaskId?: number;
  /** pictures the task is made from, stored when it was created (lib/generation/uploads.ts); the
   * frames of an animated upload share one */
  uploads?: TaskUpload[];
  /** parameters of an operation model (factor, color_count, fit, …) */
  operationParams?: Record<string, unknown>;
  [key: string]: unknown;
}

export interface TaskUpload {
  /** storage key (uploads/u<user>/<uuid>.<ext>) */
  key: string;
  contentType: string;
}

export function readTaskParams(raw: unknown): TaskParams {
  return (raw && typeof raw === "object" ? raw : { prompt: "" }) as TaskParams;
}

/** The stored uploads a task was made from, in order (none for most tasks). */
export function uploadsOf(task: { params?: unknown }): TaskUpload[] {
  const uploads = readTaskParams(task.params).uploads;
  return Array.isArray(uploads)
    ? uploads.filter((u): u is TaskUpload => typeof u?.key === "string")
    : [];
}
