import { batchForExport } from "@/lib/api/batch-export-request";
import { qtHandler } from "@/lib/api/handler";
import { exportQuery } from "@/lib/api/schemas/batch";
import { batchSheet } from "@/lib/tasks/batch-exports";

export const dynamic = "force-dynamic";

/** Extension: the Aseprite-style JSON atlas of the sprite sheet (frames, durations, frameTags). */
export const GET = qtHandler<{ id: string }>(async (req, { params }) => {
  const { batch, frames, query } = await batchForExport<{ fps?: number }>(req, params, exportQuery);
  const sheet = await batchSheet(batch, frames, query.fps);
  return Response.json(sheet.atlas, {
    headers: {
      "Content-Disposition": `attachment; filename=batch_${batch.id}_${batch.mode}_sheet.json`,
    },
  });
});
