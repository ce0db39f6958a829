// Terrain tilesets as the gallery keeps them: one completed image task of mode "tileset" whose
// image is the 1× sheet, whose thumbnail is a crop of the sample map and whose "grid" file is the
// whole sample map (a tiling preview, like a seamless tile's 3×3 grid). It is drawn while the
// request waits (tens of milliseconds), so it never enters the queue; its terrain pair, layout
// and tile size live in the task's params, and every engine file is derived from those.
import { isoSeconds } from "@/lib/api/time";
import type { Caller } from "@/lib/auth/caller";
import type { assets, Task } from "@/lib/db/schema";
import { deleteTaskRow, findAsset, getTaskForUser, insertAssets, insertTask } from "@/lib/db/tasks";
import { NotFoundError } from "@/lib/errors";
import { randomSeed } from "@/lib/generation/create-tasks";
import { consumeGenerationQuota } from "@/lib/generation/rate-limits";
import { decodeImage, encodeGridPng } from "@/lib/pixel/raster";
import {
  buildTileset,
  layoutDef,
  sampleIds,
  sampleMap,
  sampleTmj,
  TERRAIN_SPECS,
  type TilesetFileInfo,
  tilesetRules,
  tilesetTres,
  tilesetTsx,
} from "@/lib/pixel/tileset";
import { createImage, type RgbaImage } from "@/lib/pixel/types";
import { normalizePrompt } from "@/lib/prompts/similarity";
import { assetKey, getBlobStore, taskPrefix } from "@/lib/storage/blob-store";
import {
  TERRAINS,
  type TerrainName,
  TILE_SIZES,
  TILESET_LAYOUTS,
  TILESET_MODE,
  type TileSize,
  type TilesetLayout,
} from "@/lib/vocabulary";

/** The model id recorded on tileset tasks (drawn by lib/pixel/tileset, not a catalogue model). */
export const TILESET_MODEL = "local/tileset";
const THUMB_BOX = 160;

export interface TilesetSpec {
  terrains: [TerrainName, TerrainName];
  tile_size: TileSize;
  layout: TilesetLayout;
  seed: number;
}

export interface TilesetInput extends Omit<TilesetSpec, "seed"> {
  seed?: number;
}

/** The spec stored in a tileset task's params, or undefined for any other task. */
export function tilesetSpecOf(task: Task): TilesetSpec | undefined {
  if (task.mode !== TILESET_MODE) return undefined;
  const t = (task.params as { tileset?: Partial<TilesetSpec> }).tileset;
  if (
    !t ||
    !Array.isArray(t.terrains) ||
    !t.terrains.every((n) => (TERRAINS as readonly string[]).includes(n)) ||
    !(TILE_SIZES as readonly number[]).includes(t.tile_size as number) ||
    !(TILESET_LAYOUTS as readonly string[]).includes(t.layout as string)
  )
    return undefined;
  return { ...(t as TilesetSpec), seed: task.seed ?? 0 };
}

function crop(img: RgbaImage, w: number, h: number): RgbaImage {
  const out = createImage(Math.min(w, img.width), Math.min(h, img.height));
  for (let y = 0; y < out.height; y++) {
    const src = y * img.width * 4;
    out.data.set(img.data.subarray(src, src + out.width * 4), y * out.width * 4);
  }
  return out;
}

export async function createTileset(caller: Caller, input: TilesetInput): Promise<Task> {
  consumeGenerationQuota(caller, 1);
  const seed = input.seed ?? randomSeed();
  const spec: TilesetSpec = { ...input, seed };
  const tileset = buildTileset({
    terrains: spec.terrains,
    tileSize: spec.tile_size,
    layout: spec.layout,
    seed,
  });
  const sample = sampleMap(tileset.sheet, tileset.def, spec.tile_size, seed);
  const prompt = `${spec.terrains[0]} ↔ ${spec.terrains[1]} tileset (${spec.layout}, ${spec.tile_size} px)`;
  const now = new Date();
  const task = await insertTask({
    userId: caller.user.id,
    type: "image",
    model: TILESET_MODEL,
    provider: "local",
    prompt,
    promptNorm: normalizePrompt(prompt),
    mode: TILESET_MODE,
    background: "transparent",
    scale: 1,
    seed,
    params: {
      prompt,
      tileset: { terrains: spec.terrains, tile_size: spec.tile_size, layout: spec.layout },
    },
    status: "completed",
    width: tileset.sheet.width,
    height: tileset.sheet.height,
    startedAt: now,
    completedAt: now,
  });
  try {
    const store = getBlobStore();
    const files: (typeof assets.$inferInsert)[] = [];
    const put = async (kind: "image" | "thumb" | "grid", img: RgbaImage) => {
      const data = await encodeGridPng(img, 1, "transparent");
      const key = assetKey(task.id, kind, 0, "png");
      await store.put(key, data);
      files.push({
        taskId: task.id,
        userId: task.userId,
        kind,
        position: 0,
        storageKey: key,
        contentType: "image/png",
        width: img.width,
        height: img.height,
        bytes: data.length,
      });
    };
    await put("image", tileset.sheet);
    await put("grid", sample.image);
    await put("thumb", crop(sample.image, THUMB_BOX, THUMB_BOX));
    await insertAssets(files);
  } catch (error) {
    await deleteTaskRow(task.id, task.userId);
    await getBlobStore().deletePrefix(taskPrefix(task.id));
    throw error;
  }
  return task;
}

/** The caller's tileset; another user's id, or a task that is not a tileset, answers 404. */
export async function ownTileset(
  id: number,
  userId: number,
): Promise<{ task: Task; spec: TilesetSpec }> {
  const task = await getTaskForUser(id, userId);
  const spec = task ? tilesetSpecOf(task) : undefined;
  if (!task || !spec) throw new NotFoundError(`Tileset ${id} not found`);
  return { task, spec };
}

export const TILESET_FILES = [
  "tileset.png",
  "sample.png",
  "tileset.tsx",
  "tileset.tres",
  "rules.json",
  "sample.tmj",
  "tileset.zip",
] as const;
export type TilesetFileName = (typeof TILESET_FILES)[number];

/** Name the sheet is downloaded under; the .tsx and .tres refer to it by this name. */
export const sheetFileName = (id: number) => `tileset_${id}.png`;

export function fileInfoOf(task: Task, spec: TilesetSpec): TilesetFileInfo {
  return {
    imageName: sheetFileName(task.id),
    size: spec.tile_size,
    def: layoutDef(spec.layout),
    terrains: [TERRAIN_SPECS[spec.terrains[0]], TERRAIN_SPECS[spec.terrains[1]]],
  };
}

/** A stored 1× picture of the tileset (sheet or sample map) at an integer scale. */
export async function tilesetPng(
  task: Task,
  which: "image" | "grid",
  scale: number,
): Promise<Buffer> {
  const asset = await findAsset(task.id, which);
  if (!asset)
    throw new NotFoundError(
      `The ${which === "image" ? "sheet" : "sample map"} of tileset ${task.id} not found`,
    );
  const data = await getBlobStore().get(asset.storageKey);
  if (scale === 1) return data;
  return encodeGridPng(await decodeImage(data), scale, "transparent");
}

export function tilesetTsxOf(task: Task, spec: TilesetSpec): string {
  return tilesetTsx(fileInfoOf(task, spec));
}
export function tilesetTresOf(task: Task, spec: TilesetSpec): string {
  return tilesetTres(fileInfoOf(task, spec));
}
export function tilesetRulesOf(task: Task, spec: TilesetSpec) {
  return tilesetRules(fileInfoOf(task, spec));
}
/** The stored sample map as a Tiled JSON map: the same seed gives the same tile ids as sample.png. */
export function sampleTmjOf(task: Task, spec: TilesetSpec) {
  return sampleTmj(fileInfoOf(task, spec), sampleIds(layoutDef(spec.layout), spec.seed));
}

/** The tileset as the API shows it. */
export function toTileset(task: Task, spec: TilesetSpec) {
  const def = layoutDef(spec.layout);
  const base = `/api/v1/tilesets/${task.id}`;
  return {
    id: task.id,
    task_id: task.id,
    status: task.status,
    terrains: spec.terrains,
    tile_size: spec.tile_size,
    layout: spec.layout,
    seed: spec.seed,
    columns: def.columns,
    rows: def.rows,
    tile_count: def.tiles.length,
    width: def.columns * spec.tile_size,
    height: def.rows * spec.tile_size,
    image_path: `/static/gallery/${task.id}.png`,
    files: {
      png: `${base}/tileset.png`,
      sample: `${base}/sample.png`,
      tsx: `${base}/tileset.tsx`,
      tres: `${base}/tileset.tres`,
      rules: `${base}/rules.json`,
      tmj: `${base}/sample.tmj`,
      zip: `${base}/tileset.zip`,
    },
    created_at: isoSeconds(task.createdAt),
  };
}
