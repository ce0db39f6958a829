import { z } from "zod";
import { ARCHIVE_DEFAULT_SCALE, ARCHIVE_SCALES } from "@/lib/vocabulary";

const SCALE_MESSAGE = `scale must be one of ${ARCHIVE_SCALES.join(", ")}`;

export const archiveBody = z.object({
  task_ids: z
    .array(z.number().int().positive(), { error: "task_ids must be an array of task ids" })
    .min(1, "task_ids must not be empty")
    .max(500, "task_ids: at most 500 tasks per archive")
    .describe(
      "Ids of your finished tasks, 1–500. A frame of a batch brings its whole batch (frames, sheet, atlases).",
    ),
  scale: z
    .union(
      ARCHIVE_SCALES.map((n) => z.literal(n)),
      { error: SCALE_MESSAGE },
    )
    .default(ARCHIVE_DEFAULT_SCALE)
    .describe(
      "Output pixels per art pixel for every picture in the ZIP (1 = the logical pixel grid).",
    ),
});
