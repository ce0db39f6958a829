import { describe, expect, it } from "vitest";
import { renderSprite } from "./engine";
import { parsePrompt } from "./prompt";
import { SUBJECTS } from "./vocabulary";

const render = (prompt: string) =>
  renderSprite({ prompt, seed: 1, mode: "idle", index: 0, count: 1 });

describe("stand-in words (≈): a different thing is never drawn silently", () => {
  it("every stand-in either draws its own game icon or says which subject it was drawn as", () => {
    const silent: string[] = [];
    for (const s of SUBJECTS)
      for (const w of s.standIn) {
        const info = parsePrompt(`a ${w}`);
        const said = info.guesses.some((g) => g.includes(`"${w}"`));
        if (!said) silent.push(`${w} → ${info.subject}`);
      }
    expect(silent).toEqual([]);
  });

  it("a flail, a drum and a gauntlet are drawn from their own icons, not as a mace, a barrel, gloves", async () => {
    for (const [word, standIn] of [
      ["flail", "mace"],
      ["drum", "barrel"],
      ["gauntlet", "gloves"],
    ] as const) {
      const own = await render(`a ${word}`);
      const near = await render(`a ${standIn}`);
      expect(own.interpretation.subject).toBe(word);
      let differ = 0;
      for (let i = 3; i < own.grid.data.length; i += 4)
        if (own.grid.data[i]! > 0 !== near.grid.data[i]! > 0) differ++;
      expect(differ).toBeGreaterThan(40);
    }
  });

  it("a held stand-in with an icon of its own is held as that icon", () => {
    expect(parsePrompt("a viking with a drum").held?.icon).toBe("gi/drum");
    expect(parsePrompt("a viking with a gauntlet").held?.icon).toBe("gi/gauntlet");
    // a flail is a subject of its own now (vocabulary.ts), held as its iron icon
    expect(parsePrompt("a viking with a flail").held?.icon).toBe("gi/flail@iron");
  });

  it("a stand-in without an icon of its own is drawn as the nearest subject, with a note", () => {
    const info = parsePrompt("a hamster");
    expect(info.subject).toBe("mouse");
    expect(info.guesses.join(" ")).toContain('"hamster" is drawn as the nearest subject');
    expect(parsePrompt("a wizard").guesses).toEqual([]);
  });
});

describe("an unknown word next to the drawn noun: the drawing is a guess and says so", () => {
  it("an unknown qualifier may make the noun another thing (hot spring)", () => {
    expect(parsePrompt("a hot spring").guesses.join(" ")).toContain('"hot" was not understood');
  });

  it("a two-word noun WordNet knows is read whole: a guinea pig is a rodent, not a pig", () => {
    const info = parsePrompt("a guinea pig");
    expect(info.subject).toBe("mouse");
    expect(info.guesses.join(" ")).toContain('"guinea pig" is not in the vocabulary; WordNet says');
  });

  it("a wearer WordNet knows is read, and the line does not claim it was drawn", () => {
    const info = parsePrompt("a chinchilla in a spacesuit");
    const line = info.guesses.join(" ");
    expect(line).toContain('"chinchilla" is not in the vocabulary; WordNet says it is a kind of');
    if (info.subject !== "mouse") expect(line).toContain("read as a mouse");
  });

  it("adjectives and known nouns add no such note", () => {
    for (const prompt of ["a glowing sword", "a knight with a sword", "a dragon in a cave"])
      expect(parsePrompt(prompt).guesses, prompt).toEqual([]);
  });
});

describe("a compound guess needs two words", () => {
  it("'sun|fish' is a kind of fish; 'mon|goose', 'dumb|bell', 'cocka|trice' are not a goose, a bell, rice", () => {
    expect(parsePrompt("a sunfish").subject).toBe("fish");
    expect(parsePrompt("a sunfish").guesses.join(" ")).toContain("kind of fish");
    for (const [prompt, not] of [
      ["a mongoose", "goose"],
      ["a dumbbell", "bell"],
      ["a cockatrice", "rice"],
    ] as const)
      expect(parsePrompt(prompt).subject, prompt).not.toBe(not);
  });
});

describe("a held thing only the long tail knows", () => {
  it("goes in the character's hand as its game icon, and the interpretation says so", async () => {
    for (const [prompt, bare, word] of [
      ["a ninja with a tomahawk", "a ninja", "tomahawk"],
      ["a pirate with a blunderbuss", "a pirate", "blunderbuss"],
    ] as const) {
      const held = await render(prompt);
      const plain = await render(bare);
      expect(held.interpretation.art.some((a) => a.use === "held" && a.icon === word)).toBe(true);
      expect(held.interpretation.guesses.join(" ")).toContain(`"${word}"`);
      let differ = 0;
      for (let i = 0; i < held.grid.data.length; i += 4)
        if (held.grid.data[i + 3] !== plain.grid.data[i + 3]) differ++;
      expect(differ, prompt).toBeGreaterThan(10);
    }
  });

  it("a body word after 'with' is not put in the hand", () => {
    expect(parsePrompt("a wizard with a beard").held).toBeUndefined();
  });
});
