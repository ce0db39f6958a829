import { describe, expect, it } from "vitest";
import { lookupNoun } from "./lexicon";
import { SUBJECT_BY_ID } from "./vocabulary";

describe("lookupNoun: WordNet nouns the vocabulary does not list", () => {
  it("walks a breed up to the drawable animal and keeps the chain specific → general", () => {
    const e = lookupNoun("dachshund")!;
    expect(e.lemma).toBe("dachshund");
    expect(e.category).toBe("animal");
    expect(e.chain[0]).toBe("dachshund");
    expect(e.chain.at(-1)).toBe("dog");
    expect(e.base).toBe("dog");
    expect(e.gloss).toContain("long-bodied");
  });

  it("truncates the chain at the first drawable node, not the root", () => {
    const parakeet = lookupNoun("parakeet")!;
    expect(parakeet.chain).toEqual(["parakeet", "parrot"]);
    expect(parakeet.base).toBe("parrot");
    // a class the vocabulary has no word for is an anchor: a rodent is drawn as a mouse
    const chinchilla = lookupNoun("chinchilla")!;
    expect(chinchilla.chain).toEqual(["chinchilla", "rodent"]);
    expect(chinchilla.base).toBe("mouse");
    expect(lookupNoun("gazelle")!.base).toBe("deer");
    expect(lookupNoun("kingfisher")!.base).toBe("bird");
    expect(lookupNoun("condor")!.base).toBe("eagle");
    expect(lookupNoun("stingray")!.base).toBe("fish");
  });

  it("folds plurals and reads multi-word and hyphenated lemmas", () => {
    expect(lookupNoun("guinea pigs")?.lemma).toBe("guinea pig");
    expect(lookupNoun("guinea pigs")?.base).toBe("mouse");
    expect(lookupNoun("Parakeets")?.lemma).toBe("parakeet");
    expect(lookupNoun("rolling pin")?.chain).toContain("kitchen utensil");
    expect(lookupNoun("walkie talkie")?.lemma).toBe("walkie-talkie");
  });

  it("chooses a drawable sense: the creature over the fabric, the sword over the mine", () => {
    // chinchilla's first senses are a fur and a fabric; no sense is tagged, so the animal wins
    expect(lookupNoun("chinchilla")?.category).toBe("animal");
    // claymore: WordNet's first sense is the Highland broadsword (a vocabulary sword word)
    expect(lookupNoun("claymore")?.chain).toEqual(["claymore", "broadsword"]);
    expect(lookupNoun("claymore")?.base).toBe("sword");
    // a tagged sense wins over preference: a pilot is a person, not a TV pilot
    expect(lookupNoun("pilot")?.category).toBe("person");
    // an untagged object word is the object, not the rare sense of a person
    expect(lookupNoun("plunger")?.category).toBe("artifact");
  });

  it("ends people and imaginary beings at a person or a monster for the roles table", () => {
    const medic = lookupNoun("medic")!;
    expect(medic.category).toBe("person");
    expect(medic.chain.at(-1)).toBe("person");
    expect(medic.base).toBe("person");
    const gorgon = lookupNoun("gorgon")!;
    expect(gorgon.category).toBe("imaginary being");
    expect(gorgon.gloss).toContain("winged");
  });

  it("keeps the gloss's colours for the drawing", () => {
    expect(lookupNoun("goldfish")?.gloss).toContain("orange-red");
    expect(lookupNoun("flamingo")?.gloss).toContain("pink-to-scarlet");
    expect(lookupNoun("zebra")?.gloss).toContain("striped");
  });

  it("leaves words outside drawable categories and nonsense alone", () => {
    expect(lookupNoun("happiness")).toBeUndefined();
    expect(lookupNoun("xqzzv")).toBeUndefined();
    expect(lookupNoun("")).toBeUndefined();
    expect(lookupNoun("a".repeat(200))).toBeUndefined();
  });

  it("does not let a stand-in word be an anchor (raptor ≈ dinosaur is also a bird of prey)", () => {
    expect(lookupNoun("vulture")?.base).toBe("eagle");
  });

  it("every base is a vocabulary subject", () => {
    for (const w of ["dachshund", "mongoose", "popsicle", "mercenary", "doppelganger", "pretzel"]) {
      const base = lookupNoun(w)?.base;
      expect(base && SUBJECT_BY_ID.has(base), w).toBe(true);
    }
  });
});
