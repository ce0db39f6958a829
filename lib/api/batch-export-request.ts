import type { NextRequest } from "next/server";
import { parseQuery } from "@/lib/api/handler";
import { batchParams } from "@/lib/api/schemas/batch";
import { requireCaller } from "@/lib/auth/caller";
import type { Batch } from "@/lib/db/schema";
import { InvalidInputError } from "@/lib/errors";
import { completedFrames, type ExportOptions, type FrameFile } from "@/lib/tasks/batch-exports";
import { ownBatch } from "@/lib/tasks/task-access";

/**
 * The shared start of every batch export route: who (first, so a caller without a valid key
 * gets 401 whatever the path and query say), whose batch (another user's answers 404, exactly
 * like a missing one), and its finished frames.
 */
export async function batchForExport(
  req: NextRequest,
  params: { id: string },
  querySchema: Parameters<typeof parseQuery>[1],
): Promise<{ batch: Batch; frames: FrameFile[]; query: ExportOptions }> {
  const { user } = await requireCaller(req);
  const { id } = batchParams.parse(params);
  const query = parseQuery(req, querySchema) as ExportOptions;
  const batch = await ownBatch(id, user.id);
  const frames = await completedFrames(batch);
  if (frames.length === 0) throw new InvalidInputError(`Batch ${id} has no completed images yet`);
  return { batch, frames, query };
}
