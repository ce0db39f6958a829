import { describe, expect, it } from "vitest";
import { notesIn, offlineSourceNote, standInNote } from "./character-notes";

describe("character notes", () => {
  it("are read in the reader's language; older English-only notes are shown as they are", () => {
    const stored = ["An old note from before the notes were bilingual.", standInNote("barrel")];
    expect(notesIn(stored, "en")).toEqual([
      "An old note from before the notes were bilingual.",
      expect.stringContaining("no walking body for “barrel”"),
    ]);
    expect(notesIn(stored, "zh")).toEqual([
      "An old note from before the notes were bilingual.",
      expect.stringContaining("离线引擎没有“barrel”的行走身体"),
    ]);
  });

  it("say the same thing in both languages (no English left in the Chinese)", () => {
    for (const edited of [true, false])
      expect(offlineSourceNote(edited).zh).not.toMatch(/[A-Za-z]{4,}/);
    expect(standInNote("x").zh).not.toMatch(/offline|engine|person/i);
  });

  it("speak of an edit only when the image was edited", () => {
    expect(offlineSourceNote(true).en).toContain("compare them with your edit");
    expect(offlineSourceNote(false).en).toContain("compare them with the front facing");
    expect(offlineSourceNote(false).en).not.toContain("edit");
    expect(offlineSourceNote(false).zh).not.toContain("编辑");
  });
});
