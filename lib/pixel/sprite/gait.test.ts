import { describe, expect, it } from "vitest";
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
