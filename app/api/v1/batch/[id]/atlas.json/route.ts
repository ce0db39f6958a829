import { batchForExport } from "@/lib/api/batch-export-request";
import { qtHandler } from "@/lib/api/handler";
import { exportQuery } from "@/lib/api/schemas/batch";
import { batchSheet, exportBaseName } from "@/lib/tasks/batch-exports";

export const dynamic = "force-dynamic";

/**
 * Extension: the sheet's atlas with readable frame names (`walk_1`, `down_left`, `walk_up_3`)
 * and `animations` per tag, for lookups by name (Phaser load.atlas + frame names, PixiJS).
 */
export const GET = qtHandler<{ id: string }>(async (req, { params }) => {
  const { batch, frames, query } = await batchForExport(req, params, exportQuery);
  const sheet = await batchSheet(batch, frames, query);
  return Response.json(sheet.namedAtlas, {
    headers: {
      "Content-Disposition": `attachment; filename=${exportBaseName(batch, sheet.scale)}_atlas.json`,
    },
  });
});
