// Part-based quadruped (body, four legs, head, ears, snout, tail) seen from the side, plus
// front/back views. Dragons have their own builder (dragon.ts).
import type { Rng } from "../prng";
import { type Build, breedBuild, type Coat, type Ears, type Tail } from "./animal-breeds";
import type { SpriteCanvas } from "./canvas";
import { type Design, Mats, type Pose, pickColor, takeChoice, takeVary } from "./design";
import { type Leg, quadrupedGait } from "./gait";
import type { PromptInfo } from "./prompt";

interface Spec {
  ears: Ears;
  tail: Tail;
  snout: number;
  colors: string[];
  legs: number;
  body: number;
  pattern?: "none" | "belly" | "stripes" | "spots";
  /** what tells this animal from a dog at 32 px: panda markings, a mane, a horn, a bear's bulk */
  mark?: "panda" | "mane" | "horn";
  heavy?: boolean;
  /** head size × the rig's */
  head?: number;
  coat?: Coat[];
  /** a long upright neck: the head carried this much higher (rig units) */
  neck?: number;
  /** a black nose on a short muzzle (a bear's): the short-muzzled default is a cat's pink one */
  darkNose?: boolean;
  /** shoulders above the hips (animal-breeds.ts Build.stoop) */
  stoop?: number;
  /** up on its haunches, hopping (animal-breeds.ts Build.upright) */
  upright?: boolean;
}

const SPEC: Record<string, Spec> = {
  wolf: {
    ears: "pointy",
    tail: "bushy",
    snout: 3,
    colors: ["#8a8c98", "#6c6c78", "#a8a8b4"],
    legs: 7,
    body: 10,
  },
  panda: {
    ears: "round",
    tail: "puff",
    snout: 1.5,
    colors: ["#eeeef2"],
    legs: 4,
    body: 12,
    pattern: "none",
    mark: "panda",
    heavy: true,
    // a bear's big round head carried low: on a dog's neck the markings read as a dog's
    head: 1.2,
  },
  unicorn: {
    ears: "small",
    tail: "hang",
    snout: 4,
    colors: ["#eeeef2", "#f6d8f0"],
    legs: 9,
    body: 10,
    mark: "horn",
  },
  deer: {
    ears: "small",
    tail: "puff",
    snout: 3,
    colors: ["#b07840", "#a06838"],
    legs: 9,
    body: 9,
    pattern: "belly",
  },
  boar: {
    ears: "small",
    tail: "thin",
    snout: 2,
    colors: ["#6c4c30", "#5c4434"],
    legs: 4,
    body: 10,
  },
  cow: {
    ears: "small",
    tail: "thin",
    snout: 2.5,
    colors: ["#eeeef2", "#8c5a30"],
    legs: 6,
    body: 11,
    pattern: "spots",
  },
  sheep: {
    ears: "floppy",
    tail: "puff",
    snout: 1.5,
    colors: ["#f0ece0", "#e8e4dc"],
    legs: 4,
    body: 10,
    pattern: "none",
  },
  goat: {
    ears: "floppy",
    tail: "short",
    snout: 2.5,
    colors: ["#d8ccb8", "#eeeef2", "#8c6c4c"],
    legs: 6,
    body: 9,
  },
  lion: {
    ears: "round",
    tail: "thin",
    snout: 2,
    colors: ["#e0a848", "#d89c40"],
    legs: 6,
    body: 10,
    pattern: "belly",
    mark: "mane",
  },
  tiger: {
    ears: "round",
    tail: "thin",
    snout: 2,
    colors: ["#f0862a"],
    legs: 6,
    body: 10,
    pattern: "stripes",
  },
  leopard: {
    ears: "round",
    tail: "curl",
    snout: 1.5,
    colors: ["#e8b860", "#d8a850"],
    legs: 6,
    body: 10,
    pattern: "spots",
  },
  cat: {
    ears: "pointy",
    tail: "curl",
    snout: 0,
    colors: ["#f09a3c", "#8a8c98", "#34303e", "#eeeef2", "#d8b078"],
    legs: 5,
    body: 8,
  },
  dog: {
    ears: "floppy",
    tail: "short",
    snout: 2.5,
    colors: ["#b07840", "#d8b078", "#eeeef2", "#5c4434", "#34303e"],
    legs: 6,
    body: 9,
  },
  fox: {
    ears: "pointy",
    tail: "bushy",
    snout: 3,
    // a fox is orange unless the prompt says white (an arctic fox at seed 1 read as a dog)
    colors: ["#e8782c", "#d86020", "#c8601c"],
    legs: 5,
    body: 9,
  },
  rabbit: {
    ears: "long",
    tail: "puff",
    snout: 0.5,
    colors: ["#eeeef2", "#c8a078", "#8a8c98"],
    legs: 3,
    body: 7,
  },
  bear: {
    ears: "round",
    tail: "nub",
    snout: 2,
    colors: ["#7c5030", "#34303e", "#6c4428"],
    legs: 4,
    body: 13,
    // a pale belly patch made the bear read as a dog; the shoulder hump and a broad head low on
    // the shoulders say bear
    pattern: "none",
    heavy: true,
    head: 1.15,
    coat: ["hump"],
    darkNose: true,
  },
  horse: {
    ears: "small",
    tail: "hang",
    snout: 4,
    colors: ["#8c5a30", "#eeeef2", "#34303e", "#c8a070"],
    legs: 9,
    body: 10,
  },
  pig: {
    ears: "small",
    tail: "short",
    snout: 1.5,
    colors: ["#f0a0b0", "#eeeef2", "#8a8c98"],
    legs: 4,
    body: 9,
  },
  mouse: {
    ears: "round",
    tail: "thin",
    snout: 1.5,
    colors: ["#a8a0a0", "#d8c8b8", "#8a8c98"],
    legs: 3,
    body: 7,
  },
};

const P = {
  legF: 1,
  legN: 2,
  body: 3,
  head: 4,
  ear: 5,
  tail: 6,
  fx: 9,
  face: 10,
  snout: 11,
  belly: 12,
  legF2: 15,
  legN2: 16,
  collar: 17,
};

/**
 * True when the four-legged rig has its own proportions for this vocabulary subject. Some of
 * them (goat, sheep, deer, cow, pig, tiger…) are drawn as icons in a single still, but a
 * character has to walk, so it takes the rig instead (character.ts).
 */
export function hasQuadrupedRig(subject: string): boolean {
  return Object.hasOwn(SPEC, subject);
}

/** The rig's spec with a breed's build laid over it (animal-breeds.ts). */
function withBuild(base: Spec, b: Build | undefined): Spec {
  if (!b) return base;
  const out: Spec = { ...base, coat: [...(base.coat ?? []), ...(b.coat ?? [])] };
  for (const key of [
    "ears",
    "tail",
    "snout",
    "colors",
    "legs",
    "body",
    "heavy",
    "head",
    "neck",
    "stoop",
    "upright",
  ] as const)
    if (b[key] !== undefined) (out as unknown as Record<string, unknown>)[key] = b[key];
  return out;
}

/** A fat body's radii × the plain one's: deeper more than longer, so it reads round. */
export const FAT = { rx: 1.15, ry: 1.4 };

/** Spot centres on the body, as fractions of its radii: fixed, so every frame shows the same coat. */
const SPOTS: [number, number][] = [
  [-0.6, -0.25],
  [-0.25, -0.6],
  [0.1, -0.15],
  [0.45, -0.55],
  [-0.35, 0.3],
  [0.3, 0.3],
  [0.7, -0.1],
];

/** How a take stands at rest: idle frames only, walks, runs and attacks keep the standing rig. */
type Stance = "stand" | "sit" | "lie" | "bow" | "prance" | "graze";

/**
 * A take of the animal (issue #20, seeds a person tells apart): its rest stance, where it carries
 * its head (−1 low … 1 high) and tail (−1 down … 1 up), and ears laid back. Seeds take these in
 * turn, so four seeds are four drawings of one animal; every frame of a batch keeps its take.
 */
interface Look {
  stance: Stance;
  head: number;
  tail: number;
  earsBack: boolean;
}

const look = (stance: Stance, head: number, tail: number, earsBack = false): Look => ({
  stance,
  head,
  tail,
  earsBack,
});

const LOOKS: Record<"grazer" | "heavy" | "other", readonly Look[]> = {
  // long-necked grazers (horse, deer, unicorn): a raised foreleg, head down grazing, lying down
  grazer: [
    look("stand", 0, 0),
    look("prance", 1, 1),
    look("graze", -1, -1, true),
    look("lie", 0, 0),
  ],
  // bears: sitting up, nose to the ground, lying down
  heavy: [look("stand", 0, 0), look("sit", 1, 0), look("graze", -1, 0), look("lie", 0, 0)],
  // dogs, cats, foxes, wolves …: sitting, a play bow (stalking crouch), lying with the head up
  other: [look("stand", 0, 0), look("sit", 1, -1), look("bow", -1, 1, true), look("lie", 0, 1)],
};

/**
 * Antlers or horns on a head lowered to the ground, or a llama's tall neck bent down, merge with
 * the shoulders at 32 px: a grazing deer, moose, goat or llama read as a lump. Such a grazer
 * lowers its head standing instead, as a stag lowers its antlers.
 */
const HEAD_LOWERED: Look = look("stand", -1, 1, true);

/**
 * An animal asleep lies down, ears back; one whose take sits dozes sitting up, and the takes
 * that lie carry the head in turn low, level and raised, the tail curled up or out, so four seeds
 * of "a sleepy bear" are four sleepers, not one drawing in four coats.
 */
function asleepLook(l: Look, take: number): Look {
  if (l.stance === "sit") return { ...l, earsBack: true };
  return {
    stance: "lie",
    head: takeChoice(take, [-1, 0, 1, 0]),
    tail: takeChoice(take, [1, -1, 0, 1]),
    earsBack: true,
  };
}

/**
 * The rigs of hoofed kinds (a hippo is drawn on the pig's, a rhino or a bison on the cow's): a
 * heavy one does not sit up on its haunches like a bear or a dog (eval-f's check: a sitting cow,
 * hippo and rhino read as a dog), it lowers its head to charge instead.
 */
const HOOFED = new Set(["cow", "pig", "boar", "sheep", "goat", "horse", "deer", "unicorn"]);

/** The take a seed key draws (seed 1 the standing animal as it always was). */
function lookOf(spec: Spec, take: number, hoofed = false): Look {
  const looks = LOOKS[familyOf(spec)].map((l) => (hoofed && l.stance === "sit" ? HEAD_LOWERED : l));
  return takeChoice(
    take,
    // (an ape's nose to the ground under its raised shoulders read as a tall blob)
    tallHead(spec) || spec.stoop
      ? looks.map((l) => (l.stance === "graze" ? HEAD_LOWERED : l))
      : looks,
  );
}

/** Antlers, horns that sweep up or a tall neck: a browser's head (deer, moose, goat, llama). */
function tallHead(spec: Spec): boolean {
  return (
    (spec.neck ?? 0) > 0 ||
    (spec.coat ?? []).some((c) => c === "antlers" || c === "palmate" || c === "goat-horns")
  );
}

function familyOf(spec: Spec): keyof typeof LOOKS {
  // a goat or a llama is hoofed: it does not sit up or play-bow like a dog
  return (spec.snout >= 3 && spec.legs >= 9) || tallHead(spec)
    ? "grazer"
    : spec.heavy
      ? "heavy"
      : "other";
}

export function buildAnimal(info: PromptInfo, rng: Rng, crng: Rng, size: number, take = 1): Design {
  const build = breedBuild(info);
  const adult = withBuild(SPEC[info.variant] ?? SPEC.cat!, build);
  const hoofed = HOOFED.has(info.variant);
  // a young animal (a puppy, a cub, a foal): a short muzzle and a short body under the chibi
  // head on short legs; its takes stay its kind's (a foal grazes, it does not sit like a dog)
  const spec = info.young
    ? { ...adult, snout: adult.snout * 0.55, body: adult.body * 0.85 }
    : adult;
  // a cub has no mane yet (its tail keeps the lion's tuft)
  const maned = spec.mark === "mane" && !info.young;
  // a mount carrying a rider stands (a rider on a lying horse reads as fallen); an animal asleep
  // lies down, ears back
  const pose1 = info.rider
    ? { ...lookOf(adult, take, hoofed), stance: "stand" as const }
    : info.asleep
      ? asleepLook(lookOf(adult, take, hoofed), take)
      : lookOf(adult, take, hoofed);
  // a mood carries the head and tail its way in every take (person-words' moods): happy with the
  // tail up, sad with head and tail low, scared with the ears back and the tail tucked
  const mood = info.asleep ? undefined : info.mood;
  const pose0: Look =
    mood === "happy"
      ? { ...pose1, tail: 1 }
      : mood === "sad"
        ? { ...pose1, head: -1, tail: -1 }
        : mood === "scared"
          ? { ...pose1, tail: -1, earsBack: true }
          : mood === "angry" || mood === "evil"
            ? { ...pose1, head: Math.min(pose1.head, 0), earsBack: true }
            : pose1;
  const chibi = info.cute || info.young;
  const coat = new Set(spec.coat ?? []);
  const k = size / 32;
  const m = new Mats();
  // a breed's coat is one or two colours: each seed's shade strays further, and the minor
  // markings individuals differ by (socks, a blaze) come and go, so four seeds are four dogs
  // (a wild kind's coat strays less: a moose, a boar or a skunk is its own colour, and a per-channel
  // stray on a dark coat turns it green or purple)
  const pet = info.subject === "dog" || info.subject === "cat";
  const wild = !!build?.coat && !pet;
  const furRgb = pickColor(info, 0, crng.pick(spec.colors), crng, wild ? 6 : build?.coat ? 22 : 10);
  if (build?.coat)
    for (const minor of ["socks", "blaze"] as const)
      if (coat.has(minor) && crng.chance(0.4)) coat.delete(minor);
  const mat = {
    fur: m.add(furRgb),
    belly: m.add(info.colors[1] ?? build?.under ?? [240, 232, 220]),
    eye: m.add("#1c1828", { flat: true }),
    nose: m.add("#e07888", { flat: true }),
    inner: m.add("#f0a0b0"),
    // horn, wing, breath and breath2 are never drawn; they stay so the material list (and so the
    // reported palette and --palette mapping) is unchanged
    // a unicorn's horn is gold: pale on a white head it did not show at 32 px
    horn: m.add(spec.mark === "horn" ? "#f0c040" : "#f0e8d0"),
    wing: m.add(
      info.colors[1] ?? (furRgb.map((v) => Math.round(v * 0.75)) as [number, number, number]),
    ),
    breath: m.add(info.element === "ice" ? "#a8f0ff" : "#ffb030", { flat: true, noOutline: true }),
    breath2: m.add(info.element === "ice" ? "#ffffff" : "#fff070", { flat: true, noOutline: true }),
    slash: m.add("#f4f8ff", { flat: true, noOutline: true }),
    stripe: m.add(furRgb.map((v) => Math.round(v * 0.55)) as [number, number, number]),
  };
  // a breed's dark markings (saddle, spots, points): their own colour, else the fur's shade;
  // added only for a breed, so a plain animal's material list is as before
  const markHex = Array.isArray(build?.mark) ? crng.pick(build.mark) : build?.mark;
  const markM = markHex ? m.add(markHex) : mat.stripe;
  // antlers are bone, darker than the ivory horn a unicorn's or a cow's is (added only for them)
  const antlerM = coat.has("antlers") || coat.has("palmate") ? m.add("#c09868") : mat.horn;
  const points = coat.has("points");
  const socks = coat.has("socks") || coat.has("tuxedo");
  const px = (n: number) => Math.max(1, Math.round(n * k));
  // fat: a longer, much deeper barrel (eval-f: "a fat tabby" was the plain cat)
  const fat = info.fat ? FAT : { rx: 1, ry: 1 };
  const bodyRx = ((spec.body + rng.range(-1, 1)) * k * 0.5 + 2 * k) * fat.rx;
  // a bear's (and panda's) bulk: a deeper body on thick legs
  const bodyRy = (3.4 + rng.range(0, 1)) * k * (spec.heavy ? 1.3 : 1) * fat.ry;
  // cute is chibi: a big head on short legs (eval-d: a head 20 % larger did not show at 32 px)
  // a long low dog (dachshund, corgi) keeps legs long enough to show its steps under the body
  const longLow = spec.body >= 11 && spec.legs < 3;
  const legLen = Math.max(
    (spec.legs + rng.range(-0.5, 1)) * k * (chibi ? 0.75 : 1),
    longLow ? 3 * k : 0,
  );
  const headR = ((chibi ? 5.6 : 4.2) * k + rng.range(0, 0.6) * k) * (spec.head ?? 1);
  // a breed's coat replaces the random pattern; its pale underside is the belly patch
  const pattern = build?.coat
    ? coat.has("bicolor") || coat.has("tuxedo")
      ? "belly"
      : coat.has("spots") || coat.has("tabby")
        ? "none"
        : (info.pattern ?? "none")
    : (info.pattern ??
      spec.pattern ??
      rng.pick(["none", "belly", "belly", "stripes", "spots"] as const));
  const tailLen = rng.range(0.8, 1.2);
  const ground = size - 2;
  const limb = Math.max(0.8, 1.15 * k * (spec.heavy ? 1.45 : 1));
  // panda: black limbs, ears and eye patches on white; a unicorn's mane and tail are pastel
  const limbMat =
    spec.mark === "panda" ? mat.eye : points || coat.has("badger-face") ? markM : mat.fur;
  const earMat = spec.mark === "panda" ? mat.eye : points ? markM : mat.fur;
  // a ringed tail (red panda) is fur with dark bands, not a dark point
  const tailMat = points && !coat.has("ringed") ? markM : mat.fur;
  // a breed's thin tail is fur (a dalmatian's); the pink cord is a rodent's
  const furTail = build?.tail === "thin" && info.variant !== "mouse";
  const tails = build?.tails ?? 1;
  // a bear carries its broad head low, at the shoulders
  // (and a pig's, its big head on the shoulders with no neck between)
  const lowHead = coat.has("hump") || spec.mark === "panda" || coat.has("snout");
  const maneMat = spec.mark === "horn" ? mat.inner : mat.stripe;
  // a pet (a dog or cat, any breed) wears a collar in two of its takes: red, or blue; a walk
  // keeps it, so seeds differ in every mode, not only at rest
  // (a lynx on the cat's rig is no pet)
  const collarHex =
    pet && (info.variant === "dog" || info.variant === "cat")
      ? takeChoice(take, [undefined, "#d83c3c", undefined, "#3c6ee6"])
      : undefined;
  const collarM = collarHex ? m.add(collarHex) : undefined;

  // each seed lays its own spots and patches (drawn from the rng last, so a plain animal's draws
  // are as before); every frame of one sprite shows the same coat
  const spotted = coat.has("spots") || coat.has("patches") || coat.has("calico");
  const spots = spotted
    ? SPOTS.filter(() => rng.chance(0.8)).map(
        ([x, y]) => [x + rng.range(-0.3, 0.3), y + rng.range(-0.3, 0.3)] as [number, number],
      )
    : [];
  const patchAt = spotted ? rng.range(-0.25, 0.25) : 0;

  /** A pale paw: the lowest third of a leg in the underside colour. */
  const sock = (
    c: SpriteCanvas,
    hx: number,
    hy: number,
    fx: number,
    fy: number,
    part: number,
    tone: number,
  ) => {
    const f = 0.62;
    c.capsule(hx + (fx - hx) * f, hy + (fy - hy) * f, fx, fy, limb, mat.belly, part, tone);
  };

  /** The breed's coat on the side-view body (saddle, spots, patches, tabby, chest, hump). */
  const coatSide = (c: SpriteCanvas, bcx: number, bcy: number) => {
    if (coat.has("hump"))
      c.ellipse(
        bcx + bodyRx * 0.4,
        bcy - bodyRy * 0.7,
        bodyRx * 0.42,
        bodyRy * 0.55,
        mat.fur,
        P.body,
      );
    if (coat.has("bicolor") || coat.has("tuxedo"))
      c.ellipse(
        bcx + bodyRx * 0.62,
        bcy + bodyRy * 0.15,
        bodyRx * 0.3,
        bodyRy * 0.75,
        mat.belly,
        P.belly,
      );
    if (coat.has("saddle"))
      c.ellipse(
        bcx - bodyRx * 0.1,
        bcy - bodyRy * 0.5,
        bodyRx * 0.72,
        bodyRy * 0.55,
        markM,
        P.body,
      );
    if (coat.has("spots"))
      for (const [fx, fy] of spots)
        c.ellipse(bcx + fx * bodyRx, bcy + fy * bodyRy, 0.8 * k, 0.7 * k, markM, P.body);
    if (coat.has("patches") || coat.has("calico")) {
      c.ellipse(
        bcx - bodyRx * 0.4,
        bcy - bodyRy * 0.35,
        bodyRx * 0.38,
        bodyRy * 0.6,
        markM,
        P.body,
      );
      c.ellipse(
        bcx + bodyRx * 0.35,
        bcy - bodyRy * 0.2,
        bodyRx * 0.25,
        bodyRy * 0.5,
        coat.has("calico") ? mat.belly : markM,
        P.body,
      );
    }
    if (coat.has("tabby"))
      for (let x = Math.round(bcx - bodyRx * 0.6); x < bcx + bodyRx * 0.6; x += px(2.5))
        c.line(x, bcy - bodyRy + 1, x - 1, bcy + bodyRy * 0.2, markM, P.body);
    if (coat.has("quills")) {
      // a hedgehog: the spiny mantle covers the back and flanks down to the legs, and the spines
      // stand out of the outline, raked back, so the silhouette itself is spiky
      const ry = bodyRy * 1.15;
      const rx = bodyRx * 1.02;
      const cy = bcy - bodyRy * 0.1;
      c.ellipse(bcx - k * 0.5, cy, rx, ry, markM, P.body);
      const n = Math.max(5, Math.round(rx / px(1.6)));
      for (let i = 0; i <= n; i++) {
        const a = Math.PI * (0.08 + (0.84 * i) / n);
        const ex = bcx - k * 0.5 + Math.cos(a) * rx;
        const ey = cy - Math.sin(a) * ry;
        c.line(ex, ey, ex - 1.6 * k, ey - 1.6 * k * Math.sin(a), markM, P.body);
      }
      // pale spine tips flecked through the mantle
      for (const [fx, fy] of SPOTS)
        c.plot(Math.round(bcx + fx * rx * 0.8), Math.round(cy + fy * ry * 0.8), mat.belly, P.body);
    }
  };

  /** The breed's face: a pale mask or a dark one, a blaze, a kitsune's red marks. */
  const faceSide = (c: SpriteCanvas, hcx: number, hcy: number, top: number) => {
    if (coat.has("mask") && build?.under)
      c.ellipse(
        hcx + headR * 0.35,
        hcy + headR * 0.35,
        headR * 0.7,
        headR * 0.55,
        mat.belly,
        P.face,
      );
    if (coat.has("mask") && !build?.under)
      c.ellipse(hcx + headR * 0.55, hcy + headR * 0.2, headR * 0.55, headR * 0.6, markM, P.face);
    if (points)
      c.ellipse(hcx + headR * 0.55, hcy + headR * 0.2, headR * 0.5, headR * 0.55, markM, P.face);
    if (coat.has("blaze"))
      c.line(hcx + headR * 0.45, top + k, hcx + headR * 0.75, hcy + headR * 0.1, mat.belly, P.face);
    if (coat.has("kitsune")) {
      c.line(
        hcx + headR * 0.1,
        hcy + headR * 0.35,
        hcx + headR * 0.6,
        hcy + headR * 0.15,
        markM,
        P.face,
      );
      c.plot(hcx + headR * 0.2, top + 1.2 * k, markM, P.face);
    }
  };

  const drawSide = (c: SpriteCanvas, pose: Pose) => {
    const atk = pose.attack;
    // pounce: crouch back (wind-up) → body launched forward and up (strike) → settle (recover)
    const dx = [0, -2 * k, 3 * k, 1 * k][atk]!;
    const dy = [0, Math.max(1, 1.5 * k), -1.5 * k, 0][atk]!;
    const bcx = size / 2 - 2 * k + dx;
    const bcy = ground - legLen - bodyRy * 0.6 + pose.bob + dy;
    const frontX = bcx + bodyRx * 0.62;
    const backX = bcx - bodyRx * 0.62;
    // the shared quadruped gait (gait.ts): diagonal pairs, the swinging pair lifted and carried
    // forward; the frame's walk phase comes from the pose's stride/lift
    const g = gaitOf(pose, 2.2 * k, px(2));
    const foot = (leg: Leg) => g.feet[leg].dx + (g.feet[leg].lift > 0 ? 1.2 * k : 0);
    const reach = atk === 2 ? 3 * k : atk === 1 ? -1 * k : 0;
    const push = atk === 2 ? -2.5 * k : atk === 1 ? 1 * k : 0;
    const legs: [number, number, number, number, number][] = [
      // hipX, footX, part, tone, lift
      [frontX - k, frontX - k + foot("frontFar") + reach, P.legF, 1, g.feet.frontFar.lift],
      [backX - k, backX - k + foot("backFar") + push, P.legF2, 1, g.feet.backFar.lift],
    ];
    const nearLegs: [number, number, number, number, number][] = [
      [frontX, frontX + foot("frontNear") + reach, P.legN, -1, g.feet.frontNear.lift],
      [backX, backX + foot("backNear") + push, P.legN2, -1, g.feet.backNear.lift],
    ];
    // tail behind the body
    const tx = bcx - bodyRx + k;
    const ty = bcy - bodyRy * 0.2;
    const sway = Math.sin(pose.t * Math.PI * 2) * k;
    const L = tailLen;
    switch (spec.tail) {
      case "curl":
        c.capsule(tx, ty, tx - 3 * k * L, ty - 2 * k * L, 0.9 * k, tailMat, P.tail);
        c.capsule(
          tx - 3 * k * L,
          ty - 2 * k * L,
          tx - 3.5 * k * L + sway,
          ty - 7 * k * L,
          0.9 * k,
          tailMat,
          P.tail,
        );
        break;
      case "short":
        c.capsule(tx, ty, tx - 2.5 * k + sway, ty - 3 * k, 0.9 * k, tailMat, P.tail);
        break;
      case "bushy":
        // a kitsune's tails fan upwards behind it, each with a pale tip
        for (let i = tails - 1; i >= 0; i--) {
          const ux = tx + i * 1.2 * k;
          const uy = ty - i * 3 * k;
          const s = sway * 0.5 * (i % 2 ? -1 : 1);
          c.ellipse(ux - 3.5 * k, uy - 1.5 * k + s, 3.5 * k, 2.2 * k, tailMat, P.tail);
          // a ringed tail (tabby, red panda): dark bands across it
          if (coat.has("ringed"))
            for (const f of [2.2, 4.4])
              c.line(ux - f * k, uy - 3.2 * k + s, ux - f * k - k, uy + 0.5 * k + s, markM, P.tail);
          c.ellipse(ux - 6 * k, uy - 2 * k + s - i * k, 1.4 * k, 1.4 * k, mat.belly, P.tail);
        }
        break;
      case "puff":
        c.ellipse(tx - 0.5 * k, ty - 0.5 * k, 1.8 * k, 1.8 * k, mat.belly, P.tail);
        break;
      case "hang":
        c.capsule(tx, ty - k, tx - 2.5 * k + sway, ty + 6 * k, 1.1 * k, maneMat, P.tail);
        break;
      case "nub":
        c.ellipse(tx, ty - 0.5 * k, 1.3 * k, 1.1 * k, tailMat, P.tail);
        break;
      case "twist":
        c.line(tx, ty, tx - 1.5 * k, ty - 2 * k, tailMat, P.tail);
        c.line(tx - 1.5 * k, ty - 2 * k, tx - 2.5 * k, ty - 0.5 * k, tailMat, P.tail);
        c.line(tx - 2.5 * k, ty - 0.5 * k, tx - 1.5 * k, ty + 0.5 * k, tailMat, P.tail);
        break;
      case "none":
        break;
      case "thin": {
        // a lion's tail is fur with a dark tuft (a pink cord read as a rat's tail)
        const tm = points ? markM : spec.mark === "mane" || furTail ? mat.fur : mat.inner;
        c.line(tx, ty, tx - 5 * k, ty - 2 * k + sway, tm, P.tail);
        c.line(tx - 5 * k, ty - 2 * k + sway, tx - 8 * k, ty + sway, tm, P.tail);
        if (spec.mark === "mane")
          c.ellipse(tx - 8 * k, ty + sway, 1.3 * k, 1.3 * k, mat.stripe, P.tail);
        break;
      }
    }
    for (const [hx, fx, part, tone, lift] of legs) {
      const fy = atk === 2 && part === P.legF ? ground - 3 * k : ground - lift - limb * 0.5;
      c.capsule(hx, bcy, fx, fy, limb, limbMat, part, tone);
      // planted paw: slanted legs must still touch the baseline
      if (fy > ground - limb)
        c.rect(fx - 0.5, ground - lift, fx + 0.5, ground - lift, limbMat, part, tone);
      if (socks) sock(c, hx, bcy, fx, fy, part, tone);
    }
    // body
    c.ellipse(bcx, bcy, bodyRx, bodyRy, mat.fur, P.body);
    if (pattern === "belly")
      c.ellipse(bcx + k, bcy + bodyRy * 0.55, bodyRx * 0.7, bodyRy * 0.45, mat.belly, P.belly);
    if (pattern === "stripes")
      for (let x = Math.round(bcx - bodyRx * 0.5); x < bcx + bodyRx * 0.6; x += px(3))
        c.line(x, bcy - bodyRy + 1, x - 1, bcy, mat.stripe, P.body);
    if (spec.mark === "panda")
      c.ellipse(
        bcx + bodyRx * 0.45,
        bcy + bodyRy * 0.2,
        bodyRx * 0.35,
        bodyRy * 0.9,
        mat.eye,
        P.body,
      );
    if (pattern === "spots") {
      c.ellipse(bcx - bodyRx * 0.3, bcy - bodyRy * 0.3, 1.3 * k, 1 * k, mat.stripe, P.body);
      c.ellipse(bcx + bodyRx * 0.35, bcy - bodyRy * 0.1, 1 * k, 1 * k, mat.stripe, P.body);
    }
    coatSide(c, bcx, bcy);
    for (const [hx, fx, part, tone, lift] of nearLegs) {
      const fy = atk === 2 && part === P.legN ? ground - 4 * k : ground - lift - limb * 0.5;
      c.capsule(hx, bcy, fx, fy, limb, limbMat, part, tone);
      if (fy > ground - limb)
        c.rect(fx - 0.5, ground - lift, fx + 0.5, ground - lift, limbMat, part, tone);
      if (socks) sock(c, hx, bcy, fx, fy, part, tone);
    }
    // head
    const neckUp = lowHead ? 0.8 * k : 2.5 * k;
    const hcx = bcx + bodyRx - 0.5 * k + (atk === 1 ? -k : 0);
    // wind-up lowers the head (stalking), the strike stretches it forward
    const hcy =
      bcy - bodyRy * 0.3 - neckUp + (atk === 1 ? 1.5 * k : atk === 2 ? 0.5 * k : 0) + g.headDy;
    // ears (behind head so the outline separates them)
    const earX = hcx - headR * 0.35;
    const top = hcy - headR;
    switch (spec.ears) {
      case "pointy":
        c.poly(
          [
            [earX - 2.2 * k, top + 1.5 * k],
            [earX - 1.5 * k, top - 3.2 * k],
            [earX + 1.2 * k, top + 0.8 * k],
          ],
          mat.fur,
          P.ear,
        );
        c.poly(
          [
            [earX + 0.8 * k, top + 1.2 * k],
            [earX + 2.2 * k, top - 3 * k],
            [earX + 4 * k, top + 1.5 * k],
          ],
          mat.fur,
          P.ear,
        );
        break;
      case "long":
        c.capsule(earX - 1 * k, top, earX - 2 * k, top - 6 * k, 1.1 * k, mat.fur, P.ear);
        c.capsule(earX + 1.2 * k, top, earX + 0.8 * k, top - 6.5 * k, 1.1 * k, mat.fur, P.ear);
        c.line(earX + 1.2 * k, top - k, earX + 0.8 * k, top - 5.5 * k, mat.inner, P.ear);
        break;
      case "round":
        c.ellipse(earX - 0.5 * k, top + 0.5 * k, 1.8 * k, 1.8 * k, earMat, P.ear);
        break;
      case "small":
      case "flap":
        c.poly(
          [
            [earX - 1.2 * k, top + 1.5 * k],
            [earX - 1.5 * k, top - 2 * k],
            [earX + 1.2 * k, top + 1 * k],
          ],
          mat.fur,
          P.ear,
        );
        break;
    }
    if (maned)
      // a lion's mane rings the head and falls onto the shoulders
      c.ellipse(hcx - 1 * k, hcy + 0.5 * k, headR + 2.4 * k, headR + 2.2 * k, mat.stripe, P.ear);
    c.ellipse(hcx, hcy, headR, headR * 0.9, mat.fur, P.head);
    if (spec.mark === "horn") {
      // the horn points forward and up from the brow; the mane runs down the neck
      const hx = hcx + headR * 0.3;
      c.poly(
        [
          [hx - 1 * k, top + 1 * k],
          [hx + 3.5 * k, top - 5 * k],
          [hx + 1 * k, top + 1.5 * k],
        ],
        mat.horn,
        P.fx,
      );
      c.capsule(
        hcx - headR * 0.6,
        top + 1 * k,
        bcx + bodyRx * 0.35,
        bcy - bodyRy * 0.8,
        1.1 * k,
        maneMat,
        P.ear,
      );
    }
    if (spec.mark === "panda")
      c.ellipse(hcx + headR * 0.35, hcy - headR * 0.1, 1.5 * k, 1.3 * k, mat.eye, P.face);
    if (spec.ears === "floppy")
      c.capsule(earX - 1 * k, top + 1 * k, earX - 1.5 * k, top + 5 * k, 1.2 * k, mat.stripe, P.ear);
    // snout
    if (spec.snout > 0) {
      c.ellipse(
        hcx + headR * 0.75 + spec.snout * 0.4 * k,
        hcy + headR * 0.35,
        spec.snout * 0.6 * k + k,
        headR * 0.5,
        points || (coat.has("mask") && !build?.under) ? markM : mat.belly,
        P.snout,
      );
      c.plot(
        hcx + headR * 0.75 + spec.snout * 1.0 * k + k - 0.5,
        hcy + headR * 0.1,
        mat.nose,
        P.face,
      );
    } else c.plot(hcx + headR - 0.5, hcy + headR * 0.25, mat.nose, P.face);
    faceSide(c, hcx, hcy, top);
    // eye
    const eh = size >= 40 || chibi ? 2 : 1;
    const ex = Math.round(hcx + headR * 0.35);
    const ey = Math.round(hcy - headR * 0.2);
    // asleep: the eye shut, a short dark dash
    if (info.asleep) c.rect(ex - 1, ey + eh - 1, ex, ey + eh - 1, mat.eye, P.face);
    else c.rect(ex, ey, ex, ey + eh - 1, mat.eye, P.face);
    // on a panda's black patch the eye is its shine
    if (((chibi && size >= 24) || spec.mark === "panda") && !info.asleep)
      c.plot(ex, ey, mat.slash, P.face);
    if (spec.snout < 1 && size >= 24) {
      // whiskers say "cat" at a glance
      c.plot(hcx + headR + 1, hcy + headR * 0.5, mat.stripe, P.fx);
    }
    if (atk === 2) {
      const mx = hcx + headR + spec.snout * k + 1.5 * k;
      const my = hcy + headR * 0.45;
      for (let i = 0; i < 3; i++)
        c.line(mx + i * 2 * k, my - 4 * k, mx + i * 2 * k + 2 * k, my + 1 * k, mat.slash, P.fx);
    }
  };

  /**
   * Seen end-on a quadruped is a short wide mass on four legs, not a tall one on two: from the
   * front the head and muzzle sit low over the chest between the forelegs, the body recedes
   * behind (its back shows over the shoulders) and the hind legs peek out beside the forelegs,
   * darker and a pixel higher (farther away). From behind, the rump with its tail fills the
   * middle on the hind legs, the forelegs show beside them and the head's ears rise over it.
   */
  // a mood's own colours (added only for a mood, so a plain animal's material list is as before)
  const moodM = {
    eye: mood === "angry" || mood === "evil" ? m.add("#e02828", { flat: true }) : undefined,
    tongue: mood === "happy" ? m.add("#e85870", { flat: true }) : undefined,
    water: mood === "sad" ? m.add("#78c8f8", { flat: true }) : undefined,
  };
  /**
   * A mood on the face beside one eye (e, its top; eh its height): brows slanted down to the
   * muzzle (angry, evil) or up (sad), a pale ring widening a scared eye, a tear under a sad one.
   */
  const moodFace = (c: SpriteCanvas, e: { x: number; y: number }, eh: number, faceOn: number) => {
    const ex = Math.round(e.x);
    const ey = Math.round(e.y);
    // the muzzle's side: +1 when the head faces right on screen
    const fwd = faceOn > 0.5 ? 0 : Fdir;
    if (mood === "angry" || mood === "evil") {
      c.plot(ex - fwd, ey - 2, mat.eye, P.face);
      c.plot(ex, ey - 1, mat.eye, P.face);
      if (fwd === 0) c.plot(ex + (ex < size / 2 ? 1 : -1), ey - 1, mat.eye, P.face);
    } else if (mood === "sad") {
      c.plot(ex - fwd, ey - 1, mat.eye, P.face);
      c.plot(ex + (fwd || 1), ey - 2, mat.eye, P.face);
      if (moodM.water !== undefined) c.rect(ex, ey + eh, ex, ey + eh + 1, moodM.water, P.face);
    } else if (mood === "scared") {
      c.plot(ex, ey - 1, mat.slash, P.face);
      c.plot(ex - (fwd || 1), ey, mat.slash, P.face);
    }
  };
  let Fdir = 1;
  const headRSide = headR;
  const drawFront = (c: SpriteCanvas, pose: Pose, back: boolean) => {
    const cx = size / 2;
    const g = gaitOf(pose, 0, px(2));
    const lift = (leg: Leg) => g.feet[leg].lift;
    const legH = legLen * 0.8;
    const bcy = ground - legH - bodyRy * 0.5 + pose.bob;
    // half the body's width seen end-on: its depth, a little more for the shoulders / haunches
    // end-on the animal is narrower than in profile: drawn a fifth larger so its face still reads
    const headR = headRSide * 1.2;
    const sw = Math.max(4 * k, bodyRy * 1.7 + (spec.heavy ? k : 0));
    const legW = Math.max(1, Math.round(limb * 1.6)) - 1;
    const nearX = sw * 0.5;
    const farX = sw * 0.85;
    const hcy = back ? bcy - bodyRy * 0.8 - headR * 0.35 : bcy - bodyRy * 0.9;
    const top = hcy - headR;
    const sway = Math.sin(pose.t * Math.PI * 2) * k;
    const leg = (x: number, footLift: number, part: number, tone: number, far: boolean) => {
      const x0 = Math.round(x - legW / 2);
      const yBot = ground - footLift - (far ? 1 : 0);
      // far legs start lower: their tops hide under the near end of the body
      c.rect(x0, Math.round(bcy + (far ? bodyRy * 0.4 : 0)), x0 + legW, yBot, limbMat, part, tone);
      // paw: a pixel wider toward the viewer on the near pair
      if (!far) c.rect(x0, yBot, x0 + legW + (x > cx ? 0 : 0), yBot, limbMat, part, tone);
    };
    const drawEars = () => {
      for (const s of [-1, 1]) {
        const ex = cx + s * headR * 0.6;
        if (spec.ears === "pointy" || spec.ears === "small" || spec.ears === "flap")
          c.poly(
            [
              [ex - 1.6 * k, top + 2 * k],
              [ex + s * 0.5 * k, top - (spec.ears === "small" ? 1.5 : 3) * k],
              [ex + 1.6 * k, top + 2 * k],
            ],
            earMat,
            P.ear,
          );
        else if (spec.ears === "long")
          c.capsule(ex, top, ex + s * k, top - 6 * k, 1.1 * k, earMat, P.ear);
        else if (spec.ears === "round")
          c.ellipse(ex, top + 0.5 * k, 1.6 * k, 1.6 * k, earMat, P.ear);
        if (!back && size >= 40 && (spec.ears === "pointy" || spec.ears === "long"))
          c.plot(ex, top + 0.5 * k, mat.inner, P.ear);
      }
    };
    const drawMane = () => {
      if (maned)
        c.ellipse(
          cx,
          hcy + 0.5 * k,
          headR * 1.05 + 2.2 * k,
          headR * 0.9 + 2.2 * k,
          mat.stripe,
          P.ear,
        );
    };
    const drawTail = () => {
      const ty = bcy - bodyRy * 0.5;
      switch (spec.tail) {
        case "bushy":
        case "hang":
          // hangs down the middle of the rump, lighter tip
          c.capsule(
            cx,
            ty,
            cx + sway,
            bcy + bodyRy + 2.5 * k * tailLen,
            1.6 * k,
            spec.tail === "hang" ? maneMat : mat.fur,
            P.tail,
            -1,
          );
          if (spec.tail === "bushy")
            c.ellipse(
              cx + sway,
              bcy + bodyRy + 2.5 * k * tailLen,
              1.2 * k,
              1.2 * k,
              mat.belly,
              P.tail,
            );
          break;
        case "curl":
          c.capsule(cx, ty, cx + sway, ty - 5 * k * tailLen, 1 * k, mat.fur, P.tail, -1);
          c.capsule(
            cx + sway,
            ty - 5 * k * tailLen,
            cx + 2 * k + sway,
            ty - 4 * k * tailLen,
            1 * k,
            mat.fur,
            P.tail,
            -1,
          );
          break;
        case "puff":
          c.ellipse(cx, ty, 1.8 * k, 1.8 * k, mat.belly, P.tail);
          break;
        case "nub":
          c.ellipse(cx, ty, 1 * k, 1 * k, mat.fur, P.tail);
          break;
        default:
          c.capsule(
            cx,
            ty,
            cx + sway + k,
            bcy + bodyRy + 2 * k * tailLen,
            0.8 * k,
            mat.fur,
            P.tail,
            -1,
          );
      }
    };
    if (back) {
      // head behind the rump: ears and the top of the head show over it
      drawMane();
      drawEars();
      c.ellipse(cx, hcy, headR * 0.95, headR * 0.8, mat.fur, P.head, 1);
      if (spec.mark === "horn") {
        c.poly(
          [
            [cx - 1.4 * k, top + 2 * k],
            [cx, top - 5 * k],
            [cx + 1.4 * k, top + 2 * k],
          ],
          mat.horn,
          P.fx,
        );
        c.capsule(cx, top + k, cx, hcy + headR * 0.6, 1.1 * k, maneMat, P.ear);
      }
      // forelegs (far) beside the hind legs, then the hind legs (near) and the rump over them
      for (const s of [-1, 1])
        leg(cx + s * farX, lift(s < 0 ? "frontFar" : "frontNear"), P.legF, 1, true);
      for (const s of [-1, 1])
        leg(cx + s * nearX, lift(s < 0 ? "backNear" : "backFar"), P.legN, -1, false);
      c.ellipse(cx, bcy, sw, bodyRy * 0.9, mat.fur, P.body);
      if (spec.mark === "panda")
        c.rect(cx - sw, bcy - bodyRy, cx + sw - 1, bcy - bodyRy * 0.45, mat.eye, P.body);
      // the haunches: a shadow seam down the middle under the tail
      c.rect(cx - 0.5, bcy, cx - 0.5, bcy + bodyRy, mat.fur, P.body, 1);
      drawTail();
      return;
    }
    // the back, receding behind the shoulders
    c.ellipse(cx, bcy - bodyRy * 0.35, sw * 0.95, bodyRy * 0.9, mat.fur, P.body, 1);
    for (const s of [-1, 1])
      leg(cx + s * farX, lift(s < 0 ? "backFar" : "backNear"), P.legF, 1, true);
    // chest between the forelegs
    c.ellipse(cx, bcy + bodyRy * 0.05, sw * 0.7, bodyRy * 0.8, mat.fur, P.body);
    if (spec.mark === "panda")
      c.rect(
        cx - sw * 0.95,
        bcy - bodyRy * 0.6,
        cx + sw * 0.95 - 1,
        bcy + bodyRy * 0.1,
        mat.eye,
        P.body,
      );
    else if (pattern === "belly" || spec.tail === "bushy")
      c.ellipse(cx, bcy + bodyRy * 0.45, sw * 0.35, bodyRy * 0.7, mat.belly, P.belly);
    for (const s of [-1, 1])
      leg(cx + s * nearX, lift(s < 0 ? "frontNear" : "frontFar"), P.legN, -1, false);
    drawMane();
    drawEars();
    c.ellipse(cx, hcy, headR * 1.1, headR * 0.9, mat.fur, P.head);
    if (spec.mark === "horn")
      c.poly(
        [
          [cx - 1.6 * k, top + 2 * k],
          [cx, top - 5.5 * k],
          [cx + 1.6 * k, top + 2 * k],
        ],
        mat.horn,
        P.fx,
      );
    if (spec.ears === "floppy")
      for (const s of [-1, 1])
        c.rect(
          cx + s * headR - (s < 0 ? px(1) : 0),
          top + 1,
          cx + s * headR + (s > 0 ? px(1) : 0) - 1,
          hcy + 1,
          mat.stripe,
          P.ear,
        );
    // face: eyes high, a muzzle jutting toward the viewer below them with the nose at its top
    // face-on the eyes are all there is to look at: two pixels tall even at 32 px
    const eh = size >= 24 ? 2 : 1;
    const ex = Math.max(1, Math.round(headR * 0.4));
    const ey = Math.round(hcy - headR * 0.3);
    if (spec.mark === "panda")
      for (const s of [-1, 1])
        c.ellipse(cx + s * (ex + 0.5) - 0.5, ey + 0.5, 1.5 * k, 1.3 * k, mat.eye, P.face);
    const eyeMat = spec.mark === "panda" ? mat.slash : mat.eye;
    c.rect(cx - ex - 1, ey, cx - ex - 1, ey + eh - 1, eyeMat, P.face);
    c.rect(cx + ex, ey, cx + ex, ey + eh - 1, eyeMat, P.face);
    const long = spec.snout >= 2.5;
    const my = hcy + headR * (long ? 0.5 : 0.4);
    c.ellipse(cx, my, (1.4 + spec.snout * 0.3) * k, (long ? 1.7 : 1.2) * k, mat.belly, P.snout);
    const ny = Math.round(my - (long ? 1 : 0.5) * k);
    // dogs and their kin have a dark nose; cats, rabbits and the like a pink one
    c.rect(
      cx - 1,
      ny,
      cx,
      ny + (size >= 40 ? 1 : 0),
      long || spec.darkNose ? mat.eye : mat.nose,
      P.face,
    );
    if (long) c.rect(cx - 0.5, ny + px(1) + 1, cx - 0.5, ny + px(2), mat.stripe, P.face);
  };

  /**
   * The characters' quadruped (#19): one body built in 3-D (spine, hips, head, muzzle, ears,
   * tail, four legs) and projected for any of the 8 facings and any camera pitch, so front, back
   * and three-quarter views are the same animal turned, not warped profiles. Parts are drawn far
   * to near along the camera's depth; the gait (gait.ts) moves the feet in diagonal pairs along
   * the facing, the body bobs on contact frames and the head nods against it. Seen from above
   * (top-down cameras) the back shows over the head when it walks towards the camera.
   */
  const drawProjected = (c: SpriteCanvas, pose: Pose) => {
    const back = pose.view === "back";
    const side = pose.view === "side";
    const tq = (pose.turn ?? 0) > 0;
    const h = Math.SQRT1_2;
    const [Fx, Fd] = side ? [1, 0] : tq ? [h, back ? -h : h] : [0, back ? -1 : 1];
    Fdir = Math.sign(Fx);
    const Lx = -Fd;
    const Ld = Fx;
    const phi = [0.15, 0.45, 0.9][Math.max(0, Math.min(2, pose.pitch ?? 1))]!;
    const cp = Math.cos(phi);
    const sp = Math.sin(phi);
    const take = pose.take ?? 0;
    // a spell is cast standing (the glow is the frame effect), not with a lunge
    const atk = pose.fx?.magic ? 0 : pose.attack;
    const cx = size / 2;
    // end-on the animal is drawn broader than it is (as sprites do), so its face and stance read
    const endOn = Math.abs(Fd);
    const w = Math.max(1, bodyRy * (0.55 + 0.3 * endOn));
    const hipF = bodyRx * 0.62;
    // the rest stance's nearest paw stands on the ground row; seen from behind, the haunches
    // (nearest the camera) stand broad so the animal reads as a four-legged mass, not a post
    const wb = w * (1 + (back ? 0.8 : 0.45) * endOn);
    const restD = Math.max(
      ...[hipF, -hipF].flatMap((f) => (f > 0 ? [w, -w] : [wb, -wb]).map((l) => f * Fd + l * Ld)),
    );
    // a long animal (a horse with its lunge and bite, a lion's tail) is drawn a little smaller
    // so nose and tail tip stay inside the character's padded canvas
    const reachF = bodyRx + headR * 0.7 + spec.snout * 0.6 * k + 9 * k;
    const reachB =
      bodyRx +
      (spec.tail === "thin" || spec.tail === "thick"
        ? 8.5
        : spec.tail === "bushy"
          ? 6.8 * tailLen
          : 4) *
        k;
    const sf = Math.min(1, (size * 0.6) / Math.max(reachF, reachB));
    const y0 = ground - restD * sp * sf;
    const proj = (f: number, l: number, y: number) => {
      const X = f * Fx + l * Lx;
      const D = f * Fd + l * Ld;
      return { x: cx + X * sf, y: y0 + (-y * cp + D * sp) * sf, d: D };
    };
    const lr = limb * sf;
    // short legs swing further so the diagonal pairs read as steps
    const g = gaitOf(pose, (longLow ? 3 : 2.2) * k, px(longLow ? 1.5 : 2));
    const bodyF = [0, -2 * k, 2 * k, 1 * k][atk]!;
    const bodyY = [0, -1.5 * k, 1.5 * k, 0][atk]! - pose.bob / sf;
    const hB = legLen + bodyRy * 0.6 + bodyY;
    // the take's rest stance, in an idle sprite's profile frames only (walks, runs, effects and
    // a character's sheet stand)
    const rest = pose.rest && !pose.fx && !atk && side && !pose.turn ? pose0.stance : "stand";
    // a hopper (a kangaroo) is up on its haunches in every frame and view: the take leans it back
    // straight, sitting tall or forward on its arms (lying down is lying down)
    const hopper = !!spec.upright;
    const st = hopper ? "sit" : rest;
    // lying down on four legs a kangaroo read as a dog: every take is upright, leaning its own way
    const lean = !hopper
      ? 0
      : rest === "bow"
        ? 0.72
        : rest === "sit"
          ? 0.86
          : rest === "lie"
            ? 0.92
            : 0.97;
    // and it walks in hops: crouched, pushing off, in the air, landing
    const hopY =
      hopper && (pose.stride || pose.lift)
        ? [0, 2.5, 3.5, 1.2][pose.stride > 0 ? 0 : pose.lift < 0 ? 1 : pose.stride < 0 ? 2 : 3]! * k
        : 0;
    const sway = Math.sin((pose.t + take * 0.37) * Math.PI * 2) * k + g.tail * k;
    const items: { d: number; draw: () => void }[] = [];
    const add = (d: number, draw: () => void) => items.push({ d, draw });
    const capsule3 = (
      a: [number, number, number],
      b: [number, number, number],
      r: number,
      m0: number,
      part: number,
      tone = -1,
      bias = 0,
    ) => {
      const pa = proj(...a);
      const pb = proj(...b);
      add((pa.d + pb.d) / 2 + bias, () =>
        c.capsule(pa.x, pa.y, pb.x, pb.y, r * sf, m0, part, tone),
      );
    };
    const ball = (
      p: [number, number, number],
      r: number,
      m0: number,
      part: number,
      bias = 0,
      tone = -1,
    ) => {
      const q = proj(...p);
      add(q.d + bias, () => c.ellipse(q.x, q.y, r * sf, r * sf * (0.8 + 0.2 * cp), m0, part, tone));
    };

    // --- body ---
    // sitting: the rump on the ground under the raised chest; lying: the body on the ground; a
    // play bow: the chest down on the forearms, the rump up
    const rumpF0 = -bodyRx + bodyRy + bodyF;
    const chestF = bodyRx - bodyRy + bodyF;
    // a hopper's back rises at its lean from the haunches (the body keeps its length)
    const bodyL = chestF - rumpF0;
    const rumpF = lean
      ? chestF - bodyL * Math.sqrt(1 - lean * lean)
      : rumpF0 + (st === "sit" ? (bodyRx - bodyRy) * 0.9 : 0);
    const rumpY = lean
      ? bodyRy * 1.1 + hopY
      : st === "sit"
        ? bodyRy
        : st === "lie"
          ? bodyRy * 0.95
          : st === "bow"
            ? hB + k
            : hB;
    // an ape's long arms hold its shoulders above its hips (standing, or nose down)
    const stoop = st === "stand" || st === "graze" ? (spec.stoop ?? 0) * k : 0;
    const chestY = lean
      ? rumpY + bodyL * lean
      : st === "sit"
        ? hB + 1.5 * k
        : st === "lie"
          ? bodyRy * 1.05
          : st === "bow"
            ? bodyRy + k
            : hB + stoop;
    const bodyAt = (f: number) => rumpY + ((chestY - rumpY) * (f - rumpF)) / (chestF - rumpF || 1);
    const bw = w * 0.55 * endOn;
    // a hopper's trunk is slim over its big haunches
    const trunkR = hopper ? bodyRy * 0.8 : bodyRy;
    capsule3([rumpF, -bw, rumpY], [chestF, -bw, chestY], trunkR, mat.fur, P.body);
    if (bw > 0.5) capsule3([rumpF, bw, rumpY], [chestF, bw, chestY], trunkR, mat.fur, P.body);
    if (spec.mark === "panda") ball([chestF, 0, chestY], bodyRy * 1.02, mat.eye, P.body, 0.02);
    // a pale chest and belly (wolves, foxes, deer): seen from the front, the bib under the chin
    if (pattern === "belly" || spec.tail === "bushy")
      ball(
        [chestF + bodyRy * 0.55, 0, chestY - bodyRy * 0.25],
        bodyRy * 0.62,
        mat.belly,
        P.belly,
        0.03,
      );
    // --- a breed's coat on the body (animal-breeds.ts) ---
    const onBody = (f: number, y: number, r: number, m0: number, part = P.body) =>
      ball([f, 0, bodyAt(f) + y * bodyRy], r, m0, part, 0.06);
    const along = (y: number, r: number, m0: number, part = P.body) =>
      capsule3(
        [rumpF + bodyRy * 0.3, 0, bodyAt(rumpF + bodyRy * 0.3) + y * bodyRy],
        [chestF - bodyRy * 0.2, 0, bodyAt(chestF - bodyRy * 0.2) + y * bodyRy],
        r,
        m0,
        part,
        -1,
        0.06,
      );
    if (coat.has("hump")) onBody(chestF - bodyRy * 0.3, 0.5, bodyRy * 0.75, mat.fur);
    const mid = (rumpF + chestF) / 2;
    const half = (chestF - rumpF) / 2 + bodyRy * 0.6;
    if (coat.has("bicolor") || coat.has("tuxedo")) along(-0.45, bodyRy * 0.5, mat.belly, P.belly);
    // a camel's hump (two for a Bactrian) rises out of the back's outline
    // (behind the withers, clear of the neck's base)
    if (coat.has("camel-hump")) onBody(mid - half * 0.15, 1.55, bodyRy * 1.2, mat.fur);
    if (coat.has("humps"))
      for (const t of [-0.55, 0.05]) onBody(mid + t * half, 1.45, bodyRy * 0.95, mat.fur);
    // a bison's shaggy cape: darker fur over the shoulders, the hump and the head's back
    if (coat.has("shag")) {
      onBody(chestF - bodyRy * 0.25, 0.6, bodyRy * 1.05, markM);
      onBody(chestF + bodyRy * 0.35, -0.1, bodyRy * 0.85, markM);
    }
    if (coat.has("saddle")) along(0.38, bodyRy * 0.62, markM);
    if (coat.has("spots"))
      for (const [fx, fy] of spots) onBody(mid + fx * half, -fy * 0.8, 1.1 * k, markM);
    if (coat.has("patches") || coat.has("calico")) {
      onBody(mid - half * (0.4 - patchAt), 0.3, bodyRy * 0.55, markM);
      onBody(
        mid + half * (0.4 + patchAt),
        0.15 - patchAt,
        bodyRy * 0.45,
        coat.has("calico") ? mat.belly : markM,
      );
    }
    // the hedgehog's spiny mantle over the back, seen from the front or behind
    if (coat.has("quills")) {
      along(0.35, bodyRy * 1.35, markM);
      onBody(rumpF, 0.2, bodyRy * 1.3, markM);
      // the mantle runs up over the shoulders to the crown
      onBody(chestF, 0.55, bodyRy * 1.05, markM);
      // spines standing out of the mantle's outline, raked back: the silhouette itself is spiky
      for (let i = 0; i <= 4; i++) {
        const f = rumpF - bodyRy * 0.6 + ((chestF - rumpF + bodyRy * 0.9) * i) / 4;
        const y0 = bodyAt(f) + bodyRy * 1.5;
        capsule3([f, 0, y0], [f - 1.8 * k, 0, y0 + 1.6 * k], 0.6 * k, markM, P.body, -1, 0.06);
      }
    }
    // a fleece bulging over the back (sheep, llama): its outline is scalloped
    if (coat.has("wool"))
      for (const [t, y] of [
        [-0.9, 0.3],
        [-0.5, 0.75],
        [-0.05, 0.85],
        [0.4, 0.75],
        [0.75, 0.4],
      ] as const)
        onBody(mid + t * half, y, bodyRy * 0.6, mat.fur);
    if (coat.has("back-stripe")) along(0.85, Math.max(0.7, bodyRy * 0.36), mat.belly, P.belly);
    // a boar's crest: dark bristles standing along the spine, highest over the shoulders
    if (coat.has("bristle"))
      for (let i = 0; i <= 5; i++) {
        const f = rumpF + ((chestF + bodyRy * 0.3 - rumpF) * i) / 5;
        const hump = coat.has("hump") && f > mid ? 1.15 : 0.9;
        const y0 = bodyAt(Math.min(f, chestF)) + bodyRy * hump;
        capsule3([f, 0, y0], [f - 0.8 * k, 0, y0 + 1.5 * k], 0.55 * k, markM, P.body, -1, 0.07);
      }
    if (coat.has("tabby"))
      for (const t of [-0.75, -0.25, 0.25, 0.75])
        capsule3(
          [mid + t * half, 0, bodyAt(mid + t * half) + bodyRy * 0.95],
          [mid + t * half - 0.8 * k, 0, bodyAt(mid + t * half) - bodyRy * 0.3],
          Math.max(0.8, 0.8 * k),
          markM,
          P.body,
          -1,
          0.06,
        );

    // --- legs: far ones shaded, the swinging pair lifted and carried forward ---
    // hind legs a little wider apart than the forelegs (wb): face-on they peek out beside them
    const legs: [Leg, number, number, number][] = [
      ["frontNear", hipF, w, P.legN],
      ["frontFar", hipF, -w, P.legF],
      ["backNear", -hipF, wb, P.legN2],
      ["backFar", -hipF, -wb, P.legF2],
    ];
    const bodyD = bodyF * Fd;
    const g0 = limb * 0.5;
    const pawMat = socks ? mat.belly : limbMat;
    /** A leg folded at rest: a foreleg's forearm flat on the ground, a hind leg under its haunch. */
    const foldLeg = (hip: [number, number, number], front: boolean, part: number, tone: number) => {
      const [hf, l] = hip;
      if (front) {
        capsule3(hip, [hf, l, g0], limb, limbMat, part, tone);
        capsule3([hf, l, g0], [hf + legLen * 0.7, l, g0], limb, pawMat, part, tone);
      } else if (hopper && st === "sit") {
        // a kangaroo's big thigh over a long hind foot, the foot off the ground in a hop
        const gy = g0 + hopY;
        ball([hf, l, Math.max(hip[2], bodyRy * 0.8)], bodyRy * 0.85, limbMat, part, 0.01, tone);
        capsule3(
          [hf - bodyRy * 0.5, l, gy + limb],
          [hf - bodyRy * 0.4, l, gy],
          limb,
          pawMat,
          part,
          tone,
        );
        capsule3([hf - bodyRy * 0.4, l, gy], [hf + bodyRy * 1.5, l, gy], limb, pawMat, part, tone);
      } else {
        ball([hf, l, Math.max(hip[2], bodyRy * 0.7)], bodyRy * 0.7, limbMat, part, 0.01, tone);
        capsule3([hf - bodyRy * 0.3, l, g0], [hf + bodyRy * 1.2, l, g0], limb, pawMat, part, tone);
      }
    };
    for (const [leg, f0, l, part] of legs) {
      const front = f0 > 0;
      const foot = g.feet[leg];
      let dx = foot.dx + (foot.lift > 0 ? 1.2 * k : 0);
      let lift = foot.lift;
      if (atk === 2) {
        dx += front ? 3 * k : -2.5 * k;
        if (front) lift = Math.max(lift, 3 * k);
      } else if (atk === 1) dx += front ? -k : k;
      // a prancing horse lifts a foreleg high
      if (st === "prance" && leg === "frontNear") {
        dx += 2 * k;
        lift = Math.max(lift, 3.5 * k);
      }
      // another take: each foot placed up to a pixel differently
      let dl = 0;
      if (take) {
        dx += (takeVary(take, front ? 11 : 12) || 1) * 0.9 * (l > 0 ? 1 : -1);
        dl = (takeVary(take, front ? 13 : 14) || 1) * 0.8;
      }
      const shift = front ? 0 : rumpF - rumpF0;
      const hip: [number, number, number] = [
        f0 + bodyF + shift,
        l,
        (front ? chestY : rumpY) - bodyRy * 0.3,
      ];
      if (hopper && front && st === "sit") {
        // short forearms held in front of the chest, the paws hanging
        const tone = f0 * Fd + l * Ld < bodyD - 0.01 ? 1 : -1;
        const arm: [number, number, number] = [hip[0] + 1.6 * k, l, hip[2] - 2.6 * k];
        const paw: [number, number, number] = [arm[0] + 0.8 * k, l, arm[2] - 0.6 * k];
        capsule3(hip, arm, limb * 0.8, limbMat, part, tone, 0.08);
        capsule3(arm, paw, limb * 0.7, pawMat, part, tone, 0.08);
        continue;
      }
      if (front ? st === "lie" || st === "bow" : st === "sit" || st === "lie") {
        foldLeg(hip, front, part, f0 * Fd + l * Ld < bodyD - 0.01 ? 1 : -1);
        continue;
      }
      // a step towards or away from the camera moves the foot mostly sideways on screen, hardly
      // up or down: the paws keep to one ground line (≤ 1 px) while the legs clearly swing
      const full = proj(f0 + dx, l + dl, lift + limb * 0.5);
      const pf = { ...full, y: proj(f0 + dx * 0.25, l + dl, lift + limb * 0.5).y };
      const ph = proj(...hip);
      const far = f0 * Fd + l * Ld < bodyD - 0.01;
      const footMat = socks ? mat.belly : limbMat;
      // an ape's arms are thick
      const lw = front && spec.stoop ? lr * 1.35 : lr;
      add((ph.d + pf.d) / 2, () => {
        c.capsule(ph.x, ph.y, pf.x, pf.y, lw, limbMat, part, far ? 1 : -1);
        if (socks) {
          const sx = ph.x + (pf.x - ph.x) * 0.6;
          const sy = ph.y + (pf.y - ph.y) * 0.6;
          c.capsule(sx, sy, pf.x, pf.y, lr, mat.belly, part, far ? 1 : -1);
        }
      });
      add(pf.d + 0.001, () =>
        c.rect(
          pf.x - lr + 0.5,
          pf.y + lr * 0.5 - 1,
          pf.x + lr - 0.5,
          pf.y + lr * 0.5,
          footMat,
          part,
          far ? 1 : -1,
        ),
      );
    }

    // --- tail ---
    // the tail goes with the rump, carried as the take carries it (tu: −1 down … 1 up)
    const rs = rumpF - rumpF0;
    const tY = rumpY;
    const tu = pose0.tail;
    const up = (y: number) => Math.max(g0, y);
    const tb: [number, number, number] = [-bodyRx + 0.5 * k + bodyF + rs, 0, tY + bodyRy * 0.3];
    const tf = -bodyRx + bodyF + rs;
    const L = tailLen;
    switch (spec.tail) {
      case "bushy":
        // a kitsune's tails fan up and out behind it
        for (let i = 0; i < tails; i++) {
          const rise = i * 3.2 * k;
          const out = (i % 2 ? -1 : 1) * Math.ceil(i / 2) * 1.2 * k;
          const tip: [number, number, number] = [
            tf - 3.5 * k * L + i * 1.4 * k + tu * 1.5 * k,
            sway + out,
            Math.max(g0 + k, tY - 0.5 * k + rise + tu * 3.5 * k),
          ];
          capsule3(tb, tip, 1.9 * k, tailMat, P.tail, -1, -i * 0.01);
          ball(
            [tip[0] - 1.7 * k, tip[1], tip[2] - 0.5 * k + i * 0.6 * k],
            1.3 * k,
            mat.belly,
            P.tail,
            -0.01,
          );
          if (coat.has("ringed"))
            ball([tip[0] + 0.6 * k, tip[1], tip[2] + 0.3 * k], 1.2 * k, markM, P.tail, 0.005);
        }
        break;
      case "curl": {
        // down: along the ground, the tip curling up; up: straight up, the tip hooked
        const bend: [number, number, number] = [
          tf - 2.5 * k * L,
          0,
          up(tY + (tu < 0 ? -2 : 2) * k),
        ];
        capsule3(tb, bend, 0.9 * k, tailMat, P.tail);
        capsule3(
          bend,
          tu < 0
            ? [tf - 5.5 * k * L, sway, up(tY - 3 * k)]
            : [tf - 2.8 * k * L + tu * 1.2 * k, sway, tY + (5.5 + tu * 1.5) * k * L],
          0.9 * k,
          tailMat,
          P.tail,
        );
        break;
      }
      case "short":
        capsule3(
          tb,
          [tf - 2 * k + tu * 0.8 * k, sway, tY + (2.5 + tu * 2) * k],
          0.9 * k,
          tailMat,
          P.tail,
        );
        break;
      case "puff":
        ball(tb, 1.8 * k, mat.belly, P.tail);
        break;
      case "hang":
        // raised, a horse's tail flags out behind it
        capsule3(
          tb,
          tu > 0 ? [tf - 4.5 * k, sway, tY - 1.5 * k] : [tf - 2 * k, sway, up(tY - 5.5 * k)],
          1.1 * k,
          maneMat,
          P.tail,
        );
        break;
      case "nub":
        ball(tb, 1.3 * k, tailMat, P.tail);
        break;
      case "twist": {
        // a corkscrew: up off the rump, over and back down into a loop
        const r = Math.max(0.6, 0.5 * k);
        const a: [number, number, number] = [tf - 1.2 * k, sway * 0.3, tY + 2.4 * k];
        const b: [number, number, number] = [tf - 2.8 * k, sway * 0.5, tY + 2.6 * k];
        const d: [number, number, number] = [tf - 2.6 * k, sway * 0.5, tY + 0.8 * k];
        capsule3(tb, a, r, tailMat, P.tail);
        capsule3(a, b, r, tailMat, P.tail);
        capsule3(b, d, r, tailMat, P.tail);
        break;
      }
      case "plume": {
        // held up over the back, the tip curling forward (squirrel, skunk); a skunk's is striped
        const bend: [number, number, number] = [tf - 2.2 * k, sway * 0.5, tY + bodyRy + 2.5 * k];
        const tip: [number, number, number] = [
          tf + 0.5 * k + tu * 0.6 * k,
          sway,
          tY + bodyRy + (6 + tu * 0.8) * k,
        ];
        capsule3(tb, bend, 1.9 * k, tailMat, P.tail, -1, -0.02);
        capsule3(bend, tip, 2.3 * k, tailMat, P.tail, -1, -0.02);
        if (coat.has("back-stripe")) {
          capsule3(tb, bend, 0.6 * k, mat.belly, P.tail, -1, -0.01);
          capsule3(bend, tip, 0.8 * k, mat.belly, P.tail, -1, -0.01);
        }
        break;
      }
      case "none":
        break;
      case "thick": {
        // a kangaroo's: thick at the root, tapering along the ground behind it as a third leg
        const gy = g0 + hopY * 0.6;
        const t1: [number, number, number] = [tf - 3.5 * k * L, sway * 0.3, gy + 1.4 * k];
        const t2: [number, number, number] = [tf - 8 * k * L, sway, gy + (tu > 0 ? 1.5 : 0) * k];
        capsule3(tb, t1, 1.7 * k, tailMat, P.tail);
        capsule3(t1, t2, 1 * k, tailMat, P.tail);
        break;
      }
      case "thin": {
        const tm = points ? markM : spec.mark === "mane" || furTail ? mat.fur : mat.inner;
        // level, raised in an S, or hanging to the ground
        const t1: [number, number, number] =
          tu > 0
            ? [tf - 3 * k, sway, tY + 3.5 * k]
            : tu < 0
              ? [tf - 2.5 * k, sway, up(tY - 3 * k)]
              : [tf - 4 * k, sway, tY + 1 * k];
        const t2: [number, number, number] =
          tu > 0
            ? [tf - 4.5 * k, sway, tY + 7 * k]
            : tu < 0
              ? [tf - 5 * k, sway, up(tY - 6 * k)]
              : [tf - 7 * k, sway, tY - 1 * k];
        // at least 0.75 px: a thinner capsule can miss every cell centre along a stretch, and the
        // tail floated off the body in some walk frames (eval-e, Dachshund)
        capsule3(tb, t1, Math.max(0.75, 0.5 * k), tm, P.tail);
        capsule3(t1, t2, Math.max(0.75, 0.5 * k), tm, P.tail);
        if (spec.mark === "mane") ball(t2, 1.3 * k, mat.stripe, P.tail, 0.01);
        break;
      }
    }

    // --- neck, head, muzzle, face ---
    // long-faced grazers (horse, unicorn, deer) carry the head high and forward on a long neck
    const longNeck = spec.snout >= 3 && spec.legs >= 9;
    const hr = headR * (1 + 0.35 * endOn);
    // the take's head carriage: raised, level or low; grazing, the muzzle at the ground
    const carry = pose0.head;
    const grazing = st === "graze";
    // a llama's long upright neck: the head higher and a little further back
    const neckUp = (spec.neck ?? 0) * k;
    const headF = grazing
      ? chestF + bodyRy * 0.9 + (longNeck ? 2.5 : 1.5) * k
      : -neckUp * 0.3 +
        bodyRx +
        (longNeck ? 0.3 : -0.5) * k +
        bodyF +
        (atk === 2 ? k : atk === 1 ? -k : 0) +
        (carry > 0 ? -0.5 * k : carry < 0 ? 0.8 * k : 0) +
        (st === "bow" ? k : 0);
    const headY = grazing
      ? hr + 0.5 * k
      : chestY +
        bodyRy * 0.3 +
        (longNeck ? 5.5 : lowHead ? 0.8 : 2.5) * k -
        (atk === 1 ? 1.5 * k : 0) -
        g.headDy +
        carry * 1.5 * k +
        neckUp;
    capsule3(
      [chestF, 0, chestY + bodyRy * 0.2],
      [headF, 0, headY],
      Math.max(limb, bodyRy * 0.7),
      mat.fur,
      P.body,
      -1,
      0.05,
    );
    if (collarM !== undefined) {
      // a pet's collar round the neck, nearer the chest than the head (the head hides the rest)
      const nf = headF + (chestF - headF) * 0.6;
      const ny = headY + (chestY + bodyRy * 0.2 - headY) * 0.6;
      const nr = Math.max(limb, bodyRy * 0.7);
      capsule3(
        [nf - 0.4 * k, 0, ny + nr * 0.95],
        [nf + 0.4 * k, 0, ny - nr * 0.95],
        Math.max(0.6, 0.7 * k),
        collarM,
        P.collar,
        -1,
        0.12,
      );
    }
    if (maned) ball([headF - 0.8 * k, 0, headY - 0.3 * k], hr + 2.3 * k, mat.stripe, P.ear, 0.08);
    if (longNeck)
      // the mane along the top of the neck, in the tail's colour
      capsule3(
        [chestF - 1.5 * k, 0, chestY + bodyRy * 0.9],
        [headF - hr * 0.6, 0, headY + hr * 0.5],
        Math.max(0.8, 0.9 * k),
        maneMat,
        P.ear,
        -1,
        0.07,
      );
    ball([headF, 0, headY], hr, mat.fur, P.head, 0.1);
    // a breed's face: a pale mask (husky), a dark one (pug, Siamese), a blaze, kitsune marks
    const paleMask = coat.has("mask") && !!build?.under;
    if (paleMask || points || coat.has("mask"))
      ball(
        [headF + hr * 0.4, 0, headY - hr * 0.25],
        hr * 0.62,
        paleMask ? mat.belly : markM,
        P.face,
        0.12,
      );
    if (coat.has("bandit")) {
      // a raccoon's: a pale face crossed by a dark band over the eyes
      ball([headF + hr * 0.4, 0, headY - hr * 0.1], hr * 0.7, mat.belly, P.face, 0.12);
      for (const s of [-1, 1])
        capsule3(
          [headF + hr * 0.2, s * hr * 0.75, headY + hr * 0.15],
          [headF + hr * 0.85, s * hr * 0.12, headY + hr * 0.12],
          Math.max(0.7, hr * 0.28),
          markM,
          P.face,
          -1,
          0.125,
        );
    }
    if (coat.has("badger-face")) {
      // a badger's: a white face, a dark stripe from the nose back over each eye to the ear
      ball([headF + hr * 0.3, 0, headY], hr * 0.85, mat.belly, P.face, 0.12);
      for (const s of [-1, 1])
        capsule3(
          [headF + hr * 0.95, s * hr * 0.22, headY + hr * 0.05],
          [headF - hr * 0.45, s * hr * 0.6, headY + hr * 0.55],
          Math.max(0.7, hr * 0.26),
          markM,
          P.face,
          -1,
          0.125,
        );
    }
    // a skunk's white stripe starts on the crown
    if (coat.has("back-stripe"))
      capsule3(
        [headF - hr * 0.7, 0, headY + hr * 0.6],
        [headF + hr * 0.4, 0, headY + hr * 0.9],
        Math.max(0.6, 0.6 * k),
        mat.belly,
        P.face,
        -1,
        0.125,
      );
    if (coat.has("blaze"))
      capsule3(
        [headF + hr * 0.55, 0, headY + hr * 0.75],
        [headF + hr * 0.85, 0, headY - hr * 0.1],
        Math.max(0.5, 0.45 * k),
        mat.belly,
        P.face,
        -1,
        0.13,
      );
    if (coat.has("kitsune"))
      for (const s of [-1, 1])
        capsule3(
          [headF + hr * 0.2, s * hr * 0.6, headY - hr * 0.2],
          [headF + hr * 0.6, s * hr * 0.5, headY - hr * 0.05],
          Math.max(0.5, 0.45 * k),
          markM,
          P.face,
          -1,
          0.14,
        );
    const toCam = (nf: number, nl: number, ny: number) => (nf * Fd + nl * Ld) * cp + ny * sp;
    // a canine face-on (wolf, fox, husky): its long muzzle foreshortens to a disc and its head to
    // a cat's box (a wolf's front view read as a sitting cat); taller ears, a pale muzzle tapering
    // down to the nose and a ruff of fur at the cheeks say dog
    const canineFace =
      spec.snout >= 2.5 && spec.ears === "pointy" && !hoofed && !info.young && Fd > 0.9;
    // ears on top of the head
    for (const s of [-1, 1]) {
      const base: [number, number, number] = [headF - hr * 0.15, s * hr * 0.5, headY + hr * 0.75];
      const b = proj(...base);
      // ears stand on top of the head: drawn over it from every side
      const behind = proj(headF, 0, headY).d + 0.12 - b.d;
      const ew = (canineFace ? 1.9 : 1.5) * k;
      switch (spec.ears) {
        case "pointy":
        case "small": {
          // laid back in some takes, pricked in others
          const eb = pose0.earsBack ? 1 : 0;
          const tip = proj(
            base[0] - eb * 2.2 * k,
            s * hr * 0.6,
            base[2] + (spec.ears === "small" ? 2.4 : canineFace ? 5.4 : 4.2) * k - eb * 1.4 * k,
          );
          // another take flicks one ear a pixel
          const twitch = take && s > 0 ? takeVary(take, 21) || 1 : 0;
          add(b.d + behind, () => {
            c.poly(
              [
                [b.x - ew, b.y + k],
                [tip.x + twitch, tip.y],
                [b.x + ew, b.y + k],
              ],
              earMat,
              P.ear,
            );
            if (size >= 40 && behind > 0 && toCam(1, 0, 0) > 0.2)
              c.plot(b.x, b.y - 0.5 * k, mat.inner, P.ear);
          });
          break;
        }
        case "long":
          capsule3(
            base,
            [
              base[0] - k - (pose0.earsBack ? 3 * k : 0),
              s * hr * 0.7,
              base[2] + (pose0.earsBack ? 4.5 : 6) * k,
            ],
            1.1 * k,
            earMat,
            P.ear,
            -1,
            behind,
          );
          break;
        case "round":
          ball(base, (coat.has("tufts") ? 2.6 : 1.7) * k, earMat, P.ear, behind);
          // a koala's big ears are fringed with white fluff
          if (coat.has("tufts")) ball(base, 1.5 * k, mat.belly, P.ear, behind + 0.001);
          break;
        case "flap": {
          // a pig's ear: a broad triangle off the crown, its tip flopped forward over the eye
          // (its back corner stands over the crown, so the ear shows in the outline)
          const tip = proj(headF + hr * 0.6, s * hr * 0.65, headY + hr * 0.5);
          const back = proj(headF - hr * 0.4, s * hr * 0.5, headY + hr * 1.25);
          add(b.d + behind, () =>
            c.poly(
              [
                [back.x, back.y],
                [b.x + ew * Fx, b.y - ew],
                [tip.x, tip.y],
              ],
              earMat,
              P.ear,
            ),
          );
          break;
        }
        case "floppy":
          capsule3(
            [headF - hr * 0.1, s * hr * 0.85, headY + hr * 0.4],
            [headF - hr * 0.1, s * hr * 1.05, headY - hr * 0.5],
            1.2 * k,
            mat.stripe,
            P.ear,
            -1,
            behind,
          );
          break;
      }
    }
    if (spec.mark === "horn") {
      const a = proj(headF + hr * 0.3, 0, headY + hr * 0.8);
      const b = proj(headF + hr * 0.3 + 3 * k, 0, headY + hr * 0.8 + 5 * k);
      add(a.d + 0.2, () =>
        c.poly(
          [
            [a.x - k, a.y],
            [b.x, b.y],
            [a.x + k, a.y],
          ],
          mat.horn,
          P.fx,
        ),
      );
    }
    // antlers and horns stand on the head like the ears, the far one first
    const headD = proj(headF, 0, headY).d;
    const gear = (s: number) => {
      const base: [number, number, number] = [headF - hr * 0.15, s * hr * 0.45, headY + hr * 0.8];
      const bias = headD + 0.13 + s * 0.001 - proj(...base).d;
      const tone = toCam(0, s, 0) < 0 ? 1 : -1;
      // in profile the far one stands a little behind the near one, so both show
      const back = (toCam(0, s, 0) < 0 ? -1.6 : 0) * k * Math.abs(Fx);
      const at = (f: number, l: number, y: number): [number, number, number] => [
        headF + f * k + back,
        s * (hr + l * k),
        headY + hr + y * k,
      ];
      const bone = (
        a: [number, number, number],
        b: [number, number, number],
        r = 0.5,
        m0 = antlerM,
      ) => capsule3(a, b, Math.max(0.5, r * k), m0, P.fx, tone, bias + 0.002);
      if (coat.has("antlers")) {
        // a beam sweeping up and back with tines forward
        // (tines spread apart: close together they merge into one column at 32 px)
        const b1 = at(-1.8, -0.5, 3.2);
        const b2 = at(-3.4, 0, 6.2);
        bone(base, b1);
        bone(b1, b2);
        bone(at(-0.8, -0.8, 1.4), at(1.6, -0.6, 2.6));
        bone(b1, at(1.2, -0.2, 5.6));
        bone(b2, at(-0.4, 0.2, 8.6));
        bone(b2, at(-5, 0.4, 7.4));
      }
      if (coat.has("palmate")) {
        // a moose's: a short stem to a broad flat palm with points along its top edge
        const stem = at(-0.8, 0.4, 1.5);
        const palm = at(-2.6, 1.4, 3.2);
        bone(base, stem, 0.7);
        const q = proj(...palm);
        add(q.d + bias + 0.003, () => {
          // broad and flat, reaching back and out from the brow
          c.ellipse(q.x, q.y, 4.4 * k * sf, 1.7 * k * sf, antlerM, P.fx, tone);
          for (const dx of [-3.8, -1.8, 0.2, 2.2])
            c.rect(
              q.x + dx * k * sf,
              q.y - 2.6 * k * sf,
              q.x + dx * k * sf,
              q.y - 1.4 * k * sf,
              antlerM,
              P.fx,
              tone,
            );
        });
      }
      if (coat.has("long-horns")) {
        // a bull's: thick at the root, out wide past the ears, the tips turned forward and up
        const mid = at(1.2, 2.4, 1);
        bone(base, mid, 0.8, mat.horn);
        bone(mid, at(3.4, 2.8, 2.2), 0.6, mat.horn);
      } else if (coat.has("wide-horns")) {
        // a water buffalo's: flat out to the sides, then swept back in a crescent
        const mid = at(-0.6, 3.2, 0.4);
        bone(base, mid, 0.8, mat.horn);
        bone(mid, at(-2.8, 3.6, 1.8), 0.6, mat.horn);
      } else if (coat.has("horns")) {
        // short horns out to the side and up (cattle)
        const mid = at(-0.2, 0.8, 1.2);
        bone(base, mid, 0.6, mat.horn);
        bone(mid, at(0.4, 1, 2.4), 0.5, mat.horn);
      }
      if (coat.has("goat-horns") && info.variant === "sheep") {
        // a ram's: swept back from the crown round the ear, in the fleece's shade
        const mid = at(-1.4, -0.4, 2.6);
        bone(base, mid, 0.6, mat.stripe);
        bone(mid, at(-3.2, -0.3, 1.8), 0.5, mat.stripe);
      } else if (coat.has("goat-horns")) {
        // a goat's: up off the brow, arching back: in horn grey, or the breed's dark mark
        // (reaching far back from the crown they stood over the shoulders, a dark lump on the
        // back, eval-f)
        const hornM = build?.mark ? markM : mat.stripe;
        const root = at(1.2, -0.5, 0.2);
        const mid = at(1.2, -0.4, 3.2);
        const crest = at(0, -0.3, 4.8);
        bone(root, mid, 0.6, hornM);
        bone(mid, crest, 0.5, hornM);
        bone(crest, at(-1.2, -0.2, 4), 0.5, hornM);
      }
    };
    for (const s of [-1, 1]) gear(s);
    // muzzle: forward of the head's lower half
    const sn = Math.max(0.6, spec.snout);
    const mF = headF + hr * 0.7 + sn * 0.35 * k;
    const mY = headY - hr * 0.35;
    const mR = Math.max(k, (0.9 + sn * 0.25) * k);
    if (spec.snout > 0)
      capsule3(
        [headF + hr * 0.3, 0, mY],
        [mF, 0, mY],
        mR,
        points || (coat.has("mask") && !build?.under) ? markM : mat.belly,
        P.snout,
        -1,
        0.15,
      );
    for (const s of [-1, 1]) {
      // a boar's tusks curl up out of the jaw
      if (coat.has("tusks"))
        capsule3(
          // over the snout's side, only the tip above it: a one-pixel hook on the outline would
          // be drawn as outline and vanish
          [mF - mR * 0.7, s * mR * 0.9, mY - mR * 0.3],
          [mF - mR * 0.1, s * mR * 0.9, mY + mR + 2.4 * k],
          Math.max(0.8, 0.8 * k),
          mat.horn,
          P.fx,
          -1,
          0.2 + s * 0.001,
        );
    }
    // a hippo's muzzle: a broad blunt block, deeper and wider than the head behind it
    if (coat.has("jowls")) {
      capsule3(
        [headF + hr * 0.2, 0, mY - mR * 0.2],
        [mF + mR * 0.3, 0, mY - mR * 0.2],
        mR * 1.7,
        mat.belly,
        P.snout,
        -1,
        0.16,
      );
      // the nostrils on top of the muzzle's end
      const nz = proj(mF + mR * 0.9, 0, mY + mR * 1.2);
      add(nz.d + 0.3, () => c.plot(nz.x, nz.y, mat.eye, P.face));
    }
    // a rhino's horns stand up off the end of the nose, the front one big
    if (coat.has("nose-horn")) {
      capsule3(
        [mF - mR * 0.2, 0, mY + mR * 0.5],
        [mF + mR * 0.7, 0, mY + mR + 5.5 * k],
        Math.max(1, 1.2 * k),
        mat.horn,
        P.fx,
        -1,
        0.2,
      );
      capsule3(
        [mF - mR * 1.4, 0, mY + mR * 0.8],
        [mF - mR * 1.2, 0, mY + mR + 1.6 * k],
        Math.max(0.6, 0.7 * k),
        mat.horn,
        P.fx,
        -1,
        0.2,
      );
    }
    // a pig's flat snout: a pink disc at the muzzle's end with two nostrils
    if (coat.has("snout")) {
      // standing proud of the muzzle's end: the flat disc is what says pig
      const tip = proj(mF + mR * 0.9, 0, mY);
      add(tip.d + 0.25, () => {
        // as tall as the muzzle, so the flat end reads at 32 px
        c.ellipse(
          tip.x,
          tip.y,
          Math.max(1.5, mR * 1.1 * sf),
          Math.max(2, mR * 1.5 * sf),
          mat.nose,
          P.snout,
        );
        c.plot(tip.x, tip.y - 0.5, mat.eye, P.face);
        if (toCam(1, 0, 0) > 0.5) c.plot(tip.x - 1, tip.y - 0.5, mat.eye, P.face);
      });
    }
    if (coat.has("beard"))
      capsule3(
        [headF + hr * 0.45, 0, mY - mR * 0.8],
        [headF + hr * 0.3, 0, mY - mR - 2.2 * k],
        Math.max(0.6, 0.6 * k),
        mat.stripe,
        P.face,
        -1,
        0.16,
      );
    // a moose's dewlap, a bell of skin under the throat
    if (coat.has("dewlap"))
      capsule3(
        [headF - hr * 0.3, 0, headY - hr * 0.8],
        [headF - hr * 0.4, 0, headY - hr * 0.8 - 2.6 * k],
        Math.max(0.7, 0.8 * k),
        mat.stripe,
        P.body,
        -1,
        0.11,
      );
    const noseP = proj(spec.snout > 0 ? mF + mR * 0.7 : headF + hr * 0.95, 0, mY + mR * 0.5);
    const long = spec.snout >= 2.5;
    const faceOn = toCam(1, 0, 0);
    if (canineFace) {
      const hc = proj(headF, 0, headY);
      const q = k * sf;
      // the muzzle: pale, from under the eyes down past the head's round to the nose
      // (under the eyes and the nose: drawn over them it hid a wolf's eyes)
      add(hc.d + 0.15, () =>
        c.poly(
          [
            [hc.x - hr * 0.45 * sf, hc.y + 0.6 * q],
            [hc.x + hr * 0.45 * sf, hc.y + 0.6 * q],
            [noseP.x + 1.2 * q, noseP.y + 1.4 * q],
            [noseP.x - 1.2 * q, noseP.y + 1.4 * q],
          ],
          points || (coat.has("mask") && !build?.under) ? markM : mat.belly,
          P.snout,
        ),
      );
      // the ruff: a tuft of fur out from each cheek
      for (const s of [-1, 1])
        add(hc.d + 0.11, () =>
          c.poly(
            [
              [hc.x + s * hr * 0.8 * sf, hc.y - 1.6 * q],
              [hc.x + s * (hr * sf + 1.8 * q), hc.y + 1.2 * q],
              [hc.x + s * hr * 0.5 * sf, hc.y + 1.8 * q],
            ],
            mat.fur,
            P.head,
          ),
        );
    }
    // (a pig's nostrils are on its disc)
    if (faceOn > -0.2 && !coat.has("snout"))
      add(noseP.d + 0.3, () =>
        c.rect(
          noseP.x - (faceOn > 0.5 ? 1 : 0),
          noseP.y,
          noseP.x,
          noseP.y + (size >= 40 ? 1 : 0),
          long || spec.darkNose ? mat.eye : mat.nose,
          P.face,
        ),
      );
    // a koala's big black nose, an upright oval at the front of the face
    if (coat.has("big-nose") && faceOn > -0.2)
      add(noseP.d + 0.32, () =>
        c.ellipse(
          noseP.x,
          noseP.y,
          Math.max(1.2, 1.5 * k * sf),
          Math.max(1.5, 2 * k * sf),
          mat.eye,
          P.face,
        ),
      );
    const eh = size >= 40 || faceOn > 0.5 ? 2 : 1;
    // dark eyes vanish in black fur: a black cat's or panther's eyes catch the light instead
    const [fr, fg, fb] = m.list[mat.fur]!.ramp[2];
    const darkFur = 0.3 * fr + 0.59 * fg + 0.11 * fb < 70;
    const eyeMat = spec.mark === "panda" || darkFur || coat.has("bandit") ? mat.slash : mat.eye;
    for (const s of [-1, 1]) {
      if (toCam(0.75, s * 0.55, 0.2) <= 0.05) continue;
      const e = proj(headF + hr * 0.55, s * hr * 0.45, headY + hr * 0.15);
      add(e.d + 0.3, () => {
        if (spec.mark === "panda") c.ellipse(e.x, e.y + 0.5, 1.4 * k, 1.2 * k, mat.eye, P.face);
        // asleep: the eye shut, a dash across where it was (dark, or the panda patch's shine)
        if (info.asleep)
          c.rect(e.x - 1, e.y + eh - 1, e.x, e.y + eh - 1, darkFur ? mat.slash : mat.eye, P.face);
        else c.rect(e.x, e.y, e.x, e.y + eh - 1, moodM.eye ?? eyeMat, P.face);
        if (mood) moodFace(c, e, eh, faceOn);
      });
    }
    // the mouth under the muzzle's end: bared teeth (angry, evil) or open with the tongue (happy)
    if (mood && faceOn > -0.2) {
      const mo = proj(spec.snout > 0 ? mF + mR * 0.2 : headF + hr * 0.8, 0, mY - mR * 0.9);
      add(mo.d + 0.35, () => {
        const w = faceOn > 0.5 ? 1 : 0;
        const x0 = Math.round(mo.x);
        const y = Math.round(mo.y);
        if (mood === "angry" || mood === "evil") {
          c.rect(x0 - 1 - w, y - 1, x0 + w, y - 1, mat.eye, P.face);
          c.rect(x0 - 1 - w, y, x0 + w, y, mat.slash, P.face);
        } else if (mood === "happy") {
          c.rect(x0 - 1 - w, y - 1, x0 + w, y - 1, mat.eye, P.face);
          c.rect(x0 - w, y, x0 + w, y, moodM.tongue ?? mat.nose, P.face);
        } else if (mood === "scared") c.rect(x0 - w, y - 1, x0 + w, y, mat.eye, P.face);
      });
    }
    if (atk === 2 && size >= 24) {
      // the bite: three claw-like slashes at the muzzle
      const m = proj(mF + mR + 0.5 * k, 0, mY);
      const q = k * sf;
      add(m.d + 1, () => {
        for (let i = -1; i <= 1; i++)
          c.line(
            m.x + (i * 1.5 - 1) * q * Fx,
            m.y - 3 * q,
            m.x + (i * 1.5 + 1) * q * Fx,
            m.y + 2 * q,
            mat.slash,
            P.fx,
          );
      });
    }
    items.sort((a, b) => a.d - b.d);
    for (const it of items) it.draw();
    if (coat.has("zebra")) zebraStripes(c, proj(0, 0, hB));
  };

  /**
   * A zebra's stripes over every cell of its fur, fixed to the body so they move with it: slanting
   * bands down body, neck and head, rings round the legs — bold enough to read at 32 px.
   */
  const zebraStripes = (c: SpriteCanvas, o: { x: number; y: number }) => {
    const legParts = new Set([P.legF, P.legN, P.legF2, P.legN2]);
    const ox = Math.round(o.x);
    const oy = Math.round(o.y);
    const period = Math.max(3, Math.round(3 * k));
    const mod = (n: number) => ((n % period) + period) % period;
    for (let y = 0; y < c.h; y++)
      for (let x = 0; x < c.w; x++) {
        const i = c.index(x, y);
        if (i < 0 || c.mat[i] !== mat.fur) continue;
        const part = c.part[i]!;
        const on = legParts.has(part)
          ? mod(y - oy) === 0
          : mod(x - ox + Math.floor((y - oy) / 3)) === 0;
        if (on) c.plot(x, y, markM, part, c.tone[i]!);
      }
  };

  const draw = (c: SpriteCanvas, pose: Pose) => {
    // the characters' facings and views (pose.pitch set by character.ts)
    if (pose.pitch !== undefined) return drawProjected(c, pose);
    if (pose.view === "side") drawSide(c, pose);
    else drawFront(c, pose, pose.view === "back");
  };
  return {
    size,
    materials: m.list,
    restView: "side",
    draw,
    turns: true,
    pitches: true,
    headParts: [P.head, P.ear, P.face, P.snout],
    // a mount stands in every take (its rider must not look fallen): one drawing
    takes: info.rider ? undefined : LOOKS[familyOf(adult)].length,
  };
}

/**
 * The gait frame a pose asks for: stride/lift (+1 near pair forward, −1 far pair lifted …) name
 * the quarter of the cycle; a pose with neither stands.
 */
function gaitOf(pose: Pose, stride: number, lift: number) {
  if (!pose.stride && !pose.lift) return quadrupedGait(0, { stride: 0, lift: 0, bob: 0 });
  const phase = pose.stride > 0 ? 0 : pose.lift < 0 ? 0.25 : pose.stride < 0 ? 0.5 : 0.75;
  // the rig applies pose.bob to the whole body already; the gait adds the head's nod
  return quadrupedGait(phase, { stride, lift });
}
