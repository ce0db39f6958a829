// Shapes of the /api/v1 answers the studio UI reads (see app/api/v1/openapi.json).
import type { QtTask } from "@/lib/tasks/serialize";

export type TaskStatus = "pending" | "processing" | "completed" | "failed";
export type Background = "transparent" | "white";
export type SpriteMode = "walk" | "idle" | "attack" | "directions" | "variations" | "random";
export type ModelType = "image" | "video" | "audio" | "llm" | "operation";

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
}

export type ModelsByType = Partial<Record<ModelType, Record<string, Model>>>;

export interface GenerateBody {
  prompt: string;
  background?: Background;
  force?: boolean;
  scale?: number;
  model?: string;
  seed?: number;
  palette?: string;
  negative_prompt?: string;
  resolution?: string;
  aspect_ratio?: string;
}

export interface BatchBody extends GenerateBody {
  mode?: SpriteMode;
  count?: number;
  variations?: boolean;
}

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
}

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
  models: (Model | string)[];
}

export interface Me {
  id: number;
  email: string;
  role: "admin" | "user";
}

export const SPRITE_MODE_FRAMES: Record<SpriteMode, number | null> = {
  walk: 4,
  idle: 2,
  attack: 3,
  directions: 4,
  variations: null,
  random: null,
};

export const NAMED_PALETTES = ["pico-8", "nes", "gameboy", "endesga-32", "db16", "db32"] as const;
