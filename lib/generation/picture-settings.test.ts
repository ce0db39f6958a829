import { describe, expect, it } from "vitest";
import { pictureSettings, taskPictureSettings } from "./picture-settings";

describe("pictureSettings", () => {
  it("treats absent values as the engine's defaults", () => {
    expect(pictureSettings({ palette: undefined })).toBe(
      pictureSettings({ palette: "auto", mode: "random", outline: "coloured", shading: "soft" }),
    );
  });

  it("tells apart size, palette, mode and style", () => {
    const base = { palette: "auto", size: 16 };
    expect(pictureSettings(base)).not.toBe(pictureSettings({ ...base, size: 64 }));
    expect(pictureSettings(base)).not.toBe(pictureSettings({ ...base, palette: "pico-8" }));
    expect(pictureSettings(base)).not.toBe(pictureSettings({ ...base, mode: "walk" }));
    expect(pictureSettings(base)).not.toBe(pictureSettings({ ...base, shading: "flat" }));
    expect(pictureSettings(base)).not.toBe(pictureSettings({ ...base, outline: "none" }));
  });

  it("reads a stored task's drawn size from its interpretation", () => {
    const row = {
      mode: "random",
      palette: null,
      params: { prompt: "x", interpretation: { size: 16 } },
    };
    expect(pictureSettings(taskPictureSettings(row))).toBe(pictureSettings({ size: 16 }));
  });
});
