import { z } from "zod";
import { modelIdField } from "@/lib/api/common-schemas";

export const operationBody = z.object({
  model: modelIdField,
  params: z
    .record(z.string(), z.union([z.number(), z.string(), z.boolean()]))
    .default({})
    .describe(
      "The operation's parameters (GET /api/v1/models `params` of that model lists each with its limits and default). Default {}.",
    ),
});
