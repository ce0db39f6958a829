import { describe, expect, it } from "vitest";
import { chineseOnly } from "./zh-line";

describe("chineseOnly: the Chinese line still says what was drawn", () => {
  it("keeps a drawn icon's English name that has no Chinese, instead of an empty 画成", () => {
    const line = chineseOnly(
      "画成:mobile phone · 猜测:词表中没有“cell”;画了最接近的插图概念:mobile phone",
      "a prison cell",
      {},
      "mobile phone",
    );
    expect(line.startsWith("画成:mobile phone")).toBe(true);
    expect(line).toContain("插图概念:mobile phone");
  });

  it("leaves out English that is neither typed nor drawn", () => {
    expect(chineseOnly("画成:狐狸 · 猜测:画出“狐狸”的样子:zorblax", "a fox", {}, "fox")).toBe(
      "画成:狐狸 · 猜测:画出“狐狸”的样子",
    );
  });

  it("quotes the user's own word when the vocabulary only has its nearest subject", () => {
    const line = chineseOnly(
      "画成:奖杯 · 猜测:“chalice”画成了引擎认识的最接近的东西:trophy",
      "a golden chalice",
      {},
      "trophy",
    );
    expect(line).toContain("“chalice”");
    expect(line).not.toContain("“奖杯”");
  });

  it("a reading whose English is left out reads as the drawing, not a dangling 读作", () => {
    const line = chineseOnly(
      "画成:章鱼 · 猜测:把“kraken”读作:an octopus rising from the waves",
      "a kraken",
      {},
      "octopus",
    );
    expect(line).toMatch(/读作:章鱼/);
  });
});

describe("chineseOnly's kept lines", () => {
  it("gives a line kept for one prompt, drawn name or typed words to none of the others", () => {
    const line = "画成:mobile phone · 未理解:bowl";
    const first = chineseOnly(line, "a prison cell", {}, "mobile phone");
    expect(first).toBe("画成:mobile phone");
    // another drawn name: the English name of what was drawn is no longer kept
    expect(chineseOnly(line, "a prison cell", {}, "")).toBe("");
    // another prompt: the user typed "bowl", so it stays as typed
    expect(chineseOnly(line, "a bowl and a prison cell", {}, "mobile phone")).toBe(
      "画成:mobile phone · 未理解:bowl",
    );
    // the same prompt with a typed Chinese word read as "bowl": the user's word
    expect(chineseOnly(line, "a prison cell", { bowl: "碗" }, "mobile phone")).toBe(
      "画成:mobile phone · 未理解:碗",
    );
    // and the first answer again, from what was kept
    expect(chineseOnly(line, "a prison cell", {}, "mobile phone")).toBe(first);
  });
});
