import { batchForExport } from "@/lib/api/batch-export-request";
import { qtHandler } from "@/lib/api/handler";
import { frameParams, scaleOnlyQuery } from "@/lib/api/schemas/batch";
import { NotFoundError } from "@/lib/errors";
import { batchFramePng, exportScale } from "@/lib/tasks/batch-exports";

export const dynamic = "force-dynamic";

/** Extension: one completed frame as a PNG at `scale` (1–20; default the batch's). */
export const GET = qtHandler<{ id: string; index: string }>(async (req, { params }) => {
  const { batch, frames, query } = await batchForExport(req, params, scaleOnlyQuery);
  const { id, index } = frameParams.parse(params);
  const frame = frames.find((f) => f.index === index - 1);
  if (!frame) throw new NotFoundError(`Frame ${index} of batch ${id}`);
  const scale = exportScale(batch, query.scale);
  const png = await batchFramePng(batch, frame, scale);
  return new Response(new Uint8Array(png), {
    headers: {
      "Content-Type": "image/png",
      "Content-Disposition": `attachment; filename=${batch.mode}_${index}${scale === 1 ? "_1x" : ""}.png`,
      "Cache-Control": "private, no-cache",
    },
  });
});
