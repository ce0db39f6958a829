import { describe, expect, it } from "vitest";
import { COMPOSITE_TABLE } from "./composites";
import { parsePrompt } from "./prompt";

describe("composites.ts", () => {
  it("every name, English and Chinese, reads as its description with every word understood", () => {
    for (const c of COMPOSITE_TABLE)
      for (const name of [c.en[0] && `a ${c.en[0]}`, c.zh[0]].filter(Boolean) as string[]) {
        const info = parsePrompt(name);
        expect(info.nothingMatched, name).toBe(false);
        expect(info.unknown, name).toEqual([]);
        expect(info.guesses[0], name).toMatch(/^read ".+" as /);
        expect(info.guessesZh[0], name).toMatch(/读作/);
      }
  });
});
