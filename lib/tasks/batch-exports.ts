// Exports of a batch's completed frames: ZIP (streamed), sprite sheet + Aseprite atlas, GIF.
import { Readable } from "node:stream";
import type { Batch, Task } from "@/lib/db/schema";
import { assetsOfTasks, tasksOfBatch } from "@/lib/db/tasks";
import { type AsepriteAtlas, buildSpriteSheet, encodeGif, zipStream } from "@/lib/pixel";
import { getBlobStore } from "@/lib/storage/blob-store";
import { taskInterpretation } from "./serialize";

export interface FrameFile {
  task: Task;
  name: string; // walk_1.png (seed 000 naming: <mode>_<index>.png)
  load: () => Promise<Buffer>;
}

export async function completedFrames(batch: Batch): Promise<FrameFile[]> {
  const tasks = (await tasksOfBatch(batch.id)).filter((t) => t.status === "completed");
  const images = new Map(
    (
      await assetsOfTasks(
        tasks.map((t) => t.id),
        "image",
      )
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

function loadAll(frames: FrameFile[]): Promise<Buffer[]> {
  return Promise.all(frames.map((f) => f.load()));
}

/** Borrowed art used by the frames (offline engine), once per set+icon, for the atlas and ZIP. */
export function framesCredits(frames: FrameFile[]) {
  const seen = new Map<string, NonNullable<AsepriteAtlas["meta"]["credits"]>[number]>();
  for (const f of frames)
    for (const a of taskInterpretation(f.task)?.art ?? [])
      seen.set(`${a.set}:${a.icon}`, {
        set: a.set,
        set_name: a.set_name,
        icon: a.icon,
        license: a.license,
        author: a.author,
        url: a.url,
      });
  return [...seen.values()];
}

function creditsText(frames: FrameFile[]): string | undefined {
  const credits = framesCredits(frames);
  if (!credits.length) return undefined;
  return [
    "Parts of these sprites are restyled from open emoji artwork:",
    ...credits.map(
      (c) => `- "${c.icon}" from ${c.set_name} by ${c.author}, ${c.license} licence (${c.url})`,
    ),
    "",
  ].join("\n");
}

async function sheetOf(
  batch: Batch,
  frames: FrameFile[],
  pngs: Buffer[],
  fps?: number,
  imageName?: string,
) {
  const sheet = await buildSpriteSheet(pngs, {
    mode: batch.mode,
    frameDurationMs: frameDurationMs(fps),
    imageName: imageName ?? `batch_${batch.id}_${batch.mode}_sheet.png`,
  });
  const credits = framesCredits(frames);
  if (credits.length) sheet.atlas.meta.credits = credits;
  const it = frames[0] ? taskInterpretation(frames[0].task) : null;
  if (it) sheet.atlas.meta.interpretation = it.summary;
  return sheet;
}

function gifOf(pngs: Buffer[], fps?: number): Promise<Buffer> {
  return encodeGif(pngs, { frameDurationMs: frameDurationMs(fps), loop: true });
}

export async function batchSheet(batch: Batch, frames: FrameFile[], fps?: number) {
  return sheetOf(batch, frames, await loadAll(frames), fps);
}

export async function batchGif(frames: FrameFile[], fps?: number): Promise<Buffer> {
  return gifOf(await loadAll(frames), fps);
}

/**
 * Streamed ZIP: walk_1.png … plus sheet.png, sheet.json and animation.gif. Entries are produced
 * lazily as the archive is written (the frames are read once and shared by every entry), so
 * the archive itself is never held in memory.
 */
export function batchZip(batch: Batch, frames: FrameFile[]): ReadableStream<Uint8Array> {
  let pngs: Promise<Buffer[]> | undefined;
  const all = () => {
    pngs ??= loadAll(frames);
    return pngs;
  };
  let sheet: ReturnType<typeof sheetOf> | undefined;
  const credits = creditsText(frames);
  const getSheet = async () => {
    sheet ??= sheetOf(batch, frames, await all(), undefined, "sheet.png");
    return sheet;
  };
  return streamBody(
    zipStream([
      ...frames.map((f, i) => ({ name: f.name, data: async () => (await all())[i] })),
      { name: "sheet.png", data: async () => (await getSheet()).png },
      {
        name: "sheet.json",
        data: async () => Buffer.from(JSON.stringify((await getSheet()).atlas, null, 2)),
      },
      { name: "animation.gif", data: async () => gifOf(await all()) },
      ...(credits ? [{ name: "CREDITS.txt", data: async () => Buffer.from(credits) }] : []),
    ]),
  );
}

/** A Node stream as a web Response body. */
export function streamBody(stream: Readable): ReadableStream<Uint8Array> {
  return Readable.toWeb(stream) as ReadableStream<Uint8Array>;
}
