import { z } from "zod";
import { idParam } from "@/lib/api/common-schemas";
import { notFound } from "@/lib/api/errors";
import { qtHandler } from "@/lib/api/handler";
import { requireCaller } from "@/lib/auth/caller";
import { ASSET_KINDS } from "@/lib/db/schema";
import { findAsset } from "@/lib/db/tasks";
import { getBlobStore } from "@/lib/storage/blob-store";
import { ownTask } from "@/lib/tasks/task-access";

export const dynamic = "force-dynamic";

const fileParams = z.object({
  id: idParam("id"),
  kind: z.enum(ASSET_KINDS, { error: `kind must be one of ${ASSET_KINDS.join(", ")}` }),
  position: z
    .string()
    .regex(/^\d{1,3}$/, "position must be an integer")
    .transform(Number),
});

/** Extension: any file a task produced (original, SVG, seamless grid, video, audio …). */
export const GET = qtHandler<{ id: string; kind: string; position: string }>(
  async (req, { params }) => {
    const { user } = await requireCaller(req);
    const { id, kind, position } = fileParams.parse(params);
    await ownTask(id, user.id);
    const asset = await findAsset(id, kind, position);
    if (!asset) throw notFound(`File ${kind}/${position} of task ${id}`);
    const data = await getBlobStore().get(asset.storageKey);
    return new Response(new Uint8Array(data), {
      headers: {
        "Content-Type": asset.contentType,
        "Content-Length": String(data.length),
        "Cache-Control": "private, max-age=3600",
      },
    });
  },
);
