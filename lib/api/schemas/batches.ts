import { z } from "zod";
import { positiveIntString } from "@/lib/api/schemas/tasks";

export const batchesQuery = z.object({
  page: positiveIntString("page").optional().describe("1-based page number. Default 1."),
});
