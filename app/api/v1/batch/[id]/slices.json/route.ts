import { batchForExport } from "@/lib/api/batch-export-request";
import { qtHandler } from "@/lib/api/handler";
import { exportQuery } from "@/lib/api/schemas/batch";
import { batchSheet, exportBaseName, sliceManifest } from "@/lib/tasks/batch-exports";

export const dynamic = "force-dynamic";

/** Extension: plain slicing rectangles of the sheet (top-left and Unity bottom-left origin). */
export const GET = qtHandler<{ id: string }>(async (req, { params }) => {
  const { batch, frames, query } = await batchForExport(req, params, exportQuery);
  const sheet = await batchSheet(batch, frames, query);
  return Response.json(sliceManifest(sheet), {
    headers: {
      "Content-Disposition": `attachment; filename=${exportBaseName(batch, sheet.scale)}_slices.json`,
    },
  });
});
