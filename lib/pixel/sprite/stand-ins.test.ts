import { describe, expect, it } from "vitest";
import { renderSprite } from "./engine";
import { parsePrompt } from "./prompt";
import { SUBJECTS } from "./vocabulary";

const render = (prompt: string) =>
  renderSprite({ prompt, seed: 1, mode: "idle", index: 0, count: 1 });

describe("stand-in words (≈): a different thing is never drawn silently", () => {
  it("every stand-in either draws its own game icon or says which subject it was drawn as", () => {
    const silent: string[] = [];
    for (const s of SUBJECTS)
      for (const w of s.standIn) {
        const info = parsePrompt(`a ${w}`);
        const said = info.guesses.some((g) => g.includes(`"${w}"`));
        if (!said) silent.push(`${w} → ${info.subject}`);
      }
    expect(silent).toEqual([]);
  });

  it("a flail, a drum and a gauntlet are drawn from their own icons, not as a mace, a barrel, gloves", async () => {
    for (const [word, standIn] of [
      ["flail", "mace"],
      ["drum", "barrel"],
      ["gauntlet", "gloves"],
    ] as const) {
      const own = await render(`a ${word}`);
      const near = await render(`a ${standIn}`);
      expect(own.interpretation.subject).toBe(word);
      let differ = 0;
      for (let i = 3; i < own.grid.data.length; i += 4)
        if (own.grid.data[i]! > 0 !== near.grid.data[i]! > 0) differ++;
      expect(differ).toBeGreaterThan(40);
    }
  });

  it("a held stand-in with an icon of its own is held as that icon", () => {
    expect(parsePrompt("a viking with a flail").held?.icon).toBe("gi/flail");
  });

  it("a stand-in without an icon of its own is drawn as the nearest subject, with a note", () => {
    const info = parsePrompt("a hamster");
    expect(info.subject).toBe("mouse");
    expect(info.guesses.join(" ")).toContain('"hamster" is drawn as the nearest subject');
    expect(parsePrompt("a wizard").guesses).toEqual([]);
  });
});
