import { parseQuery, qtHandler } from "@/lib/api/handler";
import { json } from "@/lib/api/respond";
import { batchesQuery } from "@/lib/api/schemas/batches";
import { batchList } from "@/lib/api/schemas/responses";
import { requireCaller } from "@/lib/auth/caller";
import { batchTaskCounts, framesOfBatches, listBatches } from "@/lib/db/tasks";
import { DEFAULT_PAGE_SIZE } from "@/lib/tasks/list-tasks";
import { toQtBatch, toQtBatchFrame } from "@/lib/tasks/serialize";

export const dynamic = "force-dynamic";

/** QT Pixel API (docs/qt-pixel-api.md): GET /api/v1/batches — the caller's batches, newest first. */
export const GET = qtHandler(async (req) => {
  const { user } = await requireCaller(req);
  const { page = 1 } = parseQuery(req, batchesQuery);
  const { rows, total } = await listBatches(user.id, {
    limit: DEFAULT_PAGE_SIZE,
    offset: (page - 1) * DEFAULT_PAGE_SIZE,
  });
  const ids = rows.map((b) => b.id);
  const [counts, frames] = await Promise.all([batchTaskCounts(ids), framesOfBatches(ids)]);
  return json(batchList, {
    // `frames` (extension): thumbnails and the looping preview of the batch list.
    batches: rows.map((b) => ({
      ...toQtBatch(b, counts.get(b.id)!),
      frames: (frames.get(b.id) ?? []).map(toQtBatchFrame),
    })),
    total,
    page,
    page_size: DEFAULT_PAGE_SIZE,
  });
});
