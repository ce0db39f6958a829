// Birds drawn by a rig (#20 item 3, "birds hop or fly"): the emoji stood in for every bird, so a
// chicken was a chicken's head and a walk was a bob. Here a bird is a side-view body (round, long
// or upright), a head with its beak (cone, hook, flat bill, long), folded wings that spread to fly,
// a tail (fan, short, long, up, a peacock's train), legs (short or wading) and a comb, tufts or
// crest. It hops or waddles, flaps on a jump, pecks on an attack. A species the table lacks takes
// its shape from its WordNet chain ("magpie" → corvine bird → a crow's build).
import type { Rng } from "../prng";
import type { Rgb } from "../types";
import type { SpriteCanvas } from "./canvas";
import { type Design, Mats, type Pose, takeChoice } from "./design";
import { lookupNoun } from "./lexicon";
import type { PromptInfo } from "./prompt";

type Body = "round" | "long" | "upright";
type Beak = "cone" | "hook" | "flat" | "long" | "big";
type Tail = "fan" | "short" | "long" | "up" | "train" | "fork" | "spread" | "none";
type Crest = "none" | "comb" | "tufts" | "crest" | "crown" | "cap";

interface Species {
  body: Body;
  /** body half-length and half-height, logical px on a 32 px sprite */
  w: number;
  h: number;
  neck: number;
  head: number;
  beak: Beak;
  beakLen: number;
  tail: Tail;
  legs: number;
  crest: Crest;
  wattle?: boolean;
  /** an owl's round face looks at the viewer whatever the body does */
  face?: boolean;
  /** marks in the accent colour: a mask round the beak, a ruff at the neck's base */
  mask?: boolean;
  ruff?: boolean;
  /** a white patch on the folded wing (a magpie's shoulder, a woodpecker's bars) */
  wingPatch?: boolean;
  /** small birds hop with both feet; ducks and penguins waddle */
  gait: "hop" | "step" | "waddle";
  /** body, belly, wing, head, beak, legs, accent (comb, face disc, eye spots, wing patch) */
  colors: [string, string, string, string, string, string, string];
  looks: string;
}

const S = (
  body: Body,
  [w, h, neck, head]: [number, number, number, number],
  beak: Beak,
  beakLen: number,
  tail: Tail,
  legs: number,
  crest: Crest,
  gait: Species["gait"],
  colors: Species["colors"],
  looks: string,
  extra: Partial<Species> = {},
): Species => ({
  body,
  w,
  h,
  neck,
  head,
  beak,
  beakLen,
  tail,
  legs,
  crest,
  gait,
  colors,
  looks,
  ...extra,
});

const CHICKEN = S(
  "round",
  [6.5, 5.5, 1, 3],
  "cone",
  2,
  "up",
  4,
  "comb",
  "step",
  ["#f4efe4", "#fbf8f0", "#e0d6c4", "#f4efe4", "#f0b030", "#f0b030", "#e03030"],
  "a plump hen with a red comb and wattle",
  { wattle: true },
);
const EAGLE = S(
  "long",
  [7, 4.8, 0, 3.2],
  "hook",
  3,
  "fan",
  3.5,
  "none",
  "step",
  ["#5c3c24", "#6c4a2c", "#4c3020", "#f4f0e8", "#f0c030", "#f0c030", "#f4f0e8"],
  "dark brown with a white head and a hooked yellow beak",
);
const CROW = S(
  "long",
  [6.5, 4.4, 0, 3],
  "cone",
  3,
  "long",
  3.5,
  "none",
  "hop",
  ["#2a2a38", "#30303e", "#1e1e2a", "#2a2a38", "#24242c", "#24242c", "#4c4c64"],
  "all black with a strong beak",
);
const SPARROW = S(
  "round",
  [5, 4.2, 0, 2.8],
  "cone",
  1.5,
  "short",
  2.5,
  "none",
  "hop",
  ["#9c7c58", "#e4d8c4", "#6c5038", "#8c6c4c", "#4c3c30", "#c8a078", "#3c3028"],
  "a small brown songbird",
);
const DOVE = S(
  "round",
  [6.5, 5, 0, 2.8],
  "cone",
  1.5,
  "short",
  2.5,
  "none",
  "step",
  ["#8c94a4", "#a8b0bc", "#b4bcc8", "#6c7890", "#3c3c44", "#d86c6c", "#4c9c8c"],
  "a grey pigeon with a green sheen on the neck",
);
const WADER = S(
  "round",
  [5.5, 4, 8, 2.5],
  "long",
  4,
  "short",
  11,
  "none",
  "step",
  ["#a8b0b8", "#e8ecf0", "#8c949c", "#e8ecf0", "#e8c040", "#b89868", "#2c2c34"],
  "long legs, a long neck and a long beak",
);

const TABLE: Record<string, Species> = {
  chicken: CHICKEN,
  hen: CHICKEN,
  rooster: S(
    "round",
    [6.5, 5.5, 1, 3],
    "cone",
    2,
    "train",
    4.5,
    "comb",
    "step",
    ["#d0582c", "#3c2c28", "#a03c20", "#f0a040", "#f0b030", "#f0b030", "#e82828"],
    "red and orange with a tall red comb and a dark green curved tail",
    { wattle: true },
  ),
  duck: S(
    "round",
    [7, 4.5, 1, 3],
    "flat",
    3,
    "up",
    2.5,
    "none",
    "waddle",
    ["#c8c0b0", "#d8d0c0", "#8c7458", "#2c7c48", "#f0c030", "#f08c28", "#3c5cc8"],
    "a mallard: green head, yellow bill, orange feet",
  ),
  owl: S(
    "upright",
    [5.5, 5.5, 0, 5.5],
    "hook",
    1.5,
    "short",
    1.5,
    "tufts",
    "hop",
    ["#9c7450", "#e0c89c", "#6c4c30", "#9c7450", "#3c3428", "#c8a050", "#f4e8cc"],
    "a round face with big eyes and ear tufts",
    { face: true },
  ),
  parrot: S(
    "upright",
    [4.5, 6, 0, 3.5],
    "hook",
    2.5,
    "long",
    2,
    "none",
    "step",
    ["#e03028", "#e03028", "#2c6cd0", "#e03028", "#ece4d4", "#6c6c74", "#f0c830"],
    "a red macaw with blue wings, a hooked beak and a long tail",
  ),
  penguin: S(
    "upright",
    [5, 8, 0, 3.5],
    "cone",
    2,
    "short",
    1,
    "none",
    "waddle",
    ["#24242c", "#f4f4f4", "#24242c", "#24242c", "#f0a030", "#f0a030", "#f0c830"],
    "upright, black back and white front",
  ),
  eagle: EAGLE,
  hawk: S(
    "long",
    [7, 4.8, 0, 3.2],
    "hook",
    3,
    "fan",
    3.5,
    "none",
    "step",
    ["#7c5434", "#e8d8c0", "#5c3c24", "#7c5434", "#3c3428", "#f0c030", "#b8743c"],
    "brown with a pale streaked breast and a hooked beak",
  ),
  crow: CROW,
  raven: CROW,
  rook: CROW,
  jackdaw: CROW,
  pigeon: DOVE,
  dove: S(
    "round",
    [6.5, 5, 0, 2.8],
    "cone",
    1.5,
    "short",
    2.5,
    "none",
    "step",
    ["#f4f4f0", "#fbfbf8", "#e4e4e0", "#f4f4f0", "#e8a0a0", "#e88c8c", "#d8d8d4"],
    "a white dove",
  ),
  flamingo: S(
    "round",
    [5.5, 4, 9, 2.5],
    "long",
    3.5,
    "short",
    11,
    "none",
    "step",
    ["#f08cac", "#f8a8c0", "#e8607c", "#f08cac", "#f4ece0", "#e87c9c", "#2c2c34"],
    "pink, with long legs and a long curved neck",
  ),
  swan: S(
    "long",
    [8, 4.5, 8, 2.5],
    "flat",
    2.5,
    "up",
    1,
    "none",
    "waddle",
    ["#f8f8f4", "#fcfcf8", "#ecece6", "#f8f8f4", "#f08c28", "#3c3c44", "#24242c"],
    "white with a long upright neck and an orange bill",
  ),
  ostrich: S(
    "round",
    [7, 5, 9, 2.5],
    "cone",
    2,
    "fan",
    11,
    "none",
    "step",
    ["#2c2c30", "#3c3c40", "#2c2c30", "#d8b8a8", "#e8c8a0", "#d8b8a8", "#f4f0e8"],
    "a big black body, white tail, a long bare neck and long legs",
  ),
  peacock: S(
    "long",
    [6, 4.5, 3, 2.5],
    "cone",
    1.5,
    "train",
    4,
    "crown",
    "step",
    ["#2c5cc0", "#2c5cc0", "#8c7c58", "#2c6cd0", "#c8b898", "#8c8c94", "#e8c030"],
    "blue with a fanned green train full of eye spots and a crown",
  ),
  robin: S(
    "round",
    [5, 4.4, 0, 2.8],
    "cone",
    1.5,
    "short",
    2.5,
    "none",
    "hop",
    ["#7c6450", "#e06a30", "#6c5442", "#7c6450", "#3c3028", "#8c6c58", "#f4ece0"],
    "brown with an orange-red breast",
  ),
  sparrow: SPARROW,
  songbird: SPARROW,
  bird: SPARROW,
  heron: WADER,
  stork: S(
    "round",
    [5.5, 4, 7, 2.5],
    "long",
    4.5,
    "short",
    11,
    "none",
    "step",
    ["#f4f4f0", "#fbfbf8", "#24242c", "#f4f4f0", "#e03c28", "#e0503c", "#24242c"],
    "white with black wing feathers, a red beak and red legs",
  ),
  crane: S(
    "round",
    [5.5, 4, 8, 2.5],
    "long",
    3.5,
    "fan",
    11,
    "cap",
    "step",
    ["#c8ccd4", "#e0e4e8", "#3c3c44", "#24242c", "#c8b060", "#3c3c44", "#e02c28"],
    "grey with a black neck, a red cap and long legs",
  ),
  vulture: S(
    "long",
    [7, 5, 2, 2.4],
    "hook",
    2.5,
    "fan",
    3.5,
    "none",
    "step",
    ["#3c3028", "#4c3c30", "#2c2420", "#e0a090", "#d8c8a0", "#9c9088", "#f4ece0"],
    "dark brown with a bare pink head, a pale ruff and a hooked beak",
    { ruff: true },
  ),
  gull: S(
    "long",
    [6.5, 4.4, 0, 2.8],
    "cone",
    2.5,
    "short",
    3,
    "none",
    "step",
    ["#f4f4f4", "#fbfbfb", "#a8b0bc", "#f4f4f4", "#f0c030", "#f0a878", "#24242c"],
    "white with grey wings and a yellow beak",
  ),
  toucan: S(
    "upright",
    [4.5, 6, 0, 3.2],
    "big",
    5.5,
    "long",
    2,
    "none",
    "hop",
    ["#24242c", "#f4e070", "#24242c", "#24242c", "#f08c28", "#4c7cd0", "#e03028"],
    "black with a yellow throat and a huge orange beak",
  ),
  turkey: S(
    "round",
    [7, 6, 2, 2.3],
    "cone",
    1.5,
    "spread",
    4,
    "none",
    "step",
    ["#5c3c28", "#6c4830", "#4c3020", "#c8d0e0", "#d8c8a0", "#c88c68", "#d83028"],
    "a plump brown body, a tail fanned up behind, a bare head and a red wattle",
    { wattle: true },
  ),
  woodpecker: S(
    "upright",
    [4, 6, 0, 2.8],
    "long",
    3,
    "short",
    2.5,
    "cap",
    "hop",
    ["#24242c", "#f4f0e8", "#24242c", "#24242c", "#4c4c54", "#6c6c74", "#e02c28"],
    "black and white with a red cap and a chisel beak",
    { wingPatch: true },
  ),
  kingfisher: S(
    "round",
    [5, 4.4, 0, 3],
    "long",
    4,
    "short",
    2,
    "none",
    "hop",
    ["#1c8cc8", "#f08c30", "#2c6cb8", "#1c8cc8", "#24242c", "#e05c3c", "#f4f0e8"],
    "bright blue with an orange breast and a long dagger beak",
  ),
  pelican: S(
    "long",
    [7, 5, 3, 2.5],
    "big",
    8,
    "short",
    3,
    "none",
    "waddle",
    ["#f4f4f0", "#fbfbf8", "#d0d0cc", "#f4f4f0", "#f0c868", "#9c9c98", "#f0a040"],
    "white with a long beak and an orange throat pouch",
  ),
  kiwi: S(
    "round",
    [6.5, 5.5, 0, 2.3],
    "long",
    5,
    "none",
    3,
    "none",
    "step",
    ["#8c6c48", "#9c7c58", "#8c6c48", "#8c6c48", "#e8d8b0", "#c8b898", "#6c5038"],
    "a round brown ball with no tail and a long thin beak",
  ),
  swallow: S(
    "long",
    [5.5, 3.6, 0, 2.5],
    "cone",
    1.2,
    "fork",
    1.5,
    "none",
    "hop",
    ["#243c8c", "#f4f0e8", "#1c2c6c", "#243c8c", "#24242c", "#3c3c44", "#c83c28"],
    "dark blue with a white belly, a red face and a forked tail",
    { mask: true },
  ),
  magpie: S(
    "long",
    [6, 4.2, 0, 2.8],
    "cone",
    2.5,
    "long",
    3,
    "none",
    "hop",
    ["#24242c", "#f4f4f0", "#1e2a4c", "#24242c", "#24242c", "#24242c", "#f4f4f0"],
    "black and white with a long tail",
    { wingPatch: true },
  ),
  "blue jay": S(
    "round",
    [5.5, 4.6, 0, 2.9],
    "cone",
    2,
    "long",
    2.5,
    "crest",
    "hop",
    ["#3c7cd0", "#e8ecf0", "#2c5cb0", "#3c7cd0", "#24242c", "#3c3c44", "#24242c"],
    "blue with a crest, a white front and white wing bars",
    { wingPatch: true },
  ),
  cardinal: S(
    "round",
    [5.2, 4.6, 0, 2.9],
    "cone",
    2,
    "long",
    2.5,
    "crest",
    "hop",
    ["#d82828", "#e84040", "#b01c1c", "#d82828", "#f08c30", "#8c5c48", "#1c1c20"],
    "red all over with a crest, a black mask and an orange beak",
    { mask: true },
  ),
};
TABLE.cockerel = TABLE.rooster!;
TABLE.macaw = TABLE.parrot!;
TABLE.falcon = TABLE.hawk!;
TABLE.emu = TABLE.ostrich!;

/** The vocabulary's Chinese bird words → the table's species. */
const ZH: Record<string, string> = {
  公鸡: "rooster",
  母鸡: "hen",
  鸡: "chicken",
  鸭: "duck",
  猫头鹰: "owl",
  鹦鹉: "parrot",
  企鹅: "penguin",
  猎鹰: "falcon",
  鹰: "eagle",
  乌鸦: "crow",
  鸽: "pigeon",
  天鹅: "swan",
  火烈鸟: "flamingo",
  鸵鸟: "ostrich",
  孔雀: "peacock",
  麻雀: "sparrow",
  苍鹭: "heron",
  白鹭: "heron",
  鹳: "stork",
  鹤: "crane",
  秃鹫: "vulture",
  海鸥: "gull",
  巨嘴鸟: "toucan",
  火鸡: "turkey",
  啄木鸟: "woodpecker",
  翠鸟: "kingfisher",
  鹈鹕: "pelican",
  几维鸟: "kiwi",
  燕子: "swallow",
  喜鹊: "magpie",
  蓝松鸦: "blue jay",
  北美红雀: "cardinal",
};
const ZH_KEYS = Object.entries(ZH).sort((a, b) => b[0].length - a[0].length);
const KEYS = Object.keys(TABLE).sort((a, b) => b.length - a.length);

/** A bird's build from its WordNet chain, for species the table lacks. */
function chainSpecies(word: string): string | undefined {
  const e = lookupNoun(word);
  if (!e || !["bird", "eagle", "chicken", "dove", "duck"].includes(e.base ?? "")) return undefined;
  const chain = e.chain.join(" / ");
  const has = (s: string) => chain.includes(s);
  if (e.base === "eagle" || has("bird of prey")) return "hawk";
  if (has("corvine")) return "crow";
  if (has("wading bird")) return "heron";
  if (has("parrot")) return "parrot";
  if (has("gallinaceous")) return "chicken";
  if (has("columbiform")) return "pigeon";
  if (has("duck") || has("anseriform")) return "duck";
  if (has("passerine")) return "sparrow";
  return undefined;
}

/**
 * After the parse: the bird species named in the prompt (table first, then the head word's WordNet
 * chain) becomes the info's `breed`; the line says which look was drawn. The table's colours stand
 * for a species it knows, so a gloss's colour ("robin": small reddish) does not repaint the bird.
 */
export function readBird(info: PromptInfo, headWord: string | undefined): PromptInfo {
  if (info.kind !== "bird") return info;
  const t = info.text.toLowerCase();
  let word =
    KEYS.find((k) => new RegExp(`\\b${k}(e?s)?\\b`).test(t)) ??
    ZH_KEYS.find(([zh]) => t.includes(zh))?.[1];
  let from = "";
  if (
    (!word || word === "bird") &&
    headWord &&
    /^[a-z -]+$/.test(headWord) &&
    headWord !== "bird"
  ) {
    const near = chainSpecies(headWord);
    if (near) {
      from = ` (from WordNet: ${headWord} is a kind of ${lookupNoun(headWord)?.chain[1] ?? near})`;
      word = near;
    }
  }
  if (!word || !TABLE[word]) return info;
  const sp = TABLE[word]!;
  const fromGloss = (g: string) =>
    g.startsWith("colour and markings from WordNet") || g.startsWith("colour from WordNet");
  const glossed = info.guesses.some(fromGloss);
  // a colour the prompt named paints the plumage: the line says the build, not the table's colours
  const looks =
    !glossed && info.colors.length ? `its build (${sp.looks}) in the colour asked for` : sp.looks;
  return {
    ...info,
    breed: word,
    colors: glossed ? [] : info.colors,
    unknown: info.unknown.filter((u) => !word!.split(" ").includes(u)),
    guesses: [
      ...info.guesses.filter((g) => !fromGloss(g)),
      `drew the ${from ? headWord : word}'s look: ${looks}${from}`,
    ],
    guessesZh: [
      ...info.guessesZh.filter((g) => !glossed || !g.startsWith("颜色")),
      `画出“${from ? headWord : word}”的样子:${looks}`,
    ],
  };
}

/**
 * Takes of a bird (issue #20, seeds a person tells apart), in turn by seed: standing with the
 * wings folded; pecking at the ground, tail up; wings half open, looking up; sitting down with the
 * head turned back over the shoulder. The stance is the rest pose's; the head, tail and plumpness
 * carry into every frame so a batch keeps one bird.
 */
/**
 * The tails drawn as one outline from the body's rear: each corner is [dx, dy] in body units plus
 * how much of the walk's flick and of the tail's lift moves it down. The fork's streamers are drawn
 * before its outline.
 */
const TAIL_OUTLINE: Partial<Record<Tail, [number, number, number, number][]>> = {
  fan: [
    [2, -1, 0, 0],
    [-5, -3, 1, 0],
    [-6, 2, 1, 0],
    [2, 2, 0, 0],
  ],
  short: [
    [2, -1, 0, 0],
    [-4, 1, 1, -0.5],
    [-3, 3, 1, 0],
    [2, 2, 0, 0],
  ],
  long: [
    [2, -1, 0, 0],
    [-9, 5, 1, -2],
    [-8, 7, 1, -2],
    [2, 2, 0, 0],
  ],
  fork: [
    [2, -1, 0, 0],
    [-3, 1, 1, 0],
    [2, 2, 0, 0],
  ],
  up: [
    [2, 0, 0, 0],
    [-3, -4, 1, -1],
    [-1, -5, 0, -1],
    [3, 2, 0, 0],
  ],
};

const BIRD_TAKES = [
  { stance: "stand", head: "forward", tailLift: 0, plump: 1 },
  { stance: "peck", head: "forward", tailLift: 1.5, plump: 0.92 },
  { stance: "wings", head: "up", tailLift: 0, plump: 1.08 },
  { stance: "sit", head: "back", tailLift: -0.5, plump: 1.15 },
] as const;
type BirdTake = (typeof BIRD_TAKES)[number];

const hex = (s: string): Rgb => [
  Number.parseInt(s.slice(1, 3), 16),
  Number.parseInt(s.slice(3, 5), 16),
  Number.parseInt(s.slice(5, 7), 16),
];
const mix = (a: Rgb, b: Rgb, f: number): Rgb =>
  a.map((v, i) => Math.round(v + (b[i]! - v) * f)) as Rgb;

/** Part ids on the label map: a take or a frame that moves a part shows there. */
const P = {
  tail: 1,
  farLeg: 2,
  body: 3,
  belly: 4,
  wing: 5,
  neck: 6,
  head: 7,
  crest: 8,
  beak: 9,
  eye: 10,
  leg: 11,
  farWing: 12,
} as const;

// a bird keeps its species' colours (a purple crow is not a crow): the colour rng is not drawn
/**
 * A young bird (a duckling, an eaglet, 小鸭): a big head on a short neck and short legs, a stub
 * of a tail and no crest, in down — yellow for the farmyard fowl, cream for the rest; beak and
 * legs keep their colours.
 */
function youngBird(sp: Species, variant: string): Species {
  const down = ["duck", "chicken", "rooster", "goose"].includes(variant)
    ? { hex: "#f4d040", f: 0.8 }
    : { hex: "#f2e4b0", f: 0.45 };
  const fluff = (c: string) => {
    const a = hex(c);
    const b = hex(down.hex);
    return `#${a
      .map((v, i) =>
        Math.round(v + (b[i]! - v) * down.f)
          .toString(16)
          .padStart(2, "0"),
      )
      .join("")}`;
  };
  const [body, belly, wing, head, beak, legs, accent] = sp.colors;
  return {
    ...sp,
    w: sp.w * 0.85,
    neck: sp.neck * 0.5,
    head: sp.head * 1.3,
    legs: sp.legs * 0.7,
    beakLen: sp.beakLen * 0.7,
    tail: "short",
    crest: "none",
    colors: [fluff(body), fluff(belly), fluff(wing), fluff(head), beak, legs, accent],
  };
}

export function buildBird(info: PromptInfo, rng: Rng, _crng: Rng, size: number, take = 1): Design {
  const look: BirdTake = takeChoice(take, BIRD_TAKES);
  const adult: Species = TABLE[info.breed ?? ""] ?? TABLE[info.variant] ?? SPARROW;
  const sp = info.young ? youngBird(adult, info.variant) : adult;
  const k = size / 32;
  const m = new Mats();
  const c0 = info.colors[0];
  const col = (i: number) => hex(sp.colors[i]!);
  // a named colour ("a blue bird") is the plumage; beak, legs and the species' marks stay
  const bodyC = c0 ?? col(0);
  const mat = {
    body: m.add(bodyC),
    belly: m.add(c0 ? mix(c0, [255, 255, 255], 0.4) : col(1)),
    wing: m.add(c0 ? mix(c0, [0, 0, 0], 0.25) : col(2)),
    head: m.add(c0 && sp.colors[3] === sp.colors[0] ? c0 : col(3)),
    beak: m.add(col(4)),
    legs: m.add(col(5)),
    accent: m.add(info.colors[1] ?? col(6)),
    eye: m.add("#141418", { flat: true }),
    white: m.add("#fbf8f0", { flat: true }),
    iris: m.add("#f0b828", { flat: true }),
    train: m.add(
      info.breed === "rooster" || info.variant === "rooster"
        ? "#1c4c44"
        : sp.tail === "train" && info.breed !== "rooster" && info.variant !== "rooster"
          ? "#3c9c4c"
          : mix(col(2), [0, 0, 0], 0.35),
    ),
  };
  // a little of the seed's own build on top of the take's
  // a short-legged bird fills the frame as a tall one does (read at 32 px)
  const grow = sp.neck < 4 && sp.legs < 8 ? 1.2 : 1;
  const w = (sp.w + rng.range(-0.5, 0.5)) * k * look.plump * grow;
  const h = (sp.h + rng.range(-0.4, 0.4)) * k * look.plump * grow;
  const headR = sp.head * k * grow;
  const legLen = sp.legs * k * rng.range(0.92, 1.08);
  const neckLen = sp.neck * k;
  const beakLen = sp.beakLen * k * grow;
  const ground = size - 2 * k;

  const draw = (c: SpriteCanvas, pose: Pose) => {
    const rest = pose.mode !== "walk" && pose.mode !== "attack" && !pose.fx?.rise;
    const stance = rest ? look.stance : "stand";
    const flying = (pose.fx?.rise ?? 0) > 0;
    if (pose.view !== "side") return drawFront(c, pose, stance, flying);
    const running = !!pose.fx?.lean;
    // hop: both feet together, the body up on the passing frames; step/waddle: legs alternate
    const hop = sp.gait === "hop" && pose.mode === "walk";
    const up = hop && pose.lift !== 0 ? 2 * k : 0;
    const sit = stance === "sit";
    const tuck = flying || sit;
    const legShown = tuck ? 0 : legLen;
    const cx = size / 2 + (sp.neck > 4 ? -2 * k : 0) + (sp.body === "upright" ? 0 : -k);
    const waddle = sp.gait === "waddle" && pose.mode === "walk" ? pose.stride * 0.6 * k : 0;
    const cy = Math.round(
      (sit ? ground - h * 0.85 : ground - legShown - h * (sp.body === "upright" ? 0.9 : 0.75)) -
        up +
        (pose.bob ? k : 0) +
        (flying ? -2 * k : 0),
    );
    const bw = sp.body === "upright" ? w * 0.8 : w;
    // tail behind the body, lifted by the take or a peck
    // an upright bird (a penguin, a parrot) bows its head instead of tipping to the ground
    const bow = stance === "peck" && sp.body === "upright" && !sp.face;
    const tailUp = (look.tailLift + (stance === "peck" && !bow ? 1.5 : 0)) * k;
    drawTail(c, cx - bw * 0.8, cy - h * 0.1 - tailUp, tailUp, pose);
    // the far leg and far wing, behind
    const hipX = cx + (sp.body === "upright" ? 0 : bw * 0.1);
    const hipY = cy + h * 0.7;
    const stepA = sp.gait === "hop" ? 0 : pose.stride * 2 * k * (running ? 1.4 : 1);
    if (legShown) {
      leg(
        c,
        hipX - k + waddle,
        hipY,
        -stepA,
        pose.lift === -1 && !hop ? 2 * k : 0,
        P.farLeg,
        ground - up,
      );
    }
    if (flying) wingSpread(c, cx, cy - h * 0.4, pose, true);
    // body and belly
    if (sp.body === "upright") c.ellipse(cx + waddle, cy, bw, h, mat.body, P.body);
    else c.ellipse(cx, cy, bw, h, mat.body, P.body);
    const bellyX = cx + waddle + (sp.body === "upright" ? bw * 0.35 : bw * 0.25);
    c.ellipse(
      bellyX,
      cy + h * 0.3,
      bw * (sp.body === "upright" ? 0.6 : 0.65),
      h * 0.6,
      mat.belly,
      P.belly,
    );
    if (legShown)
      leg(
        c,
        hipX + k + waddle,
        hipY,
        stepA,
        pose.lift === 1 && !hop ? 2 * k : 0,
        P.leg,
        ground - up,
      );
    // wing: folded on the side, half open by the take (or running), spread to fly
    if (flying) wingSpread(c, cx, cy - h * 0.4, pose, false);
    else if (stance === "wings" || running) {
      c.poly(
        [
          [cx + bw * 0.3, cy - h * 0.3],
          [cx - bw * 0.4, cy - h * 1.6],
          [cx - bw * 1.1, cy - h * 1.1],
          [cx - bw * 0.7, cy + h * 0.1],
        ],
        mat.wing,
        P.wing,
      );
    } else if (sp.body === "upright" && !sp.face) {
      // a penguin's flipper or a parrot's folded wing down its side
      c.ellipse(cx + waddle - bw * 0.15, cy + h * 0.05, bw * 0.45, h * 0.75, mat.wing, P.wing);
    } else c.ellipse(cx - bw * 0.2, cy - h * 0.05, bw * 0.7, h * 0.6, mat.wing, P.wing);
    if (sp.wingPatch && !flying && stance !== "wings" && !running)
      c.ellipse(cx + bw * 0.05, cy - h * 0.15, bw * 0.3, h * 0.25, mat.white, P.wing);
    if (sp.colors[6] && info.variant === "duck" && !flying)
      c.rect(cx - bw * 0.3, cy, cx, cy + k, mat.accent, P.wing);
    // neck and head: forward, looking up, turned back, or down to peck
    const attack = pose.mode === "attack" ? pose.attack : 0;
    const front = cx + waddle + bw * (sp.body === "upright" ? 0.15 : 0.7);
    let hx = front + (sp.neck ? neckLen * 0.25 : headR * 0.3);
    let hy = cy - h * (sp.body === "upright" ? 0.85 : 0.55) - neckLen;
    if (sp.body === "upright") hy = cy - h - headR * 0.5;
    let dir = 1;
    let tilt = 0;
    const headMode = rest ? look.head : "forward";
    if (bow) {
      hx = front + bw * 0.55;
      hy = cy - h * 0.55;
      tilt = 1;
    } else if (stance === "peck" || attack === 2) {
      // the head down at the ground (or on the target) in front of the body
      hx = front + bw * 0.4 + (attack === 2 ? 2 * k : 0);
      hy = Math.min(ground - headR, cy + h * 0.3 + (attack === 2 ? 0 : h * 0.4));
      tilt = 1;
    } else if (attack === 1) {
      hx -= 2 * k;
      hy -= k;
      tilt = -1;
    } else if (headMode === "up") {
      hy -= k;
      tilt = -1;
    } else if (headMode === "back" && !sp.face) dir = -1;
    if (sp.neck || stance === "peck" || attack === 2) {
      const nw = Math.max(1, (sp.neck > 4 ? 1.1 : 1.8) * k);
      if (info.breed === "flamingo" || sp.neck > 8) {
        // an S-curve: back over the body, then forward to the head
        const mx = (front + hx) / 2 - 2 * k;
        const my = (cy - h * 0.5 + hy) / 2;
        c.capsule(
          front - k,
          cy - h * 0.4,
          mx,
          my,
          nw,
          mat.head === mat.body ? mat.body : mat.head,
          P.neck,
        );
        c.capsule(mx, my, hx, hy, nw, mat.head, P.neck);
      } else c.capsule(front - k, cy - h * 0.3, hx, hy, nw * 1.3, mat.body, P.neck);
    }
    if (sp.ruff) c.ellipse(front - k, cy - h * 0.45, 2 * k, 1.5 * k, mat.accent, P.neck);
    drawHead(c, hx, hy, dir, tilt, attack === 2);
  };

  /** the tail, by its kind, from the body's rear (x, y); it flicks on the walk */
  function drawTail(c: SpriteCanvas, x: number, y: number, lift: number, pose: Pose): void {
    const flick = pose.mode === "walk" ? pose.stride * 0.5 * k : 0;
    switch (sp.tail) {
      case "fork":
        // a swallow's two streamers
        for (const d of [0, 2])
          c.line(x + k, y + k, x - 9 * k, y + (2 + d) * k + flick - lift, mat.wing, P.tail);
        break;
      case "spread": {
        // a turkey's tail fanned upright behind the body, a pale band at its rim
        const r = 9 * k;
        const fx = x + 3 * k;
        const fy = y + 2 * k;
        for (let a = Math.PI * 0.4; a <= Math.PI * 1.02; a += 0.04) {
          c.line(fx, fy, fx + Math.cos(a) * r, fy - Math.sin(a) * r, mat.wing, P.tail);
          c.plot(fx + Math.cos(a) * r, fy - Math.sin(a) * r, mat.beak, P.tail);
        }
        break;
      }
      case "none":
        break;
      case "train":
        if (info.breed === "rooster" || info.variant === "rooster") {
          // sickle feathers arching up and over
          for (let i = 0; i < 3; i++)
            c.capsule(
              x + k,
              y + i * k,
              x - (4 + i) * k,
              y - (6 - i * 2) * k + flick,
              1.1 * k,
              mat.train,
              P.tail,
            );
        } else if (look.tailLift < 0) {
          // a peacock's train folded, trailing on the ground
          c.poly(
            [
              [x + 2 * k, y - k],
              [x - 12 * k, ground - 2 * k],
              [x - 12 * k, ground],
              [x + 2 * k, y + 3 * k],
            ],
            mat.train,
            P.tail,
          );
          for (let i = 1; i < 4; i++)
            c.plot(x - i * 3 * k, y + 1 + i * 1.6 * k, mat.accent, P.tail);
        } else {
          // the train fanned up behind the body, eye spots round its rim
          const r = 11 * k;
          const fx = x + 2 * k;
          const fy = y + k;
          for (let a = Math.PI * 0.3; a <= Math.PI * 1.05; a += 0.04)
            c.line(fx, fy, fx + Math.cos(a) * r, fy - Math.sin(a) * r, mat.train, P.tail);
          for (let a = Math.PI * 0.35; a <= Math.PI * 1.02; a += 0.22) {
            const ex = fx + Math.cos(a) * r * 0.8;
            const ey = fy - Math.sin(a) * r * 0.8;
            c.rect(ex - k * 0.5, ey - k * 0.5, ex + k * 0.5, ey + k * 0.5, mat.accent, P.tail);
            c.plot(ex, ey, mat.head, P.tail);
          }
        }
    }
    const corners = TAIL_OUTLINE[sp.tail];
    if (corners)
      c.poly(
        corners.map(([dx, dy, byFlick, byLift]): [number, number] => [
          x + dx * k,
          y + dy * k + byFlick * flick + byLift * lift,
        ]),
        mat.wing,
        P.tail,
      );
  }

  /** one leg from the hip, its foot forward (+step moves it forward, lift raises the foot) */
  function leg(
    c: SpriteCanvas,
    x: number,
    y: number,
    step: number,
    lift: number,
    part: number,
    floor: number,
  ): void {
    const fx = x + step;
    const fy = floor - lift;
    const wdt = sp.legs > 8 ? 0.6 * k : 0.5 * k;
    if (sp.legs > 8) {
      // a wader's long leg bends backwards at the ankle
      const kx = (x + fx) / 2 - k;
      const ky = (y + fy) / 2;
      c.capsule(x, y, kx, ky, wdt, mat.legs, part);
      c.capsule(kx, ky, fx, fy, wdt, mat.legs, part);
    } else c.line(x, y, fx, fy, mat.legs, part);
    const toe = sp.gait === "waddle" ? 3 * k : 2 * k;
    c.line(fx - k, fy, fx + toe, fy, mat.legs, part);
  }

  /** wings spread in flight: up on the first half of the flap, down on the second */
  function wingSpread(c: SpriteCanvas, x: number, y: number, pose: Pose, far: boolean): void {
    const upStroke = pose.t < 0.5;
    const span = (sp.body === "upright" && !sp.face ? 6 : 10) * k;
    const tipY = upStroke ? y - span : y + span * 0.6;
    const dx = far ? 2 * k : 0;
    c.poly(
      [
        [x + 3 * k - dx, y],
        [x - 2 * k - dx, tipY],
        [x - 7 * k - dx, tipY + (upStroke ? 3 * k : -3 * k)],
        [x - 4 * k - dx, y + k],
      ],
      far ? mat.train : mat.wing,
      far ? P.farWing : P.wing,
    );
  }

  /** head with its eye, beak and crest; dir −1 looks back over the shoulder, tilt ±1 down/up */
  function drawHead(
    c: SpriteCanvas,
    x: number,
    y: number,
    dir: number,
    tilt: number,
    open: boolean,
  ): void {
    const r = headR;
    if (sp.crest === "comb") {
      const big = info.breed === "rooster" || info.variant === "rooster" ? 1.5 : 1;
      for (let i = -1; i <= 1; i++)
        c.ellipse(
          x + i * 1.2 * k * dir,
          y - r * 0.9 - big * k * (i === 0 ? 1.3 : 0.8),
          k * 0.9,
          big * k * 1.2,
          mat.accent,
          P.crest,
        );
    }
    if (sp.crest === "crown")
      for (let i = -1; i <= 1; i++) {
        c.line(x + i * k, y - r, x + i * 1.5 * k, y - r - 3 * k, mat.head, P.crest);
        c.plot(x + i * 1.5 * k, y - r - 3 * k, mat.head, P.crest);
      }
    if (sp.crest === "crest")
      // a swept-back crest (a cardinal, a jay)
      c.poly(
        [
          [x + dir * r * 0.4, y - r * 0.6],
          [x - dir * r * 1.4, y - r * 1.9],
          [x - dir * r * 0.9, y],
        ],
        mat.head,
        P.crest,
      );
    c.ellipse(x, y, r, r * (sp.face ? 0.9 : 1), mat.head, P.head);
    if (sp.crest === "cap")
      c.ellipse(x - dir * r * 0.35, y - r * 0.55, r * 0.6, r * 0.45, mat.accent, P.crest);
    if (sp.mask) c.ellipse(x + dir * r * 0.45, y + r * 0.15, r * 0.55, r * 0.5, mat.accent, P.head);
    if (sp.face) {
      // an owl: ear tufts, a pale face disc, two big eyes and a small hooked beak, facing us
      c.poly(
        [
          [x - r, y - r * 0.4],
          [x - r * 0.9, y - r * 1.5],
          [x - r * 0.2, y - r * 0.7],
        ],
        mat.head,
        P.crest,
      );
      c.poly(
        [
          [x + r, y - r * 0.4],
          [x + r * 0.9, y - r * 1.5],
          [x + r * 0.2, y - r * 0.7],
        ],
        mat.head,
        P.crest,
      );
      c.ellipse(x - r * 0.42, y, r * 0.5, r * 0.55, mat.accent, P.head);
      c.ellipse(x + r * 0.42, y, r * 0.5, r * 0.55, mat.accent, P.head);
      for (const s of [-1, 1]) {
        c.ellipse(x + s * r * 0.42, y, r * 0.26, r * 0.28, mat.iris, P.eye);
        c.rect(
          x + s * r * 0.42 - 0.5 * k,
          y - 0.5 * k,
          x + s * r * 0.42 + 0.4 * k,
          y + 0.4 * k,
          mat.eye,
          P.eye,
        );
      }
      c.poly(
        [
          [x - k, y + r * 0.35],
          [x + k, y + r * 0.35],
          [x, y + r * 0.35 + 2 * k],
        ],
        mat.beak,
        P.beak,
      );
      return;
    }
    if (sp.wattle)
      c.ellipse(x + dir * r * 0.55, y + r * 0.95, k * 0.8, k * 1.3, mat.accent, P.crest);
    // the beak from the face, by its kind
    const bx = x + dir * r * 0.75;
    const by = y + tilt * k * 0.8 + (sp.beak === "flat" ? r * 0.15 : 0);
    const L = beakLen;
    const tipY = by + tilt * L * 0.6;
    if (sp.beak === "cone")
      c.poly(
        [
          [bx, by - k],
          [bx + dir * L, tipY + (open ? -k : 0)],
          [bx, by + k],
        ],
        mat.beak,
        P.beak,
      );
    else if (sp.beak === "hook") {
      c.poly(
        [
          [bx, by - 1.2 * k],
          [bx + dir * L, tipY],
          [bx + dir * (L - k), tipY + 1.5 * k],
          [bx, by + k],
        ],
        mat.beak,
        P.beak,
      );
      c.plot(bx + dir * (L - 0.5 * k), tipY + 1.4 * k, mat.beak, P.beak);
    } else if (sp.beak === "big") {
      // a toucan's or a pelican's: deep at the face, the lower half (a pouch, a tip) in the accent
      c.poly(
        [
          [bx - dir * 0.5 * k, by - 1.6 * k],
          [bx + dir * L, tipY + 0.5 * k],
          [bx - dir * 0.5 * k, by + 1.6 * k],
        ],
        mat.beak,
        P.beak,
      );
      c.poly(
        [
          [bx, by + 0.6 * k],
          [bx + dir * L * 0.8, tipY + 0.8 * k],
          [bx, by + 2 * k],
        ],
        mat.accent,
        P.beak,
      );
    } else if (sp.beak === "flat") {
      c.poly(
        [
          [bx - dir * k, by - k * 0.8],
          [bx + dir * L, tipY - k * 0.4],
          [bx + dir * (L + 0.5 * k), tipY + k * 0.6],
          [bx - dir * k, by + k * 0.9],
        ],
        mat.beak,
        P.beak,
      );
    } else {
      // a long beak; a flamingo's bends down, dark at the tip
      const bend = info.breed === "flamingo" || info.variant === "flamingo";
      c.capsule(bx, by, bx + dir * L, tipY + (bend ? 0.5 * k : 0), 0.6 * k, mat.beak, P.beak);
      if (bend)
        c.capsule(
          bx + dir * L,
          tipY + 0.5 * k,
          bx + dir * (L + k),
          tipY + 2 * k,
          0.6 * k,
          mat.accent,
          P.beak,
        );
    }
    // the eye: a dark dot, ringed on a dark head so it still reads
    const ex = Math.round(x + dir * r * 0.3 - 0.5);
    const ey = Math.round(y - r * 0.3);
    const dark = sp.colors[3] === "#24242c" || sp.colors[3] === "#2a2a38";
    if (dark || size >= 48)
      c.rect(ex - (dir < 0 ? 0 : 1), ey, ex + (dir < 0 ? 1 : 0), ey, mat.white, P.eye);
    c.plot(ex, ey, mat.eye, P.eye);
    if (info.breed === "penguin" || info.variant === "penguin")
      c.plot(x - dir * r * 0.4, y + r * 0.4, mat.accent, P.head);
  }

  /** front or back view: the body square on, wings at its sides, the face (or the back of the head) */
  function drawFront(c: SpriteCanvas, pose: Pose, stance: string, flying: boolean): void {
    const back = pose.view === "back";
    const cx = size / 2;
    const bw = (sp.body === "upright" ? 0.8 : 0.62) * w;
    const legShown = stance === "sit" || flying ? 0 : legLen;
    const cy = Math.round(ground - legShown - h * 0.85 + (pose.bob ? k : 0) - (flying ? 2 * k : 0));
    if (back || sp.tail === "train") {
      if (sp.tail === "train" && info.variant !== "rooster")
        c.ellipse(cx, cy - h * 0.5, 11 * k, 9 * k, mat.train, P.tail);
      else
        c.poly(
          [
            [cx - 2 * k, cy + h * 0.3],
            [cx + 2 * k, cy + h * 0.3],
            [cx + 3 * k, cy + h + 3 * k],
            [cx - 3 * k, cy + h + 3 * k],
          ],
          mat.wing,
          P.tail,
        );
    }
    if (legShown)
      for (const s of [-1, 1]) {
        const lift = pose.mode === "walk" && pose.lift === s ? 2 * k : 0;
        const lx = cx + s * bw * 0.4;
        c.line(lx, cy + h * 0.7, lx, ground - lift, mat.legs, s < 0 ? P.farLeg : P.leg);
        c.line(lx - k, ground - lift, lx + k, ground - lift, mat.legs, s < 0 ? P.farLeg : P.leg);
      }
    for (const s of [-1, 1]) {
      // wings at the sides: folded, or raised and lowered in flight
      const wy = flying ? (pose.t < 0.5 ? cy - h * 1.2 : cy + h * 0.2) : cy - h * 0.1;
      const wx = cx + s * (bw + (flying ? 4 * k : 0));
      if (flying)
        c.poly(
          [
            [cx + s * bw * 0.5, cy - h * 0.3],
            [wx + s * 4 * k, wy],
            [wx, wy + 3 * k],
            [cx + s * bw * 0.5, cy + h * 0.2],
          ],
          mat.wing,
          P.wing,
        );
      else c.ellipse(cx + s * bw * 0.8, wy, bw * 0.4, h * 0.7, mat.wing, P.wing);
    }
    c.ellipse(cx, cy, bw, h, mat.body, P.body);
    if (!back) c.ellipse(cx, cy + h * 0.2, bw * 0.65, h * 0.7, mat.belly, P.belly);
    const hy = cy - h * (sp.body === "upright" ? 1 : 0.9) - neckLen - headR * 0.3;
    if (neckLen) c.capsule(cx, cy - h * 0.5, cx, hy, Math.max(1, 1.2 * k), mat.head, P.neck);
    const r = headR;
    if (sp.crest === "comb") c.ellipse(cx, hy - r - k, k, 1.6 * k, mat.accent, P.crest);
    if (sp.crest === "crown")
      for (let i = -1; i <= 1; i++)
        c.line(cx + i * k, hy - r, cx + i * 1.6 * k, hy - r - 3 * k, mat.head, P.crest);
    if (sp.crest === "tufts")
      for (const s of [-1, 1])
        c.poly(
          [
            [cx + s * r, hy - r * 0.4],
            [cx + s * r * 0.9, hy - r * 1.5],
            [cx + s * r * 0.2, hy - r * 0.7],
          ],
          mat.head,
          P.crest,
        );
    if (sp.crest === "crest")
      c.poly(
        [
          [cx - r * 0.5, hy - r * 0.6],
          [cx, hy - r * 2],
          [cx + r * 0.5, hy - r * 0.6],
        ],
        mat.head,
        P.crest,
      );
    c.ellipse(cx, hy, r, r, mat.head, P.head);
    if (sp.crest === "cap") c.ellipse(cx, hy - r * 0.6, r * 0.6, r * 0.4, mat.accent, P.crest);
    if (back) return;
    if (sp.face)
      for (const s of [-1, 1])
        c.ellipse(cx + s * r * 0.42, hy, r * 0.5, r * 0.55, mat.accent, P.head);
    for (const s of [-1, 1]) {
      const ex = Math.round(cx + s * r * (sp.face ? 0.42 : 0.5) - 0.5);
      const ey = Math.round(hy - (sp.face ? 0 : r * 0.25));
      if (sp.face) c.rect(ex - 0.5 * k, ey - 0.5 * k, ex + 0.5 * k, ey + 0.5 * k, mat.iris, P.eye);
      c.plot(ex, ey, mat.eye, P.eye);
    }
    // the beak points at the viewer: a small wedge below the eyes (a bill is wider)
    const bwid = sp.beak === "flat" ? 2 * k : k;
    c.poly(
      [
        [cx - bwid, hy + r * 0.15],
        [cx + bwid, hy + r * 0.15],
        [cx, hy + r * 0.15 + Math.min(3, beakLen * 0.7 + k)],
      ],
      mat.beak,
      P.beak,
    );
    if (sp.wattle) c.ellipse(cx, hy + r + 0.5 * k, 0.8 * k, 1.2 * k, mat.accent, P.crest);
  }

  return {
    size,
    materials: m.list,
    restView: "side",
    draw,
    surface: [mat.body, mat.belly, mat.wing, mat.head],
    // worn things (a hat, sunglasses, a scarf) find the head wherever the take put it
    headParts: [P.head, P.crest, P.eye, P.beak],
    // four stances of its own: no stretch on top (take-variety.ts takeBuild)
    takes: BIRD_TAKES.length,
  };
}
