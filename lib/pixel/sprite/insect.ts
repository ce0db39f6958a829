// Insects drawn as themselves (#20): a grasshopper and a firefly were "a kind of insect, so drew a
// beetle" and a praying mantis a borrowed silhouette. Here an insect is a rig: head, thorax and a
// segmented abdomen on six legs (a tripod gait: three feet down while the other three swing),
// antennae, and the wings it has — a beetle's shell, a grasshopper's folded wings, a bee's clear
// ones, a butterfly's sails. Species rows add what tells them apart at 32 px: a grasshopper's big
// folded hind legs, a mantis's raised forelegs and triangular head, a firefly's glowing tail that
// flickers, a stag beetle's antlers, a wasp's waist. Fliers fly when they walk.
import type { Rng } from "../prng";
import type { Rgb } from "../types";
import type { SpriteCanvas } from "./canvas";
import { type Design, Mats, type Pose, takeChoice } from "./design";
import type { PromptInfo } from "./prompt";

/** The silhouette: where head, thorax and abdomen sit and how long the legs are. */
type Body =
  | "bug"
  | "beetle"
  | "dome"
  | "slender"
  | "long"
  | "flat"
  | "ant"
  | "bee"
  | "wasp"
  | "mantis"
  | "dragonfly"
  | "butterfly";
type Wings = "elytra" | "folded" | "clear" | "sails" | "none";
type Antennae = "short" | "long" | "back" | "elbow" | "club" | "feather";

interface Species {
  body: Body;
  /** main colours (one per seed) */
  colors: string[];
  /** head/pronotum, legs, wings (undefined: a shade of the body) */
  accent?: string;
  legs?: string;
  wing?: string;
  wings: Wings;
  antennae: Antennae;
  /** its walk is a flight */
  flies?: boolean;
  /** a grasshopper's long folded hind legs */
  jumper?: boolean;
  /** a mantis's raised, folded forelegs */
  raptor?: boolean;
  /** a stag beetle's antler-like jaws */
  jaws?: boolean;
  /** a firefly's lit tail */
  glow?: boolean;
  /** ladybird spots on the shell */
  spots?: boolean;
  /** dark bands across the abdomen (bee, wasp) */
  bands?: boolean;
  /** a bee's or wasp's sting */
  sting?: boolean;
  looks: string;
}

const SPECIES: Record<string, Species> = {
  insect: {
    body: "bug",
    colors: ["#8c6c3c", "#6c8c3c", "#7c5c8c"],
    wings: "clear",
    antennae: "long",
    looks: "six legs, three body parts, antennae and clear wings",
  },
  grasshopper: {
    body: "long",
    colors: ["#6cb83c", "#78c040", "#a88c4c"],
    wings: "folded",
    antennae: "short",
    jumper: true,
    looks: "green, long folded hind legs, folded wings",
  },
  cricket: {
    body: "long",
    colors: ["#4c3424", "#3c2c24", "#6c4c2c"],
    wings: "folded",
    antennae: "back",
    jumper: true,
    looks: "dark brown, long antennae, folded hind legs",
  },
  firefly: {
    body: "slender",
    colors: ["#3c3034", "#2c2830"],
    accent: "#e8702c",
    wing: "#3c3034",
    wings: "elytra",
    antennae: "long",
    flies: true,
    glow: true,
    looks: "a dark beetle with an orange head shield and a glowing tail",
  },
  mantis: {
    body: "mantis",
    colors: ["#74c444", "#84cc4c", "#68b840"],
    wings: "folded",
    antennae: "short",
    raptor: true,
    looks: "green, raised folded forelegs, a triangular head on a long neck",
  },
  ant: {
    body: "ant",
    // black, red, a fire ant's orange-brown
    colors: ["#34282c", "#a83c28", "#2c2428", "#c0662c"],
    wings: "none",
    antennae: "elbow",
    looks: "three round segments with a thin waist, bent antennae",
  },
  bee: {
    body: "bee",
    colors: ["#f0b828", "#f0c040"],
    accent: "#2c2430",
    legs: "#2c2430",
    wing: "#e4f0fc",
    wings: "clear",
    antennae: "elbow",
    flies: true,
    bands: true,
    sting: true,
    looks: "fuzzy yellow with black bands, clear wings, a sting",
  },
  wasp: {
    body: "wasp",
    colors: ["#f8d020", "#f0c818"],
    accent: "#2c2430",
    legs: "#e8b818",
    wing: "#e4f0fc",
    wings: "clear",
    antennae: "long",
    flies: true,
    bands: true,
    sting: true,
    looks: "slim yellow and black with a narrow waist and a sting",
  },
  ladybug: {
    body: "dome",
    colors: ["#e02c24", "#e83828", "#d82820"],
    accent: "#201c24",
    legs: "#201c24",
    wings: "elytra",
    antennae: "short",
    spots: true,
    looks: "a red dome with black spots, black head",
  },
  beetle: {
    body: "beetle",
    colors: ["#2c8c5c", "#34304c", "#6c3c8c", "#3c2c24"],
    wings: "elytra",
    antennae: "short",
    looks: "a shiny oval shell on six legs",
  },
  "stag-beetle": {
    body: "beetle",
    colors: ["#4c2c20", "#3c2820"],
    accent: "#6c3c24",
    wings: "elytra",
    antennae: "elbow",
    jaws: true,
    looks: "a dark brown beetle with big antler-like jaws",
  },
  cockroach: {
    body: "flat",
    colors: ["#8c4c24", "#7c4020", "#9c5828"],
    accent: "#c8884c",
    wings: "folded",
    antennae: "back",
    looks: "flat, glossy brown, long antennae swept back",
  },
  dragonfly: {
    body: "dragonfly",
    colors: ["#3c8ce0", "#40b890", "#e04c3c"],
    wing: "#e4f4ff",
    wings: "clear",
    antennae: "short",
    flies: true,
    looks: "a long thin tail, big eyes, four clear wings",
  },
  butterfly: {
    body: "butterfly",
    colors: ["#f0862a", "#3c8ce0", "#f0d040", "#e05090"],
    accent: "#2c2430",
    legs: "#2c2430",
    wings: "sails",
    antennae: "club",
    flies: true,
    looks: "big coloured wings with dark edges, clubbed antennae",
  },
  moth: {
    body: "butterfly",
    colors: ["#c8b088", "#a89070", "#e0d8c0"],
    accent: "#8c7458",
    wings: "sails",
    antennae: "feather",
    flies: true,
    looks: "dusty brown wings, a furry body, feathery antennae",
  },
};

/** Head, thorax, abdomen as [x, y, rx, ry] in rig units (k px) from the body's centre. */
interface Layout {
  abd: [number, number, number, number];
  tho: [number, number, number, number];
  head: [number, number, number, number];
  /** the three leg pairs' hips along the body */
  hips: [number, number, number];
  /** body centre above the ground */
  legH: number;
  /** how far a foot stands out from its hip */
  reach: number;
  waist?: boolean;
}

const LAYOUT: Record<Body, Layout> = {
  bug: {
    abd: [-4.5, 0.5, 5, 3],
    tho: [1.5, -0.3, 2.8, 2.6],
    head: [5.5, -0.5, 2.2, 2.2],
    hips: [2.6, 1.4, 0.2],
    legH: 5,
    reach: 4,
  },
  beetle: {
    abd: [-2, 0, 7, 4.2],
    tho: [5, 0.6, 2.4, 2.8],
    head: [7.6, 1.2, 1.9, 1.9],
    hips: [5, 2.5, 0],
    legH: 5,
    reach: 4,
  },
  dome: {
    abd: [-1, -0.5, 7.5, 5.5],
    tho: [6, 1.4, 1.8, 2.2],
    head: [7.8, 2, 2.2, 2.2],
    hips: [4, 1.5, -1.5],
    legH: 5,
    reach: 3,
  },
  slender: {
    abd: [-2.5, 0, 7, 3],
    tho: [5, 0, 2.2, 2.6],
    head: [7.3, 0.8, 1.6, 1.8],
    hips: [4.5, 2.2, 0],
    legH: 4.5,
    reach: 3.5,
  },
  long: {
    abd: [-5, 0.6, 6.5, 2.6],
    tho: [2.5, -0.4, 3, 3],
    head: [6.4, -0.6, 2.3, 2.9],
    hips: [3.4, 1.8, 0.6],
    legH: 5,
    reach: 3.5,
  },
  flat: {
    abd: [-2, 0.6, 8.5, 2.8],
    tho: [5.5, 0.6, 2.6, 2.2],
    head: [8, 1.8, 1.5, 1.5],
    hips: [4.5, 1.5, -1.5],
    legH: 4,
    reach: 4.5,
  },
  ant: {
    abd: [-6, -0.2, 3.8, 3.2],
    tho: [0.5, 0, 2.9, 1.6],
    head: [5.3, -1.2, 2.6, 2.4],
    hips: [1.8, 0.5, -0.9],
    legH: 5.5,
    reach: 4.5,
    waist: true,
  },
  bee: {
    abd: [-3.8, 0.8, 4.8, 4],
    tho: [2, -0.4, 3.1, 3.1],
    head: [5.8, 0.4, 2.2, 2.4],
    hips: [3, 1.8, 0.6],
    legH: 5.5,
    reach: 3,
  },
  wasp: {
    abd: [-5.5, 1.4, 4.6, 2.8],
    tho: [1.5, -0.4, 2.8, 2.6],
    head: [5.2, -0.2, 2, 2.2],
    hips: [2.6, 1.5, 0.4],
    legH: 5.5,
    reach: 3.5,
    waist: true,
  },
  mantis: {
    abd: [-6, 0.5, 6.5, 2.2],
    tho: [0.5, 0, 1.8, 1.8],
    head: [5.8, -8.2, 2, 2],
    hips: [0.8, 0.2, -1.2],
    legH: 6,
    reach: 5,
  },
  dragonfly: {
    abd: [-8, 0, 8, 1.1],
    tho: [1.5, 0, 2.6, 2.4],
    head: [4.8, -0.4, 2, 2.1],
    hips: [2.4, 1.5, 0.6],
    legH: 5,
    reach: 2.5,
  },
  butterfly: {
    abd: [-3.5, 1, 4, 1.4],
    tho: [1, 0, 1.8, 1.8],
    head: [3.5, -0.4, 1.5, 1.5],
    hips: [1.8, 1, 0.2],
    legH: 5,
    reach: 2.5,
  },
};

const P = {
  legF: 1,
  legN: 2,
  abdomen: 3,
  head: 4,
  antenna: 5,
  wing: 6,
  thorax: 7,
  mark: 8,
  fx: 9,
  face: 10,
  jaw: 11,
  glow: 12,
  foreleg: 13,
  wingFar: 14,
  sting: 15,
};

/** The insect's part ids (tests check the parts are drawn). */
export const INSECT_PARTS = P;

/**
 * A take of the insect (seeds a person tells apart): at rest it stands, rears up, opens its
 * wings (a beetle lifts its shell) or crouches; a flier perches, hovers, spreads its wings or
 * perches low. Antennae and crouch carry into every frame; the stance is the rest pose's.
 */
interface Look {
  stance: "stand" | "rear" | "open" | "low" | "hover";
  /** antennae raised (1) or swept down (−1) */
  ant: number;
}
const WALKER_TAKES: readonly Look[] = [
  { stance: "stand", ant: 0 },
  { stance: "rear", ant: 1 },
  { stance: "open", ant: 0 },
  { stance: "low", ant: -1 },
];
/** A wingless walker (an ant) has nothing to open: it crouches with its feelers up instead. */
const WINGLESS_TAKES: readonly Look[] = [
  { stance: "stand", ant: 0 },
  { stance: "rear", ant: 1 },
  { stance: "low", ant: 1 },
  { stance: "stand", ant: -1 },
];
const FLIER_TAKES: readonly Look[] = [
  { stance: "stand", ant: 0 },
  { stance: "hover", ant: 1 },
  { stance: "open", ant: 0 },
  { stance: "low", ant: -1 },
];

/** The species a subject draws: its own row, else the generic insect. */
export function insectSpecies(variant: string): Species {
  return SPECIES[variant] ?? SPECIES.insect!;
}

const hex = (s: string): Rgb => [
  Number.parseInt(s.slice(1, 3), 16),
  Number.parseInt(s.slice(3, 5), 16),
  Number.parseInt(s.slice(5, 7), 16),
];
const shade = (c: Rgb, f: number): Rgb =>
  c.map((v) =>
    Math.max(0, Math.min(255, Math.round(f < 1 ? v * f : v + (255 - v) * (f - 1)))),
  ) as Rgb;

/** A rotated ellipse as a polygon (wings are ovals held at an angle). */
function oval(cx: number, cy: number, rx: number, ry: number, ang: number): [number, number][] {
  const pts: [number, number][] = [];
  const ca = Math.cos(ang);
  const sa = Math.sin(ang);
  for (let i = 0; i < 16; i++) {
    const a = (i / 16) * Math.PI * 2;
    const x = Math.cos(a) * rx;
    const y = Math.sin(a) * ry;
    pts.push([cx + x * ca - y * sa, cy + x * sa + y * ca]);
  }
  return pts;
}

export function buildInsect(info: PromptInfo, rng: Rng, crng: Rng, size: number, take = 1): Design {
  const sp = insectSpecies(info.variant);
  const L = LAYOUT[sp.body];
  const look = takeChoice(
    take,
    sp.flies ? FLIER_TAKES : sp.wings === "none" ? WINGLESS_TAKES : WALKER_TAKES,
  );
  // insects are small: drawn larger than the rig units so legs and feelers read at 32 px
  const k = (size / 32) * (sp.body === "dragonfly" ? 1.05 : 1.3);
  const m = new Mats();
  // seed 1 draws the species' usual colour (a green grasshopper), later seeds the others in turn
  const bodyC: Rgb =
    info.colors[0] ?? shade(hex(takeChoice(take, sp.colors)), 1 + crng.range(-0.08, 0.08));
  const dark = shade(bodyC, 0.55);
  const mat = {
    body: m.add(bodyC),
    accent: m.add(sp.accent ? hex(sp.accent) : shade(bodyC, 0.8)),
    // legs and feelers are one-pixel lines with no outline of their own (an outlined line is a
    // three-pixel smudge at 32 px)
    legs: m.add(sp.legs ? hex(sp.legs) : shade(dark, 0.7), { noOutline: true }),
    wing: m.add(info.colors[1] ?? (sp.wing ? hex(sp.wing) : shade(bodyC, 0.82))),
    clear: m.add("#e4f0fc"),
    belly: m.add(shade(bodyC, 1.35)),
    eye: m.add("#1c1828", { flat: true }),
    shine: m.add("#ffffff", { flat: true }),
    mark: m.add(sp.spots ? "#201c24" : sp.bands ? "#2c2430" : dark),
    glow: m.add("#f8f070", { flat: true }),
    glowDim: m.add("#b8b058"),
    halo: m.add("#f0ff90", { flat: true, noOutline: true }),
    slash: m.add("#f4f8ff", { flat: true, noOutline: true }),
    edge: m.add("#2c2430"),
  };
  // each seed its own build: a longer or plumper body, longer legs
  const len = 1 + rng.range(-0.08, 0.1);
  const plump = 1 + rng.range(-0.06, 0.1);
  const legLen = 1 + rng.range(-0.05, 0.15);
  const ground = size - 2;
  const limb = Math.max(0.5, 0.55 * k);

  const antenna = (c: SpriteCanvas, hx: number, hy: number, up: number, far: boolean) => {
    const tone = far ? 1 : -1;
    const lift = up * 1.5 * k;
    const dx = far ? -0.8 * k : 0;
    const at = (x: number, y: number): [number, number] => [hx + x * k + dx, hy + y * k];
    const seg = (a: [number, number], b: [number, number]) =>
      c.line(a[0], a[1], b[0], b[1], mat.legs, P.antenna, tone);
    switch (sp.antennae) {
      case "short": {
        const a = at(0.5, -1.5);
        seg(a, [a[0] + 1.8 * k, a[1] - 2.6 * k - lift]);
        break;
      }
      case "long": {
        const a = at(0.6, -1.4);
        const b: [number, number] = [a[0] + 2 * k, a[1] - 3.5 * k - lift];
        seg(a, b);
        seg(b, [b[0] + 3 * k, b[1] - 1 * k - lift * 0.5]);
        break;
      }
      case "back": {
        // long feelers swept back over the body (cricket, cockroach)
        const a = at(0.5, -1.2);
        const b: [number, number] = [a[0] + 1.5 * k, a[1] - 3 * k - lift];
        seg(a, b);
        seg(b, [b[0] - 4 * k, b[1] - 2.5 * k - lift * 0.5]);
        seg([b[0] - 4 * k, b[1] - 2.5 * k - lift * 0.5], [b[0] - 9 * k, b[1] - 2 * k]);
        break;
      }
      case "elbow": {
        // an ant's bent antennae: up, then forward
        const a = at(0.4, -1.6);
        const b: [number, number] = [a[0] + 0.3 * k, a[1] - 2.8 * k - lift];
        seg(a, b);
        seg(b, [b[0] + 2.6 * k, b[1] + 0.8 * k - lift * 0.5]);
        break;
      }
      case "club": {
        const a = at(0.3, -1.2);
        const b: [number, number] = [a[0] + 2.4 * k, a[1] - 4.5 * k - lift];
        seg(a, b);
        c.rect(
          b[0],
          b[1],
          b[0] + Math.max(1, k) - 1,
          b[1] + Math.max(1, k) - 1,
          mat.legs,
          P.antenna,
          tone,
        );
        break;
      }
      case "feather": {
        const a = at(0.3, -1.2);
        const b: [number, number] = [a[0] + 2 * k, a[1] - 3.5 * k - lift];
        c.capsule(a[0], a[1], b[0], b[1], 0.7 * k, mat.accent, P.antenna, tone);
        c.plot(b[0] - k, b[1] + k, mat.accent, P.antenna, tone);
        c.plot(b[0] + k, b[1] + 1.5 * k, mat.accent, P.antenna, tone);
        break;
      }
    }
  };

  /** Dark bands (bee, wasp) and spots (ladybird) painted only over the body already drawn. */
  const paintOver = (
    c: SpriteCanvas,
    x0: number,
    x1: number,
    y0: number,
    y1: number,
    under: number,
    m0: number,
  ) => {
    for (let y = Math.floor(y0); y <= Math.ceil(y1); y++)
      for (let x = Math.floor(x0); x <= Math.ceil(x1); x++) {
        const i = c.index(x, y);
        if (i >= 0 && c.part[i] === under && c.mat[i]! >= 0) c.plot(x, y, m0, P.mark);
      }
  };

  const drawSide = (c: SpriteCanvas, pose: Pose) => {
    const atk = pose.attack;
    const rest = pose.mode !== "walk" && pose.mode !== "attack" && !pose.fx?.rise;
    const stance = rest ? look.stance : look.stance === "low" ? "low" : "stand";
    const flying =
      !!sp.flies && (pose.mode === "walk" || (pose.fx?.rise ?? 0) > 0 || stance === "hover");
    // wings beat once a frame in flight (up, down); at rest they are held
    const beatUp = flying ? Math.round(pose.t * 4) % 2 === 0 : true;
    const lunge = [0, -1, 2.5, 1][atk]! * k;
    const hover = flying ? (beatUp ? 4 : 3) * k : 0;
    const low = stance === "low" ? 1.2 * k : 0;
    const cx = size / 2 + (sp.body === "dragonfly" ? 3 * k : 0) + lunge;
    const cy =
      ground -
      L.legH * k * legLen -
      hover +
      low +
      (pose.bob && !flying ? 1 : 0) +
      (sp.body === "dome" ? -0.5 * k : 0);
    // rearing: the front of the body tips up
    const tilt = stance === "rear" ? 0.3 : 0;
    const xAt = (u: number) => cx + u * k * len;
    const yAt = (u: number, v: number) => cy + v * k - tilt * Math.max(0, u) * k;
    const [ax, ay, arx, ary] = L.abd;
    const [tx, ty, trx, try_] = L.tho;
    const [hx0, hy0, hrx, hry] = L.head;
    const headX = xAt(hx0) + (atk === 2 ? 1.5 * k : 0);
    const headY = yAt(hx0, hy0);
    const stride = flying ? 0 : pose.stride;
    const lifted = flying ? 0 : pose.lift;

    // --- legs: tripod gait (near front, far middle, near hind swing together) ---
    const leg = (i: number, near: boolean) => {
      const setA = (i + (near ? 0 : 1)) % 2 === 0;
      const step = (setA ? 1 : -1) * stride * 1.4 * k;
      const up = (setA ? lifted === 1 : lifted === -1) ? 2 * k : 0;
      const dir = i === 0 ? 1 : i === 1 ? 0.2 : -1;
      const hipX = xAt(L.hips[i]!) + (near ? 0 : -0.8 * k);
      const hipY = yAt(L.hips[i]!, ty + try_ * 0.55);
      const tone = near ? -1 : 1;
      const part = near ? P.legN : P.legF;
      if (flying) {
        // tucked under the body, trailing back
        c.line(hipX, hipY, hipX - 1.5 * k + dir * k, hipY + 2.5 * k, mat.legs, part, tone);
        return;
      }
      if (sp.jumper && i === 2) {
        // the big hind leg: a thick thigh back and up along the abdomen, the shin folded under it
        const kneeX = hipX - 6.5 * k * legLen;
        const kneeY = hipY - 4.2 * k;
        const jump = (pose.fx?.rise ?? 0) > 0;
        const footX = jump ? kneeX - 3 * k : hipX - 2.5 * k + step * 0.3;
        const footY = jump ? ground : ground - up * 0.5;
        c.capsule(hipX, hipY, kneeX, kneeY, 1.2 * k, mat.accent, part, tone);
        c.line(kneeX, kneeY, footX, footY - 1, mat.legs, part, tone);
        c.line(footX, footY - 1, footX - 1.2 * k, footY, mat.legs, part, tone);
        return;
      }
      if (sp.raptor && i === 0) return;
      const footX = hipX + dir * L.reach * k * legLen + step + (up ? 1.2 * k : 0);
      const footY = (stance === "rear" && i === 0 ? hipY + 1.5 * k : ground) - up;
      const kneeX = hipX + dir * L.reach * 0.55 * k * legLen;
      const kneeY = Math.min(hipY, footY) - (sp.body === "mantis" ? 2.5 : 1.2) * k + low * 0.5;
      c.line(hipX, hipY, kneeX, kneeY, mat.legs, part, tone);
      c.line(kneeX, kneeY, footX, footY, mat.legs, part, tone);
      if (k >= 1.5) c.capsule(hipX, hipY, kneeX, kneeY, limb, mat.legs, part, tone);
    };
    for (let i = 0; i < 3; i++) leg(i, false);

    // --- wings behind the body (a flier's far wing, a beetle's open hind wings) ---
    const wingRoot: [number, number] = [xAt(tx - 0.5), yAt(tx, ty - try_ * 0.8)];
    const clearWing = (ang: number, rx: number, ry: number, part: number, m0: number) => {
      const [wx, wy] = wingRoot;
      const ox = Math.cos(ang) * rx;
      const oy = Math.sin(ang) * rx;
      c.poly(oval(wx + ox, wy + oy, rx, ry, ang), m0, part);
    };
    // up: pointing up and back; down: level behind
    const wingAng = flying ? (beatUp ? -2.1 : -2.9) : stance === "open" ? -2.2 : -2.95;
    if (sp.wings === "sails") {
      const a = flying ? (beatUp ? -1.75 : -2.5) : stance === "open" ? -2.3 : -1.8;
      // the far pair peeks behind the near one
      clearWing(a - 0.25, 6.2 * k, 3.6 * k, P.wingFar, mat.body);
      clearWing(a + 0.55, 4.2 * k, 2.8 * k, P.wingFar, mat.body);
    } else if (sp.wings === "clear" && (flying || stance === "open" || sp.body === "dragonfly")) {
      const r = sp.body === "dragonfly" ? 7 : sp.body === "bee" ? 4.2 : 4.8;
      clearWing(wingAng - 0.3, r * k, 1.7 * k, P.wingFar, mat.clear);
    } else if (stance === "open" && (sp.wings === "elytra" || sp.wings === "folded")) {
      // the shell or wing covers lifted, the clear flying wings unfolded behind them
      clearWing(-2.5, arx * 0.9 * k, 2.2 * k, P.wingFar, mat.clear);
    }
    if (flying && sp.wings === "elytra")
      clearWing(wingAng, arx * 0.9 * k, 2 * k, P.wingFar, mat.clear);

    // --- abdomen ---
    const abX = xAt(ax);
    const abY = yAt(ax, ay);
    if (sp.body === "dragonfly") {
      c.capsule(
        xAt(tx - trx * 0.6),
        yAt(tx, ay),
        xAt(ax - arx),
        yAt(ax, ay + 0.6),
        ary * k,
        mat.body,
        P.abdomen,
      );
      for (let u = 0; u < 4; u++) {
        const x = xAt(ax - arx + 2 + u * 3.5);
        c.plot(x, yAt(ax, ay) - 0.5, mat.mark, P.mark);
      }
    } else {
      c.ellipse(abX, abY, arx * k * len, ary * k * plump, mat.body, P.abdomen);
    }
    if (sp.bands) {
      for (const f of [-0.3, 0.25])
        paintOver(
          c,
          abX + f * arx * k - 0.4 * k,
          abX + f * arx * k + 0.4 * k,
          abY - ary * k * 1.2,
          abY + ary * k * 1.2,
          P.abdomen,
          mat.mark,
        );
    }
    if (sp.sting) {
      const sx = abX - arx * k * len;
      c.poly(
        [
          [sx + 0.5 * k, abY - 0.6 * k],
          [sx - 1.8 * k, abY + 0.8 * k],
          [sx + 0.8 * k, abY + 0.8 * k],
        ],
        mat.edge,
        P.sting,
      );
    }
    if (sp.glow) {
      // the lit tail: bright on one frame, dim on the next (a flicker), with a halo when lit
      const lit = pose.t < 0.5;
      const gx = abX - arx * k * len * 0.6;
      const gy = abY + ary * k * 0.25;
      c.ellipse(gx, gy, arx * k * 0.45, ary * k * 0.85, lit ? mat.glow : mat.glowDim, P.glow);
      if (lit)
        for (const [dx, dy] of [
          [-1.6, -1.8],
          [-2.6, 0.4],
          [-1.2, 2.4],
          [0.8, 2.8],
          [-3.4, -1],
        ] as const)
          c.plot(gx + (dx - arx * 0.35) * k, gy + dy * k, mat.halo, P.glow);
    }
    // folded wings / shell over the back
    if (sp.wings === "folded" && stance !== "open")
      c.ellipse(
        abX + 0.5 * k,
        abY - ary * k * 0.55,
        (arx + 1.5) * k * len,
        Math.max(1, 1.2 * k),
        mat.wing,
        P.wing,
      );
    if (sp.wings === "elytra") {
      if (stance === "open" && !flying) {
        // the shell halves lifted up and back
        c.poly(
          oval(abX + 0.5 * k, abY - ary * k * 0.9, arx * 0.7 * k, ary * 0.45 * k, -0.35),
          mat.wing,
          P.wing,
        );
      } else {
        // the shell's seam (a ladybird's dome shows its spots instead) and a highlight
        if (!sp.spots)
          c.line(xAt(tx - trx), abY - ary * k * 0.95, abX - arx * k * 0.85, abY, mat.mark, P.wing);
        c.plot(abX + arx * k * 0.2, abY - ary * k * 0.55, mat.belly, P.wing);
      }
    }
    if (sp.spots)
      // round black spots, each a small disc (square patches read as a blotchy shell); with the
      // shell lifted too: a ladybird is known by its spots, and without them a red dome is a lump
      for (const [fx, fy] of [
        [-0.55, -0.05],
        [-0.05, -0.5],
        [0.35, 0.1],
        [-0.15, 0.45],
      ] as const)
        c.ellipse(abX + fx * arx * k, abY + fy * ary * k, 0.9 * k, 0.9 * k, mat.mark, P.mark);
    if (L.waist)
      c.capsule(abX + arx * k, abY, xAt(tx - trx), yAt(tx, ty), 0.6 * k, mat.body, P.abdomen);

    // --- thorax (a mantis's long neck rises from it) ---
    if (sp.raptor) {
      c.capsule(
        xAt(tx),
        yAt(tx, ty),
        xAt(tx + 3.5),
        yAt(tx + 3.5, ty - 5),
        1.2 * k,
        mat.body,
        P.thorax,
      );
      c.ellipse(xAt(tx), yAt(tx, ty), trx * k, try_ * k, mat.body, P.thorax);
    } else
      c.ellipse(
        xAt(tx),
        yAt(tx, ty),
        trx * k,
        try_ * k * plump,
        sp.body === "slender" || sp.body === "flat" ? mat.accent : mat.body,
        P.thorax,
      );
    if (sp.body === "slender") c.plot(xAt(tx), yAt(tx, ty) - try_ * 0.3 * k, mat.mark, P.mark);
    if (sp.body === "bee") c.plot(xAt(tx - 1), yAt(tx, ty) - try_ * 0.5 * k, mat.belly, P.thorax);

    // --- the near wing ---
    if (sp.wings === "sails") {
      const a = flying ? (beatUp ? -1.6 : -2.4) : stance === "open" ? -2.15 : -1.65;
      clearWing(a + 0.5, 4.4 * k, 3 * k, P.wing, mat.wing);
      clearWing(a - 0.15, 6.4 * k, 3.8 * k, P.wing, mat.wing);
      // dark edge spots and a pale dot on the forewing
      const [wx, wy] = wingRoot;
      const tipX = wx + Math.cos(a - 0.15) * 10 * k;
      const tipY = wy + Math.sin(a - 0.15) * 10 * k;
      c.ellipse(tipX, tipY, 2 * k, 1.6 * k, mat.edge, P.wing);
      c.plot(tipX, tipY, mat.shine, P.wing);
      c.plot(
        wx + Math.cos(a - 0.15) * 6 * k,
        wy + Math.sin(a - 0.15) * 6 * k,
        sp.antennae === "feather" ? mat.accent : mat.edge,
        P.wing,
      );
    } else if (sp.wings === "clear" && (flying || stance === "open" || sp.body === "dragonfly")) {
      const r = sp.body === "dragonfly" ? 7.5 : sp.body === "bee" ? 4.4 : 5;
      clearWing(wingAng + 0.15, r * k, 1.8 * k, P.wing, mat.clear);
    } else if (sp.wings === "clear")
      // folded flat over the back
      c.poly(
        oval(xAt(tx - 3.5), yAt(tx, ty - try_ * 0.9), 4 * k, 1.4 * k, 0.12),
        mat.clear,
        P.wing,
      );

    // --- near legs over the body ---
    for (let i = 0; i < 3; i++) leg(i, true);

    // --- the mantis's raised forelegs: folded in prayer, shot forward on a strike ---
    if (sp.raptor) {
      const sx = xAt(tx + 2.6);
      const sy = yAt(tx + 2.6, ty - 3.8);
      const strike = atk === 2 || stance === "rear";
      const ex = sx + (strike ? 3.5 : 2) * k;
      const ey = sy + (strike ? -0.5 : 2.5) * k;
      const hx = ex + (strike ? 3 * k : 0.5 * k);
      const hy = ey + (strike ? 1 : -2.8) * k;
      for (const near of [false, true]) {
        const o = near ? 0 : -0.8 * k;
        c.capsule(
          sx + o,
          sy,
          ex + o,
          ey,
          0.8 * k,
          near ? mat.body : mat.accent,
          P.foreleg,
          near ? -1 : 1,
        );
        c.line(ex + o, ey, hx + o, hy, near ? mat.body : mat.accent, P.foreleg, near ? -1 : 1);
      }
    }

    // --- head ---
    antenna(c, headX, headY - hry * k * 0.6, look.ant, true);
    if (sp.raptor) {
      // a triangle: wide at the eyes, pointed at the mouth
      c.poly(
        [
          [headX - hrx * k, headY - hry * k],
          [headX + hrx * k * 1.2, headY - hry * k],
          [headX + hrx * 0.3 * k, headY + hry * k * 1.3],
        ],
        mat.body,
        P.head,
      );
    } else
      c.ellipse(
        headX,
        headY,
        hrx * k,
        hry * k,
        sp.accent && sp.body !== "slender" && sp.body !== "flat" ? mat.accent : mat.body,
        P.head,
      );
    antenna(c, headX, headY - hry * k * 0.6, look.ant, false);
    // the compound eye (a dragonfly's covers most of its head)
    const big = sp.body === "dragonfly" || sp.raptor;
    const eyeX = headX + hrx * k * (big ? 0.3 : 0.35);
    const eyeY = headY - hry * k * (sp.raptor ? 0.75 : 0.25);
    c.ellipse(eyeX, eyeY, (big ? 1.4 : 0.9) * k, (big ? 1.4 : 1) * k, mat.eye, P.face);
    if (size >= 24) c.plot(eyeX, eyeY - 0.5 * k, mat.shine, P.face);
    if (sp.body === "dome") c.plot(headX + hrx * k * 0.6, headY + hry * k * 0.5, mat.shine, P.face);
    if (sp.jaws || sp.body === "ant") {
      const big2 = sp.jaws ? 1 : 0.4;
      const jx = headX + hrx * k * 0.8;
      const jy = headY + hry * k * 0.3;
      const open = atk === 2 ? 1.2 * k : 0;
      for (const far of [true, false]) {
        const o = far ? -1 * k : 0;
        c.capsule(
          jx,
          jy + o,
          jx + 3.5 * k * big2,
          jy - 2.5 * k * big2 + o - open,
          Math.max(0.5, 0.7 * k * big2),
          mat.accent,
          P.jaw,
          far ? 1 : -1,
        );
        c.line(
          jx + 3.5 * k * big2,
          jy - 2.5 * k * big2 + o - open,
          jx + 4.6 * k * big2,
          jy - 0.6 * k * big2 + o,
          mat.accent,
          P.jaw,
          far ? 1 : -1,
        );
      }
    }
    if (atk === 2 && size >= 24) {
      const mx = headX + hrx * k + 3 * k;
      const my = headY;
      for (let i = 0; i < 3; i++)
        c.line(mx + i * 2 * k, my - 4 * k, mx + i * 2 * k + 2 * k, my + 1 * k, mat.slash, P.fx);
    }
  };

  /**
   * Seen end-on an insect is a small mass low between six splayed legs: from the front its head
   * with two big eyes and the antennae in a V, from behind the abdomen with the wings or shell over
   * it (a firefly's lit tail, a bee's bands).
   */
  const drawEndOn = (c: SpriteCanvas, pose: Pose, back: boolean) => {
    const cx = size / 2;
    const flying = !!sp.flies && pose.mode === "walk";
    const beatUp = Math.round(pose.t * 4) % 2 === 0;
    const hover = flying ? 3 * k : 0;
    const [, , arx, ary] = L.abd;
    const [, , , try_] = L.tho;
    const [, , hrx, hry] = L.head;
    const bw = Math.max(3, Math.min(arx, 6) * 0.75) * k;
    const bh = Math.max(2.2, Math.min(ary, 5)) * k;
    const cy = ground - L.legH * k * legLen - hover + (pose.bob && !flying ? 1 : 0);
    const legs = (far: boolean) => {
      for (const s of [-1, 1])
        for (let i = 0; i < 3; i++) {
          const setA = (i + (s < 0 ? 0 : 1)) % 2 === 0;
          const up = !flying && (setA ? pose.lift === 1 : pose.lift === -1) ? 2 * k : 0;
          const hipX = cx + s * bw * 0.5;
          const hipY = cy + try_ * 0.5 * k;
          const out = (2.5 + i * 1.4) * k * legLen;
          const kneeX = hipX + s * out * 0.7;
          const kneeY = hipY - (1.5 - i * 0.3) * k;
          const footX = hipX + s * out;
          const footY = flying ? hipY + 3 * k : ground - up - (far ? 0 : 0);
          const part = i === 1 ? P.legF : P.legN;
          if (far !== (i === 1)) continue;
          c.line(hipX, hipY, kneeX, kneeY, mat.legs, part, i === 1 ? 1 : -1);
          c.line(kneeX, kneeY, footX, footY, mat.legs, part, i === 1 ? 1 : -1);
        }
    };
    const wings = () => {
      if (sp.wings === "none" || sp.wings === "folded" || sp.wings === "elytra") return;
      for (const s of [-1, 1]) {
        const ang = sp.wings === "sails" ? (beatUp ? -1.25 : -0.6) : beatUp ? -0.9 : -0.25;
        const a = s < 0 ? Math.PI - ang : ang;
        const r = (sp.wings === "sails" ? 6.5 : sp.body === "dragonfly" ? 8 : 4.5) * k;
        const ry = (sp.wings === "sails" ? 4 : 1.7) * k;
        const wx = cx + Math.cos(a) * (r + 0.5 * k);
        const wy = cy - bh * 0.5 + Math.sin(a) * r;
        c.poly(oval(wx, wy, r, ry, a), sp.wings === "sails" ? mat.wing : mat.clear, P.wing);
        if (sp.wings === "sails") {
          c.ellipse(
            cx + Math.cos(a) * r * 1.7,
            cy - bh * 0.5 + Math.sin(a) * r * 1.7,
            1.6 * k,
            1.4 * k,
            mat.edge,
            P.wing,
          );
          // the hind wing, lower and rounder
          const b = s < 0 ? Math.PI - 0.35 : 0.35;
          c.poly(
            oval(cx + Math.cos(b) * 3.2 * k, cy + Math.sin(b) * 3 * k, 3.4 * k, 2.4 * k, b),
            mat.wing,
            P.wing,
          );
        }
      }
    };
    legs(true);
    wings();
    if (back) {
      c.ellipse(cx, cy - bh * 0.2, bw, bh, sp.wings === "elytra" ? mat.wing : mat.body, P.abdomen);
      if (sp.wings === "elytra")
        c.line(cx - 0.5, cy - bh * 1.1, cx - 0.5, cy + bh * 0.7, mat.mark, P.wing);
      if (sp.bands)
        for (const f of [-0.4, 0.25])
          paintOver(
            c,
            cx - bw,
            cx + bw,
            cy + f * bh - 0.6 * k,
            cy + f * bh + 0.6 * k,
            P.abdomen,
            mat.mark,
          );
      if (sp.spots)
        for (const [fx, fy] of [
          [-0.5, -0.3],
          [0.5, -0.3],
          [-0.3, 0.4],
          [0.3, 0.4],
        ] as const)
          c.ellipse(cx + fx * bw, cy + fy * bh, 0.9 * k, 0.9 * k, mat.mark, P.mark);
      if (sp.glow) {
        const lit = pose.t < 0.5;
        c.ellipse(cx, cy + bh * 0.6, bw * 0.5, bh * 0.45, lit ? mat.glow : mat.glowDim, P.glow);
        if (lit)
          for (const s of [-1, 1]) c.plot(cx + s * (bw * 0.6 + k), cy + bh * 1.1, mat.halo, P.glow);
      }
      if (sp.wings === "folded") c.ellipse(cx, cy - bh * 0.4, bw * 0.6, bh * 0.8, mat.wing, P.wing);
      if (sp.wings === "clear" && !flying)
        for (const s of [-1, 1])
          c.ellipse(cx + s * bw * 0.45, cy - bh * 0.6, bw * 0.45, bh * 0.55, mat.clear, P.wing);
      legs(false);
      // antenna tips over the body
      for (const s of [-1, 1])
        c.line(
          cx + s * k,
          cy - bh - 0.5 * k,
          cx + s * 3 * k,
          cy - bh - 3 * k - look.ant * k,
          mat.legs,
          P.antenna,
        );
      return;
    }
    // the body behind the head
    c.ellipse(
      cx,
      cy - bh * 0.45,
      bw,
      bh * 0.9,
      sp.wings === "elytra" ? mat.wing : mat.body,
      P.abdomen,
    );
    if (sp.spots)
      for (const s of [-1, 1])
        c.ellipse(cx + s * bw * 0.55, cy - bh * 0.8, 0.9 * k, 0.9 * k, mat.mark, P.mark);
    legs(false);
    const hr = Math.max(hrx, hry) * k * 1.1;
    const hy = cy + (sp.raptor ? -6 * k : hr * 0.2);
    // antennae in a V
    for (const s of [-1, 1]) {
      const tipX = cx + s * (sp.antennae === "back" || sp.antennae === "long" ? 5 : 3.2) * k;
      const tipY = hy - hr - (sp.antennae === "short" ? 3 : 5) * k - look.ant * k;
      c.line(cx + s * hr * 0.35, hy - hr * 0.8, tipX, tipY, mat.legs, P.antenna);
      if (sp.antennae === "club") c.plot(tipX, tipY, mat.legs, P.antenna);
    }
    if (sp.raptor) {
      c.capsule(cx, cy, cx, hy, 1.2 * k, mat.body, P.thorax);
      for (const s of [-1, 1]) {
        c.capsule(
          cx + s * k,
          hy + 2 * k,
          cx + s * 2.5 * k,
          hy + 5 * k,
          0.8 * k,
          mat.body,
          P.foreleg,
        );
        c.line(cx + s * 2.5 * k, hy + 5 * k, cx + s * 1.5 * k, hy + 2 * k, mat.body, P.foreleg);
      }
      c.poly(
        [
          [cx - hr * 1.3, hy - hr * 0.7],
          [cx + hr * 1.3, hy - hr * 0.7],
          [cx, hy + hr * 1.1],
        ],
        mat.body,
        P.head,
      );
    } else
      c.ellipse(
        cx,
        hy,
        hr,
        hr * 0.9,
        sp.accent && sp.body !== "slender" && sp.body !== "flat" ? mat.accent : mat.body,
        P.head,
      );
    const big = sp.body === "dragonfly" || sp.raptor;
    for (const s of [-1, 1]) {
      const ex = cx + s * hr * (big ? 0.75 : 0.55);
      const ey = hy - hr * (sp.raptor ? 0.55 : 0.1);
      c.ellipse(ex, ey, (big ? 1.3 : 0.9) * k, (big ? 1.3 : 1) * k, mat.eye, P.face);
    }
    if (sp.jaws)
      for (const s of [-1, 1]) {
        c.capsule(
          cx + s * hr * 0.5,
          hy + hr * 0.6,
          cx + s * 3.5 * k,
          hy + hr + 2.5 * k,
          0.7 * k,
          mat.accent,
          P.jaw,
        );
        c.line(
          cx + s * 3.5 * k,
          hy + hr + 2.5 * k,
          cx + s * 1.5 * k,
          hy + hr + 3.5 * k,
          mat.accent,
          P.jaw,
        );
      }
  };

  /**
   * A butterfly or moth is known by its spread wings: it is drawn wings open from above in every
   * view, beating (the wings foreshortened) when it flies.
   */
  const drawSpread = (c: SpriteCanvas, pose: Pose) => {
    const cx = size / 2;
    const rest = pose.mode !== "walk" && pose.mode !== "attack" && !pose.fx?.rise;
    const stance = rest ? look.stance : "hover";
    const flying = stance === "hover";
    const beatUp = Math.round(pose.t * 4) % 2 === 0;
    // how wide the wings show: flat open, half raised in a beat, nearly closed perched low
    const open = flying
      ? beatUp
        ? 1
        : 0.55
      : stance === "low"
        ? 0.45
        : stance === "open"
          ? 1.08
          : 0.9;
    const u = size / 32;
    const cy = size / 2 + (flying && beatUp ? -1 : 0) + (pose.bob ? 1 : 0);
    const back = pose.view === "back";
    const wing = (pts: [number, number][], s: number, m0: number, part: number) =>
      c.poly(
        pts.map(([x, y]) => [cx + s * x * u * open, cy + y * u] as [number, number]),
        m0,
        part,
      );
    const fore: [number, number][] = [
      [0.6, -1.5],
      [7, -11],
      [12.5, -10],
      [12, -4],
      [6, 0.5],
      [0.6, 0.5],
    ];
    const hind: [number, number][] = [
      [0.6, 0],
      [7.5, 1],
      [8.5, 6],
      [5, 10],
      [1.5, 8],
    ];
    const shrink = (pts: [number, number][], f: number): [number, number][] =>
      pts.map(([x, y]) => [0.6 + (x - 0.6) * f, -0.5 + (y + 0.5) * f]);
    for (const s of [-1, 1]) {
      // a dark edge round each wing, the colour inside it
      wing(hind, s, mat.edge, P.wingFar);
      wing(shrink(hind, 0.72), s, back ? mat.belly : mat.body, P.wingFar);
      wing(fore, s, mat.edge, P.wing);
      // from behind, the paler undersides show
      wing(shrink(fore, 0.74), s, back ? mat.belly : mat.body, P.wing);
      if (open > 0.5 && !back) {
        // white dots along the forewing's dark tip, a dark spot inside
        for (const [x, y] of [
          [10.5, -9.5],
          [11.8, -7],
          [11.6, -5],
        ] as const)
          c.plot(
            cx + s * x * u * open,
            cy + y * u,
            sp.antennae === "feather" ? mat.belly : mat.shine,
            P.mark,
          );
        c.ellipse(
          cx + s * 5 * u * open,
          cy - 4.5 * u,
          1.1 * u,
          1.1 * u,
          mat.mark === mat.body ? mat.edge : mat.accent,
          P.mark,
        );
      }
    }
    // the body down the middle, the head at the top with its feelers
    const fat = sp.antennae === "feather" ? 1.3 : 1;
    c.capsule(cx - 0.5, cy - 3 * u, cx - 0.5, cy + 6 * u, 0.9 * u * fat, mat.accent, P.abdomen);
    if (!back) c.ellipse(cx - 0.5, cy - 4 * u, 1.4 * u * fat, 1.3 * u, mat.accent, P.head);
    for (const s of [-1, 1]) {
      const tipX = cx - 0.5 + s * 3.5 * u;
      const tipY = cy - 9.5 * u - look.ant * u;
      if (sp.antennae === "feather") {
        c.capsule(
          cx - 0.5 + s * 0.6 * u,
          cy - 5 * u,
          tipX,
          tipY + u,
          0.7 * u,
          mat.accent,
          P.antenna,
        );
      } else {
        c.line(cx - 0.5 + s * 0.5 * u, cy - 5 * u, tipX, tipY, mat.legs, P.antenna);
        c.rect(
          tipX - (s < 0 ? 1 : 0),
          tipY - 1,
          tipX - (s < 0 ? 1 : 0) + 1,
          tipY,
          mat.legs,
          P.antenna,
        );
      }
    }
    if (!back && size >= 24)
      for (const s of [-1, 1]) c.plot(cx - 0.5 + s * 0.8 * u, cy - 4.2 * u, mat.shine, P.face);
  };

  const draw = (c: SpriteCanvas, pose: Pose) => {
    if (sp.wings === "sails") drawSpread(c, pose);
    else if (pose.view === "side") drawSide(c, pose);
    else drawEndOn(c, pose, pose.view === "back");
  };
  return {
    size,
    materials: m.list,
    restView: "side",
    draw,
    headParts: [P.head, P.antenna, P.face],
    takes: WALKER_TAKES.length,
  };
}
