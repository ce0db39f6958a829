// Words that define a thing or an animal's variant (issue #20, eval-e): each is drawn — the part
// is on the canvas — or the line says it was not. Part maps, not pixel hashes.
import { describe, expect, it } from "vitest";
import { rgbToHsv } from "../color";
import { Rng } from "../prng";
import { BUILDERS } from "./builders";
import type { SpriteCanvas } from "./canvas";
import { renderSprite } from "./engine";
import { parsePrompt } from "./prompt";
import { drawSleepZ, SLEEP_PART } from "./state-marks";
import { drawTake } from "./test-helpers";
import { ARMOUR_PART, wearArmour } from "./wearables";

const base = { seed: 1, mode: "idle" as const, index: 0, count: 1 };

/** An animal's idle take as the engine draws it (profile camera, at rest). */
function animalTake(prompt: string, take = 1): SpriteCanvas {
  return drawTake(prompt, take, "idle", 0, (pose) => {
    pose.pitch = 0;
    pose.rest = true;
  });
}

function count(c: SpriteCanvas, test: (part: number) => boolean): number {
  let n = 0;
  for (let i = 0; i < c.part.length; i++) if (c.mat[i]! >= 0 && test(c.part[i]!)) n++;
  return n;
}

/** Drawn cells per row, top to bottom. */
function rowWidths(c: SpriteCanvas): number[] {
  const out: number[] = [];
  for (let y = 0; y < c.h; y++) {
    let n = 0;
    for (let x = 0; x < c.w; x++) if (c.get(x, y) >= 0) n++;
    if (n) out.push(n);
  }
  return out;
}

describe("shape words on items", () => {
  it("a round wooden shield is round in every take (its emblem still varies), and says so", () => {
    const info = parsePrompt("round wooden shield");
    expect(info.shape).toBe("round");
    expect(info.unknown).not.toContain("round");
    for (const take of [1, 2, 3, 4]) {
      const w = rowWidths(drawTake("round wooden shield", take));
      // a round outline is as wide a fifth from the bottom as a fifth from the top; a heater's
      // or kite's comes to a point
      const fifth = Math.floor(w.length / 5);
      expect(w[w.length - 1 - fifth]! / w[fifth]!, `take ${take}`).toBeGreaterThan(0.8);
    }
    const heater = rowWidths(drawTake("a wooden shield", 1));
    const f = Math.floor(heater.length / 5);
    expect(heater[heater.length - 1 - f]! / heater[f]!).toBeLessThan(0.8);
  });

  it("a shape word the rig cannot draw is said not drawn, in both lines", async () => {
    const r = await renderSprite({ ...base, prompt: "a round dragon" });
    expect(r.interpretation.summary).toMatch(/not drawn: round/);
    expect(r.interpretation.summary_zh).toMatch(/没有画出:圆形/);
    const s = await renderSprite({ ...base, prompt: "a curved sword" });
    expect(s.interpretation.summary).toMatch(/Drawn as: sword · curved/);
    expect(s.interpretation.summary_zh).toMatch(/弯曲/);
  });

  it("a woodcutter's axe is one felling head in every take, not the battle axe's", () => {
    const heads = [1, 2, 3, 4].map((t) => {
      const c = drawTake("woodcutter's axe", t);
      return count(c, (p) => p === 3);
    });
    expect(new Set(heads).size).toBe(1);
    const battle = count(drawTake("a battle axe", 1), (p) => p === 3);
    expect(heads[0]).not.toBe(battle);
    expect(parsePrompt("woodcutter's axe").unknown).toEqual([]);
  });
});

describe("weapon and tool kinds", () => {
  it("a war hammer, a maul and a flail are their own drawings; 灯笼 is the paper lantern", () => {
    expect(parsePrompt("war hammer").subject).toBe("warhammer");
    expect(parsePrompt("a maul").subject).toBe("warhammer");
    expect(parsePrompt("a hammer").subject).toBe("hammer");
    expect(parsePrompt("a flail").subject).toBe("flail");
    expect(parsePrompt("一个红灯笼").subject).toBe("paper-lantern");
    expect(parsePrompt("a lantern").subject).toBe("lantern");
  });
});

describe("young animals", () => {
  it("a husky puppy is a young dog: a bigger head on the husky's coat, said in both lines", async () => {
    const info = parsePrompt("a husky puppy");
    expect([info.subject, info.young, info.breed]).toEqual(["dog", true, "husky"]);
    const head = (c: SpriteCanvas) => count(c, (p) => p === 4);
    expect(head(animalTake("a husky puppy"))).toBeGreaterThan(head(animalTake("a husky")) * 1.3);
    const r = await renderSprite({ ...base, prompt: "a husky puppy" });
    expect(r.interpretation.summary).toMatch(/young/);
    expect(r.interpretation.summary_zh).toMatch(/幼崽/);
  });

  it("a duckling is the bird rig's young duck: yellow down where the mallard has a green head", async () => {
    const info = parsePrompt("a duckling");
    expect([info.builder, info.young]).toEqual(["bird", true]);
    const yellow = async (prompt: string) => {
      const g = (await renderSprite({ ...base, prompt })).grid.data;
      let n = 0;
      for (let i = 0; i < g.length; i += 4) {
        if (g[i + 3]! < 128) continue;
        const [h, s, v] = rgbToHsv(g[i]!, g[i + 1]!, g[i + 2]!);
        if (h > 40 && h < 62 && s > 0.45 && v > 0.7) n++;
      }
      return n;
    };
    expect(await yellow("a duckling")).toBeGreaterThan((await yellow("a duck")) + 60);
    const r = await renderSprite({ ...base, prompt: "a duckling" });
    expect(r.interpretation.summary).not.toMatch(/green head/);
  });

  it("cub, kitten and 小狗 are young; a borrowed drawing says it did not draw young", () => {
    expect(parsePrompt("a bear cub").young).toBe(true);
    expect(parsePrompt("a kitten").young).toBe(true);
    expect(parsePrompt("小狗").young).toBe(true);
    expect(parsePrompt("a dog").young).toBeUndefined();
    // a pig and a kangaroo walk on the animal rig now, so they are drawn young; an elephant is
    // still borrowed
    expect(parsePrompt("a piglet").young).toBe(true);
    expect(parsePrompt("a young kangaroo").young).toBe(true);
    const calf = parsePrompt("a young elephant");
    expect(calf.young).toBeUndefined();
    expect(calf.notDrawn).toContain("young");
  });
});

describe("asleep", () => {
  it("an animal asleep lies down, and a z floats over its head", () => {
    const info = parsePrompt("a giant sleepy bear");
    expect(info.asleep).toBe(true);
    expect(info.unknown).not.toContain("sleepy");
    // take 1 stands; asleep it lies, so the drawing is lower (a cat: a bear is low either way)
    expect(rowWidths(animalTake("a sleeping cat")).length).toBeLessThan(
      rowWidths(animalTake("a cat")).length,
    );
    const c = animalTake("a sleepy bear");
    const design = BUILDERS.animal.build(
      { ...info, size: 32 },
      Rng.from("shape", "a sleepy bear", 1),
      Rng.from("color", "a sleepy bear", 1),
      32,
      { take: 1 },
    );
    let headTop = c.h;
    for (let i = 0; i < c.part.length; i++)
      if (c.mat[i]! >= 0 && design.headParts?.includes(c.part[i]!))
        headTop = Math.min(headTop, Math.floor(i / c.w));
    drawSleepZ(c, 0, design.headParts);
    const zCells: number[] = [];
    for (let i = 0; i < c.part.length; i++) if (c.part[i] === SLEEP_PART) zCells.push(i);
    expect(zCells.length).toBeGreaterThan(12);
    expect(Math.max(...zCells.map((i) => Math.floor(i / c.w)))).toBeLessThan(headTop);
  });

  it("asleep is said; on a thing it is said not drawn", async () => {
    const r = await renderSprite({ ...base, prompt: "a sleeping cat" });
    expect(r.interpretation.summary).toMatch(/cat · asleep/);
    expect(r.interpretation.summary).not.toMatch(/not drawn|zzz/);
    expect(parsePrompt("睡着的猫").asleep).toBe(true);
    expect(parsePrompt("a sleeping sword").notDrawn).toContain("asleep");
  });
});

describe("armour on an animal", () => {
  it("穿盔甲的老鼠 and a cat in armour wear it, and the line says so", async () => {
    for (const [prompt, subject] of [
      ["穿盔甲的老鼠", "mouse"],
      ["a cat in armour", "cat"],
    ] as const) {
      const info = parsePrompt(prompt);
      expect([info.subject, info.worn?.id], prompt).toEqual([subject, "armour-plate"]);
      const r = await renderSprite({ ...base, prompt });
      expect(r.interpretation.summary, prompt).toMatch(/wearing armour plate/);
      expect(r.interpretation.summary_zh, prompt).toMatch(/穿着盔甲/);
      expect(r.interpretation.ignored, prompt).toEqual([]);
    }
    // a person in armour is still drawn in its own
    expect(parsePrompt("a knight in armor").worn).toBeUndefined();
  });

  it("the plates cover the back and flanks of any rig's body", () => {
    for (const prompt of ["a cat", "a horse", "a bear"]) {
      const c = animalTake(prompt);
      const body = count(c, () => true);
      wearArmour(c, { view: "side" } as never, 0, 1);
      const plates = count(c, (p) => p === ARMOUR_PART.plate || p === ARMOUR_PART.rim);
      expect(plates, prompt).toBeGreaterThan(body * 0.2);
    }
  });

  it("the armour shows on the rendered mouse: blued steel where the plain mouse has none", async () => {
    const steel = (g: { data: Uint8ClampedArray }) => {
      let n = 0;
      for (let i = 0; i < g.data.length; i += 4) {
        if (g.data[i + 3]! < 128) continue;
        const [h, s, v] = rgbToHsv(g.data[i]!, g.data[i + 1]!, g.data[i + 2]!);
        if (h > 205 && h < 235 && s > 0.15 && v > 0.45) n++;
      }
      return n;
    };
    const plain = await renderSprite({ ...base, prompt: "老鼠" });
    const armoured = await renderSprite({ ...base, prompt: "穿盔甲的老鼠" });
    expect(steel(armoured.grid)).toBeGreaterThan(steel(plain.grid) + 30);
  });
});

describe("species whose shape defines them", () => {
  it("a hammerhead shark's head is a crossbar taller than a plain torpedo fish's front", () => {
    expect(parsePrompt("hammerhead shark").breed).toBe("hammerhead shark");
    expect(parsePrompt("双髻鲨").breed).toBe("hammerhead shark");
    const front = (c: SpriteCanvas) => {
      let x1 = -1;
      for (let i = 0; i < c.part.length; i++) if (c.mat[i]! >= 0) x1 = Math.max(x1, i % c.w);
      const ys: number[] = [];
      for (let y = 0; y < c.h; y++)
        for (let x = x1 - 3; x <= x1; x++) if (c.get(x, y) >= 0) ys.push(y);
      return Math.max(...ys) - Math.min(...ys);
    };
    expect(front(drawTake("hammerhead shark", 1))).toBeGreaterThan(
      front(drawTake("a tuna", 1)) * 1.6,
    );
  });
});

describe("materials and states on things", () => {
  it("a leather backpack is brown hide with a stitched seam, not a red and gold bag", async () => {
    const info = parsePrompt("leather backpack");
    expect(info.materials).toContain("leather");
    expect(info.unknown).toEqual([]);
    for (const seed of [1, 2, 3, 4]) {
      const r = await renderSprite({ ...base, seed, prompt: "leather backpack" });
      let brown = 0;
      let red = 0;
      let thread = 0;
      const g = r.grid.data;
      for (let i = 0; i < g.length; i += 4) {
        if (g[i + 3]! < 128) continue;
        const [h, s, v] = rgbToHsv(g[i]!, g[i + 1]!, g[i + 2]!);
        if (h >= 15 && h <= 45 && s > 0.35 && v > 0.25 && v < 0.85) brown++;
        if ((h < 10 || h > 340) && s > 0.5 && v > 0.5) red++;
        if (g[i] === 0xec && g[i + 1] === 0xd2 && g[i + 2] === 0xa0) thread++;
      }
      expect(brown, `seed ${seed}`).toBeGreaterThan(red * 4);
      expect(thread, `seed ${seed}`).toBeGreaterThan(4);
    }
  });

  it("obsidian is near-black glass and paper is cream, where the plain sword is steel", async () => {
    const mean = async (prompt: string) => {
      const g = (await renderSprite({ ...base, prompt })).grid.data;
      let v = 0;
      let n = 0;
      for (let i = 0; i < g.length; i += 4)
        if (g[i + 3]! > 128) {
          v += rgbToHsv(g[i]!, g[i + 1]!, g[i + 2]!)[2];
          n++;
        }
      return v / n;
    };
    expect(parsePrompt("an obsidian sword").materials).toEqual(["obsidian"]);
    expect(parsePrompt("a paper crown").materials).toEqual(["paper"]);
    const sword = await mean("a sword");
    expect(await mean("an obsidian sword")).toBeLessThan(sword - 0.15);
    expect(await mean("a paper crown")).toBeGreaterThan(0.6);
  });

  it("a haunted house has glowing eyes in its windows, a ghost and bats; a house has none", () => {
    const parts = (prompt: string) => {
      const c = drawTake(prompt, 1);
      return [9, 10, 12, 13].map((p) => count(c, (q) => q === p));
    };
    const [eyes, ghost, bats, boards] = parts("haunted house");
    expect(eyes).toBeGreaterThan(1);
    expect(boards).toBeGreaterThan(4);
    expect(ghost).toBeGreaterThan(12);
    expect(bats).toBeGreaterThan(6);
    expect(parts("a house").every((n) => n === 0)).toBe(true);
  });
});
