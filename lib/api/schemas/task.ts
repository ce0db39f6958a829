import { z } from "zod";
import { booleanQuery, idParam } from "@/lib/api/common-schemas";
import { ASSET_KINDS } from "@/lib/db/schema";

export const taskParams = z.object({ id: idParam("id") });
export const taskFileParams = z.object({
  id: idParam("id"),
  kind: z
    .enum(ASSET_KINDS, { error: `kind must be one of ${ASSET_KINDS.join(", ")}` })
    .describe("Which file of the task: the image, its thumbnail, audio, …"),
  position: z
    .string()
    .regex(/^\d{1,3}$/, "position must be an integer")
    .transform(Number)
    .describe("0-based position among the task's files of that kind (0 = the first)."),
});
export const taskUploadParams = z.object({
  id: idParam("id"),
  position: z
    .string()
    .regex(/^\d{1,3}$/, "position must be an integer")
    .transform(Number)
    .describe("0-based position among the pictures the task was made from (0 = the first)."),
});
export const taskQuery = z.object({
  include_base64: booleanQuery("include_base64")
    .optional()
    .describe('"true" adds `image_base64`, the PNG as a data URL. Default "false".'),
});
export const patchTaskBody = z.object({
  starred: z
    .boolean({ error: "starred must be a boolean" })
    .describe("true stars the artwork (the gallery's Starred filter), false unstars it."),
});
