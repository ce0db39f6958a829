import { describe, expect, it } from "vitest";
import type { SpriteMode } from "../types";
import { renderSpriteGrid } from "./engine";
import { interpretPrompt } from "./interpretation";
import { parsePrompt } from "./prompt";
import { drawTake, pixelsNear } from "./test-helpers";

/** The part id of every drawn cell of one take's profile frame, as the engine draws a quadruped. */
function parts(prompt: string, mode: SpriteMode = "idle", take = 1): Uint8Array {
  const c = drawTake(prompt, take, mode, 0, (pose) => {
    pose.pitch = 0;
    pose.rest = mode === "idle";
  });
  for (let i = 0; i < c.part.length; i++) if (c.mat[i]! < 0) c.part[i] = 0;
  return c.part;
}
const cells = (map: Uint8Array, part: number) => map.filter((p) => p === part).length;
const top = (map: Uint8Array, part: number) => {
  for (let i = 0; i < map.length; i++) if (map[i] === part) return Math.floor(i / 32);
  return 99;
};
// animal.ts P
const BODY = 3;
const TAIL = 6;
const FX = 9;
const SNOUT = 11;
const FACE = 10;

/** Pixels of a still (seed 1, 32 px) near a colour. */
function near(prompt: string, rgb: [number, number, number], tol = 40): number {
  const { grid } = renderSpriteGrid({ prompt, seed: 1, mode: "idle", index: 0, count: 1 });
  return pixelsNear(grid, rgb, tol);
}

describe("moods on beings (person-words' moods, #20)", () => {
  it("an animal's mood word is read, drawn and said in both lines, not left 'not understood'", () => {
    for (const [p, mood] of [
      ["an angry wolf", "angry"],
      ["a happy dog", "happy"],
      ["a scared cat", "scared"],
      ["a sad dog", "sad"],
      ["生气的狗", "angry"],
    ] as const) {
      const info = parsePrompt(p);
      expect(info.mood, p).toBe(mood);
      expect(info.unknown, p).toEqual([]);
      expect(info.guesses.join(" "), p).not.toMatch(/not understood/);
      const i = interpretPrompt(p, { seed: 1 });
      expect(i.summary, p).toContain(`${mood} (`);
      expect(i.summary_zh, p).toMatch(/生气|开心|害怕|伤心/);
    }
    // a person's mood stays the person's face (person-words), not a second reading
    const goblin = parsePrompt("an angry goblin");
    expect(goblin.person?.mood).toBe("angry");
    expect(goblin.mood).toBeUndefined();
    // a rig without a face of its own has the mark beside its head; a mood no mark says is said
    // not drawn
    expect(parsePrompt("a scared bird").mood).toBe("scared");
    const bee = parsePrompt("a happy bee");
    expect(bee.mood).toBeUndefined();
    expect(bee.notDrawn).toContain("happy");
  });

  it("the marks and the face are drawn: red anger, a pale blue drop, a tail carried up or down", () => {
    const RED: [number, number, number] = [232, 56, 56];
    const WATER: [number, number, number] = [120, 200, 248];
    expect(near("an angry wolf", RED)).toBeGreaterThan(near("a wolf", RED) + 6);
    expect(near("an angry bee", RED)).toBeGreaterThan(near("a bee", RED) + 6);
    expect(near("a scared cat", WATER)).toBeGreaterThan(near("a cat", WATER) + 3);
    // the animal rig sheds its tear under the eye: two pixels
    expect(near("a sad dog", WATER)).toBeGreaterThan(near("a dog", WATER) + 1);
    // a happy dog's tail is up over its back, a sad one's hangs below it
    const happy = parts("a happy dog", "walk");
    const sad = parts("a sad dog", "walk");
    expect(top(happy, TAIL)).toBeLessThan(top(sad, TAIL));
    // an angry face has brows and bared teeth: more face cells than the plain one
    expect(cells(parts("an angry wolf"), FACE)).toBeGreaterThan(cells(parts("a wolf"), FACE));
  });
});

describe("the big game animals on the quadruped rig (#20)", () => {
  it("each walks on the rig with its look said", () => {
    for (const [p, re] of [
      ["a hippo", /hippo's look: .*muzzle/],
      ["a rhino", /rhino's look: .*horn/],
      ["a camel", /camel's look: .*hump/],
      ["a bactrian camel", /two humps/],
      ["a bison", /bison's look: .*hump/],
      ["a buffalo", /bison's look/],
      ["an otter", /otter's look/],
      ["a badger", /badger's look: .*stripe/],
      ["河马", /hippo's look/],
      ["犀牛", /rhino's look/],
    ] as const) {
      const info = parsePrompt(p);
      expect(info.builder, p).toBe("animal");
      expect(info.guesses.join(" "), p).toMatch(re);
    }
    // an elk is a deer (a wapiti), not a moose
    expect(parsePrompt("an elk").subject).toBe("deer");
  });

  it("their parts are drawn: a rhino's horns, a hippo's muzzle, a camel's hump", () => {
    const rhino = parts("a rhino");
    expect(cells(rhino, FX)).toBeGreaterThan(4);
    expect(cells(parts("a cow"), FX)).toBeLessThan(cells(rhino, FX));
    expect(cells(parts("a hippo"), SNOUT)).toBeGreaterThan(cells(parts("a pig"), SNOUT) + 6);
    // the camel's back is highest behind its middle (the hump); a horse's at the withers
    const highest = (map: Uint8Array) => {
      const row = top(map, BODY);
      let s = 0;
      let n = 0;
      let mx = 0;
      let mn = 0;
      for (let i = 0; i < map.length; i++)
        if (map[i] === BODY) {
          s += i % 32;
          n++;
          if (Math.floor(i / 32) === row) {
            mx += i % 32;
            mn++;
          }
        }
      return mx / mn - s / n;
    };
    expect(highest(parts("a camel"))).toBeLessThan(0);
    expect(highest(parts("a horse"))).toBeGreaterThan(highest(parts("a camel")));
  });
});
