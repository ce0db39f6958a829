import { Readable } from "node:stream";
import type { Asset } from "@/lib/db/schema";
import { findAsset } from "@/lib/db/tasks";
import { getBlobStore } from "@/lib/storage/blob-store";

/**
 * A stored file as a response body streamed from the store (disk or S3): the bytes pass
 * through without being held whole in memory. (No Content-Length: Next.js drops that header
 * from route responses and sends the body chunked.)
 */
export async function assetResponse(
  asset: Pick<Asset, "storageKey" | "contentType">,
  headers: Record<string, string> = {},
): Promise<Response> {
  const body = await getBlobStore().stream(asset.storageKey);
  return new Response(Readable.toWeb(body) as ReadableStream<Uint8Array>, {
    headers: { "Content-Type": asset.contentType, ...headers },
  });
}

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
  const headers: Record<string, string> = { "Cache-Control": cache, ETag: etag };
  if (opts.attachment) headers["Content-Disposition"] = `attachment; filename=pixel_${taskId}.png`;
  return assetResponse(asset, headers);
}
