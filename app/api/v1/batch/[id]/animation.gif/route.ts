import { batchForExport } from "@/lib/api/batch-export-request";
import { qtHandler } from "@/lib/api/handler";
import { exportQuery } from "@/lib/api/schemas/batch";
import { batchGif, exportBaseName, exportScale } from "@/lib/tasks/batch-exports";

export const dynamic = "force-dynamic";

/** Extension: the completed frames as a looping animated GIF with transparency. */
export const GET = qtHandler<{ id: string }>(async (req, { params }) => {
  const { batch, frames, query } = await batchForExport(req, params, exportQuery);
  const gif = await batchGif(batch, frames, query);
  return new Response(new Uint8Array(gif), {
    headers: {
      "Content-Type": "image/gif",
      "Content-Disposition": `attachment; filename=${exportBaseName(batch, exportScale(batch, query.scale))}.gif`,
    },
  });
});
