// A potion-like container with a game meaning ("a bottle of poison", "a vial of acid", "holy
// water", "an antidote", "an elixir") is a flask whose liquid and label say that meaning, not a
// champagne bottle or an amphora tinted by the element (issue #20: the bottle of poison was a
// green champagne bottle). The meaning is read from the prompt's words; the item rig draws the
// liquid colour and the mark (skull label, cross, heart, star, sparkle, bubbles).
import type { PromptInfo } from "./prompt";

export type PotionMark = "skull" | "cross" | "heart" | "star" | "sparkle";

export interface PotionMeaning {
  id: string;
  en: readonly string[];
  zh: readonly string[];
  /** the liquid's colour */
  liquid: string;
  /** the label or sign on the glass */
  mark: PotionMark;
  /** rising bubbles above the neck (a brew that fumes) */
  bubbles: boolean;
}

// order matters: the first meaning named wins ("holy water" before "water"-less readings)
export const POTION_MEANINGS: readonly PotionMeaning[] = [
  {
    id: "poison",
    en: ["poison", "poisonous", "toxic", "venom", "venomous", "toxin"],
    zh: ["毒药", "毒液", "毒"],
    liquid: "#58d23c",
    mark: "skull",
    bubbles: true,
  },
  {
    id: "acid",
    en: ["acid", "acidic", "corrosive"],
    zh: ["酸液", "强酸", "酸"],
    liquid: "#c8e832",
    mark: "skull",
    bubbles: true,
  },
  {
    id: "holy",
    en: ["holy water", "blessed water"],
    zh: ["圣水"],
    liquid: "#bfe6ff",
    mark: "cross",
    bubbles: false,
  },
  {
    id: "antidote",
    en: ["antidote", "cure", "remedy"],
    zh: ["解药", "解毒剂"],
    liquid: "#3cd8b4",
    mark: "cross",
    bubbles: false,
  },
  {
    id: "healing",
    en: ["healing", "health", "heal", "life"],
    zh: ["治疗", "生命", "回血"],
    liquid: "#e8303c",
    mark: "heart",
    bubbles: false,
  },
  {
    id: "mana",
    en: ["mana"],
    zh: ["魔力", "法力", "蓝药"],
    liquid: "#3c6ee6",
    mark: "star",
    bubbles: false,
  },
  {
    id: "elixir",
    en: ["elixir", "philter", "philtre", "ambrosia", "nectar"],
    zh: ["灵药", "仙丹", "万能药"],
    liquid: "#f2c232",
    mark: "sparkle",
    bubbles: false,
  },
];

const BY_ID = new Map(POTION_MEANINGS.map((m) => [m.id, m]));

/** Subjects that are a liquid's container, so a potion meaning on them draws a flask. */
const VESSELS = new Set(["potion", "bottle", "vase", "jar", "flask", "vial"]);

/** Words that stand for a potion on their own ("an antidote", "圣水"). */
const STANDALONE = new Set(["antidote", "elixir", "holy water", "blessed water", "philter"]);
const STANDALONE_ZH = new Set(["解药", "解毒剂", "圣水", "灵药", "仙丹"]);

function wordIn(text: string, w: string): boolean {
  return new RegExp(`(^|[^a-z])${w.replace(/ /g, "\\s+")}s?([^a-z]|$)`).test(text);
}

/** The first meaning the prompt names, in English or Chinese, and the word that named it. */
export function potionMeaningOf(
  prompt: string,
): { meaning: PotionMeaning; word: string } | undefined {
  const text = prompt.toLowerCase();
  let best: { meaning: PotionMeaning; word: string; at: number } | undefined;
  for (const meaning of POTION_MEANINGS) {
    for (const w of meaning.en)
      if (wordIn(text, w)) {
        const at = text.search(new RegExp(`(^|[^a-z])${w.replace(/ /g, "\\s+")}`));
        if (!best || at < best.at) best = { meaning, word: w, at };
      }
    for (const w of meaning.zh) {
      const at = text.indexOf(w);
      if (at >= 0 && (!best || at < best.at)) best = { meaning, word: w, at };
    }
  }
  return best && { meaning: best.meaning, word: best.word };
}

export function potionMeaningById(id: string | undefined): PotionMeaning | undefined {
  return id ? BY_ID.get(id) : undefined;
}

/**
 * A vessel named with a potion meaning becomes the potion item carrying that meaning; a bare
 * meaning word the vocabulary lacks ("an antidote") is read as a potion, said as a guess.
 * `potion` is the parse of "a potion" (kind, variant, builder of the item rig).
 */
export function readPotionMeaning(info: PromptInfo, potion: PromptInfo): PromptInfo {
  const found = potionMeaningOf(info.text);
  if (!found) return info;
  const { meaning, word } = found;
  const vessel = VESSELS.has(info.subject) && !info.held && !info.contents;
  const standalone =
    info.nothingMatched &&
    (STANDALONE.has(word) || STANDALONE_ZH.has(word)) &&
    // the meaning word is the only word not understood (解药 reads through CC-CEDICT as "antidote")
    info.unknown.length <= 1;
  // "一瓶圣水", "a holy water": the water is read as a water tile; the phrase means the potion
  const holyWater =
    meaning.id === "holy" && info.subject === "water-tile" && !/tile|砖|地面/.test(info.text);
  if (!vessel && !standalone && !holyWater) return info;
  const out: PromptInfo = {
    ...info,
    kind: potion.kind,
    variant: potion.variant,
    builder: potion.builder,
    subject: potion.subject,
    icon: undefined,
    tile: undefined,
    potionMeaning: meaning.id,
    // "holy water": the water is the potion's liquid, drawn
    ignored: info.ignored.filter((w) => !/^water|水$/.test(w)),
  };
  if (standalone) {
    out.nothingMatched = false;
    out.unknown = [];
    out.guesses = [...info.guesses, `drew "${word}" as a potion`];
    out.guessesZh = [...info.guessesZh, `把“${word}”画成药水`];
  }
  return out;
}
