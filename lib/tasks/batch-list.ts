// One page of a user's batches with their frames: GET /api/v1/batches and the /batches page's
// first render (so the page arrives with its list instead of "Loading…").
import { batchTaskCounts, framesOfBatches, listBatches } from "@/lib/db/tasks";
import { DEFAULT_PAGE_SIZE } from "./list-tasks";
import { toQtBatch, toQtBatchFrame } from "./serialize";

export async function listUserBatches(userId: number, page = 1) {
  const { rows, total } = await listBatches(userId, {
    limit: DEFAULT_PAGE_SIZE,
    offset: (page - 1) * DEFAULT_PAGE_SIZE,
  });
  const ids = rows.map((b) => b.id);
  const [counts, frames] = await Promise.all([batchTaskCounts(ids), framesOfBatches(ids)]);
  return {
    // `frames` (extension): thumbnails and the looping preview of the batch list.
    batches: rows.map((b) => ({
      ...toQtBatch(b, counts.get(b.id)!),
      frames: (frames.get(b.id) ?? []).map(toQtBatchFrame),
    })),
    total,
    page,
    page_size: DEFAULT_PAGE_SIZE,
  };
}
