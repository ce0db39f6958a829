import { describe, expect, it } from "vitest";
import { assertPromptFits, composePrompt, PromptTooLongError, promptLength } from "./prompt-budget";

const SUFFIX = "walk frame 1 of 4: left foot forward, pixel art game sprite, crisp pixels";

describe("prompt budgets", () => {
  it("appends the whole suffix when it fits, or without a budget", () => {
    expect(composePrompt("a knight", SUFFIX, 2000)).toBe(`a knight, ${SUFFIX}`);
    expect(composePrompt("a knight", SUFFIX)).toBe(`a knight, ${SUFFIX}`);
    expect(composePrompt("a knight", undefined, 10)).toBe("a knight");
  });

  it("drops trailing suffix clauses, never the user's words", () => {
    const user = "k".repeat(1950);
    const out = composePrompt(user, SUFFIX, 2000);
    expect(out.startsWith(user)).toBe(true);
    expect(promptLength(out)).toBeLessThanOrEqual(2000);
    expect(out).toBe(`${user}, walk frame 1 of 4: left foot forward`);
  });

  it("sends the user's prompt alone when no clause fits, at exactly the limit too", () => {
    expect(composePrompt("k".repeat(1990), SUFFIX, 2000)).toBe("k".repeat(1990));
    expect(composePrompt("k".repeat(2000), SUFFIX, 2000)).toBe("k".repeat(2000));
  });

  it("counts 汉字 and emoji as one character each", () => {
    expect(promptLength("像素骑士🗡")).toBe(5);
    const out = composePrompt("像".repeat(995), "crisp, pixels", 1000);
    expect(out).toBe(`${"像".repeat(995)}`);
    expect(composePrompt("像".repeat(990), "crisp, pixels", 1000)).toBe(
      `${"像".repeat(990)}, crisp`,
    );
  });

  it("refuses only a user prompt over the budget, naming the limit", () => {
    const model = { id: "qwen2512/qwen-image-2512", max_prompt_chars: 2000 };
    expect(() => assertPromptFits(model, "k".repeat(2000))).not.toThrow();
    try {
      assertPromptFits(model, "k".repeat(2001));
      throw new Error("expected a refusal");
    } catch (e) {
      expect(e).toBeInstanceOf(PromptTooLongError);
      expect((e as Error).message).toContain("at most 2000 characters");
    }
    expect(() => assertPromptFits({ id: "local/pixel-sprite" }, "k".repeat(5000))).not.toThrow();
  });
});
