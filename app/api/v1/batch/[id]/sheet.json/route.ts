import { batchForExport } from "@/lib/api/batch-export-request";
import { qtHandler } from "@/lib/api/handler";
import { json } from "@/lib/api/respond";
import { exportQuery } from "@/lib/api/schemas/batch";
import { sheetAtlas } from "@/lib/api/schemas/responses";
import { batchSheet, exportBaseName } from "@/lib/tasks/batch-exports";

export const dynamic = "force-dynamic";

/**
 * Extension: Aseprite JSON of the sprite sheet (hash form, frames keyed "0"…, frameTags per
 * animation/direction, durations from the mode or `fps`): loads with Phaser 3's load.aseprite +
 * anims.createFromAseprite, Phaser's load.atlas, and PixiJS' Spritesheet (its `animations`).
 */
export const GET = qtHandler<{ id: string }>(async (req, { params }) => {
  const { batch, frames, query } = await batchForExport(req, params, exportQuery);
  const sheet = await batchSheet(batch, frames, query);
  return json(sheetAtlas, sheet.atlas, {
    headers: {
      "Content-Disposition": `attachment; filename=${exportBaseName(batch, sheet.scale)}_sheet.json`,
    },
  });
});
