// Size and number words drawn on the canvas, so they show whatever rig or icon drew the subject:
// "a giant spider" fills the frame, "a tiny dragon" stands small in it, "three apples" and "a
// pile of coins" are a small group of the thing. A size word also picks the grid (vocabulary.ts
// SIZE_WORDS), but the studio usually fixes the grid, and then the word left no trace (eval-d:
// "giant", "three apples", "gold coins" were drawn as one plain thing). Applied to the labels,
// parts and tones before outline and shading, so every copy is outlined and shaded as drawn.
import { boxWhere, type SpriteCanvas } from "./canvas";

interface Box {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

function drawnBox(c: SpriteCanvas): Box | undefined {
  let x0 = c.w;
  let x1 = -1;
  let y0 = c.h;
  let y1 = -1;
  for (let y = 0; y < c.h; y++)
    for (let x = 0; x < c.w; x++)
      if (c.mat[y * c.w + x]! >= 0) {
        x0 = Math.min(x0, x);
        x1 = Math.max(x1, x);
        y0 = Math.min(y0, y);
        y1 = Math.max(y1, y);
      }
  return x1 < 0 ? undefined : { x0, x1, y0, y1 };
}

interface Snapshot {
  mat: Int16Array;
  part: Uint8Array;
  tone: Int8Array;
  box: Box;
}

function snapshot(c: SpriteCanvas): Snapshot | undefined {
  const box = drawnBox(c);
  if (!box) return undefined;
  const s = { mat: c.mat.slice(), part: c.part.slice(), tone: c.tone.slice(), box };
  c.mat.fill(-1);
  c.part.fill(0);
  c.tone.fill(-1);
  return s;
}

/**
 * Pastes the snapshot scaled by f (nearest cell), its bottom centre at (cx, bottom); cells
 * already drawn are covered, so later copies stand in front.
 */
function paste(c: SpriteCanvas, s: Snapshot, f: number, cx: number, bottom: number): Uint8Array {
  const mine = new Uint8Array(c.w * c.h);
  const { x0, x1, y0, y1 } = s.box;
  const sc = (x0 + x1 + 1) / 2;
  const nw = (x1 - x0 + 1) * f;
  const nh = (y1 - y0 + 1) * f;
  for (let y = Math.floor(bottom + 1 - nh); y <= bottom; y++) {
    if (y < 0 || y >= c.h) continue;
    const sy = Math.floor(y1 + 1 - (bottom + 1 - (y + 0.5)) / f);
    if (sy < y0 || sy > y1) continue;
    for (let x = Math.floor(cx - nw / 2); x <= Math.ceil(cx + nw / 2); x++) {
      if (x < 0 || x >= c.w) continue;
      const sx = Math.floor(sc + (x + 0.5 - cx) / f);
      if (sx < x0 || sx > x1) continue;
      const from = sy * c.w + sx;
      if (s.mat[from]! < 0) continue;
      const to = y * c.w + x;
      c.mat[to] = s.mat[from]!;
      c.part[to] = s.part[from]!;
      c.tone[to] = s.tone[from]!;
      mine[to] = 1;
    }
  }
  return mine;
}

/**
 * A copy in front of others: its cells that touch an earlier copy take the dark line, so three
 * apples read as three and not as one lumpy apple (they share every material).
 */
function lineAgainstOthers(c: SpriteCanvas, mine: Uint8Array): void {
  const edge: number[] = [];
  for (let i = 0; i < mine.length; i++) {
    if (!mine[i]) continue;
    const x = i % c.w;
    for (const j of [x > 0 ? i - 1 : -1, x < c.w - 1 ? i + 1 : -1, i - c.w, i + c.w])
      if (j >= 0 && j < mine.length && !mine[j] && c.mat[j]! >= 0) {
        edge.push(i);
        break;
      }
  }
  for (const i of edge) c.tone[i] = 0;
}

/** How a size word changes the drawing in its frame. */
export type SizeWord = "tiny" | "small" | "big" | "giant";

export function sizeWordOf(size: number): SizeWord | undefined {
  return size <= 16
    ? "tiny"
    : size <= 24
      ? "small"
      : size >= 64
        ? "giant"
        : size >= 48
          ? "big"
          : undefined;
}

/**
 * A size word on the drawing in a grid the word did not pick: giant and big grow the subject
 * until it fills the frame (anchored on its ground line), tiny and small shrink it about its
 * feet. A tiny thing already on its own 16-px grid is left as drawn (shrunk again it would not
 * read).
 */
/** How far tiny and small shrink a drawing in a frame larger than their own grid. */
export const SHRINK: Partial<Record<SizeWord, number>> = { tiny: 0.6, small: 0.78 };

/**
 * A borrowed icon is drawn small by rasterising it at fewer cells, not by shrinking the drawn
 * cells: a shrink samples every other cell and dropped a tiny hummingbird's beak and wing
 * lines (eval-f: a brown blotch). The factor its cells take, or 1 (the frame is its own grid).
 */
export function iconShrink(word: SizeWord | undefined, size: number): number {
  return word && size > 24 ? (SHRINK[word] ?? 1) : 1;
}

export function applySizeWord(c: SpriteCanvas, word: SizeWord): void {
  if ((word === "tiny" || word === "small") && c.w <= 24) return;
  const s = snapshot(c);
  if (!s) return;
  const { x0, x1, y0, y1 } = s.box;
  const bw = x1 - x0 + 1;
  const bh = y1 - y0 + 1;
  // a pixel of margin on every side for the outline
  const fill = Math.min((c.w - 4) / bw, (y1 - 1) / bh);
  const f =
    word === "giant"
      ? Math.min(1.8, fill)
      : word === "big"
        ? Math.min(1.3, fill)
        : (SHRINK[word] ?? 1);
  const cx = word === "giant" || word === "big" ? c.w / 2 : (x0 + x1 + 1) / 2;
  paste(c, s, Math.max(f, word === "giant" || word === "big" ? 1 : 0), cx, y1);
}

/**
 * A small group of the drawn thing ("three apples", "a pile of coins", 三个苹果): two copies
 * side by side, or three in a pile (two behind, one in front), each scaled to fit the frame.
 */
export function drawGroup(c: SpriteCanvas, count: number): void {
  const s = snapshot(c);
  if (!s) return;
  const { x0, x1, y0, y1 } = s.box;
  const bw = x1 - x0 + 1;
  const bh = y1 - y0 + 1;
  const n = count >= 3 ? 3 : 2;
  // the group spans about 1.6 copies across; scaled so it fits the frame and the drawn height
  const f = Math.min(
    n === 3 ? 0.64 : 0.68,
    (c.w - 2) / (bw * 1.65),
    y1 / (bh * (n === 3 ? 1.3 : 1)),
  );
  const w = bw * f;
  const mid = c.w / 2;
  if (n === 2) {
    paste(c, s, f, mid - w * 0.42, y1 - Math.round(bh * f * 0.12));
    lineAgainstOthers(c, paste(c, s, f, mid + w * 0.42, y1));
    return;
  }
  const back = y1 - Math.round(bh * f * 0.32);
  paste(c, s, f, mid - w * 0.5, back);
  lineAgainstOthers(c, paste(c, s, f, mid + w * 0.5, back));
  lineAgainstOthers(c, paste(c, s, f, mid, y1));
}

// ---- reading the words -------------------------------------------------------------------------

// a count or a heap word just before the head noun (adjectives may sit between: "three red apples")
const COUNT_EN =
  /\b(?:(two|2|a pair of|pair of|a couple of)|(three|four|five|six|seven|eight|nine|ten|several|many|some|a few|few|lots of|a lot of|plenty of|[3-9]|10)|(?:an? )?(?:pile|heap|stack|bunch|handful|group|cluster|row) of)\s+(?:[a-z-]+\s+){0,2}$/;
const COUNT_ZH =
  /(?:([两二双]|一对)|([三四五六七八九十几]|好几|很多|许多|好多|一些|一堆|一群|一串|一排))[个只条把头匹张块本座棵朵颗件枚根支串堆群对]?(?:[红橙黄绿蓝紫粉黑白灰金银棕小大]{1,2}色?的?)?$/;
/** words of a heap or count that would otherwise be "not understood" */
const COUNT_WORDS = new Set([
  "pile",
  "heap",
  "stack",
  "bunch",
  "handful",
  "group",
  "cluster",
  "row",
  "several",
  "many",
  "few",
  "lots",
  "lot",
  "plenty",
  "pair",
  "couple",
  "five",
  "six",
  "seven",
  "eight",
  "nine",
  "ten",
]);

/** A count word left over by the tokenizer ("pile", "several", 三, 一堆). */
export function isCountWord(w: string): boolean {
  return (
    COUNT_WORDS.has(w) ||
    /^(?:[两二三四五六七八九十几双]|一堆|一些|一群|一串|一排|很多|许多|好多|好几|一对)$/.test(w)
  );
}

const PAIRS =
  /^(boots|shoes|sandals|slippers|socks|gloves|gauntlets|mittens|glasses|sunglasses|goggles|spectacles|scissors|shears|pliers|tongs|pants|trousers|shorts|jeans|earrings|binoculars|skates)$/;

/** Things small enough to be drawn as a little group of themselves. */
const GROUPABLE = new Set(["food", "treasure", "prop", "ui", "weapon", "tool", "armour", "plant"]);

export function groupable(category: string | undefined): boolean {
  return !!category && GROUPABLE.has(category);
}

/**
 * How many of the head noun the prompt names (2, or 3 for "three", "several", "a pile of",
 * a plural), or undefined for one. `word` is the head as typed, `pos` where it starts, `forms`
 * the subject's English words (a plural is a typed last word whose singular is one of them:
 * "bones", "kitties", "gold coins", not "glasses").
 */
export function countOf(
  text: string,
  pos: number,
  word: string,
  forms: readonly string[],
  singulars: (w: string) => string[],
): number | undefined {
  const lower = text.toLowerCase();
  const zh = COUNT_ZH.exec(lower.slice(Math.max(0, pos - 8), pos));
  if (zh) return zh[1] ? 2 : 3;
  const en = COUNT_EN.exec(lower.slice(Math.max(0, pos - 40), pos));
  if (en) return en[1] ? 2 : 3;
  const parts = word.toLowerCase().split(" ");
  const last = parts.pop() ?? "";
  // a pair is one thing ("leather boots", "gloves", "scissors"), and so is a set named "X and
  // Ys" ("bow and arrows": eval-f drew three bows)
  if (PAIRS.test(last) || parts.includes("and")) return undefined;
  const plural = singulars(last).some((s) => s !== last && forms.includes([...parts, s].join(" ")));
  return plural ? 3 : undefined;
}

/**
 * "cute" on a rig that knows its head (a character): chibi proportions, the head and face drawn
 * a third larger about the neck, eyes included. Sinks into the shoulders rather than leaving
 * the frame. (The animal rig draws its own: a bigger head on short legs.)
 */
export function chibiHead(c: SpriteCanvas, headParts: readonly number[]): void {
  const heads = new Set(headParts);
  const box = boxWhere(c.w, c.mat.length, (i) => c.mat[i]! >= 0 && heads.has(c.part[i]!));
  if (!box) return;
  const { x0, x1, y0, y1 } = box;
  const f = 1.35;
  const bh = y1 - y0 + 1;
  const cx = (x0 + x1 + 1) / 2;
  const bottom = Math.max(y1, Math.ceil(bh * f) - 1);
  const src = { mat: c.mat.slice(), part: c.part.slice(), tone: c.tone.slice() };
  for (let y = Math.floor(bottom + 1 - bh * f); y <= bottom; y++) {
    if (y < 0 || y >= c.h) continue;
    const sy = Math.floor(y1 + 1 - (bottom + 1 - (y + 0.5)) / f);
    if (sy < y0 || sy > y1) continue;
    for (
      let x = Math.floor(cx - ((x1 - x0 + 1) * f) / 2);
      x <= Math.ceil(cx + ((x1 - x0 + 1) * f) / 2);
      x++
    ) {
      if (x < 0 || x >= c.w) continue;
      const sx = Math.floor(cx + (x + 0.5 - cx) / f);
      if (sx < x0 || sx > x1) continue;
      const from = sy * c.w + sx;
      if (src.mat[from]! < 0 || !heads.has(src.part[from]!)) continue;
      const to = y * c.w + x;
      c.mat[to] = src.mat[from]!;
      c.part[to] = src.part[from]!;
      c.tone[to] = src.tone[from]!;
    }
  }
}
