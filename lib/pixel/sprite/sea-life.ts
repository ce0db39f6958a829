// Fish and cephalopods drawn as themselves (#20): one emoji stood in for every fish, so a goldfish,
// a pufferfish and a swordfish were the same tropical fish. Here a fish is a body shape (round,
// puffer, long, flat, torpedo, tall), fins, a tail and markings, swimming by swaying its tail and
// undulating; an octopus or squid is a mantle with real tentacles. A species the table lacks takes
// its shape from its WordNet chain ("moray" → eel → long, "halibut" → flatfish → flat).
import type { Rng } from "../prng";
import type { Rgb } from "../types";
import type { SpriteCanvas } from "./canvas";
import { type Design, Mats, type Pose, takeChoice } from "./design";
import { lookupNoun } from "./lexicon";
import type { PromptInfo } from "./prompt";

export type FishBody = "round" | "puffer" | "long" | "flat" | "torpedo" | "tall";
type Marks = "none" | "bands" | "patches" | "stripes" | "spots" | "bars";

interface Species {
  body: FishBody;
  /** body, belly, marking, fin */
  colors: [string, string, string, string];
  marks: Marks;
  bill?: boolean;
  lure?: boolean;
  teeth?: boolean;
  /** a shark: a tall triangular dorsal fin and a forked tail in every take */
  shark?: boolean;
  /** a hammerhead's head: a crossbar at the front with an eye at each end */
  hammer?: boolean;
  looks: string;
}

const HAMMERHEAD: Species = {
  body: "torpedo",
  colors: ["#7c8c9c", "#e4e8ee", "#5c6c7c", "#6c7c8c"],
  marks: "none",
  shark: true,
  hammer: true,
  looks: "a grey shark whose head is a wide crossbar with an eye at each end",
};

const TABLE: Record<string, Species> = {
  "hammerhead shark": HAMMERHEAD,
  hammerhead: HAMMERHEAD,
  goldfish: {
    body: "round",
    colors: ["#f08a24", "#f8c060", "#f8c060", "#f0a040"],
    marks: "none",
    looks: "orange, round with a flowing tail",
  },
  koi: {
    body: "torpedo",
    colors: ["#f4f0e8", "#ffffff", "#e85a1c", "#f4f0e8"],
    marks: "patches",
    looks: "white with orange and black patches",
  },
  clownfish: {
    body: "round",
    colors: ["#f47a18", "#f89840", "#ffffff", "#f47a18"],
    marks: "bands",
    looks: "orange with white bands edged in black",
  },
  pufferfish: {
    body: "puffer",
    colors: ["#d8c070", "#f4ecc8", "#6c5a30", "#c8a850"],
    marks: "spots",
    looks: "puffed up round with spines",
  },
  puffer: {
    body: "puffer",
    colors: ["#d8c070", "#f4ecc8", "#6c5a30", "#c8a850"],
    marks: "spots",
    looks: "puffed up round with spines",
  },
  blowfish: {
    body: "puffer",
    colors: ["#d8c070", "#f4ecc8", "#6c5a30", "#c8a850"],
    marks: "spots",
    looks: "puffed up round with spines",
  },
  swordfish: {
    body: "torpedo",
    colors: ["#4a6a9c", "#d8e0ec", "#344c78", "#3c5480"],
    marks: "none",
    bill: true,
    looks: "long blue-grey body with a sword bill",
  },
  marlin: {
    body: "torpedo",
    colors: ["#345c9c", "#dce4f0", "#80b0e8", "#284880"],
    marks: "bars",
    bill: true,
    looks: "blue with a spear bill and a tall fin",
  },
  tuna: {
    body: "torpedo",
    colors: ["#3c5c94", "#d4dce8", "#f0d040", "#344c80"],
    marks: "none",
    looks: "blue-silver torpedo with yellow finlets",
  },
  angelfish: {
    body: "tall",
    colors: ["#e8e0c8", "#f8f4e8", "#2c2c34", "#e8d8a0"],
    marks: "bars",
    looks: "tall and flat with long fins and dark bars",
  },
  piranha: {
    body: "round",
    colors: ["#7c848c", "#d83c30", "#5c646c", "#6c747c"],
    marks: "spots",
    teeth: true,
    looks: "grey with a red belly and teeth",
  },
  anglerfish: {
    body: "round",
    colors: ["#4c4450", "#6c6070", "#f8f070", "#3c3440"],
    marks: "none",
    lure: true,
    teeth: true,
    looks: "dark with a glowing lure and teeth",
  },
  salmon: {
    body: "torpedo",
    colors: ["#9cacbc", "#f0a890", "#3c4858", "#8898a8"],
    marks: "spots",
    looks: "silver with a pink belly",
  },
  trout: {
    body: "torpedo",
    colors: ["#8c9c64", "#f0d8c0", "#d84c5c", "#7c8c58"],
    marks: "spots",
    looks: "olive with a pink stripe and spots",
  },
  carp: {
    body: "torpedo",
    colors: ["#b0903c", "#e8d08c", "#8c7030", "#a08034"],
    marks: "none",
    looks: "golden-brown",
  },
  catfish: {
    body: "long",
    colors: ["#6c6454", "#c8bca0", "#4c4438", "#5c5446"],
    marks: "none",
    looks: "long and dark with whiskers",
  },
  eel: {
    body: "long",
    colors: ["#5c6c3c", "#c8c890", "#3c4828", "#4c5c34"],
    marks: "none",
    looks: "a long ribbon body",
  },
  ray: {
    body: "flat",
    colors: ["#5c6c88", "#e8ecf0", "#3c4860", "#4c5c78"],
    marks: "none",
    looks: "flat with wide wings and a whip tail",
  },
  "manta ray": {
    body: "flat",
    colors: ["#343c4c", "#e8ecf0", "#1c2230", "#2c3444"],
    marks: "none",
    looks: "flat with wide wings and a whip tail",
  },
  stingray: {
    body: "flat",
    colors: ["#8c7458", "#e8dcc8", "#5c4c38", "#7c6448"],
    marks: "spots",
    looks: "flat with wide wings and a whip tail",
  },
};

/** A fish's shape from its WordNet chain, for species the table lacks. */
function chainSpecies(word: string): Species | undefined {
  const e = lookupNoun(word);
  if (e?.base !== "fish") return undefined;
  const chain = e.chain.join(" / ");
  const has = (s: string) => chain.includes(s);
  const body: FishBody =
    has("eel") || has("lamprey")
      ? "long"
      : has("flatfish") || /\bray\b/.test(chain) || has("skate")
        ? "flat"
        : has("puffer") || has("plectognath")
          ? "puffer"
          : has("scombroid") || has("shark") || has("billfish") || has("salmonid")
            ? "torpedo"
            : has("butterfly fish") || has("angelfish") || has("damselfish")
              ? "tall"
              : "round";
  // a plain fish shape says nothing the "drew a fish" line does not: the seed picks its colours
  if (body === "round" && !has("billfish")) return undefined;
  return {
    body,
    colors: ["#8c9cac", "#dce4ec", "#5c6c7c", "#7c8c9c"],
    marks: "none",
    bill: has("billfish"),
    looks: `${body === "round" ? "a bill" : `a ${body} body`} (from WordNet: ${e.chain
      .slice(1, 3)
      .join(", ")})`,
  };
}

/** The vocabulary's Chinese fish words (vocabulary.ts, the fish line) → the table's species. */
const ZH: Record<string, string> = {
  金鱼: "goldfish",
  锦鲤: "koi",
  小丑鱼: "clownfish",
  河豚: "pufferfish",
  剑鱼: "swordfish",
  金枪鱼: "tuna",
  神仙鱼: "angelfish",
  食人鱼: "piranha",
  鮟鱇鱼: "anglerfish",
  三文鱼: "salmon",
  鲑鱼: "salmon",
  鳟鱼: "trout",
  鲤鱼: "carp",
  鲶鱼: "catfish",
  鳗鱼: "eel",
  双髻鲨: "hammerhead shark",
  锤头鲨: "hammerhead shark",
  魟鱼: "stingray",
  蝠鲼: "manta ray",
};
const ZH_KEYS = Object.entries(ZH).sort((a, b) => b[0].length - a[0].length);

const KEYS = Object.keys(TABLE).sort((a, b) => b.length - a.length);

function speciesOf(info: PromptInfo): Species | undefined {
  if (info.breed) return TABLE[info.breed] ?? chainSpecies(info.breed);
  return undefined;
}

/**
 * After the parse: a fish species named in the prompt (table first, then the head word's WordNet
 * chain) becomes the info's `breed`, and the line says which look was drawn.
 */
export function readSea(info: PromptInfo, headWord: string | undefined): PromptInfo {
  if (info.kind !== "sea" || info.variant !== "fish") return info;
  const t = info.text.toLowerCase();
  let word =
    KEYS.find((k) => new RegExp(`\\b${k}(e?s)?\\b`).test(t)) ??
    ZH_KEYS.find(([zh]) => t.includes(zh))?.[1];
  let sp = word ? TABLE[word] : undefined;
  if (!sp && headWord && /^[a-z -]+$/.test(headWord) && headWord !== "fish") {
    sp = chainSpecies(headWord);
    if (sp) word = headWord;
  }
  if (!sp || !word) return info;
  const words = word.split(" ");
  // gloss colours stay (a goldfish's "golden or orange-red" agrees with the table; the line says so)
  return {
    ...info,
    breed: word,
    unknown: info.unknown.filter((u) => !words.includes(u)),
    guesses: [...info.guesses, `drew the ${word}'s look: ${sp.looks}`],
    guessesZh: [...info.guessesZh, `画出“${word}”的样子:${sp.looks}`],
  };
}

const hex = (s: string): Rgb => [
  Number.parseInt(s.slice(1, 3), 16),
  Number.parseInt(s.slice(3, 5), 16),
  Number.parseInt(s.slice(5, 7), 16),
];
const mix = (a: Rgb, b: Rgb, f: number): Rgb =>
  a.map((v, i) => Math.round(v + (b[i]! - v) * f)) as Rgb;

export function buildSeaLife(
  info: PromptInfo,
  rng: Rng,
  crng: Rng,
  size: number,
  take = 1,
): Design {
  if (info.variant === "octopus" || info.variant === "squid")
    return buildCephalopod(
      info,
      rng,
      crng,
      size,
      info.variant === "squid",
      takeChoice(take, CEPHALOPOD_TAKES),
    );
  return buildFish(info, rng, crng, size, takeChoice(take, FISH_TAKES));
}

/**
 * Takes of a fish (issue #20, seeds a person tells apart), in turn by seed: the tail fin's cut
 * (forked, a veil, round, a broad fan),
 * the dorsal fin's height (none at all on one), and on round and tall fish the head — a fancy
 * goldfish's cap, bulging eyes.
 */
const FISH_TAKES = [
  { tail: "fork", dorsal: 1, head: "plain", len: 1, depth: 1 },
  // a slim comet-like body under the veil; an egg-shaped one under the cap (a fancy goldfish)
  { tail: "veil", dorsal: 1.4, head: "plain", len: 1.1, depth: 0.85 },
  { tail: "round", dorsal: 0, head: "cap", len: 0.9, depth: 1.15 },
  { tail: "fan", dorsal: 1, head: "bulge", len: 1, depth: 1 },
] as const;
type FishTake = (typeof FISH_TAKES)[number];

/**
 * Takes of an octopus or squid, in turn by seed: arms hanging with the tips curled out; spread
 * wide like a star; bunched straight down under a tall mantle (jetting); curled inwards under a
 * broad one.
 */
const CEPHALOPOD_TAKES = [
  { spread: 1, curl: 1, tall: 1, wide: 1, reach: 1 },
  // spread or curled arms are shorter, so their tips stay on the canvas
  { spread: 1.5, curl: 1.5, tall: 1, wide: 1, reach: 0.75 },
  { spread: 0.45, curl: 0.25, tall: 1.25, wide: 0.85, reach: 1 },
  { spread: 1, curl: -1, tall: 0.85, wide: 1.15, reach: 0.8 },
] as const;
type CephalopodTake = (typeof CEPHALOPOD_TAKES)[number];

/** Swim phase: idle drifts, walk/run sway faster. */
function phaseOf(pose: Pose): number {
  const speed = pose.mode === "walk" || pose.mode === "walk4" || pose.mode === "run" ? 2 : 1;
  return pose.t * Math.PI * 2 * speed;
}

function buildFish(info: PromptInfo, rng: Rng, crng: Rng, size: number, look: FishTake): Design {
  const k = size / 32;
  const named = speciesOf(info);
  const sp: Species = named
    ? { ...named }
    : {
        body: rng.pick(["round", "torpedo", "tall"] as const),
        colors: crng.pick([
          ["#3c8ce0", "#bce0f8", "#f0d040", "#2c6cc0"],
          ["#e8c030", "#f8ecb0", "#3c3c48", "#d8a820"],
          ["#d84c8c", "#f8c0d8", "#ffffff", "#c03c78"],
          ["#48a860", "#c8ecc0", "#f0e060", "#388c4c"],
        ] as [string, string, string, string][]),
        marks: rng.pick(["none", "stripes", "bars", "spots"] as const),
        looks: "",
      };
  // a gloss's pattern ("lionfish": striped) marks the body whatever the species' own marks
  if (info.pattern) sp.marks = info.pattern === "stripes" ? "bars" : "spots";
  const m = new Mats();
  const named0 = info.colors[0];
  const base = named0 ?? hex(sp.colors[0]);
  const mat = {
    body: m.add(base),
    belly: m.add(named0 ? mix(named0, [255, 255, 255], 0.45) : hex(sp.colors[1])),
    mark: m.add(info.colors[1] ?? hex(sp.colors[2])),
    fin: m.add(named0 ? mix(named0, [255, 255, 255], 0.2) : hex(sp.colors[3])),
    edge: m.add("#1c1c24", { flat: true }),
    eye: m.add("#ffffff", { flat: true }),
    pupil: m.add("#141418", { flat: true }),
    glow: m.add("#fff470", { flat: true }),
    black: m.add("#24242c"),
  };
  const body = sp.body;
  // proportions per shape, each seed its own take (length, depth, fins, tail)
  const [l0, h0] =
    body === "round"
      ? [8, 6]
      : body === "puffer"
        ? [8, 8]
        : body === "long"
          ? [13, 2.6]
          : body === "flat"
            ? [6, 4]
            : body === "tall"
              ? [6, 7.5]
              : sp.bill
                ? [8.5, 4]
                : [11, 4.6];
  const L = (l0 + rng.range(-1, 1.5)) * k * look.len;
  const H = (h0 + rng.range(-0.8, 0.8)) * k * look.depth;
  // the tail is the take's; the draw stays so the proportions after it are as they were
  rng.pick(["fork", "fan", "moon", "round"] as const);
  const tailStyle = sp.shark ? "fork" : look.tail;
  // a plain round or tall fish (a goldfish) may be a fancy one; a marked species keeps its head
  const fancyHead =
    (body === "round" || body === "tall") && sp.marks === "none" ? look.head : "plain";
  const tailLen =
    (body === "round" ? rng.range(4, 7) : rng.range(3.5, 5.5)) * k * (sp.bill ? 0.8 : 1);
  const dorsal = rng.range(0.6, 1.4);
  const dorsalAt = rng.range(-0.2, 0.25);
  const lift = rng.range(-2.5, 2.5) * k;
  const patch = Array.from({ length: 5 }, () => ({
    x: rng.range(-0.8, 0.7),
    y: rng.range(-0.9, 0.3),
    r: rng.range(0.18, 0.38),
    black: rng.chance(0.35),
  }));
  const nBands = body === "round" ? 3 : rng.int(2, 3);
  const spots = Array.from({ length: 9 }, () => [rng.range(-0.9, 0.8), rng.range(-0.8, 0.5)]);
  const spineLen = rng.range(1.2, 2.2) * k;

  if (body === "flat") return buildRay(info, rng, size, m, mat, sp, L);

  const draw = (c: SpriteCanvas, pose: Pose) => {
    const ph = phaseOf(pose);
    const cx = size / 2 + (sp.bill ? -3 * k : 0) + (body === "long" ? 2 * k : tailLen * 0.4);
    const cy = size / 2 + lift + (pose.bob ? k : 0) + Math.round(Math.sin(ph) * 0.6 * k);
    const amp = (body === "long" ? 2.4 : 1.1) * k;
    const puff = body === "puffer" && pose.attack === 2 ? 1.2 : 1;
    // the body's centre line bends more towards the tail (undulation)
    const wave = (x: number) => {
      const f = (L - x) / (2 * L);
      return Math.sin(ph - x * (body === "long" ? 0.45 / k : 0.18 / k)) * amp * f * f;
    };
    const half = (x: number) => {
      const u = x / L;
      if (Math.abs(u) > 1) return 0;
      if (body === "long")
        return (
          H *
          (u > 0.7 ? Math.sqrt(1 - ((u - 0.7) / 0.3) ** 2) : 1) *
          (0.7 + 0.3 * (1 - Math.abs(u)))
        );
      const e = Math.sqrt(1 - u * u);
      // a torpedo narrows to a thin tail stalk
      return body === "torpedo" ? H * e * (u < 0 ? 1 + u * 0.35 : 1) : H * e * puff;
    };
    // tail fin: sways at the body's end
    const tx = cx - L;
    const ty = cy + wave(-L);
    const sway = Math.sin(ph - 0.6) * 1.6 * k;
    if (body !== "long") {
      const tl = tailLen;
      const spread = body === "round" ? tl * 0.9 : tl * 0.8;
      const top: [number, number] = [tx - tl, ty - spread + sway];
      const bot: [number, number] = [tx - tl, ty + spread + sway];
      if (tailStyle === "veil")
        // a veil tail: two long lobes trailing and drooping
        c.poly(
          [
            [tx + k, ty - k],
            [tx - tl * 1.8, ty - spread * 0.9 + sway + 3 * k],
            [tx - tl * 1.1, ty + sway + k],
            [tx - tl * 2, ty + spread * 1.4 + sway + 3 * k],
            [tx + k, ty + k],
          ],
          mat.fin,
          2,
        );
      else if (tailStyle === "fork") {
        c.poly([[tx + k, ty], top, [tx - tl * 0.6, ty + sway], bot], mat.fin, 2);
      } else {
        c.poly(
          [[tx + k, ty - k], top, [tx - tl * 1.1, ty + sway], bot, [tx + k, ty + k]],
          mat.fin,
          2,
        );
        if (tailStyle === "round")
          c.ellipse(tx - tl * 0.7, ty + sway, tl * 0.4, spread * 0.8, mat.fin, 2);
      }
      // fin rays
      c.line(tx, ty, top[0] + k, top[1] + k, mat.body, 2, 1);
      c.line(tx, ty, bot[0] + k, bot[1] - k, mat.body, 2, 1);
    } else {
      c.poly(
        [
          [tx + k, ty - k],
          [tx - 3 * k, ty + sway],
          [tx + k, ty + k],
        ],
        mat.fin,
        2,
      );
    }
    // dorsal fin (tall for the angelfish and marlin), anal/pelvic fin below
    const dx = cx + dorsalAt * L;
    const topY = cy + wave(dx - cx) - half(dx - cx);
    if (body === "long") {
      for (let x = -L + k; x < L * 0.6; x += 1) {
        const y = cy + wave(x) - half(x);
        c.plot(cx + x, y - 1, mat.fin, 2);
        c.plot(cx + x, cy + wave(x) + half(x) + 1, mat.fin, 2);
      }
    } else {
      // a shark's fin stands tall in every take: it is the shark's sign
      const dh = sp.shark
        ? 5.5 * k
        : (body === "tall" || sp.bill ? 6 : 3.2) * dorsal * look.dorsal * k;
      if (look.dorsal || sp.shark)
        c.poly(
          [
            [dx - L * 0.45, topY + 2 * k],
            [dx - (body === "tall" ? L * 0.35 : -L * 0.05), topY - dh + Math.sin(ph) * 0.6 * k],
            [dx + L * 0.3, topY + 2 * k],
          ],
          mat.fin,
          2,
        );
      const bx = cx - L * 0.1;
      const botY = cy + wave(bx - cx) + half(bx - cx);
      const ah = (body === "tall" ? 6 : 2.4) * k;
      c.poly(
        [
          [bx - L * 0.35, botY - 2 * k],
          [bx - L * (body === "tall" ? 0.5 : 0.2), botY + ah],
          [bx + L * 0.15, botY - 2 * k],
        ],
        mat.fin,
        2,
      );
    }
    // body by columns: back, belly, markings
    for (let x = Math.floor(-L); x <= Math.ceil(L); x++) {
      const h = half(x);
      if (h <= 0.2) continue;
      const yc = cy + wave(x);
      const u = x / L;
      for (let y = Math.floor(yc - h); y <= Math.ceil(yc + h); y++) {
        const v = (y - yc) / h;
        if (Math.abs(v) > 1.05) continue;
        let mm = v > 0.35 ? mat.belly : mat.body;
        if (sp.marks === "bands") {
          const at = [0.45, -0.05, -0.6].slice(0, nBands);
          for (const b of at) {
            const d = Math.abs(u - b);
            if (d < 0.11) mm = mat.mark;
            else if (d < 0.17) mm = mat.black;
          }
        } else if (sp.marks === "patches") {
          for (const p of patch)
            if ((u - p.x) ** 2 + ((v - p.y) * 0.6) ** 2 < p.r * p.r)
              mm = p.black ? mat.black : mat.mark;
        } else if (sp.marks === "stripes") {
          if (Math.abs(v + 0.1) < 0.14) mm = mat.mark;
        } else if (sp.marks === "bars") {
          if (Math.abs(((u + 1) * 3.2) % 1) < 0.22 && v < 0.6 && u < 0.7) mm = mat.mark;
        } else if (sp.marks === "spots") {
          for (const [sx, sy] of spots)
            if (Math.abs(u - sx!) < 0.07 && Math.abs(v - sy!) < 0.16) mm = mat.mark;
        }
        c.plot(cx + x, y, mm, 1);
      }
    }
    // puffer spines all round
    if (body === "puffer")
      for (let a = 0; a < Math.PI * 2; a += Math.PI / 7) {
        const r = H * puff;
        const x0 = cx + Math.cos(a) * L * 0.95;
        const y0 = cy + Math.sin(a) * r * 0.95;
        c.line(x0, y0, x0 + Math.cos(a) * spineLen, y0 + Math.sin(a) * spineLen, mat.mark, 3);
      }
    // head: gill line, eye, mouth, and the species' head parts
    const hx = cx + L * 0.62;
    const hy = cy + wave(L * 0.62);
    c.line(
      hx - L * 0.15,
      hy - half(L * 0.45) * 0.6,
      hx - L * 0.18,
      hy + half(L * 0.45) * 0.6,
      mat.fin,
      2,
      1,
    );
    const ex = Math.round(cx + L * (body === "long" ? 0.82 : 0.7));
    const ey = Math.round(hy - H * (body === "long" ? 0.2 : 0.3));
    if (fancyHead === "cap")
      // a fancy goldfish's cap over the head
      c.ellipse(hx - L * 0.05, hy - H * 0.72, L * 0.32, H * 0.38, mat.mark, 3);
    if (sp.hammer) {
      // its eyes are at the hammer's tips (drawn with it)
    } else if (fancyHead === "bulge") {
      // bulging eyes, standing out of the head
      c.ellipse(ex, ey - k, 1.8 * k, 1.8 * k, mat.eye, 4);
      c.rect(ex, ey - k, ex + 1, ey, mat.pupil, 4);
    } else if (size >= 24 && body !== "long") {
      c.rect(ex - 1, ey - 1, ex, ey, mat.eye, 4);
      c.plot(ex, ey, mat.pupil, 4);
    } else c.plot(ex, ey, mat.pupil, 4);
    const mx = cx + L;
    const my = hy + H * 0.25;
    if (sp.teeth) {
      c.line(mx - 3 * k, my, mx, my, mat.pupil, 4);
      c.plot(mx - 2 * k, my - 1, mat.eye, 4);
      c.plot(mx - k, my + 1, mat.eye, 4);
    } else c.plot(mx - 1, my, mat.pupil, 4);
    if (sp.bill) c.line(mx, hy - k, Math.min(size - 1, mx + 6 * k), hy - 1.5 * k, mat.mark, 3);
    if (sp.hammer) {
      // the hammer: a crossbar standing across the snout, well above and below the body's
      // outline, an eye at each tip (seen from the side a plain snout was a plain shark)
      const bx = mx - 1.2 * k;
      const reach = Math.max(H * 1.7, 6 * k);
      c.capsule(bx, hy - reach, bx, hy + reach * 0.8, 1.6 * k, mat.body, 1);
      c.line(bx + k, hy - reach + k, bx + k, hy + reach * 0.8 - k, mat.belly, 1);
      c.rect(bx, hy - reach, bx, hy - reach, mat.pupil, 4);
      c.rect(bx, hy + reach * 0.8, bx, hy + reach * 0.8, mat.pupil, 4);
    }
    if (info.breed === "catfish") {
      c.line(mx - k, my, mx + 2 * k, my + 3 * k, mat.pupil, 4);
      c.line(mx - 2 * k, my, mx, my + 4 * k, mat.pupil, 4);
    }
    if (sp.lure) {
      const lx = ex + 2 * k;
      const top = hy - H - 4 * k;
      c.line(ex - k, hy - H + k, lx, top, mat.fin, 3);
      c.line(lx, top, lx + 2 * k, top + 2 * k, mat.fin, 3);
      c.ellipse(lx + 2 * k, top + 3 * k, 1.2 * k, 1.2 * k, mat.glow, 5);
    }
    // a bite: open jaw on the strike
    if (pose.attack === 2) c.plot(mx, my - 1, mat.pupil, 4);
  };
  return {
    size,
    materials: m.list,
    restView: "side",
    draw,
    surface: [mat.body, mat.belly, mat.fin],
    takes: FISH_TAKES.length,
  };
}

function buildRay(
  _info: PromptInfo,
  rng: Rng,
  size: number,
  m: Mats,
  mat: Record<string, number>,
  sp: Species,
  L: number,
): Design {
  const k = size / 32;
  const span = (10 + rng.range(-2.5, 3)) * k;
  const tipDrop = rng.range(-2.5, 2.5) * k;
  const drift = rng.range(-2.5, 2.5) * k;
  const tail = (8 + rng.range(-2, 3)) * k;
  const horns = sp.colors[0] === "#343c4c" || rng.chance(0.3);
  const lift = rng.range(-3, 3) * k;
  const draw = (c: SpriteCanvas, pose: Pose) => {
    const ph = phaseOf(pose);
    const cx = size / 2 + drift;
    const cy = size / 2 - 2 * k + lift + (pose.bob ? k : 0);
    const flap = Math.sin(ph) * 2.5 * k + tipDrop;
    // seen from above: a diamond of wings that flap (tips rise and fall), a whip tail
    c.poly(
      [
        [cx, cy - L],
        [cx + span, cy + flap],
        [cx + span * 0.6, cy + 1.5 * k + flap * 0.5],
        [cx, cy + L * 0.9],
        [cx - span * 0.6, cy + 1.5 * k + flap * 0.5],
        [cx - span, cy + flap],
      ],
      mat.body!,
      1,
    );
    c.ellipse(cx, cy, 2.5 * k, L * 0.6, mat.fin!, 2);
    if (sp.marks === "spots")
      for (let i = -2; i <= 2; i++) c.plot(cx + i * 2.5 * k, cy + (i % 2) * k, mat.mark!, 3);
    const sway = Math.sin(ph - 1) * 2 * k;
    c.line(cx, cy + L * 0.9, cx + sway, cy + L * 0.9 + tail, mat.mark!, 2);
    c.plot(cx - 1.5 * k, cy - L * 0.55, mat.pupil!, 4);
    c.plot(cx + 1.5 * k, cy - L * 0.55, mat.pupil!, 4);
    if (horns) {
      c.line(cx - 1.5 * k, cy - L + k, cx - 2.5 * k, cy - L - 2 * k, mat.body!, 1);
      c.line(cx + 1.5 * k, cy - L + k, cx + 2.5 * k, cy - L - 2 * k, mat.body!, 1);
    }
  };
  return { size, materials: m.list, restView: "side", draw, surface: [mat.body!, mat.fin!] };
}

function buildCephalopod(
  info: PromptInfo,
  rng: Rng,
  crng: Rng,
  size: number,
  squid: boolean,
  look: CephalopodTake,
): Design {
  const k = size / 32;
  const m = new Mats();
  const base =
    info.colors[0] ??
    hex(
      squid
        ? crng.pick(["#e8a0a8", "#f0c0b0", "#d87870"])
        : crng.pick(["#d8583c", "#c04858", "#e07048", "#9c4c8c"]),
    );
  const mat = {
    body: m.add(base),
    light: m.add(mix(base, [255, 240, 230], 0.45)),
    sucker: m.add(mix(base, [255, 230, 220], 0.65), { flat: true }),
    eye: m.add("#fff8e8", { flat: true }),
    pupil: m.add("#141418", { flat: true }),
    spot: m.add(mix(base, [60, 20, 30], 0.35)),
  };
  const headW = (squid ? rng.range(3.5, 5.5) : 7 + rng.range(-0.5, 1.5)) * k * look.wide;
  const headH = (squid ? rng.range(7.5, 11) : 6.5 + rng.range(-0.5, 1)) * k * look.tall;
  const armLen = (squid ? rng.range(6, 10) : 12 + rng.range(-1.5, 1.5)) * k * look.reach;
  const finW = rng.range(1.5, 4.5) * k;
  const drift = rng.range(-2, 2) * k;
  const curl = rng.range(0.6, 1.4);
  const spotN = rng.int(2, 6);
  const spots = Array.from({ length: spotN }, () => [rng.range(-0.6, 0.6), rng.range(-0.8, 0.1)]);
  const eyeStyle = rng.pick(["round", "slit"] as const);
  const armPhase = Array.from({ length: 8 }, () => rng.range(0, Math.PI * 2));
  const draw = (c: SpriteCanvas, pose: Pose) => {
    const ph = phaseOf(pose);
    const cx = size / 2 + (squid ? drift : 0);
    const bob = Math.round(Math.sin(ph) * k) + (pose.bob ? k : 0);
    const cy = (squid ? size * 0.36 : size * 0.3) + bob;
    // arms first (behind the mantle): each a chain of shrinking segments curling at the tip
    const n = 8;
    const root = cy + headH * (squid ? 0.85 : 0.65);
    const reach = pose.attack === 2 ? 1.3 : 1;
    for (let i = 0; i < n; i++) {
      const f = i / (n - 1) - 0.5;
      let x = cx + f * headW * (squid ? 1.5 : 1.7);
      let y = root;
      let ang = Math.PI / 2 - f * (squid ? 0.9 : 2.7) * look.spread;
      const segs = 9;
      const seg = (armLen * reach) / segs;
      for (let s = 0; s < segs; s++) {
        const wob = Math.sin(ph + armPhase[i]! + s * 0.7) * 0.22 * curl;
        // the tips curl up and outwards, as an octopus's arms do
        ang +=
          wob +
          (s > segs * 0.5 ? (f < 0 ? 0.32 : -0.32) * curl * look.curl * (squid ? 0.3 : 1) : 0);
        const nx = x + Math.cos(ang) * seg;
        const ny = Math.min(size - 2, y + Math.sin(ang) * seg);
        const w = Math.max(0.5, ((squid ? 1.6 : 2) - s * 0.17) * k);
        c.capsule(x, y, nx, ny, w, mat.body, 2);
        if (s % 2 === 1 && s < segs - 2 && !squid) c.plot(nx, ny + w * 0.6, mat.sucker, 3);
        x = nx;
        y = ny;
      }
    }
    if (squid) {
      // two long feeding tentacles with clubs
      for (const sd of [-1, 1]) {
        const sw = Math.sin(ph + sd) * 2 * k;
        const ex = cx + sd * 3 * k + sw;
        const ey = Math.min(size - 3, root + armLen * 1.5);
        c.line(cx + sd * k, root, ex, ey, mat.body, 2);
        c.ellipse(ex, ey, 1.2 * k, 1.8 * k, mat.body, 2);
      }
      // arrow fins at the mantle's top
      const ty = cy - headH * 0.9;
      c.poly(
        [
          [cx, ty - 2 * k],
          [cx + headW + finW, ty + 2 * k],
          [cx, ty + 5 * k],
          [cx - headW - finW, ty + 2 * k],
        ],
        mat.body,
        1,
      );
    }
    // the mantle (head): a dome, lighter underside
    c.ellipse(cx, cy, headW, headH, mat.body, 1);
    c.ellipse(cx - headW * 0.3, cy - headH * 0.4, headW * 0.3, headH * 0.25, mat.light, 1);
    for (const [sx, sy] of spots) c.plot(cx + sx! * headW, cy + sy! * headH, mat.spot, 1);
    // eyes low on the front of the mantle, looking at the viewer
    const ey = Math.round(cy + headH * (squid ? 0.45 : 0.3));
    const gap = Math.round(headW * 0.45);
    for (const sd of [-1, 1]) {
      const ex = Math.round(cx + sd * gap);
      if (size >= 24) {
        c.rect(ex - 1, ey - 1, ex + 1, ey + 1, mat.eye, 4);
        if (eyeStyle === "slit") c.rect(ex - 1, ey, ex + 1, ey, mat.pupil, 4);
        else c.rect(ex, ey - 1, ex, ey + 1, mat.pupil, 4);
      } else c.plot(ex, ey, mat.pupil, 4);
    }
  };
  return {
    size,
    materials: m.list,
    restView: "front",
    draw,
    surface: [mat.body, mat.light],
    takes: CEPHALOPOD_TAKES.length,
  };
}
