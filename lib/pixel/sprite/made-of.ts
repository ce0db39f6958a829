// "X made of Y", "用Y做的X": the head is X; Y is its material, colours or surface. Read as one
// noun phrase, the last noun won and Y became the subject (issue #20, eval-d: "a house made of
// candy" drew a wrapped sweet, the house only "colours from house", unsaid). Here the phrase is
// found and blanked, and the span holding Y is kept, so the head phase can leave Y out of the
// head and let it qualify X (prompt.ts chooseHead).

import type { MaterialId } from "./vocabulary";

/** Subjects that, as what a thing is made of, are one of our materials. */
export const MADE_MATERIAL: Record<string, MaterialId> = {
  rock: "stone",
  "stone-tile": "stone",
  "golem-rock": "stone",
  gem: "crystal",
  "ice-tile": "ice",
  "lava-tile": "fire",
  fire: "fire",
  "gold-bar": "gold",
  coin: "gold",
};

/** Where the material is written in the prompt's text: [from, to). */
export interface MadeOf {
  from: number;
  to: number;
}

const MADE_EN =
  /\b(?:made|built|carved|crafted|formed|forged|sculpted|woven|shaped|fashioned)\s+(?:entirely\s+|only\s+|wholly\s+)?(?:out\s+of|of|from)\b/;
/** 用冰做的, 糖果做成的, 由石头制成的: the verb and 的 after the material */
const MADE_ZH = /(?:做成|制成|制作|打造|雕刻|雕成|编成|堆成|做|制|造|雕|编|堆)成?的/;
const USE_ZH = /[用由拿]/;

/** Replaces the "made of" words (same length, so positions hold) and returns the material span. */
export function readMadeOf(text: string): { text: string; madeOf?: MadeOf } {
  const en = MADE_EN.exec(text);
  if (en) {
    const from = en.index + en[0].length;
    // the material runs to the next phrase: "and", "with", "holding", a comma
    const next = /\b(?:and|with|holding|wielding|riding|wearing|on|in)\b|[,;]/g;
    next.lastIndex = from;
    const stop = next.exec(text);
    return {
      // "and" keeps X and Y apart for the word phases (WordNet reads "a husky" alone, not
      // "husky snow"); the head phase then takes Y as X's material, not a second subject
      text: `${text.slice(0, en.index)}${" ".repeat(en[0].length - 3)}and${text.slice(from)}`,
      madeOf: { from, to: stop ? stop.index : text.length },
    };
  }
  const zh = MADE_ZH.exec(text);
  if (zh && zh.index > 0) {
    // the material is the few characters before the verb, back to 用/由 when it is written
    let from = Math.max(0, zh.index - 6);
    const use = text.slice(from, zh.index).search(USE_ZH);
    let out = text;
    if (use >= 0) {
      out = `${out.slice(0, from + use)} ${out.slice(from + use + 1)}`;
      from += use + 1;
    }
    out = out.slice(0, zh.index) + " ".repeat(zh[0].length) + out.slice(zh.index + zh[0].length);
    return { text: out, madeOf: { from, to: zh.index } };
  }
  return { text };
}

/** The line's words for a material that can only lend its colours, or is not drawn at all. */
export function madeOfNote(
  x: string,
  y: string,
  xz: string,
  yz: string,
  coloured: boolean,
): [string, string] {
  return coloured
    ? [
        `"${x} made of ${y}": drew the ${x} in the colours of ${y}; no ${y} drawn`,
        `${yz}做的${xz}:画了${xz},只用了${yz}的颜色`,
      ]
    : [
        `"${x} made of ${y}": drew the ${x}; the ${y} is not drawn`,
        `${yz}做的${xz}:画了${xz},没有画${yz}`,
      ];
}
