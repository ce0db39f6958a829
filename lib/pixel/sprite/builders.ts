// The one registry of the offline engine's builders. A vocabulary subject names its builder
// (vocabulary.ts: `role:knight`, `animal:wolf`, `gi:anvil@iron` …); the entry here reads the
// subject into the kind/variant its rig switches on, and builds the part-based design. The
// engine dispatches on the kind (a caller may re-target it: a character drawn as a quadruped),
// so every kind belongs to exactly one builder. Adding a builder: an entry here, a `Builder`
// name in vocabulary.ts, and subjects that use it (README.md in this folder).
import type { Rng } from "../prng";
import { buildAnimal } from "./animal";
import { buildBird } from "./bird";
import { buildBlob } from "./blob";
import type { Design } from "./design";
import { buildDragon } from "./dragon";
import type { IconRaster } from "./emoji-art";
import type { GameMaterial } from "./game-icons";
import { buildHumanoid } from "./humanoid";
import { buildIcon } from "./icon";
import { buildInsect } from "./insect";
import { buildItem } from "./item";
import { buildMonster } from "./monster";
import type { PromptInfo } from "./prompt";
import { buildScenery } from "./scenery";
import { buildSeaLife } from "./sea-life";
import { buildSerpentDragon } from "./serpent-dragon";
import { buildTile } from "./tiles";
import { type Builder, SUBJECT_BY_ID, type Subject } from "./vocabulary";

/** What a rig switches on: a finer split of some builders (a blob is a slime or a spirit). */
export type SubjectKind =
  | "humanoid"
  | "animal"
  | "dragon"
  | "slime"
  | "spirit"
  | "item"
  | "vehicle"
  | "building"
  | "tile"
  | "plant"
  | "monster"
  | "sea"
  | "bird"
  | "insect"
  | "icon";

/** Borrowed rasters loaded before drawing (engine.ts iconNeeds): the subject and held item. */
export interface BuildIcons {
  subject?: IconRaster;
  held?: IconRaster;
  material?: GameMaterial;
  take?: number;
  /** how many drawings the subject's icon takes in turn by seed (Design.takes) */
  drawings?: number;
  /** an emoji of the subject whose colours a silhouette borrows */
  palette?: IconRaster;
}

export interface BuilderEntry {
  /** the kinds this builder draws (each kind has one builder) */
  kinds: readonly SubjectKind[];
  /** a vocabulary subject → the kind and variant its rig switches on */
  read(s: Subject): { kind: SubjectKind; variant: string };
  build(info: PromptInfo, rng: Rng, crng: Rng, size: number, icons: BuildIcons): Design;
  /**
   * Objects may take another colour scheme per seed without losing what they are; creatures
   * and characters keep their natural colours (a purple wolf is not a wolf).
   */
  object: boolean;
}

const after = (ref: string) => ref.slice(ref.indexOf(":") + 1);

export const BUILDERS: Readonly<Record<Builder, BuilderEntry>> = {
  humanoid: {
    kinds: ["humanoid"],
    // `role:knight` / `race:goblin`: the variant is the class; prompt.ts sets role and race
    read: (s) => ({ kind: "humanoid", variant: after(s.ref) }),
    build: (info, rng, crng, size, icons) =>
      buildHumanoid(info, rng, crng, size, icons.held, icons.take),
    object: false,
  },
  animal: {
    kinds: ["animal"],
    read: (s) => ({ kind: "animal", variant: s.ref }),
    build: (info, rng, crng, size, icons) => buildAnimal(info, rng, crng, size, icons.take),
    object: false,
  },
  dragon: {
    kinds: ["dragon"],
    // `dragon:eastern` is the wingless serpent dragon (serpent-dragon.ts)
    read: (s) => ({ kind: "dragon", variant: after(s.ref) === "eastern" ? "eastern" : "dragon" }),
    build: (info, rng, crng, size, icons) =>
      info.variant === "eastern"
        ? buildSerpentDragon(info, rng, crng, size)
        : buildDragon(info, rng, crng, size, icons.take),
    object: false,
  },
  blob: {
    kinds: ["slime", "spirit"],
    read: (s) =>
      s.ref === "slime"
        ? { kind: "slime", variant: "slime" }
        : { kind: "spirit", variant: s.ref === "wisp" ? "wisp" : "elemental" },
    build: (info, rng, crng, size, icons) => buildBlob(info, rng, crng, size, icons.take),
    object: true,
  },
  monster: {
    kinds: ["monster"],
    read: (s) => ({ kind: "monster", variant: s.ref }),
    build: (info, rng, crng, size, icons) => buildMonster(info, rng, crng, size, icons.take),
    object: false,
  },
  item: {
    kinds: ["item"],
    read: (s) => ({ kind: "item", variant: s.ref }),
    build: (info, rng, crng, size, icons) => buildItem(info, rng, crng, size, icons.take),
    object: true,
  },
  scenery: {
    kinds: ["vehicle", "building", "plant"],
    read: (s) => ({
      kind: s.category === "vehicle" ? "vehicle" : s.category === "building" ? "building" : "plant",
      variant: s.ref,
    }),
    build: (info, rng, crng, size, icons) => buildScenery(info, rng, crng, size, icons.take),
    object: true,
  },
  tile: {
    kinds: ["tile"],
    read: (s) => ({ kind: "tile", variant: s.ref }),
    build: (info, rng, crng, size) => buildTile(info, rng, crng, size),
    object: false,
  },
  sea: {
    kinds: ["sea"],
    // `sea:fish` / `sea:octopus` / `sea:squid`: sea-life.ts swims them (a fish species is the breed)
    read: (s) => ({ kind: "sea", variant: s.ref }),
    build: (info, rng, crng, size, icons) => buildSeaLife(info, rng, crng, size, icons.take),
    object: false,
  },
  bird: {
    kinds: ["bird"],
    // `bird:chicken` / `bird:owl` …: bird.ts hops and flies them (a species the prompt names is the breed)
    read: (s) => ({ kind: "bird", variant: s.ref }),
    build: (info, rng, crng, size, icons) => buildBird(info, rng, crng, size, icons.take),
    object: false,
  },
  insect: {
    kinds: ["insect"],
    // `insect:grasshopper` / `insect:bee` …: insect.ts walks them on six legs or flies them
    read: (s) => ({ kind: "insect", variant: s.ref }),
    build: (info, rng, crng, size, icons) => buildInsect(info, rng, crng, size, icons.take),
    object: false,
  },
  icon: {
    kinds: ["icon"],
    read: (s) => ({ kind: "icon", variant: s.ref }),
    build: (info, rng, crng, size, icons) =>
      icons.subject
        ? {
            ...buildIcon(info, rng, crng, size, icons.subject, {
              category: SUBJECT_BY_ID.get(info.subject)?.category,
              flip: rng.chance(0.3),
              material: icons.material,
              take: icons.take ?? 0,
              palette: icons.palette,
            }),
            takes: icons.drawings,
          }
        : // an icon that could not be loaded: a creature, reported by the interpretation
          buildMonster(info, rng, crng, size),
    object: true,
  },
};

const BY_KIND = new Map<SubjectKind, BuilderEntry>();
for (const b of Object.values(BUILDERS)) for (const k of b.kinds) BY_KIND.set(k, b);

/** The builder that draws a kind (a kind nobody claims draws a creature). */
export function builderForKind(kind: SubjectKind): BuilderEntry {
  return BY_KIND.get(kind) ?? BUILDERS.monster;
}
