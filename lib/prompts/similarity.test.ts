import { describe, expect, it } from "vitest";
import {
  DUPLICATE_THRESHOLD,
  findDuplicates,
  normalizePrompt,
  promptSimilarity,
} from "./similarity";

describe("normalizePrompt", () => {
  it.each([
    ["一只可爱的猫", "可爱猫"],
    ["一只可爱的猫!", "可爱猫"],
    ["「可爱的猫」。", "可爱猫"],
    ["一个骑士，一只龙！", "骑士 龙"],
    ["A cute cat", "cute cat"],
    ["cute cats", "cute cat"],
    ["Ｐｉｘｅｌ　Ｃａｔ！！", "pixel cat"],
    ["pixel cat 🐱✨👍🏽", "pixel cat"],
    ["  The   Knight   of   the  Round Table ", "knight round table"],
    ["running knights jumped", "run knight jump"],
    ["boxes, witches, cities", "box witch city"],
    ["glass status", "glass status"],
    ["king ring wings", "king ring wing"],
    ["red bed speed", "red bed speed"],
    ["pixel猫", "pixel 猫"],
    ["16x16 sprites, 4 directions", "16x16 sprite 4 direction"],
    ["", ""],
  ])("%s → %s", (input, expected) => {
    expect(normalizePrompt(input)).toBe(expected);
  });
});

describe("DUPLICATE_THRESHOLD is defended by these pairs", () => {
  it.each([
    ["一只可爱的猫", "一只可爱的猫!"],
    ["一只可爱的猫", "可爱的猫"],
    ["一只可爱的猫!", "可爱的猫"],
    ["A cute cat", "cute cats"],
    ["Pixel Cat", "ｐｉｘｅｌ　ｃａｔ 🐱"],
    // Same words, different order: we call this a duplicate. For image prompts word order
    // rarely changes the picture ("fire breathing dragon" is the same sprite), the few
    // counter-examples ("cat chasing dog") are cheap to force through, and an order-aware
    // measure would stop matching harmless reorderings such as "knight, idle, 32px".
    ["dragon breathing fire", "fire breathing dragon"],
    ["knight, idle animation, 32px", "32px idle animation knight"],
    // One extra word on a prompt of ≥ 6 words is the same request.
    [
      "pixel art knight with red armor holding a sword idle animation",
      "pixel art knight with red armor holding a sword idle animation loop",
    ],
  ])("duplicate: %s ≈ %s", (a, b) => {
    expect(promptSimilarity(a, b)).toBeGreaterThanOrEqual(DUPLICATE_THRESHOLD);
  });

  it.each([
    ["a red knight", "a blue knight"],
    ["一只可爱的猫", "一只可爱的狗"],
    ["红色骑士", "蓝色骑士"],
    ["a cute cat", "a cute black cat"],
    ["fire dragon", "ice dragon"],
    // One substituted word in a 10-word prompt is still a different picture (9/11 ≈ 0.82).
    [
      "pixel art knight with red armor holding a sword idle animation",
      "pixel art knight with blue armor holding a sword idle animation",
    ],
    // One substituted character in 14 Chinese characters (11/13 ≈ 0.85, just under).
    ["像素风格的骑士手持红色长剑站立", "像素风格的骑士手持蓝色长剑站立"],
    ["火龙", "fire dragon"], // cross-language matching is out of scope
    ["🐱", "🐶"],
  ])("not duplicate: %s ≠ %s", (a, b) => {
    expect(promptSimilarity(a, b)).toBeLessThan(DUPLICATE_THRESHOLD);
  });

  it("sits in the gap between the two groups", () => {
    expect(promptSimilarity("a red knight", "a blue knight")).toBeCloseTo(1 / 3, 5);
    expect(promptSimilarity("一只可爱的猫", "一只可爱的狗")).toBeCloseTo(0.5, 5);
    expect(DUPLICATE_THRESHOLD).toBeGreaterThan(9 / 11);
    expect(DUPLICATE_THRESHOLD).toBeLessThanOrEqual(6 / 7);
  });
});

describe("promptSimilarity", () => {
  it("is 1 for identical prompts and symmetric", () => {
    expect(promptSimilarity("skeleton warrior", "skeleton warrior")).toBe(1);
    const pairs = [
      ["a cute cat", "cute black cat"],
      ["可爱的猫咪", "一只猫"],
      ["pixel 猫 sprite", "猫 sprite"],
    ];
    for (const [a, b] of pairs) expect(promptSimilarity(a, b)).toBe(promptSimilarity(b, a));
  });

  it("stays within 0..1", () => {
    for (const [a, b] of [
      ["", ""],
      ["", "cat"],
      ["!!!", "???"],
      ["猫", "cat"],
      ["mixed 中文 text", "mixed text 中文"],
    ]) {
      const s = promptSimilarity(a, b);
      expect(s).toBeGreaterThanOrEqual(0);
      expect(s).toBeLessThanOrEqual(1);
    }
  });

  it("weights mixed-script prompts by how much each script contributes", () => {
    // Same Latin part, different single Chinese character: mostly similar, not identical.
    const s = promptSimilarity("pixel art sprite 猫", "pixel art sprite 狗");
    expect(s).toBeGreaterThan(0.5);
    expect(s).toBeLessThan(1);
  });

  it("compares emoji-only prompts literally", () => {
    expect(promptSimilarity("🐱", "🐱")).toBe(1);
    expect(promptSimilarity("🐱", "🐶")).toBe(0);
  });
});

describe("findDuplicates", () => {
  const candidates = [
    { id: 1, prompt: "a blue knight" },
    { id: 2, prompt: "Cute cats!" },
    { id: 3, prompt: "一只可爱的猫" },
    { id: 4, prompt: "a cute cat" },
    { id: 5, prompt: "a cute cat with a hat" },
  ];

  it("returns matches above the threshold, best first, ties in candidate order", () => {
    const res = findDuplicates("A cute cat.", candidates);
    expect(res.map((m) => m.id)).toEqual([2, 4]);
    expect(res[0]).toEqual({ id: 2, prompt: "Cute cats!", score: 1 });
  });

  it("sorts by score when scores differ", () => {
    const res = findDuplicates("a cute cat", candidates, 0.5);
    expect(res.map((m) => m.id)).toEqual([2, 4, 5]);
    expect(res[2].score).toBeCloseTo(0.5, 5); // {cute, cat} vs {cute, cat, with, hat}
  });

  it("works for Chinese and string ids, and returns nothing when nothing is close", () => {
    const res = findDuplicates("可爱的猫。", [
      { id: "a", prompt: "一只可爱的猫" },
      { id: "b", prompt: "一只可爱的狗" },
    ]);
    expect(res.map((m) => m.id)).toEqual(["a"]);
    expect(findDuplicates("fire dragon", candidates)).toEqual([]);
    expect(findDuplicates("anything", [])).toEqual([]);
  });
});

describe("findDuplicatesNormalized", () => {
  it("agrees with findDuplicates when given stored normalized prompts", async () => {
    const { findDuplicates, findDuplicatesNormalized, normalizePrompt } = await import(
      "./similarity"
    );
    const prompts = [
      "一只可爱的猫!",
      "a blue knight",
      "A cute cat",
      "cute cats",
      "fire breathing dragon",
    ];
    const candidates = prompts.map((prompt, id) => ({
      id,
      prompt,
      normalized: normalizePrompt(prompt),
    }));
    for (const q of ["一只可爱的猫", "a cute cat", "dragon breathing fire", "a red knight"]) {
      expect(findDuplicatesNormalized(q, candidates)).toEqual(findDuplicates(q, candidates));
    }
  });
});
