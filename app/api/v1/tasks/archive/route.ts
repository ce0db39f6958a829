import { badRequest } from "@/lib/api/errors";
import { parseJsonBody, qtHandler } from "@/lib/api/handler";
import { archiveBody } from "@/lib/api/schemas/tasks-archive";
import { requireCaller } from "@/lib/auth/caller";
import { findAsset, getTaskForUser } from "@/lib/db/tasks";
import { zipStream } from "@/lib/pixel";
import { getBlobStore } from "@/lib/storage/blob-store";
import { streamBody } from "@/lib/tasks/batch-exports";

export const dynamic = "force-dynamic";

/** Extension: a streamed ZIP of several of the caller's images (gallery multi-select). */
export const POST = qtHandler(async (req) => {
  const { user } = await requireCaller(req);
  const { task_ids } = await parseJsonBody(req, archiveBody);
  const store = getBlobStore();
  // each entry is streamed from its object when the archive reaches it
  const entries = (
    await Promise.all(
      task_ids.map(async (id) => {
        const task = await getTaskForUser(id, user.id);
        const asset = task && (await findAsset(id, "image"));
        return asset
          ? [{ name: `pixel_${id}.png`, data: () => store.stream(asset.storageKey) }]
          : [];
      }),
    )
  ).flat();
  if (entries.length === 0) throw badRequest("None of the given tasks has a finished image");
  return new Response(streamBody(zipStream(entries)), {
    headers: {
      "Content-Type": "application/zip",
      "Content-Disposition": `attachment; filename=pixel_studio_${entries.length}_images.zip`,
    },
  });
});
