// How a batch's frames are named, grouped into animations (tags) and laid out on a sheet. Pure
// and dependency-free: exports, the API and the previewer all read the same answer.
import {
  DIRECTIONS4,
  DIRECTIONS8,
  type Facing,
  MODE_FRAME_COUNT,
  MODE_FRAME_DURATIONS,
  type SpriteMode,
  WALK4_ROWS,
} from "./types";

export interface FrameSpec {
  /** 0-based frame index within the batch (batch_index − 1) */
  index: number;
  /** readable frame name: `walk_1`, `down_left`, `walk_up_3` */
  name: string;
  /** the animation (tag) this frame belongs to */
  tag: string;
  /** facing of direction modes and walk4 rows */
  facing?: Facing;
  /** 0-based step within its tag */
  step: number;
}

/** One-shot actions play once; cycles and turnarounds loop. */
const ONE_SHOT: ReadonlySet<string> = new Set(["attack", "jump", "hurt", "death", "cast"]);

export function isLooping(mode: string): boolean {
  return !ONE_SHOT.has(mode);
}

export function frameCountOf(mode: string): number | undefined {
  return (MODE_FRAME_COUNT as Record<string, number>)[mode];
}

export function frameSpec(mode: string, index: number): FrameSpec {
  if (mode === "directions" || mode === "directions8") {
    const names = mode === "directions" ? DIRECTIONS4 : DIRECTIONS8;
    const facing = names[index % names.length]!;
    return { index, name: facing, tag: facing, facing, step: 0 };
  }
  if (mode === "walk4") {
    const facing = WALK4_ROWS[Math.floor(index / 4) % 4]!;
    const step = index % 4;
    return { index, name: `walk_${facing}_${step + 1}`, tag: `walk_${facing}`, facing, step };
  }
  return { index, name: `${mode}_${index + 1}`, tag: mode, step: index };
}

export interface AnimationTag {
  name: string;
  /** position of the tag's first and last frame in the exported frame order */
  from: number;
  to: number;
  loop: boolean;
}

export interface AnimationLayout {
  frames: (FrameSpec & { col: number; row: number; durationMs: number })[];
  tags: AnimationTag[];
  columns: number;
  rows: number;
}

/**
 * Layout of the frames present (0-based batch indices, ascending). Missing frames (a failed
 * task) simply close up; tags stay contiguous because frames are grouped by tag in batch order.
 * walk4 is a 4×4 grid, rows = directions; every other mode is one row.
 */
export function animationLayout(
  mode: string,
  indices: number[],
  frameDurationMs?: number,
): AnimationLayout {
  const table = MODE_FRAME_DURATIONS[mode as SpriteMode] ?? [];
  const specs = indices.map((i) => frameSpec(mode, i));
  const grid = mode === "walk4";
  const columns = grid ? 4 : Math.max(1, specs.length);
  const tags: AnimationTag[] = [];
  const rowOfTag = new Map<string, number>();
  const frames = specs.map((s, n) => {
    const last = tags[tags.length - 1];
    if (last && last.name === s.tag) last.to = n;
    else tags.push({ name: s.tag, from: n, to: n, loop: isLooping(mode) });
    if (!rowOfTag.has(s.tag)) rowOfTag.set(s.tag, rowOfTag.size);
    const durationMs = frameDurationMs ?? table[s.index] ?? 150;
    return grid
      ? { ...s, col: s.step, row: rowOfTag.get(s.tag)!, durationMs }
      : { ...s, col: n, row: 0, durationMs };
  });
  const rows = grid ? Math.max(1, rowOfTag.size) : 1;
  return { frames, tags, columns, rows };
}
