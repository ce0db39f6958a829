// Part-based biped: legs, torso, arms, head, headgear, weapon. Geometry is expressed in units of
// k = size/32 so the same character reads at 16–64 px.
import { hexToRgb, mixRgb, rgbToHsv } from "../color";
import type { Rng } from "../prng";
import type { Rgb } from "../types";
import { beastHead, drawBeastHead, drawBeastTail } from "./beast-heads";
import { material, type SpriteCanvas } from "./canvas";
import {
  type BirdLimbMats,
  type CostumeCtx,
  drawApron,
  drawBeardTail,
  drawBirdLimbs,
  drawClub,
  drawCoat,
  drawCollar,
  drawCowboyHat,
  drawEyepatch,
  drawFaceMood,
  drawHairStyle,
  drawHelmHorns,
  drawKabuto,
  drawKatana,
  drawLamellar,
  drawPauldrons,
  drawPole,
  drawShell,
  drawShield,
  drawSkullStaff,
  drawSmokeTail,
  drawSpaceHelmet,
  drawTabard,
  drawTakeHeadwear,
  drawTakeWeapon,
  drawTalismanCap,
  drawTopknot,
  drawTorn,
  type FaceMarks,
  type HeadBox,
  HUMANOID_PARTS as P,
  POLE_TOOLS,
  TAKE_REACH,
} from "./costume-parts";
import {
  crownsRace,
  dressForRace,
  keepRank,
  RANK_BASE,
  RIG_HEAD_WEAR,
  wornHeadgear,
} from "./costumes";
import {
  type Design,
  HAIR_COLORS,
  hsvPick,
  Mats,
  type Pose,
  pickColor,
  SKIN_TONES,
  takeVary,
} from "./design";
import type { IconRaster } from "./emoji-art";
import { takeFor } from "./people-takes";
import type { PromptInfo } from "./prompt";

export type Headgear =
  | "helmet"
  | "wizard-hat"
  | "visor"
  | "hood"
  | "crown"
  | "tricorn"
  | "hair"
  | "skull"
  | "horned"
  | "wide-hat"
  | "chef-hat"
  | "bald"
  /** a work helmet with a brim: a firefighter's, a miner's, a builder's (colour: `hat`) */
  | "hard-hat"
  /** a close leather cap with goggles over the brow: an aviator's */
  | "flying-cap"
  /** a samurai's helmet: bowl, flared neck guard, gold crest; the face open */
  | "kabuto"
  /** a round helmet over the whole head with a dark visor */
  | "space-helmet"
  /** a tall dented crown and a wide brim curled up at the ends (colour: `hat`) */
  | "cowboy-hat"
  /** a shaved head with a topknot (a genie) */
  | "topknot"
  /** a Qing official's round cap with a talisman hanging over the face (a jiangshi) */
  | "talisman-cap"
  /** a steel cap with a nose guard, the face open (horns: `hornedHelm`) */
  | "open-helm"
  /** a shaved head with a crest of hair down the middle */
  | "mohawk"
  /** a wide conical hat of straw (a rice farmer's, a ronin's) */
  | "straw-hat"
  /** a thin gold band with a gem over the hair */
  | "tiara"
  /** a tall hat with a brim (colour: `hat`) */
  | "top-hat"
  /** a uniform cap: flat top, dark peak, gold badge (colour: `hat`) */
  | "peaked-cap"
  /** a cloth tied over the head, its ends hanging */
  | "bandana"
  /** a helmet with cheek guards and a red horsehair crest (a spartan's, a legionary's: `hat`) */
  | "crested-helm"
  /** a pharaoh's striped headcloth, its lappets down to the chest, and a gold collar */
  | "nemes";
/** A weapon a prompt can put in a hand ("a knight with an axe", HeldItem): the rig draws it. */
export type HeldWeapon =
  | "sword"
  | "staff"
  | "bow"
  | "dagger"
  | "axe"
  | "torch"
  | "hammer"
  | "spear"
  /** a monk's plain long wooden staff, no orb */
  | "bo"
  /** a red pole banded in gold at both ends (the monkey king's 金箍棒) */
  | "cudgel"
  /** a farmer's hoe, the farmer take's own (costume-parts.ts) */
  | "hoe";
export type Weapon =
  | HeldWeapon
  /** a fishing rod with its line (a look's own tool) */
  | "rod"
  | "katana"
  /** a heavy studded wooden club */
  | "club"
  /** a staff topped with a skull glowing in the `magic` colour */
  | "skull-staff"
  | "icon"
  /** the take weapons (people-takes.ts): drawn by costume-parts.ts drawTakeWeapon */
  | "greatsword"
  | "mace"
  | "cleaver"
  | "pitchfork"
  | "scythe"
  | "hoe"
  | "wand"
  | "pickaxe"
  | "cane"
  | "baton"
  /** a long haft with a heavy block head and a spike (a paladin's) */
  | "warhammer"
  | "none";

/** A class: what the character wears and carries. `base` keeps the look rules of the old variants. */
export interface RoleSpec {
  base: string;
  headgear?: Headgear;
  weapon?: Weapon;
  cloth?: string;
  robe?: boolean;
  cape?: boolean;
  /** the headgear's own colour (a red fire helmet, a yellow hard hat, a brown flying cap) */
  hat?: string;
  /** a mark on the chest, front and back: a medic's red cross on white */
  emblem?: "red-cross" | "badge" | "gold-cross" | "star";
  /** the cape's and the tabard's colour (a paladin's white; unset: the seed's second colour) */
  capeColor?: string;
  /** the body under the clothes: a sumo wrestler is big, a child small, an orc bulky */
  build?: "big" | "small" | "bulky" | "thin" | "hunched";
  /** no shirt: the torso and arms show skin (a wrestler) */
  bare?: boolean;
  /** what stands on the ground instead of legs: a lamia's coiled snake tail, a genie's smoke */
  lower?: "snake" | "smoke" | "fish";
  /** the staff ends in a shepherd's hook, not an orb */
  crook?: boolean;
  /** clothes to pick from per seed when `cloth` is not set (a zombie's faded shirts) */
  clothes?: string[];
  /** the hair's colour (a vampire's black) */
  hair?: string;
  /** ragged hem, a rip, bare feet (a zombie) */
  torn?: boolean;
  /** both arms held out in front at rest (a zombie, a mummy) */
  reach?: boolean;
  /** bandaged all over: clothes, legs and feet take the skin (a mummy) */
  wrapped?: boolean;
  /** a high collar rising behind the head (a vampire) */
  collar?: boolean;
  /** shoulder guards past the torso: spiked (an orc) or plates (a samurai's sode) */
  pauldron?: "spiked" | "plates" | "round";
  /** rows of plates across the torso (a samurai) */
  lamellar?: boolean;
  /** a long coat down to the knees (a pirate captain) */
  coat?: boolean;
  eyepatch?: boolean;
  /** the staff's glow and orb (a necromancer's green) */
  magic?: string;
  /** the trousers' colour (a vampire's black) */
  pants?: string;
  /** an apron's colour: a panel from the chest to the knees over the clothes (a shopkeeper) */
  apron?: string;
  /** a turtle's shell on the back */
  shell?: boolean;
  /** the shell's plates (costume-parts.ts drawShell): rows of bands (unset), scutes, none */
  shellMark?: "scutes" | "plain";
  /** the skin under the costume (a jiangshi's grey-green) */
  skin?: string;
  /** an open vest: skin shows down the chest and along the arms (a genie) */
  vest?: boolean;
  /** how the weapon rests at idle: held up, on the shoulder, planted on the ground */
  idle?: "raised" | "shoulder" | "planted";
  /** a shield on the free arm (on the back from behind): a kite, a round one or a tall tower */
  shield?: boolean | "round" | "tower";
  /** a cloth panel down the front over the armour, in the cape's colour */
  tabard?: boolean;
  /** a closed helmet's plume (unset: the seed decides) */
  plume?: boolean;
  /** horns on an open helm */
  hornedHelm?: boolean;
  hairStyle?: "long" | "bun";
  /** a beard below the chin (a dwarf's is short unless said) */
  beard?: "short" | "long" | "forked";
  /** pointed ears whatever the race (a nosferatu) */
  ears?: boolean;
  /** the look's own takes per seed (people-takes.ts), before its class's */
  takes?: readonly Partial<Omit<RoleSpec, "base" | "takes">>[];
}

export const ROLES: Record<string, RoleSpec> = {
  knight: { base: "knight" },
  soldier: { base: "knight", headgear: "helmet", weapon: "spear", cloth: "#5c6c8c", cape: false },
  warrior: { base: "person", headgear: "hair", weapon: "sword", cloth: "#8c3c2c" },
  barbarian: { base: "person", headgear: "hair", weapon: "axe", cloth: "#6c4424" },
  // horns on an open helm: the face and the beard under it show (a closed horned helm hid both)
  viking: {
    base: "person",
    headgear: "open-helm",
    hornedHelm: true,
    weapon: "axe",
    cloth: "#5c6c8c",
  },
  mage: { base: "mage" },
  witch: { base: "mage", headgear: "wizard-hat", weapon: "staff", cloth: "#34303e", robe: true },
  necromancer: {
    base: "mage",
    headgear: "hood",
    weapon: "skull-staff",
    cloth: "#2a2034",
    robe: true,
    magic: "#5cf06c",
  },
  priest: { base: "mage", headgear: "hood", weapon: "staff", cloth: "#eeeef2", robe: true },
  // eval-g: a nun and a 道士 were the priest's white hooded cleric; a nun wears a black habit
  // with a white band, a Taoist priest a yellow robe, his hair in a topknot and a sword
  nun: {
    base: "mage",
    headgear: "hood",
    weapon: "none",
    cloth: "#22222c",
    robe: true,
    capeColor: "#f2f2ec",
    tabard: true,
    hairStyle: "long",
  },
  taoist: { base: "person", headgear: "topknot", weapon: "sword", cloth: "#d8a838", robe: true },
  // a monk's bo is a plain long pole (eval-e: a mage's gem staff on the shaolin monk)
  monk: { base: "person", headgear: "bald", weapon: "bo", cloth: "#e0862a", robe: true },
  druid: { base: "mage", headgear: "hood", weapon: "staff", cloth: "#3c7c48", robe: true },
  archer: { base: "archer", cloth: "#44804c" },
  ninja: { base: "ninja" },
  assassin: { base: "ninja", headgear: "hood", weapon: "dagger", cloth: "#3c3450" },
  samurai: {
    base: "person",
    headgear: "kabuto",
    // black lacquer: a silver bowl reads as a knight's helm
    hat: "#34303e",
    weapon: "katana",
    cloth: "#a83c3c",
    lamellar: true,
    pauldron: "plates",
  },
  king: { base: RANK_BASE, weapon: "sword", cape: true },
  queen: { base: RANK_BASE, weapon: "staff", robe: true, cape: true },
  prince: { base: RANK_BASE, weapon: "sword" },
  princess: { base: RANK_BASE, weapon: "none", robe: true, cloth: "#f078b4" },
  pirate: { base: "pirate", eyepatch: true },
  captain: {
    base: "pirate",
    cloth: "#8c2c2c",
    weapon: "sword",
    coat: true,
    eyepatch: true,
    hat: "#24202c",
  },
  villager: { base: "person", headgear: "hair", weapon: "none", cloth: "#8c6c4c" },
  farmer: { base: "person", headgear: "wide-hat", cloth: "#5c7cb0" },
  // a shopkeeper's cream apron over a bright shirt (eval-f: the plain shirt read as anyone)
  merchant: {
    base: "person",
    headgear: "hair",
    cloth: "#8c48cc",
    apron: "#eee4cc",
  },
  // a leather apron over the shirt (the hammer says smith, the apron says craft)
  blacksmith: {
    base: "person",
    headgear: "bald",
    weapon: "hammer",
    cloth: "#5c4434",
    apron: "#3c2c24",
  },
  chef: { base: "person", headgear: "chef-hat", cloth: "#eeeef2" },
  bard: { base: "person", headgear: "wide-hat", cloth: "#d8383c" },
  // holy knights (#20: a paladin was a plain knight): white over the armour, a cross on the
  // tabard and the shield, a mace or a warhammer
  paladin: {
    base: "knight",
    weapon: "mace",
    shield: true,
    tabard: true,
    emblem: "gold-cross",
    capeColor: "#f0f0f4",
    cape: true,
    plume: false,
  },
  crusader: {
    base: "knight",
    weapon: "sword",
    shield: true,
    tabard: true,
    emblem: "red-cross",
    capeColor: "#f0f0f4",
    cape: true,
    plume: false,
  },
  // the ancient world: a crested helm, a bare chest under a red cloak, a round bronze shield
  spartan: {
    base: "person",
    headgear: "crested-helm",
    hat: "#c89040",
    weapon: "spear",
    shield: "round",
    bare: true,
    cape: true,
    capeColor: "#b02c2c",
    idle: "planted",
  },
  legionary: {
    base: "person",
    headgear: "crested-helm",
    hat: "#aab4c0",
    weapon: "sword",
    shield: "tower",
    cloth: "#a83030",
    lamellar: true,
    capeColor: "#a83030",
    cape: false,
  },
  gladiator: {
    base: "person",
    headgear: "crested-helm",
    hat: "#aab4c0",
    weapon: "sword",
    shield: "round",
    bare: true,
    pauldron: "round",
    cape: false,
  },
  pharaoh: {
    base: "person",
    headgear: "nemes",
    hat: "#2c4ca8",
    weapon: "staff",
    crook: true,
    cloth: "#f0ece0",
    robe: true,
    cape: false,
  },
  // the cavalier: a plumed hat, a blue tabard with a cross, a rapier
  musketeer: {
    base: "person",
    headgear: "wide-hat",
    hat: "#2c2c3c",
    plume: true,
    weapon: "sword",
    tabard: true,
    emblem: "gold-cross",
    capeColor: "#3c5cb0",
    cloth: "#3c5cb0",
    cape: true,
  },
  // a white face under black hair in a bun, a red kimono with its obi
  geisha: {
    base: "person",
    headgear: "hair",
    hairStyle: "bun",
    hair: "#1c1828",
    skin: "#f6ece8",
    cloth: "#c8283c",
    robe: true,
    weapon: "none",
    cape: false,
  },
  // the law in the west: the cowboy's hat and a star on the chest
  sheriff: {
    base: "person",
    headgear: "cowboy-hat",
    hat: "#6c4c30",
    weapon: "none",
    cloth: "#8c6c4c",
    emblem: "star",
    coat: false,
  },
  cowboy: {
    base: "person",
    headgear: "cowboy-hat",
    hat: "#c89858",
    weapon: "none",
    cloth: "#b07840",
  },
  // a Chinese hopping corpse: an official's robe and cap, a paper talisman, arms held out
  jiangshi: {
    base: "person",
    headgear: "talisman-cap",
    weapon: "none",
    cloth: "#2c3c6c",
    robe: true,
    reach: true,
    skin: "#a8c0a8",
    cape: false,
  },
  astronaut: {
    base: "person",
    headgear: "space-helmet",
    weapon: "none",
    cloth: "#eeeef2",
    cape: false,
  },
  robot: { base: "robot" },
  hero: { base: "person", headgear: "hair", weapon: "sword" },
  person: { base: "person" },
};

/** A harpy's feathers by seed: an eagle's browns, a tawny gold. */
const HARPY_FEATHERS = ["#8c5a30", "#6c4424", "#a87850", "#c89850"];

/** A race: the body under the clothes. */
interface RaceSpec {
  skin?: string;
  ears?: boolean;
  beard?: boolean;
  tusks?: boolean;
  horns?: boolean;
  /** leg length and head size, relative */
  legs?: number;
  head?: number;
  eyes?: string;
  look?: "skeleton" | "robot" | "mummy";
  cape?: string;
}

export const RACES: Record<string, RaceSpec> = {
  elf: { skin: "#f6d8c0", ears: true, legs: 1.1 },
  dwarf: { beard: true, legs: 0.7, head: 1.05 },
  orc: { skin: "#7c9c54", tusks: true, legs: 1 },
  // a long smoke tail under the body: the genie floats (eval-d: the short one went unseen)
  genie: { skin: "#4c8ce8", eyes: "#f8f0a0", legs: 1.45 },
  goblin: { skin: "#7cb04c", ears: true, legs: 0.75, head: 1.1, eyes: "#f8d040" },
  // small yellow eyes: dark ones vanished into the shaded teal face (eval-f: an ogre with no eyes)
  troll: { skin: "#6c9c8c", tusks: true, legs: 1.05, eyes: "#f0d848" },
  gnome: { beard: true, legs: 0.65, head: 1.05 },
  skeleton: { look: "skeleton" },
  zombie: { skin: "#8cac7c", eyes: "#d83c3c" },
  vampire: { skin: "#e8e0ec", eyes: "#e8283c", cape: "#5c1c2c" },
  lich: { look: "skeleton", eyes: "#48f0f0" },
  mummy: { look: "mummy", eyes: "#f8d040" },
  demon: { skin: "#c83c3c", horns: true, eyes: "#f8d040" },
  angel: { skin: "#f6d8c0" },
  robot: { look: "robot" },
};

/** Body proportions by build (multipliers on the seeded sizes). */
const BUILDS: Record<
  string,
  { head: number; torsoW: number; torsoH: number; legs: number; minTorsoW: number }
> = {
  normal: { head: 1, torsoW: 1, torsoH: 1, legs: 1, minTorsoW: 0 },
  // a sumo wrestler: a wide, deep trunk (never narrower than 18/32 of the sprite) on short legs
  big: { head: 1, torsoW: 1.75, torsoH: 1.35, legs: 0.8, minTorsoW: 18 },
  // a child: a big head on a small body
  small: { head: 1.1, torsoW: 0.8, torsoH: 0.75, legs: 0.6, minTorsoW: 0 },
  // an orc, a troll, a minotaur: broad shoulders on a deep trunk
  bulky: { head: 1, torsoW: 1.45, torsoH: 1.15, legs: 0.9, minTorsoW: 12 },
  // a vampire, an elf lord: narrow and tall
  thin: { head: 0.95, torsoW: 0.8, torsoH: 1.05, legs: 1.12, minTorsoW: 0 },
  // a zombie, a rat-man: the head sunk forward between the shoulders (HUNCH)
  hunched: { head: 1, torsoW: 1.05, torsoH: 1, legs: 0.9, minTorsoW: 0 },
};
/** How far a hunched build's head sinks, in k. */
const HUNCH = 1;
/** How far an old weapon reaches past the hand, in k (a planted blade's tip on the ground). */
const PLANTED_REACH: Readonly<Partial<Record<Weapon, number>>> = {
  sword: 11,
  dagger: 6,
  axe: 10,
  katana: 13,
  club: 9,
  hammer: 9,
  icon: 6,
};
/** Headwear a take may choose, drawn by costume-parts.ts drawTakeHeadwear. */
const TAKE_HEADWEAR: ReadonlySet<Headgear> = new Set<Headgear>([
  "open-helm",
  "crested-helm",
  "nemes",
  "mohawk",
  "straw-hat",
  "tiara",
  "top-hat",
  "peaked-cap",
  "bandana",
]);
/** Weapons a take may choose, drawn by costume-parts.ts drawTakeWeapon. */
const TAKE_WEAPONS: ReadonlySet<Weapon> = new Set<Weapon>([
  "greatsword",
  "mace",
  "cleaver",
  "pitchfork",
  "scythe",
  "hoe",
  "wand",
  "pickaxe",
  "cane",
  "baton",
  "bo",
  "warhammer",
  "cudgel",
]);
/** Take weapons that swing with a slash arc (a wand casts, a cane does not strike). */
const TAKE_SWUNG: ReadonlySet<Weapon> = new Set(
  [...TAKE_WEAPONS].filter((w) => w !== "wand" && w !== "cane"),
);

/**
 * The materials a derived look adds (hat colour, emblem, scales) — appended after the classes'
 * own, so every existing class keeps its material list — and a bare torso's skin.
 */
function lookMaterials(
  m: Mats,
  role: RoleSpec,
  info: PromptInfo,
  mat: { skin: number; cloth: number; pants: number; boots: number; accent: number },
): {
  hat?: number;
  emblem?: number;
  scales?: number;
  trim: number;
  glass: number;
  lining: number;
  shell?: number;
  apron?: number;
  straw?: number;
} {
  const skin = m.list[mat.skin]!;
  if (role.bare || role.wrapped) {
    for (const i of [mat.cloth, mat.pants, mat.boots]) m.list[i] = { ...skin };
    // the belt must stand out from any skin tone: dark indigo
    if (role.bare) m.list[mat.accent] = material(hexToRgb("#2c3470"));
  }
  // torn clothes go barefoot
  if (role.torn) m.list[mat.boots] = { ...skin };
  if (role.pants) m.list[mat.pants] = material(hexToRgb(role.pants));
  // costume colours only where a costume uses them, so other classes keep their palettes
  const cap = role.headgear === "talisman-cap";
  const cudgel = role.weapon === "cudgel" || info.held?.weapon === "cudgel";
  const gold =
    cap ||
    role.headgear === "kabuto" ||
    role.weapon === "katana" ||
    role.coat ||
    role.lamellar ||
    role.tabard ||
    role.weapon === "cane" ||
    role.emblem === "badge" ||
    role.headgear === "tiara" ||
    role.headgear === "peaked-cap" ||
    role.headgear === "nemes" ||
    // a crown is gold: in the seed's second colour (blue, brown, white) it read as a cap
    role.headgear === "crown" ||
    (!role.headgear && role.base === RANK_BASE) ||
    cudgel;
  const red =
    cudgel ||
    role.collar ||
    cap ||
    role.headgear === "bandana" ||
    role.headgear === "top-hat" ||
    role.headgear === "crested-helm";
  return {
    trim: gold ? m.add("#e8b830") : mat.accent,
    glass: role.headgear === "space-helmet" ? m.add("#2c3c6c", { flat: true }) : mat.accent,
    lining: red ? m.add("#c8283c") : mat.accent,
    straw: role.headgear === "straw-hat" ? m.add("#d8b868") : undefined,
    shell: role.shell ? m.add("#5c6c34") : undefined,
    apron: role.apron ? m.add(role.apron) : undefined,
    hat: role.hat ? m.add(role.hat) : undefined,
    emblem: role.emblem
      ? m.add(role.emblem === "red-cross" ? "#d8283c" : "#e8c040", { flat: true })
      : undefined,
    scales:
      role.lower === "snake"
        ? m.add(info.colors[0] ?? "#5ca848")
        : role.lower === "fish"
          ? m.add(info.colors[0] ?? "#34b0a8")
          : undefined,
  };
}

export function buildHumanoid(
  info: PromptInfo,
  rng: Rng,
  crng: Rng,
  size: number,
  heldIcon?: IconRaster,
  takeKey = 1,
): Design {
  // a look read from what the word means (person-roles.ts) wins over the class table
  const roleId = info.role ?? info.variant;
  const plain = !info.look && (roleId === "person" || !ROLES[roleId]);
  // a monster named alone wears its own costume (costumes.ts), a class over it keeps the class's
  const dressed = dressForRace(info.look ?? ROLES[roleId] ?? ROLES.person!, info.race, plain);
  // the seed's take (people-takes.ts); a worn thing the prompt names keeps the look's headgear
  // a horned troll is an oni (composites.ts): it takes the oni's own list
  const takeRace = info.race === "troll" && info.features.includes("horns") ? "oni" : info.race;
  // an old person with no calling takes an elder's takes (a cane, a crook, a shawl), not a
  // fighter's spear and axe
  const elder =
    !!info.aged && !info.look && !info.race && (roleId === "person" || roleId === "villager");
  // a rank over a costumed race ("vampire lord") takes the race's takes, crowned
  const ranked = crownsRace(info.look ?? ROLES[roleId] ?? ROLES.person!, info.race);
  // a person with no martial calling (a girl, a villager, a shopkeeper, a harpy) carries nothing
  // unasked: eval-f's "little girl in a red dress" held a dagger, its harpy a sword
  const civilian = !info.race && !dressed.weapon && dressed.base === "person";
  const armedOr = (w: Weapon): Weapon => (civilian ? "none" : w);
  const take1 = takeFor(
    civilian ? { ...dressed, weapon: "none" } : dressed,
    elder ? "elder" : roleId,
    takeRace,
    plain || ranked,
    takeKey,
  );
  const take0 = ranked ? keepRank(take1, dressed) : take1;
  const take = info.worn ? { ...take0, headgear: dressed.headgear } : take0;
  // "in a red hat": the hat's colour (wornHeadgear draws the hat), the clothes keep theirs
  const hatTint = info.worn && RIG_HEAD_WEAR.has(info.worn.id) ? info.worn.tint?.hex : undefined;
  const role1: RoleSpec = {
    ...dressed,
    ...take,
    ...(hatTint ? { hat: hatTint } : {}),
    // a bird's legs show: no gown over them
    ...(info.features.includes("talons") ? { robe: false } : {}),
  };
  // "a woman with a snake's body" (a lamia, a naga): a coiled tail instead of legs
  // a mermaid ("a woman with a fish tail"): a tail and a fin; both show bare arms (eval-e: a
  // naga in a hood and sleeves read as a person)
  const role: RoleSpec = personRole(
    info.features.includes("snake body")
      ? { ...role1, lower: "snake", vest: true }
      : info.features.includes("fish body")
        ? { ...role1, lower: "fish", vest: true }
        : role1,
    info,
    roleId,
    !!info.held,
  );
  const beast = info.race?.startsWith("beast:") ? info.race.slice(6) : undefined;
  const furRgb: Rgb = info.fur ?? hexToRgb(beastHead(beast).fur);
  // a black animal head keeps a black snout, a shade lighter so its shape shows (anubis)
  const darkFur = !!beast && rgbToHsv(...furRgb)[2] < 0.3;
  const beastMuzzle: Rgb = darkFur
    ? mixRgb(furRgb, [150, 140, 160], 0.3)
    : hexToRgb(beastHead(beast).muzzle ?? "#f0e0c8");
  // animal-folk draw their own ears and muzzle (drawBeastHead), not an elf's pointed ears
  const race: RaceSpec = beast ? {} : (RACES[info.race ?? ""] ?? {});
  const v = race.look === "skeleton" ? "skeleton" : race.look === "robot" ? "robot" : role.base;
  const k = size / 32;
  const m = new Mats();
  const main = pickColor(
    info,
    0,
    role.cloth ??
      (role.clothes ? crng.pick(role.clothes) : undefined) ??
      (race.look === "mummy"
        ? "#d8ccb0"
        : v === "mage"
          ? "#5c48c8"
          : v === "ninja"
            ? "#30303c"
            : v === "robot"
              ? "#9aa4b0"
              : hsvPick(crng)),
    crng,
    18,
  );
  const second = pickColor(
    info,
    1,
    crng.pick(["#c8a040", "#a83c3c", "#3c5cb0", "#6c4c30", "#e0e0e8"]),
    crng,
  );
  const metalBase =
    info.metal && info.colors[0]
      ? info.colors[0]
      : pickColor({ ...info, colors: [] }, 0, crng.pick(["#aab4c0", "#9ca6b4", "#b8bcc8"]), crng);

  const mat = {
    skin: m.add(
      v === "skeleton"
        ? "#e8e4d0"
        : v === "robot"
          ? "#7c8694"
          : beast
            ? furRgb
            : race.look === "mummy"
              ? "#d8ccb0"
              : // a colour named before a race word is the skin ("a green goblin")
                ((info.race && info.colors[0] && !race.look ? info.colors[0] : undefined) ??
                role.skin ??
                race.skin ??
                crng.pick(SKIN_TONES)),
    ),
    // an old person (prompt.ts `aged`) is grey-haired (and bearded, unless a woman)
    hair: m.add(agedHair(info, role.hair ?? crng.pick(HAIR_COLORS))),
    cloth: m.add(main),
    pants: m.add(crng.pick(["#4c4468", "#3c4c6c", "#5c4434", "#404048"])),
    boots: m.add(crng.pick(["#5c3c28", "#3c3030", "#6c4c30"])),
    metal: m.add(v === "knight" && info.colors[0] && !info.metal ? "#aab4c0" : metalBase),
    accent: m.add(second),
    // dark eyes vanish in black fur (anubis): a black animal head has gold ones
    eye: m.add(race.eyes ?? (beast && darkFur ? "#f8c840" : "#1c1828"), { flat: true }),
    // the dark between bones (rib gaps, nose hole, teeth): not the eye colour, which may glow
    hollow: m.add("#1c1828", { flat: true }),
    glow: m.add(v === "robot" ? "#48f0f0" : info.element === "fire" ? "#ffb030" : "#f8f0a0", {
      flat: true,
    }),
    slash: m.add("#f4f8ff", { flat: true, noOutline: true }),
    wood: m.add("#8c5a30"),
    orb: m.add(
      info.colors[1] ??
        (role.magic ? hexToRgb(role.magic) : undefined) ??
        (info.element === "fire" ? [255, 120, 40] : [90, 200, 255]),
      {
        flat: false,
      },
    ),
    cape: m.add(
      (info.worn?.id === "cape" && info.worn.tint ? hexToRgb(info.worn.tint.hex) : undefined) ??
        race.cape ??
        (v === "knight" && info.colors[0] ? info.colors[0] : undefined) ??
        role.capeColor ??
        second,
    ),
    tusk: m.add("#f4f0e0", { flat: true }),
    flame: m.add("#f8862a", { flat: true }),
    muzzle: m.add(beast ? beastMuzzle : "#f0e0c8"),
  };
  // a beak of its own colour only on an animal head that has one (the classes' lists stay)
  const beakMat = beast && beastHead(beast).beak ? m.add(beastHead(beast).beak!) : mat.flame;
  const heldMats = heldIcon ? heldIcon.colors.map((c) => m.add(c)) : [];

  // a race's skin took the named colour: clothes fall back to the role's own
  if (info.race && info.colors[0] && !race.look && (!beast || info.fur) && !info.colors[1])
    m.list[mat.cloth] = material(hexToRgb(role.cloth ?? hsvPick(crng)));
  // a derived look's extras get materials of their own, added last so the classes' lists
  // (and so their pixels) stay as they were
  const extra = lookMaterials(m, role, info, mat);
  // a harpy's feathered arms and bird feet (folk-parts.ts reads the words): their own materials,
  // added last so every other look keeps its lists
  const wingArms = info.features.includes("wing arms");
  const talons = info.features.includes("talons");
  const feather = wingArms || talons ? crng.pick(HARPY_FEATHERS) : undefined;
  const birdLimbs: BirdLimbMats | undefined = feather
    ? {
        feather: m.add(feather),
        featherDark: m.add(mixRgb(hexToRgb(feather), [32, 24, 42], 0.45)),
        talon: m.add("#e8b830"),
        claw: m.add("#3c3030", { flat: true }),
      }
    : undefined;
  /** the named hat's own colour, over the headgear's usual cloth, metal or gold */
  const hatWorn = hatTint ? extra.hat : undefined;
  const cc: CostumeCtx = {
    k: size / 32,
    px: (n: number) => Math.max(1, Math.round((n * size) / 32)),
    mat,
    trim: extra.trim,
    glass: extra.glass,
    lining: extra.lining,
    hat: extra.hat ?? mat.wood,
    straw: extra.straw ?? mat.wood,
  };

  const person = info.person;
  const faceShown = person?.sex === "female" || !!person?.mood;
  // a woman, a child or a young person has no beard, whatever the race or take drew
  const beardless = person?.sex === "female" || !!person?.age;
  const marks: FaceMarks | undefined =
    person?.mood || person?.sex === "female" || (info.aged && roleId === "witch")
      ? {
          mood: person?.mood,
          lips: person?.sex === "female" ? m.add("#c04858", { flat: true }) : undefined,
          red:
            person?.mood === "angry" || person?.mood === "evil"
              ? m.add("#e8283c", { flat: true })
              : undefined,
          water:
            person?.mood === "sad" || person?.mood === "scared"
              ? m.add("#58b8f0", { flat: true })
              : undefined,
          zzz: person?.mood === "sleepy" ? m.add("#e8f0ff", { flat: true }) : undefined,
          // a crone's long crooked nose (an old witch, a hag)
          nose: !!info.aged && roleId === "witch",
        }
      : undefined;
  const headgearOwn: Headgear =
    race.look === "skeleton" && role.base === "person" && !take.headgear
      ? "skull"
      : (role.headgear ??
        (race.look === "mummy" ? "bald" : race.cape ? "hair" : undefined) ??
        (v === "knight"
          ? "helmet"
          : v === "mage"
            ? "wizard-hat"
            : v === "robot"
              ? "visor"
              : v === "ninja" || v === "archer"
                ? "hood"
                : role.base === RANK_BASE
                  ? "crown"
                  : v === "pirate"
                    ? "tricorn"
                    : v === "skeleton"
                      ? "skull"
                      : hairShown(
                          info,
                          rng.pick(["hair", "hair", "hood", "helmet"] as Headgear[]),
                        )));
  // a hat, a cap, a helmet or a crown the prompt names is the rig's own, in the colour said of it
  const headgear0 = wornHeadgear(info.worn?.id, headgearOwn) ?? headgearOwn;
  // an animal head shows: a helmet, visor or hood would hide the ears and snout that say "fox";
  // so would a closed helmet on an orc, a troll or a demon (a grey knight in blue, not an orc)
  // pointed ears stick out of a hood: an elf's, a goblin's, a nosferatu's
  const ears = role.ears ?? race.ears;
  const faceRace =
    !!info.race &&
    !race.look &&
    !!(race.tusks || race.horns || race.ears || race.skin) &&
    info.race !== "angel";
  const headgear: Headgear =
    beast &&
    ["helmet", "horned", "visor", "hood", "hair", "skull", "open-helm", "mohawk"].includes(
      headgear0,
    )
      ? "bald"
      : // a lamia's face is what tells her from a snake: no closed helmet over it
        role.lower && !role.headgear && (headgear0 === "helmet" || headgear0 === "visor")
        ? "hair"
        : // an elf's hood leaves the face and ears out
          faceRace && ["helmet", "visor", ...(ears ? [] : ["hood"])].includes(headgear0)
          ? "bald"
          : // a woman's face and hair, or a mood, must show: the closed helm opens (#20)
            faceShown && v !== "robot" && ["helmet", "horned", "visor"].includes(headgear0)
            ? "open-helm"
            : headgear0;
  const hornedOpen = !!role.hornedHelm || (headgear === "open-helm" && headgear0 === "horned");
  // "with a red cape" names the cape the rig draws, not a cape icon carried in the hand
  const capeWorn = info.held?.id === "cape";
  const held = capeWorn ? undefined : info.held;
  const dual = held?.count === 2;
  const weapon: Weapon = held
    ? (held.weapon ?? "icon")
    : (role.weapon ??
      (v === "knight"
        ? rng.pick(["sword", "sword", "axe"] as Weapon[])
        : v === "mage" || v === RANK_BASE
          ? "staff"
          : v === "archer"
            ? "bow"
            : v === "ninja"
              ? "dagger"
              : v === "pirate" || v === "skeleton"
                ? "sword"
                : // a ghostly person with no role (a banshee) carries nothing: a staff or an
                  // axe made her a ghostly adventurer (she was the ghost emoji before)
                  info.form === "ghost"
                  ? "none"
                  : armedOr(rng.pick(["sword", "staff", "axe", "dagger", "none"] as Weapon[]))));
  const staffy = weapon === "staff" || weapon === "skull-staff";
  // a fishing line shows against any ground: dark, thin, never outlined
  const lineMat = weapon === "rod" ? m.add("#46464f", { flat: true, noOutline: true }) : mat.slash;
  const floatMat = weapon === "rod" ? m.add("#d8283c", { flat: true }) : mat.accent;
  // held upright at rest and kept inside the frame like a staff, without a staff's spell
  const tall = staffy || POLE_TOOLS.has(weapon);
  // swung up rather than out in a character's padded frame: a long reach would leave it
  const long = tall || weapon === "spear" || weapon === "greatsword";
  /**
   * The take's idle pose from the rest one: the weapon hand and the weapon's angle. `out` is the
   * screen side the hand is on; `side`, a profile facing right.
   */
  const idleGrip = (
    hand: [number, number],
    ang: number,
    shoulderY: number,
    armLen: number,
    out: number,
    side: boolean,
  ): [[number, number], number] => {
    const idle = role.idle;
    // a staff, a pole or a bow stands upright already: raised or planted it would tower over the
    // head and jump with every re-rolled frame
    if (
      !idle ||
      weapon === "bow" ||
      weapon === "torch" ||
      ((tall || weapon === "spear") && idle !== "shoulder")
    )
      return [hand, ang];
    // raised: held up high (a free hand waves)
    if (idle === "raised")
      return [
        [hand[0] + (side ? 2 * k : 0), shoulderY - 3 * k],
        side ? -Math.PI * 0.42 : -Math.PI / 2 + out * 0.2,
      ];
    if (weapon === "none") return [hand, ang];
    // on the shoulder: side-on sloping back over it, square on standing up beside the head
    if (idle === "shoulder")
      return [
        [hand[0] + (side ? k : -out * k), shoulderY + armLen * 0.4],
        side ? -Math.PI * 0.8 : -Math.PI / 2 + out * 0.12,
      ];
    // planted: a pole stands on its butt; a blade, a head or a cane points down to the ground
    const reach = (TAKE_REACH[weapon] ?? PLANTED_REACH[weapon] ?? 8) * k;
    return [
      [hand[0] + (side ? 2 * k : 0), Math.max(shoulderY + 2 * k, ground - reach - 2)],
      Math.PI / 2,
    ];
  };
  const hasCape =
    (role.cape ??
      (race.cape
        ? true
        : v === "knight" || v === RANK_BASE
          ? rng.chance(0.75)
          : // a cape behind a bare skeleton fills its open belly and reads as a skirt
            v !== "skeleton" && rng.chance(0.2))) ||
    capeWorn ||
    info.worn?.id === "cape";
  const robe = role.robe ?? (v === "mage" || (v === RANK_BASE && rng.chance(0.5)));
  const hairStyle = rng.int(0, 2);
  const plume = role.plume ?? (headgear === "helmet" && rng.chance(0.6));

  // proportions (chibi: big head) — seeded so different seeds give different builds
  const px = (n: number) => Math.max(1, Math.round(n * k));
  const build = BUILDS[role.build ?? "normal"]!;
  const headW = px(rng.pick([10, 10, 11, 12]) * (race.head ?? 1) * build.head) & ~1;
  const headH = px(rng.pick([8, 9, 10]) * (race.head ?? 1) * build.head);
  const torsoW =
    Math.max(
      px(build.minTorsoW),
      px(rng.pick([8, 10, 10, 12]) * (race.beard ? 1.15 : 1) * build.torsoW),
    ) & ~1;
  const torsoH = px(rng.pick([6, 7, 8]) * build.torsoH);
  const legLen = px(rng.pick([7, 8, 8, 9]) * (race.legs ?? 1) * build.legs);
  const bony = v === "skeleton";
  // bones are thinner than sleeves: at 32 px a 1-px arm reads as a bone, a 2-px one as a sleeve
  const limb = bony ? Math.max(0.6, 0.8 * k) : Math.max(0.8, 1.2 * k);
  const armMat = (bony && !robe) || role.vest ? mat.skin : mat.cloth;
  const ground = size - 2;
  const cx = size / 2;
  const hunch = role.build === "hunched" ? px(HUNCH) : 0;
  /** the body pieces a costume adds over the torso (costume-parts.ts) */
  const dressTorso = (
    c: SpriteCanvas,
    view: Pose["view"],
    x: number,
    tx0: number,
    tx1: number,
    torsoTop: number,
    hipY: number,
  ) => {
    if (role.lamellar) drawLamellar(c, cc, tx0, tx1, torsoTop, hipY);
    if (role.tabard) {
      drawTabard(c, cc, view, x, tx0, tx1, torsoTop, hipY + legLen * 0.4);
      drawEmblem(c, x, tx0, tx1, torsoTop, hipY, view === "back", true);
    }
    // knee-high at most: a longer skirt hides the legs and the walk's passing frames stop reading
    if (role.coat) drawCoat(c, cc, view, x, tx0, tx1, torsoTop, hipY, hipY + legLen * 0.45);
    if (role.torn) drawTorn(c, cc, tx0, tx1, torsoTop, hipY);
    if (extra.apron !== undefined)
      drawApron(c, cc, extra.apron, view, tx0, tx1, torsoTop, hipY, hipY + legLen * 0.5);
    if (role.vest && view !== "back") {
      const mid = Math.round(x);
      c.rect(mid - px(1), torsoTop + 1, mid + px(1) - 1, hipY - px(2), mat.skin, P.torso);
    }
    if (extra.shell !== undefined)
      drawShell(c, cc, extra.shell, view, x, tx0, tx1, torsoTop, hipY, role.shellMark);
    if (role.collar)
      drawCollar(c, cc, view, x, headW, torsoTop, torsoTop - headH + hunch + headH * 0.5);
  };

  /** the role's shield, its shape and, for a holy order, its cross */
  const shieldAt = (c: SpriteCanvas, view: Pose["view"], sx: number, sy: number) =>
    drawShield(
      c,
      cc,
      view,
      sx,
      sy,
      role.shield === true ? "kite" : role.shield || "kite",
      role.emblem && role.emblem !== "badge" && role.emblem !== "star" ? extra.emblem : undefined,
    );

  let flick = 0;
  let attackNow = 0;
  const drawWeapon = (c: SpriteCanvas, hx: number, hy: number, ang: number, side: boolean) => {
    // ang: radians, 0 = pointing right, -PI/2 = up
    const dx = Math.cos(ang);
    const dy = Math.sin(ang);
    if (weapon === "none") return;
    if (weapon === "katana") return drawKatana(c, cc, hx, hy, ang);
    if (weapon === "club") return drawClub(c, cc, hx, hy, ang);
    if (weapon === "skull-staff") return drawSkullStaff(c, cc, hx, hy, ang, side);
    // a bo leans out across the body, its foot by the feet: upright it hid behind the arm
    if (weapon === "bo" && !attackNow)
      return drawTakeWeapon(c, cc, weapon, hx, hy, -Math.PI / 2 + (Math.sign(dx) || 1) * 0.4);
    if (TAKE_WEAPONS.has(weapon)) return drawTakeWeapon(c, cc, weapon, hx, hy, ang);
    if (weapon === "sword" || weapon === "dagger") {
      const L = (weapon === "sword" ? 11 : 6) * k;
      c.capsule(hx - dx * 2 * k, hy - dy * 2 * k, hx, hy, 0.6 * k + 0.2, mat.wood, P.weapon);
      c.capsule(
        hx + dx * k,
        hy + dy * k,
        hx + dx * L,
        hy + dy * L,
        Math.max(0.6, 0.9 * k),
        mat.metal,
        P.weapon,
      );
      // cross-guard perpendicular to the blade
      c.capsule(
        hx - dy * 2.2 * k,
        hy + dx * 2.2 * k,
        hx + dy * 2.2 * k,
        hy - dx * 2.2 * k,
        0.5 * k + 0.2,
        mat.accent,
        P.weapon,
      );
    } else if (weapon === "axe") {
      const L = 10 * k;
      drawPole(c, cc, hx, hy, dx, dy, 2, L, 0.6);
      const ex = hx + dx * (L - 2 * k);
      const ey = hy + dy * (L - 2 * k);
      c.ellipse(
        ex - dy * 2 * k,
        ey + dx * 2 * k,
        2.4 * k + 0.3,
        2.4 * k + 0.3,
        mat.metal,
        P.weapon,
      );
    } else if (weapon === "staff") {
      const L = side ? 14 * k : 16 * k;
      drawPole(c, cc, hx, hy, dx, dy, 4, L);
      if (role.crook) {
        // a shepherd's crook: the pole bends over into a hook instead of carrying an orb
        const R = 1.8 * k + 0.3;
        // centre beside the tip, on the side the pole leans to; the arc starts at the tip
        const nx = -dy;
        const ny = dx;
        const ox = hx + dx * L + nx * R;
        const oy = hy + dy * L + ny * R;
        for (let a = 0; a <= Math.PI * 1.25; a += 0.1)
          c.plot(
            ox + R * (-nx * Math.cos(a) + dx * Math.sin(a)),
            oy + R * (-ny * Math.cos(a) + dy * Math.sin(a)),
            mat.wood,
            P.weapon,
          );
      } else
        c.ellipse(
          hx + dx * (L + 1.5 * k),
          hy + dy * (L + 1.5 * k),
          1.9 * k + 0.2,
          1.9 * k + 0.2,
          mat.orb,
          P.fx,
        );
    } else if (weapon === "rod") {
      // a fishing rod: a long thin pole leaning out over the water, its line hanging from the tip
      // to a red and white float low beside the feet (eval-e: a short upright rod read as a stick)
      const out = Math.sign(dx) || 1;
      const ra = -Math.PI / 2 + out * 0.5;
      const rdx = Math.cos(ra);
      const rdy = Math.sin(ra);
      // long, but the tip and its line stay inside the frame
      const room = out > 0 ? (size - 2 - hx) / rdx : (hx - 1) / -rdx;
      const L = Math.max(4 * k, Math.min(17 * k, room, (hy - 2) / -rdy));
      drawPole(c, cc, hx, hy, rdx, rdy, 3, L, 0.35);
      const tx = Math.round(hx + rdx * L);
      const ty = Math.round(hy + rdy * L);
      const fy = Math.max(ty + px(3), ground - px(5));
      c.line(tx, ty + 1, tx, fy - 1, lineMat, P.fx);
      c.rect(tx, fy, tx + px(1) - 1, fy + px(1) - 1, mat.glow, P.fx);
      c.rect(tx, fy + px(1), tx + px(1) - 1, fy + px(2) - 1, floatMat, P.fx);
    } else if (weapon === "torch" || weapon === "hammer" || weapon === "spear") {
      const L = (weapon === "spear" ? 15 : weapon === "hammer" ? 8 : 7) * k;
      drawPole(c, cc, hx, hy, dx, dy, 2, L);
      const ex = hx + dx * L;
      const ey = hy + dy * L;
      if (weapon === "hammer") {
        // a square-cornered block across the haft's end, the haft's tip showing through it: a
        // rounded head read as an axe's blade at 32 px (eval-f's blacksmith)
        const a = 3 * k;
        const b = 1.8 * k + 0.3;
        const cxh = ex - dx * 0.6 * k;
        const cyh = ey - dy * 0.6 * k;
        c.poly(
          [
            [cxh - dy * a - dx * b, cyh + dx * a - dy * b],
            [cxh + dy * a - dx * b, cyh - dx * a - dy * b],
            [cxh + dy * a + dx * b, cyh - dx * a + dy * b],
            [cxh - dy * a + dx * b, cyh + dx * a + dy * b],
          ],
          mat.metal,
          P.weapon,
        );
      } else if (weapon === "spear")
        c.poly(
          [
            [ex - dy * 1.3 * k, ey + dx * 1.3 * k],
            [ex + dx * 4 * k, ey + dy * 4 * k],
            [ex + dy * 1.3 * k, ey - dx * 1.3 * k],
          ],
          mat.metal,
          P.weapon,
        );
      else {
        // torch: a flame that flickers with the frame phase
        const f = Math.round(flick * 4) % 2;
        c.ellipse(
          ex + dx * 1.5 * k,
          ey + dy * 1.5 * k - k,
          1.6 * k + 0.3,
          2.2 * k + 0.3,
          mat.flame,
          P.fx,
        );
        c.ellipse(
          ex + dx * 1.5 * k + (f ? 0.6 : -0.6),
          ey + dy * 1.5 * k - 1.6 * k,
          0.8 * k + 0.2,
          1.2 * k + 0.2,
          mat.glow,
          P.fx,
        );
      }
    } else if (weapon === "icon" && heldIcon) {
      // any drawable item at hand scale: stamp the restyled icon centred on the grip
      const ox = Math.round(hx - heldIcon.w / 2 + dx * heldIcon.w * 0.25);
      const oy = Math.round(hy - heldIcon.h * 0.75);
      for (let y = 0; y < heldIcon.h; y++)
        for (let x = 0; x < heldIcon.w; x++) {
          const q = heldIcon.idx[y * heldIcon.w + x]!;
          if (q >= 0)
            c.plot(
              ox + x,
              oy + y,
              heldMats[q]!,
              P.weapon,
              heldIcon.shade[y * heldIcon.w + x]! < 0 ? 1 : 2,
            );
        }
    } else if (weapon === "bow") {
      // arc perpendicular to the aim direction
      const nx = -dy;
      const ny = dx;
      const R = 6 * k;
      for (let a = -1.2; a <= 1.2; a += 0.12) {
        const px = hx + dx * Math.cos(a) * R * 0.5 + nx * Math.sin(a) * R;
        const py = hy + dy * Math.cos(a) * R * 0.5 + ny * Math.sin(a) * R;
        c.plot(px, py, mat.wood, P.weapon);
      }
      c.line(
        hx + nx * R * 0.93,
        hy + ny * R * 0.93,
        hx - nx * R * 0.93,
        hy - ny * R * 0.93,
        mat.slash,
        P.fx,
        2,
      );
    }
  };

  /**
   * A skull on the head block: a wide cranium over a narrower jaw (cheeks cut away), deep eye
   * sockets, a nose hole, and a row of teeth; in profile one socket, the nose hole at the front
   * edge and the jaw under the face half. From behind only the cranium's shape shows.
   */
  const drawSkullFace = (
    c: SpriteCanvas,
    view: Pose["view"],
    x0: number,
    x1: number,
    y1: number,
    eyeY: number,
  ) => {
    const big = size >= 40;
    const jawH = px(2);
    const teethY = y1 - jawH + 1;
    if (view === "back") {
      for (let y = teethY + 1; y <= y1; y++) {
        for (let d = 0; d < px(2); d++) {
          c.erase(x0 + d, y);
          c.erase(x1 - d, y);
        }
      }
      return;
    }
    const sockW = big ? px(2) + 1 : 2;
    const sockH = big ? px(2) : 2;
    const sockTop = Math.min(eyeY - 1, teethY - sockH - px(1));
    if (view === "front") {
      const mid = (x0 + x1) / 2;
      const gap = Math.max(2, Math.round((x1 - x0 + 1) * 0.16));
      const lx1 = Math.floor(mid - gap / 2);
      const rx0 = Math.ceil(mid + gap / 2);
      c.rect(lx1 - sockW + 1, sockTop, lx1, sockTop + sockH - 1, mat.eye, P.face);
      c.rect(rx0, sockTop, rx0 + sockW - 1, sockTop + sockH - 1, mat.eye, P.face);
      // nose hole: one dark pixel (an inverted V when there is room) between the sockets
      const ny = sockTop + sockH;
      if (ny < teethY) {
        c.rect(Math.floor(mid), ny, Math.ceil(mid), ny, mat.hollow, P.face);
      }
      // cheeks cut away under the cranium: the jaw is narrower than the skull
      for (let y = teethY; y <= y1; y++) {
        const cut = y === teethY ? 1 : px(2);
        for (let d = 0; d < cut; d++) {
          c.erase(x0 + d, y);
          c.erase(x1 - d, y);
        }
      }
      // teeth: alternate bone and gap along the mouth line
      for (let x = x0 + px(2); x <= x1 - px(2); x++)
        if ((x - x0) % 2 === 1)
          c.rect(x, teethY, x, teethY + Math.max(0, px(1) - 1), mat.hollow, P.face);
      return;
    }
    // profile, facing right: socket near the front, nose hole at the front edge, jaw below
    c.rect(x1 - px(2) - sockW + 1, sockTop, x1 - px(2), sockTop + sockH - 1, mat.eye, P.face);
    const ny = sockTop + sockH;
    if (ny < teethY) c.plot(x1, ny, mat.hollow, P.face);
    for (let y = teethY; y <= y1; y++)
      for (let d = 0; d < (y === teethY ? 1 : px(3)); d++) c.erase(x0 + d, y);
    for (let x = x1 - px(3); x <= x1; x++)
      if ((x1 - x) % 2 === 1)
        c.rect(x, teethY, x, teethY + Math.max(0, px(1) - 1), mat.hollow, P.face);
  };

  /**
   * A hard hat (dome and brim, the brim longer at the back like a fire helmet's) or a flying cap
   * (leather over the crown and ears, goggles on the brow) in the look's hat colour.
   */
  const drawWorkHat = (
    c: SpriteCanvas,
    { view, hx, x0, x1, y0, y1, eyeY }: HeadBox,
    hairTop: (mat0: number, part: number, depth: number) => void,
  ) => {
    const hat = extra.hat ?? mat.accent;
    if (headgear === "hard-hat") {
      hairTop(mat.hair, P.hat, Math.max(2, Math.round(headH * 0.3)));
      c.ellipse(hx, y0 + 1, headW / 2 + 0.5, px(3), hat, P.hat);
      c.rect(x0, y0 + 1, x1, y0 + px(1), hat, P.hat);
      const back = view === "side" ? px(2) : px(1);
      c.rect(x0 - back, y0 + px(1) + 1, x1 + px(1), y0 + px(1) + 1, hat, P.hat);
      // a crest ridge down the middle: the fire helmet's comb, seen from the front
      if (view !== "side") c.rect(hx - 1, y0 - px(2), hx, y0 + 1, hat, P.hat, 1);
      return;
    }
    const depth = Math.max(2, Math.round(headH * 0.35));
    hairTop(hat, P.hat, depth);
    if (view === "front") {
      c.rect(x0, y0, x0, y1 - 1, hat, P.hat);
      c.rect(x1, y0, x1, y1 - 1, hat, P.hat);
    } else if (view === "side") c.rect(x0, y0, x0 + px(2), y1 - 1, hat, P.hat);
    if (view === "back") return;
    // goggles pushed up on the brow: a strap and two round glass lenses
    const gy = Math.max(y0 + 1, eyeY - 2);
    c.rect(x0, gy, x1, gy, mat.boots, P.hat);
    const ex = Math.max(1, Math.round(headW * 0.22));
    const lenses = view === "front" ? [hx - ex - 1, hx + ex] : [x1 - px(2)];
    for (const lx of lenses) {
      c.rect(lx - 1, gy - 1, lx + 1, gy, mat.orb, P.hat);
      c.plot(lx, gy - 1, mat.glow, P.hat);
    }
  };

  const drawHead = (c: SpriteCanvas, view: Pose["view"], hx: number, top: number, pitch = 0) => {
    drawHeadBase(c, view, hx, top, pitch);
    if (!marks) return;
    const x0 = Math.round(hx - headW / 2);
    const x1 = x0 + headW - 1;
    const high = pitch >= 2 && view !== "side" ? 1 : 0;
    const eyeY = top + Math.round(headH * 0.5) + high;
    const ex = Math.max(1, Math.round(headW * 0.22));
    const eyes = view === "side" ? [x1 - px(2)] : [cx - ex - 1, cx + ex];
    const hidden =
      bony || ["visor", "space-helmet", "skull", "helmet", "horned"].includes(headgear);
    drawFaceMood(
      c,
      cc,
      { view, hx, x0, x1, y0: top, y1: top + headH - 1, eyeY },
      eyes,
      size >= 40 ? 2 : 1,
      marks,
      { brows: !hidden, mouth: !hidden && v !== "ninja" },
    );
  };

  const drawHeadBase = (
    c: SpriteCanvas,
    view: Pose["view"],
    hx: number,
    top: number,
    pitch = 0,
  ) => {
    const x0 = Math.round(hx - headW / 2);
    const x1 = x0 + headW - 1;
    const y0 = top;
    const y1 = top + headH - 1;
    const skinMat = headgear === "skull" ? mat.skin : mat.skin;
    c.rect(x0, y0, x1, y1, skinMat, P.head);
    // rounded corners read as a head, square reads as a box
    for (const [x, y] of [
      [x0, y0],
      [x1, y0],
      [x0, y1],
      [x1, y1],
    ] as const)
      c.erase(x, y);
    // seen from higher up, more of the top of the head shows and the face sits lower
    const high = pitch >= 2 && view !== "side" ? 1 : 0;
    const eyeY = y0 + Math.round(headH * 0.5) + high;
    const eh = size >= 40 ? 2 : 1;
    const face = view !== "back";
    const sideEyeX = x1 - px(2);
    if (ears) {
      // pointed ears sticking out and up at eye height
      const ey = eyeY - 1;
      for (const [sx, dir] of (view === "side"
        ? [[x0, -1]]
        : [
            [x0, -1],
            [x1, 1],
          ]) as [number, number][]) {
        c.plot(sx + dir, ey, mat.skin, P.head);
        c.plot(sx + dir, ey - 1, mat.skin, P.head);
        c.plot(sx + 2 * dir, ey - 1 - Math.round(k), mat.skin, P.head);
      }
    }
    if (race.horns)
      // a demon's horns curve out from the brow and up, the tips turned in: a crescent each (two
      // straight spikes read as antlers beside a feature's second pair, eval-f)
      for (const [sx, dir] of [
        [x0 + 1, -1],
        [x1 - 1, 1],
      ] as [number, number][]) {
        const r = 0.55 * k + 0.2;
        const bx = sx + dir * 1.4 * k;
        const by = y0 - 1.2 * k;
        c.capsule(sx, y0 + 0.5 * k, bx, by, r + 0.2, mat.tusk, P.hat);
        c.capsule(bx, by, bx + dir * 0.2 * k, y0 - 3.2 * k, r, mat.tusk, P.hat);
        c.capsule(
          bx + dir * 0.2 * k,
          y0 - 3.2 * k,
          bx - dir * 0.6 * k,
          y0 - 4.2 * k,
          r * 0.7,
          mat.tusk,
          P.hat,
        );
      }
    // headgear
    if (headgear === "helmet" || headgear === "horned") {
      c.rect(x0, y0, x1, y1, hatWorn ?? mat.metal, P.hat);
      for (const [x, y] of [
        [x0, y0],
        [x1, y0],
      ] as const)
        c.erase(x, y);
      if (face) {
        if (view === "front") c.rect(x0 + px(2), eyeY, x1 - px(2), eyeY + eh - 1, mat.eye, P.face);
        else c.rect(cx + 1, eyeY, x1, eyeY + eh - 1, mat.eye, P.face);
      }
      if (headgear === "horned") drawHelmHorns(c, cc, { view, hx, x0, x1, y0, y1, eyeY });
      else if (plume)
        c.capsule(
          hx - (view === "side" ? 2 * k : 0),
          y0 - 1,
          hx - (view === "side" ? 5 * k : 0),
          y0 - 3 * k,
          1.1 * k,
          mat.cape,
          P.hat,
        );
      return;
    }
    if (headgear === "visor") {
      c.rect(x0, y0, x1, y1, mat.metal, P.hat);
      if (face) c.rect(view === "front" ? x0 + 1 : hx, eyeY - 1, x1 - 1, eyeY, mat.glow, P.face);
      c.line(hx, y0 - 1, hx, y0 - px(3), mat.metal, P.hat);
      c.plot(hx, y0 - px(3) - 1, mat.glow, P.fx);
      return;
    }
    if (bony) drawSkullFace(c, view, x0, x1, y1, eyeY);
    else if (face) {
      if (view === "front") {
        const ex = Math.max(1, Math.round(headW * 0.22));
        c.rect(cx - ex - 1, eyeY, cx - ex - 1, eyeY + eh - 1, mat.eye, P.face);
        c.rect(cx + ex, eyeY, cx + ex, eyeY + eh - 1, mat.eye, P.face);
      } else {
        c.rect(sideEyeX, eyeY, sideEyeX, eyeY + eh - 1, mat.eye, P.face);
        c.plot(x1 + 1, eyeY + 1, mat.skin, P.head); // nose
      }
    }
    if (beast)
      drawBeastHead(
        c,
        beastHead(beast),
        { ...mat, beak: beakMat },
        P,
        { view, hx, x0, x1, y0, y1, eyeY },
        size,
      );
    const hairTop = (mat0: number, part: number, depth0: number) => {
      const depth = depth0 + high;
      c.rect(x0, y0, x1, y0 + depth - 1, mat0, part);
      c.erase(x0, y0);
      c.erase(x1, y0);
      if (view === "back") c.rect(x0, y0, x1, y1 - 1, mat0, part);
      else if (view === "side") c.rect(x0, y0, hx - 1, y1 - (hairStyle === 2 ? 0 : 2), mat0, part);
      else {
        c.rect(x0, y0, x0, y0 + depth + 1 + hairStyle, mat0, part);
        c.rect(x1, y0, x1, y0 + depth + 1 + hairStyle, mat0, part);
      }
    };
    const box: HeadBox = { view, hx, x0, x1, y0, y1, eyeY };
    // a woman's long hair falls out of her hood (a hood alone hid who she was)
    if (
      role.hairStyle &&
      (headgear !== "hood" || info.person?.sex === "female") &&
      headgear !== "skull" &&
      headgear !== "bald"
    )
      drawHairStyle(c, cc, box, role.hairStyle);
    if ((race.beard || info.aged === "beard" || role.beard) && face && !beardless)
      c.rect(
        view === "side" ? hx : x0 + 1,
        eyeY + eh + 1,
        x1 - (view === "side" ? 0 : 1),
        y1 + px(2),
        mat.hair,
        P.face,
        info.aged ? 2 : -1,
      );
    if ((role.beard === "long" || role.beard === "forked") && face && !beardless)
      drawBeardTail(c, cc, box, role.beard);
    if (race.tusks && face) {
      // two pixels tall: one pixel reads as a stray tooth, two as tusks
      const ty = y1 - Math.max(1, px(1));
      if (view === "front") {
        c.rect(x0 + 2, ty, x0 + 2, y1, mat.tusk, P.face);
        c.rect(x1 - 2, ty, x1 - 2, y1, mat.tusk, P.face);
      } else c.rect(x1 - 1, ty, x1 - 1, y1, mat.tusk, P.face);
    }
    if (role.eyepatch) drawEyepatch(c, cc, view, x0, x1, cx, headW, eyeY);
    if (TAKE_HEADWEAR.has(headgear))
      return drawTakeHeadwear(c, cc, box, headgear, hairTop, hornedOpen);
    if (headgear === "kabuto") return drawKabuto(c, cc, box, extra.hat);
    if (headgear === "space-helmet") return drawSpaceHelmet(c, cc, box);
    if (headgear === "topknot") return drawTopknot(c, cc, hx, y0);
    if (headgear === "talisman-cap") return drawTalismanCap(c, cc, box);
    if (headgear === "cowboy-hat") {
      // the hat sits low: the brim hides the fringe, so no hair colour reads as a headband
      hairTop(mat.hair, P.hat, 2);
      return drawCowboyHat(c, cc, { ...box, y0: y0 + 1 });
    }
    if (headgear === "hard-hat" || headgear === "flying-cap") {
      drawWorkHat(c, box, hairTop);
      return;
    }
    if (headgear === "wide-hat" || headgear === "chef-hat") {
      hairTop(mat.hair, P.hat, Math.max(2, Math.round(headH * 0.3)));
      if (headgear === "wide-hat") {
        // a plumed hat (a musketeer's) is in its own colour, a feather sweeping up off the brim
        const felt = hatWorn ?? (role.plume && extra.hat !== undefined ? extra.hat : mat.wood);
        c.rect(x0 - px(2), y0, x1 + px(2), y0 + Math.max(0, px(1) - 1), felt, P.hat);
        c.rect(x0 + 1, y0 - px(3), x1 - 1, y0, felt, P.hat);
        if (role.plume) {
          const fx = view === "side" ? x0 - px(1) : x1;
          const dir = view === "side" ? -1 : 1;
          c.capsule(
            fx - dir * px(2),
            y0 - px(2),
            fx + dir * px(2),
            y0 - px(5),
            0.8 * k,
            mat.tusk,
            P.hat,
          );
        }
      } else {
        c.rect(x0 + 1, y0 - px(4), x1 - 1, y0 + 1, mat.tusk, P.hat);
        c.ellipse(hx, y0 - px(4), headW / 2 + 0.5, 2 * k + 0.3, mat.tusk, P.hat);
      }
      return;
    }
    if (headgear === "hair" || headgear === "crown" || headgear === "tricorn")
      hairTop(mat.hair, P.hat, Math.max(2, Math.round(headH * 0.3)));
    if (headgear === "hood") {
      hairTop(mat.cloth, P.hat, Math.max(2, Math.round(headH * 0.35)));
      if (view === "front") {
        c.rect(x0, y0, x0, y1, mat.cloth, P.hat);
        c.rect(x1, y0, x1, y1, mat.cloth, P.hat);
        if (v === "ninja") c.rect(x0 + 1, eyeY + eh, x1 - 1, y1, mat.cloth, P.hat);
      } else if (view === "side" && v === "ninja") c.rect(hx, eyeY + eh, x1, y1, mat.cloth, P.hat);
    }
    if (headgear === "crown") {
      const cy = y0 - px(2);
      const gold = hatWorn ?? extra.trim;
      c.rect(x0 + 1, cy, x1 - 1, y0, gold, P.hat);
      for (let x = x0 + 1; x <= x1 - 1; x += 2) c.plot(x, cy - 1, gold, P.hat);
    }
    if (headgear === "tricorn") {
      const tri = extra.hat ?? mat.pants;
      c.rect(x0 - px(1), y0 - 1, x1 + px(1), y0, tri, P.hat);
      c.poly(
        [
          [x0, y0 - 1],
          [hx, y0 - px(4)],
          [x1 + 1, y0 - 1],
        ],
        tri,
        P.hat,
      );
      // a captain's gold-trimmed brim
      if (role.coat) c.rect(x0 - px(1), y0, x1 + px(1), y0, extra.trim, P.hat);
    }
    if (headgear === "wizard-hat") {
      const brimY = y0 + px(2);
      const felt = hatWorn ?? mat.cloth;
      c.rect(x0 - px(2), brimY - 1, x1 + px(2), brimY, felt, P.hat);
      const tipX = hx + (view === "side" ? -4 * k : hatTip * k * 0.5);
      c.poly(
        [
          [x0, brimY - 1],
          [tipX, y0 - 9 * k],
          [x1 + 1, brimY - 1],
        ],
        felt,
        P.hat,
      );
      c.rect(x0, brimY - 2, x1, brimY - 2, mat.accent, P.belt);
      if (view === "back") c.rect(x0, brimY, x1, y1 - 1, mat.hair, P.hat);
    }
  };

  /**
   * A bare ribcage in place of the clothed torso: collarbone row, ribs with dark gaps, the spine
   * down the middle (at the back edge in profile), an open belly where only the spine shows, and
   * a pelvis. Drawn instead of the clothed torso, so whatever hangs behind shows through the belly.
   */
  const drawRibcage = (
    c: SpriteCanvas,
    tx0: number,
    tw: number,
    top: number,
    hipY: number,
    view: Pose["view"],
  ) => {
    const tx1 = tx0 + tw - 1;
    const spineW = Math.max(1, Math.round(k));
    const spineX = view === "side" ? tx0 + 1 : Math.round(tx0 + tw / 2 - spineW / 2);
    const pelvisY = hipY - px(1);
    const ribEnd = pelvisY - Math.max(1, px(2));
    c.rect(tx0, top, tx1, top + Math.max(0, px(1) - 1), mat.skin, P.torso); // collarbones
    const rib = Math.max(1, Math.round(k));
    let y = top + px(1);
    for (let n = 0; y <= ribEnd; n++) {
      // the dark gap between ribs, then the rib; ribs narrow towards the bottom of the cage
      const inset = n > 1 ? 1 : 0;
      c.rect(tx0 + inset, y, tx1 - inset, y + rib - 1, mat.hollow, P.torso);
      y += rib;
      if (y > ribEnd) break;
      c.rect(tx0 + inset, y, tx1 - inset, Math.min(ribEnd, y + rib - 1), mat.skin, P.torso);
      y += rib;
    }
    c.rect(spineX, top, spineX + spineW - 1, hipY, mat.skin, P.torso);
    c.rect(tx0 + 1, pelvisY, tx1 - 1, hipY, mat.skin, P.torso); // pelvis
  };

  /**
   * Character views (#19) from the front or the back, square on or turned three-quarters towards
   * +x (a left diagonal is this mirrored). Turned from the front the body's right side comes
   * towards the viewer (screen left): the torso narrows and shows its side plane there, the face
   * slides towards the facing side with the back of the head behind it, and the far arm and leg
   * tuck behind the body. Turned from the back the near side is screen right: a cheek shows past
   * the hair and the cape swings the other way. The weapon stays in the hand it is in square on,
   * so a turn from one direction to the next reads as one body rotating. Attacks swing towards the
   * camera (front), away from it (back) or to the facing side (three-quarter).
   */
  /** A red cross on the chest (and on the back): a medic at a glance. */
  const drawEmblem = (
    c: SpriteCanvas,
    x: number,
    tx0: number,
    tx1: number,
    torsoTop: number,
    hipY: number,
    back: boolean,
    onTabard = false,
  ) => {
    // a wrestler's belt (mawashi) is deep
    if (role.bare && !onTabard) c.rect(tx0, hipY - px(2), tx1, hipY, mat.accent, P.belt);
    // a tabard's cross is drawn over the tabard (dressTorso), not under it
    if (extra.emblem === undefined || (role.tabard && !onTabard)) return;
    if (role.emblem === "star") {
      // a sheriff's star: a gold plus with its middle, high on the left of the chest
      if (back) return;
      const bx = Math.round(x) + px(2) + 1;
      const by = torsoTop + px(2) + 1;
      c.rect(bx - 1, by, bx + 1, by, extra.emblem, P.torso, 2);
      c.rect(bx, by - 1, bx, by + 1, extra.emblem, P.torso, 2);
      return;
    }
    if (role.emblem === "badge") {
      // a small gold shield high on the left of the chest (a medic's cross shows from behind too)
      if (back) return;
      const bx = Math.round(x) + px(2);
      const by = torsoTop + px(2);
      c.rect(bx, by, bx + px(1), by + px(1), extra.emblem, P.torso, 2);
      return;
    }
    // a plus, odd-sized so it has a middle pixel; part of the torso, so no outline inside it
    const mx = Math.floor(x) - (Number.isInteger(x) ? 1 : 0);
    const arm = Math.max(1, Math.round(1.5 * k));
    // high on the chest, clear of the belt
    const y = Math.min(torsoTop + 1 + arm, hipY - px(1) - 1 - arm);
    const t = Math.max(0, Math.round(k * 0.5) - 1);
    c.rect(mx - arm, y - t, mx + arm, y + t, extra.emblem, P.torso, 2);
    c.rect(mx - t, y - arm, mx + t, y + arm, extra.emblem, P.torso, 2);
  };

  /**
   * A lamia's body below the waist: a thick trunk down to the ground, then a coil lying on it
   * that runs out behind and lifts its tip. `dir` is the side the coil runs to (−1 left).
   */
  const drawSnakeTail = (c: SpriteCanvas, x: number, hipY: number, dir: number, wave: number) => {
    const sc = extra.scales ?? mat.cloth;
    const r = Math.max(1.5, 2.6 * k);
    c.capsule(x, hipY - 1, x + dir * k, ground - r, r, sc, P.legN);
    c.ellipse(x + dir * 4 * k, ground - r * 0.8, 7 * k, r * 0.9, sc, P.legF);
    const tipX = x + dir * (11 + wave) * k;
    c.capsule(
      x + dir * 9.5 * k,
      ground - r,
      tipX,
      ground - 5 * k,
      Math.max(0.6, 0.9 * k),
      sc,
      P.legF,
    );
    // the pale belly down the front of the trunk
    c.rect(
      x - Math.round(k * 0.5),
      hipY + px(1),
      x + Math.round(k * 0.5),
      ground - px(2),
      sc,
      P.legN,
      3,
    );
  };

  /** A mermaid's tail: down from the hips, bending to one side on the ground, a forked fin. */
  const drawFishTail = (c: SpriteCanvas, x: number, hipY: number, dir: number, wave: number) => {
    const sc = extra.scales ?? mat.cloth;
    const r = Math.max(1.5, 2.4 * k);
    const knee = ground - 4 * k;
    c.capsule(x, hipY - 1, x + dir * 0.5 * k, knee, r, sc, P.legN);
    c.capsule(x + dir * 0.5 * k, knee, x + dir * 4 * k, ground - 1.5 * k, r * 0.7, sc, P.legF);
    const fx = x + dir * (4.5 + wave * 0.5) * k;
    const fy = ground - 1.5 * k;
    c.poly(
      [
        [fx, fy],
        [fx + dir * 4 * k, fy - 4 * k],
        [fx + dir * 2.6 * k, fy + 0.5],
      ],
      sc,
      P.legF,
      3,
    );
    c.poly(
      [
        [fx, fy],
        [fx + dir * 4.6 * k, fy + 1.2 * k],
        [fx + dir * 2 * k, fy - 0.6 * k],
      ],
      sc,
      P.legF,
      3,
    );
    // rows of scales across the tail
    for (let y = hipY + px(2); y < knee; y += px(2))
      c.rect(x - r + 1, y, x + r - 1, y, sc, P.legN, 1);
  };

  const drawFacing = (c: SpriteCanvas, pose: Pose) => {
    flick = pose.t + pose.attack / 3;
    attackNow = pose.attack;
    const back = pose.view === "back";
    const tq = (pose.turn ?? 0) > 0;
    const atk = pose.attack;
    const walking = pose.mode === "walk";
    const take = pose.take ?? 0;
    const tv = (n: number) => takeVary(take, n);
    const hipY = ground - legLen;
    const torsoTop = hipY - torsoH + pose.bob;
    const headTop = torsoTop - headH + 1 + hunch;
    const tw = tq ? Math.max(4, Math.round(torsoW * 0.8)) : torsoW;
    const tx0 = Math.round(cx - tw / 2);
    const tx1 = tx0 + tw - 1;
    const shoulderY = torsoTop + px(1);
    const armLen = torsoH * 0.95;
    // screen side of the near shoulder (turned) and of the weapon hand
    const near = tq ? (back ? 1 : -1) : 0;
    const w = back ? -1 : 1;
    const legMat = robe ? mat.cloth : bony ? mat.skin : mat.pants;
    const footMat = bony ? mat.skin : mat.boots;
    const capeSwing = (walking && pose.stride ? k : 0) * (tq ? -1 : 0) + tv(3);

    if (hasCape && !back)
      c.rect(
        tx0 - 1 - (tq ? Math.round(1.5 * k) : 0),
        torsoTop + 1,
        tx1 + 1 - (tq ? px(1) : 0),
        ground - px(3),
        mat.cape,
        P.cape,
      );

    if (beast && !role.lower)
      drawBeastTail(
        c,
        beastHead(beast),
        mat,
        P.tail,
        cx + (back ? 1 : -1) * (torsoW / 2 - 1),
        hipY - px(1),
        back ? 1 : -1,
        size,
        Math.round(Math.sin(pose.t * Math.PI * 2)),
      );
    // --- legs: the far one first, a pixel higher (farther away) and tucked in ---
    if (role.lower === "snake")
      drawSnakeTail(c, cx, hipY, back ? 1 : -1, walking ? pose.stride : 0);
    if (role.lower === "fish") drawFishTail(c, cx, hipY, back ? 1 : -1, walking ? pose.stride : 0);
    if (role.lower === "smoke")
      drawSmokeTail(c, cc, cx, hipY, ground, back ? 1 : -1, walking ? pose.stride : 0);
    const lw = bony ? Math.max(1, Math.floor(1.5 * k)) : Math.max(2, Math.round(3 * k));
    const gap = Math.max(1, Math.round(k));
    const sides = near > 0 ? [-1, 1] : [1, -1];
    for (const s of role.lower ? [] : sides) {
      const far = tq && s !== near;
      let x0 = s < 0 ? cx - gap - lw : cx + gap - 1;
      if (far) x0 += s < 0 ? 1 : -1;
      let lift = pose.lift === s ? 1 : 0;
      let wide = 0;
      let dx = 0;
      if (walking) {
        lift = pose.lift === s ? px(2) : pose.stride === -s ? 1 : 0;
        wide = pose.stride === s ? 1 : 0;
        // turned, the leading foot also steps towards the facing side
        if (tq) dx = pose.stride === s ? px(1) : pose.stride === -s ? -px(1) : 0;
      }
      if (atk && tq) dx += s === near ? -px(1) : px(1);
      const yBot = ground - lift - (far ? 1 : 0);
      const part = s < 0 ? P.legF : P.legN;
      const tone = far ? 1 : -1;
      c.rect(x0 + dx, hipY, x0 + dx + lw - (far ? 1 : 0), yBot, legMat, part, tone);
      c.rect(
        x0 + dx - (s < 0 ? wide : 0),
        yBot - px(1) + 1 - wide,
        x0 + dx + lw + (s > 0 ? wide : 0) + (tq && !back ? 1 : 0) - (far ? 1 : 0),
        yBot,
        footMat,
        part,
        tone,
      );
    }

    // --- hands: the weapon hand and the free one ---
    let hand: [number, number];
    let ang: number;
    const armF = walking ? pose.stride : 0;
    const sx = (d: number) => cx + w * d;
    const upright = long || weapon === "bow" || weapon === "torch";
    if (atk === 1) {
      hand = [tq ? tx0 - 1.5 * k : sx(tw / 2 + 1.5 * k), shoulderY - 3.5 * k];
      ang = upright
        ? -Math.PI / 2 + (tq ? -0.3 : w * 0.3)
        : tq
          ? -Math.PI * 0.8
          : -Math.PI / 2 + w * 0.5;
    } else if (atk === 2) {
      if (tq) {
        hand = [tx1 + 3 * k, shoulderY + 1 * k];
        ang = upright ? -Math.PI * 0.3 : back ? -0.25 : -0.05;
      } else if (back) {
        hand = [sx(1 * k), shoulderY - 2.5 * k];
        ang = -Math.PI / 2 - w * 0.25;
      } else {
        // a sweep across the body towards the camera; a staff or bow is held up and out
        hand = [sx(1 * k), shoulderY + armLen * 0.6];
        ang = upright ? -Math.PI / 2 - w * 0.3 : w > 0 ? Math.PI * 0.9 : Math.PI * 0.1;
      }
    } else if (atk === 3) {
      hand = tq
        ? [tx1 + 3 * k, shoulderY + 3 * k]
        : [sx(tw / 2 + 1.5 * k), shoulderY + armLen * 0.8];
      ang = upright
        ? -Math.PI / 2 + w * 0.5
        : tq
          ? Math.PI * 0.15
          : // back on guard: the weapon lowered from the sweep, pointing up and out
            w > 0
            ? -Math.PI * 0.4
            : -Math.PI * 0.6;
    } else {
      const swing = tq ? -armF * k : 0;
      hand = [
        (tq ? (back ? tx0 - 0.5 * k : tx1 + 0.8 * k) : sx(tw / 2 + 1.5 * k)) +
          (armF === -1 ? -w : 0) +
          swing,
        shoulderY + armLen + (armF === -1 ? 1 : armF === 1 ? -1 : 0),
      ];
      ang = tall ? -Math.PI / 2 : -Math.PI / 2 + (back ? -0.35 : tq ? 0.55 : 0.35);
      [hand, ang] = idleGrip(hand, ang, shoulderY, armLen, tq ? 1 : w, tq && !back);
    }
    if (take) {
      // another take of the same pose: the weapon a little more or less raised, the hand a pixel
      // off; a weapon resting beside the head keeps its angle, or the head's outline would jump
      if (atk || !role.idle) ang += (tv(1) || 1) * 0.2;
      hand = [hand[0] + tv(2), hand[1] + (tv(4) || 1)];
    }
    // a staff's butt reaches 4k below the hand: it stays above the feet at every size
    if (tall) hand = [hand[0], Math.min(hand[1], ground - Math.ceil(4 * k) - 2)];
    let free: [number, number] = [
      (tq ? (back ? tx1 + 1.5 * k : tx0 - 1.5 * k) : sx(-(tw / 2 + 1.5 * k))) +
        (armF === 1 ? w : 0) +
        (tq && walking ? armF * k : 0),
      shoulderY + armLen + (armF === 1 ? 1 : armF === -1 ? -1 : 0) + (atk === 1 ? -1 : 0),
    ];
    if (role.reach && !atk && weapon === "none") {
      // both arms held out in front: towards the facing side turned, towards us (short, hands
      // at the chest) square on
      const bobArm = walking ? armF : 0;
      if (tq) {
        const fx = back ? -1 : 1;
        hand = [cx + fx * (tw / 2 + 4.5 * k), shoulderY + 1 + bobArm];
        free = [cx + fx * (tw / 2 + 3.5 * k), shoulderY - bobArm];
      } else {
        hand = [sx(tw / 2 - 0.5 * k), shoulderY + px(2) + bobArm];
        free = [sx(-(tw / 2 - 0.5 * k)), shoulderY + px(2) - bobArm];
      }
    }
    const arm = (at: [number, number], from: number, part: number, tone = -1) => {
      // small sizes round the arm longer than the legs: the hand stays above the feet
      const to: [number, number] = [at[0], Math.min(at[1], ground - px(2))];
      c.capsule(from, shoulderY + 1, to[0], to[1], limb, armMat, part, tone);
      c.rect(to[0] - limb + 0.5, to[1], to[0] + limb - 0.5, to[1] + px(1), mat.skin, part, tone);
    };
    const shoulder = (side: number) =>
      side > 0
        ? tx1 + (tq ? 0 : Math.round(1.5 * k) - 1)
        : tx0 - (tq ? 0 : Math.round(1.5 * k) - 1);
    const handSide = Math.sign(hand[0] - cx) || w;
    // the far arm (turned) goes behind the torso; the weapon hand of a back view is in front of
    // the body, so behind it for us
    const weaponArmBehind = back || (tq && handSide !== near);
    const slash = () => {
      if (
        atk !== 2 ||
        !(
          weapon === "sword" ||
          weapon === "axe" ||
          weapon === "dagger" ||
          weapon === "hammer" ||
          weapon === "spear" ||
          weapon === "katana" ||
          weapon === "club" ||
          weapon === "icon" ||
          TAKE_SWUNG.has(weapon)
        )
      )
        return;
      const cy = shoulderY + 2 * k;
      const [a0, a1, R] = tq
        ? [-1.6, 0.5, 11 * k]
        : back
          ? [Math.PI + 0.4, 2 * Math.PI - 0.4, 10 * k]
          : [-0.5, Math.PI + 0.5, 9 * k];
      for (const r of [R, R - 1.5 * k])
        for (let a = a0; a <= a1; a += 0.04)
          c.plot(cx + Math.cos(a) * r * (tq ? 1 : w), cy + Math.sin(a) * r, mat.slash, P.fx);
    };
    const projectile = () => {
      if (atk !== 2 || (!staffy && weapon !== "bow")) return;
      const [px0, py0] = tq
        ? [Math.min(size - 3, hand[0] + 8 * k), hand[1]]
        : back
          ? [cx, headTop - 3 * k]
          : [cx + w * 3 * k, hipY + 2 * k];
      c.ellipse(
        px0,
        py0,
        1.6 * k + 0.3,
        1.6 * k + 0.3,
        weapon === "bow" ? mat.wood : mat.orb,
        P.fx,
      );
    };
    if (back) slash();
    if (weaponArmBehind) {
      arm(hand, shoulder(handSide), P.armF, tq ? 1 : -1);
      drawWeapon(c, hand[0], hand[1], ang, tq);
    }
    if (tq && !back) arm(free, shoulder(Math.sign(free[0] - cx)), P.armF, 1);
    if (role.shield && tq && !back) shieldAt(c, "front", free[0], free[1] - 1.5 * k);

    // --- torso, with its side plane when turned ---
    const ribcage = bony && !robe;
    const bodyMat = v === "knight" ? mat.metal : mat.cloth;
    if (!ribcage) c.rect(tx0, torsoTop, tx1, hipY, bodyMat, P.torso);
    if (robe)
      c.poly(
        [
          [tx0, hipY - 1],
          [tx0 + tw, hipY - 1],
          [tx0 + tw + 2 * k, ground - px(1)],
          [tx0 - 2 * k, ground - px(1)],
        ],
        mat.cloth,
        P.robe,
      );
    if (!ribcage) c.rect(tx0, hipY - px(1), tx1, hipY - px(1), mat.accent, P.belt);
    if (tq && !ribcage) {
      const planeX = near < 0 ? tx0 : tx1 - px(1) + 1;
      c.rect(planeX, torsoTop + 1, planeX + px(1) - 1, hipY - px(1) - 1, bodyMat, P.torso, 1);
    }
    if (v === "knight" && !back) {
      const mx = cx + (tq ? px(1) : 0);
      c.rect(mx - 1, torsoTop + 1, mx, hipY - px(2), mat.accent, P.belt);
    }
    if (ribcage) drawRibcage(c, tx0, tw, torsoTop, hipY, tq ? "side" : pose.view);
    if (!tq) drawEmblem(c, cx, tx0, tx1, torsoTop, hipY, back);
    dressTorso(c, tq ? "side" : pose.view, cx, tx0, tx1, torsoTop, hipY);

    // --- head, turned: the face slides to the facing side ---
    const hx = cx + (tq ? (back ? 0 : Math.round(k * 0.5)) : 0);
    drawHead(c, pose.view, hx, headTop, pose.pitch ?? 0);
    if (tq) turnHead(c, hx, headTop, back);
    if (race.look === "mummy")
      for (let y = headTop; y < ground; y += 3)
        for (let x = 0; x < size; x++) {
          const i = c.index(x, y);
          if (i >= 0 && (c.mat[i] === mat.skin || c.mat[i] === mat.cloth)) c.tone[i] = 1;
        }

    // --- cape over the back, arms and weapon in front ---
    if (hasCape && back)
      c.poly(
        [
          [tx0 - (tq ? px(1) : 0), torsoTop + 1],
          [tx1 + 1 - (tq ? px(1) : 0), torsoTop + 1],
          [tx1 + 1 + k - (tq ? 2 * k : 0) + capeSwing, ground - px(2)],
          [tx0 - k - (tq ? 2 * k : 0) + capeSwing, ground - px(2)],
        ],
        mat.cape,
        P.cape,
      );
    if (!tq || back) arm(free, shoulder(Math.sign(free[0] - cx) || -w), P.armN);
    if (role.shield && (!tq || back))
      shieldAt(
        c,
        back ? "back" : "front",
        back ? cx : free[0],
        back ? torsoTop + torsoH * 0.5 : free[1] - 1.5 * k,
      );
    if (!weaponArmBehind) {
      arm(hand, shoulder(handSide), P.armN);
      drawWeapon(c, hand[0], hand[1], ang, tq);
    } else if (tq && !back) {
      // the far hand holds the weapon out past the body
      drawWeapon(c, hand[0], hand[1], ang, tq);
      c.plot(hand[0], hand[1], mat.skin, P.armN);
    }
    // a second blade in the far hand crosses the shoulder: it shows, not the guard
    if (role.pauldron && !dual)
      drawPauldrons(
        c,
        cc,
        tq ? "side" : pose.view,
        tx0,
        tx1,
        torsoTop,
        role.pauldron === "spiked",
        role.pauldron === "plates" ? mat.cloth : mat.metal,
      );
    if (!back) slash();
    projectile();
  };

  /**
   * Three-quarter head from the square-on one: from the front the eyes, slit or muzzle slide
   * towards +x and the side of the head behind them takes the hair (or helmet); from the back a
   * cheek and the edge of the face show on the near (right) side.
   */
  const turnHead = (c: SpriteCanvas, hx: number, top: number, back: boolean) => {
    const x0 = Math.round(hx - headW / 2);
    const x1 = x0 + headW - 1;
    const y1 = top + headH - 1;
    const s = Math.max(1, Math.round(headW * 0.2));
    const eyeY = top + Math.round(headH * 0.5);
    const covered =
      headgear === "helmet" ||
      headgear === "horned" ||
      headgear === "visor" ||
      headgear === "space-helmet" ||
      headgear === "skull";
    const hairMat = headgear === "hood" ? mat.cloth : mat.hair;
    if (!back) {
      // slide every face pixel right by s (clipped at the head's right edge)
      for (let y = top - 1; y <= y1 + px(2); y++) {
        for (let x = x1; x >= x0; x--) {
          const i = c.index(x, y);
          if (i < 0 || c.part[i] !== P.face || c.mat[i]! < 0) continue;
          const m0 = c.mat[i]!;
          const t0 = c.tone[i]!;
          const j = c.index(x + s, y);
          const base =
            headgear === "space-helmet"
              ? mat.cloth
              : covered && headgear !== "skull"
                ? mat.metal
                : mat.skin;
          c.plot(x, y, base, base === mat.metal ? P.hat : P.head);
          if (x + s <= x1 && j >= 0) c.plot(x + s, y, m0, P.face, t0);
        }
      }
      if (!covered && headgear !== "bald")
        for (let y = top + 1; y <= eyeY + 1; y++)
          for (let x = x0; x < x0 + s; x++)
            if (c.get(x, y) === mat.skin) c.plot(x, y, hairMat, P.hat);
      return;
    }
    if (covered) {
      if (headgear !== "skull" && headgear !== "space-helmet")
        c.rect(x1, eyeY, x1, eyeY, headgear === "visor" ? mat.glow : mat.eye, P.face);
      return;
    }
    // back view: a cheek and ear on the near side below the hair line
    for (let y = eyeY - 1; y <= y1 - 1; y++)
      for (let x = x1 - s + 1; x <= x1; x++) {
        const m0 = c.get(x, y);
        if (m0 === mat.hair || m0 === mat.cloth) c.plot(x, y, mat.skin, P.head);
      }
  };

  const draw = (c: SpriteCanvas, pose: Pose) => {
    flick = pose.t + pose.attack / 3;
    attackNow = pose.attack;
    const side = pose.view === "side";
    // the characters' front, back and three-quarter views (pose.pitch set by character.ts)
    if (!side && pose.pitch !== undefined) return drawFacing(c, pose);
    const atk = pose.attack;
    const bodyDx = side ? (atk === 1 ? -1 : atk === 2 ? 1 : 0) : 0;
    const bx = cx + bodyDx;
    const hipY = ground - legLen + (atk === 1 || atk === 2 ? 1 : 0);
    const torsoTop = hipY - torsoH + pose.bob;
    const headTop = torsoTop - headH + 1 + hunch;
    const tw = side ? Math.max(4, Math.round(torsoW * 0.7)) & ~1 : torsoW;

    // an animal-folk's tail, out from behind the hips (a monkey's curl says monkey, not person)
    if (beast && !role.lower)
      drawBeastTail(
        c,
        beastHead(beast),
        mat,
        P.tail,
        side ? bx - tw / 2 : cx - torsoW / 2 + 1,
        hipY - px(1),
        -1,
        size,
        Math.round(Math.sin(pose.t * Math.PI * 2)),
      );

    // --- cape first: it hangs behind the legs too ---
    if (hasCape && pose.view !== "front") {
      if (side)
        c.poly(
          [
            [bx - 1, torsoTop + 1],
            [bx - tw / 2 - 3 * k - (pose.stride ? k : 0), ground - px(2)],
            [bx + 1, ground - px(3)],
          ],
          mat.cape,
          P.cape,
        );
    } else if (hasCape) {
      c.rect(cx - torsoW / 2 - 1, torsoTop + 1, cx + torsoW / 2, ground - px(3), mat.cape, P.cape);
    }

    // --- legs (feet on the ground baseline, hips follow the body) ---
    const walking = pose.mode === "walk";
    // a skeleton's limbs are bare bone; a robed skeleton (lich) keeps its robe
    const legMat = robe ? mat.cloth : bony ? mat.skin : mat.pants;
    const footMat = bony ? mat.skin : mat.boots;
    if (role.lower === "snake")
      drawSnakeTail(c, bx, hipY, side ? -1 : 1, walking ? pose.stride : 0);
    else if (role.lower === "fish")
      drawFishTail(c, bx, hipY, side ? -1 : 1, walking ? pose.stride : 0);
    else if (role.lower === "smoke")
      drawSmokeTail(c, cc, bx, hipY, ground, side ? -1 : 1, walking ? pose.stride : 0);
    else if (side) {
      // stride scales with leg length so the contact frames read as a clear scissor
      const stepX = Math.max(2, legLen * 0.45);
      const stance = atk ? 2 * k : 0;
      const liftH = Math.max(2, Math.round(legLen * 0.4));
      for (const [which, part, tone] of [
        [-1, P.legF, 1],
        [1, P.legN, -1],
      ] as const) {
        const lifted = pose.lift === which;
        const fx = lifted
          ? bx + which * 0.5 * k
          : bx + which * pose.stride * stepX + (which > 0 ? stance : -stance);
        const lift = lifted ? liftH : 0;
        const fy = ground - lift - limb * 0.5;
        if (lifted) {
          // bent knee: thigh forward, shin back
          const kx = bx + stepX * 0.55;
          const ky = hipY + (fy - hipY) * 0.55;
          c.capsule(bx, hipY, kx, ky, limb, legMat, part, tone);
          c.capsule(kx, ky, fx, fy, limb, legMat, part, tone);
        } else c.capsule(bx, hipY, fx, fy, limb, legMat, part, tone);
        c.rect(
          fx - limb,
          ground - lift - px(1) + 1,
          fx + limb + px(1),
          ground - lift,
          footMat,
          part,
          tone,
        );
      }
    } else {
      const lw = bony ? Math.max(1, Math.floor(1.5 * k)) : Math.max(2, Math.round(3 * k));
      const gap = Math.max(1, Math.round(k));
      for (const s of [-1, 1]) {
        const x0 = s < 0 ? cx - gap - lw : cx + gap - 1;
        // front walk: the passing leg lifts 2 px, the trailing leg of a contact frame 1 px,
        // the leading foot is drawn 1 px wider (closer to the viewer)
        let lift = pose.lift === s ? 1 : 0;
        let wide = 0;
        if (walking) {
          lift = pose.lift === s ? px(2) : pose.stride === -s ? 1 : 0;
          wide = pose.stride === s ? 1 : 0;
        }
        c.rect(x0, hipY, x0 + lw, ground - lift, legMat, s < 0 ? P.legF : P.legN);
        c.rect(
          x0 - (s < 0 ? wide : 0),
          ground - lift - px(1) + 1 - wide,
          x0 + lw + (s > 0 ? wide : 0),
          ground - lift,
          footMat,
          s < 0 ? P.legF : P.legN,
        );
      }
    }

    // --- far arm (behind torso) ---
    const shoulderY = torsoTop + px(1);
    const armLen = torsoH * 0.95;
    let handN: [number, number];
    let weaponAng: number;
    // a character's long staff or bow is raised rather than swung out flat, so it stays inside
    // its padded canvas (batch frames keep their wider swing)
    const raised = pose.pitch !== undefined && (long || weapon === "bow");
    if (side) {
      if (atk === 1) {
        handN = [bx - 2 * k, shoulderY - 4 * k];
        weaponAng = raised ? -Math.PI * 0.6 : -Math.PI * 0.85;
      } else if (atk === 2) {
        // a character keeps its swing inside its padded canvas
        handN = [bx + (pose.pitch === undefined ? 7 : 5) * k, shoulderY + 1 * k];
        weaponAng = raised ? -1.1 : tall || weapon === "bow" ? 0 : -0.05;
      } else if (atk === 3) {
        handN = [bx + 4 * k, shoulderY + 4 * k];
        weaponAng = Math.PI * 0.22;
      } else {
        // the weapon hand swings a little less (it carries weight; keeps the frame anchor steady)
        handN = [
          bx - pose.stride * (weapon === "none" ? 2.8 : 2.1) * k + k,
          shoulderY + armLen - Math.abs(pose.stride) * k,
        ];
        weaponAng = tall ? -Math.PI / 2 : -Math.PI * 0.3;
        [handN, weaponAng] = idleGrip(handN, weaponAng, shoulderY, armLen, 1, true);
      }
      if (pose.take) {
        // another take of the same pose: the weapon a little more or less raised, the hand a pixel off
        weaponAng += (takeVary(pose.take, 1) || 1) * 0.2;
        handN = [handN[0] + takeVary(pose.take, 2), handN[1] + (takeVary(pose.take, 4) || 1)];
      }
      let handF: [number, number] = [
        bx + pose.stride * 3.2 * k - k + takeVary(pose.take ?? 0, 5),
        shoulderY + armLen - Math.abs(pose.stride) * k,
      ];
      if (role.reach && !atk && weapon === "none") {
        // both arms straight out in front, the far one a pixel higher, bobbing with the step
        const bobArm = walking ? pose.stride : 0;
        handN = [bx + armLen + 2.5 * k, shoulderY + 1 + bobArm];
        handF = [bx + armLen + 2 * k, shoulderY - bobArm];
      }
      c.capsule(bx, shoulderY, handF[0], handF[1], limb * 0.9, armMat, P.armF, 1);
      c.plot(handF[0], handF[1] + 1, mat.skin, P.armF, 1);
      // dual wield: the far hand holds the same weapon, behind the body, angled apart
      if (dual) drawWeapon(c, handF[0], handF[1], weaponAng - 0.5, true);
    } else {
      // front/back walk: the arm opposite the leading leg swings forward (hand 1 px lower and
      // 1 px inward), the other swings back (1 px shorter)
      const ax =
        (pose.view === "front" ? cx - torsoW / 2 - 1.5 * k : cx + torsoW / 2 + 1.5 * k) +
        (walking && pose.stride === 1 ? (pose.view === "front" ? 1 : -1) : 0);
      const armF = walking ? pose.stride : 0;
      handN = [
        (pose.view === "front" ? cx + torsoW / 2 + 1.5 * k : cx - torsoW / 2 - 1.5 * k) +
          (armF === -1 ? (pose.view === "front" ? -1 : 1) : 0),
        shoulderY + armLen + (armF === -1 ? 1 : armF === 1 ? -1 : 0),
      ];
      weaponAng = tall ? -Math.PI / 2 : -Math.PI / 2 + (pose.view === "front" ? 0.35 : -0.35);
      if (!atk)
        [handN, weaponAng] = idleGrip(
          handN,
          weaponAng,
          shoulderY,
          armLen,
          pose.view === "front" ? 1 : -1,
          false,
        );
      let farLen = armLen + (armF === 1 ? 1 : armF === -1 ? -1 : 0);
      if (role.reach && !atk && weapon === "none") {
        // arms held out towards the viewer: short, the hands at the chest
        farLen = px(2) + (walking ? armF : 0);
        handN = [
          handN[0] - (pose.view === "front" ? 2 : -2) * k,
          shoulderY + px(2) - (walking ? armF : 0),
        ];
      }
      c.capsule(ax, shoulderY + 1, ax, shoulderY + farLen, limb, armMat, P.armF);
      c.rect(
        ax - limb + 0.5,
        shoulderY + farLen,
        ax + limb - 0.5,
        shoulderY + farLen + px(1),
        mat.skin,
        P.armF,
      );
      // dual wield: the other hand's weapon, mirrored
      if (dual) drawWeapon(c, ax, shoulderY + farLen, -Math.PI - weaponAng, false);
    }
    if (pose.view === "back") drawWeapon(c, handN[0], handN[1], weaponAng, false);

    // --- torso ---
    const tx0 = Math.round(bx - tw / 2);
    const ribcage = bony && !robe;
    if (!ribcage)
      c.rect(tx0, torsoTop, tx0 + tw - 1, hipY, v === "knight" ? mat.metal : mat.cloth, P.torso);
    if (robe)
      c.poly(
        [
          [tx0, hipY - 1],
          [tx0 + tw, hipY - 1],
          [tx0 + tw + 2 * k, ground - px(1)],
          [tx0 - 2 * k, ground - px(1)],
        ],
        mat.cloth,
        P.robe,
      );
    if (!ribcage) c.rect(tx0, hipY - px(1), tx0 + tw - 1, hipY - px(1), mat.accent, P.belt);
    if (v === "knight" && pose.view === "front")
      c.rect(cx - 1, torsoTop + 1, cx, hipY - px(2), mat.accent, P.belt);
    if (ribcage) drawRibcage(c, tx0, tw, torsoTop, hipY, pose.view);
    drawEmblem(c, side ? bx : cx, tx0, tx0 + tw - 1, torsoTop, hipY, pose.view === "back");
    dressTorso(c, pose.view, side ? bx : cx, tx0, tx0 + tw - 1, torsoTop, hipY);
    if (role.shield) {
      // side-on held before the chest, square on on the free arm, from behind on the back
      const [sx, sy] = side
        ? [bx + tw / 2 + 1.2 * k, shoulderY + 3 * k]
        : pose.view === "back"
          ? [cx, torsoTop + torsoH * 0.5]
          : [cx - torsoW / 2 - 1.5 * k, shoulderY + armLen - 1.5 * k];
      shieldAt(c, pose.view, sx, sy);
    }

    // --- head ---
    drawHead(c, pose.view, bx + (side ? k + (hunch ? k : 0) : 0), headTop);
    if (race.look === "mummy")
      // bandage wraps: every third row of skin and cloth in its shadow tone
      for (let y = headTop; y < ground; y += 3)
        for (let x = 0; x < size; x++) {
          const i = c.index(x, y);
          if (i >= 0 && (c.mat[i] === mat.skin || c.mat[i] === mat.cloth)) c.tone[i] = 1;
        }

    // --- near arm + weapon (in front) ---
    if (side) {
      const ang = atk === 2 ? 0 : Math.atan2(handN[1] - shoulderY, handN[0] - bx);
      if (["sword", "axe", "dagger", "katana", "club"].includes(weapon) || TAKE_SWUNG.has(weapon)) {
        if (atk === 2) {
          // slash arc in front of the blade: the read of "strike"
          // motion smear: two concentric arcs from overhead to the strike line
          for (const R of [11 * k, 9.5 * k])
            for (let a = -1.6; a <= 0.5; a += 0.05)
              c.plot(bx + Math.cos(a) * R, shoulderY + 2 * k + Math.sin(a) * R, mat.slash, P.fx);
        }
      }
      if (pose.view === "side") drawWeapon(c, handN[0], handN[1], weaponAng, true);
      c.capsule(bx, shoulderY, handN[0], handN[1], limb * 0.9, armMat, P.armN);
      c.plot(handN[0] + Math.cos(ang) * 0.5, handN[1] + Math.sin(ang) * 0.5, mat.skin, P.armN);
      if (atk === 2 && (staffy || weapon === "bow")) {
        // projectile
        const px = handN[0] + 13 * k;
        c.ellipse(
          Math.min(size - 3, px),
          handN[1],
          1.6 * k + 0.3,
          1.2 * k + 0.3,
          weapon === "bow" ? mat.wood : mat.orb,
          P.fx,
        );
        c.line(
          handN[0] + 9 * k,
          handN[1],
          Math.min(size - 3, px) - 2 * k,
          handN[1],
          mat.glow,
          P.fx,
        );
      }
    } else {
      const ax = handN[0];
      const nearLen = handN[1] - shoulderY;
      c.capsule(ax, shoulderY + 1, ax, shoulderY + nearLen, limb, armMat, P.armN);
      c.rect(
        ax - limb + 0.5,
        shoulderY + nearLen,
        ax + limb - 0.5,
        shoulderY + nearLen + px(1),
        mat.skin,
        P.armN,
      );
      if (pose.view === "front") drawWeapon(c, handN[0], handN[1], weaponAng, false);
    }
    // a second blade in the far hand crosses the shoulder: it shows, not the guard
    if (role.pauldron && !dual)
      drawPauldrons(
        c,
        cc,
        pose.view,
        tx0,
        tx0 + tw - 1,
        torsoTop,
        role.pauldron === "spiked",
        role.pauldron === "plates" ? mat.cloth : mat.metal,
      );
  };
  // drawn once per design (it was picked while drawing, so a reused design flipped it per frame);
  // picked last, so a batch frame's one draw sees the same value as before
  const hatTip = headgear === "wizard-hat" ? rng.pick([-3, 3]) : 0;
  return {
    size,
    materials: m.list,
    restView: "front",
    draw: birdLimbs
      ? (c: SpriteCanvas, pose: Pose) => {
          draw(c, pose);
          drawBirdLimbs(c, birdLimbs, wingArms, talons);
        }
      : draw,
    turns: true,
    // what a material word re-ramps: armour, clothes and the weapon, not skin or eyes
    surface: [mat.metal, mat.cloth, mat.cape, mat.accent],
    headParts: [P.head, P.hat, P.face],
  };
}

/** Long hair or snakes for hair (folk-parts.ts) must show: no hood or helmet over them. */
function hairShown(info: PromptInfo, picked: Headgear): Headgear {
  return info.features.some((f) => f.endsWith(" hair")) ? "hair" : picked;
}

/** An old person's hair is grey whatever the seed picked (the pick still runs: same sequence). */
function agedHair(info: PromptInfo, picked: string): string {
  return info.aged ? "#d2d2d8" : picked;
}

/**
 * The person words' changes to the look (person-words.ts, prompt.ts `aged`): a woman's long hair
 * (a bare shaved head grows it), no beard on a woman or a child, short hair on a man, a child's
 * small build, an old person's stoop and, with nothing else in hand, a cane.
 */
function personRole(role: RoleSpec, info: PromptInfo, roleId: string, held: boolean): RoleSpec {
  const p = info.person;
  if (!p && !info.aged && !info.fat) return role;
  const out: RoleSpec = { ...role };
  if (p?.sex === "female") {
    delete out.beard;
    if (out.headgear === "bald" || out.headgear === "mohawk") out.headgear = "hair";
    if (!out.hairStyle) out.hairStyle = "long";
    // a take's bare chest (a pirate's, a barbarian's) is a man's: she keeps her shirt
    delete out.bare;
    // a plain woman in a dress, her hair showing: a villager's shirt and trousers read as a man
    // with long hair, a hood over a dress as a robed monk (a mermaid's or lamia's tail is not dressed)
    if ((roleId === "person" || roleId === "villager") && !out.lower) {
      out.robe ??= true;
      if (!out.headgear || out.headgear === "hood" || out.headgear === "helmet")
        out.headgear = "hair";
    }
  }
  if (p?.sex === "male" && out.hairStyle === "long") delete out.hairStyle;
  if (p?.age) delete out.beard;
  if (p?.age === "child") out.build = "small";
  // fat: the wide, deep trunk on short legs (a sumo wrestler's)
  if (info.fat) out.build = "big";
  if (info.aged) {
    out.build ??= "hunched";
    // only a person who carries no weapon of their class takes one (over a take's spear): an
    // old knight keeps his sword
    const unarmed =
      out.weapon === "none" ||
      (!out.weapon && (roleId === "person" || roleId === "villager") && !info.look);
    // a wooden walking stick with a crook (a gentleman's black cane read as a line at 32 px)
    if (unarmed && !held && !out.reach) {
      out.weapon = "staff";
      out.crook = true;
    }
    // a grey head shows: a plain person's random hood or helmet hid it
    if (roleId === "person" || roleId === "villager") out.headgear ??= "hair";
    // an old woman: long grey hair, bare-headed or under a hat (a hood hid it: a blob of cloth)
    if (p?.sex === "female" || info.aged === "grey") {
      if (!out.headgear || out.headgear === "hair" || out.headgear === "hood") {
        out.hairStyle = out.headgear === "hair" && out.hairStyle ? out.hairStyle : "long";
        out.headgear = "hair";
      } else out.hairStyle = "long";
    }
  }
  return out;
}
