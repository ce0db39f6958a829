// Shapes of the /api/v1 requests and answers the studio UI uses (see app/api/v1/openapi.json).
// Request bodies are the route schemas' own input types, so the UI cannot drift from the server.
import type { z } from "zod";
import type { batchGenerateBody } from "@/lib/api/schemas/batch-generate";
import type { generateBody } from "@/lib/api/schemas/generate";
import type { createPaletteBody, paletteAnswer } from "@/lib/api/schemas/palettes";
import type { archiveBody } from "@/lib/api/schemas/tasks-archive";
import type { createTilesetBody } from "@/lib/api/schemas/tilesets";
import type { Locale } from "@/lib/i18n";
import type { QtBatchFrame, QtTask } from "@/lib/tasks/serialize";
import type { toTileset } from "@/lib/tilesets/tilesets";
import type { ModelType, SpriteMode, TaskStatus } from "@/lib/vocabulary";

export interface TaskFile {
  kind: string;
  url: string;
  width: number | null;
  height: number | null;
  content_type?: string | null;
}

/** A task as the QT Pixel API serialises it (one definition, shared with the server). */
export type Task = Omit<QtTask, "image_base64"> & {
  image_base64?: string;
  thumb_path?: string | null;
  params?: Record<string, unknown> | null;
  files?: TaskFile[];
};

export interface TaskList {
  tasks: Task[];
  total: number;
  page: number;
  page_size: number;
  base64_limited: boolean;
  next_cursor: number | null;
}

export interface ParamSpec {
  type: "integer" | "number" | "string" | "boolean" | string;
  min?: number;
  max?: number;
  default?: unknown;
  enum?: (string | number)[];
  description?: string;
}

export interface Model {
  id: string;
  name: string;
  type: ModelType;
  provider: string;
  model_key: string;
  is_default: boolean;
  enabled: boolean;
  capabilities?: Record<string, unknown>;
  resolutions?: Record<string, Record<string, string>>;
  durations?: Record<string, string>;
  voices?: { id: string; name: string; language?: string }[];
  params?: Record<string, ParamSpec>;
  missing_env?: string[];
  disabled_reason?: string | null;
  /** extension: display name per interface language */
  names?: Partial<Record<Locale, string>>;
  /** extension: whether the model uses a negative prompt */
  supports_negative_prompt?: boolean;
}

export type ModelsByType = Partial<Record<ModelType, Record<string, Model>>>;

export type GenerateBody = z.input<typeof generateBody>;
export type BatchBody = z.input<typeof batchGenerateBody>;
export type Palette = z.infer<typeof paletteAnswer>;
export type CreatePaletteBody = z.input<typeof createPaletteBody>;

export interface Duplicates {
  status: "duplicates_found";
  message: string;
  duplicates: Task[];
}

export type GenerateAnswer = { task_id: number; status: "pending" } | Duplicates;
export type BatchAnswer =
  | { batch_id: number; task_ids: number[]; requested_count: number; status: "pending" }
  | Duplicates;

export interface Batch {
  id: number;
  prompt: string;
  mode: SpriteMode | string | null;
  status: TaskStatus;
  requested_count: number;
  generated_count: number;
  model?: string;
  seed?: number | null;
  scale?: number;
  background?: string;
  palette?: string | null;
  created_at?: string | null;
  /** In the batches list: every frame, in order (thumbnails and the looping preview). */
  frames?: BatchFrame[];
}

export type BatchFrame = QtBatchFrame;

export interface BatchDetail {
  batch: Batch;
  tasks: Task[];
  completed_count: number;
  failed_count: number;
  total_count: number;
  base64_limited: boolean;
}

export interface BatchList {
  batches: Batch[];
  total: number;
  page: number;
  page_size: number;
}

export interface ApiKeyRow {
  id: number;
  name: string;
  prefix: string;
  last4: string;
  created_at: string;
  last_used_at: string | null;
  revoked: boolean;
}

export interface Provider {
  id: string;
  displayName: string;
  configured: boolean;
  missing_env: string[];
  base_url?: string;
  self_hosted?: boolean;
  models: (Model | string)[];
}

export interface Me {
  id: number;
  email: string;
  role: "admin" | "user";
}

/** A terrain tileset as GET /api/v1/tilesets/:id answers (one definition, shared with the server). */
export type Tileset = ReturnType<typeof toTileset>;
export type TilesetBody = z.input<typeof createTilesetBody>;
export type ArchiveBody = z.input<typeof archiveBody>;
