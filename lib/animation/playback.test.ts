import { describe, expect, it } from "vitest";
import { advance, frameDelay, stepIndex } from "./playback";

describe("playback", () => {
  it("loops back to the first frame", () => {
    let c = { index: 0, direction: 1 as const };
    const seen: number[] = [];
    for (let i = 0; i < 5; i++) {
      c = advance(c, 3, "loop") as typeof c;
      seen.push(c.index);
    }
    expect(seen).toEqual([1, 2, 0, 1, 2]);
  });

  it("ping-pongs without repeating the end frames", () => {
    let c: { index: number; direction: 1 | -1 } = { index: 0, direction: 1 };
    const seen = [c.index];
    for (let i = 0; i < 8; i++) {
      c = advance(c, 4, "pingpong");
      seen.push(c.index);
    }
    expect(seen).toEqual([0, 1, 2, 3, 2, 1, 0, 1, 2]);
  });

  it("stays on frame 0 with fewer than two frames and clamps a stale index", () => {
    expect(advance({ index: 5, direction: 1 }, 1, "pingpong")).toEqual({ index: 0, direction: 1 });
    expect(advance({ index: 9, direction: 1 }, 3, "loop").index).toBe(0);
  });

  it("steps both ways with wrap-around", () => {
    expect(stepIndex(0, -1, 4)).toBe(3);
    expect(stepIndex(3, 1, 4)).toBe(0);
    expect(stepIndex(7, 1, 4)).toBe(0);
    expect(stepIndex(0, 1, 0)).toBe(0);
  });

  it("uses a frame's own duration, else 1000/fps", () => {
    expect(frameDelay(1, 8, [100, 250])).toBe(250);
    expect(frameDelay(2, 8, [100, 250])).toBe(125);
    expect(frameDelay(0, 10)).toBe(100);
    expect(frameDelay(0, 0)).toBe(1000);
  });
});
