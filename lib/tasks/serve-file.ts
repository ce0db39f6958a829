import { findAsset } from "@/lib/db/tasks";
import { getBlobStore } from "@/lib/storage/blob-store";

/** The task's stored image (or thumbnail) as an HTTP response, or undefined if there is none. */
export async function imageResponse(
  taskId: number,
  kind: "image" | "thumb",
  opts: { attachment?: boolean; cache?: string; ifNoneMatch?: string | null } = {},
): Promise<Response | undefined> {
  const asset =
    (await findAsset(taskId, kind)) ??
    (kind === "thumb" ? await findAsset(taskId, "image") : undefined);
  if (!asset) return undefined;
  // A re-rolled frame keeps its task id and path but gets new asset rows: the ETag changes, so
  // browsers revalidate (cheap 304s) instead of showing a stale frame.
  const etag = `"a${asset.id}-${asset.bytes}"`;
  const cache = opts.cache ?? "private, no-cache";
  if (opts.ifNoneMatch === etag) {
    return new Response(null, { status: 304, headers: { ETag: etag, "Cache-Control": cache } });
  }
  const data = await getBlobStore().get(asset.storageKey);
  const headers: Record<string, string> = {
    "Content-Type": asset.contentType,
    "Content-Length": String(data.length),
    "Cache-Control": cache,
    ETag: etag,
  };
  if (opts.attachment) headers["Content-Disposition"] = `attachment; filename=pixel_${taskId}.png`;
  return new Response(new Uint8Array(data), { headers });
}
