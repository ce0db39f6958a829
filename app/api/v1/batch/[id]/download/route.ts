import { batchForExport } from "@/lib/api/batch-export-request";
import { qtHandler } from "@/lib/api/handler";
import { exportQuery } from "@/lib/api/schemas/batch";
import { batchZip } from "@/lib/tasks/batch-exports";

export const dynamic = "force-dynamic";

/**
 * QT Pixel API (docs/qt-pixel-api.md): the completed frames as a streamed ZIP (walk_1.png …, plus sheet, atlases, Godot
 * SpriteFrames, slices and GIF). Extension: `scale` (1–20) and `fps`; the name stays the QT Pixel API's.
 */
export const GET = qtHandler<{ id: string }>(async (req, { params }) => {
  const { batch, frames, query } = await batchForExport(req, params, exportQuery);
  return new Response(batchZip(batch, frames, query), {
    headers: {
      "Content-Type": "application/zip",
      "Content-Disposition": `attachment; filename=batch_${batch.id}_${batch.mode}.zip`,
      "Cache-Control": "private, no-store",
    },
  });
});
