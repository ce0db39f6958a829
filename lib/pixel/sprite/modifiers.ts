// Materials and elements change the drawing, for every builder alike: the subject's surface
// materials are re-ramped (gold, iron, wood, crystal …) and an effect layer is drawn around the
// silhouette (flames, drips, frost, sparkles, wisps, rust, sparks). Effects follow the frame's
// phase so they animate with the batch.
import { hexToRgb, hsvToRgb, makeRamp, mixRgb, rgbToHsv } from "../color";
import { hashString } from "../prng";
import type { Rgb } from "../types";
import { material, type SpriteCanvas } from "./canvas";
import type { Design, Pose } from "./design";
import { GLOW_WORDS, HOLD_WORDS, type MaterialId } from "./vocabulary";

const lum = (c: Rgb) => (0.299 * c[0] + 0.587 * c[1] + 0.114 * c[2]) / 255;

/** New base colour for a surface material under a material modifier. */
function surfaceColor(id: MaterialId, base: Rgb): Rgb | undefined {
  const [h, s, v] = rgbToHsv(...base);
  const L = lum(base);
  switch (id) {
    case "gold":
      return hsvToRgb(44, 0.78, Math.min(1, 0.55 + L * 0.5));
    case "silver":
      return hsvToRgb(215, 0.06, Math.min(1, 0.6 + L * 0.4));
    case "iron":
      return hsvToRgb(215, 0.12, Math.min(1, 0.38 + L * 0.45));
    case "rusty":
      return hsvToRgb(22, 0.55, Math.min(1, 0.35 + L * 0.35));
    case "wooden":
      return hsvToRgb(28, 0.6, Math.min(1, 0.3 + L * 0.45));
    case "stone":
      return hsvToRgb(30, 0.06, Math.min(1, 0.35 + L * 0.4));
    case "leather":
      return hsvToRgb(26, 0.62, Math.min(1, 0.36 + L * 0.3));
    case "obsidian":
      return hsvToRgb(268, 0.3, 0.16 + L * 0.18);
    case "paper":
      return hsvToRgb(44, 0.16, Math.min(1, 0.8 + L * 0.16));
    case "crystal":
      return hsvToRgb(s > 0.3 ? h : 190, 0.35, Math.min(1, 0.75 + L * 0.25));
    case "ice":
      return hsvToRgb(195, 0.3, Math.min(1, 0.78 + L * 0.22));
    case "fire":
      return mixRgb(base, hsvToRgb(18, 0.85, Math.max(0.7, v)), 0.55);
    case "poison":
      return mixRgb(base, hsvToRgb(100, 0.75, Math.max(0.55, v)), 0.5);
    case "haunted": {
      const grey = hsvToRgb(h, s * 0.35, v * 0.72);
      return mixRgb(grey, [96, 72, 140], 0.3);
    }
    case "holy":
      return mixRgb(base, [255, 246, 210], 0.45);
    case "lightning":
      return mixRgb(base, [250, 230, 90], 0.25);
    default:
      return undefined;
  }
}

/** The stain rust leaves on steel, and its patches' colour. */
const RUST_STAIN: Rgb = [160, 80, 42];

/** A dark drawn part (an eye hole, a seam): a glow does not light it. */
function isDark(c: Rgb): boolean {
  return rgbToHsv(...c)[2] < 0.4;
}

/** A grey metal surface (a blade, armour): low saturation, not dark. */
function isSteel(c: Rgb): boolean {
  const [, s, v] = rgbToHsv(...c);
  return s < 0.25 && v > 0.35;
}

export interface FxMats {
  flameCore: number;
  flame: number;
  drip: number;
  frost: number;
  spark: number;
  wisp: number;
  rust: number;
  bolt: number;
  halo: number;
  stitch: number;
  /**
   * a creature's metal is polished (glints across it); a thing's drawing has its own shine and a
   * person's iron is armour, where one glint reads as a sash
   */
  polish: boolean;
}

/** Re-ramps the surface and appends the effect materials; returns their indices. */
/** Whether a prompt says its magic thing glows ("a glowing orb", 发光的宝珠), not only "magic". */
export function saysGlow(text: string): boolean {
  const t = text.toLowerCase();
  return (
    GLOW_WORDS.en.some((w) => new RegExp(`\\b${w}\\b`).test(t)) ||
    GLOW_WORDS.zh.some((w) => t.includes(w))
  );
}

/**
 * Whether the glow is said of the held thing: a glow word after the hold word ("a wizard
 * holding a glowing orb"; Chinese puts the held phrase first, 拿着发光宝珠的法师).
 */
export function heldGlows(text: string): boolean {
  const t = text.toLowerCase();
  for (const w of HOLD_WORDS.en) {
    const m = new RegExp(`\\b${w}\\b`).exec(t);
    if (m && saysGlow(t.slice(m.index + w.length))) return true;
  }
  for (const w of HOLD_WORDS.zh) {
    const at = t.indexOf(w);
    if (at >= 0 && saysGlow(t.slice(at + w.length))) return true;
  }
  return false;
}

/** A held thing that glows: its colours lit from within (too small in a hand for a halo). */
export function glowingColors(colors: readonly Rgb[]): Rgb[] {
  return colors.map((c) => mixRgb(c, [255, 250, 230], 0.45));
}

export function applyMaterials(
  design: Design,
  materials: MaterialId[],
  thing = false,
  polish = false,
): FxMats | undefined {
  if (!materials.length) return undefined;
  const mats = design.materials;
  const surface = design.surface ?? mats.map((_, i) => i).filter((i) => !mats[i]!.flat);
  // the first material word decides the surface ("golden rusty" is gold); elements then tint
  const surf = materials.find((m) =>
    [
      "gold",
      "silver",
      "iron",
      "rusty",
      "wooden",
      "stone",
      "leather",
      "obsidian",
      "paper",
      "crystal",
      "ice",
    ].includes(m),
  );
  const tints = materials.filter((m) =>
    ["fire", "poison", "haunted", "holy", "lightning"].includes(m),
  );
  for (const i of surface) {
    let c: Rgb = mats[i]!.ramp[2];
    // a rusty blade is still steel, with rust eating into it (drawMaterialFx): turned all
    // rust-brown, a held sword read as a bow (eval-f)
    if (surf === "rusty" && isSteel(c)) c = mixRgb(c, RUST_STAIN, 0.18);
    else if (surf) c = surfaceColor(surf, c) ?? c;
    for (const t of tints) {
      // a flaming (or charged) sword is steel wreathed in flames: a thing's grey metal keeps
      // its colour under the element's light tint (eval-c: the blade turned wood brown)
      const metal =
        thing && !surf && (t === "fire" || t === "lightning") && rgbToHsv(...c)[1] < 0.25;
      const tinted = surfaceColor(t, c) ?? c;
      c = metal ? mixRgb(c, tinted, 0.2) : tinted;
    }
    mats[i]!.ramp = (mats[i]!.rampOf ?? makeRamp)(c);
  }
  const glow = materials.includes("magic");
  if (glow || materials.includes("haunted") || materials.includes("holy")) {
    // a coloured glow instead of the dark outline
    const oc: Rgb = materials.includes("holy")
      ? [232, 190, 60]
      : materials.includes("haunted") && !glow
        ? [58, 30, 84]
        : [150, 80, 230];
    for (const m of mats) if (!m.noOutline) m.ramp = [oc, m.ramp[1], m.ramp[2], m.ramp[3]];
  }
  const add = (hex: string, flat = true, noOutline = true) => {
    mats.push(material(hexToRgb(hex), { flat, noOutline }));
    return mats.length - 1;
  };
  return {
    flameCore: add("#fff070"),
    flame: add("#f8862a", true, false),
    drip: add("#7cdc3c", true, false),
    frost: add("#e0f8ff"),
    spark: add(glow ? "#f0d8ff" : "#fffbe0"),
    wisp: add("#b8a8e0"),
    rust: add("#a0502a", false, true),
    bolt: add("#fff27a"),
    halo: add("#ffe070"),
    stitch: add("#ecd2a0"),
    polish,
  };
}

/** Top/bottom silhouette per column (−1 where the column is empty). */
function silhouette(c: SpriteCanvas) {
  const top = new Int16Array(c.w).fill(-1);
  const bottom = new Int16Array(c.w).fill(-1);
  for (let x = 0; x < c.w; x++)
    for (let y = 0; y < c.h; y++)
      if (c.mat[y * c.w + x]! >= 0) {
        if (top[x]! < 0) top[x] = y;
        bottom[x] = y;
      }
  return { top, bottom };
}

/** The shades a stone block takes (hashed per block): mostly mid, a few in shadow or lit. */
const STONE_SHADES = [2, 2, 3, 2] as const;

/** The tones of a crystal surface: a facet's lit edge, a lit facet, a shaded one. */
const CRYSTAL_FACETS = [3, 2, 1] as const;

export function drawMaterialFx(
  c: SpriteCanvas,
  design: Design,
  materials: MaterialId[],
  fx: FxMats,
  pose: Pose,
  salt: number,
  thing = false,
  glows = false,
): void {
  const phase = Math.round(pose.t * 4) % 4;
  const { top, bottom } = silhouette(c);
  const cols: number[] = [];
  for (let x = 0; x < c.w; x++) if (top[x]! >= 0) cols.push(x);
  if (!cols.length) return;
  const x0 = cols[0]!;
  const x1 = cols[cols.length - 1]!;
  const minTop = Math.min(...cols.map((x) => top[x]!));
  const maxBottom = Math.max(...cols.map((x) => bottom[x]!));
  const k = Math.max(1, Math.round(c.w / 32));
  const h = (x: number, y: number) => hashString(`${x},${y}`, salt);
  const surface = new Set(
    design.surface ?? design.materials.map((_, i) => i).filter((i) => !design.materials[i]!.flat),
  );
  if (materials.includes("rusty")) {
    // steel that kept its grey rusts in patches (2×2 blocks, a few joined) that read at 32 px;
    // a surface already turned rust-brown takes single flecks
    const steel = (m: number) => isSteel(design.materials[m]!.ramp[2]);
    for (let i = 0; i < c.w * c.h; i++) {
      const m = c.mat[i]!;
      if (m < 0 || !surface.has(m)) continue;
      const x = i % c.w;
      const y = (i - x) / c.w;
      const patch = steel(m) && h((x >> 1) + 1000, (y >> 1) + 1000) % 3 === 0;
      if (patch || h(i, 7) % 7 === 0) c.mat[i] = fx.rust;
    }
  }
  if (materials.includes("wooden") && !design.textured) {
    // grain: every third row of the surface in its shadow tone
    for (let y = 0; y < c.h; y++)
      if (y % 3 === 1)
        for (let x = 0; x < c.w; x++) {
          const i = y * c.w + x;
          if (surface.has(c.mat[i]!) && h(x, y) % 3 !== 0) c.tone[i] = 1;
        }
  }
  if (materials.includes("leather")) {
    // a stitched seam two cells inside the top and side edges: every other cell, pale thread
    // read from the drawing as it was, not as the stitches change it
    const was = c.mat.slice();
    const inside = (x: number, y: number) =>
      x >= 0 && x < c.w && y >= 0 && y < c.h && surface.has(was[y * c.w + x]!);
    for (let y = 0; y < c.h; y++)
      for (let x = 0; x < c.w; x++) {
        if (!inside(x, y) || (x + y) % 2) continue;
        const rim2 = !inside(x - 2, y) || !inside(x + 2, y) || !inside(x, y - 2);
        const rim1 = !inside(x - 1, y) || !inside(x + 1, y) || !inside(x, y - 1);
        if (rim2 && !rim1) c.mat[y * c.w + x] = fx.stitch;
      }
  }
  if (materials.includes("crystal") && !design.textured) {
    // cut facets: the surface in diamonds of light, mid and shadow (eval-f: "a dragon made of
    // blue crystal" was only pale blue), fixed to the canvas so every frame shows the same cut
    const p = 5 * k;
    for (let y = 0; y < c.h; y++)
      for (let x = 0; x < c.w; x++) {
        const i = y * c.w + x;
        if (!surface.has(c.mat[i]!)) continue;
        const u = Math.floor((x + y) / p);
        const v = Math.floor((x - y + c.h) / p);
        // a harlequin of lit and shaded diamonds, a bright edge along each lit facet's top
        const lit = (u + v) % 2 === 0;
        const edge = lit && (x + y) % p === 0;
        c.tone[i] = edge ? 3 : CRYSTAL_FACETS[lit ? 1 : 2]!;
      }
  }
  if (
    (materials.includes("iron") || materials.includes("silver")) &&
    fx.polish &&
    !design.textured
  ) {
    // a metal creature: polished, so bright reflections streak across it with a dark edge
    // ('a metal wolf' was grey fur)
    // (every 8 cells they read as stripes: a zebra of steel)
    const p = 13 * k;
    for (let y = 0; y < c.h; y++)
      for (let x = 0; x < c.w; x++) {
        const i = y * c.w + x;
        if (!surface.has(c.mat[i]!)) continue;
        const d = (((x - y) % p) + p) % p;
        if (d < 2 * k) c.tone[i] = 3;
        else if (d < 3 * k) c.tone[i] = 1;
      }
  }
  if (materials.includes("stone") && !design.textured) {
    // hewn blocks: the surface in 3-cell slabs of their own shade, offset row by row like
    // masonry, a dark joint under each (a flecked grey read as plain grey fur: "a stone wolf")
    const b = 3 * k;
    for (let y = 0; y < c.h; y++)
      for (let x = 0; x < c.w; x++) {
        const i = y * c.w + x;
        if (!surface.has(c.mat[i]!)) continue;
        const row = Math.floor(y / b);
        const col = Math.floor((x + (row % 2) * Math.ceil(b / 2)) / b);
        if (y % b === b - 1 && h(col, row) % 3 !== 0) c.tone[i] = 1;
        else c.tone[i] = STONE_SHADES[h(col, row + 7) % STONE_SHADES.length]!;
      }
  }
  if (materials.includes("fire")) {
    // tongues of flame on the upper silhouette, rising and shifting with the frame; a flaming
    // thing burns along its whole length (eval-f: a diagonal sword's flame was two pixels at the
    // tip), all but its lowest quarter (a hilt, a handle), a being on its head and shoulders
    const reach = thing ? 0.75 : 0.35;
    for (const x of cols) {
      if (top[x]! > minTop + Math.max(3, (maxBottom - minTop) * reach)) continue;
      const r = h(x, phase);
      if (r % 3 === 0) continue;
      const tall = 1 + (thing ? 1 : 0) + (r % (2 + k));
      for (let d = 1; d <= tall; d++)
        c.plot(x, top[x]! - d, d === tall ? fx.flame : fx.flameCore, 30);
      c.plot(x, top[x]! - tall - 1, fx.flame, 30);
    }
  }
  if (materials.includes("poison")) {
    // drips below and a bubble rising above
    for (const x of cols) {
      const r = h(x, 11);
      if (r % 5 !== 0) continue;
      const len = 1 + ((r >> 3) % 2) + (phase % 2);
      for (let d = 1; d <= len; d++) c.plot(x, bottom[x]! + d, fx.drip, 31);
    }
    const bx = x0 + (h(phase, 5) % Math.max(1, x1 - x0 + 1));
    c.plot(bx, minTop - 2 - (phase % 2), fx.drip, 31);
  }
  if (materials.includes("ice")) {
    // icicles under the silhouette and frost on the top edge
    for (const x of cols) {
      const r = h(x, 13);
      if (r % 4 === 0) c.plot(x, bottom[x]! + 1, fx.frost, 32);
      if (r % 3 === 0) c.tone[top[x]! * c.w + x] = 3;
    }
  }
  // the halo rings the thing, before the twinkles (ringed, they read as checkered diamonds)
  if (glows && thing && materials.includes("magic")) {
    // lit from within: paler all over, but a small dark part stays dark (a glowing skull keeps
    // its eye holes; a dark crystal ball is its body, and lights up)
    const cells = new Map<number, number>();
    let drawn = 0;
    for (const m of c.mat)
      if (m >= 0) {
        drawn++;
        cells.set(m, (cells.get(m) ?? 0) + 1);
      }
    const lit = new Set(
      [...surface].filter((m) => {
        const base = design.materials[m]!.ramp[2];
        return !isDark(base) || (cells.get(m) ?? 0) >= drawn * 0.25;
      }),
    );
    for (const m of lit) {
      const mat = design.materials[m]!;
      const ramp = (mat.rampOf ?? makeRamp)(mixRgb(mat.ramp[2], [255, 255, 255], 0.3));
      // the outline keeps the glow colour applyMaterials gave it
      mat.ramp = [mat.ramp[0], ramp[1], ramp[2], ramp[3]];
    }
    glowCoreAndHalo(c, lit, fx.spark);
  }
  if (
    materials.includes("magic") ||
    materials.includes("crystal") ||
    materials.includes("obsidian") ||
    materials.includes("gold")
  ) {
    // twinkles around the subject; their places move frame to frame
    const n = materials.includes("magic") ? 3 : 1;
    for (let s = 0; s < n; s++) {
      const r = h(s, phase + 17);
      const x = x0 - 1 + (r % (x1 - x0 + 3));
      const y = Math.max(1, minTop - 1 + ((r >> 8) % Math.max(1, maxBottom - minTop)));
      if (c.get(x, y) >= 0 && !materials.includes("gold")) continue;
      const m = materials.includes("magic") ? fx.spark : fx.frost;
      c.plot(x, y, m, 33);
      if (phase % 2 === 0) {
        c.plot(x - 1, y, m, 33);
        c.plot(x + 1, y, m, 33);
        c.plot(x, y - 1, m, 33);
        c.plot(x, y + 1, m, 33);
      }
    }
  }
  if (materials.includes("haunted")) {
    // two wisps drifting up beside the subject
    for (const [side, sx] of [
      [0, x0 - 2],
      [1, x1 + 2],
    ] as const) {
      const y = minTop + 2 + ((phase + side * 2) % 4);
      c.plot(sx, y, fx.wisp, 34);
      c.plot(sx, y - 1, fx.wisp, 34);
      if ((phase + side) % 2 === 0) c.plot(sx + (side ? 1 : -1), y - 2, fx.wisp, 34);
    }
  }
  if (materials.includes("lightning")) {
    const sx = phase % 2 ? x1 + 1 : x0 - 1;
    let y = minTop + 1;
    let x = sx;
    for (let d = 0; d < 4 * k; d++) {
      c.plot(x, y, fx.bolt, 35);
      y++;
      if (d % 2 === 1) x += phase % 2 ? 1 : -1;
    }
  }
  if (materials.includes("broken")) {
    // a V-shaped chip out of the top edge right of centre, and a zigzag crack running down from
    // its apex (erased cells: the outline pass draws them dark, as a crack)
    const xn = Math.round(x0 + (x1 - x0) * 0.62);
    const hw = Math.max(1, Math.round((x1 - x0) * 0.1));
    for (let x = xn - hw; x <= xn + hw; x++) {
      if (top[x]! < 0) continue;
      const depth = Math.round((hw - Math.abs(x - xn)) * 1.3) + 1;
      for (let d = 0; d < depth; d++) c.erase(x, top[x]! + d);
    }
    let x = xn;
    let y = top[xn]! < 0 ? minTop : top[xn]! + Math.round(hw * 1.3) + 1;
    const len = Math.round((maxBottom - minTop) * 0.42);
    for (let d = 0; d < len; d++, y++) {
      c.erase(x, y);
      x += [1, 0, -1, -1, 0, 1][(d + (salt & 3)) % 6]!;
    }
  }
  if (materials.includes("holy")) {
    const cx = (x0 + x1) / 2;
    const hw = Math.max(2, Math.round((x1 - x0) * 0.22));
    const y = Math.max(0, minTop - 2);
    for (let x = Math.round(cx - hw); x <= Math.round(cx + hw); x++) c.plot(x, y, fx.halo, 36);
  }
}

/**
 * A glowing thing (eval-f: "a glowing orb" was a dark purple ball): its deep inside takes the
 * light tone, a bright core, and a ring of pale light stands one cell off its outline, a halo
 * the outline's coloured glow sits inside.
 */
function glowCoreAndHalo(c: SpriteCanvas, surface: Set<number>, halo: number): void {
  const { w, h } = c;
  const filled = (x: number, y: number) =>
    x >= 0 && y >= 0 && x < w && y < h && c.mat[y * w + x]! >= 0;
  // steps (4-neighbour) from each drawn cell to the air
  const depth = new Int16Array(w * h);
  const q: number[] = [];
  for (let i = 0; i < w * h; i++) {
    const x = i % w;
    const y = (i - x) / w;
    if (!filled(x, y)) continue;
    if (!filled(x - 1, y) || !filled(x + 1, y) || !filled(x, y - 1) || !filled(x, y + 1)) {
      depth[i] = 1;
      q.push(i);
    }
  }
  for (let k = 0; k < q.length; k++) {
    const i = q[k]!;
    const x = i % w;
    const y = (i - x) / w;
    for (const [xx, yy] of [
      [x - 1, y],
      [x + 1, y],
      [x, y - 1],
      [x, y + 1],
    ] as const) {
      const j = yy * w + xx;
      if (!filled(xx, yy) || depth[j]) continue;
      depth[j] = depth[i]! + 1;
      q.push(j);
    }
  }
  const deepest = Math.max(0, ...depth);
  const core = Math.max(2, Math.ceil(deepest * 0.5));
  for (let i = 0; i < w * h; i++) if (depth[i]! >= core && surface.has(c.mat[i]!)) c.tone[i] = 3;
  // the halo: air two steps from the drawing (the outline takes the first step)
  const ring: number[] = [];
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      if (filled(x, y)) continue;
      const near1 = filled(x - 1, y) || filled(x + 1, y) || filled(x, y - 1) || filled(x, y + 1);
      if (near1) continue;
      let near2 = false;
      for (let dy = -2; dy <= 2 && !near2; dy++)
        for (let dx = -2; dx <= 2; dx++)
          if (Math.abs(dx) + Math.abs(dy) === 2 && filled(x + dx, y + dy)) {
            near2 = true;
            break;
          }
      if (near2) ring.push(y * w + x);
    }
  for (const i of ring) c.plot(i % w, Math.floor(i / w), halo, 8);
}

/**
 * Snow lying on what was drawn: the top of every column, and all of the highest part (a
 * mountain's peak, a roof, a treetop) down to a ragged line, so a snowy mountain keeps its rock
 * below a white cap. Tones stay, so the snow is shaded like the shape under it.
 */
export function drawSnowCap(c: SpriteCanvas, snow: number): void {
  const { top, bottom } = silhouette(c);
  let y0 = c.h;
  let y1 = -1;
  for (let x = 0; x < c.w; x++)
    if (top[x]! >= 0) {
      y0 = Math.min(y0, top[x]!);
      y1 = Math.max(y1, bottom[x]!);
    }
  if (y1 < 0) return;
  const k = Math.max(1, Math.round(c.w / 32));
  const cap = y0 + Math.round((y1 - y0 + 1) * 0.3);
  for (let x = 0; x < c.w; x++) {
    const t = top[x]!;
    if (t < 0) continue;
    const to = Math.max(t + 2 * k - 1, cap + ((x * 7) % 3) * k - k);
    for (let y = t; y <= Math.min(to, bottom[x]!); y++) {
      const i = y * c.w + x;
      if (c.mat[i]! < 0) continue;
      c.mat[i] = snow;
      if (y === t) c.tone[i] = 3;
    }
  }
}
