// The terrains a tileset can be made of: each one a 4-tone shading ramp (lib/pixel's makeRamp, on a
// base colour from the Endesga 32 palette where one fits) and the periodic texture drawn with it.

import { TERRAINS, type TerrainName } from "@/lib/vocabulary";
import { hexToRgb, makeRamp } from "../color";
import type { Rgb } from "../types";

export { TERRAINS, type TerrainName };

export function isTerrainName(s: unknown): s is TerrainName {
  return typeof s === "string" && (TERRAINS as readonly string[]).includes(s);
}

export type TextureKind =
  | "blades"
  | "speckle"
  | "ripples"
  | "waves"
  | "cells"
  | "molten"
  | "drifts"
  | "shine"
  | "puddles";

export interface TerrainSpec {
  name: TerrainName;
  /** [outline, shadow, base, light] */
  ramp: [Rgb, Rgb, Rgb, Rgb];
  texture: TextureKind;
  /** liquids get a bright rim (foam, glow) where they meet land instead of a bevel */
  liquid: boolean;
  /** which side of a boundary is raised: the higher terrain gets the bevel */
  elevation: number;
  /** Voronoi cells across one 16-px tile (cells textures only) */
  cellsPer16?: number;
}

const spec = (
  name: TerrainName,
  base: string,
  texture: TextureKind,
  elevation: number,
  extra: Partial<TerrainSpec> = {},
): TerrainSpec => ({
  name,
  ramp: makeRamp(hexToRgb(base)),
  texture,
  liquid: false,
  elevation,
  ...extra,
});

export const TERRAIN_SPECS: Readonly<Record<TerrainName, TerrainSpec>> = {
  grass: spec("grass", "#63c74d", "blades", 3),
  dirt: spec("dirt", "#b86f50", "speckle", 2),
  sand: spec("sand", "#e4a672", "ripples", 1),
  water: spec("water", "#0099db", "waves", 0, { liquid: true }),
  stone: spec("stone", "#8b9bb4", "cells", 4, { cellsPer16: 2 }),
  lava: spec("lava", "#f77622", "molten", 0, { liquid: true, cellsPer16: 2 }),
  snow: spec("snow", "#dbe7f8", "drifts", 3),
  ice: spec("ice", "#9fdff0", "shine", 1),
  mud: spec("mud", "#733e39", "puddles", 1),
  cobblestone: spec("cobblestone", "#8b9bb4", "cells", 2, { cellsPer16: 4 }),
};

/** The pairs the studio offers first; any two different terrains make a valid tileset. */
export const SUGGESTED_PAIRS: readonly [TerrainName, TerrainName][] = [
  ["grass", "dirt"],
  ["water", "sand"],
  ["lava", "stone"],
  ["ice", "snow"],
  ["grass", "water"],
  ["sand", "grass"],
  ["dirt", "cobblestone"],
  ["grass", "mud"],
];
