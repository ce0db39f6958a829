import { describe, expect, it } from "vitest";
import { drawnWords } from "./drawn-words";
import { interpretPrompt } from "./interpretation";
import { parsePrompt } from "./prompt";

// Issue #20, eval-d's two silent guesses: "a house made of candy" drew a sweet, 一瓶毒药 a pill.
// The guard is by kind: whatever the prompt, the drawn subject is the head noun, or the line
// says it guessed or dropped that noun — in English and in Chinese.

/** prompt, its head noun as the line would name it, subjects that draw that noun */
const CASES: [string, string, string[]][] = [
  // "X made of Y" and 用Y做的X: X is the head
  ["a house made of candy", "house", ["house"]],
  ["a sword made of ice", "sword", ["sword"]],
  ["a golem made of lava", "golem", ["golem"]],
  ["a chair made of bone", "chair", ["chair"]],
  ["a castle made of sand", "castle", ["castle"]],
  ["a dragon made of crystal", "dragon", ["dragon"]],
  ["a house made of gingerbread", "house", ["house"]],
  ["a horse made of clouds", "horse", ["horse"]],
  ["a throne made of skulls", "throne", ["throne"]],
  ["a sword made from bone", "sword", ["sword"]],
  ["a bridge made of rope", "bridge", ["bridge"]],
  ["a bed made of leaves", "bed", ["bed"]],
  ["a tower carved from bone", "tower", ["tower"]],
  ["a knight made of gold coins", "knight", ["knight"]],
  ["a wizard made of stone", "mage", ["mage"]],
  ["a teapot made of candy", "teapot", ["teapot"]],
  ["a snowman made of sand", "snowman", ["snowman"]],
  ["a husky made of snow", "husky", ["dog"]],
  ["a zorblax made of candy", "zorblax", []],
  ["用冰做的剑", "剑", ["sword"]],
  ["用石头做的房子", "房子", ["house"]],
  ["糖果做的房子", "房子", ["house"]],
  ["一座用沙子堆成的城堡", "城堡", ["castle"]],
  ["用骨头做的椅子", "椅子", ["chair"]],
  ["用金子做的王冠", "王冠", ["crown"]],
  // a container and its contents: the container is the head, in English and Chinese
  ["a bottle of poison", "bottle", ["potion"]],
  ["一瓶毒药", "瓶", ["potion"]],
  ["两瓶毒药", "瓶", ["potion"]],
  ["一瓶圣水", "瓶", ["potion"]],
  ["a jar of coins", "jar", ["vase"]],
  ["一罐金币", "罐", ["vase"]],
  // a jar of honey is the honey pot; a bag is the sack, heaped with what it holds
  ["一罐蜂蜜", "罐", ["vase", "honey"]],
  ["一袋金币", "袋", ["money-bag", "sack"]],
  ["一箱宝石", "箱", ["crate"]],
  ["一盒巧克力", "盒", ["crate"]],
  ["一箱苹果", "箱", ["crate"]],
  ["a bucket of water", "bucket", ["bucket"]],
  ["一桶水", "桶", ["bucket"]],
  ["一杯茶", "杯", ["coffee"]],
  ["a basket of apples", "basket", ["basket"]],
  ["一篮苹果", "篮", ["basket"]],
  ["一袋土豆", "袋", ["sack"]],
  ["一碗樱桃", "碗", ["bubbling-bowl"]],
  ["一桶鱼", "桶", ["bucket"]],
  ["一碗汤", "bowl", ["bubbling-bowl"]],
];

const SAID = /guessed|not understood|not drawn|drew a random/;

describe("the drawn subject is the head noun, or the line says it is not", () => {
  for (const [prompt, head, subjects] of CASES)
    it(prompt, () => {
      const info = parsePrompt(prompt);
      const line = interpretPrompt(prompt, { seed: 1 });
      if (subjects.includes(info.subject)) return;
      // a drawing whose own name holds the head noun draws it (一碗汤: the steaming-bowl icon)
      if (drawnWords(info).has(head)) return;
      // a different thing drawn: the line must name the head as guessed or dropped
      expect(line.summary).toMatch(SAID);
      expect(line.summary).toContain(head);
      expect(line.summary_zh.length).toBeGreaterThan(0);
    });
});

describe("X made of Y", () => {
  it("draws a material of ours as that material", () => {
    expect(parsePrompt("a sword made of ice").materials).toContain("ice");
    expect(parsePrompt("用冰做的剑").materials).toContain("ice");
    expect(parsePrompt("用石头做的房子").materials).toContain("stone");
    expect(parsePrompt("a dragon made of gems").materials).toContain("crystal");
  });

  it("says a noun material only lent its colours, in English and Chinese", () => {
    const line = interpretPrompt("a house made of candy", { seed: 1 });
    expect(line.subject).toBe("house");
    expect(line.summary).toContain("drew the house in the colours of candy");
    expect(line.summary_zh).toContain("糖果做的房子");
    const zh = interpretPrompt("糖果做的房子", { seed: 1 });
    expect(zh.summary).toContain("house made of candy");
    expect(zh.summary_zh).toContain("只用了糖果的颜色");
  });

  it("says the material is not drawn when the head keeps its own colours", () => {
    // the rock golem stays grey stone; a named colour wins over the lent ones
    expect(interpretPrompt("a golem made of candy", { seed: 1 }).summary).toContain(
      "the candy is not drawn",
    );
    const red = interpretPrompt("a red house made of candy", { seed: 1 });
    expect(red.summary).toContain("the candy is not drawn");
    expect(red.summary_zh).toContain("没有画糖果");
  });

  it("leaves 用 and 做的 unread instead of guessing them (的 is no taxi)", () => {
    const line = interpretPrompt("用冰做的剑", { seed: 1 });
    expect(line.summary).not.toMatch(/taxi|not understood/);
  });
});

describe("Chinese container measure words", () => {
  it("一瓶毒药 is the poison flask the English prompt draws", () => {
    const zh = parsePrompt("一瓶毒药");
    const en = parsePrompt("a bottle of poison");
    expect(zh.subject).toBe(en.subject);
    expect(zh.potionMeaning).toBe(en.potionMeaning);
    expect(interpretPrompt("一瓶毒药", { seed: 1 }).summary).not.toContain("not drawn");
  });

  it("a container of treasure heaps it, as 'a jar full of coins' does", () => {
    expect(parsePrompt("一罐金币").contents).toBe("gold");
    expect(parsePrompt("一箱宝石").contents).toBe("gems");
    expect(parsePrompt("一罐金币").subject).toBe(parsePrompt("a jar full of coins").subject);
  });

  it("a container of solid things heaps them, in English and Chinese", () => {
    const en = parsePrompt("a basket of apples");
    const zh = parsePrompt("一篮苹果");
    expect(en.subject).toBe("basket");
    expect(en.contents).toBe("apple");
    expect(zh.subject).toBe(en.subject);
    expect(zh.contents).toBe(en.contents);
    expect(parsePrompt("一袋土豆").contents).toBe("potato");
    expect(parsePrompt("a bucket of coal").contents).toBe("coal");
    // a liquid is no heap; a sack is drawn now, and heaps what it holds
    expect(parsePrompt("一桶水").contents).toBeUndefined();
    expect(parsePrompt("a sack of potatoes").contents).toBe("potato");
  });

  it("a bottle of potion is the potion; a bottle alone is a bottle", () => {
    expect(parsePrompt("一瓶药水").subject).toBe("potion");
    expect(parsePrompt("一个瓶子").subject).toBe("bottle");
  });
});
