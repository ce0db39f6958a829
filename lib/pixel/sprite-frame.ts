import { encodeGridPng } from "./raster";
import { renderSpriteGrid } from "./sprite/engine";
import type { Background, RgbaImage, SpriteMode } from "./types";

export interface SpriteFrameOptions {
  prompt: string;
  seed: number;
  mode: SpriteMode;
  /** 0-based frame */
  index: number;
  count: number;
  background: Background;
  scale: number;
  /** "auto" | "auto:N" | PaletteName */
  palette?: string;
}

/** One frame of a batch (or the single image when mode=random, count=1); deterministic. */
export async function generateSpriteFrame(
  o: SpriteFrameOptions,
): Promise<{ png: Buffer; grid: RgbaImage; width: number; height: number; palette: string[] }> {
  const { grid, palette } = renderSpriteGrid(o);
  const scale = Math.max(1, Math.floor(o.scale || 20));
  const png = await encodeGridPng(grid, scale, o.background);
  return {
    png,
    grid,
    width: grid.width * scale,
    height: grid.height * scale,
    palette:
      o.background === "white" && !palette.includes("#ffffff") ? [...palette, "#ffffff"] : palette,
  };
}
