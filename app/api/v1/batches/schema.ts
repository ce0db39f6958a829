import { z } from "zod";
import { positiveIntString } from "../tasks/schema";

export const batchesQuery = z.object({ page: positiveIntString("page").optional() });
