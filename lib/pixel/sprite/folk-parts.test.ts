import { describe, expect, it } from "vitest";
import type { SpriteMode } from "../types";
import type { SpriteCanvas } from "./canvas";
import { HUMANOID_PARTS } from "./costume-parts";
import type { Pose } from "./design";
import { renderSprite } from "./engine";
import { FOLK_PART, readFolkParts } from "./folk-parts";
import { parsePrompt } from "./prompt";
import { partMap } from "./test-helpers";

const count = (c: SpriteCanvas, part: (p: number) => boolean) => {
  let n = 0;
  for (let i = 0; i < c.w * c.h; i++) if (c.mat[i]! >= 0 && part(c.part[i]!)) n++;
  return n;
};
const is = (id: number) => (p: number) => p === id;
const tailIds = (c: SpriteCanvas) => {
  const ids = new Set<number>();
  for (let i = 0; i < c.w * c.h; i++)
    if (c.mat[i]! >= 0 && c.part[i]! >= FOLK_PART.tail && c.part[i]! < FOLK_PART.tail + 9)
      ids.add(c.part[i]!);
  return ids;
};

/** Frames to check a part in: side idle, every turn of "directions", and the walk. */
const FRAMES: [SpriteMode, number][] = [
  ["idle", 0],
  ["directions", 0],
  ["directions", 1],
  ["directions", 2],
  ["directions", 3],
  ["walk", 0],
  ["walk", 2],
];
const views = (prompt: string, seed = 1) =>
  FRAMES.map(([mode, i]) => ({
    view: partMap(prompt, seed, mode, i).pose.view as Pose["view"],
    ...partMap(prompt, seed, mode, i),
  }));

describe("folklore parts are read as parts any being can take", () => {
  it("reads bird heads, snake hair, tail counts, spines and the rest out of the text", () => {
    expect(readFolkParts("a lion with an eagle head").features).toEqual(["eagle head"]);
    expect(readFolkParts("an eagle-headed horse").features).toEqual(["eagle head"]);
    expect(readFolkParts("a woman with snakes for hair").features).toEqual(["snake hair"]);
    expect(readFolkParts("a snake-haired woman").features).toEqual(["snake hair"]);
    expect(readFolkParts("a two-tailed cat").features).toEqual(["two tails"]);
    expect(readFolkParts("a fox with 9 tails").features).toEqual(["nine tails"]);
    expect(readFolkParts("九尾狐").features).toEqual(["nine tails"]);
    expect(readFolkParts("a spiny dog").features).toEqual(["spines"]);
    expect(readFolkParts("an octopus rising from the waves").features).toEqual(["waves"]);
    // the words are blanked, so "eagle" is not the subject
    expect(readFolkParts("a lion with an eagle head").text.trim()).toBe("a lion");
    // words that only look alike are left alone
    expect(readFolkParts("a spike trap").features).toEqual([]);
    expect(readFolkParts("a wolf howling").features).toEqual([]);
    expect(readFolkParts("a fox tail").features).toEqual([]);
    // an eagle's head alone is an eagle, not a part
    expect(readFolkParts("an eagle head").features).toEqual([]);
  });

  it("a griffin is a lion with an eagle's head and beak, in every view and walk frame", () => {
    const info = parsePrompt("a griffin");
    expect(info.subject).toBe("lion");
    expect(info.features).toEqual(expect.arrayContaining(["eagle wings", "eagle head"]));
    expect(info.ignored).toEqual([]);
    for (const f of views("a griffin")) {
      expect(count(f.c, is(FOLK_PART.birdHead)), f.view).toBeGreaterThan(8);
      // a beak, not a lion's muzzle: the beak shows side-on and from the front, never from behind
      if (f.view === "back") expect(count(f.c, is(FOLK_PART.beak))).toBe(0);
      else expect(count(f.c, is(FOLK_PART.beak)), f.view).toBeGreaterThan(2);
      // nothing of the lion's head is left: no muzzle, ears or mane cells
      const lion = f.design.headParts ?? [];
      expect(lion.length).toBeGreaterThan(0);
      expect(
        count(f.c, (p) => lion.includes(p)),
        f.view,
      ).toBe(0);
    }
    // extra heads copy the eagle's head, not the lion's
    const beakCells = (prompt: string) => {
      const { c, extras } = partMap(prompt);
      let n = 0;
      for (let i = 0; i < c.w * c.h; i++) if (c.mat[i] === extras?.folk?.beak) n++;
      return n;
    };
    expect(beakCells("a two-headed griffin")).toBeGreaterThan(beakCells("a griffin") + 2);
    const hippo = parsePrompt("a hippogriff");
    expect(hippo.subject).toBe("horse");
    expect(hippo.features).toContain("eagle head");
  });

  it("the line says what was drawn, in English and Chinese", async () => {
    const r = await renderSprite({
      prompt: "a griffin",
      seed: 1,
      mode: "idle",
      index: 0,
      count: 1,
    });
    expect(r.interpretation.summary).toContain("with eagle head");
    expect(r.interpretation.summary).toContain('read "griffin"');
    const zh = await renderSprite({ prompt: "九尾狐", seed: 1, mode: "idle", index: 0, count: 1 });
    expect(zh.interpretation.summary_zh).toContain("九条尾巴");
  });

  it("a kitsune draws nine fanned tails; a two-tailed cat two; a plain fox none", () => {
    for (const f of views("a kitsune")) expect(tailIds(f.c).size, f.view).toBe(9);
    expect(tailIds(partMap("a two-tailed cat").c).size).toBe(2);
    expect(tailIds(partMap("a fox").c).size).toBe(0);
    // on a person: nine fanned from the hips; from the front a tall hat may hide the middle one
    for (const f of views("a fox spirit"))
      expect(tailIds(f.c).size, f.view).toBeGreaterThanOrEqual(f.view === "back" ? 9 : 8);
  });

  it("medusa is a woman with snakes for hair and a snake body", () => {
    const info = parsePrompt("medusa");
    expect(info.builder).toBe("humanoid");
    expect(info.features).toEqual(expect.arrayContaining(["snake hair", "snake body"]));
    for (const f of views("medusa"))
      expect(count(f.c, is(FOLK_PART.snakeHair)), f.view).toBeGreaterThan(6);
    // any being: "a goblin with snakes for hair"
    expect(
      count(partMap("a goblin with snakes for hair").c, is(FOLK_PART.snakeHair)),
    ).toBeGreaterThan(6);
  });

  it("a kappa has its shell and the water dish on its head; a chupacabra spines down its back", () => {
    for (const f of views("a kappa"))
      expect(count(f.c, is(FOLK_PART.dish)), f.view).toBeGreaterThan(3);
    const chupa = partMap("a chupacabra");
    expect(chupa.info.subject).toBe("wolf");
    for (const f of views("a chupacabra"))
      expect(count(f.c, is(FOLK_PART.spines)), f.view).toBeGreaterThan(4);
  });

  it("a kraken rises from waves; a banshee is a wailing woman, not the emoji ghost", () => {
    const k = partMap("a kraken");
    expect(k.info.subject).toBe("octopus");
    expect(count(k.c, (p) => p === FOLK_PART.water || p === FOLK_PART.foam)).toBeGreaterThan(20);
    const b = partMap("a banshee");
    expect(b.info.builder).toBe("humanoid");
    expect(b.info.features).toEqual(expect.arrayContaining(["open mouth", "long hair"]));
    expect(count(b.c, is(FOLK_PART.mouth))).toBeGreaterThan(0);
    expect(count(b.c, is(FOLK_PART.hair))).toBeGreaterThan(4);
    // a small "O" (a taller or wider wail read as a nose or a beard: an old man) and long hair
    // down both sides of the face, in every take
    for (const seed of [1, 2, 3, 4]) {
      const { c } = partMap("a banshee", seed);
      expect(count(c, is(FOLK_PART.mouth)), `seed ${seed}`).toBeLessThanOrEqual(1);
      const hairX: number[] = [];
      for (let i = 0; i < c.w * c.h; i++) if (c.part[i] === FOLK_PART.hair) hairX.push(i % c.w);
      expect(Math.max(...hairX) - Math.min(...hairX), `seed ${seed}`).toBeGreaterThan(6);
    }
    // a ghostly person fades below the waist, as a ghostly creature does
    expect(b.info.form).toBe("ghost");
    const low = (c: SpriteCanvas) => {
      let n = 0;
      for (let i = Math.floor(c.h * 0.75) * c.w; i < c.w * c.h; i++) if (c.mat[i]! >= 0) n++;
      return n;
    };
    expect(low(b.c)).toBeLessThan(low(partMap("a woman with long hair").c) * 0.6);
  });

  it("a banshee carries nothing in any take; a ghostly knight keeps his sword", () => {
    const weapon = is(HUMANOID_PARTS.weapon);
    for (let seed = 1; seed <= 8; seed++)
      expect(count(partMap("a banshee", seed).c, weapon), `seed ${seed}`).toBe(0);
    let armed = 0;
    for (let seed = 1; seed <= 4; seed++)
      if (count(partMap("a ghostly knight", seed).c, weapon) > 0) armed++;
    expect(armed).toBeGreaterThan(0);
  });

  it("four seeds are four takes of the parts: not one fan or one head recoloured", () => {
    // compared on the label map: which cells the tails and the bird head cover
    const shape = (prompt: string, seed: number, parts: (p: number) => boolean) => {
      const { c } = partMap(prompt, seed);
      let s = "";
      for (let i = 0; i < c.w * c.h; i++) s += c.mat[i]! >= 0 && parts(c.part[i]!) ? "1" : "0";
      return s;
    };
    const inFan = (p: number) => p >= FOLK_PART.tail && p < FOLK_PART.tail + 9;
    const fans = new Set([1, 2, 3, 4].map((s) => shape("a kitsune", s, inFan)));
    expect(fans.size).toBe(4);
    const heads = new Set(
      [1, 2, 3, 4].map((s) =>
        shape("a griffin", s, (p) => p === FOLK_PART.birdHead || p === FOLK_PART.beak),
      ),
    );
    expect(heads.size).toBe(4);
  });

  it("each seed's drawing is deterministic", () => {
    const a = partMap("a griffin", 3, "walk", 1).c;
    const b = partMap("a griffin", 3, "walk", 1).c;
    expect([...a.mat]).toEqual([...b.mat]);
    expect([...a.part]).toEqual([...b.part]);
  });
});
