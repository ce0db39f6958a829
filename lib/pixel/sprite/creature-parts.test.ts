import { describe, expect, it } from "vitest";
import type { RgbaImage } from "../types";
import { renderSprite } from "./engine";

const draw = async (prompt: string, seed = 1) =>
  renderSprite({ prompt, seed, mode: "idle", index: 0, count: 1 });

const opaque = (g: RgbaImage, y0 = 0, y1 = g.height) => {
  let n = 0;
  for (let y = y0; y < y1; y++)
    for (let x = 0; x < g.width; x++) if (g.data[(y * g.width + x) * 4 + 3]! > 0) n++;
  return n;
};

/** Rows of the figure's top: the first opaque row and the `rows` below it. */
const topRow = (g: RgbaImage) => {
  for (let y = 0; y < g.height; y++) if (opaque(g, y, y + 1)) return y;
  return g.height;
};

/**
 * Light/dark alternations in the figure's middle: ribs are bars and gaps — across the body seen
 * from the front, hanging from the spine seen side-on (so down the columns and along the rows).
 */
const stripes = (g: RgbaImage) => {
  let n = 0;
  const lum = (i: number) => g.data[i]! * 0.3 + g.data[i + 1]! * 0.59 + g.data[i + 2]! * 0.11;
  const run = (cells: number[]) => {
    let prev = -1;
    for (const i of cells) {
      if (g.data[i + 3]! === 0) continue;
      const l = lum(i) > 110 ? 1 : 0;
      if (prev >= 0 && l !== prev) n++;
      prev = l;
    }
  };
  const x0 = Math.round(g.width * 0.35);
  const x1 = Math.round(g.width * 0.6);
  for (let x = x0; x < x1; x++)
    run(Array.from({ length: g.height }, (_, y) => (y * g.width + x) * 4));
  for (let y = 0; y < g.height; y++)
    run(Array.from({ length: x1 - x0 }, (_, d) => (y * g.width + x0 + d) * 4));
  return n;
};

const greenness = (g: RgbaImage) => {
  let s = 0;
  let n = 0;
  for (let i = 0; i < g.data.length; i += 4)
    if (g.data[i + 3]! > 0) {
      s += g.data[i + 1]! - (g.data[i]! + g.data[i + 2]!) / 2;
      n++;
    }
  return s / n;
};

describe("creature composition on any rig", () => {
  it("a three-headed wolf draws more heads above the wolf, and says so", async () => {
    const one = await draw("a wolf");
    const three = await draw("a three-headed wolf");
    expect(three.interpretation.summary).toContain("three-headed wolf");
    expect(topRow(three.grid)).toBeLessThan(topRow(one.grid));
    expect(opaque(three.grid)).toBeGreaterThan(opaque(one.grid) + 10);
    expect((await draw("a dragon with three heads")).interpretation.summary).toContain(
      "three-headed dragon",
    );
  });

  it("a skeleton horse is bones with gaps between the ribs; a zombie dog turns green", async () => {
    const horse = await draw("a horse");
    const bones = await draw("a skeleton horse");
    expect(stripes(bones.grid)).toBeGreaterThan(stripes(horse.grid) + 12);
    expect(greenness((await draw("a zombie dog")).grid)).toBeGreaterThan(
      greenness((await draw("a dog")).grid) + 5,
    );
  });

  it("wings and a scorpion tail on any creature are drawn, not reported as ignored", async () => {
    const lion = await draw("a lion");
    const manticore = await draw("a lion with bat wings and a scorpion tail");
    expect(manticore.interpretation.ignored).toEqual([]);
    expect(opaque(manticore.grid)).toBeGreaterThan(opaque(lion.grid) + 30);
    const snake = await draw("a snake with wings");
    expect(snake.interpretation.ignored).toEqual([]);
    // a thing that is not alive grows no horns or scorpion tail (wings it may: object-features.ts)
    expect((await draw("a sword with horns")).interpretation.ignored).toContain("with horns");
  });

  it("a rider sits on its mount: the mount is the subject, the rider is above its back", async () => {
    const horse = await draw("a horse");
    for (const p of ["a knight riding a horse", "一个骑马的骑士", "a goblin on a horse"]) {
      const r = await draw(p);
      expect(r.interpretation.subject).toBe("horse");
      expect(r.interpretation.summary).toMatch(/ridden by (knight|goblin)/);
      expect(opaque(r.grid, 0, topRow(horse.grid) + 4)).toBeGreaterThan(
        opaque(horse.grid, 0, topRow(horse.grid) + 4) + 8,
      );
    }
    // a cushion is not a mount
    expect((await draw("a cat on a pillow")).interpretation.summary).not.toContain("ridden");
  });
});

describe("animal-folk", () => {
  it("an animal word before a class puts the animal's head on the person, not a helmet", async () => {
    const furry = (g: RgbaImage, test: (r: number, gr: number, b: number) => boolean) => {
      let n = 0;
      for (let y = 0; y < Math.round(g.height * 0.45); y++)
        for (let x = 0; x < g.width; x++) {
          const i = (y * g.width + x) * 4;
          if (g.data[i + 3]! > 0 && test(g.data[i]!, g.data[i + 1]!, g.data[i + 2]!)) n++;
        }
      return n;
    };
    const orange = (r: number, g: number, b: number) => r > 190 && g > 80 && g < 160 && b < 90;
    for (const p of ["a fox adventurer", "a fox knight"]) {
      const fox = await draw(p);
      expect(fox.interpretation.summary).toMatch(/fox (hero|knight)/);
      expect(furry(fox.grid, orange)).toBeGreaterThan(18);
    }
    // the plain knight's head is a helmet: no fur up there
    expect(furry((await draw("a knight")).grid, orange)).toBeLessThan(10);
  });
});

describe("counts", () => {
  it("two swords are one in each hand, and the line says two", async () => {
    const two = await draw("a samurai with two swords");
    expect(two.interpretation.summary).toContain("two swords");
    expect((await draw("a dual wielding knight with axes")).interpretation.summary).toContain(
      "knight + two axes",
    );
    // the far hand's blade: more light steel pixels than one sword
    const steel = (g: RgbaImage) => {
      let n = 0;
      for (let y = 0; y < g.height; y++)
        for (let x = 0; x < g.width; x++) {
          const i = (y * g.width + x) * 4;
          const [r, gr, b] = [g.data[i]!, g.data[i + 1]!, g.data[i + 2]!];
          if (g.data[i + 3]! > 0 && r > 170 && gr > 170 && b > 170) n++;
        }
      return n;
    };
    const one = await draw("a samurai with a sword");
    // a blade shows about five lit pixels at 32 px (the samurai's helmet is lacquer, not steel)
    expect(steel(two.grid)).toBeGreaterThan(steel(one.grid) + 3);
  });
});

describe("composite creatures", () => {
  it("a mythic composite is drawn from its description, and the line says how it was read", async () => {
    const cerberus = await draw("a cerberus");
    expect(cerberus.interpretation.summary).toContain("three-headed dog");
    expect(cerberus.interpretation.summary).toContain('read "cerberus" as');
    // the composition is really drawn: more than a one-headed dog of the same colour
    expect(opaque(cerberus.grid)).toBeGreaterThan(opaque((await draw("a grey dog")).grid) + 10);
    expect((await draw("一只地狱犬")).interpretation.summary).toContain("three-headed dog");
    expect((await draw("a manticore")).interpretation.ignored).toEqual([]);
    expect((await draw("a hydra")).interpretation.builder).toBe("dragon");
    // "giant" is a creature only as a noun: a giant rat is a rat
    expect((await draw("a frost giant")).interpretation.summary).toContain("troll");
    expect((await draw("a giant rat")).interpretation.subject).toBe("rat");
  });

  it("a were-animal is that animal's folk; a werewolf keeps its own drawing", async () => {
    expect((await draw("a werebear")).interpretation.summary).toContain("bear warrior");
    // a rat has an animal head of its own (beast-heads.ts), though the vocabulary draws it as a mouse
    expect((await draw("a wererat")).interpretation.summary).toContain("rat warrior");
    expect((await draw("a werewolf")).interpretation.subject).toBe("werewolf");
    // "-man", "-folk": the same folk, for any animal the vocabulary knows; other words are not
    expect((await draw("a lizardman")).interpretation.summary).toContain("lizard warrior");
    expect((await draw("a catfolk")).interpretation.summary).toContain("cat warrior");
    expect((await draw("a snowman")).interpretation.summary).not.toContain("warrior");
  });
});

describe("compound animal names", () => {
  it("a compound name wins over its parts; a black animal is dark, not purple", async () => {
    expect((await draw("a moose")).interpretation.subject).toBe("moose");
    expect((await draw("a polar bear")).interpretation.subject).toBe("polar-bear");
    const g = (await draw("a black panther")).grid;
    let r = 0;
    let b = 0;
    let n = 0;
    for (let i = 0; i < g.data.length; i += 4)
      if (g.data[i + 3]! > 0) {
        r += g.data[i]!;
        b += g.data[i + 2]!;
        n++;
      }
    expect(b / n - r / n).toBeLessThan(25);
    expect((r + b) / 2 / n).toBeLessThan(110);
  });
});

describe("form adjectives", () => {
  it("undead, rotting, spectral, clockwork: any creature takes the form; a person the race", async () => {
    const forms: [string, string][] = [
      ["an undead dragon", "skeleton dragon"],
      ["a bone wolf", "skeleton wolf"],
      ["a rotting wolf", "zombie wolf"],
      ["a spectral horse", "ghost horse"],
      ["a clockwork owl", "robot owl"],
      ["an undead knight", "skeleton knight"],
    ];
    for (const [p, want] of forms) expect((await draw(p)).interpretation.summary).toContain(want);
    // a thing is not undead: a bone sword is a sword in bone's colours
    expect((await draw("a bone sword")).interpretation.summary).not.toContain("skeleton");
    const dragon = await draw("a dragon");
    const undead = await draw("an undead dragon");
    expect(stripes(undead.grid)).toBeGreaterThan(stripes(dragon.grid));
  });
});

describe("composition in Chinese", () => {
  it("三头, 带翅膀, 机械, 亡灵, 骑着, 两把 read like their English words", async () => {
    const lines: [string, string][] = [
      ["三头龙", "three-headed dragon"],
      ["带翅膀的狮子", "lion with wings"],
      ["机械狗", "robot dog"],
      ["亡灵龙", "skeleton dragon"],
      ["骑着狼的哥布林", "wolf ridden by goblin"],
      ["拿着两把剑的武士", "two swords"],
    ];
    for (const [p, want] of lines) expect((await draw(p)).interpretation.summary).toContain(want);
  });
});
