import { z } from "zod";
import { booleanQuery, idParam } from "@/lib/api/common-schemas";
import { MAX_BATCH_FRAMES } from "@/lib/vocabulary";

export const batchParams = z.object({ id: idParam("id", "The batch id (batch_id)") });
export const batchQuery = z.object({
  include_base64: booleanQuery("include_base64")
    .optional()
    .describe('"true" adds each frame\'s PNG as a data URL. Default "false".'),
});
const fpsQuery = z
  .string()
  .regex(/^([1-9]|1\d|2[0-4])$/, "fps must be an integer between 1 and 24")
  .transform(Number)
  .refine((n) => n >= 1 && n <= 24, "fps must be an integer between 1 and 24")
  .optional()
  .describe("Frames per second (1–24): every frame lasts 1000/fps ms. Default: the mode's timing.");
/** Export scale: sheet pixels per logical pixel (1 = the true pixel grid); default the batch's. */
const scaleQuery = z
  .string()
  .regex(/^([1-9]|1\d|20)$/, "scale must be an integer between 1 and 20")
  .transform(Number)
  .refine((n) => n >= 1 && n <= 20, "scale must be an integer between 1 and 20")
  .optional()
  .describe(
    "Output pixels per art pixel (1–20); 1 = the logical pixel grid. Default: the batch's scale.",
  );
export const exportQuery = z.object({ fps: fpsQuery, scale: scaleQuery });
export const scaleOnlyQuery = z.object({ scale: scaleQuery });
export const frameParams = z.object({
  id: idParam("id", "The batch id (batch_id)"),
  index: z
    .string()
    .regex(/^\d{1,2}$/, `index must be a frame number between 1 and ${MAX_BATCH_FRAMES}`)
    .transform(Number)
    .refine(
      (n) => n >= 1 && n <= MAX_BATCH_FRAMES,
      `index must be a frame number between 1 and ${MAX_BATCH_FRAMES}`,
    )
    .describe(`1-based frame number, 1–${MAX_BATCH_FRAMES}`),
});
