import { describe, expect, it } from "vitest";
import { Rng } from "../prng";
import { SpriteCanvas } from "./canvas";
import { drawCreatureExtras, prepareCreatureExtras } from "./creature-parts";
import type { Pose } from "./design";
import { buildDesign } from "./engine";
import { parsePrompt } from "./prompt";

const pose: Pose = {
  mode: "idle",
  view: "side",
  flip: false,
  bob: 0,
  stride: 0,
  lift: 0,
  attack: 0,
  t: 0,
};

/** Materials used on a creature's idle frame, with the extras (form) drawn. */
function drawn(prompt: string) {
  const info = parsePrompt(prompt);
  const design = buildDesign(info, Rng.from("shape", prompt, 1), Rng.from("color", prompt, 1));
  const x = prepareCreatureExtras(design, info, 1);
  const c = new SpriteCanvas(design.size, design.size);
  const p = { ...pose, view: design.restView };
  design.draw(c, p);
  if (x) drawCreatureExtras(c, info, p, x, design.headParts, design.materials, 1);
  const count = (m: number | undefined) => c.mat.filter((v) => v === m).length;
  let top = c.h;
  for (let i = 0; i < c.mat.length; i++)
    if (c.mat[i]! >= 0) top = Math.min(top, Math.floor(i / c.w));
  return { x, count, top, c };
}

describe("robot / mechanical / cyborg creatures", () => {
  it("any creature in metal gets plates, rivets, an LED and an antenna", () => {
    for (const p of [
      "a robot dog",
      "a mechanical cat",
      "a cyborg wolf",
      "a robot horse",
      "a robot dragon",
    ]) {
      const { x, count } = drawn(p);
      expect(x?.machine, p).toBeDefined();
      expect(count(x!.machine!.plate), p).toBeGreaterThanOrEqual(6);
      expect(count(x!.machine!.rivet), p).toBeGreaterThanOrEqual(2);
      // the LED eye and the antenna's bulb
      expect(count(x!.machine!.glow), p).toBeGreaterThanOrEqual(2);
    }
  });

  it("the antenna rises above the plain animal's head", () => {
    const plain = drawn("a dog");
    const robot = drawn("a robot dog");
    expect(robot.top).toBeLessThan(plain.top);
  });
});
