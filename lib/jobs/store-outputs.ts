// Turns adapter outputs into stored files. Images from general models are pixelized (the original
// is kept too); local engine output is already pixel art. Every image gets a small thumbnail for
// the gallery grid.
import sharp from "sharp";
import type { PaletteLock } from "@/lib/db/queue";
import type { assets, Task } from "@/lib/db/schema";
import { getBatchById } from "@/lib/db/tasks";
import { readTaskParams } from "@/lib/generation/task-params";
import type { PixelizeOptions } from "@/lib/pixel";
import type { PixelizeReport } from "@/lib/pixel/pixelize";
import { ProviderError } from "@/lib/providers/errors";
import { downloadOutput } from "@/lib/providers/http";
import type { AdapterContext, ModelSpec, ProviderOutput } from "@/lib/providers/types";
import { assetKey, getBlobStore } from "@/lib/storage/blob-store";
import { runJob } from "@/lib/workers/pool";

type AssetRow = typeof assets.$inferInsert;

const THUMB_BOX = 160;

const EXT: Record<string, string> = {
  "image/png": "png",
  "image/jpeg": "jpg",
  "image/webp": "webp",
  "image/gif": "gif",
  "image/svg+xml": "svg",
  "video/mp4": "mp4",
  "audio/mpeg": "mp3",
  "audio/wav": "wav",
  "audio/ogg": "ogg",
  "text/plain": "txt",
};

async function fetchBytes(
  out: ProviderOutput,
  model: ModelSpec,
  ctx: AdapterContext,
): Promise<{ data: Buffer; contentType: string }> {
  if (out.data) return { data: out.data, contentType: out.contentType ?? guessType(out) };
  if (!out.url)
    throw new ProviderError("malformed", `${model.provider}: an output has neither data nor url`);
  const got = await downloadOutput(ctx, model.provider, out.url);
  const contentType =
    got.contentType === "application/octet-stream"
      ? (out.contentType ?? guessType(out))
      : got.contentType;
  return { data: got.data, contentType };
}

function guessType(out: ProviderOutput): string {
  switch (out.kind) {
    case "vector":
      return "image/svg+xml";
    case "video":
      return "video/mp4";
    case "audio":
      return "audio/mpeg";
    case "text":
      return "text/plain";
    default:
      return "image/png";
  }
}

async function toPng(data: Buffer): Promise<{ png: Buffer; width: number; height: number }> {
  try {
    const { data: png, info } = await sharp(data).png().toBuffer({ resolveWithObject: true });
    return { png, width: info.width, height: info.height };
  } catch {
    throw new ProviderError("malformed", "The upstream returned an image we cannot decode");
  }
}

async function thumbnail(
  png: Buffer,
  width: number,
  height: number,
): Promise<{ png: Buffer; width: number; height: number }> {
  const factor = Math.min(1, THUMB_BOX / Math.max(width, height));
  const w = Math.max(1, Math.round(width * factor));
  const h = Math.max(1, Math.round(height * factor));
  // Nearest neighbour keeps pixel art crisp at thumbnail size.
  const out = await sharp(png)
    .resize(w, h, { kernel: "nearest" })
    .png({ compressionLevel: 6 })
    .toBuffer();
  return { png: out, width: w, height: h };
}

export async function storeOutputs(
  task: Task,
  model: ModelSpec,
  outputs: ProviderOutput[],
  ctx: AdapterContext,
): Promise<{
  files: AssetRow[];
  width?: number;
  height?: number;
  lockPalette?: PaletteLock;
  params?: Record<string, unknown>;
}> {
  if (outputs.length === 0)
    throw new ProviderError("malformed", `${model.provider}: the upstream returned no output`);
  const store = getBlobStore();
  const files: AssetRow[] = [];
  const positions = new Map<string, number>();
  let main: { width: number; height: number } | undefined;
  let lockPalette: PaletteLock | undefined;
  let report: PixelizeReport | undefined;

  const put = async (
    kind: AssetRow["kind"],
    data: Buffer,
    contentType: string,
    size?: { width?: number; height?: number },
  ) => {
    const position = positions.get(kind) ?? 0;
    positions.set(kind, position + 1);
    const key = assetKey(task.id, kind, position, EXT[contentType] ?? "bin");
    await store.put(key, data, contentType);
    files.push({
      taskId: task.id,
      userId: task.userId,
      kind,
      position,
      storageKey: key,
      contentType,
      width: size?.width ?? null,
      height: size?.height ?? null,
      bytes: data.length,
    });
  };

  for (const out of outputs) {
    const { data, contentType } = await fetchBytes(out, model, ctx);
    if (out.kind === "image" || out.kind === "grid") {
      const needsPixelize =
        out.kind === "image" && task.type === "image" && model.provider !== "local";
      let image: { png: Buffer; width: number; height: number; logical?: Buffer };
      if (needsPixelize) {
        const original = contentType === "image/png" ? await pngWithSize(data) : await toPng(data);
        await put("original", original.png, "image/png", original);
        const pixelized = await pixelizeForTask(task, original.png);
        image = pixelized;
        lockPalette ??= pixelized.lockPalette;
        report ??= pixelized.report;
      } else {
        image = contentType === "image/png" ? await pngWithSize(data) : await toPng(data);
        image.logical = out.logical;
        report ??= out.pixelize;
      }
      if (out.kind === "grid") {
        await put("grid", image.png, "image/png", image);
        continue;
      }
      await put("image", image.png, "image/png", image);
      if (image.logical && !positions.has("logical")) {
        // the first image's 1× grid: exports and local operations read it instead of guessing
        // the grid back from the upscaled PNG
        await put("logical", image.logical, "image/png", await pngWithSize(image.logical));
      }
      if (!main) {
        main = image;
        const thumb = await thumbnail(image.png, image.width, image.height);
        await put("thumb", thumb.png, "image/png", thumb);
      }
    } else {
      await put(out.kind, data, contentType);
    }
  }
  return {
    files,
    width: main?.width,
    height: main?.height,
    lockPalette,
    params: report ? { ...readTaskParams(task.params), pixelize: report } : undefined,
  };
}

async function pngWithSize(png: Buffer): Promise<{ png: Buffer; width: number; height: number }> {
  try {
    const meta = await sharp(png).metadata();
    if (meta.format === "png" && meta.width && meta.height)
      return { png, width: meta.width, height: meta.height };
  } catch {
    // not decodable as PNG despite its content type: re-encode below (which reports why)
  }
  return toPng(png);
}

/**
 * Pixelizes a remote model's image, locking later batch frames to frame 1's palette. Frame 1's
 * palette is handed back, not written here: the worker records it in the transaction that
 * completes the frame, so a frame that fails to complete never locks its batch.
 */
async function pixelizeForTask(
  task: Task,
  png: Buffer,
): Promise<{
  png: Buffer;
  width: number;
  height: number;
  logical: Buffer;
  lockPalette?: PaletteLock;
  report: PixelizeReport;
}> {
  const batch = task.batchId ? await getBatchById(task.batchId) : undefined;
  // a character's frames (they carry a reference) are locked from frame 1 on: the palette is the
  // character's, known before the batch starts
  const locked =
    batch?.lockedPalette &&
    ((task.batchIndex ?? 1) > 1 || readTaskParams(task.params).referenceTaskId)
      ? batch.lockedPalette
      : undefined;
  const saved = readTaskParams(task.params).paletteColors as string[] | undefined;
  const named =
    saved ?? (task.palette && !task.palette.startsWith("auto") ? task.palette : undefined);
  const autoColors = task.palette?.startsWith("auto:") ? Number(task.palette.slice(5)) : undefined;
  const result = await runJob("pixelize", [
    png,
    {
      background: task.background === "white" ? "white" : "transparent",
      scale: task.scale,
      colors: autoColors,
      palette: locked ?? (named as PixelizeOptions["palette"]),
    },
  ]);
  const lockPalette =
    batch && (task.batchIndex ?? 1) === 1 && !batch.lockedPalette
      ? { batchId: batch.id, palette: result.palette }
      : undefined;
  const background = task.background === "white" ? "white" : "transparent";
  return {
    png: result.png,
    width: result.width,
    height: result.height,
    logical: await runJob("gridPng", [result.grid, 1, background], { transferArgs: true }),
    lockPalette,
    report: result.report,
  };
}
