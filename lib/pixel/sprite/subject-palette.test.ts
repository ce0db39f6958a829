import { describe, expect, it } from "vitest";
import { hexToRgb, rgbToHsv } from "../color";
import { Rng } from "../prng";
import { SpriteCanvas } from "./canvas";
import { loadIcon } from "./emoji-art";
import { poseFor, prepareSprite, renderSpriteGrid } from "./engine";
import { MONO } from "./game-icons";
import { buildIcon } from "./icon";
import { parsePrompt } from "./prompt";
import { emojiPalette, subjectPalette } from "./subject-palette";

async function hues(prompt: string, seed = 1) {
  const o = { prompt, seed, mode: "idle" as const, index: 0, count: 1 };
  await prepareSprite(o);
  const { data } = renderSpriteGrid(o).grid;
  const out: [number, number, number][] = [];
  for (let i = 0; i < data.length; i += 4)
    if (data[i + 3]! > 128) out.push(rgbToHsv(data[i]!, data[i + 1]!, data[i + 2]!));
  return out;
}

describe("borrowed silhouettes in their subject's own colours", () => {
  it("finds a subject in an icon's name or the subject, specific names first", () => {
    expect(subjectPalette("gi/lighthouse@stone lighthouse")?.bands).toBeDefined();
    expect(subjectPalette("sea-turtle")?.body).toBe(subjectPalette("tortoise")?.body);
    // whole words only: a cricket bat is no bat, a battering ram no sheep
    expect(subjectPalette("fishing-rod")).toBeUndefined();
    expect(subjectPalette("battering-ram")).toBeUndefined();
  });

  it("reads a name by its head: a barn owl is no barn, a fish bucket no fish; a wedge of cheese is cheese", () => {
    expect(subjectPalette("gi/barn-owl")?.body).not.toBe(subjectPalette("barn")?.body);
    expect(subjectPalette("gi/barn-owl")).toBe(subjectPalette("barn owl"));
    expect(subjectPalette("fish-bucket")).toBeUndefined();
    expect(subjectPalette("cheese-wedge")).toBe(subjectPalette("cheese"));
    expect(subjectPalette("crab-claw")).toBe(subjectPalette("crab"));
    // the first name that has colours wins: the drawn icon's, then the subject's
    expect(subjectPalette(["gi/stone-tower|clock-tower@stone", "tower"])).toBe(
      subjectPalette("tower"),
    );
  });

  it("a long-tail animal takes the colours of the nearest kind WordNet names, a vocabulary word does not", () => {
    // katydid → long-horned grasshopper → grasshopper (green); cobra → the snake it is drawn as
    expect(subjectPalette("katydid", 1, true)).toBe(subjectPalette("grasshopper"));
    expect(subjectPalette("cobra", 1, true)).toBe(subjectPalette("snake"));
    expect(subjectPalette("cobra")).toBeUndefined();
    // a drone is the vocabulary's flying machine, not WordNet's first sense (a male bee)
    expect(subjectPalette("delivery-drone")).toBeUndefined();
  });

  it("a row with several palettes gives each take one within the subject (a locomotive never magenta)", () => {
    const bodies = [1, 2, 3].map((t) => subjectPalette("steam-locomotive", t)!.body);
    expect(new Set(bodies).size).toBe(3);
    for (const t of [1, 2, 3, 4]) {
      const p = subjectPalette("steam-locomotive", t)!;
      for (const hex of [p.body, p.accent!]) {
        const [h, s] = rgbToHsv(...hexToRgb(hex));
        expect(s < 0.3 || h < 20 || h > 345 || (h > 90 && h < 200), hex).toBe(true);
      }
    }
  });

  it("an axolotl is pink, in every seed", async () => {
    for (const seed of [1, 2, 3, 4]) {
      const px = await hues("cute axolotl", seed);
      const pink = px.filter(([h, s, v]) => (h > 320 || h < 12) && s > 0.2 && v > 0.35).length;
      expect(pink / px.length, `seed ${seed}`).toBeGreaterThan(0.25);
    }
  });

  // eval-e: a barn owl salmon-red all over, a praying mantis brown, a locomotive's wheels magenta,
  // a sea turtle's shell brown blobs among green flippers
  const share = (
    px: [number, number, number][],
    f: (h: number, s: number, v: number) => boolean,
  ) => {
    // the outline and the darkest shadow are no colour a person names
    const lit = px.filter(([, , v]) => v > 0.36);
    return lit.filter(([h, s, v]) => f(h, s, v)).length / lit.length;
  };
  const red = (h: number, s: number) => (h < 15 || h > 340) && s > 0.4;
  const green = (h: number, s: number) => h > 65 && h < 170 && s > 0.25;

  it("a barn owl is white and tan in every seed, never red", async () => {
    for (const seed of [1, 2, 3, 4]) {
      const px = await hues("barn owl", seed);
      const whiteOrTan = share(px, (h, s, v) => (s < 0.2 && v > 0.6) || (h >= 12 && h <= 50));
      // the perch's grass is the rest
      expect(whiteOrTan, `seed ${seed}`).toBeGreaterThan(0.7);
      expect(share(px, red), `seed ${seed}`).toBeLessThan(0.03);
    }
  });

  it("a praying mantis is green, a sea turtle green without brown blobs", async () => {
    for (const seed of [1, 2, 3, 4]) {
      expect(share(await hues("praying mantis", seed), green), `mantis ${seed}`).toBeGreaterThan(
        0.6,
      );
      const turtle = await hues("a sea turtle", seed);
      expect(share(turtle, green), `turtle ${seed}`).toBeGreaterThan(0.6);
      const brown = (h: number, s: number, v: number) => h >= 15 && h < 45 && s > 0.35 && v < 0.7;
      expect(share(turtle, brown), `turtle ${seed}`).toBeLessThan(0.05);
    }
  });

  it("a steam locomotive has red wheels on a dark body and nothing magenta", async () => {
    for (const seed of [1, 2, 3, 4]) {
      const px = await hues("steam locomotive", seed);
      expect(
        share(px, (h, s) => h > 280 && h <= 340 && s > 0.3),
        `seed ${seed}`,
      ).toBe(0);
      expect(share(px, red), `seed ${seed}`).toBeGreaterThan(0.05);
    }
  });

  it("a cheese's holes are a darker yellow than the cheese, not green", async () => {
    const raster = (await loadIcon("game-icons", "cheese-wedge", 30))!;
    for (const take of [1, 2]) {
      const info = { ...parsePrompt("cheese wedge"), size: 32 };
      const design = buildIcon(info, Rng.from("s", take), Rng.from("c", take), 32, raster, {
        flip: false,
        material: "bone",
        take,
      });
      const c = new SpriteCanvas(32, 32);
      design.draw(c, poseFor("idle", 0, design.restView));
      // the colour of a cell's material (its base tone; rims are the bevel's)
      const at = (i: number) => rgbToHsv(...design.materials[c.mat[i]!]!.ramp[2]);
      const holes: number[] = [];
      const body: number[] = [];
      // a hole is its cut-out ring and the piece it rings (the accent)
      for (let i = 0; i < 32 * 32; i++)
        if (c.part[i] === 20 + MONO.detail || c.part[i] === 20 + MONO.accent) holes.push(i);
        else if (c.part[i] === 20 + MONO.body) body.push(i);
      expect(holes.length, `take ${take}`).toBeGreaterThan(4);
      const bodyV = at(body[0]!)[2];
      for (const i of holes) {
        const [h, sat, v] = at(i);
        expect(h, `take ${take}`).toBeGreaterThan(20);
        expect(h, `take ${take}`).toBeLessThan(55);
        expect(sat).toBeGreaterThan(0.5);
        // darker than the cheese, not a black line
        expect(v).toBeLessThan(bodyV);
        expect(v).toBeGreaterThan(0.45);
      }
    }
  });

  it("no take turns a yellow thing olive (eval-e: an emoji cheese's darker take read as mould)", async () => {
    const olive = (h: number, s: number, v: number) => h > 52 && h < 95 && s > 0.3 && v < 0.8;
    for (const prompt of ["cheese", "cheese wedge", "a chandelier", "a wizard hat"])
      for (const seed of [1, 2, 3, 4])
        expect(share(await hues(prompt, seed), olive), `${prompt} ${seed}`).toBeLessThan(0.06);
  });

  it("a lighthouse has red bands on white", async () => {
    const px = await hues("a lighthouse");
    const red = px.filter(([h, s, v]) => (h > 340 || h < 15) && s > 0.5 && v > 0.5).length;
    const white = px.filter(([, s, v]) => s < 0.15 && v > 0.8).length;
    expect(red).toBeGreaterThan(12);
    expect(white).toBeGreaterThan(12);
  });

  it("a stone tower stays grey in a warm take (seed 1 turned it bronze-brown)", async () => {
    const px = await hues("a tower", 1);
    const brown = px.filter(([h, s]) => h > 15 && h < 50 && s > 0.3).length;
    expect(brown / px.length).toBeLessThan(0.1);
  });

  it("an emoji's palette: the colour covering most cells, then a clearly different one", () => {
    const p = emojiPalette({
      w: 4,
      h: 4,
      idx: new Int16Array(16),
      shade: new Int8Array(16),
      colors: [
        [20, 20, 20],
        [80, 160, 60],
        [90, 170, 70],
        [140, 90, 50],
      ],
      counts: [9, 6, 2, 2],
    });
    expect(p?.body).toEqual([80, 160, 60]);
    expect(p?.accent).toEqual([140, 90, 50]);
  });
});
