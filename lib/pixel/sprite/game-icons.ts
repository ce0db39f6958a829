// game-icons.net (CC BY 3.0, npm @iconify-json/game-icons): ~4,100 one-colour silhouettes of
// game nouns (anvil, mimic chest, cyclops, laser gun …), the third source of borrowed drawings.
// A silhouette has no colour of its own, so the restyle decides how it reads at 32 px:
//   coverage per cell → solid body, cut-out detail (thin interior gaps become dark lines, large
//   enclosed gaps stay open) → body regions (the largest takes the main material, small separate
//   pieces an accent: a chest's bands, a troll's tusks) → a bevel from the top-left light (lit
//   rim, shadowed rim, flat interior) → a material ramp chosen from the subject's words.
// Icon refs in the vocabulary read `gi/name|alt-name@material`.
import { hexToRgb } from "../color";
import type { Rgb } from "../types";
import type { IconRaster } from "./emoji-art";
import { lookupNoun } from "./lexicon";

export const GAME_ICON_PREFIX = "gi/";

/** Material families a silhouette is coloured with: main ramp base and an accent for small parts. */
export const GAME_MATERIALS = {
  iron: { base: "#8e96a8", accent: "#8c5a30" },
  wood: { base: "#a0683a", accent: "#8e96a8" },
  stone: { base: "#9a968c", accent: "#6c8c4c" },
  gold: { base: "#e8b52e", accent: "#d8383c" },
  cloth: { base: "#d0a060", accent: "#7c4c2c" },
  flesh: { base: "#7ca050", accent: "#eee4c8" },
  fur: { base: "#7c6450", accent: "#eee4c8" },
  plant: { base: "#4ca048", accent: "#8c5a30" },
  crystal: { base: "#7cc8f0", accent: "#eeeef2" },
  bone: { base: "#e8e0c8", accent: "#8c7c64" },
  slime: { base: "#6cd048", accent: "#eeeef2" },
  glass: { base: "#a8d8f0", accent: "#8c5a30" },
  fire: { base: "#f0862a", accent: "#f2d23c" },
  paper: { base: "#e8d8a8", accent: "#8c5a30" },
  leather: { base: "#8c5a30", accent: "#e8b52e" },
  tech: { base: "#9aa4b8", accent: "#3cc8e6" },
  dark: { base: "#5c4c7c", accent: "#d8383c" },
  ghost: { base: "#d8e4f0", accent: "#5c4c7c" },
  rock: { base: "#8a7c6c", accent: "#b8b0a0" },
  // a statue or gargoyle is carved stone all over: no moss accent on half its body
  marble: { base: "#b4b0a8", accent: "#8c887e" },
  // rock flecked with metal (icon.ts sets the specks; the accent is the default metal)
  ore: { base: "#7c7670", accent: "#e8b52e" },
  // a cape reads by its colour: red cloth with a gold clasp
  cape: { base: "#b8303c", accent: "#e8b52e" },
  sand: { base: "#c8a46c", accent: "#8c5a30" },
} as const;

export type GameMaterial = keyof typeof GAME_MATERIALS;

/** Alternative base colours a seed may pick for a creature (skin/fur of monsters varies). */
const CREATURE_SKINS = {
  flesh: ["#7ca050", "#8c7cb0", "#a07850", "#6c8ca0", "#b06c5c"],
  fur: ["#7c6450", "#8a8c98", "#a0703c", "#4c4858", "#c0a888"],
};

export function isGameIconRef(ref: string | undefined): ref is string {
  return !!ref?.startsWith(GAME_ICON_PREFIX);
}

/** `gi/a|b@iron` → alternatives ["a", "b"] and the material. */
export function parseGameRef(ref: string): { names: string[]; material?: GameMaterial } {
  const body = ref.slice(GAME_ICON_PREFIX.length);
  const [list, mat] = body.split("@") as [string, string | undefined];
  return {
    names: list.split("|").filter(Boolean),
    material: mat && mat in GAME_MATERIALS ? (mat as GameMaterial) : undefined,
  };
}

// Words in an icon's own name that say what it is made of, for icons found by name alone.
const NAME_MATERIALS: [RegExp, GameMaterial][] = [
  [/skull|bone|skeleton|rib/, "bone"],
  [/ghost|spirit|wraith/, "ghost"],
  [/slime|goo|ooze/, "slime"],
  [/crystal|gem|diamond|ice|frozen/, "crystal"],
  [/potion|flask|bottle|vial/, "glass"],
  [/fire|flame|torch|burning|lava|meteor/, "fire"],
  [/coin|crown|gold|treasure|trophy|ring/, "gold"],
  [/book|scroll|paper|map|letter|card/, "paper"],
  [/laser|ray-gun|blaster|robot|satellite|drone|turret|cyber|tech|circuit|rocket|ufo/, "tech"],
  [/sword|axe|blade|dagger|anvil|helm|armor|armour|shield|hammer|mace|spear|gun|cannon/, "iron"],
  // the head or blade of a tool is metal; only its haft is wood (restyle.ts draws the haft)
  [
    /(^|-)(pick|adze?|hoe|scythe|sickle|shovel|spade|halberd|glaive|trident|pitchfork|rake|kunai|shuriken|katana|knife|lance|pike|chisel|saw|wrench|mattock|maul|flail|morning-star)($|-)/,
    "iron",
  ],
  [/chest|barrel|crate|door|bookshelf|shelf|table|chair|bow|club|fence|bridge|cart|ladder/, "wood"],
  [/tomb|grave|well|altar|statue|pillar|throne|tower|castle|wall|stone|rock|boulder/, "stone"],
  [/asteroid|ore/, "rock"],
  [/tree|plant|leaf|flower|vine|bush|mushroom|cactus|fern|clover/, "plant"],
  [/hat|cape|cloak|robe|scarecrow|bag|sack|tent|flag|banner/, "cloth"],
  [/wolf|bear|beast|fox|dog|cat|rat|boar|werewolf|minotaur|centaur|horse/, "fur"],
  [
    /troll|ogre|orc|goblin|cyclop|monster|demon|imp|golem|zombie|giant|dragon|snake|lizard|frog|tentacle|kraken|hydra|harpy|gargoyle|scorpion|spider|beetle/,
    "flesh",
  ],
];

const nameMaterials = new Map<string, GameMaterial>();

export function materialForName(name: string): GameMaterial {
  // asked for by every render of the icon (its needs, its interpretation): a WordNet walk once
  let m = nameMaterials.get(name);
  if (!m) {
    m = NAME_MATERIALS.find(([re]) => re.test(name))?.[1] ?? lexiconMaterial(name) ?? "iron";
    if (nameMaterials.size > 5000) nameMaterials.clear();
    nameMaterials.set(name, m);
  }
  return m;
}

// What WordNet says a thing is made of ("curtain: cloth", "shoe: leather plastic") or what kind
// of thing it is (footwear, a building, a bird): for long-tail icons whose name has no material
// word, which all came out as grey metal (and bronze-brown in a warm take).
const GLOSS_MATERIALS: [RegExp, GameMaterial][] = [
  [/\b(cloth|silk|wool|woolen|cotton|fabric|canvas|linen|velvet|felt)\b/, "cloth"],
  [/\b(leather|hide|suede)\b/, "leather"],
  [/\b(glass)\b/, "glass"],
  [/\b(wood|wooden|timber|wicker)\b/, "wood"],
  [/\b(stone|brick|marble|concrete|masonry|clay)\b/, "stone"],
  [/\b(paper|cardboard|parchment)\b/, "paper"],
  [/\b(gold|golden)\b/, "gold"],
  [/\b(bone|ivory)\b/, "bone"],
  [/\b(iron|steel|metal|metallic|brass|copper|bronze|tin)\b/, "iron"],
];
const CHAIN_MATERIALS: [RegExp, GameMaterial][] = [
  [/^(footwear|shoe|boot)$/, "leather"],
  [/^(clothing|garment|headdress|covering|fabric|bedclothes|furnishing)$/, "cloth"],
  [/^(building|structure|housing|dwelling|tower|monument|place of worship)$/, "stone"],
  [/^(furniture|seat|vessel|boat|ship|container|box)$/, "wood"],
];

function lexiconMaterial(name: string): GameMaterial | undefined {
  const parts = name.split("-");
  const e = lookupNoun(parts.join(" ")) ?? lookupNoun(parts[parts.length - 1]!);
  if (!e) return undefined;
  for (const [re, m] of GLOSS_MATERIALS) if (re.test(e.gloss)) return m;
  if (e.category === "plant") return "plant";
  // a real animal takes a natural seeded skin (browns, greys), not a monster's green or purple
  if (e.category === "animal") return "fur";
  for (const c of e.chain) for (const [re, m] of CHAIN_MATERIALS) if (re.test(c)) return m;
  return undefined;
}

/** Which materials read as creatures (their base colour may vary by seed). */
export function isCreatureMaterial(m: GameMaterial): m is "flesh" | "fur" {
  return m === "flesh" || m === "fur";
}

export function creatureSkin(m: "flesh" | "fur", i: number): string {
  const list = CREATURE_SKINS[m];
  return list[((i % list.length) + list.length) % list.length]!;
}

// ---- the long tail: any game noun that names an icon ----------------------------------------

let names:
  | {
      all: Set<string>;
      byLast: Map<string, string[]>;
      byFirst: Map<string, string[]>;
      joined: Map<string, string>;
    }
  | undefined;

const ADJECTIVE = /(ian|ic|ed|ish|ous|ful|ive|ing|ese|ern)$/;
const ADJECTIVE_WORDS = new Set([
  "great",
  "old",
  "big",
  "small",
  "giant",
  "tiny",
  "long",
  "short",
  "round",
  "sharp",
  "heavy",
  "light",
  "simple",
  "double",
  "open",
  "closed",
  "magic",
  "holy",
  "dark",
  "ancient",
  "wooden",
  "golden",
]);

/** 0 when every qualifier of an icon name reads as an adjective (or there is none), else 1. */
function nounQualified(name: string): number {
  const q = name.split("-").slice(0, -1);
  return q.every((w) => ADJECTIVE_WORDS.has(w) || ADJECTIVE.test(w)) ? 0 : 1;
}

function nameIndex(all: string[]) {
  const byLast = new Map<string, string[]>();
  const byFirst = new Map<string, string[]>();
  const joined = new Map<string, string>();
  const push = (m: Map<string, string[]>, k: string, n: string) => {
    const list = m.get(k);
    if (list) list.push(n);
    else m.set(k, [n]);
  };
  for (const n of all) {
    if (/^(card-|rank-|dice-|perspective-|chess-|lorc|delapouite)/.test(n)) continue;
    const parts = n.split("-");
    // icon names are often plural ("lockpicks", "lily-pads"); a prompt names one
    const last = parts[parts.length - 1]!;
    push(byLast, last, n);
    if (last.length > 3 && last.endsWith("s") && !last.endsWith("ss"))
      push(byLast, last.slice(0, -1), n);
    // "medusa-head", "bonsai-tree": the first word names the thing, the second its form
    if (parts.length === 2) push(byFirst, parts[0]!, n);
    // "landmine", "anglerfish" are one word in a prompt and two in the icon's name
    if (parts.length >= 2) {
      const j = parts.join("");
      if (!joined.has(j)) joined.set(j, n);
      if (j.endsWith("s") && !joined.has(j.slice(0, -1))) joined.set(j.slice(0, -1), n);
    } else if (
      n.length > 3 &&
      n.endsWith("s") &&
      !n.endsWith("ss") &&
      !all.includes(n.slice(0, -1))
    )
      joined.set(n.slice(0, -1), n);
  }
  for (const list of byFirst.values()) list.sort((a, b) => a.length - b.length);
  // "egyptian-pyramids" is a pyramid; "ball-pyramid" and "human-pyramid" are balls and people
  // arranged as one: a qualifier that reads as an adjective keeps the thing itself, so those
  // names come first, then the shortest
  for (const list of byLast.values())
    list.sort((a, b) => nounQualified(a) - nounQualified(b) || a.length - b.length);
  return { all: new Set(all), byLast, byFirst, joined };
}

/**
 * Game icons for unknown words: a phrase of adjacent words that is an icon's whole name
 * ("watering can" → watering-can), a word that is one ("anvil"), or the icons whose name ends in
 * the word ("scorpion" → scorpion, desert-scorpion …). Returns the alternatives, best first.
 */
export function findGameIcon(
  words: string[],
  iconNames: () => string[],
): { names: string[]; word: string; exact: boolean; loose?: boolean } | undefined {
  // like the emoji search, only the first words of a long prompt are looked up
  const latin = words.slice(0, 40).filter((w) => /^[a-z][a-z-]*$/.test(w));
  if (!latin.length) return undefined;
  names ??= nameIndex(iconNames());
  const idx = names;
  const fold = (w: string) => [w, ...(w.endsWith("s") && w.length > 3 ? [w.slice(0, -1)] : [])];
  for (let n = Math.min(3, latin.length); n >= 2; n--)
    for (let i = 0; i + n <= latin.length; i++) {
      const head = latin.slice(i, i + n - 1).join("-");
      for (const last of fold(latin[i + n - 1]!)) {
        for (const name of [`${head}-${last}`, `${head}-${last}s`])
          if (idx.all.has(name))
            return { names: [name], word: latin.slice(i, i + n).join(" "), exact: true };
      }
    }
  for (const w of latin) {
    if (w.length < 3) continue;
    for (const f of fold(w)) {
      const name = idx.all.has(f) ? f : idx.joined.get(f);
      if (name) {
        const alts = (idx.byLast.get(f) ?? []).filter((x) => x !== name).slice(0, 3);
        return { names: [name, ...alts], word: w, exact: true };
      }
    }
  }
  for (const w of latin) {
    if (w.length < 4) continue;
    for (const f of fold(w)) {
      const alts = idx.byLast.get(f);
      if (alts?.length) return { names: alts.slice(0, 4), word: w, exact: false };
    }
  }
  for (const w of latin) {
    if (w.length < 4) continue;
    for (const f of fold(w)) {
      const alts = idx.byFirst.get(f);
      if (alts?.length) return { names: alts.slice(0, 4), word: w, exact: false, loose: true };
    }
  }
  return undefined;
}

// ---- silhouette → labelled cells -------------------------------------------------------------

/** Coverage from which a cell on a thin stroke's ridge is drawn (silhouetteCells). */
export const THIN_STROKE_COVER = 0.12;

/** Region labels of a silhouette raster (IconRaster.idx). */
export const MONO = { body: 0, accent: 1, detail: 2 } as const;

/** The in-bounds 4-neighbours (right, left, down, up) of cell j of a square grid. */
export function neighbours4(j: number, cells: number): number[] {
  const x = j % cells;
  const out: number[] = [];
  if (x + 1 < cells) out.push(j + 1);
  if (x > 0) out.push(j - 1);
  if (j + cells < cells * cells) out.push(j + cells);
  if (j >= cells) out.push(j - cells);
  return out;
}

/**
 * Turns per-cell coverage (0–1) of a one-colour silhouette into body / accent / detail cells
 * with a bevel (shade −1 shadowed rim, +1 lit rim, 0 flat).
 */
export function silhouetteCells(cov: Float32Array, cells: number): IconRaster {
  const n = cells * cells;
  const solid = new Uint8Array(n);
  for (let i = 0; i < n; i++) solid[i] = cov[i]! >= 0.38 ? 1 : 0;
  // a drawing of thin strokes (a crossbow, a net, a pitchfork) falls apart into 1-px lines at
  // 24–32 cells: when hardly any solid cell is surrounded by solid ones, the strokes grow into
  // the partly covered cells beside them
  if (cells >= 24 && cells <= 40) {
    let solidN = 0;
    let core = 0;
    for (let i = 0; i < n; i++) {
      if (!solid[i]) continue;
      solidN++;
      if (neighbours4(i, cells).every((j) => solid[j])) core++;
    }
    if (solidN && core < solidN * 0.2) {
      const grown = solid.slice();
      for (let i = 0; i < n; i++)
        if (!solid[i] && cov[i]! >= 0.12 && neighbours4(i, cells).some((j) => solid[j]))
          grown[i] = 1;
      solid.set(grown);
    }
  }
  // a stroke thinner than a cell (a hummingbird's beak, a spear's shaft, a bow's string) covers
  // no cell to the threshold and vanished, more of them the smaller the icon is drawn ("a tiny
  // hummingbird" was a blotch): a partly covered cell that holds clearly more of the stroke than
  // the empty cells either side of it, across a row or a column, is on the stroke's ridge. An
  // edge of a body has solid on one side, and a cell a stroke only grazes has no ridge cell
  // beside it, so those stay out.
  const ridge = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const c = cov[i]!;
    if (solid[i] || c < THIN_STROKE_COVER) continue;
    const x = i % cells;
    const y = (i - x) / cells;
    const across = (a: number, b: number) =>
      !solid[a] && !solid[b] && cov[a]! < c * 0.85 && cov[b]! < c * 0.85;
    if (
      (x > 0 && x < cells - 1 && across(i - 1, i + 1)) ||
      (y > 0 && y < cells - 1 && across(i - cells, i + cells))
    )
      ridge[i] = 1;
  }
  for (let i = 0; i < n; i++) {
    if (!ridge[i]) continue;
    const x = i % cells;
    const y = (i - x) / cells;
    let run = false;
    for (let dy = -1; dy <= 1 && !run; dy++)
      for (let dx = -1; dx <= 1; dx++) {
        const xx = x + dx;
        const yy = y + dy;
        if (
          (dx || dy) &&
          xx >= 0 &&
          yy >= 0 &&
          xx < cells &&
          yy < cells &&
          ridge[yy * cells + xx]
        ) {
          run = true;
          break;
        }
      }
    if (run) solid[i] = 1;
  }
  // outside: flood from the border over non-solid cells; what it does not reach is enclosed
  const outside = new Uint8Array(n);
  const stack: number[] = [];
  for (let i = 0; i < cells; i++)
    for (const j of [i, (cells - 1) * cells + i, i * cells, i * cells + cells - 1])
      if (!solid[j] && !outside[j]) {
        outside[j] = 1;
        stack.push(j);
      }
  while (stack.length) {
    const j = stack.pop()!;
    for (const k of neighbours4(j, cells))
      if (!solid[k] && !outside[k]) {
        outside[k] = 1;
        stack.push(k);
      }
  }
  let area = 0;
  for (let i = 0; i < n; i++) if (!outside[i]) area++;
  // enclosed gaps: small ones are cut-out detail (dark lines), big ones stay open (a ring's hole)
  const label = new Int16Array(n).fill(-1);
  const seen = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    if (solid[i] || outside[i] || seen[i]) continue;
    const comp: number[] = [];
    const st = [i];
    seen[i] = 1;
    while (st.length) {
      const j = st.pop()!;
      comp.push(j);
      for (const k of neighbours4(j, cells))
        if (!solid[k] && !outside[k] && !seen[k]) {
          seen[k] = 1;
          st.push(k);
        }
    }
    const open = comp.length > Math.max(6, area * 0.08);
    for (const j of comp) label[j] = open ? -1 : MONO.detail;
  }
  // thin cut lines that only thin the coverage of solid cells: a solid cell well below full
  // coverage with solid cells on two opposite sides is a line through the body
  const at = (x: number, y: number) =>
    x >= 0 && y >= 0 && x < cells && y < cells ? solid[y * cells + x]! : 0;
  for (let y = 0; y < cells; y++)
    for (let x = 0; x < cells; x++) {
      const i = y * cells + x;
      if (!solid[i]) continue;
      const interior = at(x - 1, y) && at(x + 1, y) && at(x, y - 1) && at(x, y + 1);
      label[i] = interior && cov[i]! < 0.62 ? MONO.detail : MONO.body;
    }
  // a thin-line cell with no other detail cell around it is a cut line grazing the cell, not a
  // line: at 32 px such dots read as dirt on a plank or a statue (eval-e: gargoyle, barrel)
  const lone = (i: number) => {
    const x = i % cells;
    const y = (i - x) / cells;
    for (let dy = -1; dy <= 1; dy++)
      for (let dx = -1; dx <= 1; dx++) {
        if (!dx && !dy) continue;
        const xx = x + dx;
        const yy = y + dy;
        if (
          xx >= 0 &&
          yy >= 0 &&
          xx < cells &&
          yy < cells &&
          label[yy * cells + xx] === MONO.detail
        )
          return false;
      }
    return true;
  };
  // (a cell that is mostly hole is kept: an eye is often one such cell)
  for (let i = 0; i < n; i++)
    if (solid[i] && label[i] === MONO.detail && cov[i]! >= 0.5 && lone(i)) label[i] = MONO.body;
  // body regions separated by detail lines and gaps: small separate pieces become the accent
  const comp = new Int32Array(n).fill(-1);
  const sizes: number[] = [];
  for (let i = 0; i < n; i++) {
    if (label[i] !== MONO.body || comp[i]! >= 0) continue;
    const id = sizes.length;
    let count = 0;
    const st = [i];
    comp[i] = id;
    while (st.length) {
      const j = st.pop()!;
      count++;
      for (const k of neighbours4(j, cells))
        if (label[k] === MONO.body && comp[k]! < 0) {
          comp[k] = id;
          st.push(k);
        }
    }
    sizes.push(count);
  }
  const biggest = Math.max(0, ...sizes);
  for (let i = 0; i < n; i++) {
    const c = comp[i]!;
    // an accent piece is clearly smaller than the main body but more than a speck
    if (c >= 0 && sizes[c]! < biggest * 0.3 && sizes[c]! >= 3) label[i] = MONO.accent;
  }
  // bevel: light comes from the top-left; rims facing it are lit, rims facing away in shadow.
  // Rims follow the outline and the open gaps only: the cut lines inside are the drawing's own
  // lines (a plank's seam, a shell's plates), and a rim around every piece between them made
  // each plank a light-and-dark blotch at 32 px (eval-e: barrel, fence, gargoyle, sea turtle)
  const body = (x: number, y: number) =>
    x >= 0 && y >= 0 && x < cells && y < cells && label[y * cells + x]! >= 0;
  const shade = new Int8Array(n);
  const counts = [0, 0, 0];
  for (let y = 0; y < cells; y++)
    for (let x = 0; x < cells; x++) {
      const i = y * cells + x;
      const l = label[i]!;
      if (l < 0) continue;
      counts[l]!++;
      if (l === MONO.detail) continue;
      const litEdge = !body(x, y - 1) || !body(x - 1, y);
      const darkEdge = !body(x, y + 1) || !body(x + 1, y) || !body(x + 1, y + 1);
      // a second shadow ring on the far side gives big shapes volume
      const deep = cells >= 24 && (!body(x + 2, y + 1) || !body(x + 1, y + 2));
      shade[i] = darkEdge ? -1 : litEdge ? 1 : deep ? -1 : 0;
      if (shade[i] === 0 && cells >= 24 && (!body(x - 2, y) || !body(x, y - 2))) shade[i] = 1;
    }
  const colors: Rgb[] = [
    [128, 128, 128],
    [200, 200, 200],
    [40, 40, 40],
  ];
  return { w: cells, h: cells, idx: label, shade, colors, counts, mono: true };
}

/** A silhouette at hand scale for a held item: its regions take the material's colours. */
export function tintSilhouette(r: IconRaster, material: GameMaterial): IconRaster {
  const fam = GAME_MATERIALS[material];
  const base = hexToRgb(fam.base);
  const dark = base.map((v) => Math.round(v * 0.45)) as Rgb;
  return { ...r, colors: [base, hexToRgb(fam.accent), dark], mono: false };
}
