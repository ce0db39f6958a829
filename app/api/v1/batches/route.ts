import { parseQuery, qtHandler } from "@/lib/api/handler";
import { json } from "@/lib/api/respond";
import { batchesQuery } from "@/lib/api/schemas/batches";
import { batchList } from "@/lib/api/schemas/responses";
import { requireCaller } from "@/lib/auth/caller";
import { listUserBatches } from "@/lib/tasks/batch-list";

export const dynamic = "force-dynamic";

/** QT Pixel API (docs/qt-pixel-api.md): GET /api/v1/batches — the caller's batches, newest first. */
export const GET = qtHandler(async (req) => {
  const { user } = await requireCaller(req);
  const { page = 1 } = parseQuery(req, batchesQuery);
  return json(batchList, await listUserBatches(user.id, page));
});
