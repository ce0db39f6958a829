import { describe, expect, it } from "vitest";
import { parseSeed, promptProblem, scaleProblem, seedProblem } from "./field-checks";

describe("field checks", () => {
  it("refuses seeds the server refuses, instead of changing them", () => {
    for (const bad of ["-1", "12345678901234567890", "2147483648", "1.5", "abc"])
      expect(seedProblem(bad)?.key).toBe("field.seed");
    for (const ok of ["", "0", "42", "2147483647"]) expect(seedProblem(ok)).toBeNull();
    expect(parseSeed("")).toBeNull();
    expect(parseSeed("42")).toBe(42);
  });

  it("refuses a scale of 0, −5, blank or 1000", () => {
    for (const bad of ["0", "-5", "", "1000", "2.5"])
      expect(scaleProblem(bad)?.key).toBe("field.scale");
    for (const ok of ["1", "20", "64"]) expect(scaleProblem(ok)).toBeNull();
  });

  it("counts a prompt in code points: 🐉🔥 is 2", () => {
    expect(promptProblem("🐉🔥", 2)).toBeNull();
    expect(promptProblem("🐉🔥🐉", 2)).toEqual({
      key: "field.promptTooLong",
      vars: { n: 1, max: 2 },
    });
    expect(promptProblem("x".repeat(3000))?.vars).toEqual({ n: 1000, max: 2000 });
  });
});
