import { describe, expect, it } from "vitest";
import type { RgbaImage } from "../types";
import { prepareSprite, renderSpriteGrid } from "./engine";
import { lookupNoun } from "./lexicon";
import { parsePrompt } from "./prompt";
import { SUBJECT_BY_ID, SUBJECTS } from "./vocabulary";

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
    // (the kingfisher and the vulture have vocabulary lines now: a hoopoe, and a condor is a vulture)
    expect(lookupNoun("hoopoe")!.base).toBe("bird");
    expect(lookupNoun("condor")!.base).toBe("vulture");
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
    // untagged and no creature: WordNet's order (the logger before the jacket), plants last
    expect(lookupNoun("lumberjack")?.category).toBe("person");
    expect(lookupNoun("medic")?.category).toBe("person");
    // a word whose usual sense is nothing drawable is not read through a rare one
    expect(lookupNoun("mind")).toBeUndefined();
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
    expect(lookupNoun("secretary bird")?.base).toBe("eagle");
  });

  it("every base is a vocabulary subject", () => {
    for (const w of ["dachshund", "mongoose", "popsicle", "mercenary", "doppelganger", "pretzel"]) {
      const base = lookupNoun(w)?.base;
      expect(base && SUBJECT_BY_ID.has(base), w).toBe(true);
    }
  });
});

const draw = async (prompt: string, seed = 1) => {
  await prepareSprite({ prompt, seed, mode: "idle", index: 0 });
  return renderSpriteGrid({ prompt, seed, mode: "idle", index: 0, count: 1 });
};

/** Share of the opaque pixels that are orange (red high, green middling, blue low). */
const orangeShare = (g: RgbaImage) => {
  let opaque = 0;
  let orange = 0;
  for (let i = 0; i < g.data.length; i += 4) {
    if (g.data[i + 3]! === 0) continue;
    opaque++;
    const [r, gr, b] = [g.data[i]!, g.data[i + 1]!, g.data[i + 2]!];
    if (r > 170 && gr > 60 && gr < r - 40 && b < gr - 20) orange++;
  }
  return orange / Math.max(1, opaque);
};

describe("the parse reads nouns through WordNet, always as a guess it shows", () => {
  it("a dachshund is drawn by the dog rig and the line names WordNet, in English and Chinese", async () => {
    const info = parsePrompt("a dachshund");
    expect(info.builder).toBe("animal");
    expect(info.variant).toBe("dog");
    expect(info.unknown).toEqual([]);
    const { grid, interpretation } = await draw("a dachshund");
    expect(grid.data.some((v, i) => i % 4 === 3 && v > 0)).toBe(true);
    expect(interpretation.summary).toContain(
      '"dachshund" is not in the vocabulary; WordNet says it is a kind of dog, so drew a dog',
    );
    expect(interpretation.summary_zh).toContain("WordNet 说它是一种狗");
  });

  it("a goldfish is orange (its gloss: golden or orange-red); a plain fish is not", async () => {
    const gold = await draw("a goldfish");
    const plain = await draw("a fish");
    expect(orangeShare(gold.grid)).toBeGreaterThan(0.3);
    expect(orangeShare(gold.grid)).toBeGreaterThan(orangeShare(plain.grid) + 0.2);
    expect(gold.interpretation.summary).toContain("WordNet's description");
    // a colour in the prompt still wins
    expect(parsePrompt("a blue goldfish").colors).toEqual([[0x3c, 0x6e, 0xe6]]);
  });

  it("a borrowed silhouette takes its gloss colour instead of the default ramp (raven: black)", () => {
    const info = parsePrompt("a raven");
    expect(info.icon).toBe("gi/raven");
    expect(info.colors[0]).toEqual([0x34, 0x30, 0x3e]);
    expect(info.guesses.join(" ")).toContain("WordNet's description");
    // a named colour or material still wins
    expect(parsePrompt("a white raven").colors).toEqual([[0xee, 0xee, 0xf2]]);
  });

  it("a gloss's pattern reaches the rig: a dalmatian is a white, spotted dog", () => {
    const info = parsePrompt("a dalmatian");
    expect(info.variant).toBe("dog");
    expect(info.pattern).toBe("spots");
    expect(info.colors[0]).toEqual([0xee, 0xee, 0xf2]);
  });

  it("no vocabulary subject's own word is read through WordNet or recoloured by a gloss", () => {
    const touched = SUBJECTS.filter((s) => /^[a-z][a-z ]*$/.test(s.en[0] ?? ""))
      .map((s) => [s.en[0]!, parsePrompt(`a ${s.en[0]}`)] as const)
      .filter(([, info]) => info.guesses.some((g) => g.includes("WordNet")))
      .map(([w]) => w);
    expect(touched).toEqual([]);
  });

  it("order of evidence: exact icon name > WordNet > word shape", () => {
    // an exact game-icon name still draws that icon
    expect(parsePrompt("a hummingbird").icon).toBe("gi/hummingbird");
    // WordNet beats an icon that only starts with the word, and the shape of the word
    expect(parsePrompt("a claymore").subject).toBe("sword");
    expect(parsePrompt("a hoopoe").subject).toBe("bird");
    expect(parsePrompt("a bulldog").subject).toBe("dog");
    expect(parsePrompt("a mongoose").subject).not.toBe("goose");
    expect(parsePrompt("a typewriter").subject).not.toBe("person");
    // a word inside a WordNet phrase is not its own icon: a rolling pin is no map pin
    const pin = parsePrompt("a rolling pin");
    expect(pin.icon ?? "").not.toMatch(/pin/);
    expect(pin.guesses.join(" ")).toContain('"rolling pin" is not in the vocabulary; WordNet');
    // a phrase WordNet makes another thing than its last word
    expect(parsePrompt("a guinea pig").subject).toBe("mouse");
    expect(parsePrompt("a sea lion").subject).toBe("seal");
    // but not after a modifier: a green dragon stays a dragon
    expect(parsePrompt("a green dragon").subject).toBe("dragon");
  });

  it("WordNet does not override what the phrases already read (regressions found on older lists)", () => {
    // a word more often an adjective qualifies the noun after it: "royal" is not a royal stag
    expect(lookupNoun("royal")?.adjective).toBe(true);
    expect(parsePrompt("a royal crown").subject).toBe("crown");
    // a thing's compound, head last, is the compound phases': a hay bale's own icon, not a crate
    expect(parsePrompt("a hay bale").icon).toContain("straw-bale");
    // an icon named as one word ("earthworm" → earth-worm) is an exact name
    expect(parsePrompt("an earthworm").icon).toContain("earth-worm");
    // a phrase WordNet knows claims its words: "urchin" is not read alone as a person
    expect(parsePrompt("a sea urchin").kind).not.toBe("humanoid");
    // a "cherry tree" is a tree, not WordNet's fruit; a "frying pan" keeps the pan's icon
    expect(parsePrompt("a cherry tree").subject).toBe("tree");
    expect(parsePrompt("a frying pan").nothingMatched).toBe(false);
  });

  it("a WordNet noun takes part in compositions like any subject", () => {
    const crowned = parsePrompt("a poodle wearing a crown");
    expect(crowned.subject).toBe("dog");
    expect(crowned.worn?.id).toBe("crown");
    const knight = parsePrompt("a knight with a claymore");
    expect(knight.role).toBe("knight");
    expect(knight.held?.id).toBe("sword");
    expect(knight.guesses.join(" ")).toContain('"claymore"');
  });

  it("a person's chain ends at the person drawing (the roles table refines it)", () => {
    const info = parsePrompt("a medic");
    expect(info.kind).toBe("humanoid");
    expect(info.guesses.join(" ")).toContain("WordNet says it is a kind of person");
  });

  it("nonsense stays not understood, with no WordNet guess", () => {
    const info = parsePrompt("zorblax quimbo ".repeat(100));
    expect(info.nothingMatched).toBe(true);
    expect(info.guesses).toEqual([]);
  });
});
