/** The sprite animation modes of seed 000's table, in its order. */
export const SPRITE_MODES = [
  "walk",
  "idle",
  "attack",
  "directions",
  "variations",
  "random",
] as const;
export type SpriteMode = (typeof SPRITE_MODES)[number];

/** Frames per batch for the modes whose length is fixed by the animation itself. */
export const MODE_FRAME_COUNT: Record<"walk" | "idle" | "attack" | "directions", number> = {
  walk: 4,
  idle: 2,
  attack: 3,
  directions: 4,
};

/** Per-frame durations (ms) used for sheets and GIFs; attack holds the recover frame longer. */
export const MODE_FRAME_DURATIONS: Record<SpriteMode, number[]> = {
  walk: [150, 150, 150, 150],
  idle: [500, 500],
  attack: [160, 90, 240],
  directions: [400, 400, 400, 400],
  variations: [500, 500, 500, 500],
  random: [500, 500, 500, 500],
};

export type Background = "transparent" | "white";

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
