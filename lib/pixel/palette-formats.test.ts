import { describe, expect, it } from "vitest";
import { InvalidInputError } from "@/lib/errors";
import {
  detectPaletteFormat,
  formatPaletteGpl,
  formatPaletteHex,
  formatPalettePal,
  parsePaletteFile,
} from "./palette-formats";

const GB = ["#0f380f", "#306230", "#8bac0f", "#9bbc0f"];

describe("palette files", () => {
  it("round-trips .gpl, .hex and .pal", () => {
    const gpl = formatPaletteGpl(GB, "Game Boy");
    expect(parsePaletteFile(gpl)).toEqual({ name: "Game Boy", colors: GB, format: "gpl" });
    expect(parsePaletteFile(formatPaletteHex(GB)).colors).toEqual(GB);
    expect(parsePaletteFile(formatPalettePal(GB))).toEqual({ colors: GB, format: "pal" });
  });

  it("reads a GIMP file with comments, Columns and names per colour", () => {
    const text =
      "GIMP Palette\nName: Two\nColumns: 2\n# comment\n255   0   0\tRed\n  0 128 255 Sky blue\n";
    expect(parsePaletteFile(text).colors).toEqual(["#ff0000", "#0080ff"]);
  });

  it("reads Lospec JSON and uppercase hex with #", () => {
    const json = JSON.stringify({ name: "x", colors: ["FF0044", "#00ff00"] });
    expect(parsePaletteFile(json)).toEqual({
      name: "x",
      colors: ["#ff0044", "#00ff00"],
      format: "lospec-json",
    });
    expect(parsePaletteFile("#FF0044\r\n\r\n00FF00\n").colors).toEqual(["#ff0044", "#00ff00"]);
  });

  it("detects by content before extension", () => {
    expect(detectPaletteFormat("GIMP Palette\n", "x.hex")).toBe("gpl");
    expect(detectPaletteFormat("ff0000\n", "x.hex")).toBe("hex");
    expect(detectPaletteFormat("JASC-PAL\n0100\n1\n0 0 0\n")).toBe("pal");
  });

  it("refuses broken files with a message that names the problem", () => {
    expect(() => parsePaletteFile("zzzzzz\n")).toThrow(InvalidInputError);
    expect(() => parsePaletteFile("GIMP Palette\n300 0 0\n")).toThrow(/0–255/);
    expect(() => parsePaletteFile("JASC-PAL\n0100\n3\n0 0 0\n")).toThrow(/says 3/);
    expect(() => parsePaletteFile("{ nope")).toThrow(/JSON/);
    expect(() => parsePaletteFile("")).toThrow(/no colours/);
    const many = Array.from({ length: 257 }, (_, i) => i.toString(16).padStart(6, "0")).join("\n");
    expect(() => parsePaletteFile(many)).toThrow(/at most 256/);
  });
});
