import { describe, expect, it } from "vitest";
import { Rng } from "../prng";
import { SPRITE_MODES, type SpriteMode } from "../types";
import { BUILDERS } from "./builders";
import { SpriteCanvas } from "./canvas";
import { poseFor, wearOnTop } from "./engine";
import { parsePrompt } from "./prompt";

// Birds are a rig (#20 item 3): four seeds are four stances (standing, pecking, wings half open,
// sitting with the head turned), a walk moves the legs, a jump flaps, and every mode draws.

const BIRDS = ["a chicken", "a duck", "an owl", "a penguin", "a flamingo", "a crow", "a peacock"];

function parts(prompt: string, take: number, mode: SpriteMode = "idle", index = 0): Uint8Array {
  const info = { ...parsePrompt(prompt), size: 32 };
  const design = BUILDERS[info.builder].build(
    info,
    Rng.from("shape", prompt, 1),
    Rng.from("color", prompt, 1),
    32,
    { take },
  );
  const c = new SpriteCanvas(32, 32);
  design.draw(c, poseFor(mode, index, design.restView));
  return c.part;
}

const differ = (a: Uint8Array, b: Uint8Array) => {
  let any = 0;
  let diff = 0;
  for (let i = 0; i < a.length; i++) {
    if (!a[i] && !b[i]) continue;
    any++;
    if (a[i] !== b[i]) diff++;
  }
  return any ? diff / any : 0;
};

/** Cells of one part id. */
const cellsOf = (map: Uint8Array, part: number) => map.filter((p) => p === part).length;

describe("bird rig", () => {
  it("draws the listed birds with the bird builder, and an unlisted one from its WordNet chain", () => {
    for (const p of BIRDS) expect(parsePrompt(p).builder, p).toBe("bird");
    const magpie = parsePrompt("a magpie");
    expect(magpie.builder).toBe("bird");
    expect(magpie.breed).toBe("crow");
  });

  it("4 takes draw 4 different part maps (a stance each, not a recolour)", () => {
    for (const p of BIRDS) {
      const maps = [1, 2, 3, 4].map((t) => parts(p, t));
      for (let a = 0; a < 4; a++)
        for (let b = a + 1; b < 4; b++)
          expect(differ(maps[a]!, maps[b]!), `${p}: takes ${a + 1} and ${b + 1}`).toBeGreaterThan(
            0.15,
          );
    }
  });

  it("walk frames move the legs; a jump spreads the wings", () => {
    for (const p of BIRDS) {
      const walk = [0, 1, 2, 3].map((i) => parts(p, 1, "walk", i));
      const legs = (m: Uint8Array) => m.map((x) => (x === 2 || x === 11 ? x : 0));
      const moved = walk.some((f, i) => i > 0 && differ(legs(walk[0]!), legs(f)) > 0.2);
      expect(moved, `${p} walk legs`).toBe(true);
      const rest = parts(p, 1, "idle");
      const up = parts(p, 1, "jump", 1);
      expect(cellsOf(up, 12), `${p} far wing in flight`).toBeGreaterThan(0);
      expect(cellsOf(rest, 12)).toBe(0);
    }
  });

  it("every animation mode draws every take", () => {
    for (const p of BIRDS)
      for (const mode of SPRITE_MODES)
        for (const take of [1, 2, 3, 4])
          for (const i of [0, 1, 2])
            expect(cellsOf(parts(p, take, mode, i), 0), `${p} ${mode} ${take}`).toBeLessThan(
              32 * 32 - 40,
            );
  });

  it("a hat sits on the head the rig names, not on a tail raised above it", () => {
    const info = { ...parsePrompt("a chicken"), size: 32 };
    const design = BUILDERS.bird.build(info, Rng.from("shape", "hat", 1), Rng.from("c", 1), 32, {
      take: 2,
    });
    const c = new SpriteCanvas(32, 32);
    design.draw(c, poseFor("idle", 0, design.restView));
    const headX: number[] = [];
    for (let i = 0; i < c.part.length; i++)
      if (c.mat[i]! >= 0 && design.headParts!.includes(c.part[i]!)) headX.push(i % 32);
    const hat = {
      w: 3,
      h: 2,
      idx: new Int16Array(6),
      shade: new Int8Array(6),
      colors: [[0, 0, 0]],
      counts: [6],
    } as Parameters<typeof wearOnTop>[1];
    wearOnTop(c, hat, [0], design.headParts);
    const hatX: number[] = [];
    for (let i = 0; i < c.part.length; i++) if (c.part[i] === 30) hatX.push(i % 32);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(hatX.length).toBeGreaterThan(0);
    // the pecking take's head is low at the front, its tail high at the back
    expect(Math.abs(mean(hatX) - mean(headX))).toBeLessThan(3);
  });
});
