// Parts that make folklore beings read, on any creature's drawn canvas (like creature-parts.ts,
// which calls these): a bird's head and hooked beak in place of the rig's head (a griffin is a
// lion with an eagle's head), snakes for hair (a gorgon), a count of tails fanned out from the
// rump (a nine-tailed fox, a two-tailed cat), spines down the back (a chupacabra), long hair, a
// wailing open mouth, a water dish on the head (a kappa) and waves the creature rises from (a
// kraken). The prompt names them in words any being can take; each is read here, blanked out of
// the text the tokenizer sees, and said in the interpretation as "with <feature>".
import { hexToRgb, mixRgb } from "../color";
import type { Rng } from "../prng";
import { boxWhere, type CellBox, type Material, material, SpriteCanvas } from "./canvas";
import type { Pose } from "./design";

/** Part ids, above every rig's own and clear of creature-parts.ts's (230–241). */
export const FOLK_PART = {
  birdHead: 242,
  beak: 243,
  snakeHair: 244,
  spines: 245,
  hair: 246,
  mouth: 247,
  dish: 248,
  water: 250,
  foam: 251,
  nose: 252,
  headband: 253,
  collar: 254,
  /** tail k of a fan is tail + k (k < 9) */
  tail: 220,
} as const;

const COUNT: Record<string, number> = {
  two: 2,
  twin: 2,
  double: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  many: 9,
  multi: 9,
  二: 2,
  两: 2,
  双: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
  多: 9,
};
const COUNT_WORD = ["", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];
const COUNT_ZH = ["", "一", "两", "三", "四", "五", "六", "七", "八", "九"];

const BIRDS = "eagle|hawk|falcon|bird|owl|raven|crow|rooster|vulture";
const PHRASES: [RegExp, (m: RegExpExecArray) => string][] = [
  [
    new RegExp(
      `\\b(?:with|and)\\s+(?:an?\\s+|the\\s+)?(${BIRDS})(?:'s)?\\s+head\\b|\\b(${BIRDS})[- ]headed\\b|\\b(?:with|and)\\s+the head of an?\\s+(${BIRDS})\\b|(鹰|鸟|鹫)头(?=\\p{Script=Han})`,
      "giu",
    ),
    (m) =>
      /eagle|hawk|falcon|vulture|鹰|鹫/.test(m[1] ?? m[2] ?? m[3] ?? m[4] ?? "")
        ? "eagle head"
        : "bird head",
  ],
  [
    /\b(?:with\s+)?(?:snakes?|serpents?|vipers?)\s+(?:for|as)\s+(?:her\s+|his\s+|its\s+)?hair\b|\b(?:with\s+)?(?:an?\s+)?(?:snake|serpent)(?:'s)?[- ]?(?:hair|haired|locks)\b|蛇发/giu,
    () => "snake hair",
  ],
  [
    /\b(two|twin|double|three|four|five|six|seven|eight|nine|many|multi|[2-9])[- ]tail(?:ed|s)?\b|\bwith\s+(two|three|four|five|six|seven|eight|nine|many|[2-9])\s+tails\b|([二两双三四五六七八九多])尾(?=\p{Script=Han})/giu,
    (m) => {
      const w = (m[1] ?? m[2] ?? m[3] ?? "").toLowerCase();
      const n = Math.min(9, Math.max(2, COUNT[w] ?? Number(w)));
      return `${COUNT_WORD[n]} tails`;
    },
  ],
  [
    /\b(?:spiny|spine-backed|spiky-backed)\b|\b(?:with\s+)?(?:sharp\s+)?(?:spines|quills)(?:\s+(?:down|along|on)\s+(?:its|the|his|her)\s+back)?\b|\bwith\s+(?:sharp\s+)?spikes\s+(?:down|along|on)\s+(?:its|the|his|her)\s+back\b|背刺|脊刺/giu,
    () => "spines",
  ],
  // a harpy's wings are her arms, her feet a bird's (the wings' own word stays for creature-parts)
  [
    /(?<=\bwings?\s+)(?:for|as)\s+(?:her\s+|his\s+|its\s+)?arms\b|\bwing(?:ed)?[- ]arms\b|翼臂/giu,
    () => "wing arms",
  ],
  [
    /\b(?:and\s+|with\s+)?(?:sharp\s+)?(?:bird(?:'s)?\s+|eagle\s+)?(?:talons|taloned\s+feet|bird\s+feet|bird\s+legs)\b|鸟爪/giu,
    () => "talons",
  ],
  [/\b(?:with\s+)?(?:long|flowing)\s+hair\b|\blong-haired\b|长发/giu, () => "long hair"],
  [/\b(?:wailing|screaming|shrieking|keening)\b|哀嚎|尖叫/giu, () => "open mouth"],
  [
    /\b(?:with\s+)?(?:an?\s+)?(?:water\s+)?(?:dish|bowl|plate)\s+(?:of water\s+)?on\s+(?:its|the|his|her)\s+head\b|\b(?:with\s+)?an?\s+water\s+dish\b|头顶(?:水)?碟/giu,
    () => "head dish",
  ],
  [/\bred[- ]faced\b|\b(?:with\s+)?(?:an?\s+)?red\s+face\b|红脸/giu, () => "red face"],
  [
    /\blong[- ]nosed\b|\b(?:with\s+)?(?:an?\s+)?(?:very\s+)?long\s+(?:red\s+)?nose\b/giu,
    () => "long nose",
  ],
  [
    /\b(?:with\s+|wearing\s+)?(?:an?\s+)?gold(?:en)?\s+(?:headband|head band|circlet|fillet)\b|金箍(?!棒)|紧箍(?:咒)?/giu,
    () => "gold headband",
  ],
  [
    /\b(?:with\s+|wearing\s+)?(?:an?\s+)?(?:broad\s+)?(?:gold(?:en)?\s+)?(?:egyptian|usekh)\s+(?:collar|necklace)\b|\busekh\b/giu,
    () => "gold collar",
  ],
  [
    /\b(?:rising|emerging|surfacing|bursting|coming)\s+(?:up\s+)?(?:from|out of)\s+(?:the\s+)?(?:water|sea|ocean|waves|deep|depths|lake)\b|浮出水面|从海中升起/giu,
    () => "waves",
  ],
];

/**
 * Reads the folklore parts a prompt names and blanks them out of the text (so "eagle" in
 * "an eagle head" is not read as the subject). Returns the text and the features, in order.
 */
export function readFolkParts(text: string): { text: string; features: string[] } {
  const features: string[] = [];
  for (const [re, name] of PHRASES) {
    re.lastIndex = 0;
    text = text.replace(re, (...args) => {
      const m = args.slice(0, -2) as unknown as RegExpExecArray;
      const f = name(m);
      if (!features.includes(f)) features.push(f);
      return " ".repeat((args[0] as string).length);
    });
  }
  return { text, features };
}

/** A feature this module draws (on anything alive). */
export function isFolkPart(f: string): boolean {
  return (
    f === "eagle head" ||
    f === "bird head" ||
    f === "snake hair" ||
    f === "spines" ||
    f === "long hair" ||
    f === "open mouth" ||
    f === "head dish" ||
    f === "waves" ||
    f === "red face" ||
    f === "long nose" ||
    f === "gold headband" ||
    f === "gold collar" ||
    f === "wing arms" ||
    f === "talons" ||
    tailCount(f) > 0
  );
}

/** "nine tails" → 9; anything else 0. */
export function tailCount(f: string): number {
  const m = /^(\w+) tails$/.exec(f);
  return m ? Math.max(0, COUNT_WORD.indexOf(m[1]!)) : 0;
}

/** The feature in Chinese, for the interpretation. */
export function folkPartZh(f: string): string | undefined {
  const n = tailCount(f);
  if (n) return `${COUNT_ZH[n]}条尾巴`;
  return {
    "eagle head": "鹰头",
    "bird head": "鸟头",
    "snake hair": "蛇发",
    spines: "背刺",
    "long hair": "长发",
    "open mouth": "张嘴哀嚎",
    "head dish": "头顶水碟",
    waves: "浮出水面",
    "red face": "红脸",
    "long nose": "长鼻子",
    "gold headband": "金箍",
    "gold collar": "金项圈",
    "wing arms": "翅膀作手臂",
    talons: "鸟爪",
  }[f];
}

export interface FolkMats {
  feather: number;
  featherDark: number;
  beak: number;
  eye: number;
  scale: number;
  scaleDark: number;
  snakeEye: number;
  spine: number;
  tip: number;
  mouth: number;
  dishRim: number;
  water: number;
  foam: number;
  red: number;
  gold: number;
  lapis: number;
  /** the take's shape choices, so four seeds are four designs */
  /** 0: a smooth crown, 1: feathers swept back, 2: a griffin's pointed ear tufts */
  crest: number;
  fan: number;
  snakes: number;
}

/** Eagle heads by seed: a bald eagle's white, golden, brown, slate. */
const FEATHERS = ["#f2f0e8", "#d8a850", "#8c5a30", "#6c6a78"];
const SPINES = ["#3c4434", "#d8ccb0", "#5c2c2c", "#2c2c34"];
const SCALES = ["#5c9c3c", "#3c8c5c", "#7c9c2c"];

export function prepareFolkParts(
  m: Material[],
  features: readonly string[],
  rng: Rng,
  crng: Rng,
): FolkMats | undefined {
  if (!features.some(isFolkPart)) return undefined;
  const add = (hex: string, flat = false) => m.push(material(hexToRgb(hex), { flat })) - 1;
  const feather = crng.pick(FEATHERS);
  const scale = crng.pick(SCALES);
  return {
    feather: add(feather),
    featherDark: add(mixHex(feather, "#20182a", 0.45)),
    beak: add("#f0b428"),
    eye: add("#1c1420", true),
    scale: add(scale),
    scaleDark: add(mixHex(scale, "#101c10", 0.45)),
    snakeEye: add("#f04030", true),
    spine: add(crng.pick(SPINES)),
    tip: add("#f6f2ea"),
    mouth: add("#2a101a", true),
    dishRim: add("#d8e0c8"),
    water: add("#3c7cd0"),
    foam: add("#e6f4ff"),
    red: add("#d83c30"),
    gold: add("#f0c030"),
    lapis: add("#2c5cb0"),
    crest: rng.int(0, 2),
    fan: rng.int(0, 2),
    snakes: rng.int(4, 6),
  };
}

function mixHex(a: string, b: string, t: number): string {
  const c = mixRgb(hexToRgb(a), hexToRgb(b), t);
  return `#${c.map((v) => Math.round(v).toString(16).padStart(2, "0")).join("")}`;
}

/** The box round the drawn cells that keep accepts. */
function boxOf(c: SpriteCanvas, keep: (i: number) => boolean): CellBox | undefined {
  return boxWhere(c.w, c.w * c.h, (i) => c.mat[i]! >= 0 && keep(i));
}

/** The box of the drawn cells among the given ones (a head's). */
function cellsBox(c: SpriteCanvas, cells: readonly number[]): CellBox | undefined {
  return boxOf(c, (i) => cells.includes(i));
}

function merge(c: SpriteCanvas, src: SpriteCanvas, behind: boolean): void {
  for (let i = 0; i < c.w * c.h; i++) {
    if (src.mat[i]! < 0 || (behind && c.mat[i]! >= 0)) continue;
    c.mat[i] = src.mat[i]!;
    c.part[i] = src.part[i]!;
    c.tone[i] = src.tone[i]!;
  }
}

/**
 * Draws the folklore parts the features name. `head`: the head's cells (the rig's head parts,
 * else the top of the figure); `headPart`: the rig's own head part id when it names one (its
 * first head part), which sizes a bird's head without a lion's mane.
 */
export function drawFolkParts(
  c: SpriteCanvas,
  features: readonly string[],
  pose: Pose,
  x: FolkMats,
  head: number[],
  headParts: readonly number[] | undefined,
  faceRight: boolean,
  mats: readonly Material[],
  /** the bird's head is already drawn (swapFolkHead, before extra heads copied it) */
  headDone = false,
): void {
  const side = pose.view === "side";
  const dir = faceRight ? 1 : -1;
  const k = c.w / 32;
  const inHead = new Set(head);
  const tails = Math.max(0, ...features.map(tailCount));
  if (tails) drawTailFan(c, x, tails, pose.view, dir, inHead, headParts, mats, k);
  if (features.includes("spines")) drawSpines(c, x, side, inHead, k);
  if (!headDone) swapFolkHead(c, features, pose, x, head, headParts, faceRight);
  const on: HeadAt = { c, x, view: pose.view, dir, head, k };
  if (features.includes("long hair")) drawLongHair(on);
  if (features.includes("snake hair")) drawSnakeHair(on);
  if (features.includes("head dish")) drawHeadDish(on);
  if (features.includes("red face")) paintFace(on, x.red, headParts, mats);
  if (features.includes("long nose") && pose.view !== "back") drawLongNose(on, headParts, mats);
  if (features.includes("gold headband")) drawHeadband(on, headParts, mats);
  if (features.includes("gold collar")) drawCollar(on, headParts);
  if (features.includes("open mouth") && pose.view !== "back")
    drawOpenMouth(c, x, side, dir, head, mats, k);
  if (features.includes("waves")) drawWaves(c, x, pose.t, k);
}

/** The part ids a swapped head is drawn with (extra heads copy them). */
export const FOLK_HEAD_PARTS: readonly number[] = [FOLK_PART.birdHead, FOLK_PART.beak];

/** Draws a bird's head in place of the rig's, when one is named; true when it did. */
export function swapFolkHead(
  c: SpriteCanvas,
  features: readonly string[],
  pose: Pose,
  x: FolkMats,
  head: number[],
  headParts: readonly number[] | undefined,
  faceRight: boolean,
): boolean {
  if (!features.includes("eagle head") && !features.includes("bird head")) return false;
  const dir = faceRight ? 1 : -1;
  featherForelegs(c, x, pose.view, dir, new Set(head));
  drawBirdHead(c, x, pose.view, dir, head, headParts, c.w / 32);
  return true;
}

/** The head's box (the rig's own head part when named: a lion's mane is not its head). */
function headBox(
  c: SpriteCanvas,
  head: number[],
  headParts: readonly number[] | undefined,
): CellBox | undefined {
  const own = headParts?.[0];
  const cells = own === undefined ? head : head.filter((i) => c.part[i] === own);
  const set = new Set(cells.length >= 4 ? cells : head);
  return set.size ? boxOf(c, (i) => set.has(i)) : undefined;
}

function drawBirdHead(
  c: SpriteCanvas,
  x: FolkMats,
  view: Pose["view"],
  dir: number,
  head: number[],
  headParts: readonly number[] | undefined,
  k: number,
): void {
  const b = headBox(c, head, headParts);
  if (!b) return;
  const cx = (b.x0 + b.x1 + 1) / 2;
  const cy = (b.y0 + b.y1 + 1) / 2;
  // an eagle's head is small on a lion's body: never bigger than the rig's head (from behind
  // the rig may only show its mane, which would make a head the size of an egg)
  const cap = (view === "back" ? 2.8 : 3.8) * k;
  const rx = Math.min(cap, Math.max(2.4 * k, b.w / 2));
  const ry = Math.min(cap, Math.max(2.4 * k, b.h / 2));
  const layer = new SpriteCanvas(c.w, c.h);
  // the old head's ears, mane and muzzle go; below the head's middle they become a feathered ruff
  for (const i of head) {
    const px = i % c.w;
    const py = (i / c.w) | 0;
    // the same test as the ellipse drawn below: every old cell is covered or replaced
    const dx = (px + 0.5 - cx) / rx;
    const dy = (py + 0.5 - cy) / ry;
    if (dx * dx + dy * dy <= 1.0001) continue;
    if (py >= cy) layer.plot(px, py, x.feather, FOLK_PART.birdHead, (px + py) % 3 ? -1 : 1);
    else c.erase(px, py);
  }
  layer.ellipse(cx, cy, rx, ry, x.feather, FOLK_PART.birdHead);
  if (x.crest === 2)
    // two pointed ear tufts standing off the crown, as heraldry draws a griffin
    for (const s of view === "side" ? [-dir] : [-1, 1])
      layer.poly(
        [
          [cx + s * rx * 0.15, cy - ry * 0.75],
          [cx + s * rx * (view === "side" ? 0.9 : 0.7), cy - ry - 2 * k],
          [cx + s * rx * 0.75, cy - ry * 0.4],
        ],
        x.featherDark,
        FOLK_PART.birdHead,
      );
  else if (x.crest === 1 && view !== "front")
    // a few feathers swept back off the crown
    layer.poly(
      [
        [cx - dir * rx * 0.2, cy - ry * 0.8],
        [cx - dir * (rx + 1.8 * k), cy - ry * 0.9],
        [cx - dir * rx * 0.6, cy - ry * 0.2],
      ],
      x.feather,
      FOLK_PART.birdHead,
    );
  if (view === "side") {
    // a hooked beak forward of the face, the eye under a dark brow (the eagle's glare)
    const base = cx + dir * rx * 0.6;
    layer.poly(
      [
        [base, cy - ry * 0.4],
        [cx + dir * (rx + 1.6 * k), cy - ry * 0.3],
        [cx + dir * (rx + 2.6 * k), cy + ry * 0.05],
        [cx + dir * (rx + 2.2 * k), cy + ry * 0.6],
        [cx + dir * (rx + 1.2 * k), cy + ry * 0.25],
        [base, cy + ry * 0.3],
      ],
      x.beak,
      FOLK_PART.beak,
    );
    layer.line(
      base,
      cy + ry * 0.1,
      cx + dir * (rx + 1.2 * k),
      cy + ry * 0.2,
      x.beak,
      FOLK_PART.beak,
      1,
    );
    layer.line(
      cx,
      cy - ry * 0.6,
      cx + dir * rx * 0.6,
      cy - ry * 0.4,
      x.featherDark,
      FOLK_PART.birdHead,
    );
    layer.plot(cx + dir * rx * 0.3, cy - ry * 0.15, x.eye, FOLK_PART.birdHead);
  } else if (view === "front") {
    // two eyes and the beak pointing down between them
    const ex = Math.max(1, Math.round(rx * 0.5));
    layer.plot(cx - ex - 0.5, cy - ry * 0.2, x.eye, FOLK_PART.birdHead);
    layer.plot(cx + ex - 0.5, cy - ry * 0.2, x.eye, FOLK_PART.birdHead);
    layer.poly(
      [
        [cx - 1.3 * k, cy],
        [cx + 1.3 * k, cy],
        [cx + 0.2 * k, cy + ry * 0.9 + k],
        [cx - 0.2 * k, cy + ry * 0.9 + k],
      ],
      x.beak,
      FOLK_PART.beak,
    );
  }
  merge(c, layer, false);
}

/**
 * A four-legged body under a bird's head has a bird's forelegs: feathered, with yellow talons
 * (a griffin's front half is the eagle). From behind, the hind legs are what shows.
 */
function featherForelegs(
  c: SpriteCanvas,
  x: FolkMats,
  view: Pose["view"],
  dir: number,
  inHead: Set<number>,
): void {
  if (view === "back") return;
  const b = boxOf(c, (i) => !inHead.has(i));
  if (!b) return;
  const { w, h } = b;
  if (h > w * 1.15) return;
  const top = b.y0 + Math.round(h * 0.62);
  const mid = (b.x0 + b.x1) / 2;
  for (let y = top; y <= b.y1; y++)
    for (let xx = b.x0; xx <= b.x1; xx++) {
      const i = y * c.w + xx;
      if (c.mat[i]! < 0 || inHead.has(i) || c.part[i]! >= 200) continue;
      if (view === "side" && (xx - mid) * dir < w * 0.05) continue;
      c.mat[i] = y === b.y1 ? x.beak : x.feather;
    }
}

/** Where a part worn on the head is drawn: the canvas, the folk materials, the view and facing. */
interface HeadAt {
  c: SpriteCanvas;
  x: FolkMats;
  view: Pose["view"];
  dir: number;
  /** the head's cells */
  head: number[];
  /** cells per 1/32 of the canvas */
  k: number;
}

function drawSnakeHair(on: HeadAt): void {
  const { c, x, view, dir, head, k } = on;
  const b = cellsBox(c, head);
  if (!b) return;
  const { w, h } = b;
  // the hair becomes scales
  for (const i of head) {
    const y = (i / c.w) | 0;
    if (y > b.y0 + h * 0.28) continue;
    c.mat[i] = (i + y) % 2 ? x.scale : x.scaleDark;
    c.part[i] = FOLK_PART.snakeHair;
  }
  const layer = new SpriteCanvas(c.w, c.h);
  const snake = (rx: number, ry: number, ang: number, len: number, n: number) => {
    // a wriggle: the body swings side to side along its length, the head a darker knob
    let px = rx;
    let py = ry;
    for (let s = 1; s <= 4; s++) {
      const t = s / 4;
      const sway = (s % 2 ? 1 : -1) * 0.9 * k;
      const nx = rx + Math.sin(ang) * len * t + Math.cos(ang) * sway;
      const ny = ry - Math.cos(ang) * len * t + Math.sin(ang) * sway;
      layer.line(px, py, nx, ny, x.scale, FOLK_PART.snakeHair, n % 2 ? -1 : 1);
      px = nx;
      py = ny;
    }
    // a head a little wider than the body, with a red eye from 32 px up
    const hx = px + Math.sign(Math.sin(ang) || 1);
    layer.plot(px, py, x.scaleDark, FOLK_PART.snakeHair);
    layer.plot(hx, py, x.scaleDark, FOLK_PART.snakeHair);
    if (k >= 1) layer.plot(hx, py - 1, x.snakeEye, FOLK_PART.snakeHair);
  };
  const len = Math.max(4, h * 0.62);
  const n = x.snakes;
  if (view === "side") {
    // rising off the crown and streaming back
    for (let s = 0; s < n; s++) {
      const t = n > 1 ? s / (n - 1) : 0.5;
      const rx = b.x0 + w * (0.75 - 0.55 * t) + (dir < 0 ? 0 : 0);
      const fx = dir > 0 ? rx : b.x1 - (rx - b.x0);
      snake(fx, b.y0 + 1, -dir * (0.2 + t * 1.9), len, s);
    }
  } else
    for (let s = 0; s < n; s++) {
      const t = n > 1 ? s / (n - 1) : 0.5;
      // the outer ones hang down beside the face like locks, the middle ones rise
      snake(b.x0 + w * (0.1 + 0.8 * t), b.y0 + 1, (t - 0.5) * 3.4, len, s);
    }
  merge(c, layer, false);
}

function drawLongHair(on: HeadAt): void {
  const { c, x, view, dir, head, k } = on;
  const b = cellsBox(c, head);
  if (!b) return;
  const { w, h } = b;
  const cx = Math.round((b.x0 + b.x1) / 2);
  // the hair's colour is the crown's
  const hair = c.get(cx, b.y0) >= 0 ? c.get(cx, b.y0) : x.featherDark;
  const y0 = b.y0 + Math.round(h * 0.3);
  const y1 = Math.min(c.h - 1, b.y1 + Math.round(h * 0.9));
  const t = Math.max(1, Math.round(1.4 * k));
  const layer = new SpriteCanvas(c.w, c.h);
  if (view === "front") {
    // over the face's outer columns and down over the shoulders: framed by hair, a square face
    // above a pale collar read as a bearded man
    layer.rect(b.x0 - t, y0, b.x0, y1, hair, FOLK_PART.hair);
    layer.rect(b.x1, y0, b.x1 + t, y1, hair, FOLK_PART.hair);
  } else if (view === "back")
    layer.rect(b.x0 - t + 1, b.y0 + 1, b.x1 + t - 1, y1, hair, FOLK_PART.hair);
  else {
    const bx = dir > 0 ? b.x0 : b.x1;
    layer.rect(bx - dir * t, y0 - 1, bx + dir * Math.round(w * 0.3), y1, hair, FOLK_PART.hair);
  }
  // over the shoulders from the front, over the back of the head from behind and side-on
  merge(c, layer, false);
}

function drawHeadDish(on: HeadAt): void {
  const { c, x, view, head, k } = on;
  const b = cellsBox(c, head);
  if (!b) return;
  const cx = (b.x0 + b.x1 + 1) / 2;
  // a saucer on the crown seen a little from above: a pale ring narrower than the head with
  // water in it and a glint (a flat rim as wide as the head read as a headband, eval-e)
  const rx = Math.max(2.5 * k, b.w * 0.4);
  const ry = Math.max(1.5, 1.9 * k);
  const cy = b.y0 + 0.5;
  c.ellipse(cx, cy, rx, ry, x.dishRim, FOLK_PART.dish);
  if (view === "back") return;
  c.ellipse(cx, cy - 0.3 * k, rx - 1.1 * k, ry - 0.9 * k, x.water, FOLK_PART.dish);
  c.plot(cx - rx * 0.35, cy - 0.5 * k, x.foam, FOLK_PART.dish);
}

/** The mouth under the eyes, open in a wail: eyes are small flat spots inside the head. */
function drawOpenMouth(
  c: SpriteCanvas,
  x: FolkMats,
  side: boolean,
  dir: number,
  head: number[],
  mats: readonly Material[],
  k: number,
): void {
  const b = cellsBox(c, head);
  if (!b) return;
  const eyes = head.filter((i) => mats[c.mat[i]!]?.flat);
  const ey = eyes.length
    ? Math.max(...eyes.map((i) => (i / c.w) | 0))
    : b.y0 + Math.round((b.y1 - b.y0) * 0.5);
  const ex = eyes.length
    ? eyes.reduce((s, i) => s + (i % c.w), 0) / eyes.length
    : (b.x0 + b.x1) / 2;
  const mx = side ? ex + dir * 0.5 : ex;
  // a small dark "O" a row clear of the eyes: a wider one read as a beard at 32 px, a taller
  // one joined to the eyes as a nose
  const s = Math.max(1, Math.round(k));
  const my = Math.min(b.y1 - s + 1, ey + 2 * s);
  c.rect(mx, my, mx + s - 1, my + s - 1, x.mouth, FOLK_PART.mouth);
}

function drawSpines(
  c: SpriteCanvas,
  x: FolkMats,
  side: boolean,
  inHead: Set<number>,
  k: number,
): void {
  const b = boxOf(c, (i) => !inHead.has(i));
  if (!b) return;
  const { w } = b;
  const step = Math.max(2, Math.round(2.4 * k));
  const tall = Math.max(2, Math.round(2 * k));
  const layer = new SpriteCanvas(c.w, c.h);
  const from = side ? b.x0 + Math.round(w * 0.12) : b.x0 + Math.round(w * 0.2);
  const to = side ? b.x1 - Math.round(w * 0.12) : b.x1 - Math.round(w * 0.2);
  for (let sx = from; sx <= to; sx += step) {
    // the body's top at this column, skipping the head above it; seen end-on the ridge rises
    // behind the whole figure, head and all
    let top = -1;
    for (let y = side ? b.y0 : 0; y <= b.y1; y++) {
      const i = y * c.w + sx;
      if (c.mat[i]! >= 0 && (!side || !inHead.has(i))) {
        top = y;
        break;
      }
    }
    if (top < 0 || (side && isUnderHead(c, sx, top, inHead))) continue;
    layer.poly(
      [
        [sx - 0.6 * k, top + 1],
        [sx + 0.5, top - tall],
        [sx + 1 + 0.6 * k, top + 1],
      ],
      x.spine,
      FOLK_PART.spines,
    );
  }
  merge(c, layer, true);
}

/** A column whose body top sits right under the head: the neck, where no spine stands. */
function isUnderHead(c: SpriteCanvas, sx: number, top: number, inHead: Set<number>): boolean {
  for (let y = top - 1; y >= Math.max(0, top - 3); y--) if (inHead.has(y * c.w + sx)) return true;
  return false;
}

function drawTailFan(
  c: SpriteCanvas,
  x: FolkMats,
  n: number,
  view: Pose["view"],
  dir: number,
  inHead: Set<number>,
  headParts: readonly number[] | undefined,
  mats: readonly Material[],
  k: number,
): void {
  const b = boxOf(c, (i) => !inHead.has(i));
  if (!b) return;
  const { w, h } = b;
  const side = view === "side";
  // a four-legged body's tails leave the rump at the back's height; an upright one's the hips
  const upright = h > w * 1.15;
  const mid = (b.x0 + b.x1 + 1) / 2;
  const rx = !side
    ? mid
    : upright
      ? mid - dir * w * 0.3
      : dir > 0
        ? b.x0 + w * 0.15
        : b.x1 - w * 0.15;
  const ry = b.y0 + h * (upright ? 0.58 : side ? 0.35 : 0.45);
  // the fur is the body's colour where the tails meet it; a person's clothes are not fur, so
  // an upright body's tails take its head's colour (a fox mage's fox fur)
  const own = headParts?.[0];
  let fur = upright
    ? commonMat(
        c,
        [...inHead].filter((i) => own === undefined || c.part[i] === own),
        mats,
      )
    : -1;
  for (let d = 0; d < c.w && fur < 0; d++)
    for (const [ox, oy] of [
      [0, d],
      [d, 0],
      [-d, 0],
      [0, -d],
    ] as const) {
      const i = c.index(rx + ox, ry + oy);
      if (i >= 0 && c.mat[i]! >= 0 && !inHead.has(i)) {
        fur = c.mat[i]!;
        break;
      }
    }
  if (fur < 0) return;
  // seen end-on the body hides the tails' roots: they are longer, so every one shows
  const len = Math.max(6, c.w * (n > 3 ? 0.36 : 0.3) * (side ? 1 : 1.2));
  // the fan's arc (radians from straight back, up): upswept, spread wide, or swept low — a take
  const arcs: [number, number][] = side
    ? [
        [0.35, 1.75],
        [0.15, 1.55],
        [0.55, 2.0],
      ]
    : [
        [-1.25, 1.25],
        [-1.45, 1.45],
        [-1.0, 1.0],
      ];
  let [a0, a1] = arcs[x.fan % arcs.length]!;
  // many tails seen from the side spread wider, over the back as a peacock's train, so every tip
  // stands apart (eval-f: nine tails in a 100° fan drew one bushy blob); from the front the fan
  // is wide already
  if (n > 4 && side) [a0, a1] = [a0 - 0.25, a1 + 0.55];
  const layer = new SpriteCanvas(c.w, c.h);
  for (let t = 0; t < n; t++) {
    const f = n > 1 ? t / (n - 1) : 0.5;
    const a = a0 + (a1 - a0) * f;
    const steps = 7;
    const blobs: [number, number, number, number][] = [];
    for (let s = 1; s <= steps; s++) {
      const u = s / steps;
      // each tail bows upward along its length
      const au = a + 0.25 * u * (side ? 1 : Math.sign(a) || 1);
      const dx = side ? -dir * Math.cos(au) : Math.sin(au);
      const dy = side ? -Math.sin(au) : -Math.cos(au);
      // bushy in the middle; many tails are slimmer, so each one shows in the fan
      const r = Math.max(
        0.7,
        (0.8 + (n > 4 ? 0.8 : 1.4) * Math.sin(Math.PI * Math.min(1, u * 1.1))) * k,
      );
      blobs.push([rx + dx * len * u, ry + dy * len * u, r, u]);
    }
    // many tails: each one rimmed in the fur's darkest tone over the tails behind it
    if (n > 4)
      for (const [px, py, r] of blobs)
        if (r > 0.9) layer.ellipse(px, py, r + 0.6, r + 0.6, fur, FOLK_PART.tail + t, 0);
    for (const [px, py, r, u] of blobs)
      layer.ellipse(px, py, r, r, u > 0.72 ? x.tip : fur, FOLK_PART.tail + t, t % 2 ? 1 : -1);
  }
  // from behind, the tails are in front of the rump
  merge(c, layer, view !== "back");
}

/** The commonest shaded material among some cells (a head's skin or fur), or -1. */
function commonMat(c: SpriteCanvas, cells: readonly number[], mats: readonly Material[]): number {
  const n = new Map<number, number>();
  for (const i of cells) {
    const m = c.mat[i]!;
    if (m >= 0 && !mats[m]?.flat) n.set(m, (n.get(m) ?? 0) + 1);
  }
  let best = -1;
  let most = 0;
  for (const [m, v] of n)
    if (v > most) {
      best = m;
      most = v;
    }
  return best;
}

function drawWaves(c: SpriteCanvas, x: FolkMats, t: number, k: number): void {
  const b = boxOf(c, () => true);
  if (!b) return;
  const { h } = b;
  const top = b.y1 - Math.round(h * 0.26);
  const bottom = Math.min(c.h - 1, b.y1 + 1);
  for (let px = Math.max(0, b.x0 - 3); px <= Math.min(c.w - 1, b.x1 + 3); px++) {
    // a swell that rolls along with the frame's time
    const crest = top + Math.round(Math.sin((px * 0.7) / k + t * Math.PI * 2) * k);
    for (let py = crest; py <= bottom; py++)
      c.plot(
        px,
        py,
        py === crest ? x.foam : x.water,
        py === crest ? FOLK_PART.foam : FOLK_PART.water,
        (px + py) % 4 === 0 ? 1 : -1,
      );
  }
}

/** The head's skin: the commonest shaded material of the rig's own head part (not hair or hat). */
function skinOf(on: HeadAt, headParts: readonly number[] | undefined, mats: readonly Material[]) {
  const own = headParts?.[0];
  const cells = on.head.filter((i) => own === undefined || on.c.part[i] === own);
  return commonMat(on.c, cells.length ? cells : on.head, mats);
}

/** "red-faced" (a tengu): the head's skin turns red, the eyes and hair stay. */
function paintFace(
  on: HeadAt,
  red: number,
  headParts: readonly number[] | undefined,
  mats: readonly Material[],
): void {
  const skin = skinOf(on, headParts, mats);
  if (skin < 0) return;
  for (let i = 0; i < on.c.w * on.c.h; i++) if (on.c.mat[i] === skin) on.c.mat[i] = red;
}

/**
 * "long-nosed" (a tengu, a goblin): a nose as long as half the head, forward side-on and, from
 * the front, out past the cheek at a slant, so it leaves the head's outline and reads as a nose.
 */
function drawLongNose(
  on: HeadAt,
  headParts: readonly number[] | undefined,
  mats: readonly Material[],
): void {
  const { c, view, dir, k } = on;
  const b = headBox(c, on.head, headParts);
  if (!b) return;
  const skin = skinOf(on, headParts, mats);
  if (skin < 0) return;
  const eyes = on.head.filter((i) => mats[c.mat[i]!]?.flat);
  const ey = eyes.length
    ? Math.max(...eyes.map((i) => (i / c.w) | 0))
    : b.y0 + Math.round(b.h * 0.5);
  const r = Math.max(0.6, 0.75 * k);
  const layer = new SpriteCanvas(c.w, c.h);
  if (view === "side") {
    const fx = dir > 0 ? b.x1 : b.x0;
    layer.capsule(fx, ey + 1, fx + dir * 5 * k, ey + 1.8 * k, r, skin, FOLK_PART.nose);
  } else {
    // out past the cheek and a little up, as a tengu mask's nose juts
    const cx = (b.x0 + b.x1) / 2;
    layer.capsule(cx, ey + 1.5 * k, cx + 8.5 * k, ey + 0.5 * k, r, skin, FOLK_PART.nose);
  }
  // its shadow on the face under it: a red nose on a red face is otherwise lost in it
  const shade: number[] = [];
  for (let i = c.w; i < c.w * (c.h - 1); i++)
    if (layer.mat[i]! >= 0 && layer.mat[i + c.w]! < 0 && c.mat[i + c.w]! >= 0) shade.push(i + c.w);
  for (const i of shade) layer.plot(i % c.w, (i / c.w) | 0, on.x.mouth, FOLK_PART.nose);
  merge(c, layer, false);
}

/**
 * "a golden headband" (the monkey king's 金箍): a gold band round the brow, two rows over the eyes
 * and a cell past the head on each side, over the fur.
 */
function drawHeadband(
  on: HeadAt,
  headParts: readonly number[] | undefined,
  mats: readonly Material[],
): void {
  const { c, x, k } = on;
  const b = headBox(c, on.head, headParts);
  if (!b) return;
  const eyes = on.head.filter((i) => mats[c.mat[i]!]?.flat);
  const ey = eyes.length
    ? Math.min(...eyes.map((i) => (i / c.w) | 0))
    : b.y0 + Math.round(b.h * 0.5);
  const t = Math.max(1, Math.round(k));
  const y = Math.max(b.y0, ey - 1 - t);
  const row = on.head.filter((i) => ((i / c.w) | 0) === y).map((i) => i % c.w);
  if (!row.length) return;
  c.rect(Math.min(...row) - 1, y, Math.max(...row) + 1, y + t - 1, x.gold, FOLK_PART.headband);
}

/** "a gold collar" (anubis's broad collar): gold and lapis rows on the shoulders under the head. */
function drawCollar(on: HeadAt, headParts: readonly number[] | undefined): void {
  const { c, x, k } = on;
  const b = headBox(c, on.head, headParts);
  if (!b) return;
  const rows = Math.max(2, Math.round(2.4 * k));
  const wide = Math.round(b.w * 0.35);
  for (let r = 1; r <= rows; r++) {
    const y = b.y1 + r;
    for (let xx = b.x0 - wide; xx <= b.x1 + wide; xx++) {
      const i = c.index(xx, y);
      if (i < 0 || c.mat[i]! < 0 || on.head.includes(i)) continue;
      c.mat[i] = r === Math.ceil(rows / 2) + (rows > 2 ? 0 : 1) ? x.lapis : x.gold;
      c.part[i] = FOLK_PART.collar;
    }
  }
}
