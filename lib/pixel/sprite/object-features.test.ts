import { describe, expect, it } from "vitest";
import { SpriteCanvas } from "./canvas";
import { prepareSprite, renderSpriteGrid } from "./engine";
import { interpretPrompt } from "./interpretation";
import { type ContentMats, drawContents, objectFeatures } from "./object-features";
import { parsePrompt } from "./prompt";

async function draw(prompt: string, mode: "idle" | "walk" = "idle", index = 0) {
  const o = { prompt, seed: 1, mode, index, count: 4 };
  await prepareSprite(o);
  return renderSpriteGrid(o);
}

/** Opaque cells of a near-exact colour. */
function cellsOf(grid: { data: Uint8ClampedArray }, hex: string, tol = 6): number {
  const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));
  let n = 0;
  for (let i = 0; i < grid.data.length; i += 4)
    if (
      grid.data[i + 3]! > 128 &&
      Math.abs(grid.data[i]! - r!) <= tol &&
      Math.abs(grid.data[i + 1]! - g!) <= tol &&
      Math.abs(grid.data[i + 2]! - b!) <= tol
    )
      n++;
  return n;
}

describe("eyes, teeth and wings on things", () => {
  it("are drawn on objects and no longer reported as named-but-not-drawn", async () => {
    for (const p of ["a crate with wings", "a lantern with teeth", "a cauldron with eyes"]) {
      const info = parsePrompt(p);
      expect(info.ignored.join(" ")).not.toMatch(/with/);
      const r = await draw(p);
      expect(r.interpretation.summary).not.toMatch(/not drawn/);
    }
  });

  it("draws feathers beside a winged crate that flap, white teeth in a dark mouth on a lantern", async () => {
    const plain = await draw("a crate");
    const winged = await draw("a crate with wings");
    // the feather base colour (#e8eaf2) is absent from a plain crate
    expect(cellsOf(plain.grid, "#e8eaf2")).toBe(0);
    expect(cellsOf(winged.grid, "#e8eaf2")).toBeGreaterThan(12);
    const a = await draw("a crate with wings", "walk", 0);
    const b = await draw("a crate with wings", "walk", 2);
    expect(Buffer.from(a.grid.data).equals(Buffer.from(b.grid.data))).toBe(false);
    const teeth = await draw("a lantern with teeth");
    expect(cellsOf(teeth.grid, "#24202e")).toBeGreaterThan(4);
    expect(cellsOf(teeth.grid, "#f4f4f8", 20)).toBeGreaterThan(3);
  });

  it("leaves beings to draw their own features", () => {
    expect(objectFeatures(["eyes"], "animal", "wolf", "wolf")).toEqual([]);
    expect(objectFeatures(["teeth"], "item", "mimic", "mimic")).toEqual([]);
    expect(objectFeatures(["wings", "eyes"], "item", "potion", "potion")).toEqual([
      "eyes",
      "wings",
    ]);
  });
});

describe("footing", () => {
  it("stands a building in grass past its walls and sets furniture on a shadow", async () => {
    const house = await draw("a house");
    const { width, data } = house.grid;
    const ground = width - 2;
    const green = (x: number, y: number) => {
      const i = (y * width + x) * 4;
      return data[i + 3]! > 128 && data[i + 1]! > data[i]! + 30 && data[i + 1]! > data[i + 2]! + 30;
    };
    let grass = 0;
    for (let x = 0; x < width; x++) if (green(x, ground - 1)) grass++;
    expect(grass).toBeGreaterThanOrEqual(4);
    const chair = await draw("a wooden chair");
    let shadow = 0;
    for (let x = 0; x < width; x++) {
      const i = (ground * width + x) * 4;
      const d = chair.grid.data;
      if (d[i + 3]! > 128 && d[i]! === 0x2c && d[i + 1]! === 0x28 && d[i + 2]! === 0x38) shadow++;
    }
    expect(shadow).toBeGreaterThanOrEqual(2);
  });

  it("keeps a building on its ground through the idle cycle (an item bobs)", async () => {
    const tops = async (p: string) => {
      const out = new Set<number>();
      for (const i of [0, 1, 2, 3]) {
        const g = (await draw(p, "idle", i)).grid;
        const first = g.data.findIndex((v, j) => j % 4 === 3 && v > 128);
        out.add(Math.floor(first / 4 / g.width));
      }
      return out.size;
    };
    expect(await tops("a church")).toBe(1);
    expect(await tops("an anvil")).toBeGreaterThan(1);
  });
});

describe("broken", () => {
  it("chips and cracks any thing instead of rusting it: a gap across a sword's blade", async () => {
    const info = parsePrompt("a broken sword");
    expect(info.materials).toEqual(["broken"]);
    for (const p of ["a sword", "a heart", "a house"]) {
      const plain = (await draw(p)).grid;
      const broken = (await draw(`a broken ${p.slice(2)}`)).grid;
      // cells that held the thing's colour are now the outline's dark or see-through
      let opened = 0;
      for (let i = 0; i < plain.data.length; i += 4) {
        const lumA = plain.data[i]! + plain.data[i + 1]! + plain.data[i + 2]!;
        const lumB = broken.data[i]! + broken.data[i + 1]! + broken.data[i + 2]!;
        if (plain.data[i + 3]! > 128 && (broken.data[i + 3]! < 128 || lumB < lumA - 120)) opened++;
      }
      expect(opened, p).toBeGreaterThanOrEqual(4);
    }
  });
});

describe("full of …", () => {
  it("heaps any contents on any container's rim and reports it as drawn", async () => {
    for (const [p, hex] of [
      ["a barrel full of apples", "#d8383c"],
      ["a chest full of potions", "#4070e0"],
      ["a basket full of eggs", "#f4e4c0"],
    ] as const) {
      const info = parsePrompt(p);
      expect(info.ignored, p).toEqual([]);
      const r = await draw(p);
      expect(r.interpretation.summary, p).toMatch(/full of/);
      const plain = await draw(p.replace(/ full of .*/, ""));
      expect(cellsOf(r.grid, hex, 10), p).toBeGreaterThan(cellsOf(plain.grid, hex, 10) + 3);
    }
  });

  it("reports contents a thing cannot hold, and a chest still heaps its own gold", () => {
    expect(parsePrompt("a sword full of apples").ignored).toContain("full of apple");
    expect(parsePrompt("一个装满药水的宝箱").contents).toBe("potions");
    const gold = parsePrompt("a treasure chest full of gold");
    expect(gold.contents).toBe("gold");
    expect(gold.ignored).toEqual([]);
  });
});

describe("a word for what the drawing already shows is understood (eval-c)", () => {
  it("the deer's antlers and the pizza's slice are not 'not understood'", () => {
    for (const [p, subject] of [
      ["a deer with antlers", "deer"],
      ["a slice of pizza", "pizza"],
      ["a slice of cake", "cake"],
    ] as const) {
      const info = parsePrompt(p);
      expect(info.subject, p).toBe(subject);
      expect(info.unknown, p).toEqual([]);
      expect(interpretPrompt(p, { seed: 1 }).summary, p).not.toMatch(/not understood/);
    }
  });

  it("on a subject whose drawing lacks them, the same words stay not understood", () => {
    expect(parsePrompt("a dog with antlers").unknown).toContain("antlers");
    expect(parsePrompt("a slice of dog").unknown).toContain("slice");
  });
});

describe("round fruit in a container", () => {
  it("heaps apples as round fruit a person counts, each with a stalk (not 2-px bumps)", () => {
    const c = new SpriteCanvas(32, 32);
    // a basket: a wide bowl from row 16 down
    c.rect(6, 16, 25, 28, 0, 1, 2);
    const cm: ContentMats = { tokens: [1, 2], cork: 3 };
    drawContents(c, "apple", cm, { t: 0 } as never);
    let stalks = 0;
    let fruit = 0;
    for (let i = 0; i < c.mat.length; i++) {
      if (c.mat[i] === 3) stalks++;
      if (c.mat[i] === 1 || c.mat[i] === 2) fruit++;
    }
    expect(stalks).toBeGreaterThanOrEqual(5);
    // each fruit is a 4×4 round (12 cells): at least five of them show
    expect(fruit).toBeGreaterThanOrEqual(5 * 8);
    // coins keep their small tokens (no stalks)
    const d = new SpriteCanvas(32, 32);
    d.rect(6, 16, 25, 28, 0, 1, 2);
    drawContents(d, "gold", cm, { t: 0 } as never);
    expect([...d.mat].filter((m) => m === 3).length).toBe(0);
  });
});
