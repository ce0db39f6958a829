import { describe, expect, it } from "vitest";
import { interpretPrompt } from "./interpretation";
import { parsePrompt } from "./prompt";
import { SUBJECTS } from "./vocabulary";

const drawn = (p: string) => {
  const i = parsePrompt(p);
  return i.builder === "icon" ? i.variant : i.subject;
};

describe("possessives: the thing owned is drawn, the owner says which kind", () => {
  it("an owner's phrase or game icon names the thing (witch's hat, wizard's staff)", () => {
    expect(parsePrompt("a wizard's hat").subject).toBe("wizard-hat");
    expect(parsePrompt("a witch's hat").subject).toBe("wizard-hat");
    expect(parsePrompt("the witches' hat").subject).toBe("wizard-hat");
    expect(parsePrompt("a knight's helmet").subject).toBe("helmet");
    expect(drawn("a wizard's staff")).toMatch(/wizard-staff/);
  });

  it("a plain hat or helmet is the owner's own headwear", () => {
    expect(drawn("a pirate's hat")).toMatch(/pirate-hat/);
    expect(drawn("a viking's helmet")).toMatch(/viking-helmet/);
    expect(drawn("a cowboy's hat")).toMatch(/western-hat/);
    expect(parsePrompt("the hat of the wizard").subject).toBe("wizard-hat");
    expect(parsePrompt("巫师的帽子").subject).toBe("wizard-hat");
    expect(drawn("海盗的帽子")).toMatch(/pirate-hat/);
    const line = interpretPrompt("a cowboy's hat", { seed: 1 }).summary;
    expect(line).toMatch(/cowboy's own headwear/);
  });

  it("an owner is never the drawn subject, nor worn, nor holding the thing", () => {
    for (const p of [
      "a knight's sword",
      "a wizard's wand",
      "sword of the king",
      "骑士的剑",
      "the hat of the wizard",
      "the crown of the king",
    ]) {
      const i = parsePrompt(p);
      expect(i.builder, p).not.toBe("humanoid");
      expect(i.worn, p).toBeUndefined();
    }
    expect(parsePrompt("a knight's sword").subject).toBe("sword");
    expect(parsePrompt("骑士的剑").subject).toBe("sword");
    expect(parsePrompt("a wizard's cat").subject).toBe("cat");
  });

  it("an owner that changes nothing is said, never 'not understood'", () => {
    for (const [p, owner] of [
      ["a knight's sword", "knight"],
      ["a dog's bone", "dog"],
      ["骑士的剑", "骑士"],
    ] as const) {
      const i = parsePrompt(p);
      expect(i.ignored, p).toContain(owner);
      expect(i.unknown, p).toEqual([]);
    }
    const it = interpretPrompt("a knight's sword", { seed: 1 });
    expect(it.summary).toMatch(/not drawn: knight/);
    expect(it.not_understood).toEqual([]);
  });

  it("an owner's kind lends its material (a king's sword is gold, a ghost's haunted)", () => {
    const king = parsePrompt("a king's sword");
    expect(king.subject).toBe("sword");
    expect(king.materials).toContain("gold");
    expect(interpretPrompt("a king's sword", { seed: 1 }).summary).toMatch(/king's, gold/);
    expect(parsePrompt("sword of the king").materials).toContain("gold");
    expect(parsePrompt("a ghost's lantern").materials).toContain("haunted");
  });

  it("a clause is no owner: 拿着剑的骑士 is a knight, 抱着猫的女孩 a girl", () => {
    expect(parsePrompt("拿着剑的骑士").builder).toBe("humanoid");
    expect(parsePrompt("抱着猫的女孩").builder).toBe("humanoid");
    expect(parsePrompt("it's a cat").subject).toBe("cat");
  });
});

describe("a held thing is drawn as itself or said not drawn, never a star", () => {
  it("every vocabulary subject in a knight's hand", () => {
    const stars: string[] = [];
    for (const s of SUBJECTS) {
      const word = s.en[0];
      if (!word || /star/.test(s.id)) continue;
      const i = parsePrompt(`a knight holding a ${word}`);
      if (i.held?.icon === "star") stars.push(word);
      if (i.held && !i.held.icon && !i.held.weapon) stars.push(`${word} (nothing)`);
    }
    expect(stars).toEqual([]);
  });

  it("a house or a car in the hand is its own small drawing", () => {
    for (const p of [
      "a knight holding a house",
      "a knight holding a car",
      "a dog holding a house",
    ]) {
      const icon = parsePrompt(p).held?.icon;
      expect(icon, p).toBeTruthy();
      expect(icon, p).not.toBe("star");
    }
    // nothing draws a moth small: said, not a star
    const moth = parsePrompt("a knight holding a moth");
    expect(moth.held?.icon).not.toBe("star");
    expect(moth.ignored).toContain("moth");
  });
});

describe("stray readings of common things", () => {
  it("a bracelet, bangle or anklet is the bracelet's bead loop, not a random creature", () => {
    for (const p of ["a bracelet", "a bangle", "an anklet", "手镯"]) {
      const i = interpretPrompt(p, { seed: 1 });
      expect(i.subject, p).toBe("bracelet");
      expect(i.nothing_matched, p).toBe(false);
    }
  });

  it("a taco is the food, not WordNet's person; a fork is cutlery, not the evil-fork icon", () => {
    expect(parsePrompt("a taco").subject).toBe("taco");
    expect(parsePrompt("a fork").subject).toBe("fork");
    expect(parsePrompt("一把叉子").subject).toBe("fork");
    expect(parsePrompt("a farmer with a pitchfork").held?.icon).toMatch(/pitchfork/);
  });

  it("a food's form word is named, not 'not understood' (the cheese is drawn as its wedge)", () => {
    for (const p of ["cheese wheel", "a wheel of cheese"]) {
      const i = parsePrompt(p);
      expect(i.subject, p).toBe("cheese");
      expect(i.unknown, p).toEqual([]);
      expect(i.ignored, p).toContain("wheel");
    }
  });
});
