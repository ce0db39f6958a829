import { describe, expect, it } from "vitest";
import { renderSprite } from "./engine";
import { DIAGONAL_PAIRS, quadrupedGait } from "./gait";

const frames = [0, 0.25, 0.5, 0.75].map((t) => quadrupedGait(t, { stride: 2, lift: 2 }));

describe("quadruped gait", () => {
  it("moves the legs in diagonal pairs that alternate", () => {
    for (const f of frames)
      for (const [a, b] of DIAGONAL_PAIRS) expect(f.feet[a], `${a}/${b}`).toEqual(f.feet[b]);
    // the two pairs are opposite: one forward while the other is back, one lifted at a time
    for (const f of frames) {
      expect(f.feet.frontNear.dx).toBe(-f.feet.frontFar.dx);
      expect(f.feet.frontNear.lift > 0 && f.feet.frontFar.lift > 0).toBe(false);
    }
    // each pair is lifted on exactly one passing frame, and they take turns
    const liftedA = frames.map((f) => f.feet.frontNear.lift > 0);
    const liftedB = frames.map((f) => f.feet.frontFar.lift > 0);
    expect(liftedA).toEqual([false, false, false, true]);
    expect(liftedB).toEqual([false, true, false, false]);
  });

  it("drops the body on contact frames and swings the tail", () => {
    expect(frames.map((f) => f.bob)).toEqual([1, 0, 1, 0]);
    expect(frames[0]!.headDy).toBeLessThan(0);
    expect(frames[1]!.tail).toBeGreaterThan(0);
    expect(frames[3]!.tail).toBeLessThan(0);
  });
});

describe("a quadruped's walk bobs where a person sees it (eval-f: a wolf's walk only moved its legs)", () => {
  // the back's top edge over the rear half of the sprite, on a contact frame and a passing one
  const backTop = async (prompt: string, index: number) => {
    const { grid } = await renderSprite({ prompt, seed: 1, mode: "walk", index, count: 4 });
    const tops: number[] = [];
    for (let x = 6; x < 16; x++)
      for (let y = 0; y < grid.height; y++)
        if (grid.data[(y * grid.width + x) * 4 + 3]! > 0) {
          tops.push(y);
          break;
        }
    return tops.reduce((a, b) => a + b, 0) / Math.max(1, tops.length);
  };

  it("the body drops at least a pixel on the contact frames at 32 px", async () => {
    for (const prompt of ["a grey wolf", "a fox", "a horse", "a dog", "a bear"]) {
      const contact = await backTop(prompt, 0);
      const passing = await backTop(prompt, 1);
      expect(contact - passing, prompt).toBeGreaterThanOrEqual(0.5);
    }
  });
});
