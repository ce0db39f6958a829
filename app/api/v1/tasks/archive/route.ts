import { parseJsonBody, qtHandler } from "@/lib/api/handler";
import { archiveBody } from "@/lib/api/schemas/tasks-archive";
import { requireCaller } from "@/lib/auth/caller";
import { zipStream } from "@/lib/pixel";
import { buildArchive } from "@/lib/tasks/archive";
import { streamBody } from "@/lib/tasks/batch-exports";

export const dynamic = "force-dynamic";

/**
 * Extension: a streamed ZIP of several of the caller's artworks (gallery multi-select): one
 * folder per item named from its prompt, batches with their sheet and atlases, one scale, and
 * manifest.json.
 */
export const POST = qtHandler(async (req) => {
  const { user } = await requireCaller(req);
  const { task_ids, scale } = await parseJsonBody(req, archiveBody);
  const archive = await buildArchive(user.id, task_ids, scale);
  return new Response(streamBody(zipStream(archive.entries)), {
    headers: {
      "Content-Type": "application/zip",
      "Content-Disposition": `attachment; filename=${archive.fileName}`,
      "Cache-Control": "private, no-store",
    },
  });
});
