import { z } from "zod";
import { qtHandler } from "@/lib/api/handler";
import { batchParams } from "@/lib/api/schemas/batch";
import { batchForExport } from "@/lib/tasks/batch-export-request";
import { batchZip } from "@/lib/tasks/batch-exports";

export const dynamic = "force-dynamic";

const noQuery = z.object({});

/** seed 000: the completed frames as a streamed ZIP (walk_1.png …, plus sheet, atlas and GIF). */
export const GET = qtHandler<{ id: string }>(async (req, { params }) => {
  const { id } = batchParams.parse(params);
  const { batch, frames } = await batchForExport(req, id, noQuery);
  return new Response(batchZip(batch, frames), {
    headers: {
      "Content-Type": "application/zip",
      "Content-Disposition": `attachment; filename=batch_${batch.id}_${batch.mode}.zip`,
      "Cache-Control": "private, no-store",
    },
  });
});
