// What a monster or folk being wears and carries when the prompt names no class: "a zombie" is
// a zombie in torn clothes reaching out, not a person in a shirt with a sword; "a vampire" wears
// dark clothes, a high collar and a cape. A named class keeps its own clothes ("an orc warrior")
// but takes the race's body (an orc is bulky) and, where the class has none, its weapon.
import type { Headgear, RoleSpec, Weapon } from "./humanoid";

type Costume = Omit<RoleSpec, "base"> & { base?: string };

/** Clothes per race, drawn when the race is the subject itself. */
const RACE_COSTUMES: Readonly<Record<string, Costume>> = {
  zombie: {
    headgear: "hair",
    weapon: "none",
    torn: true,
    reach: true,
    clothes: ["#6c7c8c", "#8c7c5c", "#5c6c4c", "#7c5c5c"],
    build: "hunched",
  },
  mummy: { weapon: "none", reach: true, wrapped: true },
  vampire: {
    headgear: "hair",
    hair: "#1c1828",
    weapon: "none",
    cloth: "#2a2232",
    pants: "#24202c",
    collar: true,
    cape: true,
    build: "thin",
  },
  orc: { headgear: "hair", weapon: "axe", cloth: "#6c4c30", build: "bulky", pauldron: "spiked" },
  // a ragged tunic in one of several hides, so four seeds are four trolls
  troll: {
    headgear: "bald",
    weapon: "club",
    torn: true,
    clothes: ["#6c4c30", "#5c6c4c", "#7c5c5c", "#4c4c5c", "#8c7c5c"],
    build: "bulky",
  },
  goblin: { headgear: "hair", weapon: "dagger", cloth: "#7c5c3c", torn: true },
  lich: {
    base: "mage",
    headgear: "crown",
    weapon: "skull-staff",
    clothes: ["#3c2c5c", "#2c3c4c", "#4c2c2c", "#2a2a34", "#5c4c2c"],
    robe: true,
    magic: "#5cf06c",
  },
  demon: {
    headgear: "bald",
    weapon: "spear",
    clothes: ["#2a2a34", "#4c2c2c", "#34303e", "#5c1c2c", "#3c2c5c"],
    build: "bulky",
    pauldron: "spiked",
  },
  genie: {
    headgear: "topknot",
    weapon: "none",
    lower: "smoke",
    build: "bulky",
    // a short purple vest over blue skin, gold cuffs: the lamp's genie
    clothes: ["#8c48cc", "#d8383c", "#e8b830", "#2cb8b0"],
    vest: true,
  },
  skeleton: {},
};

/** Bodies of animal-folk heads that are big beasts: a minotaur is a bulky bull-man. */
const BEAST_BUILDS: Readonly<Record<string, RoleSpec["build"]>> = {
  bull: "bulky",
  cow: "bulky",
  bear: "bulky",
  gorilla: "bulky",
  rhino: "bulky",
  boar: "bulky",
  rat: "hunched",
  mouse: "hunched",
};

/**
 * The base every rank's look has: a king, a queen, a prince, a princess (humanoid.ts ROLES) and a
 * ruler read from WordNet (person-roles.ts: a countess, a duke, a chieftain).
 */
export const RANK_BASE = "royal";

/**
 * Whether a rank is worn over a race with a costume of its own ("vampire lord", "goblin king"):
 * the race's look stays and the rank adds its marks. A race whose look is its body alone (an elf's
 * ears, a dwarf's beard, a skeleton's bones) keeps the rank's royal clothes.
 */
export function crownsRace(role: RoleSpec, race: string | undefined): boolean {
  const costume = race ? RACE_COSTUMES[race] : undefined;
  return role.base === RANK_BASE && !!costume && Object.keys(costume).length > 0;
}

/**
 * A rank over a race (eval-f: "Vampire Lord" drew a pale man in a king's blue robe, no cape,
 * collar or dark clothes): the race's clothes, build, hair and weapon, then the rank's marks — its
 * crown (or circlet), a cape, and a sceptre in a hand the race leaves empty (a reaching zombie's
 * stay empty).
 */
function crowned(rank: RoleSpec, costume: Costume): RoleSpec {
  const empty = costume.weapon === "none" && !costume.reach;
  return {
    ...rank,
    ...costume,
    base: costume.base ?? rank.base,
    headgear: rankHeadgear(rank),
    cape: true,
    weapon: empty ? "wand" : (costume.weapon ?? rank.weapon),
    // a robe hid the cape and the race's clothes (a queen's gown stays)
    robe: rank.robe ?? costume.robe ?? false,
  };
}

/** A rank's own headgear: a princess's tiara, else a crown. */
function rankHeadgear(rank: RoleSpec): RoleSpec["headgear"] {
  return rank.headgear ?? "crown";
}

/**
 * A seed's take of a crowned race (people-takes.ts, the race's list): the take's weapon, hair and
 * pose, but the rank's headgear and cape stay, so four takes are four vampire lords, not a
 * vampire in a top hat.
 */
export function keepRank<T extends Partial<RoleSpec>>(take: T, dressed: RoleSpec): T {
  return { ...take, headgear: dressed.headgear, cape: true };
}

/**
 * The role a character is drawn with: the named class, dressed for its race. `plain` says the
 * prompt named no class (the race itself is the subject).
 */
export function dressForRace(role: RoleSpec, race: string | undefined, plain: boolean): RoleSpec {
  if (!race) return role;
  if (race.startsWith("beast:")) {
    const beast = race.slice(6);
    // a turtle's shell is its coat: bare-chested with the shell on its back
    const shelled = beast === "turtle" ? { ...role, bare: true, shell: true } : role;
    const build = BEAST_BUILDS[beast];
    return build && !role.build ? { ...shelled, build } : shelled;
  }
  const costume = RACE_COSTUMES[race];
  if (!costume) return role;
  if (crownsRace(role, race)) return crowned(role, costume);
  if (plain) return { ...role, ...costume, base: costume.base ?? role.base };
  // a class over a race body: the class's clothes, the race's build and skin marks
  return {
    ...role,
    build: role.build ?? costume.build,
    pauldron: role.pauldron ?? costume.pauldron,
    weapon: role.weapon ?? CLASS_TOOLS[role.base] ?? costume.weapon,
  };
}

/**
 * What a class is named for, kept over a race's weapon: "a goblin archer" drew the goblin's
 * dagger and no bow while its line said archer.
 */
const CLASS_TOOLS: Readonly<Record<string, Weapon>> = { archer: "bow", mage: "staff" };

/** Hats a character may already wear: "in a red hat" colours it rather than adding another. */
const HATS: ReadonlySet<Headgear> = new Set<Headgear>([
  "wizard-hat",
  "wide-hat",
  "chef-hat",
  "top-hat",
  "cowboy-hat",
  "straw-hat",
  "tricorn",
  "peaked-cap",
  "hard-hat",
  "flying-cap",
]);
const HELMS: ReadonlySet<Headgear> = new Set<Headgear>([
  "helmet",
  "horned",
  "open-helm",
  "crested-helm",
  "kabuto",
  "visor",
  "hard-hat",
  "space-helmet",
]);
const CAPS: ReadonlySet<Headgear> = new Set<Headgear>(["peaked-cap", "hard-hat", "flying-cap"]);

/**
 * The headgear a character's rig draws for a worn thing on the head ("a wizard in a red hat",
 * "a knight with a blue helmet"): its own when it already wears one of that kind, else the
 * nearest of the rig's. Undefined: not head wear, or nothing the rig draws (the icon is worn).
 * eval-f: the colour of a wizard's hat went to his robe and an emoji top hat sat on his head.
 */
export function wornHeadgear(id: string | undefined, own: Headgear): Headgear | undefined {
  switch (id) {
    case "wizard-hat":
      return "wizard-hat";
    case "crown":
      return "crown";
    case "hat":
      return HATS.has(own) ? own : "wide-hat";
    case "cap":
      return CAPS.has(own) ? own : "peaked-cap";
    case "helmet":
      return HELMS.has(own) ? own : "helmet";
    default:
      return undefined;
  }
}

/** Worn things a character's rig draws on the head itself (wornHeadgear), not as an icon. */
export const RIG_HEAD_WEAR: ReadonlySet<string> = new Set([
  "wizard-hat",
  "crown",
  "hat",
  "cap",
  "helmet",
]);

/** Whether a character's rig draws what it wears on its head itself (no icon borrowed for it). */
export function rigDrawsHeadWear(info: { builder: string; worn?: { id: string } }): boolean {
  return info.builder === "humanoid" && RIG_HEAD_WEAR.has(info.worn?.id ?? "");
}
