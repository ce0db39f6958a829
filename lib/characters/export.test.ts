import { describe, expect, it } from "vitest";
import { exportOrder } from "./export";

const anim = (id: number, action: string, direction: string, stateId: number | null = null) => ({
  id,
  action,
  direction,
  stateId,
});

describe("the character export's order of tags and sheet rows", () => {
  it("follows the compass within an action, whatever order the rows were stored in", () => {
    // what a new user's knight stored: walk in order, attack's second half out of order (the
    // directions of one request are inserted concurrently)
    const stored = [
      anim(1, "walk", "down"),
      anim(2, "walk", "left"),
      anim(3, "attack", "down"),
      anim(4, "attack", "up"),
      anim(5, "attack", "right"),
      anim(6, "attack", "up_right"),
      anim(7, "attack", "down_right"),
      anim(8, "attack", "left"),
    ];
    expect(exportOrder(stored).map((a) => `${a.action}_${a.direction}`)).toEqual([
      "walk_down",
      "walk_left",
      "attack_down",
      "attack_left",
      "attack_up",
      "attack_up_right",
      "attack_right",
      "attack_down_right",
    ]);
  });

  it("keeps actions in the order first animated, states after the base, repeats by age", () => {
    const stored = [
      anim(9, "walk", "up", 2),
      anim(4, "idle", "down"),
      anim(7, "walk", "down"),
      anim(5, "idle", "down"),
      anim(1, "idle", "up"),
    ];
    expect(exportOrder(stored).map((a) => a.id)).toEqual([4, 5, 1, 7, 9]);
  });
});
