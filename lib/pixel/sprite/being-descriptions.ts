// An imaginary being the vocabulary lacks, read from what the lexicon says of it into the
// composition words the engine already draws (composites.ts does the same for names WordNet does
// not know). WordNet's gloss traits name the body ("winged eagle lion", "horns goat", "serpent",
// "dog"); its chain names the kind (a deity, a nymph, a giant, an evil spirit). Only beings the
// lexicon leaves generic (a plain monster or spirit) are described: a being whose chain already
// reaches a drawing of ours (a vampire, a ghost) keeps it.
import type { LexiconEntry } from "./lexicon";

/** Bases that say no more than "some monster" or "some spirit". */
const GENERIC = new Set([undefined, "beast", "elemental"]);

/** Trait words that are animals the engine draws, as the word it knows. */
const ANIMAL_WORDS: Readonly<Record<string, string>> = {
  serpent: "snake",
  snake: "snake",
  dog: "dog",
  hound: "dog",
  wolf: "wolf",
  horse: "horse",
  goat: "goat",
  bull: "bull",
  lion: "lion",
  eagle: "eagle",
  bird: "eagle",
  fish: "fish",
  bear: "bear",
  cat: "cat",
  fox: "fox",
  owl: "owl",
  bat: "bat",
  spider: "spider",
  frog: "frog",
};

/** A chain node's kind, when the traits name no body. */
const KIND_OF: Readonly<Record<string, string>> = {
  goddess: "a holy queen",
  deity: "a holy priest",
  god: "a holy priest",
  nymph: "a blue elf",
  "water nymph": "a blue elf",
  fairy: "a small fairy",
  giant: "a troll with a club",
  "evil spirit": "a purple ghost",
  spirit: "a ghost",
  fury: "a demon with bat wings",
  "mythical monster": "",
  monster: "",
};

const COLOUR = /^(?:red|green|blue|black|white|golden|gold|silver|grey|gray|purple|brown)$/;

/**
 * The description the engine draws for an imaginary being, or undefined when WordNet says no more
 * than "a monster" (the caller's fallback stays) or the being already has a drawing.
 */
export function beingDescription(e: LexiconEntry): string | undefined {
  if (e.category !== "imaginary being" || !GENERIC.has(e.base)) return undefined;
  const traits = e.gloss.toLowerCase().split(/\s+/).filter(Boolean);
  const animals = traits.map((t) => ANIMAL_WORDS[t]).filter((a): a is string => !!a);
  const human = traits.some((t) => /^(?:man|woman|human|head|torso)$/.test(t));
  const woman = traits.includes("woman");
  const colours = traits.filter((t) => COLOUR.test(t)).map((t) => (t === "golden" ? "gold" : t));
  const parts: string[] = [];
  if (traits.some((t) => /^(?:winged|wings|wing)$/.test(t)))
    parts.push(animals.includes("eagle") ? "eagle wings" : "bat wings");
  if (traits.some((t) => /^(?:horns?|horned)$/.test(t))) parts.push("horns");
  const big = traits.some((t) => /^(?:giant|huge|large|enormous)$/.test(t));
  const small = traits.some((t) => /^(?:small|tiny|little|dwarf)$/.test(t));
  const stone = traits.includes("stone");
  const body = animals.find((a) => a !== "eagle" || !parts.includes("eagle wings")) ?? animals[0];
  let noun: string | undefined;
  if (body === "snake" && (human || woman)) return withParts("a woman with a snake body", parts);
  if (body && human) noun = `${body} warrior`;
  else if (body) noun = body;
  else {
    const kind = e.chain.map((n) => KIND_OF[n.toLowerCase()]).find((k) => k !== undefined);
    if (kind) return withParts(kind, parts);
    if (!parts.length && !colours.length && !stone) return undefined;
    noun = "monster";
  }
  const adj = [
    big ? "giant" : small ? "small" : "",
    ...colours.slice(0, 1),
    stone ? "stone" : "",
  ].filter(Boolean);
  const phrase = [...adj, noun].join(" ");
  return withParts(`${/^[aeiou]/.test(phrase) ? "an" : "a"} ${phrase}`, parts);
}

function withParts(desc: string, parts: string[]): string {
  return parts.length ? `${desc} with ${parts.join(" and ")}` : desc;
}
