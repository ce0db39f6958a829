// The per-frame instructions sent to remote models for each sprite mode (the local engine draws
// the poses itself). The modes and their frame counts are in lib/vocabulary.ts.
import type { SpriteMode } from "@/lib/vocabulary";

const FRAME_INSTRUCTIONS: Record<SpriteMode, string[]> = {
  walk: [
    "walk cycle frame 1 of 4: left foot forward",
    "walk cycle frame 2 of 4: standing, feet together",
    "walk cycle frame 3 of 4: right foot forward",
    "walk cycle frame 4 of 4: standing, feet together",
  ],
  idle: [
    "idle frame 1 of 2: breathing in, chest up",
    "idle frame 2 of 2: breathing out, slightly lower",
  ],
  attack: [
    "attack frame 1 of 3: wind-up, weapon drawn back",
    "attack frame 2 of 3: strike, weapon swung forward",
    "attack frame 3 of 3: recover, back to stance",
  ],
  directions: [
    "front view, facing the viewer",
    "back view, facing away",
    "left side view, facing left",
    "right side view, facing right",
  ],
  variations: [
    "style variation 1",
    "style variation 2 with a different colour scheme",
    "style variation 3 with different details",
    "style variation 4 with a different silhouette",
  ],
  random: [],
};

const SPRITE_STYLE =
  "pixel art game sprite, crisp pixels, limited palette, plain background, same character in every frame";

export function frameInstruction(mode: SpriteMode, index: number): string | undefined {
  const specific = FRAME_INSTRUCTIONS[mode][index];
  return specific ? `${specific}, ${SPRITE_STYLE}` : undefined;
}

export const SINGLE_IMAGE_STYLE = "pixel art, crisp pixels, limited palette, plain background";
