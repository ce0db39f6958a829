// Subjects drawn from a borrowed icon (emoji-art.ts): the raster becomes labelled cells on our
// sprite canvas, so shading, outline, palettes and modifiers are ours. Icons do not walk, so the
// modes get the motions items have in games: bob, spin, sparkle, flicker.
import { hexToRgb, hsvToRgb, rgbToHsv } from "../color";
import type { Rng } from "../prng";
import type { Rgb } from "../types";
import type { SpriteCanvas } from "./canvas";
import { type Design, Mats, type Pose } from "./design";
import type { IconRaster } from "./emoji-art";
import {
  creatureSkin,
  GAME_MATERIALS,
  type GameMaterial,
  isCreatureMaterial,
  MONO,
} from "./game-icons";
import { drawFooting, footingFor, groundMats } from "./ground";
import type { PromptInfo } from "./prompt";
import {
  isHafted,
  restyleSilhouette,
  SLOT,
  surfaceOf,
  surfaceOfWords,
  surfaceRamp,
} from "./restyle";
import { emojiPalette, subjectPalette } from "./subject-palette";
import type { SubjectCategory } from "./vocabulary";

/** Subjects whose top flickers like a flame. */
const FLAMES = new Set(["fire", "campfire", "candle", "lamp", "torch", "volcano", "dynamite"]);
const SWINGS = new Set(["weapon", "tool"]);
/** Birds do not shuffle legs: they hop (and flap while in the air). */
const BIRDS = new Set([
  "chicken",
  "rooster",
  "chick",
  "duck",
  "goose",
  "bird",
  "owl",
  "eagle",
  "parrot",
  "penguin",
  "flamingo",
  "peacock",
  "swan",
  "dove",
  "turkey",
]);

export interface IconOptions {
  category?: string;
  flip: boolean;
  /** silhouettes (game-icons): the material family that colours them */
  material?: GameMaterial;
  /** seed + variation index: consecutive seeds give creatures different skins */
  take?: number;
  /** an emoji of the same subject, whose colours a silhouette borrows (subject-palette.ts) */
  palette?: IconRaster;
}

/**
 * Colours of a silhouette: named colours win, then the material family; creatures take a seeded
 * skin and every take a small hue/value jitter, so seeds read as different individuals.
 */
export function silhouetteColors(
  info: PromptInfo,
  material: GameMaterial,
  crng: Rng,
  take = 0,
  own?: { body: Rgb | string; accent?: Rgb | string },
): { body: Rgb; accent: Rgb } {
  const fam = GAME_MATERIALS[material];
  const rgb = (c: Rgb | string) => (typeof c === "string" ? hexToRgb(c) : c);
  // a subject with colours of its own keeps them (an axolotl is pink in every take); a
  // creature without them takes a seeded skin
  const skin = own
    ? rgb(own.body)
    : hexToRgb(isCreatureMaterial(material) ? creatureSkin(material, take) : fam.base);
  const accentBase = own?.accent ? rgb(own.accent) : hexToRgb(fam.accent);
  const jitter = (c: Rgb): Rgb => {
    const [h, s, v] = rgbToHsv(...c);
    return hsvToRgb(
      (h + crng.range(-8, 8) + 360) % 360,
      s,
      Math.min(1, v * crng.range(0.92, 1.06)),
    );
  };
  const body = info.colors[0] ?? jitter(skin);
  const accent = info.colors[1] ?? jitter(accentBase);
  return { body, accent };
}

function hueDist(a: number, b: number) {
  const d = Math.abs(a - b) % 360;
  return d > 180 ? 360 - d : d;
}

/** Recolours the icon's main colour family to a named colour, keeping light/dark relations. */
export function recolor(
  colors: Rgb[],
  counts: number[],
  target: Rgb | undefined,
  crng: Rng,
): Rgb[] {
  const jitterH = crng.range(-10, 10);
  const jitterV = crng.range(0.94, 1.06);
  const hsv = colors.map((c) => rgbToHsv(...c));
  let mainHue: number | undefined;
  if (target) {
    let best = -1;
    hsv.forEach(([, s, v], i) => {
      if (s > 0.25 && v > 0.2 && (best < 0 || counts[i]! > counts[best]!)) best = i;
    });
    if (best >= 0) mainHue = hsv[best]![0];
  }
  const [th, ts, tv] = target ? rgbToHsv(...target) : [0, 0, 0];
  // a grey drawing (a shark, a seal) has no hue family to turn: its mid greys take the named
  // colour, light to dark as they were, so "a red shark" is not silently grey; white and the
  // outline stay
  const greyMid = (s: number, v: number) => s <= 0.25 && v >= 0.3 && v <= 0.85;
  let greyV = 0;
  if (target && mainHue === undefined && ts >= 0.1) {
    let best = -1;
    hsv.forEach(([, s, v], i) => {
      if (greyMid(s, v) && (best < 0 || counts[i]! > counts[best]!)) best = i;
    });
    if (best >= 0) greyV = hsv[best]![2];
  }
  // the main family's light range: a near-black target scales it down (its lightest part no
  // lighter than before) but deepens the shadows so it spans at least 0.24, so a flat emoji
  // (Fluent's scorpion: claws, tail and sting apart only by close oranges) keeps its inner
  // lines rather than turning into one black blob
  let famLo = 1;
  let famHi = 0;
  if (mainHue !== undefined)
    hsv.forEach(([h, s, v]) => {
      if (s > 0.2 && hueDist(h, mainHue) < 40) {
        famLo = Math.min(famLo, v);
        famHi = Math.max(famHi, v);
      }
    });
  const darkTop = famHi * 0.4;
  const darkBottom = Math.max(0.08, Math.min(famLo * 0.4, darkTop - 0.24));
  const darkRamp = (v: number) =>
    famHi - famLo < 0.02
      ? v * 0.4
      : darkBottom + ((v - famLo) / (famHi - famLo)) * (darkTop - darkBottom);
  return hsv.map(([h, s, v]) => {
    if (greyV && greyMid(s, v))
      return hsvToRgb(th, Math.min(1, ts * 0.85 + 0.1), Math.min(1, (v * tv) / greyV));
    if (target && mainHue !== undefined && s > 0.2 && hueDist(h, mainHue) < 40) {
      // achromatic targets (white, black, grey) keep the shape of the ramp through value; the
      // vocabulary's black is a slightly blue near-black, which as a hue turned a black
      // panther purple
      if (ts < 0.1 || (tv < 0.3 && ts < 0.35))
        return hsvToRgb(
          h,
          s * 0.12,
          tv < 0.3 ? darkRamp(v) : Math.min(1, v * (tv > 0.6 ? 1.25 : 0.55)),
        );
      return hsvToRgb(th, Math.min(1, (s + ts) / 2 + 0.1), Math.min(1, v * jitterV));
    }
    return hsvToRgb((h + jitterH + 360) % 360, s, Math.min(1, v * jitterV));
  });
}

/** What an ore is an ore of: the metal named in the prompt, else one the seed picks. */
const ORE_METALS: Partial<Record<string, string>> = {
  gold: "#f0c838",
  iron: "#c87848",
  silver: "#e0e4ec",
  crystal: "#7cdcf4",
  ice: "#7cdcf4",
  magic: "#c070f0",
  fire: "#f06424",
};

/**
 * Ore is rock flecked with metal: seeded 2×2 specks (lit top-left cell) on the flat interior of
 * the rock's body, spaced so they read as separate veins at 32 px.
 */
function oreSpecks(
  info: PromptInfo,
  r: IconRaster,
  rng: Rng,
  m: Mats,
): { mat: number; cells: Map<number, number> } {
  const named = info.materials.map((id) => ORE_METALS[id]).find(Boolean);
  const hex =
    named ??
    info.colors[0] ??
    rng.pick(["#f0c838", "#d88848", "#7cdcf4", "#e0404c", "#48c878"] as const);
  const mat = m.add(hex);
  const inside = (x: number, y: number) =>
    x >= 0 && y >= 0 && x < r.w && y < r.h && r.idx[y * r.w + x] === MONO.body;
  const spots: number[] = [];
  for (let y = 0; y < r.h - 1; y++)
    for (let x = 0; x < r.w - 1; x++)
      if (inside(x, y) && inside(x + 1, y) && inside(x, y + 1) && inside(x + 1, y + 1))
        spots.push(y * r.w + x);
  const cells = new Map<number, number>();
  const want = Math.max(3, Math.round(spots.length / 28));
  const picked: [number, number][] = [];
  for (let tries = 0; tries < 200 && picked.length < want && spots.length; tries++) {
    const j = spots[rng.int(0, spots.length - 1)]!;
    const x = j % r.w;
    const y = (j - x) / r.w;
    if (picked.some(([px, py]) => Math.abs(px - x) < 4 && Math.abs(py - y) < 4)) continue;
    picked.push([x, y]);
    cells.set(j, 3);
    cells.set(j + 1, 2);
    cells.set(j + r.w, 2);
    cells.set(j + r.w + 1, 1);
  }
  return { mat, cells };
}

export function buildIcon(
  info: PromptInfo,
  rng: Rng,
  crng: Rng,
  size: number,
  raster: IconRaster,
  opts: IconOptions,
): Design {
  const m = new Mats();
  let base: number[];
  let styled: ReturnType<typeof restyleSilhouette> | undefined;
  let ownColors = false;
  let holeTone = false;
  if (raster.mono) {
    const material = opts.material ?? "iron";
    // the drawn icon's name, then the subject; WordNet's chain for a long-tail word (a
    // vocabulary subject has no category here only when it is not one)
    const pal = subjectPalette([info.icon ?? "", info.subject], opts.take ?? 0, !opts.category);
    const surface = surfaceOfWords(info.materials) ?? pal?.surface ?? surfaceOf(material);
    const hafted =
      (!opts.category || SWINGS.has(opts.category)) &&
      surface === "metal" &&
      isHafted(`${info.icon ?? ""} ${info.subject}`);
    // a hafted tool's emoji colours its whole head with the handle's colour (a red axe): its
    // metal head and wooden haft already say what it is
    const fromEmoji = !pal && !hafted && opts.palette ? emojiPalette(opts.palette) : undefined;
    const own = pal ?? fromEmoji;
    const { body, accent } = silhouetteColors(info, material, crng, opts.take, own);
    styled = restyleSilhouette(raster, surface, hafted, !!pal?.bands);
    // stone turned bronze by a take scheme read as brown mud (eval-c's towers and windmills),
    // and a spaceship's tech grey as a wooden ship (eval-d)
    ownColors = !!own || surface === "stone" || material === "tech";
    const b = m.add(body);
    const a = m.add(accent);
    const wood = m.add("#9a6234");
    const band = m.add(pal?.bands ?? accent);
    // a subject's holes (a cheese's) are drawn in their own colour, at its base tone
    const holes = pal?.holes && !info.colors.length ? m.add(pal.holes) : undefined;
    holeTone = holes !== undefined;
    const rampOf = (c: Rgb) => surfaceRamp(c, surface);
    // the small pieces are not the body's surface, but their reds stay red too
    const plainOf = (c: Rgb) => surfaceRamp(c, "plain");
    for (const [i, of] of [
      [b, rampOf],
      [band, rampOf],
      [a, plainOf],
    ] as const) {
      m.list[i]!.ramp = of(m.list[i]!.ramp[2]);
      m.list[i]!.rampOf = of;
    }
    base = [b, a, holes ?? b, wood, band];
  } else base = recolor(raster.colors, raster.counts, info.colors[0], crng).map((c) => m.add(c));
  const glint = m.add("#ffffff", { flat: true, noOutline: true });
  const specks =
    info.subject === "ore" && raster.mono ? oreSpecks(info, raster, rng, m) : undefined;
  const campfire = info.subject === "campfire";
  const log = m.add("#8c5a30");
  const logEnd = m.add("#d8b078");
  const slash = m.add("#f4f8ff", { flat: true, noOutline: true });
  const { w, h, idx, shade } = raster;
  // bounding box of the drawn cells: the icon stands on the sprite's ground line
  let bx0 = w;
  let bx1 = -1;
  let by0 = h;
  let by1 = -1;
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++)
      if (idx[y * w + x]! >= 0) {
        bx0 = Math.min(bx0, x);
        bx1 = Math.max(bx1, x);
        by0 = Math.min(by0, y);
        by1 = Math.max(by1, y);
      }
  const bw = bx1 - bx0 + 1;
  const ground = size - 2;
  const footing = footingFor(
    opts.category as SubjectCategory | undefined,
    `${info.icon ?? ""} ${info.subject}`,
  );
  const gm = footing ? groundMats(m) : undefined;
  // the footprint at rest: the drawn cells of the bottom two rows (a building: its whole width)
  let fx0 = bx1;
  let fx1 = bx0;
  for (let y = Math.max(by0, by1 - 1); y <= by1; y++)
    for (let x = bx0; x <= bx1; x++)
      if (idx[y * w + x]! >= 0) {
        fx0 = Math.min(fx0, x);
        fx1 = Math.max(fx1, x);
      }
  if (footing === "grass") [fx0, fx1] = [bx0, bx1];
  const ox = Math.floor((size - bw) / 2) - bx0;
  // a campfire's flame sits on its logs
  const oy = ground - by1 - (campfire ? Math.round(size * 0.12) : 0);
  const flame = FLAMES.has(info.subject) || FLAMES.has(info.icon ?? "");
  const swings = SWINGS.has(opts.category ?? "");
  const bird = BIRDS.has(info.subject);
  const walker = !bird && (opts.category === "animal" || opts.category === "creature");
  const k = Math.max(1, Math.round(size / 32));
  // seeded glint spot: the first cell on a diagonal from the top-left of the box
  const gOff = rng.int(0, Math.max(1, Math.floor(bw / 3)));

  const draw = (c: SpriteCanvas, pose: Pose) => {
    const phase = Math.round(pose.t * 4) % 4;
    let dx = 0;
    let dy = 0;
    let squeeze = 1;
    let mirror = opts.flip;
    // walking animals shuffle their legs (the bottom quarter, split at the middle) and drop
    // the body on contact frames; other icons hop
    const legs = walker && (pose.stride !== 0 || pose.lift !== 0 || pose.mode === "walk");
    if (legs) dy = 0;
    else if (pose.mode === "walk")
      // a bird's hop is higher and lands squashed; objects bob gently
      dy = (bird ? [0, -2, -4, -2] : [0, -1, -2, -1])[phase]! * k;
    else dy = -pose.bob * k;
    if (pose.attack) {
      dy = 0;
      dx = [-1, 2, 1][pose.attack - 1]! * k;
    }
    // a building stays on its ground: it smokes and flickers, it does not hop
    if (footing === "grass") dx = dy = 0;
    if (pose.mode === "directions") {
      // a turning object: front, back (mirrored), side (thin), other side
      squeeze = pose.view === "side" ? 0.4 : 1;
      if (pose.view === "back") mirror = !mirror;
    }
    const cx = bx0 + bw / 2;
    const legTop = by1 - Math.max(2, Math.round((by1 - by0 + 1) * 0.24));
    const midX = ox + cx;
    for (let y = 0; y < h; y++)
      for (let x = 0; x < size; x++) {
        let sy = y;
        let lx = 0;
        let rowDy = dy;
        if (legs) {
          const near = x < midX ? 1 : -1;
          if (y > legTop) {
            // legs: the halves scissor by the stride; the lifted half rises a pixel
            lx = near * pose.stride * k;
            if (pose.lift === near && y > legTop + 1) sy = Math.min(h - 1, y + 1);
          } else rowDy = pose.bob * k;
        }
        // horizontal squeeze about the box centre (nearest sample: no new colours)
        const tx = x - ox - dx - lx;
        const sxf = cx + (tx + 0.5 - cx) / squeeze - 0.5;
        let sx = Math.round(sxf);
        if (mirror) sx = bx0 + bx1 - sx;
        if (sx < 0 || sx >= w) continue;
        const i = sy * w + sx;
        const q = styled ? styled.slot[i]! : idx[i]!;
        if (q < 0) continue;
        // silhouettes carry their own bevel, texture and dark cut-out lines (restyle.ts);
        // emoji keep their shading
        const tone = styled ? styled.tone[i]! : shade[i]! < 0 ? 1 : shade[i]! > 0 ? 3 : -1;
        const speck = specks?.cells.get(i);
        if (speck !== undefined) c.plot(x, y + oy + rowDy, specks!.mat, 24, speck);
        else if (tone === 4) c.plot(x, y + oy + rowDy, glint, 20 + q);
        else
          c.plot(
            x,
            y + oy + rowDy,
            base[q]!,
            20 + q,
            styled && q === SLOT.detail ? (holeTone ? 2 : 0) : tone,
          );
      }
    if (footing && gm) {
      const [a, b] = mirror ? [bx0 + bx1 - fx1, bx0 + bx1 - fx0] : [fx0, fx1];
      drawFooting(c, footing, a + ox, b + ox, ground, gm);
    }
    if (campfire) {
      // two crossed logs under the flame, their cut ends light
      const y = ground - Math.round(size * 0.07);
      const half = size * 0.27;
      c.capsule(
        size / 2 - half,
        y + size * 0.08,
        size / 2 + half,
        y - size * 0.06,
        size * 0.055,
        log,
        40,
      );
      c.capsule(
        size / 2 - half,
        y - size * 0.06,
        size / 2 + half,
        y + size * 0.08,
        size * 0.055,
        log,
        41,
      );
      c.plot(size / 2 - half, y + size * 0.08, logEnd, 42);
      c.plot(size / 2 + half, y + size * 0.08, logEnd, 42);
    }
    if (flame) {
      // flicker: the upper third sways a pixel left and right
      const top = by0 + oy + dy;
      c.shiftRows(top, top + Math.round((by1 - by0) / 3), [0, 1, 0, -1][phase]!);
    }
    if (pose.attack === 2 && swings)
      for (let a = -1.6; a <= -0.1; a += 0.07)
        c.plot(
          size / 2 + Math.cos(a) * size * 0.42,
          ground - size * 0.2 + Math.sin(a) * size * 0.42,
          slash,
          9,
        );
    const sparkle =
      (pose.mode === "idle" && pose.t >= 0.5) || (pose.mode === "walk" && phase === 1);
    if (sparkle) {
      for (let d = 0; d < size; d++) {
        const x = bx0 + ox + dx + gOff + d;
        const y = by0 + oy + dy + d;
        if (c.get(x, y) >= 0) {
          c.plot(x, y, glint, 9);
          c.plot(x + 1, y, glint, 9);
          c.plot(x, y + 1, glint, 9);
          break;
        }
      }
    }
  };
  return {
    size,
    materials: m.list,
    restView: "front",
    draw,
    shadeMode: "rim",
    surface: [...new Set(base)],
    ownColors,
    // a restyled silhouette has its surface's texture: a material word recolours it only
    textured: !!styled,
  };
}
