// What makes a breed or a near species look like itself on the four-legged rig (animal.ts): body
// proportions, ears, tail, coat colours and coat pattern. Two sources, in this order: a table of
// the breeds and species game assets ask for (a corgi is orange and white on short legs), and
// the build words WordNet's gloss gives for any other kind ("short-legged", "long-bodied",
// "tailless", "large" — lexicon-traits.ts keeps them), so an unlisted breed still gets its shape.
import { lookupNoun } from "./lexicon";
import { glossColors } from "./lexicon-traits";
import type { PromptInfo } from "./prompt";

export type Ears =
  | "pointy"
  | "floppy"
  | "long"
  | "round"
  | "small"
  /** a pig's: a broad triangle flopping forward over the eyes, not pricked up like a cat's */
  | "flap"
  /** none standing above the head (an ape's lie flat at its sides: ears on top made a cat) */
  | "none";
export type Tail =
  | "curl"
  | "short"
  | "bushy"
  | "puff"
  | "hang"
  | "thin"
  | "nub"
  | "none"
  /** a big bushy tail held up over the back (squirrel, skunk) */
  | "plume"
  /** a pig's: a short corkscrew over the rump */
  | "twist"
  /** a kangaroo's: thick at the root, tapering along the ground */
  | "thick";

/**
 * Coat markings the rig draws: `bicolor` pale chest, belly and muzzle (corgi, husky); `socks`
 * pale feet; `saddle` a dark back (German shepherd, beagle); `mask` a pale face on a darker head
 * (husky, raccoon-like); `points` dark ears, face, legs and tail (Siamese, red panda's legs);
 * `tabby` dark stripes on back, legs and tail rings; `tuxedo` black with white chest and paws;
 * `calico` orange and black patches on white; `spots` many small dark spots (dalmatian);
 * `patches` a few large dark patches; `blaze` a pale stripe down the face; `hump` a bear's
 * shoulder hump; `ringed` dark bands on a bushy tail; `kitsune` red face markings; `quills` a
 * hedgehog's spiny dome over the back, the spines standing out of its outline. Head gear and
 * marks of the wild kinds: `antlers` branched (deer), `palmate` broad flat antlers (moose),
 * `dewlap` a bell of skin under the throat, `horns` short (cattle), `goat-horns` swept back,
 * `beard` a goat's, `tusks` curving up from the jaw (boar), `bristle` a dark ridge of bristles
 * along the back, `zebra` bold dark stripes over body, neck, head and legs, `back-stripe` a pale
 * stripe from the crown along the back and tail (skunk), `wool` a fleece bulging over the back,
 * `bandit` a dark band across the eyes on a pale face (raccoon), `snout` a pig's flat nose disc.
 * The big game animals (#20): `nose-horn`, `camel-hump`/`humps`, `jowls`, `badger-face`, `shag`.
 */
export type Coat =
  | "bicolor"
  | "socks"
  | "saddle"
  | "mask"
  | "points"
  | "tabby"
  | "tuxedo"
  | "calico"
  | "spots"
  | "patches"
  | "blaze"
  | "hump"
  | "ringed"
  | "kitsune"
  | "quills"
  | "antlers"
  | "palmate"
  | "dewlap"
  | "horns"
  | "goat-horns"
  | "beard"
  | "tusks"
  | "bristle"
  | "zebra"
  | "back-stripe"
  | "wool"
  | "bandit"
  | "snout"
  /** a rhino's horns on the nose, a big one in front and a small one behind */
  | "nose-horn"
  /** a camel's hump in the middle of the back; `humps` two of them (a Bactrian) */
  | "camel-hump"
  | "humps"
  /** a hippo's broad blunt muzzle, wider than the head */
  | "jowls"
  /** a badger's pale face with a dark stripe from the nose over each eye to the ear */
  | "badger-face"
  /** a shaggy dark cape over the shoulders and head (bison) */
  | "shag"
  /** big round ears fringed with white fluff (koala) */
  | "tufts"
  /** a big black nose, an upright oval (koala) */
  | "big-nose"
  /** a bull's (an ox's, a yak's): long, out wide from the poll, curving forward and up at the tips
   * — a cow's short `horns` on a dark cow read as a cow, not a bull */
  | "long-horns"
  /** a water buffalo's: broad, swept out and back in a flat crescent */
  | "wide-horns";

export interface Build {
  /** leg length (the rig's units: a cat 5, a horse 9) */
  legs?: number;
  /** body length (a cat 8, a bear 12) */
  body?: number;
  /** a deeper body on thick legs */
  heavy?: boolean;
  /** head size, × the rig's */
  head?: number;
  ears?: Ears;
  tail?: Tail;
  snout?: number;
  /** main coat colours (one picked per seed) */
  colors?: string[];
  /** the pale parts (belly, muzzle, socks) */
  under?: string;
  /** the dark markings (saddle, spots, points, stripes); a list: one picked per seed */
  mark?: string | string[];
  coat?: Coat[];
  /** how many tails (a kitsune's fan) */
  tails?: number;
  /** a long upright neck: how much higher the head is carried (rig units; a llama 5) */
  neck?: number;
  /** shoulders carried this much above the hips (rig units): an ape walking on its knuckles, the
   * long arms raising the chest so the back slopes down to the rump */
  stoop?: number;
  /** up on the haunches on big hind feet, short forearms held in front, hopping when it walks
   * (a kangaroo, a wallaby): standing on four legs it read as an orange camel */
  upright?: boolean;
}

export interface Breed extends Build {
  /** the rig it is drawn on (a vocabulary subject with a quadruped rig) */
  base: string;
  /** said in the interpretation: what the build shows */
  looks: string;
}

// the vocabulary's white, so a gloss that says white agrees with the table
const WHITE = "#eeeef2";
const BLACK = "#2c2834";
const TAN = "#c87c3c";

// one breed, two spellings
const SAINT_BERNARD: Omit<Breed, "base"> = {
  legs: 6,
  body: 12,
  heavy: true,
  head: 1.15,
  ears: "floppy",
  tail: "bushy",
  colors: [WHITE],
  mark: "#a0522c",
  coat: ["patches", "blaze"],
  looks: "big, white with brown patches",
};

const DOG_BREEDS: Record<string, Omit<Breed, "base">> = {
  corgi: {
    legs: 2.2,
    body: 11,
    ears: "pointy",
    tail: "nub",
    colors: ["#e0883a", "#d8782c"],
    under: WHITE,
    coat: ["bicolor", "socks", "blaze"],
    looks: "orange and white, long body on short legs, big ears",
  },
  "golden retriever": {
    legs: 6,
    body: 10,
    ears: "floppy",
    tail: "bushy",
    colors: ["#e0a850", "#e8b860"],
    under: "#f0d8a0",
    coat: ["bicolor"],
    looks: "golden coat, feathered tail, floppy ears",
  },
  retriever: {
    legs: 6,
    body: 10,
    ears: "floppy",
    tail: "bushy",
    colors: ["#e0a850", "#e8c878"],
    under: "#f0d8a0",
    looks: "golden coat, floppy ears",
  },
  labrador: {
    legs: 6,
    body: 10,
    ears: "floppy",
    tail: "thin",
    colors: ["#e8c878", BLACK, "#6c4428"],
    looks: "a plain short coat, floppy ears",
  },
  husky: {
    legs: 6,
    body: 10,
    ears: "pointy",
    tail: "curl",
    colors: ["#6c7484", "#8a8c98", "#5c5860"],
    under: WHITE,
    coat: ["bicolor", "mask", "socks"],
    looks: "grey and white with a white face mask, pointed ears, curled tail",
  },
  malamute: {
    legs: 6,
    body: 11,
    heavy: true,
    ears: "pointy",
    tail: "curl",
    colors: ["#6c7484", "#5c5860"],
    under: WHITE,
    coat: ["bicolor", "mask", "socks"],
    looks: "grey and white with a white face mask, curled tail",
  },
  dalmatian: {
    legs: 7,
    body: 10,
    ears: "floppy",
    tail: "thin",
    colors: [WHITE],
    // liver-spotted dalmatians exist too: a seed may draw one
    mark: [BLACK, BLACK, "#6c3c24"],
    coat: ["spots"],
    looks: "white with dark spots",
  },
  bulldog: {
    legs: 3,
    body: 10,
    heavy: true,
    head: 1.2,
    ears: "small",
    tail: "nub",
    snout: 0.8,
    colors: ["#d8a868", "#e0c8a0"],
    under: WHITE,
    coat: ["bicolor", "blaze"],
    looks: "stocky, short legs, broad head, flat muzzle",
  },
  pug: {
    legs: 3.5,
    body: 8,
    head: 1.15,
    ears: "small",
    tail: "curl",
    snout: 0.6,
    colors: ["#e0c088"],
    mark: BLACK,
    coat: ["mask"],
    looks: "fawn with a black face, curled tail",
  },
  "german shepherd": {
    legs: 7,
    body: 11,
    ears: "pointy",
    tail: "bushy",
    snout: 3,
    colors: ["#c8843c", "#b87430"],
    mark: BLACK,
    coat: ["saddle"],
    looks: "tan with a black saddle, upright ears, bushy tail",
  },
  alsatian: {
    legs: 7,
    body: 11,
    ears: "pointy",
    tail: "bushy",
    snout: 3,
    colors: ["#c8843c"],
    mark: BLACK,
    coat: ["saddle"],
    looks: "tan with a black saddle, upright ears",
  },
  beagle: {
    legs: 4.5,
    body: 9,
    ears: "floppy",
    tail: "short",
    colors: [TAN],
    mark: BLACK,
    under: WHITE,
    coat: ["saddle", "bicolor", "socks", "blaze"],
    looks: "tan, black and white, floppy ears",
  },
  dachshund: {
    legs: 2,
    body: 13,
    ears: "floppy",
    tail: "thin",
    snout: 3,
    colors: ["#8c4a24", "#a85c2c"],
    looks: "a long body on very short legs",
  },
  chihuahua: {
    legs: 4,
    body: 6,
    head: 1.2,
    ears: "pointy",
    tail: "thin",
    snout: 1,
    colors: ["#e0c090", "#d8a868"],
    looks: "tiny, a big head with large pointed ears",
  },
  shiba: {
    legs: 5.5,
    body: 9,
    ears: "pointy",
    tail: "curl",
    colors: ["#e08a3c"],
    under: WHITE,
    coat: ["bicolor", "socks"],
    looks: "orange and white, curled tail, upright ears",
  },
  akita: {
    legs: 6,
    body: 10,
    heavy: true,
    ears: "pointy",
    tail: "curl",
    colors: ["#d88a48"],
    under: WHITE,
    coat: ["bicolor", "socks"],
    looks: "orange and white, curled tail",
  },
  doberman: {
    legs: 8,
    body: 10,
    ears: "pointy",
    tail: "nub",
    snout: 3.5,
    colors: [BLACK],
    under: TAN,
    coat: ["bicolor", "socks"],
    looks: "black and tan, long legs, upright ears",
  },
  rottweiler: {
    legs: 6,
    body: 11,
    heavy: true,
    ears: "small",
    tail: "nub",
    colors: [BLACK],
    under: TAN,
    coat: ["bicolor", "socks"],
    looks: "stocky, black and tan",
  },
  "border collie": {
    legs: 6,
    body: 10,
    ears: "small",
    tail: "bushy",
    snout: 3,
    colors: [BLACK],
    under: WHITE,
    coat: ["bicolor", "socks", "blaze"],
    looks: "black and white, bushy tail",
  },
  collie: {
    legs: 6,
    body: 10,
    ears: "small",
    tail: "bushy",
    snout: 3.5,
    colors: ["#c07838"],
    under: WHITE,
    coat: ["bicolor", "socks", "blaze"],
    looks: "sable and white, long muzzle, bushy tail",
  },
  greyhound: {
    legs: 9,
    body: 9,
    ears: "small",
    tail: "thin",
    snout: 3.5,
    colors: ["#9c9ca8", "#c8a078"],
    looks: "lean on long legs, long muzzle",
  },
  "saint bernard": SAINT_BERNARD,
  "st bernard": SAINT_BERNARD,
  terrier: {
    legs: 4.5,
    body: 8,
    ears: "small",
    tail: "short",
    colors: [WHITE],
    mark: "#8c5a30",
    coat: ["patches"],
    looks: "small, white with brown patches",
  },
  poodle: {
    legs: 7,
    body: 8,
    ears: "floppy",
    tail: "puff",
    colors: [WHITE, "#d8c8b0", BLACK],
    looks: "curly coat, pom-pom tail",
  },
};

const CAT_BREEDS: Record<string, Omit<Breed, "base">> = {
  tabby: {
    colors: ["#9a9488", "#d89048", "#a08060"],
    mark: "#4c4038",
    coat: ["tabby"],
    looks: "dark tabby stripes",
  },
  siamese: {
    colors: ["#eee0c8"],
    mark: "#4c3428",
    coat: ["points"],
    looks: "cream with dark face, ears, legs and tail",
  },
  calico: {
    colors: [WHITE],
    mark: "#2c2834",
    under: "#e8882c",
    coat: ["calico"],
    looks: "white with orange and black patches",
  },
  tuxedo: {
    colors: [BLACK],
    under: WHITE,
    coat: ["tuxedo", "socks"],
    looks: "black with a white chest and paws",
  },
  persian: {
    body: 9,
    heavy: true,
    tail: "bushy",
    colors: [WHITE, "#c8c0c8", "#e8c898"],
    looks: "fluffy, round, bushy tail",
  },
  "maine coon": {
    body: 10,
    legs: 6,
    heavy: true,
    tail: "bushy",
    colors: ["#8c6c4c"],
    mark: "#3c3028",
    coat: ["tabby"],
    looks: "big, shaggy, tabby stripes, bushy tail",
  },
  sphynx: {
    ears: "pointy",
    tail: "thin",
    colors: ["#e8b8a8"],
    looks: "hairless pink, big ears",
  },
  bengal: {
    colors: ["#e0a050"],
    mark: "#4c3020",
    coat: ["spots"],
    looks: "orange with dark spots",
  },
};

// one animal, two names
const RED_PANDA: Breed = {
  base: "panda",
  legs: 4,
  body: 9,
  ears: "pointy",
  tail: "bushy",
  colors: ["#c8582c"],
  under: WHITE,
  mark: "#3c2420",
  coat: ["points", "mask", "ringed"],
  looks: "red with a white face, dark legs and a ringed bushy tail",
};

const TABLE: Record<string, Breed> = {
  ...Object.fromEntries(Object.entries(DOG_BREEDS).map(([w, b]) => [w, { base: "dog", ...b }])),
  ...Object.fromEntries(Object.entries(CAT_BREEDS).map(([w, b]) => [w, { base: "cat", ...b }])),
  // bears: a bulky body, a shoulder hump and a broad head, unlike a dog
  "brown bear": {
    base: "bear",
    colors: ["#7c5030", "#6c4428"],
    coat: ["hump"],
    looks: "bulky brown with a shoulder hump",
  },
  grizzly: {
    base: "bear",
    colors: ["#8c6038"],
    coat: ["hump"],
    looks: "bulky brown with a shoulder hump",
  },
  "black bear": {
    base: "bear",
    colors: [BLACK],
    under: "#c8a078",
    coat: ["bicolor"],
    looks: "black with a tan muzzle",
  },
  "red panda": RED_PANDA,
  "lesser panda": RED_PANDA,
  kitsune: {
    base: "fox",
    colors: [WHITE, "#f4e8d0"],
    under: WHITE,
    mark: "#d83030",
    coat: ["kitsune"],
    tails: 3,
    looks: "white fox with red markings and several tails",
  },
  "arctic fox": {
    base: "fox",
    colors: [WHITE],
    under: WHITE,
    looks: "white",
  },
  fennec: {
    base: "fox",
    head: 0.9,
    body: 7,
    legs: 4,
    colors: ["#e8c890"],
    under: WHITE,
    coat: ["bicolor"],
    looks: "small and sandy with huge ears",
  },
  // rodents drawn on the rig rather than the mouse icon: a hamster is round, tailless, two-tone
  hamster: {
    base: "mouse",
    legs: 1.4,
    body: 8,
    heavy: true,
    ears: "round",
    tail: "none",
    snout: 0.8,
    colors: ["#e0a050", "#d8b078"],
    under: WHITE,
    coat: ["bicolor"],
    looks: "round, orange and white, short legs, no tail",
  },
  "guinea pig": {
    base: "mouse",
    legs: 1.4,
    body: 10,
    heavy: true,
    ears: "round",
    tail: "none",
    snout: 1,
    colors: [WHITE, "#c88048"],
    mark: "#8c5028",
    coat: ["patches"],
    looks: "round and tailless with patches",
  },
  gerbil: {
    base: "mouse",
    colors: ["#d8a868"],
    under: WHITE,
    coat: ["bicolor"],
    tail: "thin",
    looks: "sandy with a pale belly",
  },
  // species drawn on the rig by their own vocabulary line (a hedgehog on the mouse's): the row is
  // keyed by the species itself, so its spines or stripes are drawn rather than the plain rig
  hedgehog: {
    base: "mouse",
    legs: 1.6,
    body: 10,
    heavy: true,
    head: 0.8,
    ears: "round",
    tail: "none",
    snout: 2.5,
    colors: ["#d8b088", "#c8a078"],
    under: "#f0dcc0",
    mark: ["#5c4434", "#6c5038", "#4c3c30"],
    coat: ["quills"],
    looks: "a dome of brown spines, a pale pointed face, short legs",
  },
  tiger: {
    base: "tiger",
    tail: "thin",
    colors: ["#f0862a", "#e87820"],
    under: WHITE,
    mark: BLACK,
    coat: ["tabby", "bicolor"],
    looks: "orange with black stripes and a white belly",
  },
  pony: {
    base: "horse",
    legs: 6,
    body: 9,
    head: 1.1,
    looks: "short legs, big head",
  },
  // wild and farm kinds whose borrowed drawing was a head, or an emoji that only bobbed: each is
  // drawn on the rig nearest its build (its vocabulary line names it) with what tells it apart
  deer: {
    base: "deer",
    colors: ["#b07840", "#a06838", "#b8844c"],
    under: "#f0e0c8",
    coat: ["antlers", "bicolor"],
    looks: "tan with a pale belly, branched antlers, long legs",
  },
  reindeer: {
    base: "deer",
    legs: 8,
    body: 10,
    heavy: true,
    colors: ["#8c7458", "#7c6850"],
    under: "#e8e0d0",
    coat: ["antlers", "bicolor"],
    looks: "grey-brown with a pale neck and belly, big branched antlers",
  },
  moose: {
    base: "deer",
    legs: 10,
    body: 12,
    heavy: true,
    head: 1.2,
    snout: 4,
    tail: "nub",
    colors: ["#5c4030", "#4c3428", "#6c4c34"],
    // a brown muzzle (a pale one read as a horse's)
    under: "#8c6c50",
    coat: ["palmate", "dewlap", "hump"],
    looks: "dark brown, broad flat antlers, a shoulder hump and a dewlap, long legs",
  },
  boar: {
    base: "boar",
    legs: 4,
    body: 11,
    heavy: true,
    head: 1.15,
    snout: 2.5,
    ears: "pointy",
    tail: "thin",
    colors: ["#4c3c30", "#5c4434", "#3c302c"],
    // a greyish snout, dark enough for the ivory tusks to show on it
    under: "#5c4c48",
    mark: "#241c1c",
    coat: ["tusks", "bristle", "hump"],
    looks: "dark and bristly, a crest along the back, white tusks",
  },
  pig: {
    base: "pig",
    // a barrel on short legs, the big head low on the shoulders with a flat snout disc, ears
    // flopping forward, a corkscrew tail (pricked ears on a cat's build read as a pink cat, eval-f)
    legs: 2.6,
    body: 12,
    head: 1.15,
    snout: 2.2,
    tail: "twist",
    ears: "flap",
    heavy: true,
    colors: ["#f0a0b0", "#f4b0bc", "#e8a0a8"],
    under: "#f8c0cc",
    coat: ["snout"],
    looks: "pink, round, a flat snout and a curly tail",
  },
  cow: {
    base: "cow",
    heavy: true,
    colors: [WHITE],
    tail: "thin",
    mark: [BLACK, "#8c5a30"],
    under: "#f0b0b8",
    coat: ["patches", "horns"],
    looks: "white with dark patches, short horns",
  },
  // a bull was an emoji still: a placid ox that could not walk, scowl or charge (eval-f)
  bull: {
    base: "bull",
    legs: 5,
    body: 12,
    heavy: true,
    head: 1.15,
    ears: "small",
    tail: "thin",
    snout: 2,
    colors: ["#4c3028", "#3c2c28", "#6c4430"],
    under: "#8c6c58",
    coat: ["hump", "long-horns"],
    looks: "dark and heavy, a deep chest and shoulder hump, long horns curving forward",
  },
  sheep: {
    base: "sheep",
    legs: 4.5,
    body: 11,
    heavy: true,
    colors: ["#f0ece0", "#e8e4dc"],
    mark: ["#3c3430", "#4c4038"],
    coat: ["wool", "points"],
    looks: "a woolly fleece, dark face and legs",
  },
  ram: {
    base: "sheep",
    legs: 4.5,
    body: 11,
    heavy: true,
    colors: ["#f0ece0", "#e8e4dc"],
    mark: ["#3c3430", "#4c4038"],
    coat: ["wool", "points", "goat-horns"],
    looks: "a woolly fleece, dark face and legs, horns swept back",
  },
  goat: {
    base: "goat",
    ears: "small",
    colors: ["#eeeef2", "#d8ccb8", "#8c6c4c"],
    // horn-grey horns: in the coat's own dark shade they read as a tuft of hair (eval-f)
    mark: "#5c5458",
    coat: ["goat-horns", "beard"],
    looks: "horns swept back and a beard",
  },
  "mountain goat": {
    base: "goat",
    ears: "small",
    legs: 6,
    body: 10,
    heavy: true,
    colors: [WHITE, "#f0ece0"],
    mark: BLACK,
    coat: ["goat-horns", "beard", "wool"],
    looks: "a shaggy white coat, black horns curving back, a beard",
  },
  // a rat is not the cute pet mouse: a long low grey-brown body, a pointed snout, a long bare
  // tail and a rough crest of fur along the back (its vocabulary line, the last of the game
  // table, draws it on the mouse's rig)
  rat: {
    base: "mouse",
    legs: 2.6,
    body: 11,
    ears: "round",
    tail: "thin",
    snout: 2.6,
    colors: ["#7c6c5c", "#6c6058", "#847464"],
    under: "#a89a8c",
    mark: "#4c4038",
    coat: ["bristle"],
    looks: "grey-brown and scruffy, a pointed snout, a long bare tail",
  },
  zebra: {
    base: "horse",
    colors: [WHITE],
    mark: BLACK,
    under: "#34303e",
    tail: "thin",
    coat: ["zebra"],
    looks: "white with bold black stripes on body, neck, head and legs",
  },
  llama: {
    base: "horse",
    legs: 8,
    body: 9,
    ears: "pointy",
    snout: 3,
    tail: "puff",
    neck: 5,
    colors: ["#f0e8d8", "#d8b888", "#a87848", WHITE],
    coat: ["wool"],
    looks: "a long upright neck, a woolly body, tall ears",
  },
  raccoon: {
    base: "fox",
    legs: 4,
    body: 9,
    heavy: true,
    ears: "round",
    snout: 2,
    colors: ["#8a8c98", "#7c7c88", "#9a9488"],
    under: "#eeeef2",
    mark: "#2c2834",
    coat: ["bandit", "ringed"],
    looks: "grey with a black mask across the eyes and a ringed tail",
  },
  skunk: {
    base: "fox",
    legs: 3.5,
    body: 9,
    heavy: true,
    ears: "round",
    snout: 2,
    tail: "plume",
    colors: [BLACK],
    under: WHITE,
    coat: ["back-stripe"],
    looks: "black with a white stripe from the head along a big raised tail",
  },
  squirrel: {
    base: "mouse",
    legs: 3,
    body: 7,
    head: 1.1,
    ears: "pointy",
    snout: 1,
    tail: "plume",
    colors: ["#c0602c", "#b0582a", "#8a8c98"],
    under: "#f0dcc0",
    coat: ["bicolor"],
    looks: "a big bushy tail held up over the back, tufted ears",
  },
  lynx: {
    base: "cat",
    legs: 6.5,
    body: 9,
    ears: "pointy",
    tail: "nub",
    snout: 1,
    colors: ["#c8a070", "#b89468", "#d0a878"],
    under: WHITE,
    mark: "#4c3828",
    coat: ["spots", "bicolor"],
    looks: "tawny with dark spots, tall pointed ears, a stubby tail, long legs",
  },
  hyena: {
    base: "wolf",
    legs: 6,
    body: 10,
    ears: "round",
    tail: "short",
    snout: 2.5,
    colors: ["#b8a078", "#a89068"],
    mark: "#3c3028",
    coat: ["spots", "hump"],
    looks: "sandy with dark spots, round ears, high shoulders",
  },
  mole: {
    base: "mouse",
    legs: 1.4,
    body: 9,
    heavy: true,
    head: 0.9,
    ears: "round",
    snout: 2.5,
    tail: "thin",
    colors: ["#3c3840", "#4c4450"],
    under: "#f0a0a8",
    coat: ["socks"],
    looks: "dark velvet fur, a pink pointed snout and pink paws",
  },
  opossum: {
    base: "mouse",
    legs: 3,
    body: 9,
    ears: "round",
    snout: 2.5,
    colors: ["#a8a4a8", "#9c98a0"],
    under: WHITE,
    coat: ["mask"],
    looks: "grey with a white face and a long bare pink tail",
  },
  // big game animals that were emoji stills (they could not walk): each on the rig with its
  // defining parts
  hippo: {
    base: "hippo",
    legs: 3.4,
    body: 15,
    heavy: true,
    head: 1.5,
    ears: "round",
    tail: "nub",
    snout: 3,
    colors: ["#9c98b0", "#8c889c", "#a49cac"],
    under: "#e8a0a8",
    coat: ["jowls"],
    looks: "a grey barrel body on short legs, a huge broad muzzle, small ears",
  },
  rhino: {
    base: "rhino",
    legs: 5,
    body: 13,
    heavy: true,
    head: 1.15,
    ears: "small",
    tail: "nub",
    snout: 3,
    colors: ["#8c8c94", "#9c9ca0", "#7c8088"],
    mark: "#5c5c68",
    under: "#a8a8b0",
    coat: ["nose-horn", "hump"],
    looks: "grey and heavy, a big horn on the nose and a small one behind",
  },
  bison: {
    base: "bison",
    legs: 5,
    body: 12,
    heavy: true,
    head: 1.2,
    ears: "small",
    tail: "thin",
    snout: 1.6,
    colors: ["#6c4830", "#5c3c28", "#7c5434"],
    mark: ["#3c281c", "#34241c"],
    under: "#4c3424",
    coat: ["hump", "shag", "beard", "horns"],
    looks: "a big shoulder hump under a shaggy dark cape, a beard, short horns",
  },
  // a kangaroo was an emoji still, and seeds of it on four legs read as orange camels: up on its
  // haunches on long hind feet, short arms in front, a thick tail on the ground, hopping
  kangaroo: {
    base: "kangaroo",
    legs: 3,
    body: 11,
    head: 0.9,
    ears: "long",
    tail: "thick",
    snout: 2.6,
    upright: true,
    colors: ["#c07840", "#b46c3c", "#c88c58"],
    under: "#ecd8b8",
    coat: ["bicolor"],
    looks: "up on big hind legs, short arms, a thick tail, hopping",
  },
  wallaby: {
    base: "kangaroo",
    legs: 2.6,
    body: 9,
    head: 0.95,
    ears: "long",
    tail: "thick",
    snout: 2.2,
    upright: true,
    colors: ["#8c7c70", "#9c8470", "#7c6c64"],
    under: "#e0d4c4",
    coat: ["bicolor"],
    looks: "small and grey-brown, up on big hind legs, a thick tail, hopping",
  },
  yak: {
    base: "yak",
    legs: 4.5,
    body: 12,
    heavy: true,
    head: 1.1,
    ears: "small",
    tail: "bushy",
    snout: 1.8,
    colors: ["#3c302c", "#2c2828", "#4c3c34"],
    mark: ["#241c1c"],
    under: "#5c4c44",
    coat: ["hump", "shag", "long-horns"],
    looks: "dark and shaggy, a shoulder hump, long horns out and up",
  },
  "water-buffalo": {
    base: "water-buffalo",
    legs: 5,
    body: 12,
    heavy: true,
    head: 1.1,
    ears: "small",
    tail: "thin",
    snout: 2,
    colors: ["#4c4c54", "#3c3c44", "#54505a"],
    under: "#6c6c74",
    coat: ["wide-horns"],
    looks: "slate grey, broad horns swept out and back",
  },
  camel: {
    base: "camel",
    legs: 10,
    body: 10,
    ears: "small",
    tail: "short",
    head: 0.85,
    snout: 3.6,
    neck: 3,
    colors: ["#d8a868", "#c89858", "#e0b478"],
    under: "#f0d8b0",
    coat: ["camel-hump"],
    looks: "sandy, a hump on the back, long legs and a long neck",
  },
  "bactrian camel": {
    base: "camel",
    legs: 10,
    body: 11,
    ears: "small",
    tail: "short",
    head: 0.85,
    snout: 3.6,
    neck: 3,
    colors: ["#b08050", "#a07040"],
    under: "#e0c090",
    coat: ["humps"],
    looks: "brown, two humps, long legs and a long neck",
  },
  otter: {
    base: "otter",
    legs: 2.4,
    body: 13,
    ears: "small",
    tail: "thin",
    snout: 1.2,
    colors: ["#7c5434", "#6c4a2c", "#8c6038"],
    under: "#d8c0a0",
    coat: ["bicolor"],
    looks: "a long low brown body on short legs, a pale throat, a long thick tail",
  },
  badger: {
    base: "badger",
    legs: 2.6,
    body: 11,
    heavy: true,
    ears: "small",
    tail: "short",
    snout: 1.8,
    colors: ["#9a9aa0", "#8a8a94"],
    under: WHITE,
    mark: BLACK,
    coat: ["badger-face"],
    looks: "grey, low and broad, a white face with a black stripe over each eye, dark legs",
  },
  "polar-bear": {
    base: "bear",
    // longer in the neck and the muzzle than a brown bear; the hump is named so the white coat
    // strays as little as a wild kind's (a free stray turned it mint green)
    snout: 2.6,
    legs: 5,
    body: 13,
    head: 1.05,
    coat: ["hump"],
    colors: [WHITE, "#f4f0e4"],
    // the bear's round ears and black nose (small pointed ears and a pink nose read as a pig)
    looks: "white, bulky, small round ears, a black nose",
  },
  koala: {
    base: "bear",
    legs: 3.5,
    body: 9,
    head: 1.3,
    ears: "round",
    snout: 0.8,
    colors: ["#9c9ca8", "#8c8c98"],
    under: WHITE,
    coat: ["bicolor", "tufts", "big-nose"],
    looks: "grey, a big head with big fluffy round ears and a big black nose",
  },
  // the great apes were an emoji still (a gorilla) or the monkey's emoji (an ape, a chimp): on the
  // bear's rig they walk on their knuckles, the long arms holding the broad shoulders high over the
  // hips, tailless, with a bare face paler than the fur
  gorilla: {
    base: "gorilla",
    legs: 3.5,
    body: 9,
    heavy: true,
    head: 1.05,
    ears: "none",
    tail: "none",
    snout: 1,
    stoop: 6,
    colors: ["#3c3a42", "#38343c", "#423c40"],
    under: "#7c7474",
    // a silverback's pale saddle: all-black it read as a black bear
    mark: "#9c9ca4",
    coat: ["hump", "mask", "saddle"],
    looks: "black with a silver back, broad shoulders, long arms, walking on its knuckles",
  },
  chimp: {
    base: "chimp",
    legs: 4,
    body: 8,
    ears: "round",
    tail: "none",
    snout: 1.2,
    stoop: 4,
    colors: ["#3c3028", "#342a24", "#443428"],
    under: "#d8b898",
    coat: ["mask"],
    looks: "dark brown, big round ears, a pale face, walking on its knuckles",
  },
  orangutan: {
    base: "orangutan",
    legs: 3,
    body: 9,
    heavy: true,
    ears: "none",
    tail: "none",
    snout: 0.8,
    stoop: 5,
    colors: ["#b85c24", "#a84c1c", "#c46428"],
    under: "#7c5c4c",
    coat: ["hump", "mask"],
    looks: "shaggy orange-red, very long arms, a dark face",
  },
};

/** The rigs (bases) whose icon subject a table breed is drawn on the rig instead of the icon. */
const RIG_INSTEAD_OF_ICON = new Set(["mouse"]);

const KEYS = Object.keys(TABLE).sort((a, b) => b.length - a.length);
const KEY_RE = KEYS.map((k) => [k, new RegExp(`\\b${k}s?\\b`)] as const);

const hexOf = (c: readonly number[]) =>
  `#${c.map((v) => v.toString(16).padStart(2, "0")).join("")}`;

/** Build words of a WordNet gloss (lexicon-traits.ts keeps them) → proportions. */
export function glossBuild(gloss: string): Build {
  const w = new Set(gloss.split(" "));
  const b: Build = {};
  if (w.has("short-legged")) b.legs = 2.5;
  if (w.has("long-legged")) b.legs = 9;
  if (w.has("long-bodied")) b.body = 12;
  if (w.has("tailless")) b.tail = "none";
  else if (w.has("short-tailed")) b.tail = "nub";
  else if (w.has("long-tailed")) b.tail = "thin";
  if (w.has("long-eared")) b.ears = "long";
  if (["large", "larger", "largest", "big", "huge", "giant", "enormous"].some((x) => w.has(x)))
    b.heavy = true;
  if (["small", "smaller", "smallest", "tiny"].some((x) => w.has(x))) {
    // a small kind: a bigger head on a shorter body (a toy dog, not the dog shrunk)
    b.head = 1.15;
    b.body = 7;
    b.legs ??= 4;
  }
  return b;
}

/** A breed the prompt names for the drawn subject, from the table (longest name first). */
export function tableBreed(text: string, subject: string): [string, Breed] | undefined {
  const t = text.toLowerCase();
  for (const [k, re] of KEY_RE)
    if ((TABLE[k]!.base === subject || k === subject) && re.test(t)) return [k, TABLE[k]!];
  // a row keyed by the subject itself draws every synonym and the Chinese word (刺猬, "elk")
  const own = TABLE[subject];
  return own ? [subject, own] : undefined;
}

/**
 * The build for an animal prompt: the table's breed, else the gloss's build words for the word
 * the animal was named by (through WordNet), else nothing.
 */
export function breedBuild(info: PromptInfo): Build | undefined {
  if (info.breed) {
    const t = TABLE[info.breed];
    if (t) return t;
    const e = lookupNoun(info.breed);
    if (e?.gloss) {
      const b = glossBuild(e.gloss);
      if (Object.keys(b).length) return b;
    }
  }
  return undefined;
}

/**
 * After the parse: a breed named for an animal subject becomes the info's `breed` (the rig draws
 * its build), a table breed's words are no longer "not understood", and the line says what the
 * build shows. A table breed of a rodent is drawn on the rig, not the plain mouse icon.
 */
export function readBreed(info: PromptInfo, headWord: string | undefined): PromptInfo {
  if (info.kind !== "animal" && info.kind !== "icon") return info;
  const found = tableBreed(info.text, info.subject);
  if (found) {
    const [word, b] = found;
    const onRig = info.kind === "animal" && info.builder === "animal";
    const reroute = !onRig && info.builder === "icon" && RIG_INSTEAD_OF_ICON.has(b.base);
    if (!onRig && !reroute) return info;
    const out: PromptInfo = reroute
      ? { ...info, kind: "animal", builder: "animal", variant: b.base, icon: undefined }
      : { ...info };
    out.breed = word;
    const words = word.split(" ");
    out.unknown = info.unknown.filter((u) => !words.includes(u));
    // the gloss's first colour ("calico cat": black) is the table's coat instead; named colours stay
    // (kept when it agrees with the table: a dalmatian's gloss says white and spotted)
    const fromGloss = (g: string) => g.startsWith("colour and markings from WordNet's description");
    const c0 = info.colors[0];
    const agrees = !!c0 && !!b.colors?.includes(hexOf(c0));
    // a colour the prompt named ("a brown dalmatian") is not the gloss's: it stays, as the line says
    const glossWord = info.guesses.find(fromGloss)?.match(/description of "([^"]+)"/)?.[1];
    const glossHexes = glossWord ? glossColors(lookupNoun(glossWord)?.gloss ?? "") : [];
    const named = !!c0 && !glossHexes.includes(hexOf(c0));
    if (info.guesses.some(fromGloss) && !agrees && !named) {
      out.colors = [];
      out.pattern = undefined;
      out.guesses = info.guesses.filter((g) => !fromGloss(g));
      out.guessesZh = info.guessesZh.filter((g) => !g.startsWith("颜色和花纹取自 WordNet"));
      info = out;
    }
    // the parse's "… was not understood, so drew a plain cat" is no longer true
    const plain = (g: string) => words.some((w) => g.includes(`"${w}"`) && g.includes("plain"));
    const plainZh = (g: string) => words.some((w) => g.includes(`“${w}”`) && g.includes("普通"));
    out.guesses = [...info.guesses.filter((g) => !plain(g)), `drew the ${word}'s look: ${b.looks}`];
    out.guessesZh = [
      ...info.guessesZh.filter((g) => !plainZh(g)),
      `画出“${word}”的样子:${b.looks}`,
    ];
    return out;
  }
  if (info.kind !== "animal" || !headWord || headWord === info.subject) return info;
  if (!/^[a-z -]+$/.test(headWord)) return info;
  const gloss = lookupNoun(headWord)?.gloss ?? "";
  if (!Object.keys(glossBuild(gloss)).length) return info;
  return {
    ...info,
    breed: headWord,
    guesses: [...info.guesses, `the build from WordNet's description of "${headWord}": ${gloss}`],
    guessesZh: [...info.guessesZh, `体型取自 WordNet 对“${headWord}”的描述:${gloss}`],
  };
}
