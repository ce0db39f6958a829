import { describe, expect, it } from "vitest";
import {
  cleanGloss,
  crossReferences,
  glossCandidates,
  segmentByDictionary,
} from "./chinese-dictionary";
import { renderSpriteGrid } from "./engine";
import { parsePrompt } from "./prompt";
import { SUBJECTS } from "./vocabulary";

const english = (entries: Parameters<typeof glossCandidates>[0]) =>
  glossCandidates(entries).map((c) => c.english);

describe("gloss choice (fixtures in CC-CEDICT's format)", () => {
  it("a gloss's own words first, then its parenthesis, then head nouns", () => {
    expect(english([{ pinyin: "ha1 shi4 qi2", glosses: ["husky (sled dog)"] }])).toEqual([
      "husky",
      "sled dog",
      "sleddog",
      "dog",
    ]);
  });

  it("alternatives, kinds named by their class, and a head noun that remembers its phrase", () => {
    expect(
      english([{ pinyin: "hu2 lu5", glosses: ["calabash or bottle gourd", "(poker) full house"] }]),
    ).toEqual(["calabash", "bottle gourd", "bottlegourd", "gourd"]);
    const shiba = glossCandidates([
      { pinyin: "chai2 quan3", glosses: ["shiba inu (Japanese dog breed)"] },
    ]);
    expect(shiba.map((c) => c.english)).toContain("japanese dog");
    expect(shiba.find((c) => c.english === "dog")).toMatchObject({ tier: 2, of: "japanese dog" });
  });

  it("follows an entry that only points to another word", () => {
    expect(
      crossReferences([{ pinyin: "huang2 shu3 lang2", glosses: ["see 黃鼬|黄鼬[huang2 you4]"] }]),
    ).toEqual(["黄鼬"]);
    expect(crossReferences([{ pinyin: "ma3", glosses: ["horse"] }])).toEqual([]);
  });

  it("skips surnames, abbreviations and cross-references; common nouns before proper ones", () => {
    const ma = [
      {
        pinyin: "Ma3",
        glosses: ["surname Ma", "abbr. for Malaysia 馬來西亞|马来西亚[Ma3 lai2 xi1 ya4]"],
      },
      { pinyin: "ma3", glosses: ["horse", "horse or cavalry piece in Chinese chess"] },
    ];
    expect(english(ma)[0]).toBe("horse");
    expect(english(ma)).not.toContain("ma");
    expect(english([{ pinyin: "jian4", glosses: ["variant of 劍|剑[jian4]"] }])).toEqual([]);
    expect(english([{ pinyin: "pao3", glosses: ["to run", "to escape"] }])).toEqual([]);
  });

  it("cleans classifiers, inline Chinese and (bound form)", () => {
    expect(cleanGloss("fish (CL:條|条[tiao2],尾[wei3])")).toBe("fish");
    expect(cleanGloss("(bound form) dragon")).toBe("dragon");
    expect(english([{ pinyin: "yu2", glosses: ["fish (CL:條|条[tiao2],尾[wei3])"] }])).toEqual([
      "fish",
    ]);
  });

  it("a proper noun lends its descriptive parts, not its name; places are skipped", () => {
    const wukong = english([
      {
        pinyin: "Sun1 Wu4 kong1",
        glosses: [
          "Sun Wukong, the Monkey King, character with supernatural powers in the novel Journey to the West 西遊記|西游记[Xi1 you2 Ji4]",
        ],
      },
    ]);
    expect(wukong[0]).toBe("monkey king");
    expect(wukong).not.toContain("sun wukong");
    expect(
      english([
        {
          pinyin: "Ha1 er3 bin1",
          glosses: ["Harbin, subprovincial city and capital of Heilongjiang province"],
        },
      ]),
    ).toEqual([]);
  });
});

describe("Chinese words the vocabulary lacks (the real dictionary)", () => {
  it("segments an unknown run by the dictionary's longest match (哈士奇 is one word)", () => {
    expect(segmentByDictionary("哈士奇")).toEqual(["哈士奇"]);
    const words = segmentByDictionary("孙悟空拿着金箍棒");
    expect(words[0]).toBe("孙悟空");
    expect(words[words.length - 1]).toBe("金箍棒");
  });

  it("一只哈士奇 draws the dog rig and says what 哈士奇 was read as, in both languages", () => {
    const info = parsePrompt("一只哈士奇");
    expect(info.builder).toBe("animal");
    expect(info.subject).toBe("dog");
    expect(info.nothingMatched).toBe(false);
    expect(info.unknown).toEqual([]);
    expect(info.guessesZh.join(" ")).toContain("把“哈士奇”读作一种狗(CC-CEDICT 词典)");
    expect(info.guesses.join(" ")).toMatch(/read "哈士奇" as husky/);
    const r = renderSpriteGrid({ prompt: "一只哈士奇", seed: 1, mode: "idle", index: 0, count: 1 });
    expect(r.interpretation.builder).toBe("animal");
    expect(r.interpretation.summary_zh).toContain("哈士奇");
    let opaque = 0;
    for (let i = 3; i < r.grid.data.length; i += 4) if (r.grid.data[i]! > 0) opaque++;
    expect(opaque).toBeGreaterThan(60);
  });

  it("一条金鱼 is an orange fish, 一条鱼 is not", async () => {
    const { renderSprite } = await import("./engine");
    // share of opaque pixels that are orange (red high, green middling, blue low)
    const orange = async (prompt: string, seed: number) => {
      const r = await renderSprite({ prompt, seed, mode: "idle", index: 0, count: 1 });
      const d = r.grid.data;
      let n = 0;
      let o = 0;
      for (let i = 0; i < d.length; i += 4) {
        if (d[i + 3]! === 0) continue;
        n++;
        if (d[i]! > 170 && d[i + 1]! > 60 && d[i + 1]! < d[i]! - 40 && d[i + 2]! < d[i + 1]! - 20)
          o++;
      }
      return { share: o / Math.max(1, n), it: r.interpretation };
    };
    for (const seed of [1, 2, 3]) {
      const gold = await orange("一条金鱼", seed);
      const plain = await orange("一条鱼", seed);
      expect(gold.it.subject).toBe("fish");
      expect(gold.share).toBeGreaterThan(0.3);
      expect(gold.share).toBeGreaterThan(plain.share + 0.2);
      // the colour is WordNet's description of its English noun, found through CC-CEDICT
      expect(gold.it.summary).toContain("CC-CEDICT");
    }
  });

  it("a word whose pieces the vocabulary reads as another subject is read whole (海马 is no horse)", () => {
    const info = parsePrompt("一只海马");
    expect(info.subject).not.toBe("horse");
    expect(info.guesses.join(" ")).toMatch(/read "海马" as sea horse/);
  });

  it("a modifier with one subject stays compositional (火龙 is a fire dragon, not a lantern)", () => {
    const info = parsePrompt("火龙");
    expect(info.subject).toBe("dragon");
    expect(info.materials).toContain("fire");
    expect(info.guesses).toEqual([]);
  });

  it("a word two of whose pieces name things is read whole or said to be read by its parts", () => {
    const bird = parsePrompt("一只蜂鸟");
    expect(bird.lent).toEqual([]);
    expect(bird.guesses.join(" ")).toMatch(/read "蜂鸟" as hummingbird/);
    const weasel = parsePrompt("一只黄鼠狼");
    expect(weasel.subject).not.toBe("wolf");
    expect(weasel.guesses.join(" ")).toMatch(/黄鼠狼/);
    // no dictionary word: drawn by its parts, and said so
    const mill = parsePrompt("一座水车");
    expect(mill.guessesZh.join(" ")).toContain("按字面读作 水 + 车");
  });

  it("every Chinese vocabulary word draws its own subject: the dictionary never replaces it", () => {
    for (const s of SUBJECTS)
      for (const w of s.zh) {
        const info = parsePrompt(w);
        // an animal's synonym may take WordNet's colours (金鱼, 猎豹), as its English one does;
        // a dictionary reading in its place never happens
        const readings = info.guesses.filter(
          (g) => g.startsWith("read ") && g.includes("CC-CEDICT"),
        );
        expect(readings, w).toEqual([]);
      }
  });

  it("colours, materials and counts in Chinese keep working", () => {
    const red = parsePrompt("红色的哈士奇");
    expect(red.subject).toBe("dog");
    expect(red.colors.length).toBe(1);
    expect(red.colors[0]![0]).toBeGreaterThan(red.colors[0]![2]);
    const two = parsePrompt("拿着两把剑的武士");
    expect(two.held?.count).toBe(2);
    expect(parsePrompt("金剑").materials).toContain("gold");
    expect(parsePrompt("一条金鱼").unknown).toEqual([]);
  });

  it("a Chinese word read after 拿着 is held by a character, even one the vocabulary splits", () => {
    const mage = parsePrompt("拿着订书机的法师");
    expect(mage.builder).toBe("humanoid");
    expect(mage.held?.icon).toMatch(/stapler/);
    // 鱼 + 叉 are both vocabulary words; the dictionary's 鱼叉 is a harpoon
    const knight = parsePrompt("拿着鱼叉的骑士");
    expect(knight.role).toBe("knight");
    expect(knight.held?.icon).toMatch(/harpoon/);
  });

  it("a head noun stands for its phrase only when WordNet's chain says so", () => {
    // "rolling pin": WordNet's chain is utensil, not pin; "sled dog" is a working dog, a dog
    expect(parsePrompt("一根擀面杖").subject).not.toBe("pin");
    expect(parsePrompt("一只哈士奇").subject).toBe("dog");
  });

  it("a dictionary word nothing draws, whose known piece names a thing, is said to be read by its parts", () => {
    const chef = parsePrompt("拿着锅铲的厨师");
    expect(chef.guessesZh.join(" ")).toContain("按字面读作 锅 + 铲");
  });

  it("a word nothing can be read from is still reported, not guessed silently", () => {
    // 咕噜 is only a gurgling sound in the dictionary (麒麟, once here, is now a composite: qilin)
    const info = parsePrompt("一只咕噜");
    expect(info.nothingMatched).toBe(true);
    expect(info.unknown).toContain("咕噜");
  });
});
