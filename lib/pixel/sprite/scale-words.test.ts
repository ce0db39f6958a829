import { describe, expect, it } from "vitest";
import { rgbToHsv } from "../color";
import { material, SpriteCanvas } from "./canvas";
import type { Design } from "./design";
import { applyTakeScheme, renderSprite } from "./engine";
import { parsePrompt } from "./prompt";
import { applySizeWord, chibiHead, drawGroup } from "./scale-words";

const base = { seed: 1, mode: "idle" as const, index: 0, count: 1, size: 32 };

/** Opaque pixels of a rendered grid and their bounding box. */
async function drawn(prompt: string, seed = 1) {
  const r = await renderSprite({ ...base, prompt, seed });
  const { width: w, height: h, data } = r.grid;
  let n = 0;
  let x0 = w;
  let x1 = -1;
  let y0 = h;
  let y1 = -1;
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++)
      if (data[(y * w + x) * 4 + 3]! > 0) {
        n++;
        x0 = Math.min(x0, x);
        x1 = Math.max(x1, x);
        y0 = Math.min(y0, y);
        y1 = Math.max(y1, y);
      }
  return { n, bw: x1 - x0 + 1, bh: y1 - y0 + 1, r };
}

describe("size words are drawn in the frame, whatever grid the studio asks for", () => {
  it("giant (巨大的) grows the subject, tiny shrinks it, and the line names the word", async () => {
    for (const [plain, giant] of [
      ["a dog", "a giant dog"],
      ["一只狗", "一只巨大的狗"],
      ["a slime", "a huge slime"],
    ] as const) {
      const a = await drawn(plain);
      const b = await drawn(giant);
      expect(b.n, giant).toBeGreaterThan(a.n * 1.25);
      expect(b.r.interpretation.summary, giant).toMatch(/giant/);
      expect(b.r.interpretation.summary_zh, giant).toMatch(/巨大/);
    }
    const a = await drawn("a potion");
    const t = await drawn("a tiny potion");
    expect(t.n).toBeLessThan(a.n * 0.6);
    expect(t.r.interpretation.summary).toMatch(/tiny/);
  });

  it("a size word in a name's description is not drawn: only a typed one is (an imp, a fairy)", async () => {
    // composites.ts reads an imp as "a small red demon"; WordNet a fairy as a small spirit
    for (const [plain, small] of [
      ["an imp", "a small imp"],
      ["a fairy", "a little fairy"],
    ] as const) {
      const a = await drawn(plain);
      const b = await drawn(small);
      expect(a.r.interpretation.summary, plain).not.toMatch(/(·|,) small\b/);
      expect(b.r.interpretation.summary, small).toMatch(/(·|,) small\b/);
      expect(b.n, small).toBeLessThan(a.n * 0.8);
    }
  });

  it("a giant on a canvas grows to the frame about its ground line; tiny shrinks about it", () => {
    const c = new SpriteCanvas(32, 32);
    c.rect(12, 20, 19, 29, 0, 1, 2);
    applySizeWord(c, "giant");
    const rows = [...c.mat].map((m, i) => (m >= 0 ? Math.floor(i / 32) : -1)).filter((y) => y >= 0);
    expect(Math.max(...rows)).toBe(29);
    expect(Math.min(...rows)).toBeLessThan(14);
    const d = new SpriteCanvas(32, 32);
    d.rect(6, 6, 25, 29, 0, 1, 2);
    applySizeWord(d, "tiny");
    expect([...d.mat].filter((m) => m >= 0).length).toBeLessThan(20 * 24 * 0.45);
  });
});

describe("a plural of a small thing is a small group of it", () => {
  it("three apples, apples, a pile of coins, gold coins, 三个苹果, 一堆金币 are groups", async () => {
    for (const p of [
      "three apples",
      "apples",
      "a pile of coins",
      "gold coins",
      "三个苹果",
      "一堆金币",
    ]) {
      const info = parsePrompt(p);
      expect(info.count, p).toBe(3);
      expect(info.unknown, p).toEqual([]);
    }
    expect(parsePrompt("two potions").count).toBe(2);
    expect(parsePrompt("两个苹果").count).toBe(2);
    for (const p of [
      "an apple",
      "a coin",
      "glasses",
      "leather boots",
      "gloves",
      "一个苹果",
      "a knight with two swords",
    ])
      expect(parsePrompt(p).count, p).toBeUndefined();
    const one = await drawn("an apple");
    const three = await drawn("three apples");
    expect(three.r.interpretation.summary).toMatch(/group of three/);
    expect(three.r.interpretation.summary_zh).toMatch(/三个一组/);
    // three smaller apples side by side: wider than tall, unlike the one apple
    expect(three.bw / three.bh).toBeGreaterThan((one.bw / one.bh) * 1.2);
  });

  it("the group's copies are drawn apart (a dark line where a front one covers a back one)", () => {
    const c = new SpriteCanvas(32, 32);
    c.ellipse(16, 20, 8, 8, 0, 1, 2);
    drawGroup(c, 3);
    const xs = [...c.mat].map((m, i) => (m >= 0 ? i % 32 : -1)).filter((x) => x >= 0);
    // three copies at about 0.64 scale span well over one copy's width (17 × 0.64 ≈ 11)
    expect(Math.max(...xs) - Math.min(...xs) + 1).toBeGreaterThan(17);
    expect([...c.tone].filter((t) => t === 0).length).toBeGreaterThan(4);
  });

  it("a plural the engine cannot draw as a group (beings, buildings) says so", async () => {
    for (const p of ["three knights", "cute bunnies", "two houses"]) {
      const info = parsePrompt(p);
      expect(info.count, p).toBeUndefined();
      expect(info.notDrawn, p).toContain(p.startsWith("two") ? "two" : "several");
    }
    const r = await drawn("three knights");
    expect(r.r.interpretation.summary).toMatch(/not drawn: several/);
    expect((await drawn("三个骑士")).r.interpretation.summary_zh).toMatch(/没有画出:多个/);
  });
});

describe("cute is listed only where it is drawn", () => {
  it("an animal draws it; anything else says 'not drawn: cute' (可爱)", async () => {
    const dog = await drawn("a cute dog");
    expect(dog.r.interpretation.modifiers).toContain("cute");
    expect(dog.r.interpretation.summary).not.toMatch(/not drawn/);
    for (const p of ["a cute house", "a cute sword", "a cute slime"]) {
      const r = await drawn(p);
      expect(r.r.interpretation.modifiers, p).not.toContain("cute");
      expect(r.r.interpretation.summary, p).toMatch(/not drawn: cute/);
    }
    expect((await drawn("一个可爱的房子")).r.interpretation.summary_zh).toMatch(/没有画出:可爱/);
    // 小 on a thing is small (drawn smaller in the frame), not an undrawn "cute"
    const small = parsePrompt("一个小房子");
    expect(small.cute).toBe(false);
    expect(small.sizeWord).toBe("small");
    expect(small.notDrawn).toBeUndefined();
  });

  it("a cute character (可爱的) has a chibi head: the head a third larger, the body as drawn", async () => {
    const c = new SpriteCanvas(32, 32);
    c.rect(12, 4, 19, 11, 0, 1, 2); // head (part 1)
    c.rect(11, 12, 20, 29, 1, 2, 2); // body (part 2)
    chibiHead(c, [1]);
    const head = [...c.part].filter((p, i) => p === 1 && c.mat[i]! >= 0).length;
    expect(head).toBeGreaterThan(64 * 1.6);
    expect(c.mat[29 * 32 + 15]).toBe(1);
    for (const p of ["a cute knight", "一个可爱的骑士", "a cute wizard"]) {
      const r = (await drawn(p)).r.interpretation;
      expect(r.modifiers, p).toContain("cute");
      expect(r.summary, p).not.toMatch(/not drawn/);
    }
  });
});

describe("a take keeps metal metal", () => {
  it("every colour scheme of a grey blade stays a grey or steel, never a tan", () => {
    for (let key = 0; key < 8; key++) {
      const d: Design = {
        size: 32,
        materials: [material([184, 194, 204]), material([170, 180, 192]), material([140, 90, 48])],
        restView: "side",
        draw: () => {},
      };
      applyTakeScheme(d, parsePrompt("a battle axe"), key);
      for (const m of d.materials.slice(0, 2)) {
        const [h, s] = rgbToHsv(...m.ramp[2]);
        expect(s, `key ${key}`).toBeLessThan(0.45);
        if (s > 0.12) expect(h, `key ${key}`).toBeGreaterThan(180);
      }
    }
  });

  it("a living thing's greys are feathers or fur, not polished steel (a dodo)", () => {
    // (a condor was the first case; it is now the bird rig's vulture, which takes no scheme)
    for (const p of ["a dodo", "🦤", "a battle axe"]) {
      // the take that polishes a blade's steel warms a bird's greys to brown
      for (const key of [1, 5]) {
        const d: Design = {
          size: 32,
          materials: [material([128, 120, 112]), material([96, 92, 88])],
          restView: "side",
          draw: () => {},
        };
        applyTakeScheme(d, parsePrompt(p), key);
        for (const m of d.materials) {
          const [h, s] = rgbToHsv(...m.ramp[2]);
          const brown = s > 0.2 && h < 60;
          expect(brown, `${p} key ${key}`).toBe(p !== "a battle axe");
        }
      }
    }
  });
});

describe("a set named 'X and Ys' is one thing", () => {
  it("bow and arrows is one bow with its arrows, not a group of three (eval-f)", () => {
    expect(parsePrompt("bow and arrows").count).toBeUndefined();
    expect(parsePrompt("three apples").count).toBe(3);
  });
});
