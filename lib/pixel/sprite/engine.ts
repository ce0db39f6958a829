// Built-in offline model `local/pixel-sprite`: prompt + seed → part-based design → posed frame.
// Deterministic: all randomness comes from Rng streams keyed by prompt, seed and frame role.

import { hexToRgb, hsvToRgb, makeRamp, mixRgb, rgbToHex, rgbToHsv, rgbToOklab } from "../color";
import { isPaletteName, PALETTES, PaletteMatcher } from "../palettes";
import { hashString, Rng } from "../prng";
import { kmeansPalette } from "../quantize";
import {
  DIRECTIONS8,
  type Facing,
  type Rgb,
  type RgbaImage,
  type SpriteMode,
  WALK4_ROWS,
} from "../types";
import { BUILDERS, type BuildIcons, builderForKind } from "./builders";
import {
  type Material,
  material,
  type OutlineStyle,
  type ShadingStyle,
  SpriteCanvas,
} from "./canvas";
import { rigDrawsHeadWear } from "./costumes";
import {
  drawCreatureExtras,
  isRiderCell,
  prepareCreatureExtras,
  RIDER_PART,
  riderEdge,
  riderSize,
  seatRider,
} from "./creature-parts";
import type { Design, Pose } from "./design";
import { cachedIcon, type IconRaster, type IconSet, loadIcon } from "./emoji-art";
import { drawnWearColors, isDrawnWear, wearDrawn } from "./face-wear";
import { GAME_MATERIALS, type GameMaterial, isGameIconRef, tintSilhouette } from "./game-icons";
import { recolor } from "./icon";
import {
  iconSourceFor,
  interpretInfo,
  resolveSize,
  type SpriteInterpretation,
  subjectIconDrawings,
  subjectIconSource,
} from "./interpretation";
import { lookupNoun } from "./lexicon";
import { bookMats, drawBookMarks } from "./magic-books";
import {
  applyMaterials,
  drawMaterialFx,
  drawSnowCap,
  glowingColors,
  heldGlows,
  saysGlow,
} from "./modifiers";
import { carryInMouth } from "./mouth-carry";
import {
  contentMats,
  contentsOverlay,
  drawContents,
  drawObjectFeatures,
  featureMats,
  objectFeatures,
} from "./object-features";
import { applyFrameEffects } from "./pose-effects";
import { type PromptInfo, parsePrompt } from "./prompt";
import { carryOnThing, layThingUnderRider, rideStyle } from "./ridden-things";
import { applySizeWord, chibiHead, drawGroup, iconShrink } from "./scale-words";
import { behead, drawMoodMark, drawSleepZ } from "./state-marks";
import { emojiForSilhouette } from "./subject-palette";
import { reproportion, takeBuild, takeMirrored, takeRound } from "./take-variety";
import { SUBJECT_BY_ID, SUBJECT_DEFAULTS } from "./vocabulary";
import { ARMOUR_STEEL, BODY_ARMOUR, wearArmour, wearBackpack, wearCape } from "./wearables";

/** Worn things drawn onto the body (wearables.ts), never borrowed. */
const DRAWN_ON_BODY = new Set(["cape", "backpack", ...BODY_ARMOUR]);

/** Icons a prompt needs before it can be drawn synchronously (subject and held item). */
export function iconNeeds(
  info: PromptInfo,
  prompt: string,
  seed: number,
  size: number,
  take: number,
) {
  const needs: {
    set: IconSet;
    name: string;
    cells: number;
    use:
      | "subject"
      | "held"
      | "worn"
      | "palette"
      | "rider-subject"
      | "rider-held"
      | "rider-worn"
      | "rider-palette";
    material?: GameMaterial;
    /** the subject's alternative drawings (Design.takes) */
    drawings?: number;
  }[] = [];
  if (info.rider)
    for (const n of iconNeeds(info.rider, prompt, seed, riderSize(size), take))
      needs.push({ ...n, use: `rider-${n.use}` as "rider-subject" });
  if (info.builder === "icon" && info.icon) {
    const curated = SUBJECT_BY_ID.get(info.subject)?.builder === "icon";
    const src = subjectIconSource(prompt, seed, info.icon, take, curated);
    needs.push({
      set: src.set,
      name: src.name,
      material: src.material,
      // a campfire is the flame over a log pile drawn by the icon builder
      cells: Math.round(
        iconCells(size, Rng.from("icon-scale", prompt, seed, take)) *
          (info.subject === "campfire" ? 0.72 : 1) *
          // a winged thing leaves room for its wings
          (objectFeatures(info.features, "icon", info.subject, info.variant, info.icon).includes(
            "wings",
          )
            ? 0.66
            : 1) *
          iconShrink(info.sizeWord, size),
      ),
      use: "subject",
      drawings: subjectIconDrawings(info.icon, curated),
    });
    // a silhouette borrows the colours of an emoji of the same subject (subject-palette.ts)
    const emoji =
      src.set === "game-icons"
        ? emojiForSilhouette(src.name, info.subject, !SUBJECT_BY_ID.has(info.subject))
        : undefined;
    if (emoji) needs.push({ set: "fluent-emoji-flat", name: emoji, cells: 16, use: "palette" });
  }
  if (info.held?.icon) {
    const src = isGameIconRef(info.held.icon)
      ? iconSourceFor(prompt, seed, info.held.icon, 0, true)
      : { set: "fluent-emoji-flat" as const, name: info.held.icon, material: undefined };
    needs.push({
      set: src.set,
      name: src.name,
      material: src.material,
      cells: heldCells(size),
      use: "held",
    });
  }
  // a cape is drawn as a drape, a backpack as a pack on the back (wearables.ts), not borrowed
  // so is a character's hat, helmet or crown (its own headgear: costumes.ts wornHeadgear)
  if (
    info.worn &&
    !DRAWN_ON_BODY.has(info.worn.id) &&
    !isDrawnWear(info.worn.icon) &&
    !rigDrawsHeadWear(info)
  ) {
    const src = iconSourceFor(prompt, seed, info.worn.icon, 0, true);
    needs.push({
      set: src.set === "noto" ? "fluent-emoji-flat" : src.set,
      name: src.name,
      material: src.material,
      cells: Math.max(6, Math.round(size * 0.42)),
      use: "worn",
    });
  }
  return needs;
}

/**
 * Headwear on any subject: the hat sits centred over the highest row the subject drew, its
 * brim overlapping the head by a third of its height (clipped at the sprite's top).
 */
export function wearOnTop(
  c: SpriteCanvas,
  hat: IconRaster,
  mats: number[],
  headParts?: readonly number[],
): void {
  // a rig that names its head parts wears the hat on the head, not on a raised tail or wing
  const on = (x: number, y: number) =>
    c.get(x, y) >= 0 && (!headParts?.length || headParts.includes(c.part[y * c.w + x]!));
  let top = -1;
  for (let y = 0; y < c.h && top < 0; y++)
    for (let x = 0; x < c.w; x++)
      if (on(x, y)) {
        top = y;
        break;
      }
  if (top < 0) return;
  let sx = 0;
  let n = 0;
  for (let y = top; y < Math.min(c.h, top + 3); y++)
    for (let x = 0; x < c.w; x++)
      if (on(x, y)) {
        sx += x;
        n++;
      }
  let hy0 = hat.h;
  let hy1 = -1;
  for (let i = 0; i < hat.idx.length; i++)
    if (hat.idx[i]! >= 0) {
      const y = Math.floor(i / hat.w);
      hy0 = Math.min(hy0, y);
      hy1 = Math.max(hy1, y);
    }
  const hh = hy1 - hy0 + 1;
  const ox = Math.round(sx / n - hat.w / 2);
  const oy = Math.max(-hy0, top + Math.round(hh / 3) - hy1);
  for (let y = 0; y < hat.h; y++)
    for (let x = 0; x < hat.w; x++) {
      const q = hat.idx[y * hat.w + x]!;
      if (q < 0) continue;
      const sh = hat.shade[y * hat.w + x]!;
      c.plot(ox + x, oy + y, mats[q]!, 30 + q, sh < 0 ? 1 : sh > 0 ? 3 : 2);
    }
}

/**
 * A rider as pale (or as dark) as its mount is lost in it (eval-d: "a pale knight on a white
 * horse"): when both are pale, the rider's cells against the mount take a dark line (`line`),
 * not the rider's own darkest tone, which on a white knight is still pale.
 */
function separateRider(
  c: SpriteCanvas,
  materials: Material[],
  line: number,
  /** the rider's colours were named ("a white knight"): they stay */
  named: boolean,
): void {
  let rv = 0;
  let rn = 0;
  let mv = 0;
  let mn = 0;
  for (let i = 0; i < c.mat.length; i++) {
    const m = c.mat[i]!;
    if (m < 0 || materials[m]!.flat) continue;
    const [, , v] = rgbToHsv(...materials[m]!.ramp[2]);
    if (isRiderCell(c, i)) {
      rv += v;
      rn++;
    } else {
      mv += v;
      mn++;
    }
  }
  if (!rn || !mn || mv / mn < 0.45) return;
  // a grey knight on a white horse is lost at 32 px even with a line round him (eval-e): on a
  // pale mount the rider's pale greys (steel, a white tabard) are drawn a darker steel
  if (mv / mn > 0.7 && !named)
    for (const m of new Set(c.mat.filter((m, i) => m >= 0 && isRiderCell(c, i)))) {
      const mat = materials[m]!;
      if (mat.flat) continue;
      const [, s, v] = rgbToHsv(...mat.ramp[2]);
      if (v > 0.55 && s < 0.3) materials[m] = material(mixRgb(mat.ramp[2], [52, 58, 78], 0.45));
    }
  // a dark pair keeps the rider's own dark tone: a dark line would not show on it; a pale mount
  // under a rider lined apart by less than a third of the brightness scale gets the line
  if (Math.abs(rv / rn - mv / mn) > 0.33) return;
  for (const i of riderEdge(c)) c.mat[i] = line;
}

/** Builders of living things (a fire wolf burns all over; a flaming sword stays steel). */
const BEING_BUILDERS = new Set(["humanoid", "animal", "dragon", "blob", "monster"]);

/** Icon box inside the sprite: a 1-px margin for the outline; seeds vary the scale a little. */
function iconCells(size: number, rng: Rng): number {
  const shrink = rng.int(0, Math.max(0, Math.round(size / 16) - 1)) * 2;
  return size - 2 - shrink;
}

function heldCells(size: number): number {
  return Math.max(6, Math.round(size * 0.3));
}

export function buildDesign(info: PromptInfo, rng: Rng, crng: Rng, icons: BuildIcons = {}): Design {
  return builderForKind(info.kind).build(info, rng, crng, info.size, icons);
}

const neutral = (mode: SpriteMode, view: Pose["view"]): Pose => ({
  mode,
  view,
  flip: false,
  bob: 0,
  stride: 0,
  lift: 0,
  attack: 0,
  t: 0,
});

/** The facing of a walk4 row / direction: the view drawn, mirrored or not, and its 3/4 turn. */
function facingPose(facing: Facing): { view: Pose["view"]; flip: boolean; yaw?: -1 | 1 } {
  switch (facing) {
    case "down":
      return { view: "front", flip: false };
    case "up":
      return { view: "back", flip: false };
    case "left":
      return { view: "side", flip: true };
    case "right":
      return { view: "side", flip: false };
    // three-quarter views: the front/back view turned towards the side it faces
    case "down_left":
      return { view: "front", flip: false, yaw: -1 };
    case "down_right":
      return { view: "front", flip: false, yaw: 1 };
    case "up_left":
      return { view: "back", flip: false, yaw: -1 };
    case "up_right":
      return { view: "back", flip: false, yaw: 1 };
  }
}

/** Walk phase p (0–3): contact, passing, contact (other foot), passing. */
function walkPhase(p: number) {
  return {
    stride: [1, 0, -1, 0][p]!,
    lift: [0, -1, 0, 1][p]!,
    bob: [1, 0, 1, 0][p]!,
    t: p / 4,
  };
}

/**
 * Frame index → pose. Feet stay on one baseline in every pose so frames play without jitter
 * (jump and run lift the whole sprite on purpose). Extension modes reuse the rigs' drawing
 * vocabulary (`mode` walk / idle / attack) and add whole-frame effects (`fx`).
 */
export function poseFor(
  mode: SpriteMode,
  index: number,
  restView: Pose["view"],
  walkView?: Pose["view"],
): Pose {
  const i = Math.max(0, index);
  // side views face right unless flipped; action modes are drawn in profile
  const facing = (flip: boolean): -1 | 1 => (flip ? -1 : 1);
  switch (mode) {
    case "walk": {
      // contact (near foot forward) → passing (far leg lifted, body up) → contact (far foot
      // forward) → passing (near leg lifted); body drops 1 px on contact frames.
      return { ...neutral(mode, walkView ?? "side"), ...walkPhase(i % 4) };
    }
    case "idle":
      // breathing: frame 1 squashes the upper body 1 px (inhale/exhale)
      return { ...neutral(mode, restView), bob: i % 2, t: (i % 2) / 2 };
    case "attack":
      return { ...neutral(mode, "side"), attack: (i % 3) + 1, t: (i % 3) / 3 };
    case "directions": {
      const p = i % 4;
      return { ...neutral(mode, p === 0 ? "front" : p === 1 ? "back" : "side"), flip: p === 2 };
    }
    case "directions8": {
      const f = facingPose(DIRECTIONS8[i % 8]!);
      return {
        ...neutral("directions", f.view),
        flip: f.flip,
        fx: f.yaw ? { yaw: f.yaw } : undefined,
      };
    }
    case "walk4": {
      // rows: down, left, right, up — a walk cycle per facing
      const f = facingPose(WALK4_ROWS[Math.floor(i / 4) % 4]!);
      return { ...neutral("walk", f.view), flip: f.flip, ...walkPhase(i % 4) };
    }
    case "run": {
      // contact → push-off → flight, for each foot: longer flight, body leaning forward
      const p = i % 6;
      return {
        ...neutral("walk", walkView ?? "side"),
        stride: [1, 0, -1, -1, 0, 1][p]!,
        lift: [0, -1, 0, 0, 1, 0][p]!,
        bob: [1, 0, 0, 1, 0, 0][p]!,
        t: (p % 3) / 4 + (p >= 3 ? 0.5 : 0),
        fx: { rise: [0, 1, 2, 0, 1, 2][p]!, lean: 1, facing: 1 },
      };
    }
    case "jump": {
      // crouch → take-off (one leg trailing) → apex (legs tucked) → landing
      const p = i % 4;
      const base = neutral(p === 1 || p === 2 ? "walk" : "idle", "side");
      return {
        ...base,
        lift: [0, 1, -1, 0][p]!,
        bob: [1, 0, 1, 1][p]!,
        t: p / 4,
        fx: { squash: [2, 0, 0, 1][p]!, rise: [0, 3, 5, 0][p]!, facing: 1 },
      };
    }
    case "hurt": {
      // hit flash while knocked back, then a stagger leaning away from the blow
      const p = i % 2;
      return {
        ...neutral("idle", "side"),
        bob: 1,
        fx: p === 0 ? { flash: true, shiftX: -2, facing: 1 } : { lean: -2, shiftX: -1, facing: 1 },
      };
    }
    case "death": {
      // struck → knees buckle → topple backwards → lying on the ground
      const p = i % 4;
      const fx = [
        { flash: true, shiftX: -1 },
        { squash: 3, lean: -1 },
        { squash: 2, rotateDeg: -45, rotateWideDeg: -15 },
        { rotateDeg: -90, rotateWideDeg: 0, collapseWide: 0.45 },
      ][p]!;
      return { ...neutral("idle", "side"), bob: 1, fx: { ...fx, facing: facing(false) } };
    }
    case "cast": {
      // gather (stance) → raise (wind-up) → release (strike) → recover, with the spell's glow
      const p = i % 4;
      return {
        ...neutral(p === 0 ? "idle" : "attack", "side"),
        attack: [0, 1, 2, 3][p]!,
        t: p / 4,
        fx: { magic: ([1, 2, 3, 4] as const)[p], facing: 1 },
      };
    }
    default:
      return neutral(mode, restView);
  }
}

export function applyPaletteOption(design: Design, palette: string | string[] | undefined): void {
  if (!palette || palette === "auto") return;
  const mats = design.materials;
  // a saved palette's colours (resolved when the task was created)
  if (Array.isArray(palette)) {
    if (palette.length) mapRampsToPalette(mats, palette.map(hexToRgb));
    return;
  }
  if (isPaletteName(palette)) {
    mapRampsToPalette(mats, PALETTES[palette].map(hexToRgb));
    return;
  }
  const n = /^auto:(\d+)$/.exec(palette);
  if (!n) return;
  const N = Math.max(2, Math.min(64, Number(n[1])));
  const all: Rgb[] = [];
  for (const m of mats) all.push(...m.ramp);
  const uniq = [...new Map(all.map((c) => [rgbToHex(c), c])).values()];
  if (uniq.length <= N) return;
  const pal = kmeansPalette(uniq, N);
  const pm = new PaletteMatcher(pal);
  for (const m of mats) m.ramp = m.ramp.map((c) => pm.colors[pm.nearest(...c)]!) as typeof m.ramp;
}

/**
 * Fixed-palette snap by ramp rather than per colour: each material's [outline, shadow, base,
 * light] ramp is mapped to palette colours that keep the light→dark order (OKLab L strictly
 * decreasing where the palette allows it), so skin, cloth and metal keep their shading instead
 * of collapsing onto one swatch. Outlines use the darkest palette colour below the shadow;
 * flat details (eyes, glints) are pushed off any colour a shaded material uses for its base so
 * faces stay readable.
 */
export function mapRampsToPalette(mats: Material[], pal: Rgb[]): void {
  const lab = pal.map((c) => rgbToOklab(...c));
  const dist = (c: Rgb, j: number) => {
    const [L, a, b] = rgbToOklab(...c);
    const q = lab[j]!;
    return (L - q[0]) ** 2 + 2 * ((a - q[1]) ** 2 + (b - q[2]) ** 2);
  };
  const best = (c: Rgb, ok: (j: number) => boolean): number => {
    let bi = -1;
    let bd = Infinity;
    for (let j = 0; j < pal.length; j++) {
      if (!ok(j)) continue;
      const d = dist(c, j);
      if (d < bd) {
        bd = d;
        bi = j;
      }
    }
    return bi;
  };
  const lum = (j: number) => lab[j]![0];
  let darkest = 0;
  for (let j = 1; j < pal.length; j++) if (lum(j) < lum(darkest)) darkest = j;
  const used = new Set<number>();
  const flats: Material[] = [];
  for (const m of mats) {
    if (m.flat) {
      flats.push(m);
      continue;
    }
    const [o, sh, ba, li] = m.ramp;
    const b = best(ba, () => true);
    const l = best(li, (j) => lum(j) > lum(b) + 0.04);
    const s = best(sh, (j) => lum(j) < lum(b) - 0.04);
    const sIdx = s >= 0 ? s : b;
    // one outline colour for the whole sprite: the palette's darkest
    const oIdx = lum(darkest) < lum(sIdx) ? darkest : best(o, (j) => lum(j) < lum(sIdx));
    void o;
    used.add(b);
    m.ramp = [pal[oIdx >= 0 ? oIdx : darkest]!, pal[sIdx]!, pal[b]!, pal[l >= 0 ? l : b]!];
  }
  for (const m of flats) {
    const base = m.ramp[2];
    let j = best(base, (q) => !used.has(q) && q !== darkest);
    if (j < 0) j = best(base, () => true);
    const c = pal[j]!;
    m.ramp = [m.noOutline ? c : pal[darkest]!, c, c, c];
  }
}

export interface SpriteRenderOptions {
  prompt: string;
  seed: number;
  mode: SpriteMode;
  index: number;
  count: number;
  /** "auto" | "auto:N" | PaletteName, or a saved palette's colours */
  palette?: string | string[];
  /** walk facing: "side" (default) or "front" (towards the camera) */
  view?: "side" | "front";
  /** logical grid (16, 24, 32, 48, 64); wins over a size word in the prompt */
  size?: number;
  outline?: OutlineStyle;
  shading?: ShadingStyle;
  /**
   * Re-roll salt for one frame of a pose batch: the same subject (design) in a different take of
   * the frame's secondary motion and details. 0 = the frame as first drawn.
   */
  reroll?: number;
}

/** The variation index a frame is drawn with: variations/random batches re-roll the take. */
function takeOf(o: SpriteRenderOptions): number {
  return (o.mode === "variations" || o.mode === "random") && o.index > 0 ? o.index : 0;
}

/** Loads (once per process) the borrowed icons a sprite needs; renderSpriteGrid is sync after. */
export async function prepareSprite(
  o: Pick<SpriteRenderOptions, "prompt" | "seed" | "mode" | "index" | "size">,
): Promise<void> {
  const info = parsePrompt(o.prompt);
  const size = resolveSize(info, o.size);
  const take = takeOf(o as SpriteRenderOptions);
  await Promise.all(
    iconNeeds(info, o.prompt, o.seed >>> 0, size, take).map((n) =>
      loadIcon(n.set, n.name, n.cells),
    ),
  );
}

/** prepareSprite + renderSpriteGrid. */
export async function renderSprite(o: SpriteRenderOptions) {
  await prepareSprite(o);
  return renderSpriteGrid(o);
}

export function renderSpriteGrid(o: SpriteRenderOptions): {
  grid: RgbaImage;
  palette: string[];
  interpretation: SpriteInterpretation;
} {
  const info = parsePrompt(o.prompt);
  const seed = o.seed >>> 0;
  info.size = resolveSize(info, o.size);
  const take = takeOf(o);
  let rng = Rng.from("shape", o.prompt, seed);
  let crng = Rng.from("color", o.prompt, seed);
  if (o.mode === "variations" && o.index > 0) {
    // same subject (kind/variant/colours come from the prompt), but shape details (build,
    // headgear/weapon options, cape, pattern) and unfixed accent colours are re-rolled
    rng = Rng.from("shape", o.prompt, seed, "v", o.index);
    crng = Rng.from("color", o.prompt, seed, "v", o.index);
  }
  if (o.mode === "random" && o.index > 0) {
    rng = Rng.from("shape", o.prompt, seed, "r", o.index);
    crng = Rng.from("color", o.prompt, seed, "r", o.index);
  }
  const icons: BuildIcons = { take: seed + take };
  const riderIcons: BuildIcons = { take: seed + take };
  let worn: IconRaster | undefined;
  for (const n of iconNeeds(info, o.prompt, seed, info.size, take)) {
    const r = cachedIcon(n.set, n.name, n.cells);
    if (r === undefined)
      throw new Error(`icon ${n.set}:${n.name} is not loaded; call prepareSprite() first`);
    if (!r) continue;
    if (n.use === "rider-subject") {
      riderIcons.subject = r;
      riderIcons.material = n.material;
    } else if (n.use === "rider-held")
      riderIcons.held = r.mono ? tintSilhouette(r, n.material ?? "iron") : r;
    else if (n.use === "rider-worn") continue;
    else if (n.use === "rider-palette") riderIcons.palette = r;
    else if (n.use === "palette") icons.palette = r;
    else if (n.use === "subject") {
      icons.subject = r;
      icons.material = n.material;
      icons.drawings = n.drawings;
    } else if (n.use === "worn") {
      worn = r.mono ? tintSilhouette(r, n.material ?? "cloth") : r;
      // "wearing a red hat": the hat's main colour family turns red (the wearer keeps its own)
      const tint = info.worn?.tint;
      if (tint)
        worn = {
          ...worn,
          colors: recolor(worn.colors, worn.counts, hexToRgb(tint.hex), Rng.from("worn", seed)),
        };
    } else {
      icons.held = r.mono ? tintSilhouette(r, n.material ?? "iron") : r;
      // eval-f: a wizard's glowing orb was a dark purple ball in his hand
      if (heldGlows(o.prompt))
        icons.held = { ...icons.held, colors: glowingColors(icons.held.colors) };
    }
  }
  const design = buildDesign(info, rng, crng, icons);
  const wornMats = worn ? worn.colors.map((col) => design.materials.push(material(col)) - 1) : [];
  // "a blue cape", "a leather backpack": the colour said of the worn thing is its main colour
  const tint = info.worn?.tint ? hexToRgb(info.worn.tint.hex) : undefined;
  const addMat = (rgb: Rgb) => design.materials.push(material(rgb)) - 1;
  const wornMain = (hex: string) => addMat(tint ?? hexToRgb(hex));
  const wornShade = (hex: string) => addMat(tint ? mixRgb(tint, [0, 0, 0], 0.4) : hexToRgb(hex));
  const notPerson = info.builder !== "humanoid";
  // a cape on a body without a cape of its own (characters draw theirs)
  const cape =
    info.worn?.id === "cape" && notPerson
      ? [wornMain(GAME_MATERIALS.cape.base), addMat(hexToRgb(GAME_MATERIALS.cape.accent))]
      : undefined;
  // a backpack on a body: green canvas with a darker flap and straps (a brown leather pack was
  // lost on a brown hedgehog, dog or bear at 32 px)
  const pack =
    info.worn?.id === "backpack" && notPerson
      ? [wornMain("#4c9c58"), wornShade("#2c5c34")]
      : undefined;
  // armour on an animal or creature: blued steel plates with a brass rim and rivets, which part
  // them from a grey or white coat (pale steel vanished on a grey mouse); leather: dark hide
  const armour =
    info.worn && BODY_ARMOUR.has(info.worn.id) && notPerson
      ? [
          wornMain(info.worn.id === "leather-armor" ? "#4c2c18" : ARMOUR_STEEL),
          addMat(hexToRgb("#d8a830")),
        ]
      : undefined;
  // eyewear and neckwear are drawn on the face found on the canvas (face-wear.ts)
  const faceWear = isDrawnWear(info.worn?.icon)
    ? (drawnWearColors(info.worn!.id).map(
        (col) => design.materials.push(material(hexToRgb(col))) - 1,
      ) as [number, number])
    : undefined;
  const extras = prepareCreatureExtras(design, info, seed + take);
  applyTakeScheme(design, info, seed + take);
  const fx = design.seamless
    ? undefined
    : applyMaterials(
        design,
        info.materials,
        !BEING_BUILDERS.has(info.builder),
        BEING_BUILDERS.has(info.builder) && info.builder !== "humanoid",
      );
  if (design.seamless && info.materials.length) applyMaterials(design, info.materials);
  // eyes, teeth, wings and contents on a thing: their own colours, not the scheme's or the
  // material's
  const thingExtras = objectFeatures(
    info.features,
    info.builder,
    info.subject,
    info.variant,
    info.icon,
  );
  const heap = contentsOverlay(info.contents, info.builder, info.subject, info.variant, info.icon);
  const add = {
    add: (b: Rgb | string, opts?: { flat?: boolean; noOutline?: boolean }) =>
      design.materials.push(material(typeof b === "string" ? hexToRgb(b) : b, opts)) - 1,
  };
  const fm = thingExtras.length ? featureMats(add) : undefined;
  const cm = heap ? contentMats(heap, add) : undefined;
  const bm = info.bookMeaning ? bookMats(add, info.bookMeaning) : undefined;
  // the rider keeps its own colours: its materials join after the mount's modifiers
  const rider = info.rider
    ? buildDesign({ ...info.rider, size: riderSize(info.size) }, rng, crng, riderIcons)
    : undefined;
  const riderMats = design.materials.length;
  if (rider) {
    if (rider.materials.length) applyMaterials(rider, info.rider!.materials);
    design.materials.push(...rider.materials);
  }
  const riderLine = rider
    ? design.materials.push(material(hexToRgb("#2a2438"), { flat: true })) - 1
    : -1;
  const snowMat = info.snowCap ? design.materials.push(material(hexToRgb("#f2f6fa"))) - 1 : -1;
  // headless: a dark red stump where the head was cut off (state-marks.ts behead)
  const stumpMat =
    info.headless || info.rider?.headless
      ? design.materials.push(material(hexToRgb("#b82430"))) - 1
      : -1;
  // asleep: a pale "z" over the head, outlined like the sprite (state-marks.ts)
  const sleepMat = info.asleep
    ? design.materials.push(material(hexToRgb("#eef2fa"), { flat: true })) - 1
    : -1;
  // a mood's mark beside the head (state-marks.ts): red for anger, pale blue for a drop (the
  // animal rig sheds its own tear under the eye: one beyond its muzzle read as a drink)
  const moodMats =
    info.mood &&
    info.mood !== "happy" &&
    info.mood !== "evil" &&
    !(info.mood === "sad" && info.builder === "animal")
      ? {
          red: design.materials.push(material(hexToRgb("#e83838"), { flat: true })) - 1,
          water: design.materials.push(material(hexToRgb("#78c8f8"), { flat: true })) - 1,
        }
      : undefined;
  // a being that holds something holds it in its mouth (mouth-carry.ts), in the thing's colours
  const carried = info.builder !== "humanoid" ? icons.held : undefined;
  const carriedMats = carried
    ? carried.colors.map((col) => design.materials.push(material(col)) - 1)
    : [];
  applyPaletteOption(design, o.palette);
  const walkView =
    o.view ??
    (/\b(front|facing (the )?(camera|viewer)|towards? (the )?camera)\b|正面/i.test(o.prompt)
      ? "front"
      : undefined);
  const pose = poseFor(o.mode, o.index, design.restView, walkView);
  if (o.reroll) rerollPose(pose, Rng.from("reroll", o.prompt, seed, o.index, o.reroll));
  turnedBatchPose(pose, o.mode, info, design, o.reroll ?? 0);
  const c = new SpriteCanvas(design.size, design.size);
  design.draw(c, pose);
  if (info.headless && design.headParts) behead(c, design.headParts, stumpMat);
  if (fm) drawObjectFeatures(c, thingExtras, fm, pose);
  if (heap && cm) drawContents(c, heap, cm, pose);
  if (bm) drawBookMarks(c, bm, pose);
  if (extras)
    drawCreatureExtras(c, info, pose, extras, design.headParts, design.materials, seed + take);
  if (rider) {
    const rc = new SpriteCanvas(rider.size, rider.size);
    // the rider sits: no stride, the mount's bob
    rider.draw(rc, { ...pose, stride: 0, lift: 0, attack: 0 });
    // borrowed emoji face left; the rider faces where its mount does
    if (info.builder === "icon" && pose.view === "side") rc.flipX();
    const ridden = rideStyle(info.subject);
    if (ridden) {
      layThingUnderRider(c, ridden);
      carryOnThing(c, rc, riderMats, ridden);
    } else seatRider(c, rc, riderMats, pose.view === "side", info.builder !== "icon");
    // beheaded where it sits: seated by its whole height, a headless rider keeps its shoulders up
    if (info.rider?.headless && rider.headParts)
      behead(
        c,
        rider.headParts.map((p) => RIDER_PART + p),
        stumpMat,
      );
    separateRider(c, design.materials, riderLine, !!info.rider?.colors.length);
  }
  // cute on a character or an eastern dragon: a chibi head (the animal rig and the winged
  // dragon's baby build draw their own)
  if (
    info.cute &&
    (info.builder === "humanoid" || (info.builder === "dragon" && info.variant === "eastern")) &&
    design.headParts
  )
    chibiHead(c, design.headParts);
  if (carried)
    carryInMouth(
      c,
      carried,
      carriedMats,
      // a rig faces right in side views; a borrowed drawing is read from its figure
      info.builder === "icon" ? undefined : pose.view === "side" ? "right" : "front",
      design.headParts,
    );
  if (worn) wearOnTop(c, worn, wornMats, design.headParts);
  if (faceWear) wearDrawn(c, info.worn!.id, pose, design.materials, design.headParts, faceWear);
  // borrowed icons are drawn side-on in every view (a turn only squeezes or mirrors them)
  if (cape)
    wearCape(c, info.builder === "icon" ? { ...pose, view: "side" } : pose, cape[0]!, cape[1]!);
  if (armour)
    wearArmour(
      c,
      info.builder === "icon" ? { ...pose, view: "side" } : pose,
      armour[0]!,
      armour[1]!,
    );
  if (pack)
    wearBackpack(c, info.builder === "icon" ? { ...pose, view: "side" } : pose, pack[0]!, pack[1]!);
  // "three apples", "a pile of coins": a small group of the thing (scale-words.ts)
  if (info.count && !design.seamless) drawGroup(c, info.count);
  // a take its own build (stocky, lanky, long) where the design's own drawings run out; people
  // vary by their own rig's choices
  if (!design.seamless && info.builder !== "humanoid") {
    reproportion(c, ...takeBuild(seed + take, design.takes));
    // a still or idle sprite may face the other way; a walk, a turn or a sheet keeps its facing
    if (MIRRORED_MODES.has(o.mode) && takeMirrored(seed + take, design.takes)) c.flipX();
  }
  // "giant" fills the frame, "tiny" stands small in it, whatever grid the studio asked for
  // (a borrowed icon was already drawn at the shrunk size: iconNeeds)
  const drawnSmall =
    info.builder === "icon" && !!info.icon && iconShrink(info.sizeWord, info.size) < 1;
  if (info.sizeWord && !design.seamless && !drawnSmall) applySizeWord(c, info.sizeWord);
  if (snowMat >= 0) drawSnowCap(c, snowMat);
  if (pose.flip) c.flipX();
  // after the flip, so the z reads the right way round
  if (sleepMat >= 0 && !design.seamless) drawSleepZ(c, sleepMat, design.headParts, pose.t);
  if (moodMats && info.mood && !design.seamless)
    drawMoodMark(c, info.mood, moodMats, design.headParts);
  if (fx)
    drawMaterialFx(
      c,
      design,
      info.materials,
      fx,
      pose,
      hashString(o.prompt, seed),
      !BEING_BUILDERS.has(info.builder),
      saysGlow(o.prompt),
    );
  const rendered = c.render(design.materials, {
    outline: design.seamless ? "none" : (o.outline ?? "coloured"),
    shading: o.shading ?? "soft",
    shadeMode: design.shadeMode,
  });
  // whole-frame effects of the extension modes (jump height, hit flash, 3/4 turn …)
  const grid = applyFrameEffects(rendered, pose.fx);
  const pal = new Set<string>();
  for (const m of design.materials) for (const col of m.ramp) pal.add(rgbToHex(col));
  return {
    grid,
    palette: [...pal],
    interpretation: interpretInfo(o.prompt, info, {
      seed,
      size: info.size,
      outline: o.outline,
      shading: o.shading,
      take,
    }),
  };
}

/** Modes whose frames face no set way: a take of a still may be mirrored (takeMirrored). */
const MIRRORED_MODES = new Set<SpriteMode>(["idle", "variations", "random"]);

/** Batch modes that walk or face around: the camera looks down a little (RPG sheets). */
const FACING_MODES = new Set<SpriteMode>(["directions", "directions8", "walk4"]);
/** Batch modes a quadruped draws with its projected 3-D body (the characters' drawing). */
const PROJECTED_MODES = new Set<SpriteMode>([
  ...FACING_MODES,
  "walk",
  "run",
  "idle",
  "attack",
  "hurt",
  "death",
  "jump",
  "cast",
  // stills: each variation a take of its own (a sitting fox, a lying one …)
  "variations",
  "random",
]);
/** Modes whose frames are an animal at rest: a take may draw its rest stance (Pose.rest). */
const REST_MODES = new Set<SpriteMode>(["idle", "variations", "random"]);

/**
 * Batch frames of the rigs that know real turns draw them too: a quadruped's pose/direction
 * frames use its projected body (diagonal-pair gait, real front, back and three-quarter views),
 * and a humanoid's directions8 diagonals are its three-quarter views instead of a sheared front.
 * The whole-frame yaw that stood in for a turn is dropped where the rig turns itself.
 */
function turnedBatchPose(
  pose: Pose,
  mode: SpriteMode,
  info: PromptInfo,
  design: Design,
  reroll: number,
): void {
  const yaw = pose.fx?.yaw;
  const diagonal = () => {
    if (!yaw) return;
    pose.turn = 1;
    pose.flip = yaw < 0;
    const { yaw: _drop, ...rest } = pose.fx!;
    pose.fx = Object.keys(rest).length ? rest : undefined;
  };
  if (info.kind === "animal" && design.pitches && PROJECTED_MODES.has(mode)) {
    diagonal();
    pose.pitch = FACING_MODES.has(mode) || pose.view !== "side" ? 1 : 0;
    if (REST_MODES.has(mode)) pose.rest = true;
    // a horse's neck makes it taller than wide: it still lies down rather than topple
    if (pose.fx?.rotateDeg !== undefined) pose.fx = { ...pose.fx, fourLegged: true };
    if (reroll) pose.take = reroll;
    return;
  }
  if (info.kind === "humanoid" && design.turns && mode === "directions8" && yaw) {
    diagonal();
    pose.pitch = 0;
  }
}

/** WordNet categories of living things (lexicon.ts) */
const LIVING_LEXICON = new Set(["animal", "person", "imaginary being", "plant"]);

/**
 * Seeds that matter for objects: when the prompt names no colour or material, consecutive seeds
 * take different colour schemes of the same object (as drawn; lighter and warmer; darker and
 * cooler; weathered), on top of the builder's own shape choices. A batch shares its seed, so it
 * keeps one scheme; creatures keep their natural colours (a purple wolf is not a wolf).
 */
export function applyTakeScheme(design: Design, info: PromptInfo, key: number): void {
  if (!BUILDERS[info.builder].object || design.seamless) return;
  const category = SUBJECT_BY_ID.get(info.subject)?.category;
  // borrowed creatures keep their natural colours (their skins vary by seed in the builder);
  // a creature with colours of its own (a grey werewolf) takes them lighter or darker
  if (
    info.builder === "icon" &&
    (category === "creature" || category === "animal") &&
    !design.ownColors
  ) {
    // when its drawings come round (a frog drawn three ways, a symmetric one a mirror does not
    // change) the next round is the same drawing in its own hues, darker, lighter or muted;
    // whites, blacks and greys (a skunk's stripe, a shark) stay
    const round = takeRound(key, design.takes);
    if (round && !info.colors.length) shiftOwnHues(design, round);
    return;
  }
  const own = SUBJECT_DEFAULTS[info.subject]?.materials ?? [];
  if (info.colors.length || info.materials.some((m) => !own.includes(m))) return;
  const scheme = ((key % 4) + 4) % 4;
  if (scheme === 0) return;
  // a being the vocabulary does not list (a condor drawn as the vulture icon, a dodo) is alive
  // by its WordNet entry: its greys are feathers or fur, not steel
  const alive =
    category === "creature" ||
    category === "animal" ||
    (!category && LIVING_LEXICON.has(lookupNoun(info.subject.replace(/-/g, " "))?.category ?? ""));
  const shift = (c: Rgb): Rgb => {
    const [h, sat, v] = rgbToHsv(...c);
    if (design.ownColors) {
      // the subject's own colours: lighter, darker or weathered, in the same hue
      if (scheme === 1) return hsvToRgb(h, sat * 0.9, Math.min(1, v * 1.16 + 0.04));
      if (scheme === 2) return hsvToRgb(h, Math.min(1, sat * 1.08), v * 0.72);
      return hsvToRgb(h, sat * 0.62, Math.min(1, v * 0.94));
    }
    if (sat < 0.2 && v > 0.8) {
      // whites (clouds, ghosts, snow) stay white: ivory, pale grey, ice
      // (ivory only just: a pale steel blade must not turn bone or beige)
      if (scheme === 1) return hsvToRgb(45, 0.08, v);
      if (scheme === 2) return hsvToRgb(h, sat, v * 0.8);
      return hsvToRgb(205, 0.16, v);
    }
    if (sat < 0.2) {
      // greys (a blade, an axe head, a pick): polished, dark and blued steel. Never bronze: a
      // tan head at 32 px reads as wood or leather (eval-d: battle axe, 斧头, pickaxe, 🗡️)
      // A living thing's greys warm to brown instead (eval-b: a silver condor and dodo)
      if (scheme === 1)
        return alive
          ? hsvToRgb(30, 0.4, Math.min(1, v * 0.95))
          : hsvToRgb(205, sat * 0.6, Math.min(1, v * 1.12 + 0.04));
      if (scheme === 2) return hsvToRgb(h, sat, v * 0.65);
      return hsvToRgb(215, 0.42, Math.min(1, v * 1.05));
    }
    // colours keep their hue family (a heart stays red): lighter, darker, muted
    // warmer is towards orange (hue 40): turning every hue the same way made brown wood pink
    if (scheme === 1) {
      const toWarm = ((40 - h + 540) % 360) - 180;
      const hw = (h + Math.sign(toWarm) * Math.min(10, Math.abs(toWarm)) + 360) % 360;
      return hsvToRgb(hw, sat * 0.85, Math.min(1, v * 1.18 + 0.04));
    }
    if (scheme === 2) return hsvToRgb((h + 10) % 360, Math.min(1, sat * 1.1), v * 0.68);
    return hsvToRgb(h, sat * 0.4, Math.min(1, v * 1.05 + 0.04));
  };
  // a yellow made darker or duller turns olive or brown, which reads as mould, moss or a rotten
  // lemon (eval-e: a cheese's holes went green), and a red made duller turns pink or, a step
  // cooler, magenta (eval-e: a locomotive's wheels): both keep most of their saturation, a
  // yellow darkens only a little and towards ochre, and a red never turns towards purple
  const keepFamily = (c: Rgb): Rgb => {
    const [h0, s0, v0] = rgbToHsv(...c);
    const out = shift(c);
    const yellow = h0 >= 36 && h0 <= 72;
    const red = h0 >= 340 || h0 <= 12;
    // a brown or an orange turned towards yellow and darkened reads olive too (a wooden totem)
    const brown = h0 >= 18 && h0 < 36;
    if ((!yellow && !red && !brown) || s0 < 0.3) return out;
    const [h, s, v] = rgbToHsv(...out);
    if (brown) return hsvToRgb(v < v0 ? Math.min(h, h0) : h, s, v);
    if (yellow)
      return v < v0 * 0.9
        ? hsvToRgb(Math.max(32, h0 - 6), Math.max(s, s0), v0 * 0.8)
        : hsvToRgb(Math.min(h, h0), s, v);
    return hsvToRgb(
      h > 180 && h < Math.max(h0, 350) ? Math.max(h0, 350) : h,
      Math.max(s, s0 * 0.8),
      v,
    );
  };
  const surface =
    design.surface ?? design.materials.map((_, i) => i).filter((i) => !design.materials[i]!.flat);
  for (const i of surface) {
    const m = design.materials[i]!;
    m.ramp = (m.rampOf ?? makeRamp)(keepFamily(m.ramp[2]));
  }
}

function shiftOwnHues(design: Design, round: number): void {
  for (const m of design.materials) {
    if (m.flat) continue;
    const [h, sat, v] = rgbToHsv(...m.ramp[2]);
    if (sat < 0.2 || v < 0.2) continue;
    const c =
      round === 1
        ? hsvToRgb(h, Math.min(1, sat * 1.08), v * 0.76)
        : round === 2
          ? hsvToRgb(h, sat * 0.92, Math.min(1, v * 1.1 + 0.02))
          : hsvToRgb(h, sat * 0.6, Math.min(1, v * 0.95));
    m.ramp = (m.rampOf ?? makeRamp)(c);
  }
}

/**
 * A re-rolled frame keeps the batch's design and the frame's pose, and changes what a second
 * take of the same frame would: the secondary-motion phase (flicker, sway, glints), a 1-px breath
 * and the facing of symmetric views.
 */
function rerollPose(pose: Pose, r: Rng): void {
  const shift = r.pick([0.25, 0.5, 0.75]);
  pose.t = (pose.t + shift) % 1;
  if (pose.mode !== "walk" && pose.mode !== "attack" && r.chance(0.5)) pose.bob = pose.bob ? 0 : 1;
  if (pose.view === "front" && pose.mode !== "directions" && r.chance(0.5)) pose.flip = !pose.flip;
}
