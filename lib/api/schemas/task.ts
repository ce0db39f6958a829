import { z } from "zod";
import { booleanQuery, idParam } from "@/lib/api/common-schemas";

export const taskParams = z.object({ id: idParam("id") });
export const taskQuery = z.object({ include_base64: booleanQuery("include_base64").optional() });
export const patchTaskBody = z.object({
  starred: z.boolean({ error: "starred must be a boolean" }),
});
