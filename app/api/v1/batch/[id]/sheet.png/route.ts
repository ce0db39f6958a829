import { batchForExport } from "@/lib/api/batch-export-request";
import { qtHandler } from "@/lib/api/handler";
import { exportQuery } from "@/lib/api/schemas/batch";
import { batchSheet } from "@/lib/tasks/batch-exports";

export const dynamic = "force-dynamic";

/** Extension: the completed frames as one sprite sheet PNG (a row; walk4: 4×4, rows = directions). */
export const GET = qtHandler<{ id: string }>(async (req, { params }) => {
  const { batch, frames, query } = await batchForExport(req, params, exportQuery);
  const sheet = await batchSheet(batch, frames, query);
  return new Response(new Uint8Array(sheet.png), {
    headers: {
      "Content-Type": "image/png",
      "Content-Disposition": `attachment; filename=${sheet.imageName}`,
    },
  });
});
