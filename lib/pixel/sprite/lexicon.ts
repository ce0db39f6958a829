// Nouns nobody listed: WordNet 3.1's nouns for things a game draws (lexicon-data.txt, built by
// scripts/build-lexicon.ts; Princeton WordNet licence, notice in the data header). A word the
// vocabulary lacks resolves to its first suitable sense and that sense's hypernym chain, up to the
// first node the engine can draw: a vocabulary word of the same sense ("dog" for a dachshund) or
// an anchor below (a rodent is drawn as a mouse). The data is read and indexed on first use only.
import fs from "node:fs";
import path from "node:path";
import { singulars } from "./inflection";
import { SUBJECT_BY_ID, SUBJECTS, type Subject, type SubjectCategory } from "./vocabulary";

/** The kept part of WordNet a noun belongs to (the root of its chain). */
export type LexiconCategory =
  | "animal"
  | "person"
  | "imaginary being"
  | "plant"
  | "food"
  | "artifact"
  | "natural object";

export interface LexiconEntry {
  /** the word as looked up, singular ("guinea pig", "dachshund") */
  lemma: string;
  /** WordNet synset labels, specific → general, ending at the drawable node (or the root) */
  chain: string[];
  /** the gloss's words that matter for drawing: colours, patterns, parts, sizes, materials */
  gloss: string;
  /** vocabulary subject id the chain resolves to, when some node of it is drawable */
  base?: string;
  category: LexiconCategory;
  /** the word is more often an adjective ("royal", "extra"): a noun only where nothing follows */
  adjective?: boolean;
}

/** Chain nodes (synset labels) the vocabulary has no word for, drawn as a near subject. */
const ANCHORS: Readonly<Record<string, string>> = {
  // animals: the class → the nearest drawing
  canine: "dog",
  feline: "cat",
  "big cat": "leopard",
  rodent: "mouse",
  lagomorph: "rabbit",
  antelope: "deer",
  bovid: "goat",
  bovine: "cow",
  ruminant: "deer",
  swine: "pig",
  equine: "horse",
  "musteline mammal": "otter",
  viverrine: "otter",
  procyonid: "raccoon",
  marsupial: "kangaroo",
  primate: "monkey",
  cetacean: "whale",
  "pinniped mammal": "seal",
  "bird of prey": "eagle",
  "gallinaceous bird": "chicken",
  "columbiform bird": "dove",
  chelonian: "turtle",
  "crocodilian reptile": "crocodile",
  amphibian: "frog",
  "lepidopterous insect": "butterfly",
  "hymenopterous insect": "bee",
  arachnid: "spider",
  crustacean: "crab",
  cephalopod: "octopus",
  gastropod: "snail",
  bivalve: "clam",
  // food: the course → the nearest drawing
  "frozen dessert": "ice-cream",
  // people: any person is drawn as one (the roles table refines it)
  person: "person",
  // imaginary beings: a monster of the engine's own
  "imaginary being": "beast",
};

/** Vocabulary categories a chain of each WordNet category may resolve to. */
const COMPATIBLE: Readonly<Record<LexiconCategory, ReadonlySet<SubjectCategory>>> = {
  animal: new Set(["animal", "creature"]),
  person: new Set(["character", "race"]),
  "imaginary being": new Set(["creature", "race", "character", "animal"]),
  plant: new Set(["plant", "food"]),
  food: new Set(["food"]),
  artifact: new Set([
    "weapon",
    "armour",
    "treasure",
    "tool",
    "prop",
    "building",
    "vehicle",
    "ui",
    "food",
    "terrain",
  ]),
  "natural object": new Set(["plant", "terrain", "treasure", "prop", "ui"]),
};

/** Roots of the kept part of WordNet (also what scripts/build-lexicon.ts keeps) → their category. */
export const ROOTS: Readonly<Record<string, LexiconCategory>> = {
  animal: "animal",
  person: "person",
  plant: "plant",
  "imaginary being": "imaginary being",
  "spiritual being": "imaginary being",
  artifact: "artifact",
  food: "food",
  "natural object": "natural object",
  fungus: "plant",
  "geological formation": "natural object",
};

interface Data {
  /** the file's text: synsets are read from it on demand, never split up front */
  text: string;
  parent: Int32Array;
  /** where each synset's `lemmas;traits` starts and its line ends */
  start: Int32Array;
  end: Int32Array;
  /** looked-up lemma → synset index */
  byLemma: Map<string, number>;
  /** vocabulary words (English, not weak) → subjects */
  vocab: Map<string, Subject[]>;
  /** lemmas more often used as adjectives */
  adjectives: Set<string>;
}

let data: Data | undefined;

function dataFile(): string {
  // no import.meta here: Playwright and tsx load this file as CommonJS, where it does not parse
  const local = path.join(process.cwd(), "lib", "pixel", "sprite", "lexicon-data.txt");
  if (fs.existsSync(local) || typeof __dirname === "undefined") return local;
  return path.join(__dirname, "lexicon-data.txt");
}

/** One pass over the text with indexOf (no line array): the first lookup stays cheap. */
function load(): Data {
  const text = fs.readFileSync(dataFile(), "utf8");
  let max = 1;
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) max++;
  const parent = new Int32Array(max);
  const start = new Int32Array(max);
  const end = new Int32Array(max);
  const byLemma = new Map<string, number>();
  const adjectives = new Set<string>();
  let n = 0;
  for (let pos = 0; pos < text.length; ) {
    let eol = text.indexOf("\n", pos);
    if (eol < 0) eol = text.length;
    if (eol > pos && text.charCodeAt(pos) !== 35 /* # */) {
      const a = text.indexOf(";", pos);
      const b = text.indexOf(";", a + 1);
      parent[n] = a === pos ? -1 : Number.parseInt(text.slice(pos, a), 36);
      start[n] = a + 1;
      end[n] = eol;
      for (let s0 = a + 1; s0 < b; ) {
        let c = text.indexOf(",", s0);
        if (c < 0 || c > b) c = b;
        const ch = text.charCodeAt(s0);
        if (ch === 126 /* ~ */) {
          const w = text.slice(s0 + 1, c);
          byLemma.set(w, n);
          adjectives.add(w);
        } else if (ch !== 45 /* - */) byLemma.set(text.slice(s0, c), n);
        s0 = c + 1;
      }
      n++;
    }
    pos = eol + 1;
  }
  const vocab = new Map<string, Subject[]>();
  for (const s of SUBJECTS) {
    // not stand-ins: "raptor" (a stand-in for dinosaur) is also WordNet's bird of prey
    for (const w of s.en.filter((x) => !s.standIn.includes(x))) {
      const list = vocab.get(w);
      if (list) list.push(s);
      else vocab.set(w, [s]);
    }
  }
  return { text, parent, start, end, byLemma, vocab, adjectives };
}

/** A synset's `lemmas;traits` text. */
function restOf(d: Data, i: number): string {
  return d.text.slice(d.start[i]!, d.end[i]!);
}

function lemmasOf(d: Data, i: number): string[] {
  const r = restOf(d, i);
  return r.slice(0, r.indexOf(";")).split(",");
}

function label(l: string): string {
  return l[0] === "-" || l[0] === "~" ? l.slice(1) : l;
}

/** Categories whose vocabulary words mean one thing: any lemma of a node may name it. */
const LIVING = new Set<LexiconCategory>(["animal", "person", "imaginary being", "plant"]);

/**
 * The vocabulary subject a chain node is: a word of the node whose first drawable sense is this
 * node, else an anchor, else (beings only) any word of the node — the animal "seal" (the word's
 * first sense is sealing wax) is the vocabulary's seal, but the carpenter's "plane" is not its
 * airplane, nor a natural spring its coil spring.
 */
function drawableAs(d: Data, i: number, category: LexiconCategory): string | undefined {
  const ok = COMPATIBLE[category];
  const lemmas = lemmasOf(d, i);
  const vocab = (l: string) => d.vocab.get(l)?.find((x) => ok.has(x.category))?.id;
  for (const l of lemmas) {
    const s = l[0] === "-" ? undefined : vocab(label(l));
    if (s) return s;
  }
  const anchor = ANCHORS[label(lemmas[0]!)];
  if (anchor && SUBJECT_BY_ID.has(anchor)) return anchor;
  if (!LIVING.has(category)) return undefined;
  for (const l of lemmas) {
    const s = l[0] === "-" ? vocab(l.slice(1)) : undefined;
    if (s) return s;
  }
  return undefined;
}

function entryAt(d: Data, lemma: string, start: number): LexiconEntry | undefined {
  const path: number[] = [];
  let category: LexiconCategory | undefined;
  for (let i = start; i >= 0 && path.length < 40; i = d.parent[i]!) {
    path.push(i);
    const root = ROOTS[label(lemmasOf(d, i)[0]!)];
    if (root) {
      category = root;
      break;
    }
  }
  if (!category) return undefined;
  const chain: string[] = [];
  let base: string | undefined;
  for (const i of path) {
    chain.push(label(lemmasOf(d, i)[0]!));
    base = drawableAs(d, i, category);
    if (base) break;
  }
  const r = restOf(d, start);
  const gloss = r.slice(r.indexOf(";") + 1);
  return d.adjectives.has(lemma)
    ? { lemma, chain, gloss, base, category, adjective: true }
    : { lemma, chain, gloss, base, category };
}

/**
 * A noun (one or more words) → its WordNet entry, or undefined when WordNet has no drawable
 * sense of it. Plurals fold ("guinea pigs" → guinea pig); hyphens and spaces are interchangeable.
 */
export function lookupNoun(words: string): LexiconEntry | undefined {
  const w = words.toLowerCase().trim().replace(/\s+/g, " ");
  if (w.length < 2 || w.length > 40 || !/^[a-z][a-z' -]*$/.test(w)) return undefined;
  data ??= load();
  const d = data;
  const last = w.split(" ").pop()!;
  const head = w.slice(0, w.length - last.length);
  // a lemma WordNet lists in the plural only ("french fries") comes last
  const plurals = /(?:s|x|ch|sh)$/.test(last) ? [`${last}es`] : [`${last}s`];
  if (last.endsWith("y")) plurals.unshift(`${last.slice(0, -1)}ies`);
  const forms = [w, ...singulars(last).map((s) => head + s), ...plurals.map((p) => head + p)];
  for (const f of forms) {
    for (const g of [f, f.replace(/-/g, " "), f.replace(/ /g, "-")]) {
      const i = d.byLemma.get(g);
      if (i !== undefined) return entryAt(d, g, i);
    }
  }
  return undefined;
}
