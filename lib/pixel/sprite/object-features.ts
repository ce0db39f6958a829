// "A crate with wings", "a lantern with teeth", "a cauldron with eyes": body features on a thing
// that has no body. Any object drawing (an item rig, a scenery rig, a borrowed icon) takes them
// as an overlay placed by the bounding box of what it drew: two eyes in the upper part that
// blink, a toothed mouth below them that chomps, and feathered wings on both sides that flap,
// drawn behind the thing (into empty cells only). Creatures draw their own.
import type { SpriteCanvas } from "./canvas";
import type { Mats, Pose } from "./design";
import { isCreatureMaterial, isGameIconRef, materialForName, parseGameRef } from "./game-icons";
import type { Builder } from "./vocabulary";
import { SUBJECT_BY_ID } from "./vocabulary";

export const OBJECT_FEATURES = ["eyes", "teeth", "wings"] as const;
type ObjectFeature = (typeof OBJECT_FEATURES)[number];

const BEINGS = new Set(["character", "race", "animal", "creature"]);

/** Is the drawn subject a thing (not a being), so body features are an overlay on it? */
export function isObjectSubject(builder: Builder, subject: string, icon?: string): boolean {
  if (builder === "item" || builder === "scenery") return true;
  if (builder !== "icon") return false;
  const category = SUBJECT_BY_ID.get(subject)?.category;
  if (category) return !BEINGS.has(category);
  // a long-tail icon: a creature when its name reads as flesh or fur
  const name = icon && isGameIconRef(icon) ? (parseGameRef(icon).names[0] ?? "") : (icon ?? "");
  return !isCreatureMaterial(materialForName(name));
}

/** The features named in a prompt that the object overlay draws (none for a mimic: it has its own). */
export function objectFeatures(
  features: readonly string[],
  builder: Builder,
  subject: string,
  variant: string,
  icon?: string,
): ObjectFeature[] {
  if (variant === "mimic" || !isObjectSubject(builder, subject, icon)) return [];
  return OBJECT_FEATURES.filter((f) => features.includes(f));
}

export interface FeatureMats {
  white: number;
  dark: number;
  feather: number;
}

export function featureMats(m: Pick<Mats, "add">): FeatureMats {
  return {
    white: m.add("#f4f4f8"),
    dark: m.add("#24202e", { flat: true }),
    feather: m.add("#e8eaf2"),
  };
}

/** Parts at or above this id are footing (ground.ts), not the thing. */
const FOOTING_PART = 46;

/** The box of what was drawn, its footing (ground.ts) left out; undefined on an empty canvas. */
export function thingBox(
  c: SpriteCanvas,
): { x0: number; x1: number; y0: number; y1: number } | undefined {
  let x0 = c.w;
  let x1 = -1;
  let y0 = c.h;
  let y1 = -1;
  for (let y = 0; y < c.h; y++)
    for (let x = 0; x < c.w; x++) {
      const i = y * c.w + x;
      if (c.mat[i]! < 0 || c.part[i]! >= FOOTING_PART) continue;
      x0 = Math.min(x0, x);
      x1 = Math.max(x1, x);
      y0 = Math.min(y0, y);
      y1 = Math.max(y1, y);
    }
  return x1 < 0 ? undefined : { x0, x1, y0, y1 };
}

export function drawObjectFeatures(
  c: SpriteCanvas,
  features: readonly ObjectFeature[],
  fm: FeatureMats,
  pose: Pose,
): void {
  if (!features.length) return;
  const box = thingBox(c);
  if (!box) return;
  const { x0, x1, y0, y1 } = box;
  const bw = x1 - x0 + 1;
  const bh = y1 - y0 + 1;
  const cx = (x0 + x1 + 1) / 2;
  const k = Math.max(1, Math.round(c.w / 32));
  const phase = Math.round(pose.t * 4) % 4;
  if (features.includes("wings")) {
    // a feathered wing each side of the upper body, tip out and up; it flaps with the cycle
    const lift = [0, -1, -2, -1][phase]! * k;
    const wy = y0 + Math.round(bh * 0.3);
    const span = Math.max(5 * k, Math.round(Math.min(bw * 0.55, c.w * 0.34)));
    for (const s of [-1, 1]) {
      const root = s < 0 ? x0 + 2 * k : x1 - 2 * k;
      const tip = root + s * span;
      const up = Math.round(span * 0.6);
      const pts: [number, number][] = [
        [root, wy + up * 0.7],
        [root, wy - k],
        [tip, wy - up + lift],
        [tip - s * 2 * k, wy + lift],
        [tip - s * span * 0.3, wy + up * 0.4 + lift],
        [root + s * span * 0.35, wy + up * 0.8],
      ];
      behind(c, (p) => p.poly(pts, fm.feather, 44));
      // feather lines
      for (let f = 1; f <= 2; f++) {
        const fx = root + (s * span * f) / 3;
        behind(c, (p) => p.line(fx, wy + lift / 2, fx + s * k, wy + up * 0.5, fm.feather, 44, 1));
      }
    }
  }
  if (features.includes("eyes")) {
    const ey = y0 + Math.round(bh * 0.34);
    const dx = Math.max(2 * k, Math.round(bw * 0.17));
    const blink = pose.mode === "idle" && phase === 3;
    for (const s of [-1, 1]) {
      const ex = Math.round(cx + s * dx - k);
      if (blink) c.rect(ex, ey + k, ex + 2 * k - 1, ey + k, fm.dark, 45);
      else {
        c.rect(ex - (k > 1 ? 1 : 0), ey, ex + 2 * k - 1, ey + 2 * k, fm.white, 45, 2);
        // pupils look the same way
        c.rect(ex + k, ey + k, ex + 2 * k - 1, ey + 2 * k - 1, fm.dark, 45);
      }
    }
  }
  if (features.includes("teeth")) {
    const my = y0 + Math.round(bh * (features.includes("eyes") ? 0.6 : 0.5));
    const half = Math.max(3 * k, Math.round(bw * 0.3));
    const open = pose.mode === "attack" || phase % 2 === 1 ? 2 * k : k;
    const mx0 = Math.round(cx - half);
    const mx1 = Math.round(cx + half) - 1;
    c.rect(mx0, my, mx1, my + open, fm.dark, 45);
    // upper teeth hang from the top lip, lower ones stand offset between them
    for (let x = mx0; x <= mx1; x += 2 * k) {
      c.rect(x, my, x + k - 1, my + k - 1, fm.white, 45, 3);
      if (x + k <= mx1) c.rect(x + k, my + open, x + 2 * k - 1, my + open, fm.white, 45, 2);
    }
  }
}

/** Draws into empty cells only: what `draw` plots over the thing is dropped. */
function behind(c: SpriteCanvas, draw: (c: SpriteCanvas) => void): void {
  const mat = c.mat.slice();
  const part = c.part.slice();
  const tone = c.tone.slice();
  draw(c);
  for (let i = 0; i < mat.length; i++)
    if (mat[i]! >= 0) {
      c.mat[i] = mat[i]!;
      c.part[i] = part[i]!;
      c.tone[i] = tone[i]!;
    }
}

// ---- "full of …" ------------------------------------------------------------------------------

/** What a container is full of: gold and gems (a chest heaps its own), potions, or any noun. */
export type Contents = "gold" | "gems" | "potions" | (string & {});

const CONTAINER =
  /chest|coffer|trunk|barrel|keg|crate|box|bag|sack|pouch|purse|basket|cauldron|pot|jar|urn|vase|bucket|pail|tub|bowl|cup|mug|goblet|chalice|cart|barrow|wagon|bottle|flask|vial|nest|well|pit|shelf|tray|plate/;

/** Is the drawn subject a container, so "full of …" heaps its contents over its rim? */
export function holdsContents(builder: Builder, subject: string, icon?: string): boolean {
  if (!isObjectSubject(builder, subject, icon)) return false;
  const name = icon && isGameIconRef(icon) ? parseGameRef(icon).names.join(" ") : (icon ?? "");
  return CONTAINER.test(`${subject} ${name}`);
}

/** The contents the overlay heaps (a chest heaps its own gold and gems), or none. */
export function contentsOverlay(
  contents: Contents | undefined,
  builder: Builder,
  subject: string,
  variant: string,
  icon?: string,
): Contents | undefined {
  if (!contents) return undefined;
  const hoard = builder === "item" && (variant === "chest" || variant === "mimic");
  if (hoard && (contents === "gold" || contents === "gems")) return undefined;
  return holdsContents(builder, subject, icon) ? contents : undefined;
}

// the colours of a heap of common contents (anything else: a seeded warm colour)
const CONTENT_COLORS: Record<string, string[]> = {
  gold: ["#f0c838", "#e8a820"],
  gems: ["#e04050", "#40c070", "#4090e8", "#b060e0"],
  potions: ["#e04050", "#4070e0", "#50c050"],
  apple: ["#d8383c", "#e85040"],
  fish: ["#6c9cc8", "#e8a040"],
  bone: ["#eeead8"],
  skull: ["#eeead8"],
  egg: ["#f4e4c0", "#e8c898"],
  mushroom: ["#d8383c", "#eeeef2"],
  flower: ["#f078b4", "#f2d23c"],
  candy: ["#f078b4", "#7cd0f0", "#f2d23c"],
  coal: ["#34303e"],
  water: ["#8cdcf8"],
  snow: ["#eeeef2"],
  arrow: ["#8c5a30"],
  scroll: ["#e8d8a8"],
  gem: ["#e04050", "#40c070", "#4090e8"],
  berry: ["#c03060", "#6040c0"],
  orange: ["#f0862a"],
  lemon: ["#f2d23c"],
  cherry: ["#c8283c"],
  slime: ["#6cd048"],
  eyeball: ["#eeeef2"],
  bread: ["#d8a058"],
  carrot: ["#f0862a"],
  potato: ["#c8a068"],
  corn: ["#f2d23c"],
  wheat: ["#e8c060"],
  seed: ["#8c6234", "#c8a060"],
  grain: ["#e0b860"],
  rice: ["#f4f0e4"],
  flour: ["#f6f2ea"],
  sugar: ["#fafafa"],
  salt: ["#eef2f6"],
  bean: ["#8c3c2c", "#c89050"],
  nut: ["#a06a34"],
  acorn: ["#a06a34", "#6c8a3c"],
  chocolate: ["#5c3420", "#8a5430"],
  cookie: ["#c8904c"],
  honey: ["#f0a828"],
  ore: ["#8a7c6c", "#e8b52e"],
  crystal: ["#7cdcf4", "#c070f0"],
};

export interface ContentMats {
  tokens: number[];
  cork: number;
}

export function contentMats(contents: Contents, m: Pick<Mats, "add">): ContentMats {
  const list = CONTENT_COLORS[contents] ?? [
    ["#e8a040", "#c8583c", "#d8c050"][
      [...contents].reduce((a, ch) => a + ch.charCodeAt(0), 0) % 3
    ]!,
  ];
  return { tokens: list.map((hex) => m.add(hex)), cork: m.add("#8c5a30") };
}

/**
 * A heap of small tokens (coins, gems, bottles, fruit …) bulging over the top of what was drawn,
 * two staggered rows; one token's light tone travels along the heap with the frame.
 */
export function drawContents(
  c: SpriteCanvas,
  contents: Contents,
  cm: ContentMats,
  pose: Pose,
): void {
  // the rim: the first row from the top at least 70 % as wide as the widest (a basket's handle
  // and a cauldron's steam are above it)
  const rows: [number, number][] = [];
  let widest = 0;
  for (let y = 0; y < c.h; y++) {
    let a = c.w;
    let b = -1;
    for (let x = 0; x < c.w; x++) {
      const i = y * c.w + x;
      if (c.mat[i]! < 0 || c.part[i]! >= FOOTING_PART) continue;
      a = Math.min(a, x);
      b = Math.max(b, x);
    }
    rows.push([a, b]);
    widest = Math.max(widest, b - a + 1);
  }
  const y0 = rows.findIndex(([a, b]) => b >= 0 && b - a + 1 >= widest * 0.7);
  if (y0 < 0) return;
  const [x0, x1] = rows[y0]!;
  const k = Math.max(1, Math.round(c.w / 32));
  const bw = x1 - x0 + 1;
  const half = Math.max(3 * k, Math.round(bw * 0.36));
  const cx = Math.round((x0 + x1 + 1) / 2);
  if (ROUND_FRUIT.has(contents)) {
    drawFruitHeap(c, cm, cx, half, y0, k, contents !== "egg" && contents !== "orange");
    return;
  }
  const bottle = contents === "potions";
  const step = 3 * k;
  const glint = Math.round(pose.t * 4) % 4;
  let n = 0;
  for (let row = 0; row < 2; row++) {
    const span = row ? half - 2 * k : half;
    const y = Math.max(0, y0 - (row ? 3 : 1) * k - (bottle ? k : 0));
    for (let x = cx - span + (row ? k : 0); x + 2 * k - 1 <= cx + span; x += step, n++) {
      const mat = cm.tokens[n % cm.tokens.length]!;
      const lit = n % 4 === glint ? 3 : 2;
      if (bottle) {
        c.rect(x, y, x + 2 * k - 1, y + 2 * k, mat, 49, lit);
        c.rect(
          x + (k > 1 ? k / 2 : 0),
          y - k,
          x + (k > 1 ? k * 1.5 - 1 : 0),
          y - 1,
          cm.cork,
          49,
          2,
        );
      } else {
        c.rect(x, y, x + 2 * k - 1, y + 2 * k - 1, mat, 49, 2);
        c.rect(x, y, x + k - 1, y + k - 1, mat, 49, lit === 3 ? 3 : 2);
      }
    }
  }
}

// fruit and eggs heap as round things a person counts, not as 2-px bumps (eval-d: "a basket
// full of apples" showed red bumps along the rim)
const ROUND_FRUIT = new Set([
  "apple",
  "orange",
  "lemon",
  "cherry",
  "egg",
  "berry",
  "tomato",
  "peach",
]);

// a 4×4 round fruit: the corners are cut; light at its top left, shadow at its bottom right
const FRUIT = ["0110", "1111", "1111", "0110"];

/** Two staggered rows of round fruit over the rim, each with a light, a shade and a stalk. */
function drawFruitHeap(
  c: SpriteCanvas,
  cm: ContentMats,
  cx: number,
  half: number,
  rim: number,
  k: number,
  stalk: boolean,
): void {
  const d = 4 * k;
  for (let row = 1; row >= 0; row--) {
    // the back row is higher and shifted half a fruit; the front row sits on the rim
    const top = rim - (row ? 5 : 2) * k;
    const span = row ? half - 2 * k : half;
    const n = Math.max(1, Math.floor((2 * span + k) / d));
    const left = Math.round(cx - (n * d) / 2);
    for (let f = 0; f < n; f++) {
      const x0 = left + f * d;
      // neighbours alternate the heap's colours (or its light and base) so each fruit reads
      const mat = cm.tokens[(f + row) % cm.tokens.length]!;
      for (let yy = 0; yy < 4; yy++)
        for (let xx = 0; xx < 4; xx++) {
          if (FRUIT[yy]![xx] !== "1") continue;
          const tone =
            yy === 0 && xx === 1
              ? 3
              : xx === 3 || yy === 3
                ? 1
                : (f + row) % 2 && cm.tokens.length === 1
                  ? 1
                  : 2;
          c.rect(
            x0 + xx * k,
            top + yy * k,
            x0 + (xx + 1) * k - 1,
            top + (yy + 1) * k - 1,
            mat,
            49,
            tone,
          );
        }
      if (stalk) c.rect(x0 + 2 * k, top - k, x0 + 3 * k - 1, top - 1, cm.cork, 49, 2);
    }
  }
}
