// Characters (#19): one design drawn in any action, direction and camera view with the same
// identity. The design (parts, colours, proportions) comes from prompt + seed exactly once; every
// frame poses that design on a canvas with padding around a fixed pivot (the feet on the ground
// line), so frames and directions register without drift and swung weapons stay inside.

import {
  type CharacterAction,
  type CharacterBody,
  type CharacterView,
  DIRECTIONS8,
  type Facing,
} from "@/lib/vocabulary";
import { rgbToHex } from "../color";
import { hashString, Rng } from "../prng";
import { MODE_FRAME_COUNT, MODE_FRAME_DURATIONS, type RgbaImage } from "../types";
import { hasQuadrupedRig } from "./animal";
import { beastHead } from "./beast-heads";
import { material, type OutlineStyle, type ShadingStyle, SpriteCanvas } from "./canvas";
import type { Design, Pose } from "./design";
import { cachedIcon, type IconRaster, loadIcon } from "./emoji-art";
import { applyPaletteOption, buildDesign, iconNeeds, poseFor, wearOnTop } from "./engine";
import { type GameMaterial, tintSilhouette } from "./game-icons";
import { applyMaterials, drawMaterialFx } from "./modifiers";
import { applyFrameEffects, type FrameEffects } from "./pose-effects";
import { type PromptInfo, parsePrompt } from "./prompt";

export interface CharacterSpec {
  prompt: string;
  seed: number;
  /** canvas side, padding included (16..128) */
  size: number;
  /** undefined = from the prompt (a wolf → quadruped) */
  body?: CharacterBody;
  view: CharacterView;
  palette?: string;
  outline?: OutlineStyle;
  shading?: ShadingStyle;
}

export interface CharacterFrames {
  frames: RgbaImage[];
  durationsMs: number[];
  /** the feet on the ground line; the same for every frame and direction */
  pivot: { x: number; y: number };
  /** hex colours the design uses: every frame stays inside it */
  palette: string[];
  body: CharacterBody;
}

export interface CharacterFacings {
  facings: Partial<Record<Facing, RgbaImage>>;
  pivot: { x: number; y: number };
  palette: string[];
  body: CharacterBody;
  /**
   * The subject the prompt names when no walking rig draws it (a slime, a chest): the character
   * is then a person who carries its colours, and the caller says so to the user.
   */
  standIn?: string;
}

/** Share of the canvas the standing body takes: the rest is padding for weapons, tails, effects. */
const BODY_SHARE = 0.75;
const DARK_OUTLINE = "#181425";

/**
 * A label canvas that places a design drawn for a `body`-sized canvas inside the larger padded
 * canvas: every plot is shifted by (ox, oy), so rigs keep their own coordinates.
 */
class PlacedCanvas extends SpriteCanvas {
  constructor(
    w: number,
    h: number,
    readonly ox: number,
    readonly oy: number,
  ) {
    super(w, h);
  }
  override plot(x: number, y: number, mat: number, part: number, tone = -1): void {
    super.plot(x + this.ox, y + this.oy, mat, part, tone);
  }
  override erase(x: number, y: number): void {
    super.erase(x + this.ox, y + this.oy);
  }
  override get(x: number, y: number): number {
    return super.get(x + this.ox, y + this.oy);
  }
  override index(x: number, y: number): number {
    return super.index(x + this.ox, y + this.oy);
  }
  override shiftRows(y0: number, y1: number, dx: number): void {
    super.shiftRows(y0 + this.oy, y1 + this.oy, dx);
  }
}

interface Prepared {
  info: PromptInfo;
  design: Design;
  body: CharacterBody;
  standIn?: string;
  size: number;
  inner: number;
  ox: number;
  oy: number;
  pivot: { x: number; y: number };
  palette: string[];
  worn?: IconRaster;
  wornMats: number[];
  materialFx: ReturnType<typeof applyMaterials> | undefined;
  seed: number;
}

function clampSize(size: number): number {
  return Math.max(16, Math.min(128, Math.round(size) || 48));
}

/** The drawn body's side: three quarters of the canvas, same parity so mirroring stays exact. */
function innerSize(size: number): number {
  // at the smallest sizes the rigs' 1-px minimums make the body bulkier than its weapon reach
  // allows: a little more padding there
  let b = Math.round(size * (size < 24 ? BODY_SHARE - 0.1 : BODY_SHARE));
  if ((size - b) % 2) b += 1;
  return Math.min(size, b);
}

/** The subject the prompt names, made into the requested body when one is given. */
function characterInfo(spec: CharacterSpec): {
  info: PromptInfo;
  body: CharacterBody;
  standIn?: string;
} {
  const info = parsePrompt(spec.prompt);
  if (info.kind === "icon" && hasQuadrupedRig(info.subject)) {
    // "a goat" is an icon as a still, but a character walks: the four-legged rig draws it,
    // otherwise the fall-through below would turn the goat into a person
    info.kind = "animal";
    info.builder = "animal";
    info.variant = info.subject;
  }
  const natural: CharacterBody =
    info.kind === "animal" || info.kind === "dragon" ? "quadruped" : "humanoid";
  const body = spec.body ?? natural;
  if (body === "quadruped" && info.kind !== "animal" && info.kind !== "dragon") {
    // "a cat knight" as a quadruped is the cat; anything else walks as a dog-like beast
    // an animal head the rig has no animal for walks as its kin (a jackal as a dog)
    const race = info.race?.startsWith("beast:") ? info.race.slice(6) : undefined;
    const beast = race ? (beastHead(race).rig ?? race) : "dog";
    info.kind = "animal";
    info.builder = "animal";
    info.variant = beast;
  } else if (body === "humanoid" && (info.kind === "animal" || info.kind === "dragon")) {
    // a wolf asked to stand is wolf-folk: the biped rig with the animal's fur and ears
    info.race = `beast:${info.kind === "dragon" ? "lizard" : info.variant}`;
    info.kind = "humanoid";
    info.builder = "humanoid";
    info.role = info.role ?? "person";
    info.variant = "person";
  } else if (info.kind !== "humanoid" && info.kind !== "animal" && info.kind !== "dragon") {
    // characters are rigs: an object or blob prompt becomes a person who carries its colours
    // nothing recognised ("a blorp") is not a subject to name
    const standIn = info.subject === "unknown" ? undefined : info.subject;
    info.kind = "humanoid";
    info.builder = "humanoid";
    info.variant = info.role ?? "person";
    return { info, body, standIn };
  }
  return { info, body };
}

const preparedCache = new Map<string, Prepared>();

function cacheKey(spec: CharacterSpec): string {
  return JSON.stringify([
    spec.prompt,
    spec.seed >>> 0,
    clampSize(spec.size),
    spec.body ?? "",
    spec.palette ?? "",
    spec.outline ?? "",
  ]);
}

/** Loads the borrowed icons (held item, headwear) the character's design needs. */
async function loadCharacterIcons(spec: CharacterSpec): Promise<void> {
  const { info } = characterInfo(spec);
  const size = clampSize(spec.size);
  const inner = innerSize(size);
  await Promise.all(
    iconNeeds(info, spec.prompt, spec.seed >>> 0, inner, 0).map((n) =>
      loadIcon(n.set, n.name, n.cells),
    ),
  );
}

function prepare(spec: CharacterSpec): Prepared {
  const key = cacheKey(spec);
  const hit = preparedCache.get(key);
  if (hit) return hit;
  const { info, body, standIn } = characterInfo(spec);
  const seed = spec.seed >>> 0;
  const size = clampSize(spec.size);
  const inner = innerSize(size);
  info.size = inner;
  const icons: { held?: IconRaster; material?: GameMaterial; take?: number } = { take: seed };
  let worn: IconRaster | undefined;
  let complete = true;
  for (const n of iconNeeds(info, spec.prompt, seed, inner, 0)) {
    if (n.use === "subject") continue;
    const r = cachedIcon(n.set, n.name, n.cells);
    if (r === undefined) complete = false;
    if (!r) continue;
    if (n.use === "worn") worn = r.mono ? tintSilhouette(r, n.material ?? "cloth") : r;
    else icons.held = r.mono ? tintSilhouette(r, n.material ?? "iron") : r;
  }
  const design = buildDesign(
    info,
    Rng.from("shape", spec.prompt, seed),
    Rng.from("color", spec.prompt, seed),
    icons,
  );
  const wornMats = worn ? worn.colors.map((col) => design.materials.push(material(col)) - 1) : [];
  const materialFx = applyMaterials(design, info.materials);
  applyPaletteOption(design, spec.palette);
  const ox = (size - inner) / 2;
  const ground = size - Math.max(2, Math.round(size * 0.09));
  const outlined = spec.outline !== "none";
  // rigs stand on row inner-2; the outline under the feet is the lowest opaque row
  const oy = ground - (inner - 2) - (outlined ? 1 : 0);
  const pal = new Set<string>();
  for (const m of design.materials) for (const col of m.ramp) pal.add(rgbToHex(col));
  if (spec.outline === "dark") pal.add(DARK_OUTLINE);
  const prepared: Prepared = {
    info,
    design,
    body,
    standIn,
    size,
    inner,
    ox,
    oy,
    pivot: { x: Math.floor(size / 2), y: ground },
    palette: [...pal],
    worn,
    wornMats,
    materialFx,
    seed,
  };
  if (preparedCache.size > 64) preparedCache.clear();
  // drawn before its icons were loaded: not kept, so a later call draws the held item
  if (complete) preparedCache.set(key, prepared);
  return prepared;
}

/** How a direction is drawn: which view, mirrored or not, and the three-quarter turn. */
export function directionPose(direction: Facing): {
  view: Pose["view"];
  flip: boolean;
  turn: number;
} {
  switch (direction) {
    case "down":
      return { view: "front", flip: false, turn: 0 };
    case "up":
      return { view: "back", flip: false, turn: 0 };
    case "right":
      return { view: "side", flip: false, turn: 0 };
    case "left":
      return { view: "side", flip: true, turn: 0 };
    case "down_right":
      return { view: "front", flip: false, turn: 1 };
    case "down_left":
      return { view: "front", flip: true, turn: 1 };
    case "up_right":
      return { view: "back", flip: false, turn: 1 };
    case "up_left":
      return { view: "back", flip: true, turn: 1 };
  }
}

const PITCH: Record<CharacterView, number> = { side: 0, low_top_down: 1, high_top_down: 2 };

/** Screen-space effects follow the facing: mirrored for left, damped for toward/away views. */
function facingEffects(
  fx: FrameEffects | undefined,
  dir: Facing,
  scale: number,
): FrameEffects | undefined {
  if (!fx) return fx;
  const d = directionPose(dir);
  const sx = d.view === "side" ? (d.flip ? -1 : 1) : d.turn ? (d.flip ? -1 : 1) : 0;
  const out: FrameEffects = { ...fx, margin: 1 };
  if (fx.facing !== undefined) out.facing = sx as -1 | 0 | 1;
  if (fx.lean) out.lean = sx ? fx.lean * sx : 0;
  if (fx.shiftX) out.shiftX = sx ? Math.round(fx.shiftX * Math.min(1, scale)) * sx : 0;
  // jump and run heights were tuned at 32 px: they scale with the drawn body
  if (fx.rise) out.rise = Math.max(1, Math.round(fx.rise * scale));
  if (fx.rotateDeg) out.rotateDeg = fx.rotateDeg * (sx || 1);
  if (fx.rotateWideDeg) out.rotateWideDeg = fx.rotateWideDeg * (sx || 1);
  return out;
}

function poseOf(
  action: CharacterAction | "still",
  index: number,
  dir: Facing,
  p: Prepared,
  view: CharacterView,
  take: number,
): Pose {
  const d = directionPose(dir);
  const base =
    action === "still" ? poseFor("idle", 0, d.view) : poseFor(action, index, d.view, d.view);
  if (action === "still") base.bob = 0;
  const pose: Pose = {
    ...base,
    view: d.view,
    flip: d.flip,
    turn: d.turn,
    pitch: PITCH[view],
    take,
    fx: facingEffects(base.fx, dir, p.inner / 32),
  };
  // a horse's neck makes it taller than wide: it still lies down rather than topple
  if (p.body === "quadruped" && pose.fx?.rotateDeg !== undefined)
    pose.fx = { ...pose.fx, fourLegged: true };
  return pose;
}

/** Foreshortening of a top-down camera: the body under the head is squashed toward the feet. */
function foreshorten(c: SpriteCanvas, ground: number, factor: number): void {
  if (factor >= 1) return;
  let top = -1;
  for (let y = 0; y < c.h && top < 0; y++)
    for (let x = 0; x < c.w; x++)
      if (c.mat[y * c.w + x]! >= 0) {
        top = y;
        break;
      }
  if (top < 0) return;
  const from = top + Math.round((ground - top) * 0.4);
  const to = ground - Math.round((ground - from) * factor);
  const drop = to - from;
  const mat = c.mat.slice();
  const part = c.part.slice();
  const tone = c.tone.slice();
  for (let y = 0; y <= ground; y++) {
    const sy = y >= to ? Math.round(ground - (ground - y) / factor) : y - drop;
    for (let x = 0; x < c.w; x++) {
      const i = y * c.w + x;
      if (sy < 0 || sy > ground) {
        c.mat[i] = -1;
        continue;
      }
      const j = sy * c.w + x;
      c.mat[i] = mat[j]!;
      c.part[i] = part[j]!;
      c.tone[i] = tone[j]!;
    }
  }
}

function drawFrame(
  spec: CharacterSpec,
  p: Prepared,
  action: CharacterAction | "still",
  index: number,
  dir: Facing,
  take: number,
): RgbaImage {
  const pose = poseOf(action, index, dir, p, spec.view, take);
  const c = new PlacedCanvas(p.size, p.size, p.ox, p.oy);
  p.design.draw(c, pose);
  if (p.worn) wearOnTop(c, p.worn, p.wornMats);
  const groundRow = p.inner - 2 + p.oy;
  if (!p.design.pitches) {
    if (pose.pitch === 2) foreshorten(c, groundRow, 0.72);
    else if (pose.pitch === 1) foreshorten(c, groundRow, 0.9);
  }
  if (pose.flip) c.flipX();
  if (p.materialFx)
    drawMaterialFx(
      c,
      p.design,
      p.info.materials,
      p.materialFx,
      pose,
      hashString(spec.prompt, p.seed),
    );
  const rendered = c.render(p.design.materials, {
    outline: spec.outline ?? "coloured",
    shading: spec.shading ?? "soft",
    shadeMode: p.design.shadeMode,
  });
  // a rig that does not know three-quarter turns gets the whole-frame yaw
  const fx: FrameEffects = { ...pose.fx };
  if (pose.turn && !p.design.turns) fx.yaw = pose.flip ? -1 : 1;
  return applyFrameEffects(rendered, Object.keys(fx).length ? fx : undefined);
}

/** Synchronous facings (the worker's job calls this after `prepareCharacter`). */
export function drawCharacterFacings(
  spec: CharacterSpec,
  directions: readonly Facing[],
): CharacterFacings {
  const p = prepare(spec);
  const facings: Partial<Record<Facing, RgbaImage>> = {};
  for (const d of directions) facings[d] = drawFrame(spec, p, "still", 0, d, 0);
  return {
    facings,
    pivot: { ...p.pivot },
    palette: [...p.palette],
    body: p.body,
    ...(p.standIn ? { standIn: p.standIn } : {}),
  };
}

/** Synchronous animation (the worker's job calls this after `prepareCharacter`). */
export function drawCharacterAnimation(
  spec: CharacterSpec,
  action: CharacterAction,
  direction: Facing,
  opts: { reroll?: Record<number, number> } = {},
): CharacterFrames {
  const p = prepare(spec);
  const n = MODE_FRAME_COUNT[action];
  const frames: RgbaImage[] = [];
  for (let i = 0; i < n; i++)
    frames.push(drawFrame(spec, p, action, i, direction, opts.reroll?.[i] ?? 0));
  return {
    frames,
    durationsMs: [...MODE_FRAME_DURATIONS[action]],
    pivot: { ...p.pivot },
    palette: [...p.palette],
    body: p.body,
  };
}

/** Loads what the design borrows (icons) once per process; drawing is synchronous after it. */
export async function prepareCharacter(spec: CharacterSpec): Promise<void> {
  await loadCharacterIcons(spec);
}

export async function renderCharacterFacings(
  spec: CharacterSpec,
  directions: readonly Facing[],
): Promise<CharacterFacings> {
  await prepareCharacter(spec);
  return drawCharacterFacings(spec, directions);
}

export async function renderCharacterAnimation(
  spec: CharacterSpec,
  action: CharacterAction,
  direction: Facing,
  opts: { reroll?: Record<number, number> } = {},
): Promise<CharacterFrames> {
  await prepareCharacter(spec);
  return drawCharacterAnimation(spec, action, direction, opts);
}

export { DIRECTIONS8 };
