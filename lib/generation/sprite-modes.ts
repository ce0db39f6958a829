// The per-frame instructions sent to remote models for each sprite mode (the local engine draws
// the poses itself). The modes and their frame counts are in lib/vocabulary.ts.
import { type SpriteMode, WALK4_ROWS } from "@/lib/vocabulary";

export const FACING_TEXT: Record<string, string> = {
  down: "facing the viewer (south)",
  down_left: "three-quarter view facing down-left (south-west)",
  left: "side view facing left (west)",
  up_left: "three-quarter back view facing up-left (north-west)",
  up: "back view facing away (north)",
  up_right: "three-quarter back view facing up-right (north-east)",
  right: "side view facing right (east)",
  down_right: "three-quarter view facing down-right (south-east)",
};

const WALK_STEPS = [
  "left foot forward",
  "standing, feet together",
  "right foot forward",
  "standing, feet together",
];

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
  directions8: [
    "down",
    "down_left",
    "left",
    "up_left",
    "up",
    "up_right",
    "right",
    "down_right",
  ].map((d, i) => `8-direction turnaround ${i + 1} of 8: ${FACING_TEXT[d]}`),
  run: [
    "run cycle frame 1 of 6: right foot strikes the ground, left leg behind",
    "run cycle frame 2 of 6: body low, right leg bent, left knee driving forward",
    "run cycle frame 3 of 6: airborne, legs apart, body at its highest",
    "run cycle frame 4 of 6: left foot strikes the ground, right leg behind",
    "run cycle frame 5 of 6: body low, left leg bent, right knee driving forward",
    "run cycle frame 6 of 6: airborne, legs apart, body at its highest",
  ],
  jump: [
    "jump frame 1 of 4: crouch, knees bent, ready to spring",
    "jump frame 2 of 4: take-off, legs stretched, rising",
    "jump frame 3 of 4: top of the jump, knees tucked",
    "jump frame 4 of 4: landing, knees bent absorbing the fall",
  ],
  hurt: [
    "hurt frame 1 of 2: hit, recoiling backwards, flashing",
    "hurt frame 2 of 2: staggered, leaning back, wincing",
  ],
  death: [
    "death frame 1 of 4: struck, recoiling",
    "death frame 2 of 4: knees buckling, sinking down",
    "death frame 3 of 4: toppling over sideways",
    "death frame 4 of 4: lying flat on the ground, defeated",
  ],
  cast: [
    "spell cast frame 1 of 4: gathering energy, hands low, faint glow",
    "spell cast frame 2 of 4: hands raised, magic swirling around them",
    "spell cast frame 3 of 4: release, bright burst of magic from the hands",
    "spell cast frame 4 of 4: recover, sparkles fading",
  ],
  walk4: WALK4_ROWS.flatMap((d) =>
    WALK_STEPS.map((step, k) => `walk cycle frame ${k + 1} of 4, ${FACING_TEXT[d]}: ${step}`),
  ),
};

const SPRITE_STYLE =
  "pixel art game sprite, crisp pixels, limited palette, plain background, same character in every frame";

export function frameInstruction(mode: SpriteMode, index: number): string | undefined {
  const specific = FRAME_INSTRUCTIONS[mode][index];
  return specific ? `${specific}, ${SPRITE_STYLE}` : undefined;
}

export const SINGLE_IMAGE_STYLE = "pixel art, crisp pixels, limited palette, plain background";
