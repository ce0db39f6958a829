// The colours a borrowed silhouette is given when its subject has colours of its own. A
// material ramp ("flesh", "stone", "wood") paints every axolotl, lighthouse and windmill the same
// brown or grey; a person who typed "axolotl" expects pink with red gills, a lighthouse red and
// white bands, a windmill white sails on a stone body. Evidence, best first: the prompt's (or
// the WordNet gloss's) colours (icon.ts), this table of common subjects, the emoji of the same
// subject (emoji colours are a subject's palette drawn by a person), then the material.
import { rgbToHsv } from "../color";
import type { Rgb } from "../types";
import { hasIcon, type IconRaster } from "./emoji-art";
import { lookupNoun } from "./lexicon";
import type { Surface } from "./restyle";
import { takeIndex } from "./take-variety";

export interface SubjectPalette {
  /** the main region */
  body: string;
  /** small separate pieces (a chest's bands, a lighthouse's lamp, a turtle's flippers) */
  accent?: string;
  /** horizontal bands of this colour across the body (a lighthouse, a barber's pole) */
  bands?: string;
  /** how the body is textured, when the material's surface would be wrong for the subject */
  surface?: Surface;
  /**
   * the cut-out detail inside the body (a cheese's holes) in this colour, where a dark line
   * would read as something else (mould, dirt)
   */
  holes?: string;
}

/** A row: the names it is for (a name may be a phrase: "barn owl") and its colours. */
type Row = [names: string, palette: SubjectPalette | SubjectPalette[]];

// Looked up by the head of a name: its longest trailing phrase the table has ("barn owl", then
// "owl"), never a qualifier alone (a barn owl is no red barn, a fish bucket no fish). A row with
// several palettes gives seeds a choice within what the subject can be (a locomotive's body red
// or black, never magenta).
const TABLE: Row[] = [
  // buildings and landmarks
  ["lighthouse", { body: "#eeeae0", bands: "#d0383c", accent: "#f2d23c", surface: "stone" }],
  ["windmill", { body: "#b8ab94", accent: "#f2eee4", surface: "stone" }],
  ["igloo", { body: "#e4f0f8", accent: "#a8c8e0", surface: "stone" }],
  ["beehive|hive", { body: "#e8b52e", accent: "#7c4c2c", surface: "soft" }],
  ["pagoda|torii", { body: "#c8383c", accent: "#3c3c48" }],
  ["tower|castle|keep|fortress|well|bridge|gate", { body: "#a4a096", accent: "#8c5a30" }],
  ["pyramid|sphinx", { body: "#d8b470", accent: "#3c6cb0", surface: "stone" }],
  ["tent|pavilion", { body: "#e8dcc0", accent: "#c8383c", bands: "#c8383c" }],
  ["barn", { body: "#b83c34", accent: "#eeeae0" }],
  // birds: owls by kind (a barn owl is white and tan, a snowy owl white, a plain owl brown)
  ["barn owl|masked owl|grass owl", { body: "#dcb27a", accent: "#f4eee2", surface: "soft" }],
  ["snowy owl|white owl", { body: "#eeeef2", accent: "#8c8478", surface: "soft" }],
  ["owl|owlet|horned owl|eagle owl|tawny owl", { body: "#9c7450", accent: "#e0c89c" }],
  ["eagle|hawk|falcon|kite|buzzard|osprey|vulture|condor", { body: "#7c5438", accent: "#eee4c8" }],
  ["pelican|swan|goose|dove|gull|seagull|stork|egret", { body: "#eeeae0", accent: "#f0a02a" }],
  ["toucan", { body: "#2c2c34", accent: "#f0862a" }],
  ["raven|crow", { body: "#3c3848", accent: "#8c8498" }],
  ["flamingo", { body: "#f08cac", accent: "#2c2c34" }],
  ["parrot|macaw", { body: "#d8383c", accent: "#3c8ce0" }],
  ["bird", { body: "#8c6c4c", accent: "#e0c89c" }],
  // reptiles, amphibians and sea life
  ["axolotl", { body: "#f4a8bc", accent: "#e0506c", surface: "soft" }],
  // a sea turtle's shell is a darker olive than its skin: the plates are the shell's own
  ["turtle|tortoise|terrapin", { body: "#6c9c48", accent: "#5c6c34", surface: "soft" }],
  ["frog|toad", { body: "#5cae48", accent: "#e8d870", surface: "soft" }],
  ["seahorse|goldfish|koi|clownfish", { body: "#f0862a", accent: "#f2d23c" }],
  ["fish|shark|whale|dolphin|orca", { body: "#5c84b0", accent: "#e4ecf4" }],
  ["octopus|squid|kraken|tentacle", { body: "#d86478", accent: "#f4c0c8", surface: "soft" }],
  ["crab|lobster|shrimp|prawn|crustacean", { body: "#d8483c", accent: "#f4c0a0" }],
  [
    "snake|serpent|lizard|gecko|iguana|chameleon|basilisk|reptile|amphibian|salamander|newt",
    { body: "#5c9c48", accent: "#e8d870" },
  ],
  ["crocodile|alligator|caiman|crocodilian", { body: "#5c7040", accent: "#c8c080" }],
  ["snail|slug|earthworm|maggot|larva|mollusk", { body: "#e8b0a0", accent: "#a0683a" }],
  // insects by species: green ones green, the rest brown or black, never a monster's purple
  [
    "mantis|praying mantis|mantid|grasshopper|locust|caterpillar|aphid|leafhopper|cicada",
    { body: "#6cb048", accent: "#c8dc78", surface: "soft" },
  ],
  ["bee|wasp|hornet|bumblebee", { body: "#f0c030", accent: "#2c2c34" }],
  ["ladybug|ladybird", { body: "#d8383c", accent: "#2c2c34" }],
  ["dragonfly|damselfly", { body: "#3ca0b4", accent: "#d4eef4" }],
  ["butterfly", { body: "#f0862a", accent: "#2c2c34" }],
  ["moth", { body: "#a89478", accent: "#6c5c48" }],
  ["firefly|lightning bug", { body: "#3c3848", accent: "#f2e04c" }],
  ["fly|housefly|mosquito|gnat", { body: "#4c4c58", accent: "#c8d8e4" }],
  ["centipede|millipede", { body: "#a84c30", accent: "#e8a060" }],
  ["scarab|scarab beetle", { body: "#2c6c5c", accent: "#e8b52e" }],
  [
    "cricket|cockroach|roach|termite|flea|weevil|stick insect|walking stick|earwig",
    {
      body: "#8c5c34",
      accent: "#c89c68",
    },
  ],
  ["spider|scorpion|beetle|ant|tick|arachnid", { body: "#4c4050", accent: "#d8383c" }],
  ["insect|bug", { body: "#8c6440", accent: "#c8a070" }],
  // mammals
  ["pig|piglet|boar", { body: "#f0a8b0", accent: "#c87080" }],
  ["fox", { body: "#e07830", accent: "#f4eee4" }],
  ["wolf|werewolf|husky", { body: "#8a8c98", accent: "#eeeae0" }],
  ["bear", { body: "#7c5438", accent: "#c8a070" }],
  ["horse|centaur|pony|donkey|camel|deer|stag|elk|moose", { body: "#a06c40", accent: "#5c3c24" }],
  ["bull|cow|minotaur|ox|bison|buffalo|yak", { body: "#6c4430", accent: "#eee4c8" }],
  ["sheep|lamb|goat|llama|alpaca", { body: "#eeeae0", accent: "#5c4c44" }],
  ["pegasus|unicorn", { body: "#f2eef8", accent: "#e8b52e" }],
  ["lion|griffin|gryphon|manticore", { body: "#d89c48", accent: "#8c5a30" }],
  ["tiger", { body: "#e8862c", accent: "#2c2c34" }],
  ["mouse|rat|rabbit|hare|squirrel", { body: "#a89484", accent: "#f0b4b8" }],
  ["armadillo|pangolin", { body: "#a8907c", accent: "#e4c8b0" }],
  ["platypus|beaver|otter|sloth", { body: "#7c5c40", accent: "#c8a47c" }],
  ["mermaid|merman|siren", { body: "#f0c0a0", accent: "#3cb0a0" }],
  ["treant|ent|tree face", { body: "#8c5a30", accent: "#4ca048" }],
  // vehicles: dark iron running gear under a red or black body
  [
    "locomotive|steam locomotive|steam engine|train|railway locomotive",
    // (the whole drawing but its wheels is one piece, smoke included: a red body painted the
    // smoke red, so the body is black, iron or deep green and the wheels red)
    [
      { body: "#2c2c34", accent: "#c8383c", surface: "metal" },
      { body: "#48505c", accent: "#c8383c", surface: "metal" },
      { body: "#2c5040", accent: "#c8383c", surface: "metal" },
    ],
  ],
  [
    "tank|armored vehicle|armoured vehicle",
    [
      { body: "#6c7448", accent: "#44482c" },
      { body: "#d4bc84", accent: "#7c6844" },
      { body: "#5c646c", accent: "#3c4048" },
    ],
  ],
  [
    "tractor",
    [
      { body: "#c8383c", accent: "#34343e", surface: "metal" },
      { body: "#3c8c40", accent: "#f2d23c", surface: "metal" },
    ],
  ],
  [
    "bulldozer|excavator|digger|steamroller",
    { body: "#f0b428", accent: "#34343e", surface: "metal" },
  ],
  [
    "submarine",
    [
      { body: "#f0c030", accent: "#4c5c6c", surface: "metal" },
      { body: "#56606c", accent: "#c8383c", surface: "metal" },
    ],
  ],
  [
    "car|automobile|motorcycle|motorbike|scooter|truck|van|bus",
    [
      { body: "#c8383c", accent: "#34343e", surface: "metal" },
      { body: "#2c2c34", accent: "#c8ccd4", surface: "metal" },
      { body: "#3c6cc8", accent: "#34343e", surface: "metal" },
    ],
  ],
  [
    "airship|blimp|zeppelin|hot air balloon",
    { body: "#d8c8a0", accent: "#8c5a30", surface: "soft" },
  ],
  // plants and food: each food its own colours (a cheese's holes a darker yellow, not mould)
  ["pumpkin|carrot|orange", { body: "#f0862a", accent: "#4ca048" }],
  ["apple|cherry|tomato|strawberry", { body: "#d8383c", accent: "#4ca048" }],
  ["banana|lemon|corn", { body: "#f2d23c", accent: "#6c8c3c" }],
  [
    "cheese|cheddar|cheese wedge",
    [
      { body: "#f4c93c", accent: "#c47e1c", holes: "#c47e1c", surface: "plain" },
      { body: "#f4b42c", accent: "#b46c14", holes: "#b46c14", surface: "plain" },
    ],
  ],
  [
    "bread|loaf|croissant|baguette|bun|roll|pretzel|pie|bagel|muffin|biscuit|cookie|toast",
    { body: "#d8964c", accent: "#f0d49c", surface: "soft" },
  ],
  ["steak|meat|beef|bacon|chop|cutlet", { body: "#b4483c", accent: "#f2dcc8", surface: "soft" }],
  ["ham|gammon|ham shank", { body: "#e48c8c", accent: "#f4ecdc", surface: "soft" }],
  ["sausage|hot dog|salami", { body: "#b85c3c", accent: "#e8b07c", surface: "soft" }],
  [
    "chicken leg|drumstick|roast chicken|turkey leg|roast",
    { body: "#c8783c", accent: "#f4ecdc", surface: "soft" },
  ],
  ["egg", { body: "#f4f0e4", accent: "#f2c83c", surface: "soft" }],
  [
    "cabbage|lettuce|broccoli|cucumber|pea|peas|pickle|zucchini|leek|kale|celery|asparagus|lime|avocado",
    { body: "#6cb048", accent: "#c8e07c", surface: "soft" },
  ],
  ["potato|yam", { body: "#c8a068", accent: "#8c6440", surface: "soft" }],
  ["pear", { body: "#c8d050", accent: "#7c5c34", surface: "soft" }],
  ["peach|apricot|mango", { body: "#f4a070", accent: "#4ca048", surface: "soft" }],
  ["plum|eggplant|aubergine", { body: "#7c4c9c", accent: "#4ca048", surface: "soft" }],
  ["melon|watermelon", { body: "#4c9c48", accent: "#e0505c", surface: "soft" }],
  ["garlic|onion", { body: "#f0ebe0", accent: "#c8a47c", surface: "soft" }],
  ["grape|grapes", { body: "#7c4c9c", accent: "#5c9c48", surface: "soft" }],
  ["cupcake|cake|donut|doughnut", { body: "#f0a0bc", accent: "#d8964c", surface: "soft" }],
  ["sunflower", { body: "#f2c830", accent: "#6c4424", surface: "plant" }],
  ["rose|tulip|poppy", { body: "#d8383c", accent: "#4ca048", surface: "plant" }],
  ["mushroom|toadstool", { body: "#d8383c", accent: "#f2eee4" }],
  ["cactus", { body: "#4c9c48", accent: "#f08cac", surface: "plant" }],
];

/** The table by name (a phrase's words joined by spaces); the first row for a name wins. */
const BY_NAME = new Map<string, SubjectPalette[]>();
for (const [names, p] of TABLE)
  for (const n of names.split("|")) if (!BY_NAME.has(n)) BY_NAME.set(n, Array.isArray(p) ? p : [p]);

// The last word of these names is the form the thing takes, not the thing: a cheese wedge is
// cheese, a fox head a fox, a crab claw a crab.
const FORM_WORDS = new Set([
  "head",
  "wedge",
  "slice",
  "piece",
  "chunk",
  "shank",
  "leg",
  "claw",
  "shell",
  "skull",
  "bunch",
  "pile",
  "stack",
  "heap",
  "core",
  "peel",
  "peeled",
  "face",
  "mask",
  "egg",
  "eggs",
]);

/** A name's words: `gi/a-b|c@iron` → the first drawing's ["a", "b"]; "Barn Owl" → ["barn", "owl"]. */
function nameWords(name: string): string[] {
  const bare = name
    .replace(/^gi[/:]/, "")
    .split("@")[0]!
    .split("|")[0]!;
  return bare
    .toLowerCase()
    .split(/[\s-]+/)
    .filter((w) => /^[a-z]+$/.test(w));
}

function singular(w: string): string | undefined {
  if (w.length <= 3 || !w.endsWith("s") || w.endsWith("ss")) return undefined;
  return w.endsWith("ies") ? `${w.slice(0, -3)}y` : w.slice(0, -1);
}

/** The row for a name's head: its longest trailing phrase in the table, plurals folded. */
function headRow(words: string[]): SubjectPalette[] | undefined {
  for (let k = 0; k < words.length; k++) {
    const tail = words.slice(k);
    const hit = BY_NAME.get(tail.join(" "));
    if (hit) return hit;
    const one = singular(tail[tail.length - 1]!);
    const folded = one && BY_NAME.get([...tail.slice(0, -1), one].join(" "));
    if (folded) return folded;
  }
  if (words.length > 1 && FORM_WORDS.has(words[words.length - 1]!))
    return headRow(words.slice(0, -1));
  return undefined;
}

const byWordNet = new Map<string, SubjectPalette[] | null>();

/**
 * The row WordNet's chain names for a word the vocabulary does not list: the nearest node the
 * table has (a barn owl → owl, a cobra → snake, a katydid → grasshopper, a weevil → beetle →
 * insect). Only animals, plants and food: an artifact word's first sense may be another thing
 * (a drone is a bee).
 */
function wordNetRow(words: string[]): SubjectPalette[] | undefined {
  const key = words.join(" ");
  let hit = byWordNet.get(key);
  if (hit === undefined) {
    hit = null;
    const e = lookupNoun(key) ?? (words.length > 1 ? lookupNoun(words.at(-1)!) : undefined);
    if (e && (e.category === "animal" || e.category === "plant" || e.category === "food"))
      // the chain, then the vocabulary subject it is drawn as (a cobra's chain is only itself)
      for (const node of e.base ? [...e.chain, e.base] : e.chain) {
        const row = headRow(nameWords(node));
        if (row) {
          hit = row;
          break;
        }
      }
    if (byWordNet.size > 5000) byWordNet.clear();
    byWordNet.set(key, hit);
  }
  return hit ?? undefined;
}

/**
 * A subject's own colours, by its names best first (the drawn icon's name, then the subject): the
 * table by a name's head, then, for `lexicon` names (the long tail, not the vocabulary's own
 * subjects), WordNet's chain. `take` picks among a row's palettes.
 */
export function subjectPalette(
  names: string | string[],
  take = 1,
  lexicon = false,
): SubjectPalette | undefined {
  const list = (Array.isArray(names) ? names : [names]).map(nameWords).filter((w) => w.length);
  const row =
    list.map(headRow).find(Boolean) ?? (lexicon ? list.map(wordNetRow).find(Boolean) : undefined);
  return row?.[takeIndex(take, row.length)];
}

function hueDist(a: number, b: number) {
  const d = Math.abs(a - b) % 360;
  return d > 180 ? 360 - d : d;
}

/**
 * The palette of an emoji raster of the same subject: the colour covering most cells (not an
 * outline-dark one) is the body, the next clearly different one the accent.
 */
export function emojiPalette(r: IconRaster): { body: Rgb; accent?: Rgb } | undefined {
  const order = r.colors
    .map((c, i) => ({ c, n: r.counts[i] ?? 0, hsv: rgbToHsv(...c) }))
    .filter((x) => x.n > 0 && x.hsv[2] > 0.22)
    .sort((a, b) => b.n - a.n);
  const body = order[0];
  if (!body) return undefined;
  const total = order.reduce((s, x) => s + x.n, 0);
  const accent = order.find(
    (x) =>
      x !== body &&
      x.n >= total * 0.04 &&
      (hueDist(x.hsv[0], body.hsv[0]) > 35 || Math.abs(x.hsv[2] - body.hsv[2]) > 0.3),
  );
  return { body: body.c, accent: accent?.c };
}

/**
 * The emoji (Fluent flat) that draws the same subject as a silhouette, when the table has no
 * entry: the icon's whole name, its last word ("sea-turtle" → turtle) or the subject. Only whole
 * names: a tag search would colour a tower like Tokyo Tower.
 */
const emojiFor = new Map<string, string | null>();

export function emojiForSilhouette(
  iconName: string,
  subject: string,
  lexicon = false,
): string | undefined {
  const key = `${iconName} ${subject} ${lexicon}`;
  let hit = emojiFor.get(key);
  if (hit === undefined) {
    hit = null;
    if (!subjectPalette([iconName, subject], 0, lexicon)) {
      const last = iconName.split("-").pop() ?? "";
      for (const n of [iconName, subject, last])
        if (n.length >= 3 && hasIcon("fluent-emoji-flat", n)) {
          hit = n;
          break;
        }
    }
    if (emojiFor.size > 5000) emojiFor.clear();
    emojiFor.set(key, hit);
  }
  return hit ?? undefined;
}
