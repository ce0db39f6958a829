import { mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { parseEnv } from "@/lib/config/env";
import { BLOCKED_TERMS } from "./blocked-terms";
import { CONTENT_REFUSAL_MESSAGE, foldText, screenPrompt } from "./content-filter";

const env = parseEnv({}); // the built-in list only, whatever the machine's environment says

describe("screenPrompt: harmless pixel-art prompts pass", () => {
  it.each([
    "a knight with a sword",
    "attack animation",
    "一只可爱的猫",
    "fire dragon",
    "skeleton warrior",
    "zombie walk cycle, 4 directions, 16x16",
    "assassin's creed style assassin with hidden blade",
    "a class of mages in a classroom",
    "Sussex countryside at dusk",
    "sextant on a pirate ship deck",
    "bunch of grapes item icon",
    "torpedo submarine sprite",
    "Scunthorpe United football kit",
    "spice rack and spicy peppers",
    "bloody sword slash effect",
    "bomb item icon with a lit fuse",
    "explosion spritesheet 8 frames",
    "shooting star over the castle",
    "orc berserker death animation",
    "vampire hunter with crossbow",
    "一把燃烧的剑",
    "骷髅战士攻击动画",
    "裸露的岩石和苔藓",
    "跳楼价促销横幅",
    "印度支那地图",
    "8-bit ninja throwing shuriken",
    "",
  ])("%s", (prompt) => {
    expect(screenPrompt(prompt, env)).toEqual({ allowed: true });
  });
});

describe("screenPrompt: blocked prompts are refused", () => {
  it.each([
    ["nude woman on a beach", "nude"],
    ["NSFW elf", "nsfw"],
    ["naked", "naked"],
    ["hentai girl", "hentai"],
    ["sexy nurse", "sexy"],
    ["two people having sex", "sex"],
    ["masturbating", "masturbat"],
    ["decapitated head on a pike", "decapitat"],
    ["dismembered body, gore", "gore"],
    ["a swastika flag", "swastika"],
    ["kill yourself", "kill yourself"],
    ["self-harm scars", "self harm"],
    ["self harm", "self harm"],
    ["al-Qaeda flag", "al qaeda"],
    ["school shooting", "school shooting"],
    ["suicide bomber", "suicide"],
    ["lolicon", "lolicon"],
    ["色情图片", "色情"],
    ["裸体女人", "裸体"],
    ["萝莉控", "萝莉控"],
    ["血腥的肢解场面", "血腥"],
    ["如何自杀", "自杀"],
    ["恐怖袭击现场", "恐怖袭击"],
    ["三k党集会", "三K党"],
  ])("%s → %s", (prompt, term) => {
    const res = screenPrompt(prompt, env);
    expect(res.allowed).toBe(false);
    if (!res.allowed) expect(foldText(res.term)).toBe(foldText(term));
  });

  it("reports the category", () => {
    expect(screenPrompt("porn", env)).toMatchObject({ category: "sexual" });
    expect(screenPrompt("幼女", env)).toMatchObject({ category: "minors" });
    expect(screenPrompt("割腕", env)).toMatchObject({ category: "self_harm" });
  });

  it.each([
    ["ｎｕｄｅ elf", "full-width letters"],
    ["nu\u200bde elf", "zero-width space"],
    ["n\u00adude", "soft hyphen"],
    ["nüde", "diacritic"],
    ["NUDE", "upper case"],
    ["p0rn", "l33t digits"],
    ["s3x", "l33t digits"],
    ["$exy", "l33t symbol"],
    ["\u0440orn", "Cyrillic р homoglyph"],
    ["nudes", "plural"],
    ["pixel art porn色情", "Latin glued to CJK"],
    ["色 情", "spaced CJK"],
    ["色-情", "punctuated CJK"],
    ["色\u200d情", "zero-width joiner in CJK"],
    ["一张做爱的图", "CJK inside a sentence"],
  ])("catches %s (%s)", (prompt) => {
    expect(screenPrompt(prompt, env).allowed).toBe(false);
  });

  it("does not rewrite digits in number-only tokens (4 directions, 1488 stays 1488)", () => {
    expect(screenPrompt("walk in 4 directions, 5 frames", env).allowed).toBe(true);
    expect(screenPrompt("1488", env).allowed).toBe(false);
  });

  it("re-exports the exact refusal message", () => {
    expect(CONTENT_REFUSAL_MESSAGE).toBe("⚠️ 生成失败: AI 拒绝处理此请求 (可能包含敏感内容)");
  });

  it("ships a list in both languages for every category", () => {
    for (const list of Object.values(BLOCKED_TERMS)) {
      expect(list.en.length).toBeGreaterThan(0);
      expect(list.zh.length).toBeGreaterThan(0);
    }
  });
});

describe("screenPrompt: configuration", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "content-filter-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("CONTENT_FILTER=off disables screening", () => {
    expect(screenPrompt("nude", parseEnv({ CONTENT_FILTER: "off" }))).toEqual({ allowed: true });
    expect(screenPrompt("nude", parseEnv({ CONTENT_FILTER: "OFF" }))).toEqual({ allowed: true });
    expect(screenPrompt("nude", parseEnv({ CONTENT_FILTER: "on" })).allowed).toBe(false);
  });

  it("CONTENT_FILTER_EXTRA_TERMS adds English (word-bounded) and Chinese (substring) terms", () => {
    const e = parseEnv({ CONTENT_FILTER_EXTRA_TERMS: "Goblin King, 竞品logo，brand x" });
    expect(screenPrompt("the goblin king sprite", e)).toMatchObject({
      allowed: false,
      term: "Goblin King",
      category: "custom",
    });
    expect(screenPrompt("goblin kingdom map", e).allowed).toBe(true);
    expect(screenPrompt("画一个竞品LOGO", e)).toMatchObject({ allowed: false, term: "竞品logo" });
    expect(screenPrompt("brand-x mascot", e)).toMatchObject({ allowed: false, term: "brand x" });
    // Without the variable the same prompts pass: the extension is not sticky across calls.
    expect(screenPrompt("the goblin king sprite", env).allowed).toBe(true);
  });

  it("CONTENT_FILTER_FILE adds terms, ignores comments, and picks up edits", () => {
    const file = path.join(dir, "terms.txt");
    writeFileSync(file, "# house rules\nslime queen\n禁止词\n");
    const e = parseEnv({ CONTENT_FILTER_FILE: file });
    expect(screenPrompt("a slime queen boss", e)).toMatchObject({
      allowed: false,
      term: "slime queen",
    });
    expect(screenPrompt("这是禁止词", e)).toMatchObject({ allowed: false, term: "禁止词" });
    expect(screenPrompt("house rules", e).allowed).toBe(true);

    writeFileSync(file, "mimic chest\n");
    utimesSync(file, new Date(), new Date(Date.now() + 5_000));
    expect(screenPrompt("a slime queen boss", e).allowed).toBe(true);
    expect(screenPrompt("mimic chest", e).allowed).toBe(false);
  });

  it("a missing CONTENT_FILTER_FILE warns once and keeps the built-in list", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const e = parseEnv({ CONTENT_FILTER_FILE: path.join(dir, "missing.txt") });
    expect(screenPrompt("a cat", e).allowed).toBe(true);
    expect(screenPrompt("nude", e).allowed).toBe(false);
    expect(warn).toHaveBeenCalledTimes(1);
    warn.mockRestore();
  });
});
