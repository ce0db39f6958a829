import type { NextRequest } from "next/server";
import { badRequest } from "@/lib/api/errors";
import { parseQuery } from "@/lib/api/handler";
import { requireCaller } from "@/lib/auth/caller";
import type { Batch } from "@/lib/db/schema";
import { completedFrames, type FrameFile } from "./batch-exports";
import { ownBatch } from "./task-access";

/** The shared start of every batch export route: who, whose batch, and its finished frames. */
export async function batchForExport<Q extends { fps?: number }>(
  req: NextRequest,
  id: number,
  querySchema: Parameters<typeof parseQuery>[1],
): Promise<{ batch: Batch; frames: FrameFile[]; query: Q }> {
  const { user } = await requireCaller(req);
  const query = parseQuery(req, querySchema) as Q;
  const batch = await ownBatch(id, user.id);
  const frames = await completedFrames(batch);
  if (frames.length === 0) throw badRequest(`Batch ${id} has no completed images yet`);
  return { batch, frames, query };
}
