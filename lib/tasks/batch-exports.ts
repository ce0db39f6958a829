// Exports of a batch's completed frames: ZIP (streamed), sprite sheet + Aseprite atlas, GIF.
import { Readable } from "node:stream";
import type { Batch, Task } from "@/lib/db/schema";
import { assetsOfTasks, tasksOfBatch } from "@/lib/db/tasks";
import { buildSpriteSheet, encodeGif, zipStream } from "@/lib/pixel";
import { getBlobStore } from "@/lib/storage/blob-store";

export interface FrameFile {
  task: Task;
  name: string; // walk_1.png (seed 000 naming: <mode>_<index>.png)
  load: () => Promise<Buffer>;
}

export function completedFrames(batch: Batch): FrameFile[] {
  const tasks = tasksOfBatch(batch.id).filter((t) => t.status === "completed");
  const images = new Map(
    assetsOfTasks(
      tasks.map((t) => t.id),
      "image",
    )
      .filter((a) => a.position === 0)
      .map((a) => [a.taskId, a]),
  );
  const store = getBlobStore();
  return tasks
    .filter((t) => images.has(t.id))
    .map((t) => ({
      task: t,
      name: `${batch.mode}_${t.batchIndex}.png`,
      load: () => store.get(images.get(t.id)!.storageKey),
    }));
}

export function frameDurationMs(fps?: number): number {
  const f = fps && Number.isFinite(fps) ? Math.min(24, Math.max(1, fps)) : 8;
  return Math.round(1000 / f);
}

/** Frames must share one size for a sheet or GIF; a re-rolled remote frame could differ. */
async function loadUniformFrames(frames: FrameFile[]): Promise<Buffer[]> {
  return Promise.all(frames.map((f) => f.load()));
}

export async function batchSheet(batch: Batch, fps?: number) {
  const frames = completedFrames(batch);
  if (frames.length === 0) return undefined;
  return buildSpriteSheet(await loadUniformFrames(frames), {
    mode: batch.mode,
    frameDurationMs: frameDurationMs(fps),
    imageName: `batch_${batch.id}_${batch.mode}_sheet.png`,
  });
}

export async function batchGif(batch: Batch, fps?: number): Promise<Buffer | undefined> {
  const frames = completedFrames(batch);
  if (frames.length === 0) return undefined;
  return encodeGif(await loadUniformFrames(frames), {
    frameDurationMs: frameDurationMs(fps),
    loop: true,
  });
}

/**
 * Streamed ZIP: walk_1.png … plus sheet.png, sheet.json and animation.gif. Entries are produced
 * lazily as the archive is written, so the whole archive is never held in memory.
 */
export function batchZip(batch: Batch): Readable {
  const frames = completedFrames(batch);
  let extras: Promise<{ sheet: Buffer; atlas: Buffer; gif: Buffer } | undefined> | undefined;
  const getExtras = () => {
    extras ??= (async () => {
      if (frames.length === 0) return undefined;
      const buffers = await loadUniformFrames(frames);
      const sheet = await buildSpriteSheet(buffers, {
        mode: batch.mode,
        frameDurationMs: frameDurationMs(),
        imageName: "sheet.png",
      });
      const gif = await encodeGif(buffers, { frameDurationMs: frameDurationMs(), loop: true });
      return { sheet: sheet.png, atlas: Buffer.from(JSON.stringify(sheet.atlas, null, 2)), gif };
    })();
    return extras;
  };
  const entries: { name: string; data: Buffer | (() => Promise<Buffer>) }[] = frames.map((f) => ({
    name: f.name,
    data: f.load,
  }));
  if (frames.length) {
    entries.push(
      { name: "sheet.png", data: async () => (await getExtras())!.sheet },
      { name: "sheet.json", data: async () => (await getExtras())!.atlas },
      { name: "animation.gif", data: async () => (await getExtras())!.gif },
    );
  }
  return toNodeReadable(zipStream(entries));
}

function toNodeReadable(stream: NodeJS.ReadableStream): Readable {
  return stream instanceof Readable ? stream : new Readable().wrap(stream);
}

/** A Node stream as a web Response body. */
export function streamBody(stream: Readable): ReadableStream<Uint8Array> {
  return Readable.toWeb(stream) as ReadableStream<Uint8Array>;
}
