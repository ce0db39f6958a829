// Terrain tilesets: seamless two-terrain transition sets (corner Wang 16, blob 47) and their files.
import { encodeGridPng } from "../raster";
import type { RgbaImage } from "../types";
import { sampleMap } from "./autotile";
import { type TilesetFileInfo, tilesetRules, tilesetTres, tilesetTsx } from "./exports";
import { type LayoutDef, layoutDef, type TileSize, type TilesetLayout } from "./layouts";
import { renderTilesetSheet, type TilesetContext, tilesetContext } from "./render";
import { TERRAIN_SPECS, type TerrainName } from "./terrains";

export {
  autotileBlob,
  autotileCorners,
  composeMap,
  randomLabels,
  sampleIds,
  sampleMap,
} from "./autotile";
export {
  godotPeeringBits,
  sampleTmj,
  type TilesetFileInfo,
  tiledWangId,
  tilesetRules,
  tilesetTres,
  tilesetTsx,
} from "./exports";
export * from "./layouts";
export { classAt, paintPixel, renderLatticeMap, renderTile, tilesetContext } from "./render";
export * from "./terrains";

export interface TilesetOptions {
  terrains: [TerrainName, TerrainName];
  tileSize: TileSize;
  layout: TilesetLayout;
  seed: number;
}

export interface Tileset {
  options: TilesetOptions;
  ctx: TilesetContext;
  def: LayoutDef;
  /** the sheet at 1×: columns × rows tiles of tileSize px */
  sheet: RgbaImage;
}

export function buildTileset(options: TilesetOptions): Tileset {
  const ctx = tilesetContext(options.terrains, options.tileSize, options.seed);
  const def = layoutDef(options.layout);
  return { options, ctx, def, sheet: renderTilesetSheet(ctx, def) };
}

export function fileInfo(t: Tileset, imageName: string): TilesetFileInfo {
  return {
    imageName,
    size: t.options.tileSize,
    def: t.def,
    terrains: [TERRAIN_SPECS[t.options.terrains[0]], TERRAIN_SPECS[t.options.terrains[1]]],
  };
}

/** Every file of a tileset: sheet PNG (at `scale`), sample map PNG, .tsx, .tres, rules.json. */
export async function tilesetFiles(t: Tileset, imageName: string, scale = 1) {
  const info = fileInfo(t, imageName);
  const sample = sampleMap(t.sheet, t.def, t.options.tileSize, t.options.seed);
  return {
    sheetPng: await encodeGridPng(t.sheet, scale, "transparent"),
    samplePng: await encodeGridPng(sample.image, scale, "transparent"),
    tsx: tilesetTsx(info),
    tres: tilesetTres(info),
    rules: tilesetRules(info),
  };
}
