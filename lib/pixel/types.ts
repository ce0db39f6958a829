import type { SpriteMode } from "@/lib/vocabulary";

// The engine speaks the studio's vocabulary (lib/vocabulary.ts); re-exported for its own files.
export type { Background, Facing, PaletteName, SpriteMode } from "@/lib/vocabulary";
export {
  DIRECTIONS4,
  DIRECTIONS8,
  EXTENSION_SPRITE_MODES,
  MAX_BATCH_FRAMES,
  MODE_FRAME_COUNT,
  SEED_SPRITE_MODES,
  SPRITE_MODES,
  WALK4_ROWS,
} from "@/lib/vocabulary";

/** Per-frame durations (ms) used for sheets and GIFs; attack holds the recover frame longer. */
export const MODE_FRAME_DURATIONS: Record<SpriteMode, number[]> = {
  walk: [150, 150, 150, 150],
  idle: [500, 500],
  attack: [160, 90, 240],
  directions: [400, 400, 400, 400],
  variations: [500, 500, 500, 500],
  random: [500, 500, 500, 500],
  directions8: Array(8).fill(400),
  run: Array(6).fill(100),
  jump: [120, 160, 200, 160],
  hurt: [120, 200],
  death: [150, 150, 200, 600],
  cast: [160, 140, 140, 240],
  walk4: Array(16).fill(150),
};

/** RGBA pixels of the logical grid (one entry per art pixel, not per screen pixel). */
export interface RgbaImage {
  width: number;
  height: number;
  data: Uint8ClampedArray;
}

export type Rgb = [number, number, number];

export function createImage(width: number, height: number): RgbaImage {
  return { width, height, data: new Uint8ClampedArray(width * height * 4) };
}
