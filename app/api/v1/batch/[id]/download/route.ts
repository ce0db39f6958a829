import { z } from "zod";
import { batchForExport } from "@/lib/api/batch-export-request";
import { qtHandler } from "@/lib/api/handler";
import { batchZip } from "@/lib/tasks/batch-exports";

export const dynamic = "force-dynamic";

const noQuery = z.object({});

/** seed 000: the completed frames as a streamed ZIP (walk_1.png …, plus sheet, atlas and GIF). */
export const GET = qtHandler<{ id: string }>(async (req, { params }) => {
  const { batch, frames } = await batchForExport(req, params, noQuery);
  return new Response(batchZip(batch, frames), {
    headers: {
      "Content-Type": "application/zip",
      "Content-Disposition": `attachment; filename=batch_${batch.id}_${batch.mode}.zip`,
      "Cache-Control": "private, no-store",
    },
  });
});
