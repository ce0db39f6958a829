import { findAsset } from "@/lib/db/tasks";
import { getBlobStore } from "@/lib/storage/blob-store";

/** The task's stored image (or thumbnail) as an HTTP response, or undefined if there is none. */
export async function imageResponse(
  taskId: number,
  kind: "image" | "thumb",
  opts: { attachment?: boolean; cache?: string } = {},
): Promise<Response | undefined> {
  const asset =
    findAsset(taskId, kind) ?? (kind === "thumb" ? findAsset(taskId, "image") : undefined);
  if (!asset) return undefined;
  const data = await getBlobStore().get(asset.storageKey);
  const headers: Record<string, string> = {
    "Content-Type": asset.contentType,
    "Content-Length": String(data.length),
    "Cache-Control": opts.cache ?? "private, max-age=86400, immutable",
  };
  if (opts.attachment) headers["Content-Disposition"] = `attachment; filename=pixel_${taskId}.png`;
  return new Response(new Uint8Array(data), { headers });
}
