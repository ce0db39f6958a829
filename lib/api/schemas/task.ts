import { z } from "zod";
import { booleanQuery, idParam } from "@/lib/api/common-schemas";
import { ASSET_KINDS } from "@/lib/db/schema";

export const taskParams = z.object({ id: idParam("id") });
export const taskFileParams = z.object({
  id: idParam("id"),
  kind: z.enum(ASSET_KINDS, { error: `kind must be one of ${ASSET_KINDS.join(", ")}` }),
  position: z
    .string()
    .regex(/^\d{1,3}$/, "position must be an integer")
    .transform(Number),
});
export const taskQuery = z.object({ include_base64: booleanQuery("include_base64").optional() });
export const patchTaskBody = z.object({
  starred: z.boolean({ error: "starred must be a boolean" }),
});
