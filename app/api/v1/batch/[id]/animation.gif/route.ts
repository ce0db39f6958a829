import { batchForExport } from "@/lib/api/batch-export-request";
import { qtHandler } from "@/lib/api/handler";
import { exportQuery } from "@/lib/api/schemas/batch";
import { batchGif } from "@/lib/tasks/batch-exports";

export const dynamic = "force-dynamic";

/** Extension: the completed frames as a looping animated GIF with transparency. */
export const GET = qtHandler<{ id: string }>(async (req, { params }) => {
  const { batch, frames, query } = await batchForExport<{ fps?: number }>(req, params, exportQuery);
  const gif = await batchGif(frames, query.fps);
  return new Response(new Uint8Array(gif), {
    headers: {
      "Content-Type": "image/gif",
      "Content-Disposition": `attachment; filename=batch_${batch.id}_${batch.mode}.gif`,
    },
  });
});
