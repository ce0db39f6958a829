import { describe, expect, it } from "vitest";
import { renderSprite } from "./engine";
import { parsePrompt } from "./prompt";

const base = { seed: 1, mode: "idle" as const, index: 0, count: 1 };

describe("a magic book shows its magic; an ordinary book stays plain", () => {
  it("spell book, grimoire, tome, 魔法书, book of spells are magic books; a book is not", () => {
    for (const p of [
      "a spell book",
      "a grimoire",
      "a tome",
      "魔法书",
      "a book of spells",
      "咒语书",
    ]) {
      const info = parsePrompt(p);
      expect(info.subject, p).toBe("book");
      expect(info.bookMeaning, p).toBe("magic");
      expect(info.unknown, p).toEqual([]);
    }
    expect(parsePrompt("a book").bookMeaning).toBeUndefined();
    expect(parsePrompt("a wizard").bookMeaning).toBeUndefined();
  });

  it("a necronomicon is a cursed book, said as a guess; the line names the marks", async () => {
    const info = parsePrompt("a necronomicon");
    expect(info.subject).toBe("book");
    expect(info.bookMeaning).toBe("dark");
    expect(info.nothingMatched).toBe(false);
    const r = await renderSprite({ ...base, prompt: "a spell book" });
    expect(r.interpretation.summary).toMatch(/magic: sigil/);
  });

  it("the marks change the drawing: a spell book differs from a book of its colour", async () => {
    const a = await renderSprite({ ...base, prompt: "a purple spell book" });
    const b = await renderSprite({ ...base, prompt: "a purple book" });
    let diff = 0;
    for (let i = 0; i < a.grid.data.length; i += 4)
      if (a.grid.data.slice(i, i + 4).join() !== b.grid.data.slice(i, i + 4).join()) diff++;
    expect(diff).toBeGreaterThan(20);
  });
});
