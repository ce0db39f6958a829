import { describe, expect, it } from "vitest";
import { rgbToHsv } from "../color";
import type { RgbaImage } from "../types";
import { COMPOSITE_TABLE } from "./composites";
import { drawnWords } from "./drawn-words";
import { renderSprite } from "./engine";
import { interpretPrompt } from "./interpretation";
import { parsePrompt } from "./prompt";
import { COLORS, SUBJECTS } from "./vocabulary";
import { ZH_LINE_NAMES } from "./zh-line";

// Issue #20, eval-e: the "Drawn as" line said what the drawing did not show ("grey, ice" on an
// ice-blue golem, "not understood: bowl" over a drawn bowl) and the Chinese line was half English.
// These checks run over the catalogue's subjects and compositions of them, so a new word or a new
// phrase of the line is held to them as well.

/** Every k-th subject (all categories), so the list stays a few hundred prompts. */
function sample(k: number, of = (s: (typeof SUBJECTS)[number]) => s.en[0]): string[] {
  const out: string[] = [];
  SUBJECTS.forEach((s, i) => {
    const w = of(s);
    if (i % k === 0 && w) out.push(w);
  });
  return out;
}

const COLOUR_WORDS = ["red", "blue", "green", "yellow", "purple", "white", "black", "orange"];

/** The hue, saturation and value a named colour covers in drawn pixels (shaded ramps included). */
function inFamily(id: string, r: number, g: number, b: number): boolean {
  const [h, s, v] = rgbToHsv(r, g, b);
  const hueNear = (hue: number, tol: number) => Math.abs(((h - hue + 540) % 360) - 180) <= tol;
  switch (id) {
    case "white":
      return s < 0.25 && v > 0.7;
    case "black":
      return v < 0.4;
    case "grey":
      return s < 0.3 && v > 0.25 && v < 0.9;
    case "brown":
      return hueNear(28, 25) && v < 0.75 && s > 0.2;
    case "navy":
      return hueNear(230, 30) && v < 0.7;
    case "pink":
      return (hueNear(330, 35) || hueNear(350, 20)) && s > 0.15;
    default: {
      const c = COLORS.find((x) => x.id === id)!;
      const [r0, g0, b0] = [1, 3, 5].map((i) => Number.parseInt(c.hex.slice(i, i + 2), 16)) as [
        number,
        number,
        number,
      ];
      const [hc] = rgbToHsv(r0, g0, b0);
      return s > 0.2 && v > 0.2 && hueNear(hc, 30);
    }
  }
}

function colourShown(grid: RgbaImage, id: string): number {
  let n = 0;
  const d = grid.data;
  for (let i = 0; i < d.length; i += 4)
    if (d[i + 3]! > 0 && inFamily(id, d[i]!, d[i + 1]!, d[i + 2]!)) n++;
  return n;
}

const COLOUR_IDS = new Set(COLORS.map((c) => c.id));

describe("the line's colour words are colours the drawing shows", () => {
  const prompts = [
    ...sample(4),
    ...sample(9).flatMap((w, i) => [`a ${COLOUR_WORDS[i % COLOUR_WORDS.length]} ${w}`]),
    ...sample(11).map((w) => `a ${w} made of ice`),
    ...sample(13).map((w) => `a golden ${w}`),
    "a golem made of ice",
    "a golem made of gold",
    // a named colour over a subject's own material (stone): the colour is the surface
    "a pink golem",
    "a blue golem",
    "a purple gargoyle",
    "a brown gargoyle",
    "a grey elephant",
    "a red fox",
    "a green parakeet",
  ];
  it(`holds for ${prompts.length} prompts`, async () => {
    const bad: string[] = [];
    for (const prompt of prompts) {
      const { grid, interpretation } = await renderSprite({
        prompt,
        seed: 1,
        mode: "idle",
        index: 0,
        count: 1,
      });
      for (const m of interpretation.modifiers)
        if (COLOUR_IDS.has(m) && colourShown(grid, m) < 2)
          bad.push(`${prompt}: says ${m} (${interpretation.summary})`);
    }
    expect(bad).toEqual([]);
  }, 240_000);
});

describe("'not understood' never names a word of what was drawn", () => {
  const prompts = [
    "一碗面条",
    "roast chicken leg",
    "一碗米饭",
    "a bowl of noodles",
    ...sample(5).map((w) => `a ${w} leg`),
    ...sample(7).map((w) => `a bowl of ${w}`),
    ...sample(8).map((w) => `a ${w} holding a lantern`),
  ];
  it(`holds for ${prompts.length} prompts`, () => {
    const bad: string[] = [];
    for (const prompt of prompts) {
      const info = parsePrompt(prompt);
      const drawn = drawnWords(info);
      for (const w of interpretPrompt(prompt, { seed: 1 }).not_understood)
        if (drawn.has(w)) bad.push(`${prompt}: ${w}`);
    }
    expect(bad).toEqual([]);
  });

  it("says the drawn bowl and leg are drawn, and a word it did not draw is still said", () => {
    expect(interpretPrompt("一碗面条", { seed: 1 }).summary).not.toMatch(/not understood/);
    expect(interpretPrompt("roast chicken leg", { seed: 1 }).not_understood).not.toContain("leg");
    expect(interpretPrompt("a dragon with a zorblax", { seed: 1 }).not_understood).toContain(
      "zorblax",
    );
  });
});

/** The Chinese line with the names it may keep taken out. */
function latinIn(line: string, prompt: string): string[] {
  let s = line;
  for (const n of ZH_LINE_NAMES) s = s.split(n).join(" ");
  const typed = prompt.toLowerCase();
  return (s.match(/[A-Za-z][A-Za-z'-]*/g) ?? []).filter((w) => !typed.includes(w.toLowerCase()));
}

describe("the Chinese line is in Chinese", () => {
  const zhWords = sample(1, (s) => s.zh[0]);
  const prompts = [
    ...zhWords,
    ...zhWords.filter((_, i) => i % 3 === 0).map((w) => `红色的${w}`),
    ...zhWords.filter((_, i) => i % 5 === 0).map((w) => `拿着剑的${w}`),
    ...zhWords.filter((_, i) => i % 7 === 0).map((w) => `用冰做的${w}`),
    ...COMPOSITE_TABLE.flatMap((c) => c.zh.slice(0, 1)),
    // words the vocabulary lacks, read through the dictionary and WordNet
    "一只大熊猫",
    "小熊猫",
    "一只哈士奇",
    "一碗面条",
    "一碗米饭",
    "小丑",
    "金鱼",
    "腊肠狗",
    "暹罗猫",
    "鹦鹉",
    "蜂鸟",
    "海马",
    "龙虾",
    "订书机",
    "拿着订书机的法师",
    "水车",
    "一个红灯笼",
    "穿盔甲的老鼠",
    "九尾狐",
    "孙悟空",
    "锅铲",
    "一只戴着皇冠的青蛙",
    "骑着狼的哥布林",
    "医生",
    "消防员",
    "一把宝剑",
    "一瓶毒药",
    "一只小猫",
    "一只巨大的熊",
  ];
  it(`has no English words but names of sources and licences, over ${prompts.length} prompts`, () => {
    const bad: string[] = [];
    for (const prompt of prompts) {
      const line = interpretPrompt(prompt, { seed: 1 }).summary_zh;
      const latin = latinIn(line, prompt);
      if (latin.length) bad.push(`${prompt}: ${latin.join(" ")} — ${line}`);
    }
    expect(bad).toEqual([]);
  });

  it("the English line is English: Chinese only where the user typed it", () => {
    const bad: string[] = [];
    for (const prompt of prompts) {
      const line = interpretPrompt(prompt, { seed: 1 }).summary;
      const cjk = (line.match(/[\u3400-\u9fff]+/g) ?? []).filter((w) => !prompt.includes(w));
      if (cjk.length) bad.push(`${prompt}: ${cjk.join(" ")} — ${line}`);
    }
    expect(bad).toEqual([]);
  });

  it("a dropped Chinese word is shown as typed", () => {
    const line = interpretPrompt("一碗米饭和一个zorblax", { seed: 1 }).summary_zh;
    expect(line).not.toMatch(/bowl/);
  });
});

describe("a number and its measure word", () => {
  it("is how many, not a dictionary word nor 'not understood'", () => {
    for (const p of ["一片叶子", "一面盾牌", "一套盔甲", "一盘饺子", "一颗宝石", "一根骨头"]) {
      const line = interpretPrompt(p, { seed: 1 });
      expect(line.not_understood, p).toEqual([]);
      expect(line.summary, p).not.toMatch(/read "一/);
    }
    expect(parsePrompt("一面盾牌").subject).toBe("shield");
    // a number the drawing cannot show is still said
    expect(interpretPrompt("两盘饺子", { seed: 1 }).summary).toMatch(/两/);
  });
});

describe("a dictionary word wins over size + noun", () => {
  it("大熊猫 and giant panda are the species, not a huge panda", () => {
    for (const p of ["一只大熊猫", "giant panda"]) {
      const info = parsePrompt(p);
      expect(info.subject, p).toBe("panda");
      expect(info.sizeWord, p).toBeUndefined();
    }
    // a size word before a noun that is no kind's name stays a size
    expect(parsePrompt("a giant rat").sizeWord).toBe("giant");
    expect(parsePrompt("一只巨大的熊").sizeWord).toBe("giant");
  });

  it("小熊猫 is the red panda, not a cute panda; 小猫 is still a small cat", () => {
    const red = parsePrompt("小熊猫");
    expect(red.cute).toBe(false);
    expect(interpretPrompt("小熊猫", { seed: 1 }).summary).toMatch(/(red|lesser) panda/);
    expect(parsePrompt("一只小猫").subject).toBe("cat");
  });

  it("dictionary words of size or age characters read as themselves", () => {
    const cases: [string, string][] = [
      ["大象", "elephant"],
      ["大炮", "cannon"],
      ["老虎", "tiger"],
      ["老鼠", "mouse"],
      ["小偷", "assassin"],
    ];
    for (const [p, id] of cases) {
      const info = parsePrompt(p);
      expect(info.subject, p).toBe(id);
      expect(info.sizeWord, p).toBeUndefined();
      expect(info.aged, p).toBeUndefined();
    }
    expect(interpretPrompt("小丑", { seed: 1 }).summary).toMatch(/clown/);
  });
});

describe("a held thing the prompt names replaces the trade's tool in the line", () => {
  it("a fisherman holding a lantern draws and says no fishing rod", () => {
    for (const p of ["a fisherman holding a lantern", "拿着灯笼的渔夫"]) {
      const line = interpretPrompt(p, { seed: 1 });
      expect(line.summary, p).not.toMatch(/rod/);
      expect(line.summary_zh, p).not.toMatch(/鱼竿/);
      // 灯笼 is the Chinese paper lantern, "lantern" the Western one: either replaces the rod
      expect(parsePrompt(p).held?.id, p).toMatch(/^(paper-)?lantern$/);
    }
    expect(interpretPrompt("a fisherman", { seed: 1 }).summary).toMatch(/rod/);
  });
});
