import { describe, expect, it } from "vitest";
import { hexToRgb, rgbToHsv } from "../color";
import type { SpriteCanvas } from "./canvas";
import { HUMANOID_PARTS as P } from "./costume-parts";
import type { Design } from "./design";
import { parsePrompt } from "./prompt";
import { cellsWhere, drawTakeWithDesign } from "./test-helpers";

/** One idle frame at 32 cells in a view, with the design it was drawn from. */
function draw(
  prompt: string,
  take: number,
  view: "front" | "back" = "front",
): { c: SpriteCanvas; d: Design } {
  const { canvas, design } = drawTakeWithDesign(prompt, take, "idle", 0, (pose) => {
    pose.view = view;
  });
  return { c: canvas, d: design };
}

/** Cells of the given parts whose material's base colour is `hex`. */
function coloured(c: SpriteCanvas, d: Design, hex: string, parts: number[]): number {
  const [r, g, b] = hexToRgb(hex);
  let n = 0;
  for (let i = 0; i < c.mat.length; i++) {
    const m = d.materials[c.mat[i]!];
    if (!m || !parts.includes(c.part[i]!)) continue;
    const [mr, mg, mb] = m.ramp[2];
    if (mr === r && mg === g && mb === b) n++;
  }
  return n;
}

const where = cellsWhere;

/** Cells drawn on the given parts. */
function partCells(c: SpriteCanvas, parts: number[]): number {
  let n = 0;
  for (let i = 0; i < c.mat.length; i++) if (c.mat[i]! >= 0 && parts.includes(c.part[i]!)) n++;
  return n;
}

/** costumes.ts: a crown's gold and the vampire's dark coat */
const GOLD = "#e8b830";
const VAMPIRE_CAPE = "#5c1c2c";

describe("a rank over a creature keeps the creature (#20, eval-f's Vampire Lord)", () => {
  it("a vampire lord is a vampire — dark coat, cape, high collar — with a gold crown", () => {
    for (let take = 1; take <= 4; take++) {
      const { c, d } = draw("Vampire Lord", take);
      expect(coloured(c, d, GOLD, [P.hat]), `crown, take ${take}`).toBeGreaterThan(4);
      expect(coloured(c, d, VAMPIRE_CAPE, [P.cape]), `cape, take ${take}`).toBeGreaterThan(3);
      // the vampire's dark clothes, not a king's bright robe (a coat's gold buttons aside)
      expect(
        where(c, d, [P.torso, P.robe], (_h, _s, v) => v > 0.45),
        `take ${take}`,
      ).toBeLessThan(8);
      expect(
        where(c, d, [P.torso, P.robe], (_h, _s, v) => v < 0.3),
        `take ${take}`,
      ).toBeGreaterThan(30);
    }
    // take 1 is the vampire as the tables draw it: the cape wide behind, the red-lined collar
    const { c, d } = draw("Vampire Lord", 1);
    expect(coloured(c, d, VAMPIRE_CAPE, [P.cape])).toBeGreaterThan(12);
    expect(coloured(c, d, "#c8283c", [P.cape])).toBeGreaterThan(3);
    expect(parsePrompt("Vampire Lord").race).toBe("vampire");
  });

  it("a countess, a duke, 伯爵 are ranks read through WordNet, layered the same way", () => {
    for (const prompt of ["vampire countess", "vampire duke", "吸血鬼伯爵"]) {
      const info = parsePrompt(prompt);
      expect(info.race, prompt).toBe("vampire");
      expect(info.look?.base, prompt).toBe("royal");
      const { c, d } = draw(prompt, 1);
      expect(coloured(c, d, GOLD, [P.hat]), prompt).toBeGreaterThan(4);
      expect(
        where(c, d, [P.torso], (_h, _s, v) => v < 0.3),
        prompt,
      ).toBeGreaterThan(20);
    }
    // the Chinese word is read as the English one, said in the line
    expect(parsePrompt("伯爵").guesses.join(" ")).toMatch(/earl.*ruler/);
    // a word whose pieces the vocabulary knows is read whole (理发 alone is a barber pole)
    expect(parsePrompt("一个理发师").subject).toBe("person");
    expect(parsePrompt("一个理发师").guesses.join(" ")).toContain("barber");
    // senses that disagree on the kind (a headman, a tribal chief) are not dressed as either
    expect(parsePrompt("酋长").look?.base).not.toBe("ninja");
  });

  it("a goblin king, an orc king: the race's clothes and weapon under a gold crown", () => {
    for (const prompt of ["goblin king", "orc king", "zombie king"]) {
      for (let take = 1; take <= 4; take++) {
        const { c, d } = draw(prompt, take);
        expect(coloured(c, d, GOLD, [P.hat]), `${prompt} ${take}`).toBeGreaterThan(4);
      }
    }
    // take 1: the goblin's own brown tunic, not a king's robe
    const { c, d } = draw("goblin king", 1);
    expect(where(c, d, [P.torso, P.robe], (h, s) => h > 10 && h < 40 && s > 0.3)).toBeGreaterThan(
      30,
    );
  });

  it("a queen, a prince and a king wear a gold crown in every take", () => {
    for (const prompt of ["a queen", "a prince", "a king"])
      for (let take = 1; take <= 4; take++) {
        const { c, d } = draw(prompt, take);
        // a tiara is a queen's too: gold on the head either way
        expect(coloured(c, d, GOLD, [P.hat]), `${prompt} ${take}`).toBeGreaterThan(2);
      }
  });
});

describe("people carry nothing unasked unless their calling is martial (eval-f)", () => {
  it("a little girl, a harpy, a villager, a man, a shopkeeper hold no weapon in any take", () => {
    for (const prompt of ["a little girl in a red dress", "harpy", "a villager", "a man"])
      for (let take = 1; take <= 4; take++)
        expect(partCells(draw(prompt, take).c, [P.weapon]), `${prompt} ${take}`).toBe(0);
  });

  it("a knight, a warrior and a person asked to hold a sword still hold one", () => {
    for (const prompt of ["a knight", "a warrior", "a girl holding a sword"])
      expect(partCells(draw(prompt, 1).c, [P.weapon]), prompt).toBeGreaterThan(4);
  });
});

describe("trades read by their tools and aprons (eval-f)", () => {
  const light = (_h: number, s: number, v: number) => s < 0.25 && v > 0.8;

  it("a shopkeeper, a baker, a butcher and an innkeeper wear a pale apron over the shirt", () => {
    for (const prompt of ["shopkeeper", "a baker", "a butcher", "innkeeper"]) {
      const { c, d } = draw(prompt, 1);
      expect(where(c, d, [P.robe], light), prompt).toBeGreaterThan(20);
    }
    // a plain villager wears none
    const { c, d } = draw("a villager", 1);
    expect(where(c, d, [P.robe], light)).toBe(0);
  });

  it("a miner is no blacksmith: a yellow hard hat and a pickaxe; a baker holds bread", () => {
    const miner = parsePrompt("a miner");
    expect(miner.look?.headgear).toBe("hard-hat");
    expect(miner.look?.weapon).toBe("pickaxe");
    expect(parsePrompt("矿工").look?.weapon).toBe("pickaxe");
    expect(parsePrompt("a baker").held?.id).toBe("bread");
    expect(parsePrompt("a butcher").look?.weapon).toBe("cleaver");
    expect(parsePrompt("innkeeper").held?.id).toBe("beer");
  });

  it("an alchemist wears a hooded robe, not a scientist's white lab coat", () => {
    const info = parsePrompt("alchemist");
    expect(info.look?.headgear).toBe("hood");
    expect(info.guesses.join(" ")).toContain("an alchemist");
    const { c, d } = draw("alchemist", 1);
    expect(where(c, d, [P.torso, P.robe], light)).toBeLessThan(4);
    // a chemist is still the scientist
    expect(parsePrompt("a chemist").guesses.join(" ")).toContain("a scientist");
  });

  it("a blacksmith's hammer has a square block head five pixels deep", () => {
    for (let take = 1; take <= 2; take++) {
      const { c, d } = draw("a blacksmith", take);
      // the head: the weapon's grey cells (the haft is brown)
      let x0 = 99;
      let x1 = -1;
      let y0 = 99;
      let y1 = -1;
      let n = 0;
      for (let i = 0; i < c.mat.length; i++) {
        const m = d.materials[c.mat[i]!];
        if (!m || c.part[i] !== P.weapon) continue;
        const [, s] = rgbToHsv(...m.ramp[2]);
        if (s > 0.25) continue;
        n++;
        x0 = Math.min(x0, i % 32);
        x1 = Math.max(x1, i % 32);
        y0 = Math.min(y0, (i / 32) | 0);
        y1 = Math.max(y1, (i / 32) | 0);
      }
      // a square block fills its box; a rounded head 4 deep (eval-f) read as a blade
      const w = x1 - x0 + 1;
      const h = y1 - y0 + 1;
      expect(Math.min(w, h), `take ${take}`).toBeGreaterThanOrEqual(5);
      expect(n / (w * h), `take ${take}`).toBeGreaterThan(0.78);
    }
  });
});

describe("a harpy is a bird-woman, not an angel with a sword (eval-f)", () => {
  it("reads her wings as arms and her feet as talons, said in the line", () => {
    const info = parsePrompt("harpy");
    expect(info.features).toEqual(expect.arrayContaining(["wing arms", "talons", "eagle wings"]));
    expect(info.held).toBeUndefined();
    // the others stay themselves: a valkyrie is a winged knight with a spear, a siren a mermaid
    expect(parsePrompt("valkyrie").features).not.toContain("talons");
    expect(parsePrompt("valkyrie").held?.id).toBe("spear");
    expect(parsePrompt("siren").features).toContain("fish body");
    expect(parsePrompt("angel").features).not.toContain("wing arms");
  });

  it("draws feathered arms and yellow bird feet in every take", () => {
    const yellow = (h: number, s: number) => h > 35 && h < 55 && s > 0.6;
    for (let take = 1; take <= 4; take++) {
      const { c, d } = draw("harpy", take);
      const arms = partCells(c, [P.armN, P.armF]);
      // a sleeve or bare skin: the arms were the dress's colour or the skin's
      const feathered = where(c, d, [P.armN, P.armF], (h, s, v) => h < 45 && s > 0.35 && v < 0.8);
      expect(feathered / arms, `take ${take}`).toBeGreaterThan(0.8);
      expect(where(c, d, [P.legN, P.legF], yellow), `take ${take}`).toBeGreaterThan(6);
    }
    // a plain woman's feet are boots
    const { c, d } = draw("a woman", 1);
    expect(where(c, d, [P.legN, P.legF], yellow)).toBe(0);
  });
});

describe("people whose own word named no look (eval-g)", () => {
  const light = (_h: number, s: number, v: number) => s < 0.25 && v > 0.8;

  it("a beekeeper wears a white suit and a wide hat, not the farmer's blue and pitchfork", () => {
    for (const prompt of ["beekeeper", "an apiarist"]) {
      const info = parsePrompt(prompt);
      expect(info.look?.headgear, prompt).toBe("wide-hat");
      expect(info.look?.weapon, prompt).toBe("none");
      expect(info.guesses.join(" "), prompt).toContain("a beekeeper");
      const { c, d } = draw(prompt, 1);
      expect(where(c, d, [P.torso], light), prompt).toBeGreaterThan(20);
    }
  });

  it("a librarian (an archivist) holds a book; a nomad wears a head wrap and robes", () => {
    for (const prompt of ["a librarian", "archivist"]) {
      const info = parsePrompt(prompt);
      expect(info.held?.id, prompt).toBe("book");
      expect(info.guesses.join(" "), prompt).toContain("librarian");
    }
    for (const prompt of ["desert nomad", "a nomad"]) {
      const info = parsePrompt(prompt);
      expect(info.look?.headgear, prompt).toBe("hood");
      expect(info.look?.robe, prompt).toBe(true);
      expect(info.subject, prompt).toBe("person");
    }
  });

  it("a jester wears two colours; lawyers and clerks a dark suit; butlers and waiters a white apron", () => {
    const jester = parsePrompt("court jester");
    expect(jester.look?.tabard).toBe(true);
    expect(jester.guesses.join(" ")).toContain("a jester");
    // a clown is still the entertainer
    expect(parsePrompt("clown").guesses.join(" ")).toContain("an entertainer");
    for (const prompt of ["a lawyer", "banker", "clerk"]) {
      const info = parsePrompt(prompt);
      expect(info.guesses.join(" "), prompt).toContain("an office worker");
      expect(info.held, prompt).toBeUndefined();
    }
    for (const prompt of ["butler", "a waiter"]) {
      const { c, d } = draw(prompt, 1);
      expect(where(c, d, [P.robe], light), prompt).toBeGreaterThan(20);
    }
    expect(parsePrompt("mailman").held?.id).toBe("letter");
    expect(parsePrompt("tailor").held?.id).toBe("scissors");
  });

  it("a nun (修女) and a Taoist priest (道士) are their own figures, not the priest's white cleric", () => {
    for (const prompt of ["nun", "修女"]) {
      const info = parsePrompt(prompt);
      expect(info.role, prompt).toBe("nun");
      const { c, d } = draw(prompt, 1);
      const dark = (_h: number, _s: number, v: number) => v < 0.3;
      expect(where(c, d, [P.torso, P.robe], dark), prompt).toBeGreaterThan(20);
    }
    for (const prompt of ["道士", "Taoist priest", "a daoist"]) {
      const info = parsePrompt(prompt);
      expect(info.role, prompt).toBe("taoist");
    }
    expect(parsePrompt("priest").role).toBe("priest");
  });
});
