// A thing in a person's hand that the vocabulary does not list ("a medic with a scalpel", "a
// bard with a banjo"), resolved through the lexicon: the subject its chain reaches (a scalpel is
// a knife → the dagger) or, failing that, the kind of tool, weapon or instrument a chain node
// names (a banjo is a stringed instrument → the guitar). The caller says which it was.
import type { LexiconEntry } from "./person-roles";

/** Chain nodes (WordNet lemmas) → the vocabulary subject drawn in the hand for that kind. */
const KIND_HELD: Readonly<Record<string, string>> = {
  spear: "spear",
  lance: "spear",
  harpoon: "spear",
  knife: "dagger",
  dagger: "dagger",
  "edge tool": "dagger",
  sword: "sword",
  hammer: "hammer",
  maul: "hammer",
  axe: "axe",
  ax: "axe",
  hatchet: "axe",
  saw: "saw",
  "power saw": "saw",
  "stringed instrument": "guitar",
  "musical instrument": "guitar",
  "wind instrument": "trumpet",
  "brass instrument": "trumpet",
  "percussion instrument": "drum-set",
  "medical instrument": "syringe",
  stick: "staff",
  "walking stick": "staff",
  staff: "staff",
  firearm: "gun",
  gun: "gun",
  bow: "bow",
  lamp: "lamp",
  "source of illumination": "lantern",
  bottle: "potion",
  flask: "potion",
  vessel: "potion",
  book: "book",
  "cleaning implement": "broom",
};

export interface HeldKind {
  /** vocabulary subject id to put in the hand */
  id: string;
  /** the chain node it was read from, when it is a kind and not the thing itself */
  via?: string;
}

/** The subject an entry's own chain reaches when it is a thing a hand can hold. */
export function heldBase(
  e: LexiconEntry,
  isHoldable: (id: string) => boolean,
): HeldKind | undefined {
  return e.base && isHoldable(e.base) ? { id: e.base } : undefined;
}

/** The kind of held thing a chain node names (after the game icons had their turn). */
export function heldKind(e: LexiconEntry): HeldKind | undefined {
  for (const n of e.chain) {
    const id = KIND_HELD[n.toLowerCase()];
    if (id) return { id, via: n };
  }
  return undefined;
}
