import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { hexToRgb } from "../color";
import { packageFile } from "./emoji-index";
import { GAME_ICON_NAMES } from "./game-icon-names";
import { findGameIcon, MONO, parseGameRef, silhouetteCells } from "./game-icons";
import { interpretPrompt } from "./interpretation";
import { parsePrompt } from "./prompt";

const names = () => GAME_ICON_NAMES.split(/\s+/).filter(Boolean);

describe("game-icons.net source", () => {
  it("the committed name list matches the installed package", () => {
    const j = JSON.parse(
      fs.readFileSync(packageFile("@iconify-json/game-icons", "icons.json"), "utf8"),
    ) as { icons: Record<string, unknown>; aliases?: Record<string, unknown> };
    const installed = [...Object.keys(j.icons), ...Object.keys(j.aliases ?? {})].sort();
    expect(names()).toEqual(installed);
  });

  it("finds an icon by a phrase, a whole name, or a name's last word", () => {
    expect(findGameIcon(["a", "spiky", "pit"], names)?.names[0]).toBe("spiky-pit");
    expect(findGameIcon(["jerrycan"], names)?.names[0]).toBe("jerrycan");
    const partial = findGameIcon(["tentacle"], names);
    expect(partial?.exact).toBe(false);
    expect(partial?.names.every((n) => n.endsWith("-tentacle"))).toBe(true);
    expect(findGameIcon(["zqzqx", "florp"], names)).toBeUndefined();
  });

  it("finds compounds, plural names, head words, and prefers the thing over its arrangement", () => {
    // one word in a prompt, two in the icon's name; plural icon names
    expect(findGameIcon(["landmine"], names)?.names[0]).toBe("land-mine");
    expect(findGameIcon(["lockpick"], names)?.names[0]).toBe("lockpicks");
    expect(findGameIcon(["lily", "pad"], names)?.names[0]).toBe("lily-pads");
    // the first word of a two-word name, only when nothing ends in the word
    const head = findGameIcon(["bonsai"], names);
    expect(head?.names[0]).toBe("bonsai-tree");
    expect(head?.loose).toBe(true);
    // a pyramid is not a "ball-pyramid" or a "human-pyramid"
    const pyr = findGameIcon(["pyramid"], names)?.names[0];
    expect(pyr).toMatch(/pyramid/);
    expect(pyr).not.toMatch(/^(ball|human)-/);
  });

  it("a compound names a kind of its last part, as a flagged guess; fantasy emoji count", () => {
    const trap = interpretPrompt("a trapdoor", { seed: 1 });
    expect(trap.subject).toBe("door");
    expect(trap.guesses.join(" ")).toMatch(/kind of door/);
    // "ore" is too short a tail to read inside "manticore"
    expect(interpretPrompt("a manticore", { seed: 1 }).subject).not.toBe("ore");
    const genie = interpretPrompt("a genie", { seed: 1 });
    expect(genie.nothing_matched).toBe(false);
    expect(genie.guesses.length).toBeGreaterThan(0);
  });

  it("game phrases name the game thing, not their last word's everyday meaning", () => {
    const subject = (p: string) => interpretPrompt(p, { seed: 1 }).subject;
    expect(subject("a mine cart")).toBe("cart");
    expect(interpretPrompt("a mine cart", { seed: 1 }).art[0]?.icon).toBe("mine-wagon");
    expect(subject("a bear trap")).toBe("bear-trap");
    expect(subject("a rocket ship")).toBe("rocket");
    expect(subject("a trophy cup")).toBe("trophy");
    expect(subject("a beer mug")).toBe("beer");
    expect(subject("a wolf pup")).toBe("wolf");
    expect(subject("a castle gate")).toBe("gate");
    // a ghost pirate is a haunted pirate, not a ghost
    const gp = interpretPrompt("a ghost pirate", { seed: 1 });
    expect(gp.subject).toBe("pirate");
    expect(gp.modifiers).toContain("haunted");
    // a gem's name is its colour
    expect(parsePrompt("a ruby").colors[0]).toEqual(hexToRgb("#d8383c"));
    expect(parsePrompt("an emerald").colors[0]).toEqual(hexToRgb("#44b04e"));
  });

  it("two nouns that are one game icon's name draw it, as a guess; modifiers and rigs win", () => {
    const flag = interpretPrompt("a pirate flag", { seed: 1 });
    expect(flag.subject).toBe("pirate-flag");
    expect(flag.guesses.join(" ")).toMatch(/pirate flag/);
    expect(interpretPrompt("a wine bottle", { seed: 1 }).subject).toBe("wine-bottle");
    // "wooden" is a material: a wooden sign is our sign, in wood
    expect(interpretPrompt("a wooden sign", { seed: 1 }).subject).toBe("sign");
    // a house has its own drawing (scenery), themed by the mushroom
    expect(interpretPrompt("a mushroom house", { seed: 1 }).subject).toBe("house");
  });

  it("reads a vocabulary ref with alternatives and a material", () => {
    expect(parseGameRef("gi/spring|bouncing-spring@iron")).toEqual({
      names: ["spring", "bouncing-spring"],
      material: "iron",
    });
  });

  it("restyles a silhouette: thin interior gaps become detail, the top-left rim is lit", () => {
    // a 10×10 square with a one-cell vertical cut through its middle rows
    const n = 10;
    const cov = new Float32Array(n * n);
    for (let y = 1; y < 9; y++) for (let x = 1; x < 9; x++) cov[y * n + x] = 1;
    for (let y = 3; y < 7; y++) cov[y * n + 5] = 0.3;
    const r = silhouetteCells(cov, n);
    expect(r.mono).toBe(true);
    expect(r.idx[4 * n + 5]).toBe(MONO.detail);
    expect(r.idx[0]).toBe(-1);
    expect(r.shade[1 * n + 3]).toBe(1); // top rim: lit
    expect(r.shade[8 * n + 3]).toBe(-1); // bottom rim: shadow
  });

  it("a stroke thinner than a cell keeps its cells at any size (a tiny hummingbird's beak)", () => {
    // a body with a beak a third of a cell thick running off to the right, mostly in row 6
    const n = 14;
    const cov = new Float32Array(n * n);
    for (let y = 4; y < 10; y++) for (let x = 3; x < 9; x++) cov[y * n + x] = 1;
    for (let x = 9; x < 13; x++) {
      cov[6 * n + x] = 0.26;
      cov[7 * n + x] = 0.08;
    }
    const r = silhouetteCells(cov, n);
    for (let x = 9; x < 13; x++) expect(r.idx[6 * n + x], `beak at x ${x}`).not.toBe(-1);
    expect(r.idx[7 * n + 10]).toBe(-1);
    // the soft rim of a solid body is not a stroke: the outline stays where it was
    const rim = new Float32Array(n * n);
    for (let y = 3; y < 11; y++) for (let x = 3; x < 11; x++) rim[y * n + x] = 1;
    for (let y = 3; y < 11; y++) rim[y * n + 11] = 0.3;
    expect(silhouetteCells(rim, n).idx[5 * n + 11]).toBe(-1);
  });

  it("the issue's wrong guesses now name the right thing", () => {
    const cases: [string, string][] = [
      ["a spring pad", "spring"],
      ["a spike trap", "spikes"],
      ["a question-mark block", "question-block"],
      ["a watering can", "watering-can"],
      ["a cyclops", "cyclops"],
      ["a beholder", "beholder"],
      ["an anvil", "anvil"],
      ["a bookshelf", "bookshelf"],
      ["a stone well", "well"],
      ["an asteroid", "asteroid"],
      ["a scarecrow", "scarecrow"],
      ["a werewolf", "werewolf"],
      ["a laser gun", "laser-gun"],
      ["a mimic chest with teeth", "mimic"],
    ];
    for (const [p, want] of cases) {
      const it = interpretPrompt(p, { seed: 1 });
      expect(it.subject, p).toBe(want);
      expect(it.guesses, p).toEqual([]);
    }
  });

  it("fantasy items draw the game's form, not a modern or look-alike one (eval-f)", () => {
    const cases: [string, string, RegExp][] = [
      ["an iron helmet", "helmet", /helm$/],
      ["a knight's helmet", "helmet", /helm$/],
      ["an army helmet", "army-helmet", /military-helmet/],
      ["a silver goblet", "goblet", /chalice/],
      ["圣杯", "goblet", /chalice/],
      ["a paper boat", "paper-boat", /paper-boat/],
      ["a red spotted mushroom", "mushroom", /^$/],
      ["a necklace", "necklace", /^gem-/],
      ["mortar and pestle", "mortar-and-pestle", /pestle-mortar/],
      ["a halberd", "halberd", /^sharp-halberd$/],
    ];
    for (const [p, subject, art] of cases) {
      const it = interpretPrompt(p, { seed: 1 });
      expect(it.subject, p).toBe(subject);
      expect(it.guesses, p).toEqual([]);
      expect(it.art.find((a) => a.use === "subject")?.icon ?? "", p).toMatch(art);
    }
  });

  it("credits game-icons.net art with its CC BY licence", () => {
    const it = interpretPrompt("an anvil", { seed: 1 });
    expect(it.art[0]).toMatchObject({ set: "game-icons", license: "CC BY 3.0", use: "subject" });
    expect(it.summary).toContain("game-icons.net");
  });
});

describe("words with game meaning", () => {
  it("health is red, mana blue; fire-breathing is breath, not colour", () => {
    expect(interpretPrompt("a health potion", { seed: 1 }).modifiers).toEqual(["red"]);
    expect(interpretPrompt("a mana potion", { seed: 1 }).modifiers).toEqual(["blue"]);
    const d = interpretPrompt("a fire-breathing red dragon", { seed: 1 });
    expect(d.modifiers).toEqual(["red"]);
    expect(d.parts).toContain("with: fire breath");
    expect(d.not_understood).toEqual([]);
  });

  it("full of, headwear on an animal, a held club", () => {
    expect(interpretPrompt("a treasure chest full of gold", { seed: 1 }).parts).toContain(
      "full of: gold",
    );
    const cat = interpretPrompt("a cat wearing a wizard hat", { seed: 1 });
    expect(cat.subject).toBe("cat");
    expect(cat.parts).toContain("wearing: wizard hat");
    expect(interpretPrompt("a troll with a club", { seed: 1 }).parts).toContain("holding: club");
  });

  it("features nobody draws are reported, not dropped", () => {
    expect(interpretPrompt("a sword with horns", { seed: 1 }).ignored).toContain("with horns");
  });
});

describe("Chinese and emoji prompts", () => {
  it("segments Chinese words instead of characters", () => {
    const it = interpretPrompt("一只喷火的红龙", { seed: 1 });
    expect(it.subject).toBe("dragon");
    expect(it.not_understood).toEqual([]);
    expect(it.modifiers).toEqual(["red"]);
    expect(it.summary_zh).toMatch(/^画成:龙/);
  });

  it("reports an unknown Chinese word whole", () => {
    expect(interpretPrompt("一只会飞的马", { seed: 1 }).not_understood).toEqual(["飞"]);
    expect(interpretPrompt("一只咕噜咕噜的猫", { seed: 1 }).not_understood.join("")).toBe(
      "咕噜咕噜",
    );
  });

  it("an emoji means what it depicts", () => {
    expect(interpretPrompt("🐉", { seed: 1 }).subject).toBe("dragon");
    expect(interpretPrompt("a 🧙 with a staff", { seed: 1 }).subject).toBe("mage");
  });
});
