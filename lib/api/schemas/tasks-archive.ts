import { z } from "zod";

export const archiveBody = z.object({
  task_ids: z
    .array(z.number().int().positive(), { error: "task_ids must be an array of task ids" })
    .min(1, "task_ids must not be empty")
    .max(500, "task_ids: at most 500 tasks per archive"),
});
