// Four seeds of one person, race or monster give four takes a person tells apart (issue #20):
// each take is another drawing of the role's own parts — headgear, a weapon from the role's own
// set, the clothes' cut, hair and beard, the idle pose — over the class's or race's look, never
// another recolour. Take 0 (seed 1) is the look as the tables draw it. What the prompt names
// stays: humanoid.ts puts a named held thing over any take's weapon, and a named worn thing
// keeps the look's headgear.
import type { RoleSpec } from "./humanoid";

/** What a take changes: fields of the role's own look. */
export type Take = Partial<Omit<RoleSpec, "base" | "takes">>;

const TAKES: Readonly<Record<string, readonly Take[]>> = {
  knight: [
    {},
    { headgear: "open-helm", weapon: "mace", shield: true, tabard: true, cape: false },
    { headgear: "horned", weapon: "spear", shield: true, pauldron: "round", idle: "planted" },
    { headgear: "helmet", plume: false, weapon: "greatsword", cape: true, idle: "shoulder" },
  ],
  mage: [
    {},
    { headgear: "hood", crook: true },
    // a wand and a long beard need a wizard's hat and robe: bare-headed in a coat he read as an
    // old man
    { headgear: "wide-hat", beard: "long", hair: "#dcdce4", weapon: "wand", idle: "raised" },
    { beard: "forked", hair: "#dcdce4", cape: true, idle: "raised" },
  ],
  warrior: [
    {},
    { bare: true, shield: true, idle: "shoulder", cape: false },
    { pauldron: "spiked", cape: true, idle: "planted" },
    { headgear: "open-helm", pauldron: "round", weapon: "greatsword", idle: "raised" },
  ],
  orc: [
    {},
    { headgear: "mohawk", weapon: "club", bare: true, pauldron: undefined, idle: "shoulder" },
    { headgear: "bald", weapon: "cleaver", torn: true, pauldron: undefined, idle: "planted" },
    { headgear: "open-helm", hornedHelm: true, weapon: "spear", shield: true },
  ],
  goblin: [
    {},
    { headgear: "hood", weapon: "spear", torn: false, idle: "planted" },
    { headgear: "bald", weapon: "club", bare: true, torn: false, idle: "raised" },
    { headgear: "mohawk", weapon: "bow", cape: true },
  ],
  skeleton: [
    {},
    { headgear: "open-helm", weapon: "spear", shield: true },
    { headgear: "hood", weapon: "bow" },
    { weapon: "axe", pauldron: "round", idle: "raised" },
  ],
  samurai: [
    {},
    { headgear: "topknot", hair: "#1c1828", pauldron: undefined, idle: "raised" },
    { headgear: "straw-hat", weapon: "spear", idle: "planted" },
    // in a robe without armour the topknot keeps him a samurai (bare-headed he read as a woman)
    { headgear: "topknot", hair: "#1c1828", robe: true, lamellar: false, idle: "shoulder" },
  ],
  farmer: [
    { weapon: "pitchfork" },
    { headgear: "straw-hat", weapon: "scythe", idle: "shoulder" },
    { headgear: "hair", weapon: "hoe", beard: "short", idle: "planted" },
    { headgear: "peaked-cap", hat: "#b04030", weapon: "pitchfork", idle: "shoulder" },
  ],
  princess: [
    { cape: false },
    { headgear: "tiara", hairStyle: "long", weapon: "wand", cape: false },
    { hairStyle: "long", cape: true, idle: "raised" },
    { headgear: "tiara", hairStyle: "bun", weapon: "wand", cape: true, idle: "raised" },
  ],
  captain: [
    {},
    { headgear: "bandana", eyepatch: false, beard: "long", idle: "raised" },
    { eyepatch: false, coat: false, cape: true, beard: "short", idle: "planted" },
    { hairStyle: "long", beard: "forked", idle: "shoulder", weapon: "dagger" },
  ],
  pirate: [
    {},
    { headgear: "bandana", eyepatch: false, weapon: "dagger", idle: "raised" },
    { beard: "long", eyepatch: false, idle: "shoulder", weapon: "axe" },
    { headgear: "bandana", bare: true, idle: "planted" },
  ],
  witch: [
    {},
    { headgear: "hood", crook: true },
    { hairStyle: "long", weapon: "wand", idle: "raised" },
    { hairStyle: "long", cape: true, crook: true, robe: false, coat: true },
  ],
  priest: [
    {},
    { weapon: "mace", shield: true },
    // hooded under a cape, the staff raised (bare-headed with long hair read as a robed woman)
    { headgear: "hood", cape: true, idle: "raised" },
    { headgear: "bald", weapon: "wand", idle: "raised" },
  ],
  soldier: [
    {},
    { headgear: "open-helm", shield: true },
    { weapon: "sword", shield: true, plume: true, idle: "planted" },
    { headgear: "open-helm", weapon: "axe", pauldron: "round", idle: "shoulder" },
  ],
  demon: [
    {},
    { weapon: "axe", pauldron: undefined, cape: true, idle: "raised" },
    { headgear: "mohawk", weapon: "scythe", bare: true },
    { weapon: "none", build: "thin", cape: true, idle: "raised" },
  ],
  mummy: [
    {},
    { reach: false, idle: "raised" },
    { reach: false, weapon: "staff", headgear: "crown" },
    { reach: false, weapon: "sword", shield: true },
  ],
  genie: [
    {},
    { headgear: "bald", idle: "raised" },
    { weapon: "sword", idle: "shoulder" },
    { headgear: "bandana", vest: false, weapon: "wand", idle: "raised" },
  ],
  lich: [
    {},
    { headgear: "hood", cape: true, idle: "shoulder" },
    { headgear: "open-helm", hornedHelm: true, weapon: "scythe" },
    { headgear: "hood", weapon: "wand", idle: "raised" },
  ],
  zombie: [
    {},
    { headgear: "bald", build: undefined },
    { hairStyle: "long", reach: false, idle: "raised" },
    { headgear: "bald", bare: true, reach: false, weapon: "cleaver", idle: "planted" },
  ],
  vampire: [
    {},
    {
      headgear: "bald",
      ears: true,
      build: "hunched",
      collar: false,
      cape: false,
      coat: true,
      reach: true,
    },
    { hairStyle: "long", weapon: "dagger", idle: "raised" },
    { headgear: "top-hat", hat: "#24202c", collar: false, weapon: "cane", idle: "planted" },
  ],
  archer: [
    {},
    // hooded under a cape, the staff raised (bare-headed with long hair read as a robed woman)
    { headgear: "hood", cape: true, idle: "raised" },
    { headgear: "tiara", hairStyle: "long", coat: true },
    { headgear: "hair", hairStyle: "bun", coat: true, cape: true },
  ],
  dwarf: [
    { headgear: "open-helm", hornedHelm: true, weapon: "axe", beard: "long" },
    { headgear: "bald", weapon: "hammer", beard: "forked", pauldron: "round" },
    { headgear: "hood", weapon: "pickaxe", beard: "long", idle: "shoulder" },
    { headgear: "open-helm", weapon: "mace", shield: true },
  ],
  // a kappa (a turtle folk warrior): river weapons and poses, and the shell's plates
  "beast:turtle": [
    {},
    { weapon: "spear", shellMark: "scutes", idle: "raised", build: "bulky" },
    { weapon: "none", reach: true, shellMark: "plain", build: "hunched" },
    { weapon: "rod", shellMark: "scutes", idle: "raised" },
  ],
  // a jackal warrior (anubis): bare-chested over a white kilt, as Egypt drew him
  "beast:jackal": [
    { bare: true, pants: "#eeeae0" },
    // (a robe, a cape, pauldrons: a staff the prompt names is held in every take)
    { robe: true, cloth: "#eeeae0", weapon: "spear", idle: "planted" },
    { bare: true, pants: "#e8d8a0", cape: true, idle: "raised" },
    { bare: true, pants: "#eeeae0", weapon: "axe", pauldron: "round", idle: "shoulder" },
  ],
  // a snake warrior (a naga): bare arms and chest over the coils, a weapon or none
  "beast:snake": [
    { bare: true },
    { bare: true, weapon: "spear", idle: "raised", cape: true },
    { bare: true, weapon: "none", reach: true },
    { bare: true, weapon: "sword", shield: true, idle: "planted", pauldron: "round" },
  ],
  // a monkey warrior (the monkey king): a tunic, a cape, a yellow robe, a coat; the pole upright,
  // on the shoulder or raised
  "beast:monkey": [
    { weapon: "cudgel" },
    { weapon: "cudgel", idle: "shoulder", cape: true },
    { weapon: "cudgel", robe: true, cloth: "#e8a830" },
    { weapon: "cudgel", idle: "raised", coat: true },
  ],
  // a troll named alone: bald with a club over a ragged tunic, then other heads, arms and cuts
  troll: [
    {},
    { headgear: "mohawk", weapon: "hammer", bare: true, idle: "shoulder" },
    { headgear: "hair", hairStyle: "long", weapon: "axe", torn: false, cape: true, idle: "raised" },
    { beard: "long", weapon: "cleaver", pauldron: "round", build: "big", idle: "planted" },
  ],
  // an oni (composites.ts: a troll with horns): its kanabō stays, the takes are the head, the
  // bare chest over a tiger-yellow loincloth, the cut of the clothes
  oni: [
    { weapon: "club", bare: true, pants: "#e8a830" },
    { weapon: "club", headgear: "hair", hairStyle: "long", hair: "#1c1828", idle: "shoulder" },
    { weapon: "club", headgear: "topknot", pauldron: "spiked", torn: false, idle: "planted" },
    {
      weapon: "club",
      headgear: "mohawk",
      beard: "forked",
      bare: true,
      build: "big",
      idle: "raised",
    },
  ],
  // the crown stays: a young king with a sword, an old one with a sceptre, a warrior king, a
  // robed one
  king: [
    {},
    { beard: "long", hair: "#dcdce4", weapon: "wand", idle: "raised" },
    { beard: "short", weapon: "sword", shield: true, pauldron: "round", idle: "planted" },
    { beard: "forked", robe: true, hairStyle: "long", weapon: "staff", cape: false },
  ],
  // a queen keeps her crown and long hair (a generic take's hood hid the crown, its beard made
  // her a man): a sceptre, a staff, hands raised, a tiara
  queen: [
    { hairStyle: "long" },
    { hairStyle: "long", weapon: "wand", idle: "raised" },
    { hairStyle: "bun", weapon: "none", cape: true, idle: "raised" },
    { headgear: "tiara", hairStyle: "long", weapon: "staff", coat: true, robe: false },
  ],
  // a young king: the crown stays over a sword, a dagger, a spear or a bow
  prince: [
    {},
    { weapon: "dagger", coat: true, cape: true, idle: "raised" },
    { weapon: "spear", hairStyle: "long", idle: "planted" },
    { weapon: "bow", cape: true, pauldron: "round" },
  ],
  // the masked hood stays (it is what says ninja): kunai, katana, a yari, a bow under a cape
  ninja: [
    {},
    { weapon: "katana", idle: "shoulder", pauldron: "plates" },
    { weapon: "spear", idle: "planted", build: "thin" },
    { weapon: "bow", idle: "raised", cape: true },
  ],
  // bare-chested in every take (eval-f: a clothed barbarian with an axe read as a woodcutter)
  barbarian: [
    { bare: true, beard: "short", idle: "shoulder" },
    { bare: true, headgear: "hair", hairStyle: "long", weapon: "greatsword", idle: "raised" },
    { bare: true, headgear: "open-helm", hornedHelm: true, beard: "long", idle: "planted" },
    { bare: true, pauldron: "spiked", weapon: "hammer", hairStyle: "long", idle: "raised" },
  ],
  viking: [
    { beard: "long", shield: "round" },
    { headgear: "open-helm", weapon: "spear", shield: "round", beard: "short", idle: "planted" },
    { headgear: "hair", hairStyle: "long", beard: "forked", cape: true, idle: "shoulder" },
    {
      headgear: "open-helm",
      hornedHelm: true,
      weapon: "hammer",
      pauldron: "round",
      idle: "raised",
    },
  ],
  // the white tabard and the cross on it stay (they say holy): the helm, the weapon, the pose
  paladin: [
    {},
    { headgear: "open-helm", weapon: "warhammer", idle: "shoulder" },
    { headgear: "helmet", plume: true, weapon: "sword", idle: "raised" },
    { headgear: "hood", weapon: "warhammer", shield: false, cape: true, idle: "planted" },
  ],
  crusader: [
    {},
    { headgear: "open-helm", weapon: "mace", idle: "raised" },
    { weapon: "spear", shield: false, cape: false, idle: "planted" },
    { headgear: "hood", weapon: "greatsword", shield: false, idle: "shoulder" },
  ],
  // the bo stays: held up, on the shoulder, planted; then fists raised
  monk: [
    {},
    { idle: "shoulder" },
    { robe: false, vest: true, idle: "planted" },
    { weapon: "none", idle: "raised", robe: false },
  ],
  spartan: [
    {},
    { weapon: "sword", idle: "raised" },
    { bare: false, cloth: "#b02c2c", pauldron: "round", idle: "shoulder" },
    { weapon: "sword", shield: false, cape: false, beard: "short", idle: "planted" },
  ],
  legionary: [
    {},
    { weapon: "spear", shield: false, cape: true, idle: "planted" },
    { cape: true, idle: "raised" },
    { weapon: "spear", shield: "round", pauldron: "round", idle: "shoulder" },
  ],
  gladiator: [
    {},
    { weapon: "spear", shield: false, idle: "planted" },
    { headgear: "open-helm", weapon: "sword", shield: "tower", idle: "raised" },
    { weapon: "axe", idle: "shoulder", pauldron: "spiked" },
  ],
  pharaoh: [
    {},
    { weapon: "none", idle: "raised" },
    { weapon: "spear", robe: false, idle: "planted" },
    { weapon: "axe", cape: true, idle: "raised" },
  ],
  // an old person with no calling (humanoid.ts personRole adds the stoop, grey hair, a cane)
  elder: [
    {},
    { headgear: "bandana", hairStyle: "long", weapon: "cane", cape: true, idle: "planted" },
    { headgear: "wide-hat", coat: true, idle: "shoulder" },
    { headgear: "hood", cape: true, weapon: "cane", idle: "raised" },
  ],
  // the white face and the red stay: a raised hand, long hair over a short kimono, a straw hat
  geisha: [
    {},
    { weapon: "wand", idle: "raised", pauldron: "plates" },
    { hairStyle: "long", robe: false, coat: true },
    { headgear: "straw-hat", weapon: "cane", idle: "planted" },
  ],
  musketeer: [
    {},
    { headgear: "hair", hairStyle: "long", beard: "forked", idle: "raised" },
    { weapon: "dagger", coat: true, tabard: false, cape: false, idle: "shoulder" },
    { beard: "short", weapon: "spear", cape: false, idle: "planted" },
  ],
  police: [
    {},
    { headgear: "hair", idle: "raised" },
    { coat: true, idle: "planted" },
    { weapon: "none", coat: true, hairStyle: "long", idle: "raised" },
  ],
};

/**
 * Any other look (a class without a row, every look from the people lexicon): headgear or none,
 * a weapon from a generic set, the clothes' cut, hair and beard. A look's own headgear (a chef's
 * hat, a nurse's cap) and weapon (a medic's none) stay: genericTake drops what would hide them.
 */
const GENERIC: readonly Take[] = [
  {},
  { headgear: "hood", weapon: "spear", cape: true, idle: "raised" },
  { headgear: "bandana", weapon: "axe", beard: "short", coat: true, idle: "shoulder" },
  { headgear: "hair", hairStyle: "long", weapon: "dagger", pauldron: "round", idle: "planted" },
];

/** Headgear a generic take may replace: none of it says who the person is. */
const PLAIN_HEADGEAR = new Set([undefined, "hair", "bald"]);

function genericTake(role: RoleSpec, take: Take): Take {
  const t: Take = { ...take };
  if (!PLAIN_HEADGEAR.has(role.headgear)) delete t.headgear;
  if (role.weapon) delete t.weapon;
  // a uniform (a medic's red cross, a police badge) is not cut into a coat or pauldrons
  if (role.emblem) {
    delete t.coat;
    delete t.pauldron;
  }
  return t;
}

/**
 * The take of a look for a take key (seed + variation; 1 = the first): the look's own list, else
 * the race's when the race is the subject, else the class's (not its base: a witch is no bearded
 * wizard), else the generic one. Consecutive keys cycle through the list, so four seeds are four
 * takes.
 */
export function takeFor(
  role: RoleSpec,
  roleId: string,
  race: string | undefined,
  plain: boolean,
  key: number,
): Take {
  // a beast-folk warrior (a kappa is "a turtle warrior") is its race's look first
  const own = race && (plain || (roleId === "warrior" && race.startsWith("beast:")));
  const list = role.takes ?? (own ? TAKES[race] : undefined) ?? TAKES[roleId];
  const n = (list ?? GENERIC).length;
  const i = (((key - 1) % n) + n) % n;
  return list ? list[i]! : genericTake(role, GENERIC[i]!);
}

/** The take ids this module knows a list for (tests check each draws four designs). */
export const TAKE_LISTS: readonly string[] = Object.keys(TAKES);
export { GENERIC, TAKES };
