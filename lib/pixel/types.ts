import type { SpriteMode } from "@/lib/vocabulary";

// The engine speaks the studio's vocabulary (lib/vocabulary.ts); re-exported for its own files.
export type { Background, PaletteName, SpriteMode } from "@/lib/vocabulary";
export { MODE_FRAME_COUNT, SPRITE_MODES } from "@/lib/vocabulary";

/** Per-frame durations (ms) used for sheets and GIFs; attack holds the recover frame longer. */
export const MODE_FRAME_DURATIONS: Record<SpriteMode, number[]> = {
  walk: [150, 150, 150, 150],
  idle: [500, 500],
  attack: [160, 90, 240],
  directions: [400, 400, 400, 400],
  variations: [500, 500, 500, 500],
  random: [500, 500, 500, 500],
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
