// The offline engine's character work as worker-pool jobs (lib/workers/jobs.ts): drawing, the
// PNG files of each still/frame, and each frame's identity score, all off the event loop. Results
// are plain objects and Buffers, so they cross the thread boundary as they are.
import { encodeGridPng } from "@/lib/pixel/raster";
import {
  type CharacterSpec,
  drawCharacterAnimation,
  drawCharacterFacings,
  prepareCharacter,
} from "@/lib/pixel/sprite/character";
import type { RgbaImage } from "@/lib/pixel/types";
import type { CharacterAction, CharacterBody, Facing } from "@/lib/vocabulary";
import { type Identity, paletteOf, scoreIdentity, snapToPalette } from "./identity";

export interface EncodedStill {
  /** the gallery image at `scale` */
  png: Buffer;
  /** the 1× grid: exports and identity read it */
  logical: Buffer;
  thumb: Buffer;
  width: number;
  height: number;
  size: number;
}

/** Gallery pixels per logical pixel: a character is shown about 256 px tall whatever its size. */
export function galleryScale(size: number): number {
  return Math.max(1, Math.floor(256 / size));
}

export async function encodeStill(grid: RgbaImage): Promise<EncodedStill> {
  const scale = galleryScale(grid.width);
  const [png, logical, thumb] = await Promise.all([
    encodeGridPng(grid, scale, "transparent"),
    encodeGridPng(grid, 1, "transparent"),
    encodeGridPng(grid, Math.max(1, Math.floor(160 / grid.width)), "transparent"),
  ]);
  return {
    png,
    logical,
    thumb,
    width: grid.width * scale,
    height: grid.height * scale,
    size: grid.width,
  };
}

export interface DrawnFacings {
  facings: ({ direction: Facing } & EncodedStill)[];
  pivot: { x: number; y: number };
  palette: string[];
  body: CharacterBody;
  /** the prompt's subject when no walking rig draws it and a person stands in (character.ts) */
  standIn?: string;
}

export async function drawFacingsJob(
  spec: CharacterSpec,
  directions: readonly Facing[],
): Promise<DrawnFacings> {
  await prepareCharacter(spec);
  const drawn = drawCharacterFacings(spec, directions);
  const facings = await Promise.all(
    directions.map(async (direction) => ({
      direction,
      ...(await encodeStill(drawn.facings[direction]!)),
    })),
  );
  return {
    facings,
    pivot: drawn.pivot,
    palette: drawn.palette,
    body: drawn.body,
    ...(drawn.standIn ? { standIn: drawn.standIn } : {}),
  };
}

export interface DrawnAnimation {
  frames: ({ index: number; identity: Identity } & EncodedStill)[];
  durationsMs: number[];
  pivot: { x: number; y: number };
  body: CharacterBody;
}

/**
 * One action in one direction; `only` limits the frames encoded (a re-roll), `reroll` gives
 * frame → take. A locked palette that differs from the design's (edited by PATCH) is applied to
 * every frame, so frames stay inside what the character's owner chose.
 */
export async function drawAnimationJob(
  spec: CharacterSpec,
  action: CharacterAction,
  direction: Facing,
  opts: { reroll?: Record<number, number>; only?: number[]; palette?: string[] } = {},
): Promise<DrawnAnimation> {
  await prepareCharacter(spec);
  const drawn = drawCharacterAnimation(spec, action, direction, { reroll: opts.reroll });
  const facing = drawCharacterFacings(spec, [direction]).facings[direction]!;
  const palette = opts.palette?.length ? opts.palette : drawn.palette;
  const outside = (g: RgbaImage) => paletteOf([g]).some((c) => !palette.includes(c));
  const frames = await Promise.all(
    drawn.frames.flatMap((raw, index) => {
      if (opts.only && !opts.only.includes(index)) return [];
      const grid = outside(raw) ? snapToPalette(raw, palette) : raw;
      const ref = outside(facing) ? snapToPalette(facing, palette) : facing;
      return [
        (async () => ({
          index,
          identity: scoreIdentity(grid, ref, palette, action),
          ...(await encodeStill(grid)),
        }))(),
      ];
    }),
  );
  return { frames, durationsMs: drawn.durationsMs, pivot: drawn.pivot, body: drawn.body };
}
