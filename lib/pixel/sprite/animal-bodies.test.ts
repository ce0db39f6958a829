// Bodies that are not a four-legged walker's (#20, tail-rigs): a kangaroo up on its haunches,
// hopping; a great ape walking on its knuckles; a bull's long horns. Checked on the part map.
import { describe, expect, it } from "vitest";
import type { SpriteMode } from "../types";
import { interpretPrompt } from "./interpretation";
import { drawTake } from "./test-helpers";

/** The part id of every drawn cell of one take's frame, as the engine draws a quadruped's batch. */
function parts(prompt: string, mode: SpriteMode = "idle", index = 0, take = 1, front = false) {
  const c = drawTake(prompt, take, mode, index, (pose) => {
    pose.pitch = front ? 1 : 0;
    if (front) pose.view = "front";
    pose.rest = mode === "idle";
  });
  for (let i = 0; i < c.part.length; i++) if (c.mat[i]! < 0) c.part[i] = 0;
  return c.part;
}

// the rig's part ids (animal.ts P)
const FAR_FRONT = 1;
const NEAR_FRONT = 2;
const BODY = 3;
const HEAD = 4;
const TAIL = 6;
const FX = 9;
const FAR_HIND = 15;
const NEAR_HIND = 16;

/** Rows, columns and count of the cells of some parts. */
function box(map: Uint8Array, ...ids: number[]) {
  let top = 32;
  let bottom = -1;
  let left = 32;
  let right = -1;
  let n = 0;
  for (let i = 0; i < map.length; i++) {
    if (!ids.includes(map[i]!)) continue;
    const x = i % 32;
    const y = Math.floor(i / 32);
    top = Math.min(top, y);
    bottom = Math.max(bottom, y);
    left = Math.min(left, x);
    right = Math.max(right, x);
    n++;
  }
  return { top, bottom, left, right, n, h: bottom - top + 1, w: right - left + 1 };
}

/** The lowest drawn row (the ground the animal stands on). */
const groundRow = (map: Uint8Array) => box(map, ...new Set(map.filter((p) => p > 0))).bottom;

describe("animals that are not four-legged walkers", () => {
  it("a kangaroo, a wallaby, 袋鼠 are drawn on the rig, and the line says what tells it", () => {
    for (const [prompt, look] of [
      ["a kangaroo", /kangaroo's look: up on big hind legs/],
      ["袋鼠", /kangaroo's look/],
      ["a wallaby", /wallaby's look/],
    ] as const) {
      const it0 = interpretPrompt(prompt, { seed: 1 });
      expect(it0.builder, prompt).toBe("animal");
      expect(it0.art, prompt).toEqual([]);
      expect(it0.summary, prompt).toMatch(look);
    }
  });

  it("a kangaroo stands up on its hind feet: its forearms hang clear of the ground, its body is upright", () => {
    for (const take of [1, 2, 3, 4]) {
      const map = parts("a kangaroo", "idle", 0, take);
      const ground = groundRow(map);
      const arms = box(map, FAR_FRONT, NEAR_FRONT);
      const feet = box(map, FAR_HIND, NEAR_HIND);
      expect(arms.n, `take ${take}`).toBeGreaterThan(0);
      expect(feet.bottom, `take ${take}`).toBe(ground);
      expect(arms.bottom, `take ${take}`).toBeLessThan(ground - 3);
      // on long hind feet: thigh and foot reach well out along the ground
      expect(feet.w, `take ${take}`).toBeGreaterThanOrEqual(8);
      // its trunk rises above the haunches, the head on top
      expect(box(map, BODY).top, `take ${take}`).toBeLessThan(feet.top - 5);
      expect(box(map, HEAD).bottom, `take ${take}`).toBeLessThan(feet.top);
      // and its tail lies on the ground behind it
      expect(box(map, TAIL).bottom, `take ${take}`).toBeGreaterThan(ground - 3);
    }
    // a rabbit on the same rig still stands on four feet
    const rabbit = parts("a rabbit", "walk", 0);
    expect(box(rabbit, FAR_FRONT, NEAR_FRONT).bottom).toBe(groundRow(rabbit));
  });

  it("a kangaroo walks in hops: the feet leave the ground together and land", () => {
    const feet = [0, 1, 2, 3].map((i) => box(parts("a kangaroo", "walk", i), NEAR_HIND, FAR_HIND));
    const lowest = Math.max(...feet.map((f) => f.bottom));
    const highest = Math.min(...feet.map((f) => f.bottom));
    expect(lowest - highest).toBeGreaterThanOrEqual(3);
  });

  it("a gorilla, an ape, a chimp, an orangutan walk on the rig, the line naming their look", () => {
    for (const [prompt, look] of [
      ["a gorilla", /gorilla's look: .*knuckles/],
      ["an ape", /gorilla's look/],
      ["大猩猩", /gorilla's look/],
      ["a chimp", /chimp's look/],
      ["a chimpanzee", /chimp's look/],
      ["黑猩猩", /chimp's look/],
      ["an orangutan", /orangutan's look/],
      ["a bonobo", /chimp's look/],
    ] as const) {
      const it0 = interpretPrompt(prompt, { seed: 1 });
      expect(it0.builder, prompt).toBe("animal");
      expect(it0.art, prompt).toEqual([]);
      expect(it0.summary, prompt).toMatch(look);
    }
    // a monkey keeps its own drawing
    expect(interpretPrompt("a monkey", { seed: 1 }).summary).not.toMatch(/gorilla/);
  });

  it("an ape's long arms hold its shoulders above its hips: forelegs longer than hind legs", () => {
    const frames = [
      ["idle", 0],
      ["walk", 1],
      ["walk", 3],
    ] as const;
    const longer = (prompt: string, mode: SpriteMode, index: number) => {
      expect(interpretPrompt(prompt, { seed: 1 }).builder, prompt).toBe("animal");
      const map = parts(prompt, mode, index);
      expect(box(map, NEAR_FRONT).n, prompt).toBeGreaterThan(0);
      return box(map, NEAR_FRONT).h - box(map, NEAR_HIND).h;
    };
    for (const prompt of ["a gorilla", "a chimp", "an orangutan"])
      for (const [mode, index] of frames)
        expect(longer(prompt, mode, index), `${prompt} ${mode} ${index}`).toBeGreaterThan(2);
    // a bear on the same rig walks level
    for (const [mode, index] of frames)
      expect(longer("a bear", mode, index), `bear ${mode} ${index}`).toBeLessThanOrEqual(2);
  });

  it("a bull's, an ox's, a yak's and a water buffalo's horns are long; a cow's short", () => {
    const horns = (prompt: string) => box(parts(prompt), FX);
    const cow = horns("a cow");
    expect(cow.n).toBeGreaterThan(1);
    for (const p of ["a bull", "an ox", "a yak", "a water buffalo", "水牛", "牦牛"]) {
      expect(horns(p).n, p).toBeGreaterThan(cow.n + 3);
    }
    // face-on they spread well past the head on both sides; a cow's hardly
    const spread = (p: string) => {
      const map = parts(p, "idle", 0, 1, true);
      const head = box(map, HEAD);
      const h = box(map, FX);
      return Math.min(head.left - h.left, h.right - head.right);
    };
    for (const p of ["a bull", "an ox", "a yak", "a water buffalo"])
      expect(spread(p), p).toBeGreaterThanOrEqual(2);
    expect(spread("a cow")).toBeLessThanOrEqual(1);
  });

  it("a wolf, a fox, a husky face-on: a ruff out from the cheeks and tall ears, not a cat's box", () => {
    const SNOUT = 11;
    const EAR = 5;
    for (const p of ["a wolf", "a fox", "a husky"]) {
      const map = parts(p, "idle", 0, 1, true);
      const head = box(map, HEAD);
      // the ruff: the head's fur spreads wider than a cat's head
      expect(head.w, p).toBeGreaterThanOrEqual(box(parts("a cat", "idle", 0, 1, true), HEAD).w + 2);
      expect(box(map, EAR).n, p).toBeGreaterThanOrEqual(16);
      // the pale muzzle reaches down past the middle of the face
      expect(box(map, SNOUT).n, p).toBeGreaterThan(5);
    }
    // a floppy-eared dog has no ruff
    expect(box(parts("a dog", "idle", 0, 1, true), HEAD).w).toBeLessThan(14);
  });
});
