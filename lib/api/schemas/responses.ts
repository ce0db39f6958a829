// The JSON bodies the API answers with. Handlers build their bodies through `json(schema, body)`
// (lib/api/respond.ts), so TypeScript holds every body to its schema, and the OpenAPI document's
// response schemas are generated from these same definitions. The integration suite checks every
// answer it receives against the document (test/helpers/conformance.ts).
//
// Contracts: docs/qt-pixel-api.md (QT Pixel API) and docs/generations-api.md (generations API).
import { z } from "zod";
import { ASSET_KINDS } from "@/lib/db/schema";
import { DEFAULT_MODEL_RULE, MODEL_TYPES, TASK_STATUSES } from "@/lib/vocabulary";

const status = z.enum(TASK_STATUSES);
const isoTime = z.string().describe("ISO 8601, seconds precision, UTC (2026-01-27T12:00:00Z)");

// ---------------------------------------------------------------------------------------------
// QT Pixel API

export const qtBatchFrame = z.object({
  id: z.number().int(),
  batch_index: z.number().int().nullable(),
  status,
  image_path: z.string().nullable(),
  completed_at: isoTime.nullable(),
  updated_at: isoTime,
});

/** What the offline engine drew for a prompt (null for other models). */
export const spriteInterpretation = z.object({
  subject: z.string(),
  category: z.string().nullable(),
  builder: z.string(),
  parts: z.array(z.string()),
  modifiers: z.array(z.string()),
  not_understood: z.array(z.string()),
  ignored: z.array(z.string()),
  guesses: z.array(z.string()),
  nothing_matched: z.boolean(),
  art: z.array(
    z.object({
      set: z.string(),
      set_name: z.string(),
      icon: z.string(),
      license: z.string(),
      author: z.string(),
      url: z.string(),
      use: z.enum(["subject", "held", "worn"]),
    }),
  ),
  size: z.number().int(),
  outline: z.string(),
  shading: z.string(),
  summary: z.string(),
  /** the same line in Chinese (tasks recorded before it existed have none) */
  summary_zh: z.string().optional(),
});

export const qtTask = z.object({
  id: z.number().int(),
  prompt: z.string(),
  status,
  image_path: z.string().nullable().describe("/static/gallery/<id>.png once completed"),
  image_base64: z.string().optional().describe("data:image/png;base64,… with include_base64=true"),
  error_msg: z.string(),
  batch_id: z.number().int().nullable(),
  created_at: isoTime,
  updated_at: isoTime,
  // extensions the studio shows
  batch_index: z.number().int().nullable().optional(),
  model: z.string(),
  type: z.enum(MODEL_TYPES),
  mode: z.string().nullable(),
  seed: z.number().int().nullable(),
  scale: z.number().int(),
  background: z.string(),
  palette: z.string().nullable(),
  starred: z.boolean(),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  source_task_id: z.number().int().nullable(),
  email_status: z.string().nullable(),
  started_at: isoTime.nullable(),
  completed_at: isoTime.nullable(),
  duration_ms: z
    .number()
    .int()
    .nullable()
    .optional()
    .describe("Extension: milliseconds from submission to the finished result"),
  run_ms: z
    .number()
    .int()
    .nullable()
    .optional()
    .describe("Extension: milliseconds from a worker taking the task to the result"),
  interpretation: spriteInterpretation.nullable(),
  batch_frames: z.array(qtBatchFrame).optional().describe("only with group=batch or character"),
  character: z
    .object({ id: z.number().int(), name: z.string() })
    .optional()
    .describe("only with group=character: the character whose facings this row's batch is"),
  editor: z
    .object({
      document_id: z.number().int(),
      version: z.number().int(),
      source_task_id: z.number().int().nullable(),
      source_batch_id: z.number().int().nullable(),
      source_tileset_id: z.number().int().nullable(),
    })
    .nullable()
    .optional()
    .describe(
      "A pixel-editor save: its document (GET /api/v1/documents/{document_id}), version and source (lineage)",
    ),
});

export const taskFile = z.object({
  kind: z.enum(ASSET_KINDS),
  url: z.string(),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  content_type: z.string(),
  bytes: z.number().int(),
});

export const qtTaskDetail = qtTask.extend({
  thumb_path: z.string().nullable(),
  params: z.record(z.string(), z.unknown()).nullable(),
  files: z.array(taskFile),
});

export const generateCreated = z.object({ task_id: z.number().int(), status });

export const duplicatesFound = z.object({
  status: z.literal("duplicates_found"),
  message: z.string(),
  duplicates: z.array(qtTask.extend({ similarity: z.number().min(0).max(1) })),
});

export const generateAnswer = z.union([generateCreated, duplicatesFound]);

export const deletedAnswer = z.object({ id: z.number().int(), deleted: z.literal(true) });

export const taskList = z.object({
  tasks: z.array(qtTask),
  total: z.number().int(),
  page: z.number().int(),
  page_size: z.number().int(),
  base64_limited: z.boolean(),
  next_cursor: z.number().int().nullable(),
});

export const batchCreated = z.object({
  batch_id: z.number().int(),
  task_ids: z.array(z.number().int()),
  requested_count: z.number().int(),
  status: z.literal("pending"),
});

export const qtBatch = z.object({
  id: z.number().int(),
  prompt: z.string(),
  mode: z.string().nullable(),
  status,
  requested_count: z.number().int(),
  generated_count: z.number().int(),
  // extensions
  model: z.string(),
  seed: z.number().int().nullable(),
  scale: z.number().int(),
  background: z.string(),
  palette: z.string().nullable(),
  completed_count: z.number().int(),
  failed_count: z.number().int(),
  total_count: z.number().int(),
  created_at: isoTime.nullable(),
  updated_at: isoTime.nullable(),
});

export const batchDetail = z.object({
  batch: qtBatch,
  tasks: z.array(qtTask.extend({ thumb_path: z.string().nullable() })),
  completed_count: z.number().int(),
  failed_count: z.number().int(),
  total_count: z.number().int(),
  base64_limited: z.boolean(),
});

export const batchList = z.object({
  batches: z.array(qtBatch.extend({ frames: z.array(qtBatchFrame) })),
  total: z.number().int(),
  page: z.number().int(),
  page_size: z.number().int(),
});

export const downloadUrl = z.object({
  download_url: z.string().describe("absolute; valid without authentication until it expires"),
  expires_in: z.number().int(),
});

// ---------------------------------------------------------------------------------------------
// Generations API: every answer is wrapped in { code: "200", message: "success", data }

export const envelope = <T extends z.ZodType>(data: T) =>
  z.object({ code: z.literal("200"), message: z.literal("success"), data });

const paramSpec = z.object({
  type: z.string(),
  min: z.number().optional(),
  max: z.number().optional(),
  default: z.unknown().optional(),
  enum: z.array(z.union([z.string(), z.number()])).optional(),
  description: z.string().optional(),
});

export const catalogueModel = z.object({
  id: z.string().describe("provider/model_key"),
  name: z.string(),
  type: z.enum(MODEL_TYPES),
  provider: z.string(),
  model_key: z.string(),
  is_default: z.boolean().describe(DEFAULT_MODEL_RULE),
  enabled: z.boolean(),
  capabilities: z.record(z.string(), z.unknown()).optional(),
  resolutions: z.record(z.string(), z.record(z.string(), z.string())).optional(),
  durations: z.record(z.string(), z.string()).optional(),
  voices: z
    .array(z.object({ id: z.string(), name: z.string(), language: z.string().optional() }))
    .optional(),
  params: z.record(z.string(), paramSpec).optional(),
  max_prompt_chars: z.number().int().optional(),
  missing_env: z.array(z.string()),
  disabled_reason: z.string().nullable(),
  names: z
    .object({ en: z.string(), zh: z.string() })
    .describe("Extension: the display name in each interface language"),
  supports_negative_prompt: z
    .boolean()
    .describe("Extension: whether the model uses `negative_prompt` / `negativePrompt`"),
});

export const modelsAnswer = envelope(
  z.record(z.enum(MODEL_TYPES), z.record(z.string(), catalogueModel)),
);

export const generationCreated = envelope(z.object({ task_id: z.string().describe("task_<n>") }));

const resultFile = z.object({
  url: z.string(),
  width: z.number().int().nullable().optional(),
  height: z.number().int().nullable().optional(),
  content_type: z.string().optional(),
});

export const pixelTask = z.object({
  id: z.string(),
  type: z.enum(MODEL_TYPES),
  status,
  model: z.string(),
  params: z.unknown(),
  result: z.record(z.string(), z.array(resultFile)),
  error: z.string().nullable(),
  progress: z
    .number()
    .int()
    .min(0)
    .max(100)
    .nullable()
    .describe("whole percent 0–100 (100 once completed); null until the provider reports any"),
  interpretation: spriteInterpretation.nullable(),
  created_at: isoTime.nullable(),
  updated_at: isoTime.nullable(),
});

export const pixelTaskAnswer = envelope(pixelTask);

// ---------------------------------------------------------------------------------------------
// Studio extensions and account

export const operationCreated = z.object({
  task_id: z.number().int(),
  status,
  source_task_id: z.number().int(),
});

export const frameRegenerated = z.object({
  task_id: z.number().int(),
  batch_id: z.number().int(),
  batch_index: z.number().int(),
  status,
});

export const sheetAtlas = z.object({
  frames: z.record(z.string(), z.unknown()).describe("Aseprite frames by file name"),
  animations: z.record(z.string(), z.array(z.string())).describe("frame names per tag (PixiJS)"),
  meta: z.unknown().describe("Aseprite meta: size, scale, frameTags"),
});

export const providerList = z.object({
  providers: z.array(
    z.object({
      id: z.string(),
      displayName: z.string(),
      configured: z.boolean(),
      required_env: z.array(z.string()),
      missing_env: z.array(z.string()),
      base_url: z.string().optional(),
      concurrency: z.number().int(),
      poll_interval_ms: z.number(),
      models: z.array(
        z.object({
          id: z.string(),
          name: z.string(),
          type: z.enum(MODEL_TYPES),
          enabled: z.boolean(),
          is_default: z.boolean(),
        }),
      ),
    }),
  ),
});

export const providerTestAnswer = z.object({ ok: z.boolean(), message: z.string() });

export const meAnswer = z.object({
  id: z.number().int(),
  email: z.string(),
  name: z.string().nullable(),
  role: z.enum(["admin", "user"]),
  via: z.enum(["api_key", "session"]),
});

export const publicApiKey = z.object({
  id: z.number().int(),
  name: z.string(),
  prefix: z.string(),
  last4: z.string(),
  created_at: z.string(),
  last_used_at: z.string().nullable(),
  revoked_at: z.string().nullable(),
  revoked: z.boolean(),
});

export const keyList = z.object({ keys: z.array(publicApiKey) });
export const keyCreated = publicApiKey.extend({ key: z.string().describe("shown this once") });
export const keyRevoked = z.object({ id: z.number().int(), revoked: z.literal(true) });
export const keyRemoved = z.object({ id: z.number().int(), removed: z.literal(true) });

export const openApiDocument = z.looseObject({ openapi: z.string(), paths: z.looseObject({}) });
