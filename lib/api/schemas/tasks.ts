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
    .optional(),
  page: positiveIntString("page").optional(),
  // The pattern states the 1–100 range in the OpenAPI document (a refine would not show there).
  page_size: z
    .string()
    .regex(/^([1-9]|[1-9]\d|100)$/, "page_size must be an integer between 1 and 100")
    .transform(Number)
    .optional(),
  include_base64: booleanString("include_base64").optional(),
  // extensions for the studio's gallery
  q: z.string().max(200, "q must be at most 200 characters").optional(),
  type: z.enum(MODEL_TYPES, { error: `type must be one of ${MODEL_TYPES.join(", ")}` }).optional(),
  model: z.string().max(200).optional(),
  mode: z.string().max(20).optional(),
  starred: booleanString("starred").optional(),
  batch_id: positiveIntString("batch_id").optional(),
  before: positiveIntString("before").optional(),
  group: z
    .enum(["batch"], { error: 'group must be "batch"' })
    .optional()
    .describe(
      "batch: each batch is one row (its first frame) with `batch_frames` (id, batch_index, status, image_path, completed_at, updated_at of every frame, in order); `total` counts those rows",
    ),
});
