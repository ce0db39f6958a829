// A magic book ("a spell book", "a grimoire", "a tome", "魔法书", "a necronomicon") is a book
// whose cover says so: a glowing sigil in the middle, rune marks along the top and bottom and a
// metal clasp on the fore-edge, and a cover colour of its own when none is named (issue #20: "a
// spell book" was a plain red book). An ordinary book stays plain. Drawn on top of whatever
// drew the book (the emoji icon or any other), placed by its bounding box.
import { hexToRgb } from "../color";
import type { SpriteCanvas } from "./canvas";
import type { Pose } from "./design";
import { thingBox } from "./object-features";
import type { PromptInfo } from "./prompt";

export type BookMeaning = "magic" | "dark";

const MAGIC =
  /\b(spell ?books?|spells?|magic(al)?|grimoires?|tomes?|arcane|enchanted|wizard'?s?|mage'?s?|witch'?s?|sorcer\w*)\b|魔法|魔导|法术|咒语|魔典|秘典/;
const DARK =
  /\b(necronomicon|cursed|evil|forbidden|dark|demonic|unholy|book of the dead)\b|死灵|禁书|诅咒|黑魔法/;
/** CC-CEDICT glosses of the Chinese magic words ("咒语" → "spell"), left among the unknown words. */
const MAGIC_ZH = (u: string) => /^(spell|incantation|magic|curse)s?$/.test(u);
/** Names that are a magic book on their own, though the vocabulary lacks them. */
const STANDALONE = /\b(necronomicon|grimoire|spellbook)\b/;

const COVER: Record<BookMeaning, string> = { magic: "#5a2ca8", dark: "#4a2420" };
const GLOW: Record<BookMeaning, [string, string]> = {
  magic: ["#7ee8ff", "#ffffff"],
  dark: ["#e83838", "#ffb060"],
};

/** Reads a magic book's meaning; a bare "necronomicon" becomes the book, said as a guess. */
export function readBookMeaning(info: PromptInfo, book: PromptInfo): PromptInfo {
  const text = info.text.toLowerCase();
  const dark = DARK.test(text);
  const magic = MAGIC.test(text);
  if (!dark && !magic) return info;
  const standalone = info.nothingMatched && info.unknown.length <= 1 && STANDALONE.test(text);
  if (info.subject !== "book" && !standalone) return info;
  const meaning: BookMeaning = dark ? "dark" : "magic";
  const out: PromptInfo = standalone
    ? {
        ...book,
        text: info.text,
        colors: info.colors,
        materials: info.materials,
        guesses: [...info.guesses, `drew "${info.unknown[0]}" as a magic book`],
        guessesZh: [...info.guessesZh, `把“${info.unknown[0]}”画成魔法书`],
      }
    : { ...info };
  out.bookMeaning = meaning;
  // the words that made it magic are drawn, and it is no longer "a plain book"
  if (!standalone) {
    out.unknown = info.unknown.filter((u) => !MAGIC.test(u) && !DARK.test(u) && !MAGIC_ZH(u));
    const kept = info.guesses.map((g, i) => [g, info.guessesZh[i]] as const);
    const honest = kept.filter(
      ([g]) => !/drew a plain/.test(g) || out.unknown.some((u) => g.includes(`"${u}"`)),
    );
    out.guesses = honest.map(([g]) => g);
    out.guessesZh = honest.map(([, z]) => z ?? "");
  }
  if (!out.colors.length) out.colors = [hexToRgb(COVER[meaning])];
  return out;
}

export interface BookMats {
  glow: number;
  core: number;
  clasp: number;
}

export function bookMats(
  m: { add: (b: string, opts?: { flat?: boolean; noOutline?: boolean }) => number },
  meaning: BookMeaning,
): BookMats {
  return {
    glow: m.add(GLOW[meaning][0], { flat: true }),
    core: m.add(GLOW[meaning][1], { flat: true, noOutline: true }),
    clasp: m.add("#e8c040"),
  };
}

export function drawBookMarks(c: SpriteCanvas, bm: BookMats, pose: Pose): void {
  const box = thingBox(c);
  if (!box) return;
  const { x0, x1, y0, y1 } = box;
  const k = Math.max(1, Math.round(c.w / 32));
  const bw = x1 - x0 + 1;
  const bh = y1 - y0 + 1;
  // the cover's middle, a little toward the fore-edge (the spine is on the left)
  const cx = Math.round(x0 + bw * 0.55);
  const cy = Math.round(y0 + bh * 0.48);
  const r = Math.max(3 * k, Math.round(Math.min(bw, bh) * 0.22));
  const phase = Math.round(pose.t * 4) % 4;
  // the sigil: a ring with a four-pointed star inside; its core pulses with the cycle
  for (let a = 0; a < 64; a++) {
    const t = (a / 64) * Math.PI * 2;
    c.plot(Math.round(cx + Math.cos(t) * r), Math.round(cy + Math.sin(t) * r), bm.glow, 40);
  }
  const s = r - k;
  c.line(cx, cy - s, cx, cy + s, bm.glow, 40, 1);
  c.line(cx - s, cy, cx + s, cy, bm.glow, 40, 1);
  const core = phase % 2 === 0 ? bm.core : bm.glow;
  c.rect(
    cx - Math.floor(k / 2),
    cy - Math.floor(k / 2),
    cx + Math.ceil(k / 2) - 1 + (k > 1 ? 0 : 0),
    cy + Math.ceil(k / 2) - 1,
    core,
    41,
  );
  // rune marks along the top and bottom of the cover
  for (let x = x0 + Math.round(bw * 0.3); x < x1 - 2 * k; x += 3 * k) {
    c.rect(x, y0 + 2 * k, x + k - 1, y0 + 2 * k + (x % 2 ? k : 0), bm.glow, 40);
    c.rect(x, y1 - 3 * k - (x % 2 ? k : 0), x + k - 1, y1 - 3 * k, bm.glow, 40);
  }
  // the clasp on the fore-edge
  c.rect(x1 - k, cy - k, x1 + k - 1, cy + k, bm.clasp, 42, 3);
}
