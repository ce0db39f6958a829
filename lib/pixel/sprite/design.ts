import { hexToRgb } from "../color";
import type { Rng } from "../prng";
import type { Rgb, SpriteMode } from "../types";
import type { Material, SpriteCanvas } from "./canvas";
import { material } from "./canvas";
import type { FrameEffects } from "./pose-effects";
import type { PromptInfo } from "./prompt";
import { takeIndex } from "./take-variety";

export type View = "front" | "back" | "side";

/** Everything a part-based subject needs to draw one frame. */
export interface Pose {
  mode: SpriteMode;
  view: View;
  /** mirror after drawing (left-facing profile) */
  flip: boolean;
  /** upper-body drop in logical px (+ = down); feet stay on the baseline */
  bob: number;
  /** walk phase: +1 near leg forward, -1 far leg forward, 0 legs together */
  stride: number;
  /** lifted leg during passing frames: 1 near, -1 far, 0 none */
  lift: number;
  /** 0 none, 1 wind-up, 2 strike, 3 recover */
  attack: number;
  /** cyclic phase in [0,1) for sway / flicker / bounce */
  t: number;
  /** whole-frame effects applied after drawing (extension modes: jump, hurt, 8 directions …) */
  fx?: FrameEffects;
  /**
   * Three-quarter turn of a front/back view towards +x (the characters' diagonal directions; a
   * left diagonal is this mirrored). Rigs that know it draw a real turned body; 0/absent = square on.
   */
  turn?: number;
  /** camera pitch: 0 profile camera (platformer), 1 low top-down, 2 high top-down (foreshortened) */
  pitch?: number;
  /** re-roll take of the same pose (0/absent = first take): secondary motion and small details */
  take?: number;
  /**
   * An idle sprite at rest: a rig may draw its take's rest stance (a dog sitting). Unset on a
   * character's sheet, whose idle must register with its walk.
   */
  rest?: boolean;
}

export interface Design {
  size: number;
  materials: Material[];
  /** view used by idle / variations / random */
  restView: View;
  draw(c: SpriteCanvas, pose: Pose): void;
  /** materials a material modifier (golden, rusty, fire …) recolours; default: all shaded ones */
  surface?: number[];
  /**
   * Colours that say what the subject is (a lighthouse's red bands, stone grey): a take scheme
   * (engine.ts applyTakeScheme) makes them lighter, darker or muted, never another hue.
   */
  ownColors?: boolean;
  /**
   * the drawing carries its material's texture (a restyled silhouette's grain or specks): a
   * material word recolours it, and draws no second grain or specks over it
   */
  textured?: boolean;
  /** "parts" (rigs): shade at part edges; "rim" (icons): shade only against the air */
  shadeMode?: "parts" | "rim";
  /** the rig draws real three-quarter views for Pose.turn (else a whole-frame yaw stands in) */
  turns?: boolean;
  /** the rig projects its own camera pitch (Pose.pitch); else character.ts foreshortens the frame */
  pitches?: boolean;
  /** the rig's part ids of the head (extra heads, horns); absent: the top of the figure */
  headParts?: readonly number[];
  /** terrain that must tile: drawn without outline or effects that would cross its edges */
  seamless?: boolean;
  /**
   * How many alternative drawings (pose, parts, outline) the builder draws in turn by take key
   * (takeChoice); absent: one. The engine stretches a take only where they run out
   * (take-variety.ts takeBuild).
   */
  takes?: number;
}

/** Material table builder: names → indices so part code stays readable. */
export class Mats {
  readonly list: Material[] = [];
  add(base: Rgb | string, opts: { flat?: boolean; noOutline?: boolean } = {}): number {
    this.list.push(material(typeof base === "string" ? hexToRgb(base) : base, opts));
    return this.list.length - 1;
  }
}

export const SKIN_TONES = ["#f2c6a0", "#e0a878", "#c68858", "#8c5a3c", "#f6d8c0"];
export const HAIR_COLORS = [
  "#3c2a20",
  "#6c4024",
  "#e0b850",
  "#a83c28",
  "#2a2a34",
  "#d8d8e0",
  "#5c3c8c",
];

export function pickColor(
  info: PromptInfo,
  i: number,
  fallback: string,
  rng: Rng,
  jitter = 0,
): Rgb {
  const c = info.colors[i];
  if (c) return c;
  const base = hexToRgb(fallback);
  if (!jitter) return base;
  return base.map((v) =>
    Math.max(0, Math.min(255, Math.round(v + rng.range(-jitter, jitter)))),
  ) as Rgb;
}

export function hsvPick(rng: Rng): string {
  const hues = [
    "#d8383c",
    "#3c6ee6",
    "#44b04e",
    "#8c48cc",
    "#f0862a",
    "#2cb8b0",
    "#e8b52e",
    "#f078b4",
  ];
  return rng.pick(hues);
}

/**
 * The alternative drawing a take key (seed + variation index, `BuildIcons.take`) draws: the list
 * in turn, so consecutive seeds draw different ones; key 1 (seed 1) the first.
 */
export function takeChoice<T>(take: number, list: readonly T[]): T {
  return list[takeIndex(take, list.length)]!;
}

/**
 * A re-roll take's small deterministic variation: −1, 0 or +1 for detail `n` of take `take`
 * (always 0 for the first take, so first takes draw exactly as before).
 */
export function takeVary(take: number, n: number): number {
  if (!take) return 0;
  const h = Math.imul((take + 1) ^ Math.imul(n + 1, 0x9e3779b9), 0x85ebca6b) >>> 0;
  return ((h >>> 7) % 3) - 1;
}
