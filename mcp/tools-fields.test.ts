// The MCP tools take the routes' own field schemas (lib/api/common-schemas.ts): a palette added to
// the vocabulary, or a saved palette's id, is accepted by the tools exactly as by the routes.
import { describe, expect, it, vi } from "vitest";

vi.mock("@/lib/vocabulary", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/vocabulary")>();
  return { ...real, PALETTE_NAMES: [...real.PALETTE_NAMES, "added-later-16"] as const };
});

describe("MCP fields come from the routes", () => {
  it("a palette added to the vocabulary is accepted by the tools and the route alike", async () => {
    const { paletteField, pixelizeShape } = await import("./tools");
    const { paletteField: route } = await import("@/lib/api/common-schemas");
    for (const value of ["added-later-16", "pico-8", "auto", "auto:12", "pal_3"]) {
      expect(paletteField.safeParse(value).success, value).toBe(true);
      expect(route.safeParse(value).success, value).toBe(true);
    }
    for (const value of ["not-a-palette", "auto:99", "pal_0", "pal_x"]) {
      expect(paletteField.safeParse(value).success, value).toBe(false);
      expect(route.safeParse(value).success, value).toBe(false);
    }
    expect(pixelizeShape.palette.safeParse("added-later-16").success).toBe(true);
  });

  it("pixelize_image takes the upload limits of the routes", async () => {
    const { pixelizeShape } = await import("./tools");
    expect(pixelizeShape.image.safeParse("data:image/png;base64,AAAA").success).toBe(true);
    expect(pixelizeShape.image.safeParse("ftp://example.com/a.png").success).toBe(false);
    expect(pixelizeShape.target_size.safeParse(0).success).toBe(true);
    expect(pixelizeShape.target_size.safeParse(8).success).toBe(false);
    expect(pixelizeShape.dither.safeParse("bayer4").success).toBe(true);
  });
});
