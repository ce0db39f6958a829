import { describe, expect, it } from "vitest";
import { renderSprite } from "./engine";
import { parsePrompt } from "./prompt";

const base = { seed: 1, mode: "idle" as const, index: 0, count: 1 };

describe("a modifier means what it means for what it modifies", () => {
  it("a tree kind is the kind, not a material; oak on a thing is still wood", () => {
    for (const p of ["an oak tree", "a maple tree", "a willow tree"]) {
      const info = parsePrompt(p);
      expect(info.subject, p).toBe("tree");
      expect(info.materials, p).not.toContain("wooden");
    }
    expect(parsePrompt("an oak door").materials).toContain("wooden");
  });

  it("old on a person is an age (grey hair, a beard unless a woman); on a thing it is rust", async () => {
    for (const p of ["an old fisherman", "an old wizard", "an elderly farmer"]) {
      const info = parsePrompt(p);
      expect(info.aged, p).toBe("beard");
      expect(info.materials, p).not.toContain("rusty");
      expect(info.unknown, p).not.toContain("elderly");
      const r = await renderSprite({ ...base, prompt: p });
      expect(r.interpretation.summary, p).toMatch(/old \(grey hair, beard, stooped\)/);
    }
    expect(parsePrompt("an old woman").aged).toBe("grey");
    expect(parsePrompt("an old sword").materials).toContain("rusty");
    expect(parsePrompt("an old sword").aged).toBeUndefined();
  });

  it("a coat word before a real animal is its colour (a snowy owl is white), elsewhere a material", () => {
    const owl = parsePrompt("a snowy owl");
    expect(owl.subject).toBe("owl");
    expect(owl.materials).not.toContain("ice");
    expect(owl.colors).toEqual([[0xee, 0xee, 0xf2]]);
    expect(parsePrompt("a golden retriever").materials).not.toContain("gold");
    // a creature or a thing keeps the material
    expect(parsePrompt("a golden dragon").materials).toContain("gold");
    expect(parsePrompt("a snowy sword").materials).toContain("ice");
  });

  it("snowy on a mountain, a house or a tree is snow on its top, not ice all over", async () => {
    for (const p of ["a snowy mountain", "a snowy house", "a snowy tree"]) {
      const info = parsePrompt(p);
      expect(info.materials, p).not.toContain("ice");
      expect(info.snowCap, p).toBe(true);
      const snowy = await renderSprite({ ...base, prompt: p });
      expect(snowy.interpretation.summary, p).toMatch(/snow on top/);
      // white cells at the top of the drawing; the plain drawing has (almost) none there
      const white = (g: { data: Uint8ClampedArray }) => {
        let n = 0;
        for (let i = 0; i < g.data.length; i += 4)
          if (g.data[i + 3] && g.data[i]! > 215 && g.data[i + 1]! > 215 && g.data[i + 2]! > 215)
            n++;
        return n;
      };
      const plain = await renderSprite({ ...base, prompt: p.replace("snowy ", "") });
      expect(white(snowy.grid), p).toBeGreaterThan(white(plain.grid) + 20);
    }
  });

  it("a fruit in a food lends its inside (an apple pie is golden), on other things its skin", () => {
    const [h, s] = (() => {
      const c = parsePrompt("an apple pie").colors[0]!;
      const mx = Math.max(...c);
      const mn = Math.min(...c);
      return [c[0] >= c[2] && c[1] > c[2] ? 1 : 0, (mx - mn) / mx];
    })();
    expect(h).toBe(1);
    expect(s).toBeLessThan(0.6);
    expect(parsePrompt("an apple pie").colors[0]![1]).toBeGreaterThan(150);
    expect(parsePrompt("a pumpkin pie").colors[0]).toEqual([0xf0, 0x86, 0x2a]);
    expect(parsePrompt("a mushroom house").lent).toEqual(["mushroom"]);
  });

  it("a qualifier that lends nothing is not said to lend colours: a pirate ship is dressed as one", async () => {
    const info = parsePrompt("a pirate ship");
    expect(info.subject).toBe("boat");
    expect(info.lent).toEqual([]);
    expect(info.ignored).toEqual([]);
    const r = await renderSprite({ ...base, prompt: "a pirate ship" });
    expect(r.interpretation.summary).toMatch(/Drawn as: ship \(pirate: black sails, skull flag\)/);
    // a ship is drawn as a galleon, taller and broader than a boat (a dinghy before)
    const boat = await renderSprite({ ...base, prompt: "a boat" });
    const opaque = (g: { data: Uint8ClampedArray }) => {
      let n = 0;
      for (let i = 3; i < g.data.length; i += 4) if (g.data[i]) n++;
      return n;
    };
    expect(opaque(r.grid)).toBeGreaterThan(opaque(boat.grid) * 1.3);
    expect(r.interpretation.summary).not.toMatch(/colours from/);
    expect(r.interpretation.summary_zh).toMatch(/海盗/);
  });

  it("a word of a kind's name (WordNet) is the name, not a word left undrawn", async () => {
    for (const [p, subject, word] of [
      ["great white shark", "shark", "great"],
      ["a great horned owl", "owl", "great"],
      ["tree frog", "frog", "tree"],
    ] as const) {
      const info = parsePrompt(p);
      expect(info.subject, p).toBe(subject);
      expect(info.ignored, p).toEqual([]);
      expect(info.lent, p).toEqual([]);
      const r = await renderSprite({ ...base, prompt: p });
      expect(r.interpretation.summary, p).not.toMatch(new RegExp(`not drawn: ${word}`));
    }
    // a noun that changes nothing is still said: a castle tower is a tower
    expect(parsePrompt("a castle tower").ignored).toEqual(["castle"]);
  });

  it("a panther is a black big cat; a jaguar and a cheetah are the spotted one", () => {
    expect(parsePrompt("a panther").colors).toEqual([[0x34, 0x30, 0x3e]]);
    expect(parsePrompt("黑豹").subject).toBe("panther");
    for (const p of ["a jaguar", "a cheetah", "a leopard"]) {
      expect(parsePrompt(p).subject, p).toBe("leopard");
      expect(parsePrompt(p).colors, p).toEqual([]);
    }
  });
});

describe("compositions keep both parts", () => {
  it("an animal holds a thing in its mouth (penguin + fish, dog + bone, bird + worm)", async () => {
    for (const [p, held] of [
      ["a penguin holding a fish", "fish"],
      ["a dog with a bone", "bone"],
      ["a cat with a fish", "fish"],
      ["a bird with a worm", "worm"],
    ] as const) {
      const info = parsePrompt(p);
      expect(info.held?.id, p).toBe(held);
      expect(info.ignored, p).toEqual([]);
      const r = await renderSprite({ ...base, prompt: p });
      expect(r.interpretation.summary, p).toMatch(new RegExp(`with a ${held} in its mouth`));
      expect(r.interpretation.summary_zh, p).toMatch(/嘴里叼着/);
      const alone = await renderSprite({ ...base, prompt: p.replace(/ (holding|with) .*/, "") });
      expect(Buffer.from(r.grid.data).equals(Buffer.from(alone.grid.data)), p).toBe(false);
    }
  });

  it("a pale rider on a pale mount is lined apart from it", async () => {
    const r = await renderSprite({ ...base, prompt: "a pale knight on a white horse" });
    const { data } = r.grid;
    let line = 0;
    for (let i = 0; i < data.length; i += 4)
      if (data[i] === 0x2a && data[i + 1] === 0x24 && data[i + 2] === 0x38 && data[i + 3]) line++;
    expect(line).toBeGreaterThan(3);
  });
});
