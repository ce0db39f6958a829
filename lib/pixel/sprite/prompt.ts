// Prompt → what to draw. The prompt is read as noun phrases over one vocabulary
// (vocabulary.ts): a head subject ("archer"), the nouns before it that qualify it ("goblin"), a
// held item after "with/holding/拿着" ("a torch"), and modifiers anywhere (colours, materials,
// sizes). Every word is accounted for: understood, filler, or reported as not understood.
// English is matched by whole words (plurals folded); Chinese by longest substring, since it has
// no word boundaries.

import { hexToRgb } from "../color";
import type { Rgb } from "../types";
import { readBreed } from "./animal-breeds";
import { BEAST_HEADS, beastRaceId } from "./beast-heads";
import { beingDescription } from "./being-descriptions";
import { readBird } from "./bird";
import { BUILDERS, type SubjectKind } from "./builders";
import {
  cedictEntries,
  crossReferences,
  type GlossCandidate,
  glossCandidates,
  segmentByDictionary,
} from "./chinese-dictionary";
import { expandComposite } from "./composites";
import { RIG_HEAD_WEAR } from "./costumes";
import { understoodByDrawing } from "./drawn-words";
import { emojiLabel, findIconConcept } from "./emoji-index";
import { DRAWN_WEAR_PREFIX, readDrawnWear } from "./face-wear";
import { isFolkPart, readFolkParts } from "./folk-parts";
import { GAME_ICON_NAMES } from "./game-icon-names";
import {
  findGameIcon,
  GAME_ICON_PREFIX,
  GAME_MATERIALS,
  isGameIconRef,
  parseGameRef,
} from "./game-icons";
import { heldBase, heldKind } from "./held-kinds";
import type { HeldWeapon, RoleSpec } from "./humanoid";
import { singulars } from "./inflection";
import { itemShape } from "./item";
import { type LexiconEntry, lookupNoun } from "./lexicon";
import { glossColors, glossPattern } from "./lexicon-traits";
import { MADE_MATERIAL, type MadeOf, madeOfNote, readMadeOf } from "./made-of";
import { readBookMeaning } from "./magic-books";
import { containerTyped, rewriteMeasureWords } from "./measure-words";
import { type Contents, contentsOverlay, objectFeatures } from "./object-features";
import { OWNER_HEADWEAR, OWNER_MATERIAL, PICTURE_WORDS, PLAIN_HEADWEAR } from "./owned-things";
import { PEOPLE_ZH, type PersonLook, personLook } from "./person-roles";
import {
  MARKED_MOODS,
  type Mood,
  type PersonWords,
  readMood,
  readPersonWords,
} from "./person-words";
import { readPotionMeaning } from "./potion-meanings";
import { rideStyle } from "./ridden-things";
import { countOf, groupable, isCountWord, type SizeWord, sizeWordOf } from "./scale-words";
import { readSea } from "./sea-life";
import { shipTheme } from "./vehicle-themes";
import {
  BUILD_WORDS,
  type Builder,
  COAT_COLORS,
  COLORS,
  FILLERS,
  HOLD_WORDS,
  MATERIALS,
  type MaterialId,
  ROLE_ITEMS,
  SHAPE_WORDS,
  SIZE_WORDS,
  STATE_WORDS,
  STYLE_WORDS,
  SUBJECT_BY_ID,
  SUBJECT_DEFAULTS,
  SUBJECTS,
  type Subject,
  YOUNG_NAMES,
  YOUNG_WORDS,
} from "./vocabulary";
import { ARMOUR_STEEL, BODY_ARMOUR } from "./wearables";

export type { SubjectKind } from "./builders";

/** A held item: a rig weapon the humanoid draws itself, or a borrowed icon at hand scale. */
export interface HeldItem {
  id: string;
  weapon?: HeldWeapon;
  icon?: string;
  /** 2: one in each hand ("two swords", "dual daggers", 双刀) */
  count?: number;
}

export interface PromptInfo {
  kind: SubjectKind;
  variant: string;
  /** vocabulary id of the drawn subject */
  subject: string;
  builder: Builder;
  /** humanoid class (knight, archer …) and race (goblin, elf …) */
  role?: string;
  race?: string;
  /** a person's look read from what a word means (person-roles.ts): outfit, headgear, build */
  look?: RoleSpec;
  /** "old"/"elderly" on a person: grey hair (and a beard), not rust (eval-c: rusty fisherman) */
  aged?: "beard" | "grey";
  /** sex, age and mood words on a person ("a female knight", "an angry dwarf"; person-words.ts) */
  person?: PersonWords;
  /** creature "form" borrowed from a qualifying noun: a robot cat, a skeleton dragon */
  form?: string;
  held?: HeldItem;
  /** icon name when the builder is `icon` */
  icon?: string;
  /** tile kind when the builder is `tile`; `theme` colours a platform ("mushroom tile") */
  tile?: string;
  /** colours named in the prompt, in prompt order (plus colours lent by qualifying nouns) */
  colors: Rgb[];
  materials: MaterialId[];
  metal: boolean;
  size: number;
  /** true when the size came from a word in the prompt */
  sizeNamed: boolean;
  /** a size word ("giant", "tiny", 巨大): drawn in the frame too (scale-words.ts) */
  sizeWord?: SizeWord;
  /** how many of the subject ("three apples", "a pile of coins", 三个苹果): a small group */
  count?: number;
  /** words read but not drawn, said in the line ("cute" on a rig that has no chibi build) */
  notDrawn?: string[];
  /** "a snowy mountain": snow lies on its top (modifiers.ts drawSnowCap), not an ice recolour */
  snowCap?: boolean;
  cute: boolean;
  /** a shape word the rig draws ("a round shield": item.ts itemShape); one it cannot is notDrawn */
  shape?: string;
  /** a young animal ("a puppy", "a bear cub", 小狗): the animal rig's young build */
  young?: boolean;
  /** "sleepy", "asleep", 睡着的: lying down with closed eyes (animal rig) and a "z" over the head */
  asleep?: boolean;
  /** "headless", 无头: a person drawn without its head (engine.ts behead) */
  headless?: boolean;
  /** a mood on a being that is not a person ("an angry wolf"; a person's is `person.mood`) */
  mood?: Mood;
  /** "fat", "chubby", "with a big belly", 胖: a wider, deeper body (animal and person rigs) */
  fat?: boolean;
  element?: "fire" | "ice";
  text: string;
  /** words the engine did not understand, in prompt order */
  unknown: string[];
  /** nouns that were named but not drawn (a second subject after "and") */
  ignored: string[];
  /** what the engine had to guess, in plain words (and the same in Chinese) */
  guesses: string[];
  guessesZh: string[];
  /** qualifying nouns that only lent their colours */
  lent: string[];
  nothingMatched: boolean;
  /** a magic book ("a spell book", "a necronomicon"; magic-books.ts) */
  bookMeaning?: "magic" | "dark";
  /** a potion's game meaning ("a bottle of poison": poison; potion-meanings.ts) */
  potionMeaning?: string;
  /** what a container is full of ("a chest full of gold") */
  contents?: Contents;
  /** body features named after "with" ("with teeth", "with wings") */
  features: string[];
  /** headwear put on any subject ("a cat wearing a wizard hat") */
  /**
   * `tint`: a colour or surface word said of the worn thing ("wearing a red hat"), not the wearer;
   * `size`: its size word ("a tiny backpack"), drawn at the wearer's scale and said with it
   */
  worn?: { id: string; icon: string; tint?: { hex: string; word: string }; size?: SizeWord };
  /** "two-headed", "with three heads", 三头: how many heads a creature has (1 when absent) */
  heads?: number;
  /** a body pattern named by a WordNet gloss ("striped", "spotted"), for rigs that draw one */
  pattern?: "stripes" | "spots";
  /**
   * English the parse read for a word typed in Chinese (a dictionary reading's English and WordNet
   * name, a measure word's container) → the Chinese as typed, which the Chinese line shows
   */
  typedAs?: Record<string, string>;
  /** the breed or near kind the animal was named by ("corgi", "hamster"): its build (animal-breeds.ts) */
  breed?: string;
  /** a colour named right before an animal-folk race word: the fur, not the clothes */
  fur?: Rgb;
  /** who rides it ("a knight riding a horse", "a goblin on a wolf", 骑马的骑士): the mount is the subject */
  rider?: PromptInfo;
}

type Lex =
  | { t: "subject"; s: Subject; weak: boolean }
  | { t: "material"; id: MaterialId }
  | { t: "color"; id: string; hex: string }
  | { t: "size"; size: number }
  | { t: "cute" }
  | { t: "shape"; id: string }
  | { t: "young" }
  | { t: "asleep" }
  | { t: "fat" }
  | { t: "headless" }
  | { t: "hold" }
  | { t: "and" }
  | { t: "filler" };

interface Lexicon {
  en: Map<string, Lex[]>;
  zh: Map<string, Lex[]>;
  zhMax: number;
}

let lexicon: Lexicon | undefined;

function buildLexicon(): Lexicon {
  const en = new Map<string, Lex[]>();
  const zh = new Map<string, Lex[]>();
  const add = (m: Map<string, Lex[]>, k: string, l: Lex) => {
    const key = k.toLowerCase().trim();
    if (!key) return;
    const list = m.get(key);
    if (list) list.push(l);
    else m.set(key, [l]);
  };
  for (const s of SUBJECTS) {
    for (const w of s.en) add(en, w, { t: "subject", s, weak: false });
    for (const w of s.weak) add(en, w, { t: "subject", s, weak: true });
    for (const w of s.zh) add(zh, w, { t: "subject", s, weak: false });
  }
  for (const m of MATERIALS) {
    for (const w of m.en) add(en, w, { t: "material", id: m.id });
    for (const w of m.zh) add(zh, w, { t: "material", id: m.id });
  }
  for (const c of COLORS) {
    for (const w of c.en) add(en, w, { t: "color", id: c.id, hex: c.hex });
    for (const w of c.zh) add(zh, w, { t: "color", id: c.id, hex: c.hex });
  }
  for (const sz of SIZE_WORDS) {
    for (const w of sz.en) add(en, w, { t: "size", size: sz.size });
    for (const w of sz.zh) add(zh, w, { t: "size", size: sz.size });
  }
  for (const w of STYLE_WORDS.cute.en) add(en, w, { t: "cute" });
  for (const w of STYLE_WORDS.cute.zh) add(zh, w, { t: "cute" });
  for (const sh of SHAPE_WORDS) {
    for (const w of sh.en) add(en, w, { t: "shape", id: sh.id });
    for (const w of sh.zh) add(zh, w, { t: "shape", id: sh.id });
  }
  for (const w of YOUNG_WORDS.en) add(en, w, { t: "young" });
  for (const w of YOUNG_WORDS.zh) add(zh, w, { t: "young" });
  for (const w of STATE_WORDS.asleep.en) add(en, w, { t: "asleep" });
  for (const w of STATE_WORDS.asleep.zh) add(zh, w, { t: "asleep" });
  for (const w of BUILD_WORDS.fat.en) add(en, w, { t: "fat" });
  for (const w of BUILD_WORDS.fat.zh) add(zh, w, { t: "fat" });
  for (const w of STATE_WORDS.headless.en) add(en, w, { t: "headless" });
  for (const w of STATE_WORDS.headless.zh) add(zh, w, { t: "headless" });
  for (const w of HOLD_WORDS.en) add(en, w, { t: "hold" });
  for (const w of HOLD_WORDS.zh) add(zh, w, { t: "hold" });
  add(en, "and", { t: "and" });
  add(en, "&", { t: "and" });
  for (const w of FILLERS.en) if (!en.has(w)) add(en, w, { t: "filler" });
  for (const w of FILLERS.zh) if (!zh.has(w)) add(zh, w, { t: "filler" });
  let zhMax = 1;
  for (const k of zh.keys()) zhMax = Math.max(zhMax, k.length);
  return { en, zh, zhMax };
}

function lex(): Lexicon {
  lexicon ??= buildLexicon();
  return lexicon;
}

interface Mention {
  lex: Lex[];
  word: string;
  pos: number;
  /** a person the lexicon knows, with the look read from what they are (person-roles.ts) */
  look?: PersonLook;
  /** what the lexicon read the word as (English, Chinese), said when it heads the prompt */
  note?: [string, string];
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
const SIZE_RE = /(\d{2})\s*(?:px|像素|x\s*\d{2}|×\s*\d{2})/;

let zhSegmenter: Intl.Segmenter | undefined;

/** A Chinese word the vocabulary lacks, read through the dictionary (chinese-dictionary.ts). */
export interface ChineseReading {
  /** the Chinese word as typed */
  word: string;
  /** the English read in its place ("dog", "golden dog") */
  english: string;
  /** the dictionary sense it came from ("husky (sled dog)") */
  gloss: string;
  /** how it is drawn, best first (READING_RANK) */
  rank: number;
  /** what the English alone draws (a vocabulary id or an icon name) */
  subject: string;
  /** the WordNet lemma whose chain led to the drawing ("husky" → dog), when it did */
  lexicon?: string;
  /** where the Chinese word is in the prompt's text (set per prompt, not cached) */
  pos?: number;
}

/**
 * How a reading is drawn, best first: the vocabulary; a borrowed icon named by the word itself
 * (an ostrich icon reads as an ostrich where WordNet's class draws a generic bird — the same
 * order the English long tail follows); the noun lexicon's chain, a being's (a husky is a dog
 * that walks) before a thing's; any other flagged guess (only for a gloss's own words).
 */
const READING_RANK = { vocabulary: 0, namedIcon: 1, lexiconBeing: 2, lexiconThing: 3, loose: 4 };
const LIVING = new Set(["animal", "person", "imaginary being", "plant"]);

/**
 * How the engine draws an English phrase on its own; undefined when it draws nothing (or only by
 * reading the phrase as a misspelling, a guess on top of a translation).
 */
function drawRank(english: string): { rank: number; info: PromptInfo } | undefined {
  const info = parsePrompt(english);
  if (info.nothingMatched || info.guesses.some((g) => g.startsWith('read "'))) return undefined;
  // a phrase half read ("steamed stuffed bun": "steamed" unknown) is not what the word means
  if (info.unknown.length) return undefined;
  // a noun that only lends its colours ("sled dog") reads less well than the head noun alone;
  // a kind's own look (animal-breeds.ts: "drew the otter's look") says what is drawn, no guess
  const guessed = info.guesses.filter((g) => !/^drew the [^:]+'s look/.test(g));
  if (!guessed.length && !info.ignored.length && !info.lent.length)
    return { rank: READING_RANK.vocabulary, info };
  // an icon named by the phrase itself ("seahorse"), not a loose concept (buddhism → lotus)
  const named = info.subject.replace(/-/g, " ").includes(english.replace(/-/g, " "));
  if (info.builder === "icon" && named && !info.ignored.length)
    return { rank: READING_RANK.namedIcon, info };
  return { rank: READING_RANK.loose, info };
}

// a gloss's colours (and the metals that are colours: "golden") describe the animal; its other
// material words do not (a woodpecker bores wood, it is not made of it)
const GLOSS_COLOURS = new Set([
  ...COLORS.flatMap((c) => c.en),
  ...MATERIALS.filter((m) => m.id === "gold" || m.id === "silver").flatMap((m) => m.en),
]);

/**
 * A noun the vocabulary lacks, through the WordNet lexicon: the vocabulary subject its chain
 * ends at, with the colours its gloss names ("goldfish": golden → "golden fish").
 */
function lexiconRank(
  english: string,
): { english: string; rank: number; lemma: string } | undefined {
  const entry = lookupNoun(english);
  const base = entry?.base ? SUBJECT_BY_ID.get(entry.base) : undefined;
  if (!entry || !base?.en[0]) return undefined;
  const colours = entry.gloss.split(/\s+/).filter((w) => GLOSS_COLOURS.has(w));
  // the subject's own name when it is a word ("person", not its first synonym "man")
  const name = lex().en.has(base.id) ? base.id : base.en[0];
  const drawn = [...new Set(colours)].slice(0, 2).concat(name).join(" ");
  if (drawRank(drawn)?.rank !== READING_RANK.vocabulary) return undefined;
  const rank = LIVING.has(entry.category) ? READING_RANK.lexiconBeing : READING_RANK.lexiconThing;
  return { english: drawn, rank, lemma: entry.lemma };
}

const zhReadings = new Map<string, ChineseReading | null>();

/**
 * The English a Chinese word is drawn as: of its dictionary senses' phrases (glossCandidates),
 * the best drawn (READING_RANK), then the gloss's own words over a parenthesis or a head noun
 * ("husky (sled dog)" → the lexicon's dog; without it "dog", the parenthesis's head noun).
 * Undefined when the dictionary lacks the word or nothing reads.
 */
export function readChineseWord(word: string, follow = true): ChineseReading | undefined {
  const hit = zhReadings.get(word);
  if (hit !== undefined) return hit ?? undefined;
  const entries = cedictEntries(word) ?? [];
  let best: (ChineseReading & { key: number }) | undefined;
  const consider = (
    key0: number,
    c: GlossCandidate,
    english: string,
    rank: number,
    lx?: string,
  ) => {
    // a looser guess only for the gloss's own words, not for a parenthesis or a head noun
    if (rank === READING_RANK.loose && c.tier > 0) return;
    // the dictionary's order of senses first (雪人 is a snowman before a yeti), how it is drawn
    // second; a looser guess only when nothing else reads
    const key = (rank === READING_RANK.loose ? 1000 : 0) + key0 * 10 + rank;
    if (best && key >= best.key) return;
    const subject = parsePrompt(english).subject;
    best = { word, english, gloss: c.gloss, rank, subject, lexicon: lx, key };
  };
  glossCandidates(entries)
    .slice(0, 14)
    .forEach((c, i) => {
      // a head noun stands for its phrase only when it draws the same ("sled dog" → dog; "ox
      // head" is no head)
      if (c.of) {
        const whole = drawRank(c.of);
        if (whole && whole.info.subject !== parsePrompt(c.english).subject) return;
        // a phrase WordNet knows names a kind of its head only if its chain says so ("sled dog"
        // → dog; a rolling pin is no pin, an egg roll no roll)
        const wn = lookupNoun(c.of);
        if (wn && !wn.chain.slice(1).some((n) => n.split(" ").at(-1) === c.english)) return;
      }
      const d = drawRank(c.english);
      if (d) consider(i, c, c.english, d.rank);
      if (d?.rank === READING_RANK.vocabulary) return;
      // the vocabulary subject the chain ends at (the English long tail's own WordNet readings
      // look for their words in the prompt's text, where a Chinese word's English is not)
      const lx = lexiconRank(c.english);
      if (lx) consider(i, c, lx.english, lx.rank, lx.lemma);
    });
  let reading: ChineseReading | null = null;
  if (best) {
    const { key: _key, ...r } = best;
    reading = r;
  } else if (follow) {
    // an entry that only points to another word ("see 黄鼬"): that word's reading
    for (const ref of crossReferences(entries).slice(0, 2)) {
      const r = readChineseWord(ref, false);
      if (r) {
        reading = { ...r, word };
        break;
      }
    }
  }
  if (zhReadings.size > 2000) zhReadings.clear();
  if (follow) zhReadings.set(word, reading);
  return reading ?? undefined;
}

// counts and classifiers (两把, 三只) are read by the held-item phase, not the dictionary
const ZH_COUNT =
  /^(?:[一二两三四五六七八九十百几双半多]+[个只条把头匹张块本座棵朵颗件位名支根艘套对群盏顶面]?|[个只条把头匹张块本座棵朵颗件位名支根艘套对群盏顶面])$/;
// a number before a measure word (头 left out: 三头 is three-headed)
const NUMBER_MEASURE =
  /[一二两三四五六七八九十百几双半]+[个只条把匹张块本座棵朵颗件位名支根艘套对群盏顶面片盘粒份台辆架间幅枝]/g;
// a prompt reads at most this many unknown Chinese words through the dictionary (a long
// nonsense prompt is not looked up word by word)
const ZH_LOOKUPS = 8;

/**
 * Chinese has no spaces. Vocabulary words are matched longest-first (domain words such as
 * 哥布林 or 火把 beat a general segmenter), and Intl.Segmenter's word boundaries decide the rest:
 * a one-character match inside a longer word the vocabulary does not know is a piece of that
 * word (火 in 喷火 is not "fire"), and what is not understood is reported as whole words.
 * Words the vocabulary lacks are read through the dictionary (`readChineseWord`): a run it does
 * not cover is cut into dictionary words (哈士奇 is one), and a word the segmenter knows whose
 * pieces the vocabulary reads as something else (龙虾, a lobster, is no dragon) is read whole.
 */
function tokenizeChinese(
  s: string,
  pos: number,
  L: Lexicon,
  mentions: Mention[],
  unknown: string[],
  readings: ChineseReading[],
  budget: { left: number },
  pieced: { word: string; parts: string }[],
  typedAs: Map<string, string>,
): void {
  const found: { at: number; n: number; lex: Lex[] }[] = [];
  for (let j = 0; j < s.length; ) {
    let hit = 0;
    for (let n = Math.min(L.zhMax, s.length - j); n >= 1; n--) {
      const l = L.zh.get(s.slice(j, j + n));
      if (l) {
        found.push({ at: j, n, lex: l });
        hit = n;
        break;
      }
    }
    j += hit || 1;
  }
  zhSegmenter ??= new Intl.Segmenter("zh", { granularity: "word" });
  const covered = new Uint8Array(s.length);
  for (const f of found) covered.fill(1, f.at, f.at + f.n);
  const words = [...zhSegmenter.segment(s)].map((w) => ({ at: w.index, n: w.segment.length }));
  const wordAt = (i: number) => words.find((w) => i >= w.at && i < w.at + w.n)!;
  let kept = found.filter((f) => {
    if (f.n > 1) return true;
    const w = wordAt(f.at);
    if (w.n === 1) return true;
    for (let i = w.at; i < w.at + w.n; i++) if (!covered[i]) return false;
    return true;
  });
  const read: { at: number; n: number; r: ChineseReading }[] = [];
  const readAt = new Uint8Array(s.length);
  // a number and its measure word (一盘, 一面, 一片) say how many, drawn or said by the count
  // phase: never a dictionary word (一面 is no "face") and never "not understood"
  const counted = new Uint8Array(s.length);
  for (const m of s.matchAll(NUMBER_MEASURE))
    if (!kept.some((f) => f.at < m.index + m[0].length && f.at + f.n > m.index))
      counted.fill(1, m.index, m.index + m[0].length);
  const readWord = (at: number, n: number) => {
    for (let i = at; i < at + n; i++) if (readAt[i] || counted[i]) return;
    const inside = kept.filter((f) => f.at >= at && f.at + f.n <= at + n);
    // a word that cuts a vocabulary word in two is no reading of the prompt
    if (kept.some((f) => f.at < at + n && f.at + f.n > at && !inside.includes(f))) return;
    const gap = inside.reduce((k, f) => k + f.n, 0) < n;
    const asMention = (f: (typeof inside)[number]) => ({ lex: f.lex, word: "", pos: 0 });
    const subjects = inside.filter((f) => subjectOf(asMention(f)) && !isModifierWord(asMention(f)));
    const pieces = subjects.length ? subjectOf(asMention(subjects.at(-1)!))?.s : undefined;
    // read whole: a word with characters the vocabulary lacks (狐狸精), or one whose pieces
    // the vocabulary reads as another subject (海马 is a seahorse, not a horse) or as one thing
    // coloured like another (蜂鸟, a hummingbird, is no bee-coloured bird)
    if (!gap && !pieces) return;
    const word = s.slice(at, at + n);
    // a word for a kind of person is the roles table's (readLexiconPeople): 医生 is a doctor's look,
    // not the dictionary's plain person
    if (PEOPLE_ZH[word] !== undefined) return;
    if (budget.left-- <= 0) return;
    const r = readChineseWord(word);
    if (dressedPersonReading(r)) {
      // its pieces are no reading of their own (理发师 is a barber, not a barber pole and 师):
      // readLexiconPeople joins them back into the word
      kept = kept.filter((f) => !inside.includes(f));
      if (dressedZh.size > 2000) dressedZh.clear();
      dressedZh.add(word);
      return;
    }
    // a modifier and one subject read together (火龙, a fire dragon; 木剑) stay as they are
    const modified = inside.some((f) => isModifierWord(asMention(f)));
    // a size or age word and a noun that the dictionary knows as one name (小熊猫 is the red
    // panda, not a cute panda): a kind of that noun, so its name wins over size + noun
    const name = r?.lexicon ?? r?.english ?? "";
    const named =
      !!pieces &&
      inside.some((f) => f.lex.some((l) => l.t === "size" || l.t === "cute")) &&
      name.includes(" ") &&
      lookupNoun(name)?.base === pieces.id;
    const better =
      r &&
      (gap ||
        named ||
        (r.rank <= READING_RANK.lexiconBeing &&
          (subjects.length > 1 || (r.subject !== pieces!.id && !modified))));
    if (!better) {
      // a word of two named things read piece by piece (水车: water + car), or a dictionary word
      // nothing draws whose known piece names a thing (锅铲, a spatula, is no cauldron), is a
      // guess too
      const guess = (!gap && subjects.length > 1) || (gap && !r && subjects.length > 0 && n > 1);
      if (guess && !pieced.some((p) => p.word === word)) {
        // the vocabulary's pieces and the characters between them
        const parts: string[] = [];
        for (let i = at; i < at + n; ) {
          const f = inside.find((x) => x.at === i);
          const len = f ? f.n : 1;
          if (f || !parts.length || inside.some((x) => x.at === i - 1 && x.n === 1))
            parts.push(s.slice(i, i + len));
          else parts[parts.length - 1] += s[i];
          i += len;
        }
        pieced.push({ word, parts: parts.join(" + ") });
      }
      return;
    }
    // one character is too ambiguous for anything but a word of the vocabulary (条 is no "strip")
    if (n === 1 && r.rank !== READING_RANK.vocabulary) return;
    kept = kept.filter((f) => !inside.includes(f));
    readAt.fill(1, at, at + n);
    read.push({ at, n, r });
  };
  // words of two or more characters, by the segmenter and by the dictionary's longest match
  const spans = words.filter((w) => w.n >= 2 && !L.zh.has(s.slice(w.at, w.at + w.n)));
  // one-character names side by side may be one word the dictionary knows (鱼叉, a harpoon)
  const oneCharName = (f: (typeof kept)[number]) =>
    f.n === 1 &&
    subjectOf({ lex: f.lex, word: "", pos: 0 }) !== undefined &&
    f.lex.every((l) => l.t === "subject");
  const adjacentNames = kept.some(
    (f, k) =>
      k + 1 < kept.length &&
      f.at + 1 === kept[k + 1]!.at &&
      oneCharName(f) &&
      oneCharName(kept[k + 1]!),
  );
  // a size or age character before a name may make one word with it (小熊猫, the red panda)
  const sizedName = kept.some(
    (f, k) =>
      f.lex.some((l) => l.t === "size" || l.t === "cute") &&
      kept[k + 1]?.at === f.at + f.n &&
      subjectOf({ lex: kept[k + 1]!.lex, word: "", pos: 0 }) !== undefined,
  );
  if (spans.length > 0 || adjacentNames || sizedName || [...covered].some((c) => !c)) {
    let at = 0;
    for (const d of segmentByDictionary(s)) {
      if (d.length >= 2 && !L.zh.has(d)) spans.push({ at, n: d.length });
      at += d.length;
    }
  }
  for (const w of spans.sort((x, y) => y.n - x.n)) readWord(w.at, w.n);
  // what is left uncovered: dictionary words, longest match first
  const used = new Uint8Array(s.length);
  for (const f of kept) used.fill(1, f.at, f.at + f.n);
  for (let i = 0; i < s.length; ) {
    if (used[i] || readAt[i]) {
      i++;
      continue;
    }
    let j = i;
    while (j < s.length && !used[j] && !readAt[j]) j++;
    let at = i;
    for (const d of segmentByDictionary(s.slice(i, j))) {
      if (!ZH_COUNT.test(d)) readWord(at, d.length);
      at += d.length;
    }
    i = j;
  }
  // two one-character names side by side that no dictionary joins (水车: water + car) are read
  // as one coloured like the other: a guess, said so
  for (let k = 0; k + 1 < kept.length; k++) {
    const [a, b] = [kept[k]!, kept[k + 1]!];
    if (a.at + 1 !== b.at || !oneCharName(a) || !oneCharName(b)) continue;
    const word = s.slice(a.at, b.at + 1);
    if (!pieced.some((p) => p.word === word))
      pieced.push({ word, parts: `${s[a.at]} + ${s[b.at]}` });
  }
  const out: Mention[] = kept.map((f) => ({
    lex: f.lex,
    word: s.slice(f.at, f.at + f.n),
    pos: pos + f.at,
  }));
  const englishAt = new Map<number, string[]>();
  for (const t of read.sort((a, b) => a.at - b.at)) {
    used.fill(1, t.at, t.at + t.n);
    readings.push({ ...t.r, pos: pos + t.at });
    // the English is read like English: vocabulary words become mentions, the rest goes to the
    // long tail (an icon named by the word) as English words
    const en = tokenize(t.r.english);
    for (const m of en.mentions) out.push({ ...m, pos: pos + t.at });
    if (en.unknown.length) englishAt.set(t.at, en.unknown);
    // the English the line would otherwise show for a word the user typed in Chinese
    for (const w of [t.r.english, t.r.lexicon ?? "", ...en.unknown])
      if (w) typedAs.set(w, t.r.word);
  }
  out.sort((a, b) => a.pos - b.pos);
  mentions.push(...out);
  // "one" is drawn by drawing it; a larger number the count phase cannot draw stays said
  for (const m of s.matchAll(NUMBER_MEASURE))
    if (m[0].startsWith("一") && counted[m.index]) used.fill(1, m.index, m.index + m[0].length);
  // not understood: the unmatched characters, grouped by the segmenter's words
  for (const w of words) {
    let run = "";
    for (let i = w.at; i < w.at + w.n; i++) {
      const english = englishAt.get(i);
      if (english) {
        if (run) unknown.push(run);
        run = "";
        unknown.push(...english);
      }
      if (!used[i]) run += s[i];
      else if (run) {
        unknown.push(run);
        run = "";
      }
    }
    if (run) unknown.push(run);
  }
}

function tokenize(text: string): {
  mentions: Mention[];
  unknown: string[];
  readings: ChineseReading[];
  /** Chinese words the vocabulary lacks read as their parts (水车 → 水 + 车) */
  pieced: { word: string; parts: string }[];
  /** an English word of a dictionary reading → the Chinese word the user typed */
  typedAs: Map<string, string>;
} {
  const L = lex();
  const mentions: Mention[] = [];
  const unknown: string[] = [];
  const readings: ChineseReading[] = [];
  const budget = { left: ZH_LOOKUPS };
  const pieced: { word: string; parts: string }[] = [];
  const typedAs = new Map<string, string>();
  // runs of latin words and runs of CJK characters, in order
  const re =
    /[a-z0-9]+(?:['-][a-z0-9]+)*|&|[\u3400-\u9fff\uf900-\ufaff]+|[^\s\p{P}\p{S}a-z0-9\u3400-\u9fff]+/gu;
  const words: { w: string; pos: number; cjk: boolean }[] = [];
  for (const m of text.matchAll(re)) {
    const w = m[0];
    const cjk = CJK.test(w);
    if (!cjk && w.includes("-") && !L.en.has(w)) {
      // "robot-cat", "8-bit" → parts
      let off = 0;
      for (const part of w.split("-")) {
        words.push({ w: part, pos: m.index + off, cjk: false });
        off += part.length + 1;
      }
    } else words.push({ w, pos: m.index, cjk });
  }
  for (let i = 0; i < words.length; i++) {
    const cur = words[i]!;
    if (cur.cjk) {
      tokenizeChinese(cur.w, cur.pos, L, mentions, unknown, readings, budget, pieced, typedAs);
      continue;
    }
    // latin: longest phrase of up to 4 words, the last word plural-folded
    let matched = 0;
    for (let n = Math.min(4, words.length - i); n >= 1; n--) {
      const span = words.slice(i, i + n);
      if (span.some((x) => x.cjk)) continue;
      const head = span.slice(0, -1).map((x) => x.w);
      const last = span[n - 1]!.w;
      for (const form of [last, ...singulars(last)]) {
        const key = [...head, form].join(" ");
        const l = L.en.get(key);
        if (l) {
          mentions.push({ lex: l, word: span.map((x) => x.w).join(" "), pos: cur.pos });
          matched = n;
          break;
        }
      }
      if (matched) break;
    }
    if (matched) {
      i += matched - 1;
      continue;
    }
    const w = cur.w;
    if (/^\d+$/.test(w) || /^\d+(px|x\d+)?$/.test(w) || w === "x" || w === "px") continue;
    unknown.push(w);
  }
  return { mentions, unknown, readings, pieced, typedAs };
}

function subjectOf(m: Mention): { s: Subject; weak: boolean } | undefined {
  for (const l of m.lex) if (l.t === "subject") return { s: l.s, weak: l.weak };
  return undefined;
}

/** Whether a mention is also a modifier word (colour/material): then it is a subject only alone. */
function isModifierWord(m: Mention): boolean {
  return m.lex.some((l) => l.t === "material" || l.t === "color" || l.t === "size");
}

const ITEM_CATEGORIES = new Set([
  "weapon",
  "armour",
  "food",
  "treasure",
  "tool",
  "prop",
  "ui",
  "plant",
]);

const RIG_WEAPONS: Record<string, HeldItem["weapon"]> = {
  sword: "sword",
  dagger: "dagger",
  axe: "axe",
  staff: "staff",
  wand: "staff",
  bow: "bow",
  torch: "torch",
  hammer: "hammer",
  pickaxe: "hammer",
  hoe: "hoe",
  spear: "spear",
  "bo-staff": "bo",
  "golden-cudgel": "cudgel",
};

/** Nouns that turn a creature into a variant of itself: a robot cat, a skeleton dragon. */
const FORMS: Record<string, { form: string; material?: MaterialId }> = {
  robot: { form: "robot", material: "iron" },
  skeleton: { form: "skeleton" },
  zombie: { form: "zombie" },
  ghost: { form: "ghost", material: "haunted" },
  demon: { form: "demon", material: "fire" },
  vampire: { form: "vampire", material: "haunted" },
  angel: { form: "angel", material: "holy" },
  golem: { form: "golem", material: "stone" },
  lich: { form: "skeleton", material: "magic" },
  mummy: { form: "mummy" },
  // "a bone dragon" (a creature only: a bone sword is a sword the colour of bone)
  bone: { form: "skeleton" },
};

/** Item rigs without a hand-scale drawing: the closest borrowed icon. */
const HELD_ICONS: Record<string, string> = {
  potion: "test-tube",
  shield: "shield",
  key: "old-key",
  coin: "coin",
  chest: "package",
  mimic: "package",
  flower: "tulip",
  mushroom: "mushroom",
  tree: "deciduous-tree",
  pine: "evergreen-tree",
  cactus: "cactus",
  fish: "fish",
};

/**
 * What a hand draws for a subject: the rig's own hand-scale weapon, the subject's borrowed icon,
 * else the emoji or game icon of one of its names (a cat, a house, a car: the rigs draw them at
 * full size only). Undefined when nothing draws it small: the caller says it was not drawn
 * (a star stood in for it, silently, while the line named the thing).
 */
function heldFor(s: Subject): HeldItem | undefined {
  const weapon = RIG_WEAPONS[s.id];
  if (weapon) return { id: s.id, weapon };
  if (s.builder === "icon") return { id: s.id, icon: s.ref };
  const own = HELD_ICONS[s.id];
  if (own) return { id: s.id, icon: own };
  // a being a rig draws (a cat, a pig, a bee) is held as its emoji however it is named there
  const being = s.builder === "animal" || s.builder === "insect" || s.builder === "bird";
  const beingEmoji = being ? findIconConcept([s.en[0] ?? s.id]) : undefined;
  if (beingEmoji) return { id: s.id, icon: beingEmoji.icon };
  gameNames ??= new Set(GAME_ICON_NAMES.split(/\s+/).filter(Boolean));
  for (const word of [...s.en, s.id.replace(/-/g, " ")]) {
    const emoji = findIconConcept([word]);
    // the emoji of that very name first, not one that only has the word in its tags
    if (emoji?.rank === 0) return { id: s.id, icon: emoji.icon };
    const gi = word.replace(/ /g, "-");
    if (gameNames.has(gi)) return { id: s.id, icon: `${GAME_ICON_PREFIX}${gi}` };
  }
  for (const word of s.en) {
    const emoji = findIconConcept([word]);
    if (emoji && emoji.rank <= 1) return { id: s.id, icon: emoji.icon };
  }
  // the name's head noun: a dungeon door is a door, a chinese dragon a dragon (not a class word:
  // a "crane bird" is no generic bird)
  for (const word of s.en) {
    const last = word.split(" ").at(-1)!;
    if (last === word || /^(?:bird|insect|animal|creature|monster|tile)$/.test(last)) continue;
    const emoji = findIconConcept([last]);
    if (emoji?.rank === 0) return { id: s.id, icon: emoji.icon };
  }
  return undefined;
}

/** Puts a subject in the hand, or says it was named and not drawn when nothing draws it small. */
function holdSubject(r: Reading, s: Subject, word: string): HeldItem | undefined {
  const held = heldFor(s);
  if (held) r.held = held;
  else r.ignored.push(word);
  return held;
}

/** What any subject can wear: headwear over its top, a cape over its back (wearables.ts). */
const WEARABLES = new Set(["hat", "wizard-hat", "crown", "helmet", "cap", "cape"]);
const BEINGS = new Set(["animal", "creature", "character", "race"]);

/** A subject's Chinese name (its first Chinese word), for the Chinese interpretation line. */
export function zhName(s: Subject): string {
  return s.zh[0] ?? s.id;
}

const parseCache = new Map<string, PromptInfo>();

export function parsePrompt(prompt: string): PromptInfo {
  const hit = parseCache.get(prompt);
  if (hit) return clone(hit);
  const info = understoodByDrawing(
    readBookMeaning(readPotionMeaning(parsePromptUncached(prompt), potionInfo()), bookInfo()),
  );
  if (parseCache.size > 500) parseCache.clear();
  parseCache.set(prompt, info);
  return clone(info);
}

let potionParse: PromptInfo | undefined;
let bookParse: PromptInfo | undefined;
function bookInfo(): PromptInfo {
  bookParse ??= parsePromptUncached("a book");
  return bookParse;
}
function potionInfo(): PromptInfo {
  potionParse ??= parsePromptUncached("a potion");
  return potionParse;
}

function clone(i: PromptInfo): PromptInfo {
  return {
    ...i,
    colors: i.colors.slice(),
    materials: i.materials.slice(),
    unknown: i.unknown.slice(),
    ignored: i.ignored.slice(),
    guesses: i.guesses.slice(),
    guessesZh: i.guessesZh.slice(),
    lent: i.lent.slice(),
    features: i.features.slice(),
    notDrawn: i.notDrawn?.slice(),
    held: i.held ? { ...i.held } : undefined,
    worn: i.worn ? { ...i.worn } : undefined,
  };
}

function levenshtein(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(
        prev[j]! + 1,
        cur[j - 1]! + 1,
        prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      cur.push(v);
      if (v < best) best = v;
    }
    if (best > max) return max + 1;
    prev = cur;
  }
  return prev[b.length]!;
}

/** A misspelt subject ("dragn", "skeletn"): the closest vocabulary word within 1–2 edits. */
function fuzzySubject(word: string): { s: Subject; key: string } | undefined {
  if (word.length < 4 || word.length > 14 || /\d/.test(word)) return undefined;
  const max = word.length >= 7 ? 2 : 1;
  let best: { s: Subject; key: string; d: number } | undefined;
  for (const [key, lexes] of lex().en) {
    if (key.includes(" ") || Math.abs(key.length - word.length) > max) continue;
    const sub = lexes.find((l) => l.t === "subject");
    if (sub?.t !== "subject") continue;
    const d = levenshtein(word, key, max);
    if (d <= max && (!best || d < best.d)) best = { s: sub.s, key, d };
  }
  return best;
}

/**
 * An English compound the vocabulary does not list names a kind of its last part: a trapdoor
 * is a door, a lockbox a box, a swordfish a fish. The longest known tail of at least 3 letters
 * wins; tails are 4+ letters and heads 3+ ("ore" is not read in "manticore", nor "bat" in
 * "combat").
 */
let iconWords: Set<string> | undefined;

/** A word that is a whole part of some game icon's name ("sword" in "sword-wound"). */
function iconWord(w: string): boolean {
  iconWords ??= new Set(GAME_ICON_NAMES.split(/[\s-]+/).filter(Boolean));
  return iconWords.has(w);
}

function compoundSubject(words: string[]): { s: Subject; word: string; tail: string } | undefined {
  const L = lex();
  for (const w of words) {
    if (w.length < 6 || !/^[a-z]+$/.test(w)) continue;
    for (let k = 3; k <= w.length - 4; k++) {
      // the first half must be a word too ("sword|fish"): "mon|goose", "dumb|bell" and
      // "cocka|trice" are not compounds of a goose, a bell and rice
      const head = w.slice(0, k);
      if (!L.en.has(head) && !iconWord(head) && !findIconConcept([head])) continue;
      const tail = w.slice(k);
      for (const f of [tail, ...singulars(tail)]) {
        const sub = L.en.get(f)?.find((l) => l.t === "subject");
        if (sub?.t === "subject" && !sub.weak) return { s: sub.s, word: w, tail: f };
      }
    }
  }
  return undefined;
}

const PERSON_SUFFIX = /(ist|er|or|ian|man|woman|smith|maker|keeper|monger|ess|eer|ant)$/;

const CONTENTS_RE =
  /\b(?:full of|filled with|overflowing with|stuffed with|loaded with)\s+(?:shiny\s+|golden\s+)?(gold|coins?|gold coins?|treasure|loot|money|gems?|jewels?|diamonds?|potions?|[a-z]{3,})\b|装满了?(金币|黄金|金子|财宝|宝石|药水)/;
const FEATURES_RE =
  /\b(?:with|has|having)\s+(?:(?:sharp|big|huge|glowing|many|two|four|red|white)\s+)?(teeth|fangs|eyes|eye|wings|horns|tentacles)\b|(?:长着|有)(牙齿|獠牙|眼睛|翅膀|角)/g;
const EMOJI_RE =
  /\p{Extended_Pictographic}(?:\ufe0f|\u200d\p{Extended_Pictographic}|[\u{1f3fb}-\u{1f3ff}])*/gu;

/** Extra parts on any creature: heads by count, wings of a kind, a stinging tail, horns. */
const HEADS_RE =
  /\b(two|three|four|double|twin|multi|2|3|4)[- ]head(?:ed)?\b|\bwith\s+(two|three|four|2|3|4)\s+heads\b|([双两三多])头/g;
const HEAD_COUNT: Record<string, number> = {
  two: 2,
  double: 2,
  twin: 2,
  "2": 2,
  双: 2,
  两: 2,
  three: 3,
  multi: 3,
  "3": 3,
  三: 3,
  多: 3,
  four: 3,
  "4": 3,
};
const PARTS_RE =
  /\b(?:with|has|having|and)\s+(?:(?:a|an|two|big|huge|giant|large)\s+)*(?:pair of\s+)?(eagle|bat|bird|hawk|crow|raven|feathered|angel|dragon|demon|fairy|butterfly)\s+wings\b|\b(?:with|and)\s+(?:a\s+)?(scorpion(?:'s)?|stinging|stinger)\s*tail\b|\b(winged|horned)\b|(?:带着?|长着?)(翅膀|蝎尾)/g;

/**
 * Adjectives that put any creature in another form: an undead dragon, a clockwork owl. Only
 * before another word: "an undead", "a cyborg" alone are the vocabulary's own subjects.
 */
const FORM_ADJ_RE =
  /\b(undead|skeletal|bony|rotting|rotten|zombified|decaying|spectral|ghostly|phantom|mechanical|clockwork|robotic|cyborg)\b(?=\s+[a-z])|(亡灵|不死|腐烂|机械|发条)(?=\p{Script=Han})/gu;
const FORM_OF_ADJ: Record<string, string> = {
  undead: "skeleton",
  skeletal: "skeleton",
  bony: "skeleton",
  rotting: "zombie",
  rotten: "zombie",
  zombified: "zombie",
  decaying: "zombie",
  spectral: "ghost",
  ghostly: "ghost",
  phantom: "ghost",
  mechanical: "robot",
  clockwork: "robot",
  robotic: "robot",
  cyborg: "robot",
  亡灵: "skeleton",
  不死: "skeleton",
  腐烂: "zombie",
  机械: "robot",
  发条: "robot",
};

const SNAKE_BODY_RE =
  /\b(?:with\s+)?(?:an?\s+|the\s+)?(?:snake|serpent)(?:'s)?[- ](?:body|tail|lower body|tailed|bodied)\b|\b(?:with\s+)?the body of an?\s+(?:snake|serpent)\b|蛇身|蛇尾/g;

const FISH_BODY_RE =
  /\b(?:with\s+)?(?:an?\s+|the\s+)?(?:fish|mermaid)(?:'s)?[- ](?:tail|tailed|body|lower body)\b|鱼尾|鱼身/g;

/** Breath is an effect, not a colour: "fire-breathing" must not make the subject fire-red. */
const BREATH_RE =
  /\b(?:fire[- ]breathing|breath(?:es|ing)? (?:of )?fire|fire[- ]breather|breathing fire)\b|喷火|吐火/g;
const FEATURE_ZH: Record<string, string> = {
  牙齿: "teeth",
  獠牙: "fangs",
  眼睛: "eyes",
  翅膀: "wings",
  角: "horns",
};

/**
 * Phase 1: phrases with a game meaning that are not nouns to draw — what a container is full of
 * and body features after "with" — are read and blanked out of the text the tokenizer sees.
 */
function readPhrases(text: string): {
  text: string;
  contents?: PromptInfo["contents"];
  features: string[];
  heads?: number;
  dual?: boolean;
  form?: string;
  madeOf?: MadeOf;
} {
  text = rewriteMeasureWords(text, isSubjectWord);
  // "will-o'-the-wisp": the apostrophe cut it into "will", "o", "the", "wisp" (one word, padded
  // so later positions stay where they were)
  text = text.replace(/\bwill[- ]o['’]?[- ](?:the[- ])?wisps?\b/g, (m) =>
    "will-o-wisp".padEnd(m.length),
  );
  let contents: PromptInfo["contents"];
  const c = CONTENTS_RE.exec(text);
  if (c) {
    const what = c[1] ?? c[2] ?? "";
    contents = /gem|jewel|diamond|宝石/.test(what)
      ? "gems"
      : /potion|药水/.test(what)
        ? "potions"
        : /gold|coin|treasure|loot|money|金|财宝/.test(what)
          ? "gold"
          : // "cherries", "potatoes": the singular names the heap's colours
            what
              .replace(/ies$/, "y")
              .replace(/oes$/, "o")
              .replace(/(?<=[^s])s$/, "");
    text = text.slice(0, c.index) + " ".repeat(c[0].length) + text.slice(c.index + c[0].length);
  }
  // "a scroll of fireball", "a potion of healing", "a sword of fire": the thing is named before
  // "of"; what follows qualifies it (a modifier) or is named but not drawn
  // (a vocabulary phrase with "of" in it stays whole: "a jar of honey" is the honey pot)
  text = text.replace(/\b(?:of|made of)\b/g, (m, at: number) =>
    m !== "of" || ofPhrase(text, at) ? m : "and",
  );
  // an emoji means what it depicts: 🐉 → " dragon ", 🧙 → " mage "
  text = text.replace(EMOJI_RE, (e) => {
    const label = emojiLabel(e)
      ?.toLowerCase()
      .replace(/[^a-z0-9 -]/g, "")
      // "man cook", "woman mage": the gendered variant of a job or being is that job or being
      .replace(/^(?:man|woman|person)\s+(?=\S)/, "");
    if (!label) return " ";
    // a label's material word names the picture ("gem stone" is a gem, not a stone one); a
    // colour word stays ("white flag")
    const L = lex();
    const words = label.split(/\s+/);
    let kept = words.filter((w) => !L.en.get(w)?.some((l) => l.t === "material"));
    // a label word the vocabulary lacks next to one it draws ("nazar amulet" → the amulet, which
    // is that very icon) is part of the picture's name, not a word the user did not explain
    const known = kept.filter((w) => L.en.has(w));
    if (known.length < kept.length && known.some((w) => isSubjectWord(w))) kept = known;
    return ` ${(words.length > 1 && kept.length ? kept : words).join(" ")} `;
  });
  const features: string[] = [];
  text = text.replace(BREATH_RE, (m) => {
    if (!features.includes("fire breath")) features.push("fire breath");
    return " ".repeat(m.length);
  });
  // "dual-wielding": a weapon in each hand (the weapon is named elsewhere)
  let dual = false;
  text = text.replace(/\bdual[- ]wield(?:ing|s)?\b/g, (m) => {
    dual = true;
    return " ".repeat(m.length);
  });
  let form: string | undefined;
  text = text.replace(FORM_ADJ_RE, (m, adj?: string, zh?: string) => {
    form ??= FORM_OF_ADJ[adj ?? zh ?? ""];
    return " ".repeat(m.length);
  });
  // "an eagle head", "snakes for hair", "nine-tailed", "spiny": folklore parts (folk-parts.ts)
  const folk = readFolkParts(text);
  text = folk.text;
  features.push(...folk.features);
  let heads: number | undefined;
  text = text.replace(HEADS_RE, (m, a?: string, b?: string, zh?: string) => {
    heads = HEAD_COUNT[a ?? b ?? zh ?? ""] ?? 2;
    return " ".repeat(m.length);
  });
  text = text.replace(
    PARTS_RE,
    (m, wing?: string, tail?: string, adj0?: string, zh?: string, at?: number) => {
      const adj = adj0 ?? (zh === "翅膀" ? "winged" : undefined);
      if (zh === "蝎尾") tail = "scorpion";
      // a vocabulary name wins ("winged horse" is a pegasus)
      const next = /^\s*([a-z]+)/.exec(text.slice((at ?? 0) + m.length))?.[1];
      if (adj && next && lex().en.has(`${adj} ${next}`)) return m;
      const f = wing
        ? `${wing} wings`
        : tail
          ? "scorpion tail"
          : adj === "horned"
            ? "horns"
            : "wings";
      if (!features.includes(f)) features.push(f);
      return " ".repeat(m.length);
    },
  );
  // "with a snake's body", "serpent-tailed", 蛇身: a coiled tail instead of legs (a lamia, a naga)
  text = text.replace(SNAKE_BODY_RE, (m) => {
    if (!features.includes("snake body")) features.push("snake body");
    return " ".repeat(m.length);
  });
  // "with a fish tail", 鱼尾: a mermaid's tail and fin instead of legs
  text = text.replace(FISH_BODY_RE, (m) => {
    if (!features.includes("fish body")) features.push("fish body");
    return " ".repeat(m.length);
  });
  text = text.replace(FEATURES_RE, (m, en?: string, zh?: string) => {
    const f = en ?? FEATURE_ZH[zh ?? ""] ?? zh ?? "";
    features.push(f === "eye" ? "eyes" : f === "fangs" ? "teeth" : f);
    return " ".repeat(m.length);
  });
  const made = readMadeOf(text);
  return { text: made.text, contents, features, heads, dual, form, madeOf: made.madeOf };
}

type Candidate = { m: Mention; i: number; sub: { s: Subject; weak: boolean } };

/** What the parse phases read from a prompt, filled in phase by phase (parsePromptUncached). */
interface Reading {
  text: string;
  /** the prompt as typed (lower case), before phrases were read out of `text` */
  typed: string;
  phrases: ReturnType<typeof readPhrases>;
  mentions: Mention[];
  unknown: string[];
  /** Chinese words read through the dictionary, where they are */
  readings: ChineseReading[];
  /** an English word of a reading → the Chinese word typed (tokenize) */
  typedAs: Map<string, string>;
  guesses: string[];
  guessesZh: string[];
  ignored: string[];
  lent: string[];
  colors: { p: number; c: Rgb }[];
  materials: MaterialId[];
  size: number;
  sizeNamed: boolean;
  /** the size word that set `size` (not a "48px") */
  sizeWord?: string;
  snowCap?: boolean;
  cute: boolean;
  /** the word that made it cute (小 is also just "small") */
  cuteWord?: string;
  /** the first shape word and the word as typed ("round"), young and asleep words */
  shape?: { id: string; word: string };
  young?: boolean;
  asleep?: boolean;
  /** the fat word as typed ("chubby"), said not drawn on a rig without a body to widen */
  fatWord?: string;
  headless?: boolean;
  aged?: "beard" | "grey";
  person?: PersonWords;
  /** index of the hold word's mention (−1: none) and the phrase of every mention */
  holdAt: number;
  phraseOf: number[];
  /** every subject mention, and those that may be the head (strong nouns, headwear removed) */
  subjects: Candidate[];
  pool: Candidate[];
  worn?: PromptInfo["worn"];
  usedAsSubject: Set<number>;
  headPhrase: number;
  /** where an English possessive's apostrophe was ("wizard's": blanked out of `text`) */
  possessives: Set<number>;
  /** owner → owned thing, as mention indices ("a wizard's hat", "sword of the king", 骑士的剑) */
  owners: { o: number; y: number }[];
  /** "X made of Y" with a noun Y: said in the line once the colours are settled */
  madeOfSaid?: { s: Subject; words: [string, string, string, string] };
  head?: Subject;
  /** the mention the head was read from */
  headAt?: number;
  role?: string;
  race?: string;
  /** where an animal-folk race word is ("a black jackal warrior"): a colour right before it is fur */
  beastAt?: number;
  look?: PersonLook;
  form?: string;
  held?: HeldItem;
  theme?: Subject;
  icon?: string;
  /** the icon is a stand-in's own drawing: the subject it stood in for lends no defaults */
  ownIcon?: boolean;
  /** words read through WordNet (lexicon.ts), in prompt order, each a guess already shown */
  wordnet: { word: string; entry: LexiconEntry; subject?: Subject }[];
  pattern?: PromptInfo["pattern"];
}

function setRoleOrRace(r: Reading, s: Subject): void {
  const [k, id] = s.ref.split(":") as [string, string];
  if (k === "role") r.role = id;
  else r.race = id;
}

/** The first sense of a gloss, as people read it: "husky (sled dog)", "Sun Wukong, the Monkey King". */
function shownGloss(r: ChineseReading): string {
  const short = r.gloss.replace(/\s*\(([^()]*)\)/g, (m, inner: string) =>
    inner.split(" ").length > 4 ? "" : m,
  );
  const [first, second] = short.split(/,\s*/);
  return second && second.split(" ").length <= 4 ? `${first}, ${second}` : first!;
}

function bareGloss(shown: string): string {
  return shown.replace(/\s*\([^()]*\)/g, "").trim();
}

/** The drawn subject's name in Chinese when the English names it ("dog", "golden fish" → 鱼). */
function drawnZh(r: ChineseReading): string | undefined {
  const s = SUBJECT_BY_ID.get(r.subject);
  const head = r.english.split(" ").pop()!;
  const names = s ? [s.id, ...s.en, ...s.weak] : [];
  return s && (names.includes(r.english) || names.includes(head)) ? zhName(s) : undefined;
}

/** A Chinese word read through the dictionary, said in the interpretation (never silent). */
function readingGuess(r: ChineseReading): string {
  const shown = shownGloss(r);
  const how =
    bareGloss(shown).toLowerCase() === r.english
      ? ""
      : r.lexicon
        ? `, a kind of ${r.english.split(" ").pop()} (WordNet), drawn as ${r.english}`
        : `, drawn as ${r.english}`;
  return `read "${r.word}" as ${shown}${how} (CC-CEDICT dictionary)`;
}

/** The same in Chinese: what the word was drawn as, not the dictionary's English. */
function readingGuessZh(r: ChineseReading): string {
  const zh = drawnZh(r);
  const same = bareGloss(shownGloss(r)).toLowerCase() === r.english;
  // the English left here is the engine's own (a vocabulary phrase): the line translates it
  const as = zh ? (same ? zh : `一种${zh}`) : r.english;
  return `把“${r.word}”读作${as}(CC-CEDICT 词典)`;
}

/** Phase 1: phrases with a game meaning, words, and a size written as digits. */
function readWords(prompt: string): Reading {
  // very long prompts: the first 400 characters carry the subject; the rest is reported once
  const phrases = readPhrases(prompt.toLowerCase().slice(0, 2000));
  const { text, at: possessives } = blankPossessives(phrases.text);
  const { mentions, unknown, readings, pieced, typedAs } = tokenize(text);
  iconHalves(text, mentions, unknown);
  const px = SIZE_RE.exec(text);
  return {
    text,
    typed: prompt.toLowerCase().slice(0, 2000),
    phrases,
    mentions,
    unknown,
    readings,
    typedAs,
    guesses: [
      ...readings.map(readingGuess),
      ...pieced.map(
        (p) => `"${p.word}" is not in the vocabulary; read it by its parts, ${p.parts}`,
      ),
    ],
    guessesZh: [
      ...readings.map(readingGuessZh),
      ...pieced.map((p) => `词表中没有“${p.word}”;按字面读作 ${p.parts}`),
    ],
    ignored: [],
    lent: [],
    colors: [],
    materials: [],
    size: px ? Number(px[1]) : 32,
    sizeNamed: !!px,
    cute: false,
    holdAt: -1,
    phraseOf: [],
    subjects: [],
    pool: [],
    usedAsSubject: new Set(),
    wordnet: [],
    headPhrase: -1,
    possessives,
    owners: [],
  };
}

/**
 * "wizard's hat" → "wizard   hat" (same length: the phrases' positions hold), so the owner and
 * the thing are read as words and phrases of the vocabulary ("witch's hat" is the wizard hat).
 */
function blankPossessives(text: string): { text: string; at: Set<number> } {
  const at = new Set<number>();
  const out = text.replace(/(?<=[a-z])['’]s?(?=\s+[a-z\u3400-\u9fff])/g, (m, i: number) => {
    // "witches' hat": a plural's apostrophe alone; "it's", "o'clock" are no owners
    if (m.length === 1 && text[i - 1] !== "s") return m;
    at.add(i);
    return " ".repeat(m.length);
  });
  return { text: out, at };
}

/** Chinese verbs before X that make "X的Y" a clause (拿着剑的骑士, 抱着猫的女孩), not an owner. */
const ZH_CLAUSE_VERB = /[拿握持举戴穿骑抱叼背扛带有长坐站骑用吃]/;

/**
 * Owners and the things they own: "X's Y", "Y of the X" (X a being), X的Y (X a being, named
 * first). The owner leaves the pool of heads (splitPhrases); ownerStyle reads what it says
 * about the thing, and an owner that says nothing is "named, not drawn".
 */
function readOwners(r: Reading): void {
  const ms = r.mentions;
  const nextSubject = (i: number, pastAnd = false): number | undefined => {
    for (let j = i + 1; j < ms.length; j++) {
      if (ms[j]!.lex.some((l) => l.t === "hold" || (l.t === "and" && !pastAnd))) return undefined;
      if (subjectOf(ms[j]!)) return j;
    }
    return undefined;
  };
  const being = (i: number) => BEINGS.has(subjectOf(ms[i]!)?.s.category ?? "");
  for (let i = 0; i < ms.length; i++) {
    const m = ms[i]!;
    const sub = subjectOf(m);
    if (!sub) continue;
    const end = m.pos + m.word.length;
    const y = nextSubject(i);
    if (y !== undefined && r.possessives.has(end) && !m.word.includes(" ")) {
      r.owners.push({ o: i, y });
      continue;
    }
    const x = y ?? nextSubject(i, true);
    if (x === undefined) continue;
    const ym = ms[x]!;
    if (
      CJK.test(m.word) &&
      r.text.slice(end, ym.pos) === "的" &&
      being(i) &&
      !ZH_CLAUSE_VERB.test(r.text.slice(0, m.pos))
    ) {
      r.owners.push({ o: i, y: x });
      continue;
    }
    // "the sword of the king": the thing first (no person: "the king of the goblins" rules them)
    if (
      !CJK.test(m.word) &&
      sub.s.builder !== "humanoid" &&
      !PICTURE_WORDS.test(m.word) &&
      /^\s+and\s+(?:the|his|her|my|their|our|your)\s+$/.test(r.text.slice(end, ym.pos)) &&
      // readPhrases turned the "of" into "and": the typed words say which it was
      new RegExp(
        `\\b${escapeRe(m.word)}\\s+of\\s+(?:the|his|her|my|their|our|your)\\s+${escapeRe(ym.word)}\\b`,
      ).test(r.typed) &&
      being(x)
    )
      r.owners.push({ o: x, y: i });
  }
}

/**
 * What an owner says about the thing it owns, when the thing is the head: a vocabulary phrase or
 * game icon of both ("witch's hat" → the wizard hat, "wizard's staff" → the wizard staff icon),
 * the owner's own headwear for a plain hat or helmet (a pirate's hat is a tricorn), or the
 * material its kind makes things in (a king's sword is gold, a ghost's haunted). Said in the
 * line; an owner that says none of these is left for "named, not drawn".
 */
function ownerStyle(r: Reading): void {
  const L = lex();
  gameNames ??= new Set(GAME_ICON_NAMES.split(/\s+/).filter(Boolean));
  for (const { o, y } of r.owners) {
    const head = r.head;
    if (!head || r.headAt !== y || r.icon || r.usedAsSubject.has(o)) continue;
    const om = r.mentions[o]!;
    const owner = subjectOf(om)!.s;
    const latin = (w: string) => /^[a-z][a-z ]*$/.test(w);
    const ownerWords = [om.word, ...owner.en].filter(latin);
    const thingWords = [r.mentions[y]!.word, ...head.en].filter(latin);
    const ownerEn = latin(om.word) ? om.word : (owner.en[0] ?? owner.id);
    const thingEn = latin(r.mentions[y]!.word) ? r.mentions[y]!.word : (head.en[0] ?? head.id);
    const said = `"${ownerEn}'s ${thingEn}"`;
    const saidZh = `“${zhName(owner)}的${zhName(head)}”`;
    let done = false;
    for (const ow of ownerWords) {
      for (const tw of thingWords) {
        const hit = L.en.get(`${ow} ${tw}`)?.find((l) => l.t === "subject");
        if (hit?.t === "subject") {
          r.head = hit.s;
          done = true;
        } else if (gameNames.has(`${ow}-${tw}`.replace(/ /g, "-"))) {
          const name = `${ow}-${tw}`.replace(/ /g, "-");
          r.icon = `${GAME_ICON_PREFIX}${name}`;
          r.guesses.push(`${said}: drew the game icon ${name.replace(/-/g, " ")}`);
          r.guessesZh.push(`${saidZh}:画了游戏图标 ${name.replace(/-/g, " ")}`);
          done = true;
        }
        if (done) break;
      }
      if (done) break;
    }
    const headwear = OWNER_HEADWEAR[owner.id];
    if (!done && PLAIN_HEADWEAR.has(head.id) && headwear) {
      const own = SUBJECT_BY_ID.get(headwear);
      if (own) r.head = own;
      else r.icon = `${GAME_ICON_PREFIX}${headwear}`;
      const label = own ? (own.en[0] ?? own.id) : headwear.replace(/-/g, " ");
      r.guesses.push(`${said}: drew the ${ownerEn}'s own headwear, ${label}`);
      r.guessesZh.push(`${saidZh}:画了${zhName(owner)}自己的${own ? zhName(own) : "帽子"}`);
      done = true;
    }
    const material = done ? undefined : (FORMS[owner.id]?.material ?? OWNER_MATERIAL[owner.id]);
    // a thing only: a wizard's cat is a cat, not a magic one
    if (material && ITEM_CATEGORIES.has(head.category) && !r.materials.length) {
      r.materials.push(material);
      r.guesses.push(`${said}: drew the ${thingEn} as the ${ownerEn}'s, ${material}`);
      r.guessesZh.push(`${saidZh}:把${zhName(head)}画成${zhName(owner)}的样子(${material})`);
      done = true;
    }
    if (done) r.usedAsSubject.add(o);
  }
}

/**
 * A shape word that is half of a borrowed icon's name with a word the vocabulary lacks ("a round
 * table": game-icons' round-table) is left unread, so the long tail draws that icon as before;
 * beside a vocabulary subject ("a round shield") it is the rig's shape.
 */
function iconHalves(text: string, mentions: Mention[], unknown: string[]): void {
  const L = lex();
  for (let i = mentions.length - 1; i >= 0; i--) {
    const m = mentions[i]!;
    if (!m.lex.every((l) => l.t === "shape")) continue;
    const next = /^[\s-]+([a-z]+)/.exec(text.slice(m.pos + m.word.length))?.[1];
    if (!next || L.en.has(next) || singulars(next).some((w) => L.en.has(w))) continue;
    gameNames ??= new Set(GAME_ICON_NAMES.split(/\s+/).filter(Boolean));
    if (![next, ...singulars(next)].some((w) => gameNames!.has(`${m.word}-${w}`))) continue;
    mentions.splice(i, 1);
    unknown.unshift(m.word);
  }
}

/** Phase 2: noun phrases split at "and"; the hold word starts the held phrase. */
function splitPhrases(r: Reading): void {
  let phrase = 0;
  r.mentions.forEach((m, i) => {
    if (m.lex.some((l) => l.t === "and")) phrase++;
    if (r.holdAt < 0 && m.lex.some((l) => l.t === "hold")) {
      r.holdAt = i;
      phrase++;
    }
    r.phraseOf.push(phrase);
  });
  r.subjects = r.mentions
    .map((m, i) => ({ m, i, sub: subjectOf(m) }))
    .filter((x) => x.sub !== undefined) as Candidate[];
  // an owner is no head: "a pirate's hat" is the hat, not a pirate wearing it
  const owners = new Set(r.owners.map((x) => x.o));
  const cands = r.subjects.filter((x) => !owners.has(x.i));
  const strong = cands.filter((x) => !x.sub.weak && !isModifierWord(x.m));
  r.pool = strong.length ? strong : cands;
  // headwear next to a being is worn by it: "a cat wearing a wizard hat", "a frog with a crown"
  const hat = r.pool.find((x) => WEARABLES.has(x.sub.s.id));
  if (hat && r.pool.some((x) => BEINGS.has(x.sub.s.category) && x !== hat)) {
    r.worn = { id: hat.sub.s.id, icon: hat.sub.s.ref };
    r.pool = r.pool.filter((x) => x !== hat);
  }
  // a backpack next to an animal or creature drawn by a rig is worn on its back (wearables.ts);
  // a person's, or a borrowed drawing's (a front-facing face has no back), stays as it was
  const pack = r.worn ? undefined : r.pool.find((x) => x.sub.s.id === "backpack");
  if (
    pack &&
    r.pool.some(
      (x) =>
        x !== pack &&
        BEINGS.has(x.sub.s.category) &&
        x.sub.s.builder !== "humanoid" &&
        x.sub.s.builder !== "icon",
    )
  ) {
    r.worn = { id: pack.sub.s.id, icon: pack.sub.s.ref };
    r.pool = r.pool.filter((x) => x !== pack);
  }
  if (!r.worn) wornByWord(r);
  dressedBeing(r);
}

/**
 * "a knight in armor", "a dog wearing a coat": a being in body clothes is the being, drawn in
 * its own clothes; the garment is the reason, said in the line, never the subject (eval-c drew
 * a chest plate alone for "a knight in armor").
 */
function dressedBeing(r: Reading): void {
  const garment = r.pool.find(
    (x) =>
      x.sub.s.category === "armour" &&
      !WEARABLES.has(x.sub.s.id) &&
      DRESSED_RE.test(r.text.slice(Math.max(0, x.m.pos - 30), x.m.pos)),
  );
  // Chinese puts the garment first: 穿盔甲的老鼠, 穿着盔甲的猫
  const zhGarment = garment
    ? undefined
    : r.pool.find(
        (x) =>
          x.sub.s.category === "armour" &&
          !WEARABLES.has(x.sub.s.id) &&
          DRESSED_ZH.test(r.text.slice(Math.max(0, x.m.pos - 3), x.m.pos)),
      );
  const worn = garment ?? zhGarment;
  if (!worn) return;
  const being = r.pool.find(
    (x) => (garment ? x.i < worn.i : x.i > worn.i) && BEINGS.has(x.sub.s.category),
  );
  if (!being) return;
  r.pool = r.pool.filter((x) => x !== worn);
  r.subjects = r.subjects.filter((x) => x !== worn);
  // armour on an animal or creature is drawn on its body (wearables.ts wearArmour)
  if (being.sub.s.builder !== "humanoid" && BODY_ARMOUR.has(worn.sub.s.id) && !r.worn) {
    r.worn = { id: worn.sub.s.id, icon: worn.sub.s.ref };
    return;
  }
  const [g, b] = [worn.m.word, being.m.word];
  const [gz, bz] = [zhName(worn.sub.s), zhName(being.sub.s)];
  // a person is drawn dressed (a knight's armour is its own); an animal is drawn as it is
  if (being.sub.s.builder === "humanoid") {
    r.guesses.push(`"${b} in ${g}": drew the ${b} in its own clothes, not the ${g} alone`);
    r.guessesZh.push(`穿${gz}的${bz}:画了穿自己衣服的${bz},而不是单独的${gz}`);
  } else {
    r.guesses.push(`"${b} in ${g}": drew the ${b}; the ${g} is not drawn on it`);
    r.guessesZh.push(`穿${gz}的${bz}:画了${bz},没有画${gz}`);
  }
}

/** Accessories of the vocabulary that sit on a face, so they can go on any subject's top. */
const FACE_WEAR = new Set(["goggles", "glasses"]);
const WEAR_RE =
  /\b(?:wearing|wears|dressed in|in)\s+(?:an?\s+|the\s+|some\s+|his\s+|her\s+)?([a-z]+)/;
/** a wear word right before a garment, with up to two words between ("in shiny plate armor") */
const DRESSED_RE = /\b(?:wearing|wears|dressed in|in)\s+(?:[a-z]+\s+){0,2}$/;
const DRESSED_ZH = /(?:穿着|穿|身穿|披着|身披)$/;

/**
 * "X wearing Y" when Y is no headwear of ours: an accessory of the vocabulary (goggles, glasses)
 * or a word that names a game icon (bandana, sombrero) is worn on X's top, whatever X is.
 */
function wornByWord(r: Reading): void {
  const word = WEAR_RE.exec(r.text)?.[1];
  if (!word) return;
  const named = r.pool.find((x) => x.m.word === word);
  // the wearer may be a word only the long tail knows ("a mole wearing goggles")
  const wearer =
    r.pool.length > 1 || r.unknown.some((u) => r.text.indexOf(u) < r.text.indexOf(word));
  if (named && FACE_WEAR.has(named.sub.s.id) && wearer) {
    r.worn = { id: named.sub.s.id, icon: named.sub.s.ref };
    r.pool = r.pool.filter((x) => x !== named);
    r.subjects = r.subjects.filter((x) => x !== named);
    return;
  }
  if (named || !r.unknown.includes(word)) return;
  gameNames ??= new Set(GAME_ICON_NAMES.split(/\s+/).filter(Boolean));
  const name = [word, ...singulars(word)].find((n) => gameNames!.has(n));
  if (!name) return;
  r.worn = { id: word, icon: `${GAME_ICON_PREFIX}${name}@cape` };
  r.unknown.splice(r.unknown.indexOf(word), 1);
}

/**
 * Phase 3: the head — the last noun of the first noun phrase that is not the held phrase — and
 * what the nouns before it do to it (race, form, theme colours, a held item in Chinese order).
 */
function chooseHead(r: Reading): void {
  // "a teapot made of candy": when only the long tail knows X, the material is no subject
  // either; the long tail draws X (and the line names the material not drawn)
  const mo = r.phrases.madeOf;
  const inMaterial = (x: Candidate) => !!mo && x.m.pos >= mo.from && x.m.pos < mo.to;
  if (
    mo &&
    r.pool.length &&
    r.pool.every(inMaterial) &&
    r.unknown.some((u) => {
      const at = r.text.indexOf(u);
      return at >= 0 && at < mo.from;
    })
  )
    r.pool = [];
  const { pool, holdAt, phraseOf } = r;
  const beforeHold = pool.filter((x) => holdAt < 0 || x.i < holdAt);
  const afterHold = pool.filter((x) => holdAt >= 0 && x.i > holdAt);
  r.headPhrase = beforeHold.length ? phraseOf[beforeHold[0]!.i]! : -1;
  let headCands = beforeHold.filter((x) => phraseOf[x.i] === r.headPhrase);
  if (!headCands.length && afterHold.length) {
    // "with a sword" alone: the sword is the subject
    r.headPhrase = phraseOf[afterHold[0]!.i]!;
    headCands = afterHold.filter((x) => phraseOf[x.i] === r.headPhrase);
  }
  // "a house made of candy": the material is no head, it qualifies the head (made-of.ts)
  const materials = pool.filter(inMaterial);
  if (materials.length && headCands.some((x) => !inMaterial(x)))
    headCands = headCands.filter((x) => !inMaterial(x));
  else materials.length = 0;
  if (headCands.length) {
    const h = headCands[headCands.length - 1]!;
    r.head = h.sub.s;
    r.headAt = h.i;
    r.usedAsSubject.add(h.i);
    if (r.head.builder === "humanoid") setRoleOrRace(r, r.head);
    r.look = h.m.look;
    if (h.m.note) {
      r.guesses.push(h.m.note[0]);
      r.guessesZh.push(h.m.note[1]);
    }
    for (const q of headCands.slice(0, -1)) qualify(r, q, h);
    for (const q of materials) madeOfMaterial(r, q, h);
  }
  // "a lava tile", "an ice block": a terrain word that is also a modifier still names the tile
  if (
    r.head?.id === "platform" &&
    headCands.length &&
    !/platform|ledge|平台/.test(headCands[headCands.length - 1]!.m.word)
  ) {
    const terrain = r.subjects.find((x) => x.sub.s.builder === "tile" && x.sub.s.id !== "platform");
    if (terrain) {
      r.head = terrain.sub.s;
      r.usedAsSubject.add(terrain.i);
    }
  }
}

/**
 * The material of "X made of Y" when Y is a noun (candy, bone, sand): a form with a material of
 * its own (a ghost, bone on a being) is worn as a form; anything else lends its colours, or is
 * not drawn when another noun already did — said in the line either way.
 */
function madeOfMaterial(r: Reading, q: Candidate, h: Candidate): void {
  const s = q.sub.s;
  const head = r.head!;
  if (FORMS[s.id]?.material && (s.id !== "bone" || BEINGS.has(head.category))) {
    qualify(r, q, h);
    return;
  }
  r.usedAsSubject.add(q.i);
  // a noun that is also a material of ours (石头, rock: stone) is drawn as that material
  const L = lex();
  const mat =
    MADE_MATERIAL[s.id] ??
    [q.m.word, ...s.en].flatMap((w) => L.en.get(w) ?? []).find((l) => l.t === "material")?.id;
  if (mat) {
    if (!r.materials.includes(mat)) r.materials.push(mat);
    return;
  }
  r.theme ??= s;
  const enWord = (m: Mention, x: Subject) =>
    /[\u3400-\u9fff]/.test(m.word) ? (x.en[0] ?? x.id) : m.word;
  // said once the colours are settled (a rock golem keeps its grey; rope lends none)
  r.madeOfSaid = {
    s,
    words: [enWord(h.m, head), enWord(q.m, s), zhName(head), zhName(s)],
  };
}

/** Classes that only say "a fighter" or "a person": a calling named with them is the look. */
const GENERIC_ROLES = new Set(["warrior", "soldier", "hero", "person", "villager"]);

/** A noun before the head (`q`, head mention `h`): what it does to the head. */
function qualify(r: Reading, q: Candidate, h: Candidate): void {
  const head = r.head!;
  const s = q.sub.s;
  r.usedAsSubject.add(q.i);
  if (
    (head.category === "animal" || head.builder === "dragon") &&
    r.holdAt >= 0 &&
    q.i > r.holdAt &&
    !r.held &&
    heldFor(s)?.icon
  ) {
    // held in the mouth, named first in Chinese: 叼着骨头的狗 (a bone, not a skeleton dog)
    r.held = heldFor(s);
  } else if (head.builder === "humanoid" && s.builder === "humanoid") {
    const [k, id] = s.ref.split(":") as [string, string];
    if (k === "race" && !r.race) r.race = id;
    else if (k === "role" && !r.role) r.role = id;
    else if (k === "role" && id === "robot") r.race = "robot";
    // "a viking warrior", "a samurai soldier": the calling says more than the generic fighter
    // (eval-e: the viking was named, not drawn)
    else if (k === "role" && GENERIC_ROLES.has(r.role ?? "") && !GENERIC_ROLES.has(id)) r.role = id;
    else r.ignored.push(q.m.word);
  } else if (head.builder === "humanoid" && s.category === "animal") {
    r.race = `beast:${beastRaceId(q.m.word, s.id)}`;
    r.beastAt = q.m.pos;
  } else if (
    FORMS[s.id] &&
    head.builder !== "humanoid" &&
    (s.id !== "bone" || BEINGS.has(head.category))
  ) {
    r.form = FORMS[s.id]!.form;
    const mat = FORMS[s.id]!.material;
    if (mat && !r.materials.includes(mat)) r.materials.push(mat);
  } else if (head.builder === "humanoid" && s.builder !== "humanoid" && FORMS[s.id]?.material) {
    // "a ghost pirate": the character stays, in the form's material (haunted, holy …)
    r.form = FORMS[s.id]!.form;
    const mat = FORMS[s.id]!.material!;
    if (!r.materials.includes(mat)) r.materials.push(mat);
  } else if (
    (head.id === "beast" || head.builder === "humanoid") &&
    ["creature", "animal", "race"].includes(s.category)
  ) {
    // a bare "monster" after a real noun, "goblin monster", "slime creature": the noun wins
    r.head = s;
    if (s.builder === "humanoid") {
      const [k, id] = s.ref.split(":") as [string, string];
      r.role = k === "role" ? id : undefined;
      r.race = k === "race" ? id : undefined;
    }
  } else if (
    head.builder === "humanoid" &&
    r.holdAt >= 0 &&
    q.i > r.holdAt &&
    !r.held &&
    ITEM_CATEGORIES.has(s.category)
  ) {
    // Chinese puts the held item first: 拿着火把的骑士 (holding-torch knight)
    holdSubject(r, s, q.m.word);
  } else if (head.builder === "tile" && s.builder === "tile") {
    // "grass platform": the platform takes the terrain's top; "water tile" is water
    if (/platform|ledge|平台/.test(h.m.word)) r.theme = s;
    else r.head = s;
  } else {
    r.theme ??= s;
    // said as lent only when it lends colours; "pirate" on a ship is its dressing (black sails,
    // a skull flag: vehicle-themes.ts); a noun the head's drawing already is ("a lever switch",
    // "a maple tree", "a crescent moon") or a modifier word says nothing; any other noun that
    // changes nothing is not drawn
    const drawn =
      s.id === head.id ||
      isModifierWord(q.m) ||
      head.ref.replace(/-/g, " ").includes(q.m.word.toLowerCase()) ||
      (head.id === "boat" && !!shipTheme(q.m.word)) ||
      namesKindOfHead(r, q.m, head);
    if (themeColors(s).length) r.lent.push(q.m.word);
    else if (!drawn) r.ignored.push(q.m.word);
  }
}

/**
 * Phase 4: the held item — the first item-like noun after the hold word, or a second phrase's
 * item for a character ("a knight and a sword"), else the class's own item — and the nouns
 * that were named but not drawn.
 */
function chooseHeld(r: Reading): void {
  const { head, pool, phraseOf, usedAsSubject } = r;
  const afterHold = pool.filter((x) => r.holdAt >= 0 && x.i > r.holdAt);
  const heldCand =
    afterHold.find((x) => x.sub.s.builder !== "humanoid" && !usedAsSubject.has(x.i)) ??
    (head?.builder === "humanoid"
      ? pool.find(
          (x) =>
            !usedAsSubject.has(x.i) &&
            phraseOf[x.i] !== r.headPhrase &&
            ITEM_CATEGORIES.has(x.sub.s.category),
        )
      : undefined);
  if (heldCand && head) {
    usedAsSubject.add(heldCand.i);
    if (head.builder === "humanoid") {
      const held = holdSubject(r, heldCand.sub.s, heldCand.m.word);
      // "two swords", "dual daggers", "a pair of axes", 双刀: one in each hand
      const before = r.text.slice(Math.max(0, heldCand.m.pos - 14), heldCand.m.pos);
      const count = /\b(two|dual|twin|pair of|2|both)\s+$|([双两]把?)$/.exec(before);
      if (held && (count || r.phrases.dual)) {
        held.count = 2;
        const at = count ? r.unknown.indexOf(count[1] ?? count[2]!) : -1;
        if (at >= 0) r.unknown.splice(at, 1);
      }
    } else if (
      (head.category === "animal" || head.builder === "dragon") &&
      heldFor(heldCand.sub.s)?.icon
    ) {
      // an animal or creature holds it in its mouth or beak (mouth-carry.ts)
      r.held = heldFor(heldCand.sub.s);
    } else r.ignored.push(heldCand.m.word);
  }
  // Chinese names the count before the held thing (拿着两把剑的武士): one in each hand
  const zhCount = r.unknown.findIndex((w) => /^[双两]把?$/.test(w));
  if (r.held && head?.builder === "humanoid" && zhCount >= 0) {
    r.held.count = 2;
    r.unknown.splice(zhCount, 1);
  }
  if (!r.held && head?.builder === "humanoid" && r.holdAt >= 0) heldFromLongTail(r, head);
  // a derived look's own tool ("a fisherman" carries a rod)
  if (!r.held && head?.builder === "humanoid" && r.look?.held) {
    const item = SUBJECT_BY_ID.get(r.look.held);
    if (item) r.held = heldFor(item);
  }
  // a class's own item ("a merchant" carries a money bag) when nothing else is held
  if (!r.held && head?.builder === "humanoid" && r.role && ROLE_ITEMS[r.role]) {
    const item = SUBJECT_BY_ID.get(ROLE_ITEMS[r.role]!);
    if (item) r.held = heldFor(item);
  }
  // angels are holy, demons burn: the race brings its element unless the prompt names one
  if (r.race === "angel" && !r.materials.includes("holy")) r.materials.push("holy");
  for (const x of r.subjects) if (r.worn && x.sub.s.id === r.worn.id) usedAsSubject.add(x.i);
  for (const x of r.subjects)
    if (!usedAsSubject.has(x.i) && x !== undefined && !isModifierWord(x.m) && x.sub.s !== head)
      r.ignored.push(x.m.word);
}

// "with" also names what a body has ("a wizard with a beard"): never a thing in the hand
const BODY_WORD =
  /^(?:beard|moustache|mustache|hair|ponytail|braids?|scars?|tattoos?|freckles|smile|grin|beak|mane|fur|feathers|claws?|paws?|tails?|muscles|robes?|cloak|hood|mask|helmet|hat|cap|armou?r|boots|gloves)$/;

/**
 * A held thing only the long tail knows ("a ninja with a tomahawk", "a pirate with a
 * blunderbuss"): the game icon of that name goes in the character's hand, as a guess the
 * interpretation shows, rather than the word being dropped.
 */
function heldFromLongTail(r: Reading, head: Subject): void {
  const holdPos = r.mentions[r.holdAt]!.pos;
  // English words after the hold word, and the English of Chinese words read there (拿着鱼叉的骑士)
  const fromZh = r.readings
    .filter((x) => (x.pos ?? -1) > holdPos)
    .flatMap((x) => x.english.split(" "));
  const after = r.unknown.filter(
    (u) =>
      /^[a-z]+$/.test(u) &&
      !BODY_WORD.test(u) &&
      (r.text.indexOf(u, holdPos) > holdPos || fromZh.includes(u)),
  );
  if (!after.length) return;
  const game = findGameIcon(after.slice(0, 3), () => GAME_ICON_NAMES.split(/\s+/).filter(Boolean));
  if (!game || game.loose || !(game.exact || game.names.length === 1)) {
    // no icon of that name: a holdable subject of ours the lexicon's chain reaches ("scalpel" →
    // a knife → the dagger), else the kind of thing a chain node names ("lute" → an instrument)
    if (!heldFromLexicon(r, head, after.slice(0, 3), false))
      heldFromLexicon(r, head, after.slice(0, 3), true);
    return;
  }
  r.held = { id: game.word, icon: `${GAME_ICON_PREFIX}${game.names.join("|")}` };
  for (const w of game.word.split(" ")) {
    const at = r.unknown.indexOf(w);
    if (at >= 0) r.unknown.splice(at, 1);
  }
  const label = game.names[0]!.replace(/-/g, " ");
  r.guesses.push(
    `"${game.word}" is not in the engine's vocabulary; the ${head.id} holds the game icon named ${label}`,
  );
  r.guessesZh.push(`词表中没有“${game.word}”;${zhName(head)}拿着游戏图标 ${label}`);
}

const isHoldable = (id: string) => ITEM_CATEGORIES.has(SUBJECT_BY_ID.get(id)?.category ?? "");

/**
 * A held word the vocabulary lacks, read through the lexicon: the holdable subject its chain
 * reaches, or (`byKind`) the tool, weapon or instrument a chain node names. Said as a guess.
 */
function heldFromLexicon(r: Reading, head: Subject, words: string[], byKind: boolean): boolean {
  for (const w of words) {
    const e = lookupNoun(w);
    if (e?.category !== "artifact") continue;
    const h = byKind ? heldKind(e) : heldBase(e, isHoldable);
    const item = h && SUBJECT_BY_ID.get(h.id);
    if (!h || !item || !isHoldable(h.id)) continue;
    const held = heldFor(item);
    if (!held) continue;
    r.held = held;
    r.unknown.splice(r.unknown.indexOf(w), 1);
    const chain = e.chain.join(" → ");
    r.guesses.push(
      `"${w}" is not in the engine's vocabulary; WordNet: ${chain}, so the ${head.id} holds ${/^[aeiou]/.test(item.id) ? "an" : "a"} ${item.id}${h.via ? ` (the nearest ${h.via})` : ""}`,
    );
    r.guessesZh.push(
      `词表中没有“${w}”;WordNet:${chain},所以${zhName(head)}拿着${zhName(item)}${h.via ? `(最接近的 ${h.via})` : ""}`,
    );
    return true;
  }
  return false;
}

/**
 * A dictionary reading of a Chinese word that WordNet files under a kind of person the roles
 * table dresses (伯爵 → earl → a ruler): its lemma, so the word takes that look like its English
 * does, not the dictionary's plain person ("吸血鬼伯爵" was a vampire and an undrawn person).
 */
function dressedPersonReading(r: ChineseReading | undefined): string | undefined {
  const e = r?.lexicon ? lookupNoun(r.lexicon) : undefined;
  const rule = e ? personLook(e)?.rule : undefined;
  if (!r || !e || !rule) return undefined;
  // the dictionary's senses must agree on the kind: 酋长 is a "headman" (WordNet: an executioner)
  // and a "tribal chief", so it stays the plain person it was
  const kinds = new Set<string>();
  for (const c of glossCandidates(cedictEntries(r.word) ?? []).filter((x) => x.tier === 0)) {
    const other = lookupNoun(c.english);
    const k = other?.category === "person" ? personLook(other)?.rule : undefined;
    if (k) kinds.add(k);
  }
  return kinds.size <= 1 ? e.lemma : undefined;
}

/** Chinese words read as a kind of person the roles table dresses (a cache, as zhReadings). */
const dressedZh = new Set<string>();

/** The English noun of a Chinese word for a kind of person: the roles table's, else WordNet's. */
function zhPersonNoun(word: string): string | undefined {
  if (PEOPLE_ZH[word] !== undefined) return PEOPLE_ZH[word];
  return CJK.test(word) && word.length > 1
    ? dressedPersonReading(readChineseWord(word))
    : undefined;
}

const escapeRe = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * Phase 1b: an English word (or two) the vocabulary lacks that the lexicon files under "person"
 * ("medic", "sumo wrestler") becomes a character mention with a look read from what they are
 * (person-roles.ts), so it heads its phrase like any character: "a medic with a syringe" is the
 * medic holding it, not a syringe. Said as a guess, in both languages.
 */
function readLexiconPeople(r: Reading): void {
  // the segmenter may split a Chinese word for a person (相扑手 → 相扑 + 手): join the pieces
  const cjk = r.unknown.filter((u) => CJK.test(u)).join("");
  for (const k of [...Object.keys(PEOPLE_ZH), ...dressedZh])
    if (k.length > 1 && cjk.includes(k) && !r.unknown.includes(k) && r.text.includes(k)) {
      const parts = r.unknown.filter((u) => CJK.test(u) && k.includes(u));
      for (const x of parts) r.unknown.splice(r.unknown.indexOf(x), 1);
      r.unknown.push(k);
    }
  const words = r.unknown
    .filter((u) => /^[a-z][a-z'-]{2,}$/.test(u) || zhPersonNoun(u) !== undefined)
    .slice(0, 12);
  const person = SUBJECT_BY_ID.get("person")!;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const next = words[i + 1];
    const zh = zhPersonNoun(w);
    // the lexicon first (a map look-up), the word's place in the text only for a person
    const spans: [string, () => RegExpExecArray | null][] = zh
      ? [[w, () => new RegExp(escapeRe(w)).exec(r.text)]]
      : [
          [
            `${w} ${next}`,
            () =>
              next ? new RegExp(`\\b${escapeRe(w)}\\s+${escapeRe(next)}\\b`).exec(r.text) : null,
          ],
          [w, () => new RegExp(`\\b${escapeRe(w)}\\b`).exec(r.text)],
        ];
    for (const [phrase, place] of spans) {
      // a Chinese word for a kind of person is looked up as its English noun
      const e = lookupNoun(zh ?? phrase);
      if (e?.category !== "person") continue;
      const m = place();
      if (!m) continue;
      // "nurse shark": the word names something else with the noun after it
      const after = /^\s+([a-z]+)/.exec(r.text.slice(m.index + m[0].length))?.[1];
      if (after && lookupNoun(`${phrase} ${after}`)) continue;
      // "sea urchin": the word before it makes a noun that is no person
      const before = /([a-z]+)\s+$/.exec(r.text.slice(0, m.index))?.[1];
      const whole = before ? lookupNoun(`${before} ${phrase}`) : undefined;
      if (whole && whole.category !== "person") continue;
      const look = personLook(e, r.text);
      // no kind of ours, but the chain reached a class of the vocabulary (a miner is a smith)
      const cls = SUBJECT_BY_ID.get(e.base ?? "");
      const asClass = !look?.rule && cls?.builder === "humanoid" && cls.id !== "person";
      const s = asClass ? cls! : person;
      const mention: Mention = {
        lex: [{ t: "subject", s, weak: false }],
        word: phrase,
        pos: m.index,
        look: asClass ? undefined : look,
      };
      const at = r.mentions.findIndex((x) => x.pos > m.index);
      r.mentions.splice(at < 0 ? r.mentions.length : at, 0, mention);
      for (const x of phrase.split(" ")) r.unknown.splice(r.unknown.indexOf(x), 1);
      if (look?.cultureWord && r.unknown.includes(look.cultureWord))
        r.unknown.splice(r.unknown.indexOf(look.cultureWord), 1);
      const chain = [
        zh ? `${phrase} (${e.lemma})` : e.lemma,
        ...e.chain.filter((n) => n !== e.lemma),
      ].join(" → ");
      // worded like every WordNet reading (wordNetGuess), with the whole chain and the look
      const node = e.chain.at(-1)!;
      const kind = e.chain.length > 1 ? `a kind of ${node}` : withArticle(node);
      const kindZh = `${e.chain.length > 1 ? "一种" : ""}${node}`;
      const drew = asClass ? withArticle(s.id) : `${look!.kind} (${look!.drawn})`;
      const drewZh = asClass ? zhName(s) : `${look!.kindZh}(${look!.drawnZh})`;
      mention.note = [
        `"${phrase}" is not in the vocabulary; WordNet says it is ${kind} (${chain}), so drew ${drew}`,
        `词表中没有“${phrase}”;WordNet 说它是${kindZh}(${chain}),所以画了${drewZh}`,
      ];
      if (phrase.includes(" ")) i++;
      break;
    }
  }
}

/**
 * The colours and pattern a WordNet gloss names, when the prompt names none: for a noun read
 * through WordNet, and for an animal's vocabulary synonym of the same sense ("goldfish" is the
 * fish drawing, "small golden or orange-red" → orange). Only animals among synonyms: a food's or
 * a thing's gloss lists colours it may have ("red or yellow"), an animal's the one it has.
 */
function glossTraits(r: Reading): void {
  if (r.headAt === undefined || !r.head || r.icon) return;
  const word = r.mentions[r.headAt]!.word;
  let entry = r.wordnet.find((x) => x.word === word)?.entry;
  const ownWord = word === r.head.en[0] || word.replace(/ /g, "-") === r.head.id;
  if (!entry && r.head.category === "animal" && !ownWord && /^[a-z -]+$/.test(word)) {
    const e = lookupNoun(word);
    if (e?.base === r.head.id && !SUBJECT_DEFAULTS[r.head.id]?.color) entry = e;
  }
  // a Chinese synonym (金鱼 on the fish line): its English noun through CC-CEDICT, the same way
  let via = "";
  if (!entry && r.head.category === "animal" && CJK.test(word) && word !== r.head.zh[0]) {
    for (const c of glossCandidates(cedictEntries(word) ?? []).filter((x) => x.tier === 0)) {
      // the subject's own word in another script (狮 is "lion"): nothing to add, as in English
      if (c.english === r.head.en[0] || c.english === r.head.id) break;
      const e = lookupNoun(c.english);
      if (e?.base === r.head.id && !SUBJECT_DEFAULTS[r.head.id]?.color) {
        entry = e;
        via = ` (${c.english}, CC-CEDICT dictionary)`;
        break;
      }
    }
  }
  if (!entry) return;
  const colors = r.colors.length || r.materials.length ? [] : glossColors(entry.gloss);
  for (const hex of colors) r.colors.push({ p: 0, c: hexToRgb(hex) });
  r.pattern = glossPattern(entry.gloss);
  if (colors.length || r.pattern) {
    r.guesses.push(
      `colour and markings from WordNet's description of "${word}"${via}: ${entry.gloss}`,
    );
    r.guessesZh.push(`颜色和花纹取自 WordNet 对“${word}”的描述:${entry.gloss}`);
  }
}

/**
 * Phase 5: modifiers anywhere in the prompt (a subject word that is also a modifier counts as
 * one unless it was used as the subject), then the subject's own material and colour unless
 * the prompt names some.
 */
// The colour a surface word gives a worn thing ("a gold crown", "a leather cape"): its main ramp.
const WORN_SURFACE: Partial<Record<MaterialId, string>> = {
  gold: GAME_MATERIALS.gold.base,
  silver: "#dce0e8",
  iron: ARMOUR_STEEL,
  rusty: "#a8643c",
  wooden: GAME_MATERIALS.wood.base,
  stone: GAME_MATERIALS.stone.base,
  crystal: GAME_MATERIALS.crystal.base,
  ice: "#a8dcf0",
  leather: GAME_MATERIALS.leather.base,
  obsidian: "#2c2438",
  paper: GAME_MATERIALS.paper.base,
};

/**
 * True when modifier i is said of the worn thing: the next noun after it, with only modifiers
 * between ("wearing a tiny gold crown", 戴着红帽子的猫). eval-f: the gold went to the frog.
 */
function modifiesWorn(r: Reading, i: number): boolean {
  // a person draws its own clothes in its class's colours: only its cape and what it wears on
  // its head (the rig draws that too: costumes.ts wornHeadgear) take one
  if (
    !r.worn ||
    (r.head?.builder === "humanoid" && r.worn.id !== "cape" && !RIG_HEAD_WEAR.has(r.worn.id))
  )
    return false;
  for (let j = i + 1; j < r.mentions.length; j++) {
    const s = subjectOf(r.mentions[j]!);
    if (s) return s.s.id === r.worn.id;
    if (!r.mentions[j]!.lex.length) return false;
  }
  return false;
}

/** True when the mention after modifier i names the worn thing ("a tiny backpack"). */
function sizesWorn(r: Reading, i: number): boolean {
  const next = r.mentions[i + 1];
  return !!r.worn && !!next && subjectOf(next)?.s.id === r.worn.id;
}

/**
 * Whether a size or age word is part of the head's kind name: "giant panda" and 大熊猫 (read as
 * "giant panda") are the species, not a huge panda; "a giant rat" is a huge rat.
 */
function sizeNamesKind(r: Reading, m: Mention, i: number): boolean {
  if (!r.head || !m.lex.some((l) => l.t === "size" || l.t === "cute")) return false;
  if (namesKindOfHead(r, m, r.head)) return true;
  // a dictionary reading's words share the Chinese word's place in the prompt
  const reading = r.readings.find((x) => x.pos === m.pos);
  const hm = r.headAt !== undefined ? r.mentions[r.headAt] : undefined;
  return (
    !!reading &&
    hm?.pos === m.pos &&
    i !== r.headAt &&
    reading.english.includes(" ") &&
    lookupNoun(reading.english)?.base === r.head.id
  );
}

function readModifiers(r: Reading): void {
  r.mentions.forEach((m, i) => {
    if (r.usedAsSubject.has(i)) return;
    if (sizeNamesKind(r, m, i)) return;
    // a word that names a kind of the head is the kind, not a material: "an oak tree" is a
    // tree (eval-c drew wood-brown leaves), as "a maple tree" or "a willow tree"
    if (r.head && i !== r.headAt && subjectOf(m)?.s.id === r.head.id) return;
    // before a real animal's name these are its coat, not a statue of ice or gold: a snowy owl
    // is white, a golden retriever golden, a silver fox grey (eval-d: an ice-blue snowy owl)
    const coat = r.head?.category === "animal" ? COAT_COLORS[m.word.toLowerCase()] : undefined;
    if (coat) {
      r.colors.push({ p: m.pos, c: hexToRgb(coat) });
      return;
    }
    // snowy on a landscape, a plant or a building is snow lying on its top, not ice all over
    // (eval-d: a snowy mountain is a mountain with a white cap)
    if (m.word.toLowerCase() === "snowy" && SNOW_CAPPED.has(r.head?.category ?? "")) {
      r.snowCap = true;
      return;
    }
    const worn = r.worn && modifiesWorn(r, i) ? r.worn : undefined;
    for (const l of m.lex) {
      if (worn && (l.t === "color" || (l.t === "material" && WORN_SURFACE[l.id]))) {
        const hex = l.t === "color" ? l.hex : WORN_SURFACE[l.id]!;
        worn.tint ??= { hex, word: m.word };
      } else if (l.t === "material" && !r.materials.includes(l.id)) r.materials.push(l.id);
      else if (l.t === "color") r.colors.push({ p: m.pos, c: hexToRgb(l.hex) });
      // "wearing a tiny backpack": the size is the worn thing's, not the wearer's
      else if (l.t === "size" && r.worn && (sizesWorn(r, i) || worn))
        r.worn.size ??= sizeWordOf(l.size);
      else if (l.t === "size" && !r.sizeNamed) {
        r.size = l.size;
        r.sizeNamed = true;
        r.sizeWord = m.word;
      } else if (l.t === "cute") {
        r.cute = true;
        r.cuteWord ??= m.word;
      } else if (l.t === "shape") r.shape ??= { id: l.id, word: m.word };
      else if (l.t === "young") r.young = true;
      else if (l.t === "asleep") r.asleep = true;
      else if (l.t === "fat") r.fatWord ??= m.word;
      else if (l.t === "headless") r.headless = true;
    }
  });
  glossTraits(r);
  agedPerson(r);
  personWords(r);
  const defaults = r.head && !r.ownIcon ? SUBJECT_DEFAULTS[r.head.id] : undefined;
  // a material the prompt names draws the surface (a golem made of ice is ice-blue): the
  // subject's own colour is its own material's, and would be said over a drawing that lacks it
  const namedMaterial = r.materials.some(
    (m) => m !== "broken" && !defaults?.materials?.includes(m),
  );
  // …and a colour the prompt names is the surface too: a pink golem is pink, not grey stone
  if (defaults?.materials && !r.materials.length && !r.colors.length)
    r.materials.push(...defaults.materials);
  if (defaults?.color && !r.colors.length && !namedMaterial) {
    r.colors.push({ p: 0, c: hexToRgb(defaults.color) });
    if (defaults.accent) r.colors.push({ p: 1, c: hexToRgb(defaults.accent) });
  }
}

/** A game-icons name or a whole emoji label that is exactly this word or phrase (or its singular). */
function exactIconName(phrase: string, being = false): boolean {
  gameNames ??= new Set(GAME_ICON_NAMES.split(/\s+/).filter(Boolean));
  const own = phrase.replace(/ /g, "-");
  if ([own, ...singulars(own)].some((n) => gameNames!.has(n))) return true;
  // a compound written as one word ("anglerfish" → angler-fish)
  joinedNames ??= new Set([...gameNames].map((n) => n.replace(/-/g, "")));
  if (!own.includes("-") && joinedNames.has(own)) return true;
  // a being's head is a drawing of the same animal ("walrus-head"), nearer than its class
  if (being && gameNames.has(`${own}-head`)) return true;
  const c = findIconConcept([phrase]) ?? findIconConcept([`${phrase}s`]);
  if (c?.rank !== 0) return false;
  const label = c.label.toLowerCase();
  return label === phrase || singulars(label).includes(phrase) || singulars(phrase).includes(label);
}

/** A game-icons name that ends with the word ("park-bench" for bench): a kind of that thing. */
function iconEndingWith(word: string): boolean {
  gameNames ??= new Set(GAME_ICON_NAMES.split(/\s+/).filter(Boolean));
  if (word.length < 4) return false;
  iconLastParts ??= new Set(
    [...gameNames].filter((n) => n.includes("-")).map((n) => n.slice(n.lastIndexOf("-") + 1)),
  );
  return [word, ...singulars(word)].some((w) => iconLastParts!.has(w));
}

let iconLastParts: Set<string> | undefined;
let joinedNames: Set<string> | undefined;

/** A subject id with its article, as the interpretation says it ("an ice cream", "a dog"). */
function withArticle(words: string): string {
  return `${/^[aeiou]/.test(words) ? "an" : "a"} ${words}`;
}

/** The guess a WordNet reading adds, in English and Chinese. */
function wordNetGuess(
  r: Reading,
  word: string,
  e: LexiconEntry,
  drew: string,
  drewZh: string,
  node = e.chain.at(-1)!,
): void {
  const kind = e.chain.length > 1 ? `a kind of ${node}` : withArticle(node);
  r.guesses.push(`"${word}" is not in the vocabulary; WordNet says it is ${kind}, so drew ${drew}`);
  r.guessesZh.push(
    `词表中没有“${word}”;WordNet 说它是${e.chain.length > 1 ? "一种" : ""}${node},所以画了${drewZh}`,
  );
}

/**
 * Phase 1b: nouns the vocabulary lacks but WordNet knows (lexicon.ts) become the vocabulary
 * subject their hypernym chain reaches — "dachshund" a dog, "guinea pig" a rodent drawn as a
 * mouse, "sea lion" a seal — so they take part in the parse like any subject (worn, held,
 * ridden). Phrases of up to three words first; a phrase whose words are all known is read only
 * when WordNet makes it another thing than its last word ("sea lion" is no lion). An exact
 * game-icons or emoji name is left to the long tail, which draws that icon; an entry whose chain
 * reaches nothing drawable is kept for the long tail's icon search. Every reading is a guess the
 * interpretation shows.
 */
function readWordNet(r: Reading): void {
  const words = [...r.text.matchAll(/[a-z]+(?:['-][a-z]+)*/g)]
    .slice(0, 60)
    .map((m) => ({ w: m[0], pos: m.index }));
  const L = lex();
  const unknown = new Set(r.unknown.slice(0, 40));
  for (let i = 0; i < words.length; i++) {
    for (let n = Math.min(3, words.length - i); n >= 1; n--) {
      const span = words.slice(i, i + n);
      const phrase = span.map((x) => x.w).join(" ");
      const anyUnknown = span.some((x) => unknown.has(x.w));
      if (n === 1 && !anyUnknown) continue;
      if (n > 1 && (L.en.has(phrase) || span.some((x) => isFunctionWord(x.w)))) continue;
      const e = lookupNoun(phrase);
      if (!e) continue;
      const s = e.base ? SUBJECT_BY_ID.get(e.base) : undefined;
      if (!anyUnknown) {
        // all words known: only a different animal than the last word names ("sea lion"), and
        // not after a modifier ("green dragon" is a green dragon, not WordNet's herb)
        const lastSubject = L.en.get(span[n - 1]!.w)?.find((l) => l.t === "subject");
        if (!s || lastSubject?.t !== "subject" || lastSubject.s.id === s.id) continue;
        // animals only: a "cherry tree" is a tree with cherries, not WordNet's fruit
        if (e.category !== "animal") continue;
        const modifier = (w: string) =>
          L.en.get(w)?.some((l) => l.t !== "subject" && l.t !== "filler") ?? false;
        if (span.slice(0, -1).some((x) => modifier(x.w))) continue;
      }
      const being = BEING_LEXICON.has(e.category);
      const allUnknown = span.every((x) => unknown.has(x.w));
      const next = words[i + n];
      // a thing's word before it makes a compound, head last ("hay bale", "wheat sheaf"): the
      // compound phases name its icon or say the first word qualifies it, as before WordNet
      const before = words[i - 1];
      if (n === 1 && before && !being && isThingWord(before.w)) break;
      if (n > 1 && !allUnknown && !being && isThingWord(span[0]!.w)) continue;
      // a word more often an adjective qualifies the noun after it ("a royal crown")
      if (e.adjective && next && !isFunctionWord(next.w)) break;
      // an icon of the same thing draws that icon (an exact name, a being's head, a name that ends
      // with the word: "park-bench", "round-silo") — unless a being is in a composition (worn,
      // held, ridden), which needs a subject of the parse: then its drawable ancestor. A person
      // keeps the person drawing rather than a name ending with the word ("mad-scientist"). A phrase
      // with a known word is the phrase phases' (namedGameIcon, compoundHead) to draw.
      if (
        (n > 1 || allUnknown) &&
        (exactIconName(phrase, being && allUnknown) ||
          (n === 1 && e.category !== "person" && iconEndingWith(phrase))) &&
        !(s && being && composed(r, span))
      ) {
        i += n - 1;
        break;
      }
      // an icon of a node nearer than the drawable subject: the long tail draws it, or the
      // phrase phases when a word of it is known
      if (s && !(being && composed(r, span)) && nearerIcon(e)) {
        if (allUnknown) r.wordnet.push({ word: phrase, entry: e });
        i += n - 1;
        break;
      }
      if (!s) {
        if (anyUnknown) r.wordnet.push({ word: phrase, entry: e });
        // a phrase WordNet knows claims its words ("sea urchin": "urchin" is not read alone)
        i += n - 1;
        break;
      }
      const start = span[0]!.pos;
      const end = span[n - 1]!.pos + span[n - 1]!.w.length;
      r.mentions = r.mentions.filter((m) => m.pos + m.word.length <= start || m.pos >= end);
      r.mentions.push({ lex: [{ t: "subject", s, weak: false }], word: phrase, pos: start });
      r.mentions.sort((a, b) => a.pos - b.pos);
      for (const x of span) {
        const at = r.unknown.indexOf(x.w);
        if (at >= 0) r.unknown.splice(at, 1);
      }
      r.wordnet.push({ word: phrase, entry: e, subject: s });
      i += n - 1;
      break;
    }
  }
}

/**
 * Phase 4d: what each WordNet reading became — the drawing ("so drew a dog"), the held thing, or
 * only a word of the parse ("a chinchilla in a spacesuit": the mouse lends its colours).
 */
/**
 * A person's look names the tool of their trade ("a fishing rod"); a thing the prompt puts in
 * their hand is drawn instead (eval-e's fisherman holding a lantern drew no rod), so the line
 * stops naming the tool.
 */
function heldOverTool(r: Reading): void {
  const look = r.look;
  if (!r.held || !look?.toolDrawn || r.held.id === look.held) return;
  const cut = (g: string, tool: string, sep: string, alone: string) =>
    g.includes(`${sep}${tool}`)
      ? g.replace(`${sep}${tool}`, "")
      : g.includes(`${tool}${sep}`)
        ? g.replace(`${tool}${sep}`, "")
        : g.replace(tool, alone);
  r.guesses = r.guesses.map((g) => cut(g, look.toolDrawn!, "; ", "a person"));
  if (look.toolDrawnZh)
    r.guessesZh = r.guessesZh.map((g) => cut(g, look.toolDrawnZh!, ";", "一个人"));
}

function wordNetGuesses(r: Reading): void {
  const headWord = r.headAt !== undefined && !r.icon ? r.mentions[r.headAt]!.word : undefined;
  for (const x of r.wordnet) {
    const s = x.subject;
    if (!s) continue;
    const name = withArticle(s.id.replace(/-/g, " "));
    if (x.word === headWord || r.held?.id === s.id || r.worn?.id === s.id)
      wordNetGuess(r, x.word, x.entry, name, zhName(s));
    else {
      const node = x.entry.chain.at(-1)!;
      r.guesses.push(
        `"${x.word}" is not in the vocabulary; WordNet says it is a kind of ${node}, read as ${name}`,
      );
      r.guessesZh.push(`词表中没有“${x.word}”;WordNet 说它是一种${node},读作${zhName(s)}`);
    }
  }
}

const BEING_LEXICON = new Set(["animal", "person", "imaginary being"]);

/** A vocabulary word for a thing (not a being and not a modifier). */
function isThingWord(w: string): boolean {
  const l = lex().en.get(w);
  return (
    !!l?.some((x) => x.t === "subject" && !x.weak && !BEING_CATEGORIES.has(x.s.category)) &&
    !l.some((x) => x.t === "material" || x.t === "color" || x.t === "size")
  );
}

/** Whether a prompt composes more than its words at `span` (other subjects, with, wearing …). */
function composed(r: Reading, span: { w: string; pos: number }[]): boolean {
  const start = span[0]!.pos;
  const end = span.at(-1)!.pos + span.at(-1)!.w.length;
  return (
    r.mentions.some(
      (m) =>
        (m.pos < start || m.pos >= end) && m.lex.some((l) => l.t === "subject" || l.t === "hold"),
    ) || /\b(?:wearing|wears|in|riding|on|holding)\b/.test(r.text)
  );
}

/** Words that join phrases rather than name things: never part of a WordNet phrase. */
function isFunctionWord(w: string): boolean {
  return (
    lex()
      .en.get(w)
      ?.some((l) => l.t === "hold" || l.t === "and" || l.t === "filler") ?? false
  );
}

/** A word inside a longer phrase WordNet read ("pin" in "rolling pin"): its own icon is another thing. */
function insideWordNetPhrase(r: Reading, w: string): boolean {
  // unless the phrase is a kind of that word ("frying pan" → pan): then its icon is the same thing
  return r.wordnet.some(
    (x) => x.word !== w && x.word.split(" ").includes(w) && !x.entry.chain.includes(w),
  );
}

/** Whether WordNet knows an unknown word, alone or as part of a phrase it read. */
function wordNetKnows(r: Reading, w: string): boolean {
  return r.wordnet.some((x) => x.word.split(" ").includes(w)) || lookupNoun(w) !== undefined;
}

/** The icon of the nearest ancestor WordNet names, for a word whose chain reaches no subject. */
function wordNetIcon(r: Reading): boolean {
  for (const x of r.wordnet) {
    if (x.subject) continue;
    const found = nearerIcon(x.entry);
    if (!found) continue;
    r.icon = found.icon;
    const node = found.node;
    wordNetGuess(r, x.word, x.entry, `the icon of ${withArticle(node)}`, `${node}的图标`, node);
    for (const w of x.word.split(" ")) {
      const at = r.unknown.indexOf(w);
      if (at >= 0) r.unknown.splice(at, 1);
    }
    return true;
  }
  return false;
}

/**
 * The icon of the nearest chain node with an exact game-icons or emoji name, below the drawable
 * subject the chain ends at (a bazooka → the missile launcher's icon). The next three ancestors
 * at most: "device" or "artifact" would draw anything. (Names that only end with a node were
 * tried and drew a film strip for a bracelet: a node's word is too general for that.)
 */
function nearerIcon(e: LexiconEntry): { icon: string; node: string } | undefined {
  gameNames ??= new Set(GAME_ICON_NAMES.split(/\s+/).filter(Boolean));
  const names = gameNames;
  const nodes = e.base ? e.chain.slice(1, -1) : e.chain.slice(1, 4);
  for (const node of nodes.slice(0, 3)) {
    const own = node.replace(/ /g, "-");
    if (exactIconName(node)) {
      const name = [own, ...singulars(own)].find((n) => names.has(n));
      return { icon: name ? `${GAME_ICON_PREFIX}${name}` : findIconConcept([node])!.icon, node };
    }
  }
  return undefined;
}

/** A borrowed drawing of a word WordNet knows takes the gloss's colours unless some are named. */
function glossColorsFor(r: Reading, word: string): void {
  const e = lookupNoun(word);
  if (!e || r.colors.length || r.materials.length) return;
  const colors = glossColors(e.gloss);
  for (const hex of colors) r.colors.push({ p: 0, c: hexToRgb(hex) });
  if (colors.length) {
    r.guesses.push(`colour from WordNet's description of "${word}": ${e.gloss}`);
    r.guessesZh.push(`颜色取自 WordNet 对“${word}”的描述:${e.gloss}`);
  }
}

/**
 * Phase 6, only when the vocabulary names nothing: the borrowed icon libraries, then spelling,
 * compounds and word shape. Every result is a guess the interpretation shows.
 */
function searchLongTail(r: Reading): void {
  const { unknown, guesses, guessesZh } = r;
  // an emoji whose whole label is the word beats a game icon; a game icon named by the word
  // beats an emoji that only lists it as a tag ("spring" is not a honeybee)
  let concept = findIconConcept(unknown);
  let game = findGameIcon(unknown, () => GAME_ICON_NAMES.split(/\s+/).filter(Boolean));
  // a word inside a longer WordNet phrase is not that phrase ("pin" in "rolling pin")
  if (game && insideWordNetPhrase(r, game.word)) game = undefined;
  if (concept && insideWordNetPhrase(r, concept.word)) concept = undefined;
  // the exact name of a game icon or an emoji first; then the icon of an ancestor WordNet names
  // ("typewriter" → a printer); then icons that only share a word or a tag with it
  const exactGame = game?.exact === true;
  const exactConcept = concept?.rank === 0;
  const ancestor = !exactGame && !exactConcept && wordNetIcon(r);
  // a name that only starts with the word ("crow-dive") loses to any emoji concept
  if (
    !ancestor &&
    game &&
    (!concept || (!game.loose && (concept.rank > 0 || (game.exact && game.word.includes(" ")))))
  ) {
    r.icon = `${GAME_ICON_PREFIX}${game.names.join("|")}`;
    guesses.push(
      `"${game.word}" is not in the engine's vocabulary; drew the game icon named ${game.names[0]!.replace(/-/g, " ")}`,
    );
    guessesZh.push(`词表中没有“${game.word}”;画了同名的游戏图标 ${game.names[0]}`);
    for (const w of game.word.split(" ")) {
      const at = unknown.indexOf(w);
      if (at >= 0) unknown.splice(at, 1);
    }
    if (game.exact) glossColorsFor(r, game.word);
  } else if (!ancestor && concept) {
    r.icon = concept.icon;
    // the word itself names the icon: say it was drawn from borrowed art, not that it was unknown
    const same = concept.label.toLowerCase() === concept.word.toLowerCase();
    guesses.push(
      same
        ? `"${concept.word}" has no drawing of the engine's own; drew the illustrated icon “${concept.label}”`
        : `"${concept.word}" is not in the engine's vocabulary; drew the closest illustrated concept, ${concept.label}`,
    );
    guessesZh.push(
      same
        ? `引擎没有自己的“${concept.word}”画法;画了插图图标“${concept.label}”`
        : `词表中没有“${concept.word}”;画了最接近的插图概念:${concept.label}`,
    );
    unknown.splice(unknown.indexOf(concept.word), 1);
    if (exactConcept) glossColorsFor(r, concept.word);
  } else if (ancestor) {
    // an ancestor's drawing ("typewriter" → the printer's icon)
  } else if (r.wordnet.some((x) => !x.subject)) {
    // WordNet knows the word but nothing on its chain is drawable: say so, guess no further
    const { word, entry } = r.wordnet.find((x) => !x.subject)!;
    const node = entry.chain.at(-1)!;
    guesses.push(
      `"${word}" is not in the vocabulary; WordNet says it is a kind of ${entry.chain[1] ?? node}, which the engine cannot draw`,
    );
    guessesZh.push(`词表中没有“${word}”;WordNet 说它是一种${entry.chain[1] ?? node},引擎画不出来`);
  } else {
    // spelling: the first words only, like the icon searches (a long nonsense prompt would
    // otherwise compare hundreds of words with the whole lexicon)
    for (const w of unknown.slice(0, 40)) {
      if (wordNetKnows(r, w)) continue;
      const f = fuzzySubject(w);
      if (f) {
        r.head = f.s;
        guesses.push(`read "${w}" as "${f.key}"`);
        guessesZh.push(`把“${w}”读作“${f.key}”`);
        unknown.splice(unknown.indexOf(w), 1);
        break;
      }
    }
    if (!r.head) {
      const c = compoundSubject(unknown.slice(0, 40).filter((w) => !wordNetKnows(r, w)));
      if (c) {
        r.head = c.s;
        guesses.push(`"${c.word}" is not in the vocabulary; drew it as a kind of ${c.tail}`);
        guessesZh.push(`词表中没有“${c.word}”;画成一种${zhName(c.s)}`);
        unknown.splice(unknown.indexOf(c.word), 1);
      }
    }
    if (!r.head) {
      const w = unknown.find(
        (u) => PERSON_SUFFIX.test(u) && u.length >= 5 && !/\d/.test(u) && !wordNetKnows(r, u),
      );
      if (w) {
        r.head = SUBJECT_BY_ID.get("person")!;
        guesses.push(`"${w}" is not in the vocabulary; it reads like a person, so drew a person`);
        guessesZh.push(`词表中没有“${w}”;看起来像一个人,所以画了一个人`);
      }
    }
  }
  if (r.head?.builder === "humanoid") setRoleOrRace(r, r.head);
}

/** Phase 7: what is drawn (kind, variant, builder, subject id) and the finished info. */
function assemble(r: Reading): PromptInfo {
  const { head, role, phrases, ignored } = r;
  let icon = r.icon;
  let nothingMatched = false;
  let kind: SubjectKind;
  let variant: string;
  let builder: Builder;
  let subject: string;
  if (icon) {
    kind = "icon";
    variant = icon;
    builder = "icon";
    subject = isGameIconRef(icon) ? parseGameRef(icon).names[0]! : icon;
  } else if (head) {
    ({ kind, variant } = BUILDERS[head.builder].read(head));
    builder = head.builder;
    subject = head.id;
    if (head.builder === "icon") icon = head.ref;
  } else {
    nothingMatched = true;
    kind = "monster";
    variant = "monster";
    builder = "monster";
    subject = "unknown";
  }
  if (kind === "humanoid") variant = role ?? "person";
  // "a chest with teeth" is a mimic; features no builder draws are reported, not dropped
  if (kind === "item" && variant === "chest" && phrases.features.includes("teeth")) {
    variant = "mimic";
    subject = "mimic";
  }
  // anything alive (a rig, or a borrowed drawing of an animal or creature) takes extra parts
  // (sea life too: a winged fish, a horned shark; it only wears no drawn face wear)
  const alive =
    BEING_KINDS.has(kind) ||
    kind === "sea" ||
    (kind === "icon" && (!head || BEINGS.has(head.category)) && !nothingMatched);
  const drawsFeature = (f: string) =>
    (alive && (f.endsWith("wings") || f === "horns" || f === "scorpion tail")) ||
    (alive && isFolkPart(f)) ||
    ((f === "snake body" || f === "fish body") && kind === "humanoid") ||
    (f === "teeth" && variant === "mimic") ||
    (f === "wings" && kind === "dragon") ||
    (f === "fire breath" && kind === "dragon") ||
    (f === "eyes" && (variant === "mimic" || subject === "beholder")) ||
    objectFeatures([f], builder, subject, variant, icon).length > 0;
  for (const f of phrases.features) if (!drawsFeature(f)) ignored.push(`with ${f}`);
  if (phrases.heads && !alive) ignored.push(`${phrases.heads} heads`);
  const hoard = kind === "item" && (variant === "chest" || variant === "mimic");
  // "一碗米饭" (a bowl of rice) drew the rice itself: its contents are the drawing, not a filling
  const contents =
    head && phrases.contents && (phrases.contents === head.id || head.en.includes(phrases.contents))
      ? undefined
      : phrases.contents;
  if (
    contents &&
    !(hoard && (contents === "gold" || contents === "gems")) &&
    !contentsOverlay(contents, builder, subject, variant, icon)
  )
    ignored.push(`full of ${contents}`);
  // colours lent by a qualifying noun ("mushroom house", "apple pie") come after named ones
  const named = r.colors.sort((a, b) => a.p - b.p).map((c) => c.c);
  // a fruit baked into a food shows its inside, not its skin: an apple pie is a golden crust
  // (eval-d: a red apple pie read as cherry); on a tree or a house the fruit lends its skin
  const inside = r.theme && head?.category === "food" ? FLESH[r.theme.id] : undefined;
  const lentColors = inside ? inside.map(hexToRgb) : r.theme ? themeColors(r.theme) : [];
  if (r.madeOfSaid) {
    const coloured = !named.length && lentColors.length > 0 && r.theme === r.madeOfSaid.s;
    const [en, zh] = madeOfNote(...r.madeOfSaid.words, coloured);
    r.guesses.push(en);
    r.guessesZh.push(zh);
  }
  const materials = r.materials;
  // a ghostly or clockwork anything: the form's surface (haunted, iron) unless one is named
  const formMaterial = phrases.form ? FORMS[phrases.form]?.material : undefined;
  if (alive && formMaterial && !r.form && !materials.includes(formMaterial))
    materials.push(formMaterial);
  return {
    kind,
    variant,
    subject,
    builder,
    role: kind === "humanoid" ? (role ?? "person") : undefined,
    look: kind === "humanoid" ? r.look?.spec : undefined,
    // an adjective's form ("an undead knight"): a creature takes the form, a person the race
    race:
      kind === "humanoid"
        ? (r.race ??
          (phrases.form && phrases.form !== "ghost" && !r.role?.match(/^(skeleton|robot)$/)
            ? phrases.form
            : undefined))
        : undefined,
    // a ghostly person is a ghost that fades below the waist (a banshee), still a person
    form:
      r.form ??
      (alive && (kind !== "humanoid" || phrases.form === "ghost") ? phrases.form : undefined),
    held: r.held,
    fur: kind === "humanoid" ? furColor(r) : undefined,
    icon,
    tile: kind === "tile" ? (r.theme?.builder === "tile" ? r.theme.ref : variant) : undefined,
    colors: named.length ? named : lentColors,
    materials,
    metal: materials.some((m) => m === "gold" || m === "silver" || m === "iron"),
    // a dragon's head, wings and tail need 24 cells at least: a tiny one on 16 was a blob (eval-e)
    size: Math.max(
      kind === "dragon" && variant !== "eastern" ? 24 : 16,
      Math.min(64, Math.round(r.size / 8) * 8),
    ),
    sizeNamed: r.sizeNamed,
    cute: r.cute,
    aged: r.aged,
    person: r.person,
    element: materials.includes("fire") ? "fire" : materials.includes("ice") ? "ice" : undefined,
    text: r.text,
    unknown: [...new Set(r.unknown)].slice(0, 40),
    typedAs: typedWords(r),
    ignored: [...new Set(ignored)],
    guesses: r.guesses,
    guessesZh: r.guessesZh,
    lent: r.lent,
    nothingMatched,
    contents,
    features: phrases.features,
    worn: head || icon ? r.worn : undefined,
    heads: alive && phrases.heads ? phrases.heads : undefined,
    pattern: r.pattern,
  };
}

/** English the parse read for words typed in Chinese: a reading's English, a measure word's container. */
function typedWords(r: Reading): Record<string, string> | undefined {
  const out: Record<string, string> = Object.fromEntries(r.typedAs);
  for (const w of r.unknown) {
    const zh = containerTyped(w, r.typed);
    if (zh) out[w] ??= zh;
  }
  return Object.keys(out).length ? out : undefined;
}

/** The colour named right before an animal-folk race word ("a black jackal warrior"): its fur. */
function furColor(r: Reading): Rgb | undefined {
  const at = r.beastAt;
  if (at === undefined || !r.race?.startsWith("beast:")) return undefined;
  return r.colors.find((c) => c.p < at && /^[^\s]+\s+$/.test(r.text.slice(c.p, at)))?.c;
}

let gameNames: Set<string> | undefined;

/** Builders that draw the thing themselves (and theme it): a phrase's icon never replaces them. */
const RIGS = new Set<Builder>([
  "humanoid",
  "animal",
  "dragon",
  "blob",
  "monster",
  "tile",
  "item",
  "scenery",
]);

/**
 * Phase 2b: two adjacent nouns that together are a game-icons name ("honey jar", "pirate flag")
 * name that drawing, rather than the last noun's everyday one (a vase, a plain flag) — unless
 * the first word is a modifier ("wooden sign" is a sign, made of wood) or the last noun has a
 * rig of its own. Shown as a guess, like every borrowed long-tail drawing.
 */
function namedGameIcon(r: Reading): void {
  gameNames ??= new Set(GAME_ICON_NAMES.split(/\s+/).filter(Boolean));
  const ms = r.mentions;
  for (let i = 0; i + 1 < ms.length; i++) {
    const a = ms[i]!;
    const b = ms[i + 1]!;
    if (!/^[a-z]+$/.test(a.word) || !/^[a-z]+$/.test(b.word)) continue;
    if (!a.lex.some((l) => l.t === "subject") || isModifierWord(a)) continue;
    const sb = subjectOf(b);
    if (!sb || RIGS.has(sb.s.builder)) continue;
    const name = [`${a.word}-${b.word}`, `${a.word}-${b.word}s`].find((n) => gameNames!.has(n));
    if (!name) continue;
    r.icon = `${GAME_ICON_PREFIX}${name}`;
    r.usedAsSubject.add(i).add(i + 1);
    r.pool = r.pool.filter((x) => x.i !== i && x.i !== i + 1);
    r.subjects = r.subjects.filter((x) => x.i !== i && x.i !== i + 1);
    const label = name.replace(/-/g, " ");
    r.guesses.push(`"${a.word} ${b.word}" names the game icon ${label}; drew it`);
    r.guessesZh.push(`“${a.word} ${b.word}”是游戏图标 ${label} 的名字;画了它`);
    return;
  }
}

/**
 * Phase 4b: a stand-in word (`≈` in the vocabulary: "flail" is drawn as a mace) draws the game
 * icon of its own name when one exists — as the subject, or in a hand — and otherwise the nearest
 * subject with a note, so a different thing is never drawn silently. A character keeps its rig.
 */
function standIns(r: Reading): void {
  gameNames ??= new Set(GAME_ICON_NAMES.split(/\s+/).filter(Boolean));
  const names = gameNames;
  for (const x of r.subjects) {
    const s = x.sub.s;
    if (!r.usedAsSubject.has(x.i) || !s.standIn.includes(x.m.word)) continue;
    const own = x.m.word.replace(/ /g, "-");
    const name = [own, ...singulars(own)].find((n) => names.has(n));
    const isHead = s === r.head && !r.icon;
    if (name && isHead && s.builder !== "humanoid") {
      r.icon = `${GAME_ICON_PREFIX}${name}`;
      r.ownIcon = true;
      r.guesses.push(
        `"${x.m.word}" is not in the engine's vocabulary; drew the game icon named ${name.replace(/-/g, " ")}`,
      );
      r.guessesZh.push(`词表中没有“${x.m.word}”;画了同名的游戏图标 ${name}`);
    } else if (name && r.held?.id === s.id) {
      r.held = { id: x.m.word, icon: `${GAME_ICON_PREFIX}${name}`, count: r.held.count };
    } else if (isHead || r.held?.id === s.id) {
      r.guesses.push(`"${x.m.word}" is drawn as the nearest subject the engine knows, ${s.id}`);
      r.guessesZh.push(`“${x.m.word}”画成了引擎认识的最接近的东西:${zhName(s)}`);
    }
  }
}

const WEARER_RE =
  /\b([a-z]+)\s+(?:wearing|wears|dressed in|in|with|holding)\s+(?:an?\s+|the\s+)?(?:[a-z]+\s+)?$/;
// words shaped like adjectives ("fluffy", "rusted", "glowing"): they qualify, not rename
const ADJECTIVE_SHAPE = /(?:y|ful|ous|ish|ic|al|ed|less|ive|ing|est)$/;

/**
 * Words for what a subject's drawing already shows: the deer emoji has antlers, the pizza and
 * cake emoji are slices. Such a word was drawn, so it is understood (eval-c said "not
 * understood: antlers" under a deer with antlers).
 */
const DRAWN_PARTS: Record<string, readonly string[]> = {
  deer: ["antler", "antlers"],
  pizza: ["slice", "slices", "piece"],
  cake: ["slice", "slices", "piece"],
  watermelon: ["slice", "slices", "piece"],
  cheese: ["slice", "slices", "piece", "wedge"],
  // eval-g: every monk take is shaven, the bomb's fuse burns, the rice emoji is a bowl, and the
  // candle, torch and lantern drawings all carry their flame
  monk: ["bald", "shaven", "shaved"],
  bomb: ["lit", "fuse", "burning"],
  rice: ["bowl"],
  candle: ["lit"],
  torch: ["lit"],
  lantern: ["lit"],
};

/** Forms a food comes in ("a cheese wheel", "a butter block"): its drawing has one form only. */
const FOOD_FORMS =
  /^(?:wheel|wheels|block|blocks|bar|bars|stick|sticks|ball|balls|cube|cubes|chunk|chunks|round|platter|plate|board|loaf|loaves)$/;

/**
 * Phase 4b: the words of what the head's drawing shows are no longer "not understood"; a food's
 * form word right after it is named, not drawn (the cheese is its wedge, not a wheel).
 */
function drawnParts(r: Reading): void {
  const parts = r.head && DRAWN_PARTS[r.head.id];
  if (parts) r.unknown = r.unknown.filter((w) => !parts.includes(w));
  const hm = r.headAt !== undefined ? r.mentions[r.headAt] : undefined;
  if (!hm || r.head?.category !== "food") return;
  const after = /^\s+([a-z]+)\b/.exec(r.text.slice(hm.pos + hm.word.length))?.[1];
  // "a wheel of cheese" (readPhrases made the "of" an "and")
  const before = new RegExp(`\\b([a-z]+)\\s+of\\s+${escapeRe(hm.word)}\\b`).exec(r.typed)?.[1];
  for (const w of [after, before]) {
    const at = w && FOOD_FORMS.test(w) ? r.unknown.indexOf(w) : -1;
    if (at >= 0) r.ignored.push(...r.unknown.splice(at, 1));
  }
}

/**
 * Phase 4c: an English word the engine does not know, right next to the noun it drew, may make
 * that noun another thing ("guinea pig", "hot spring") or be the real subject ("a chinchilla in
 * a spacesuit"). Drawing the noun alone is then a guess, and the interpretation says so.
 */
function unknownNeighbours(r: Reading): void {
  if (r.headAt === undefined || !r.head || r.icon) return;
  const m = r.mentions[r.headAt]!;
  const before = r.text.slice(0, m.pos);
  const wearer = WEARER_RE.exec(before)?.[1];
  if (wearer && r.unknown.includes(wearer) && !ADJECTIVE_SHAPE.test(wearer)) {
    r.guesses.push(`"${wearer}" was not understood: drew only the ${r.head.id}`);
    r.guessesZh.push(`没有理解“${wearer}”:只画了${zhName(r.head)}`);
    return;
  }
  const q = /\b([a-z]+)\s+$/.exec(before)?.[1];
  // a person's sex, age or mood word is drawn on the person (personWords), not another noun
  // (and a being's mood word is drawn on it: sizeAndCount)
  const personWord =
    (r.head.builder === "humanoid" && q && readPersonWords(q)) ||
    (BEINGS.has(r.head.category) && q && readMood(q));
  if (q && r.unknown.includes(q) && !ADJECTIVE_SHAPE.test(q) && !personWord) {
    r.guesses.push(
      `"${q} ${m.word}" may name something else: "${q}" was not understood, so drew a plain ${r.head.id}`,
    );
    r.guessesZh.push(
      `“${q} ${m.word}”可能是别的东西:没有理解“${q}”,所以画了普通的${zhName(r.head)}`,
    );
  }
}

const BEING_CATEGORIES = new Set(["character", "race", "animal", "creature"]);

/**
 * Phase 3b, things only: English compounds put the head last. A thing's word followed by a
 * word the vocabulary does not know ("rocket launcher", "satellite dish") names that word's
 * thing, and an unknown word next to a thing's word may be the other half of an icon's name
 * ("half heart", "round shield"). Either draws a game icon, as a guess the interpretation shows.
 * Beings are left alone: "goblin chieftain" is a goblin of a rank, not a chieftain icon.
 */
function compoundHead(r: Reading): void {
  if (r.icon) return;
  gameNames ??= new Set(GAME_ICON_NAMES.split(/\s+/).filter(Boolean));
  const names = gameNames;
  for (let i = 0; i < r.mentions.length; i++) {
    const m = r.mentions[i]!;
    const s = subjectOf(m);
    if (!s || isModifierWord(m) || !/^[a-z]+$/.test(m.word)) continue;
    if (BEING_CATEGORIES.has(s.s.category)) continue;
    // the words right after and right before the thing's word, when the vocabulary lacks them
    const after = /^\s+([a-z]+)\b/.exec(r.text.slice(m.pos + m.word.length))?.[1];
    const before = /\b([a-z]+)\s+$/.exec(r.text.slice(0, m.pos))?.[1];
    let found: { names: string[]; a: string; b: string; other: string } | undefined;
    for (const [a, b, other] of [
      [m.word, after, after],
      [before, m.word, before],
    ] as const) {
      if (!a || !b || !other || !r.unknown.includes(other)) continue;
      const exact = [`${a}-${b}`, `${a}-${b}s`].filter((n) => names.has(n));
      if (exact.length) found = { names: exact, a, b, other };
      else if (other === after && after.length >= 4) {
        // the unknown word is the head: an icon named by it ("launcher" → missile-launcher),
        // when the name is specific (a "wheel" names car, ship and spinning wheels: no guess)
        const g = findGameIcon([after], () => [...names]);
        if (g && !g.loose && (g.exact || g.names.length === 1))
          found = { names: g.names, a, b, other };
      }
      if (found) break;
    }
    if (!found) continue;
    r.icon = `${GAME_ICON_PREFIX}${found.names.join("|")}`;
    r.usedAsSubject.add(i);
    r.pool = r.pool.filter((x) => x.i !== i);
    r.subjects = r.subjects.filter((x) => x.i !== i);
    r.unknown.splice(r.unknown.indexOf(found.other), 1);
    const phrase = `${found.a} ${found.b}`;
    const label = found.names[0]!.replace(/-/g, " ");
    r.guesses.push(
      `"${phrase}" is not in the engine's vocabulary; drew the game icon named ${label}`,
    );
    r.guessesZh.push(`词表中没有“${phrase}”;画了游戏图标 ${label}`);
    return;
  }
}

/**
 * A rider on a mount: "X riding Y", "X on (the back of) Y", "X mounted on Y", 骑着Y的X, X骑着Y.
 * Only when X is a character or an animal and Y an animal, a dragon or a monster (a cat on a
 * cushion is a cat); the mount is the subject and carries the rider.
 */
const RIDE_EN =
  /^(.+?)\s+(?:riding|rides|ridden by|mounted on|astride|on top of|on the back of|on)\s+(.+)$/;
const RIDE_ZH = [
  /^(?:一个|一位|一名)?骑(?:着|在)?(.+?)(?:上)?的(.+)$/,
  // 女巫骑扫帚 rides without 着; 骑士, 骑兵 and 骑手 are riders, not riding
  /^(.+?)骑(?:着|在)?(?![士兵手])(.+?)(?:上)?$/,
];
const MOUNTS = new Set<SubjectKind>(["animal", "dragon", "monster", "insect", "icon"]);

let mountDepth = 0;
let compositeDepth = 0;

/** A vocabulary subject's word ("giant" alone is only a size). */
function isSubjectWord(w: string): boolean {
  return (
    lex()
      .en.get(w)
      ?.some((l) => l.t === "subject") ?? false
  );
}

function isAnimalWord(w: string): boolean {
  // an animal head of its own ("a jackal-headed god") is an animal whatever the vocabulary says
  return (
    w in BEAST_HEADS ||
    (lex()
      .en.get(w)
      ?.some((l) => l.t === "subject" && l.s.category === "animal") ??
      false)
  );
}

/** Is the "of" at `at` inside a vocabulary phrase ("jar of honey", "bag of gold")? */
function ofPhrase(text: string, at: number): boolean {
  const before = /([a-z]+)\s+$/.exec(text.slice(0, at))?.[1];
  const after = /^of\s+([a-z]+)(?:\s+([a-z]+))?/.exec(text.slice(at));
  if (!before || !after) return false;
  return (
    isSubjectWord(`${before} of ${after[1]}`) ||
    (!!after[2] && isSubjectWord(`${before} of ${after[1]} ${after[2]}`))
  );
}

function readMount(prompt: string): PromptInfo | undefined {
  // a rider does not ride again (and a long prompt full of "on" is read once)
  if (mountDepth > 0) return undefined;
  mountDepth++;
  try {
    return readMountOnce(prompt);
  } finally {
    mountDepth--;
  }
}

function readMountOnce(prompt: string): PromptInfo | undefined {
  const p = prompt.trim().toLowerCase().slice(0, 400);
  let pair: [string, string] | undefined;
  const en = RIDE_EN.exec(p);
  if (en) pair = /ridden by/.test(p) ? [en[2]!, en[1]!] : [en[1]!, en[2]!];
  else {
    const a = RIDE_ZH[0]!.exec(p);
    const b = a ? undefined : RIDE_ZH[1]!.exec(p);
    if (a) pair = [a[2]!, a[1]!];
    else if (b) pair = [b[1]!, b[2]!];
  }
  if (!pair) return undefined;
  const rider = parsePrompt(pair[0]);
  const mount = parsePrompt(pair[1]);
  const riderCategory = SUBJECT_BY_ID.get(rider.subject)?.category;
  const riderOk =
    !rider.nothingMatched &&
    rider.subject !== mount.subject &&
    (rider.kind === "humanoid" ||
      rider.kind === "animal" ||
      (rider.kind === "icon" && (riderCategory === "animal" || riderCategory === "character")));
  const mountCategory = SUBJECT_BY_ID.get(mount.subject)?.category;
  // a borrowed drawing of a long-tail animal ("an ostrich" → its game icon) carries riders too
  const iconAnimal =
    mount.kind === "icon" &&
    !mountCategory &&
    lookupNoun(mount.subject.replace(/-/g, " "))?.category === "animal";
  const mountOk =
    (!mount.nothingMatched && rideStyle(mount.subject) !== undefined) ||
    (!mount.nothingMatched &&
      MOUNTS.has(mount.kind) &&
      (mount.kind !== "icon" ||
        mountCategory === "animal" ||
        mountCategory === "creature" ||
        iconAnimal));
  if (!riderOk || !mountOk) return undefined;
  return { ...mount, rider, text: prompt.toLowerCase() };
}

const FEMININE_RE =
  /\b(?:woman|women|lady|ladies|girl|grandma|grandmother|granny|queen|princess|witch|nun|mother|wife|hag|crone)\b|女|婆|奶/;
const AGE_RE =
  /\b(?:old|elderly|aged|ancient|aging|grey-haired|gray-haired)\b|年老|老年|老(?![虎鼠鹰师板])/;

/**
 * "old" on a person is an age, not rust: "an old fisherman" is grey-haired and bearded (the
 * rusty material the word also means stays for things: "an old sword"). Said in the line.
 */
function agedPerson(r: Reading): void {
  const said = AGE_RE.exec(r.text);
  if (r.head?.builder !== "humanoid" || !said) return;
  r.aged = FEMININE_RE.test(r.text) ? "grey" : "beard";
  r.materials = r.materials.filter((m) => m !== "rusty");
  r.unknown = r.unknown.filter((u) => u !== said[0]);
}

/**
 * Sex, age and mood words on a person (person-words.ts): drawn by humanoid.ts, so they leave the
 * unknown and "named, not drawn" lists ("woman" in "a woman knight" was a second subject).
 */
function personWords(r: Reading): void {
  if (r.head?.builder !== "humanoid") return;
  const p = readPersonWords(r.text, r.role);
  if (!p) return;
  r.person = p;
  const drawn = new Set(p.words.map((w) => w.toLowerCase()));
  // a Chinese mood word read through the dictionary left its English gloss ("angry") behind
  const kept = (w: string) => !drawn.has(w.toLowerCase()) && !readPersonWords(w);
  r.unknown = r.unknown.filter(kept);
  r.ignored = r.ignored.filter(kept);
}

/**
 * "a dog wearing sunglasses", "a wolf with an eyepatch": eyewear and neckwear the engine draws
 * on any being's face or neck (face-wear.ts). The rest of the prompt is read as usual; a thing
 * ("a shirt with a collar") keeps the ordinary reading.
 */
function wearingDrawn(prompt: string): PromptInfo | undefined {
  const w = readDrawnWear(prompt);
  if (!w) return undefined;
  const info = parsePrompt(w.rest);
  const category = SUBJECT_BY_ID.get(info.subject)?.category;
  const being =
    !info.nothingMatched &&
    (BEING_KINDS.has(info.kind) ||
      (info.kind === "icon" &&
        (BEINGS.has(category ?? "") ||
          lookupNoun(info.subject.replace(/-/g, " "))?.category === "animal")));
  if (!being) return undefined;
  return {
    ...info,
    worn: { id: w.id, icon: `${DRAWN_WEAR_PREFIX}${w.id}` },
    text: prompt.toLowerCase(),
  };
}
const BEING_KINDS = new Set<SubjectKind>([
  "humanoid",
  "animal",
  "dragon",
  "slime",
  "spirit",
  "monster",
  "bird",
  "insect",
]);

/** The parse, phase by phase (each phase reads what the ones before it filled in). */
function parsePromptUncached(prompt: string): PromptInfo {
  // a cerberus is drawn as a three-headed dog: the name is read as its description (once: a
  // description never expands again, so a prompt full of names costs two parses, not one each)
  const composite =
    compositeDepth > 0
      ? undefined
      : expandComposite(prompt, isSubjectWord, isAnimalWord, (name) =>
          [...lex().zh.keys()].some(
            (k) => k.length > name.length && k.includes(name) && prompt.includes(k),
          ),
        );
  if (composite) {
    compositeDepth++;
    try {
      const info = typedSizeOnly(parsePromptUncached(composite.text), prompt);
      info.guesses.unshift(`read "${composite.name}" as ${composite.as}`);
      info.guessesZh.unshift(`把“${composite.name}”读作:${composite.as}`);
      return info;
    } finally {
      compositeDepth--;
    }
  }
  const mounted = readMount(prompt);
  if (mounted) return mounted;
  const dressed = wearingDrawn(prompt);
  if (dressed) return dressed;
  const r = readWords(prompt);
  // an imaginary being the lexicon describes ("gorgon": winged, stone) is read as that description
  const being = compositeDepth > 0 ? undefined : describedBeing(prompt.toLowerCase(), r.unknown);
  if (being) {
    compositeDepth++;
    try {
      const info = typedSizeOnly(parsePromptUncached(being.text), prompt);
      info.guesses.unshift(
        `"${being.name}" is not in the engine's vocabulary; WordNet: ${being.chain}${being.traits ? ` (${being.traits})` : ""}, so read it as ${being.as}`,
      );
      info.guessesZh.unshift(
        `词表中没有“${being.name}”;WordNet:${being.chain}${being.traits ? `(${being.traits})` : ""},所以读作:${being.as}`,
      );
      return info;
    } finally {
      compositeDepth--;
    }
  }
  // people first: a person gets a look of their kind (person-roles.ts), not the plain person
  readLexiconPeople(r);
  readWordNet(r);
  readOwners(r);
  splitPhrases(r);
  namedGameIcon(r);
  compoundHead(r);
  chooseHead(r);
  ownerStyle(r);
  chooseHeld(r);
  heldOverTool(r);
  standIns(r);
  drawnParts(r);
  unknownNeighbours(r);
  wordNetGuesses(r);
  readModifiers(r);
  if (!r.head && !r.icon) searchLongTail(r);
  const head = r.headAt !== undefined ? r.mentions[r.headAt]?.word : undefined;
  return sizeAndCount(readBird(readSea(breedOf(r, head), head), head), r);
}

/**
 * The breed table read over the prompt and the WordNet names its Chinese words were read as
 * (哈士奇 → husky, 小熊猫 → lesser panda), so a breed typed in Chinese is drawn as one.
 */
function breedOf(r: Reading, head: string | undefined): PromptInfo {
  const info = assemble(r);
  const names = r.readings.flatMap((x) => (x.lexicon ? [x.lexicon] : []));
  if (!names.length) return readBreed(info, head);
  return {
    ...readBreed({ ...info, text: `${info.text} ${names.join(" ")}` }, head),
    text: info.text,
  };
}

/**
 * A size word in a name's description (an imp is "a small red demon", a fairy a small spirit)
 * picks the grid, as it did before size words were drawn; only a size word the user typed is
 * drawn in the frame (scale-words.ts), or every imp and fairy shrank to 78 % in a 32-px studio.
 */
function typedSizeOnly(info: PromptInfo, typed: string): PromptInfo {
  const lower = typed.toLowerCase();
  const said = SIZE_WORDS.some(
    (sz) =>
      sz.en.some((w) => new RegExp(`\\b${w}\\b`).test(lower)) ||
      sz.zh.some((w) => typed.includes(w)),
  );
  if (info.sizeWord && !said) info.sizeWord = undefined;
  return info;
}

/**
 * Phase 8: size and number words, drawn on any rig (scale-words.ts), and the words the picture
 * cannot show, said in the line rather than listed as understood (eval-d: "giant", "three
 * apples" and "cute" left no trace).
 */
function sizeAndCount(info: PromptInfo, r: Reading): PromptInfo {
  if (r.sizeWord) info.sizeWord = sizeWordOf(r.size);
  if (r.snowCap) info.snowCap = true;
  const notDrawn: string[] = [];
  const m = r.headAt !== undefined ? r.mentions[r.headAt] : undefined;
  const subj = SUBJECT_BY_ID.get(info.subject);
  // a subject named in the plural ("spikes", a trap) is one thing
  const n =
    m && subj && m.word.toLowerCase() !== subj.id
      ? countOf(r.text, m.pos, m.word, subj.en, singulars)
      : undefined;
  if (n) {
    if (groupable(subj?.category) && !info.rider) info.count = n;
    else notDrawn.push(n === 2 ? "two" : "several");
    info.unknown = info.unknown.filter((w) => !isCountWord(w));
  }
  // a chibi build: the animal rig's own, a character's head drawn larger (scale-words.ts)
  const chibi =
    info.builder === "animal" ||
    info.builder === "humanoid" ||
    (info.builder === "dragon" && info.variant !== "eastern");
  if (info.cute && !chibi && r.cuteWord === "小" && !info.sizeWord) {
    // 小 on a thing (小房子, 小剑) is small, not cute
    info.cute = false;
    info.sizeWord = "small";
  } else if (info.cute && !chibi) notDrawn.push("cute");
  // a shape word is drawn where the rig has that form (a round shield), else said not drawn
  if (r.shape) {
    if (info.builder === "item" && itemShape(info.variant, r.shape.id)) info.shape = r.shape.id;
    else notDrawn.push(r.shape.word);
  }
  // young: "a bear cub", or a young animal's own name ("a puppy", 小狗); the animal rig draws
  // it young, a borrowed drawing (a calf, a piglet) cannot (a chick is drawn young already)
  const category = subj?.category;
  if (r.young || (m && YOUNG_NAMES.has(m.word.toLowerCase()))) {
    if (info.builder === "animal") info.young = true;
    else if (info.builder === "bird") {
      // a young bird is drawn in down: its species' look is the adult's, so the line says so
      info.young = true;
      info.guesses = info.guesses.map((g) =>
        g.replace(/^(drew the .+?'s look): .*$/, "$1, young: a big head on short legs, in down"),
      );
      info.guessesZh = info.guessesZh.map((g) =>
        g.replace(/^(画出“.+?”的样子):.*$/, "$1:幼鸟,大头短腿,一身绒毛"),
      );
    } else if (
      // a young person is drawn by person-words (a beardless face, a child's build): said there
      !info.person?.age &&
      info.subject !== "chick" &&
      category &&
      BEINGS.has(category)
    )
      notDrawn.push("young");
  }
  // fat: the rigs with a body to widen (the four-legged rig, a person); elsewhere said not drawn
  if (r.fatWord) {
    if (info.builder === "animal" || info.builder === "humanoid") info.fat = true;
    else notDrawn.push(r.fatWord);
  }
  // headless: a person's rig names its head parts, so any person can lose its head
  if (r.headless) {
    if (info.builder === "humanoid") info.headless = true;
    else notDrawn.push("headless");
  }
  // asleep: any being ("z" over its head; the animal rig also lies it down with its eyes shut)
  if (r.asleep) {
    // a sleepy person's closed eyes and zzz are person-words' mood: one z mark, one word in the line
    if (info.person?.mood !== "sleepy") {
      if (category && BEINGS.has(category)) info.asleep = true;
      else notDrawn.push("asleep");
    }
  }
  // a mood on a being that is not a person ("an angry wolf", "a scared cat"): the animal rig draws
  // it on the face, pose and tail; any other being has the mark beside its head, where one says it
  if (info.builder !== "humanoid" && category && BEINGS.has(category)) {
    const said = readMood(r.text);
    // (an "evil" already read as the haunted look is not read twice)
    const haunted = said?.mood === "evil" && info.materials.includes("haunted");
    if (said && said.mood !== "sleepy" && !haunted) {
      if (info.builder === "animal" || MARKED_MOODS.has(said.mood)) info.mood = said.mood;
      else notDrawn.push(said.word);
      // a Chinese mood word read through the dictionary left its English gloss ("angry") behind
      const kept = (w: string) => w.toLowerCase() !== said.word.toLowerCase() && !readMood(w);
      info.unknown = info.unknown.filter(kept);
      info.ignored = info.ignored.filter(kept);
    }
  }
  if (notDrawn.length) info.notDrawn = notDrawn;
  return info;
}

/**
 * The prompt with its first imaginary being the vocabulary lacks replaced by the description
 * being-descriptions.ts reads from the lexicon, or undefined.
 */
function describedBeing(
  text: string,
  unknown: string[],
): { text: string; name: string; as: string; chain: string; traits: string } | undefined {
  const p = text.slice(0, 400);
  const words = unknown.filter((u) => /^[a-z][a-z'-]{2,}$/.test(u)).slice(0, 12);
  for (let i = 0; i < words.length; i++) {
    for (const name of [words[i + 1] ? `${words[i]} ${words[i + 1]}` : "", words[i]!]) {
      if (!name) continue;
      const e = lookupNoun(name);
      const as = e && beingDescription(e);
      if (!e || !as) continue;
      const m = new RegExp(`\\b(?:an?\\s+|the\\s+)?${escapeRe(name).replace(" ", "\\s+")}\\b`).exec(
        p,
      );
      if (!m) continue;
      const text = `${p.slice(0, m.index)} ${as} ${p.slice(m.index + m[0].length)}`;
      return {
        text,
        name,
        as,
        chain: [e.lemma, ...e.chain.filter((n) => n !== e.lemma)].join(" → "),
        traits: e.gloss,
      };
    }
  }
  return undefined;
}

/** Colours a qualifying noun lends: mushroom → red and white, grass → green. */
const THEME: Record<string, string[]> = {
  mushroom: ["#d8383c", "#eeeef2"],
  apple: ["#d8383c"],
  "grass-tile": ["#44b04e"],
  "dirt-tile": ["#8c5a30"],
  "stone-tile": ["#8a8c98"],
  "sand-tile": ["#e8d088"],
  "snow-tile": ["#eeeef2"],
  "ice-tile": ["#8cdcf4"],
  "lava-tile": ["#f06424"],
  "water-tile": ["#3c6ee6"],
  cherry: ["#d8383c"],
  strawberry: ["#d8383c"],
  banana: ["#f2d23c"],
  lemon: ["#f2d23c"],
  pumpkin: ["#f0862a"],
  chocolate: ["#6c4024"],
  candy: ["#f078b4"],
  cake: ["#f6d8c0", "#f078b4"],
  frog: ["#44b04e"],
  pig: ["#f0a0b0"],
  cat: ["#f09a3c"],
  fox: ["#e8782c"],
  panda: ["#eeeef2", "#34303e"],
  tiger: ["#f0862a", "#34303e"],
  ghost: ["#eeeef2"],
  snow: ["#eeeef2"],
  cloud: ["#eeeef2"],
  skull: ["#e8e4d0"],
  bone: ["#e8e4d0"],
};

/** What snow lies on ("a snowy mountain", "a snowy house"); on anything else snowy is ice. */
const SNOW_CAPPED = new Set(["plant", "building"]);

/** The inside of a fruit whose skin is another colour (FLESH is used where it is eaten). */
const FLESH: Record<string, string[]> = {
  apple: ["#e8c070"],
  banana: ["#f0e0a0"],
};

/**
 * Whether a qualifier is part of the name of a kind of the head, in WordNet: a tree frog, a
 * great white shark, a great horned owl are frogs, sharks and owls. The word is the kind's name,
 * so neither a colour lent nor a word left undrawn (eval-d: "also named, not drawn: great").
 */
function namesKindOfHead(r: Reading, q: Mention, head: Subject): boolean {
  const hm = r.headAt !== undefined ? r.mentions[r.headAt] : undefined;
  if (!hm || q.pos >= hm.pos) return false;
  // the typed words: "horned" in "a great horned owl" was read out of the text as horns
  const src = r.typed.length === r.text.length ? r.typed : r.text;
  const phrase = src.slice(q.pos, hm.pos + hm.word.length);
  return phrase.split(/\s+/).length <= 4 && lookupNoun(phrase)?.base === head.id;
}

function themeColors(s: Subject): Rgb[] {
  return (THEME[s.id] ?? []).map(hexToRgb);
}

export { SUBJECTS };
