import { batchForExport } from "@/lib/api/batch-export-request";
import { qtHandler } from "@/lib/api/handler";
import { exportQuery } from "@/lib/api/schemas/batch";
import { batchSheet, exportBaseName, godotSpriteFrames } from "@/lib/tasks/batch-exports";

export const dynamic = "force-dynamic";

/**
 * Extension: a Godot 4 SpriteFrames resource (text .tres) with one animation per tag, its speed
 * and loop flag; it references the sheet PNG by its download name, next to the .tres.
 */
export const GET = qtHandler<{ id: string }>(async (req, { params }) => {
  const { batch, frames, query } = await batchForExport(req, params, exportQuery);
  const sheet = await batchSheet(batch, frames, query);
  return new Response(godotSpriteFrames(sheet), {
    headers: {
      "Content-Type": "text/plain; charset=utf-8",
      "Content-Disposition": `attachment; filename=${exportBaseName(batch, sheet.scale)}_sprite_frames.tres`,
    },
  });
});
