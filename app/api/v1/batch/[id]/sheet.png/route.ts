import { batchForExport } from "@/lib/api/batch-export-request";
import { qtHandler } from "@/lib/api/handler";
import { exportQuery } from "@/lib/api/schemas/batch";
import { batchSheet } from "@/lib/tasks/batch-exports";

export const dynamic = "force-dynamic";

/** Extension: the completed frames side by side as one sprite sheet PNG. */
export const GET = qtHandler<{ id: string }>(async (req, { params }) => {
  const { batch, frames, query } = await batchForExport<{ fps?: number }>(req, params, exportQuery);
  const sheet = await batchSheet(batch, frames, query.fps);
  return new Response(new Uint8Array(sheet.png), {
    headers: {
      "Content-Type": "image/png",
      "Content-Disposition": `attachment; filename=batch_${batch.id}_${batch.mode}_sheet.png`,
    },
  });
});
