import { z } from "zod";
import { booleanQuery, idParam } from "@/lib/api/common-schemas";

export const batchParams = z.object({ id: idParam("id") });
export const batchQuery = z.object({ include_base64: booleanQuery("include_base64").optional() });
export const exportQuery = z.object({
  fps: z
    .string()
    .regex(/^\d{1,2}$/, "fps must be an integer between 1 and 24")
    .transform(Number)
    .refine((n) => n >= 1 && n <= 24, "fps must be an integer between 1 and 24")
    .optional(),
});
export const frameParams = z.object({
  id: idParam("id"),
  index: z
    .string()
    .regex(/^[1-4]$/, "index must be a frame number between 1 and 4")
    .transform(Number),
});
