// A whole character as one ZIP (#19): every animation as its own sheet + Aseprite JSON (tag
// `action_direction`), one atlas of all of them (Aseprite hash JSON: Phaser's load.aseprite /
// load.atlas and PixiJS' Spritesheet with its `animations`), one Godot 4 SpriteFrames with an
// animation per `action_direction`, and the facings. All from the stored 1× grids, through the
// same sheet builder and Godot writer as batch exports (lib/pixel/exports.ts).
import type { AnimationLayout } from "@/lib/pixel/animation-layout";
import { isLooping } from "@/lib/pixel/animation-layout";
import { godotSpriteFrames, type SpriteSheet, zipStream } from "@/lib/pixel/exports";
import type { RgbaImage } from "@/lib/pixel/types";
import { streamBody, type ZipEntry } from "@/lib/tasks/batch-exports";
import { DIRECTIONS8, type Facing } from "@/lib/vocabulary";
import { runJob } from "@/lib/workers/pool";
import {
  type CharacterDetail,
  characterAnswer,
  type FacingRef,
  type FrameRef,
  gridsOfTasks,
} from "./characters";

export interface CharacterExportOptions {
  /** sheet pixels per logical pixel (1 = the pixel grid engines scale with nearest filtering) */
  scale?: number;
}

/** `blue cape` → `blue_cape`: a state's prefix in file and tag names. */
function slug(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "_")
      .replace(/^_+|_+$/g, "")
      .slice(0, 40) || "state"
  );
}

interface Track {
  tag: string;
  direction: Facing;
  loop: boolean;
  frames: { grid: RgbaImage; durationMs: number; index: number }[];
}

/** Each track one row of the sheet, tagged with its name; frames named `<tag>_<n>`. */
function layoutOf(tracks: Track[]): AnimationLayout {
  const frames: AnimationLayout["frames"] = [];
  const tags: AnimationLayout["tags"] = [];
  tracks.forEach((t, row) => {
    const from = frames.length;
    t.frames.forEach((f, col) => {
      frames.push({
        index: frames.length,
        name: `${t.tag}_${col + 1}`,
        tag: t.tag,
        facing: t.direction,
        step: col,
        col,
        row,
        durationMs: f.durationMs,
      });
    });
    tags.push({ name: t.tag, from, to: frames.length - 1, loop: t.loop });
  });
  return {
    frames,
    tags,
    columns: Math.max(1, ...tracks.map((t) => t.frames.length)),
    rows: Math.max(1, tracks.length),
  };
}

function sheet(tracks: Track[], scale: number, imageName: string): Promise<SpriteSheet> {
  const layout = layoutOf(tracks);
  return runJob("sheetFromGrids", [
    tracks.flatMap((t) => t.frames.map((f) => f.grid)),
    { scale, background: "transparent", mode: "character", layout, imageName },
  ]);
}

const jsonFile = (v: unknown) => Buffer.from(`${JSON.stringify(v, null, 2)}\n`);

/**
 * The order of the export's tags and sheet rows: by state, then action (in the order they were
 * first animated), then compass direction, then age. The directions of one request are stored
 * concurrently, so their ids alone put e.g. attack_up before attack_up_left; repeats of the same
 * action and direction keep their age, so the later one is still `…_2`.
 */
export function exportOrder<
  A extends { id: number; stateId: number | null; action: string; direction: string },
>(anims: readonly A[]): A[] {
  const byAge = [...anims].sort((a, b) => a.id - b.id);
  const firstAction = new Map<string, number>();
  for (const a of byAge) if (!firstAction.has(a.action)) firstAction.set(a.action, a.id);
  const dir = (d: string) => {
    const i = (DIRECTIONS8 as readonly string[]).indexOf(d);
    return i < 0 ? DIRECTIONS8.length : i;
  };
  return byAge.sort(
    (a, b) =>
      (a.stateId ?? 0) - (b.stateId ?? 0) ||
      firstAction.get(a.action)! - firstAction.get(b.action)! ||
      dir(a.direction) - dir(b.direction) ||
      a.id - b.id,
  );
}

/** The tracks (completed frames of every animation) and facings, loaded once. */
async function gather(d: CharacterDetail) {
  const anims = exportOrder(d.animations);
  const facingSets: { prefix: string; facings: Record<string, FacingRef> }[] = [
    { prefix: "", facings: d.row.facings as Record<string, FacingRef> },
    ...d.states.map((s) => ({
      prefix: `${slug(s.name)}_`,
      facings: s.facings as Record<string, FacingRef>,
    })),
  ];
  const ids = [
    ...anims.flatMap((a) =>
      (a.frames as unknown as FrameRef[])
        .filter((f) => f.status === "completed" && f.task_id)
        .map((f) => f.task_id!),
    ),
    ...facingSets.flatMap((s) =>
      Object.values(s.facings)
        .filter((f) => f.status === "completed" && f.task_id)
        .map((f) => f.task_id!),
    ),
  ];
  const grids = await gridsOfTasks(ids);
  const stateName = new Map(d.states.map((s) => [s.id, slug(s.name)]));
  const seen = new Map<string, number>();
  const tracks: Track[] = [];
  for (const a of anims) {
    const frames = (a.frames as unknown as FrameRef[]).flatMap((f) => {
      const grid = f.task_id && f.status === "completed" ? grids.get(f.task_id) : undefined;
      const durations = a.durationsMs ?? [];
      return grid ? [{ grid, durationMs: durations[f.index] ?? 120, index: f.index }] : [];
    });
    if (!frames.length) continue;
    const base = `${a.stateId ? `${stateName.get(a.stateId)}_` : ""}${a.action}_${a.direction}`;
    // the same action and direction animated twice: the later one is `…_2`
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    tracks.push({
      tag: n === 1 ? base : `${base}_${n}`,
      direction: a.direction as Facing,
      loop: isLooping(a.action),
      frames,
    });
  }
  // frames from different engines' sizes cannot share one sheet: keep the character's size
  const size = d.row.size;
  const sized = tracks
    .map((t) => ({
      ...t,
      frames: t.frames.filter((f) => f.grid.width === size && f.grid.height === size),
    }))
    .filter((t) => t.frames.length);
  const facings = facingSets.flatMap((s) =>
    Object.entries(s.facings).flatMap(([dir, f]) => {
      const grid = f.task_id ? grids.get(f.task_id) : undefined;
      return grid ? [{ name: `${s.prefix}${dir}`, grid }] : [];
    }),
  );
  return { tracks: sized, facings };
}

/** The ZIP's fixed entries (built lazily from the grids read once). */
function characterZipEntries(
  d: CharacterDetail,
  loaded: Awaited<ReturnType<typeof gather>>,
  scale: number,
): ZipEntry[] {
  const data = async () => loaded;
  let all: Promise<SpriteSheet> | undefined;
  const allSheet = () => {
    all ??= data().then((x) => sheet(x.tracks, scale, "character.png"));
    return all;
  };
  const entries: ZipEntry[] = [
    { name: "character.png", data: async () => (await allSheet()).png },
    { name: "character.json", data: async () => jsonFile((await allSheet()).atlas) },
    { name: "character_named.json", data: async () => jsonFile((await allSheet()).namedAtlas) },
    {
      name: "character.tres",
      data: async () => Buffer.from(godotSpriteFrames(await allSheet(), "character.png")),
    },
    {
      name: "character_info.json",
      data: async () => {
        const a = characterAnswer(d);
        return jsonFile({
          ...a,
          export: {
            scale,
            tags: (await data()).tracks.map((t) => t.tag),
            note: "Frames that failed are left out; re-roll them and export again.",
          },
        });
      },
    },
  ];
  return entries;
}

/**
 * The full ZIP: the fixed entries above, then one sheet + JSON per animation and one PNG per
 * facing (their names depend on what the character holds, so they are known after loading).
 */
export async function characterZip(
  d: CharacterDetail,
  o: CharacterExportOptions = {},
): Promise<ReadableStream<Uint8Array>> {
  const scale = Math.max(1, Math.floor(o.scale ?? 1));
  const loaded = await gather(d);
  const { tracks, facings } = loaded;
  const fixed = characterZipEntries(d, loaded, scale);
  const per: ZipEntry[] = tracks.flatMap((t) => {
    let s: Promise<SpriteSheet> | undefined;
    const one = () => {
      s ??= sheet([t], scale, `${t.tag}.png`);
      return s;
    };
    return [
      { name: `animations/${t.tag}.png`, data: async () => (await one()).png },
      { name: `animations/${t.tag}.json`, data: async () => jsonFile((await one()).atlas) },
    ];
  });
  const stills: ZipEntry[] = facings.map((f) => ({
    name: `facings/${f.name}.png`,
    data: async () => runJob("gridPng", [f.grid, scale, "transparent"]),
  }));
  return streamBody(zipStream([...fixed, ...per, ...stills]));
}
