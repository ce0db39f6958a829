import { z } from "zod";
import { MODEL_TYPES, TASK_STATUSES } from "@/lib/vocabulary";

export const booleanString = (field: string) =>
  z.enum(["true", "false"], { error: `${field} must be "true" or "false"` });

export const positiveIntString = (field: string) =>
  z
    .string()
    .regex(/^[1-9]\d{0,15}$/, `${field} must be a positive integer`)
    .transform(Number)
    .refine((n) => Number.isSafeInteger(n) && n >= 1, `${field} must be a positive integer`);

export const listTasksQuery = z.object({
  status: z
    .enum(TASK_STATUSES, { error: `status must be one of ${TASK_STATUSES.join(", ")}` })
    .optional()
    .describe("Only tasks with this status. Default: all."),
  page: positiveIntString("page").optional().describe("1-based page number. Default 1."),
  // The pattern states the 1–100 range in the OpenAPI document (a refine would not show there).
  page_size: z
    .string()
    .regex(/^([1-9]|[1-9]\d|100)$/, "page_size must be an integer between 1 and 100")
    .transform(Number)
    .optional()
    .describe("Tasks per page, 1–100. Default 20."),
  include_base64: booleanString("include_base64")
    .optional()
    .describe('"true" adds `image_base64` to at most 10 tasks. Default "false".'),
  // extensions for the studio's gallery
  q: z
    .string()
    .max(200, "q must be at most 200 characters")
    .optional()
    .describe("Search words, up to 200 characters: each must start a word of the prompt."),
  type: z
    .enum(MODEL_TYPES, { error: `type must be one of ${MODEL_TYPES.join(", ")}` })
    .optional()
    .describe("Only tasks of this model type. Default: all."),
  model: z.string().max(200).optional().describe("Only tasks of this model id. Default: all."),
  mode: z.string().max(20).optional().describe("Only tasks of this sprite mode. Default: all."),
  starred: booleanString("starred").optional().describe('"true": only starred tasks.'),
  batch_id: positiveIntString("batch_id").optional().describe("Only the frames of this batch."),
  before: positiveIntString("before")
    .optional()
    .describe("Cursor: only tasks with a smaller id (the previous answer's `next_cursor`)."),
  group: z
    .enum(["batch", "character"], { error: 'group must be "batch" or "character"' })
    .optional()
    .describe(
      "batch: each batch is one row (its first frame) with `batch_frames` (id, batch_index, status, image_path, completed_at, updated_at of every frame, in order); `total` counts those rows. character: the same, and each character is one row too: its facings batch, carrying `character` (id, name); its animations and states are on the character's page and left out",
    ),
});
