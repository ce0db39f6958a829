// Possessives: "a wizard's hat", "the sword of the king", 骑士的剑. The thing owned is the subject;
// the owner is not drawn beside it, but it may say which kind of the thing it is: its own
// headwear for a plain "hat" (a pirate's hat is a tricorn), the material its kind is made in (a
// king's things are golden). prompt.ts readOwners finds the pairs, ownerStyle applies these.

import type { MaterialId } from "./vocabulary";

/** Headwear words that name no kind of their own: the owner's headwear says which. */
export const PLAIN_HEADWEAR = new Set(["hat", "cap", "helmet"]);

/**
 * An owner's own headwear: a vocabulary subject id, else a game-icons.net name. Keyed by the
 * owner's subject id (classes and races), as the rigs draw them on the body (humanoid.ts ROLES).
 */
export const OWNER_HEADWEAR: Record<string, string> = {
  knight: "helmet",
  paladin: "helmet",
  crusader: "helmet",
  soldier: "army-helmet",
  mage: "wizard-hat",
  witch: "wizard-hat",
  necromancer: "hood",
  druid: "hood",
  assassin: "hood",
  pirate: "pirate-hat",
  captain: "pirate-hat",
  king: "crown",
  queen: "queen-crown",
  prince: "crown",
  princess: "crown",
  viking: "viking-helmet",
  samurai: "samurai-helmet",
  spartan: "spartan-helmet",
  legionary: "centurion-helmet",
  gladiator: "crested-helmet",
  cowboy: "western-hat",
  sheriff: "western-hat",
  astronaut: "space-helmet",
  archer: "robin-hood-hat",
  chef: "chef-toque",
  dwarf: "dwarf-helmet",
};

/** The material an owner's things are made in, when its kind has one (a king's sword is gold). */
export const OWNER_MATERIAL: Record<string, MaterialId> = {
  king: "gold",
  queen: "gold",
  prince: "gold",
  princess: "gold",
  pharaoh: "gold",
  mage: "magic",
  witch: "magic",
  necromancer: "magic",
  lich: "magic",
};

/** Things that picture their "owner" rather than belong to it: a statue of a knight is a knight. */
export const PICTURE_WORDS =
  /^(?:statue|painting|picture|portrait|drawing|photo|photograph|image|figure|figurine|doll|toy|poster|mask|costume|sculpture|icon|sprite|avatar|ghost|king|queen|lord|god|goddess)$/;
