import { encodeGridPng } from "./raster";
import type { OutlineStyle, ShadingStyle } from "./sprite/canvas";
import { prepareSprite, renderSpriteGrid } from "./sprite/engine";
import type { SpriteInterpretation } from "./sprite/interpretation";
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
  /** "auto" | "auto:N" | PaletteName, or a saved palette's colours */
  palette?: string | string[];
  /** logical grid: 16, 24, 32, 48 or 64 (else the prompt's size word, else 32) */
  size?: number;
  outline?: OutlineStyle;
  shading?: ShadingStyle;
  /** re-roll salt of one frame (0 = as first drawn) */
  reroll?: number;
}

/** One frame of a batch (or the single image when mode=random, count=1); deterministic. */
export async function generateSpriteFrame(o: SpriteFrameOptions): Promise<{
  png: Buffer;
  grid: RgbaImage;
  width: number;
  height: number;
  palette: string[];
  interpretation: SpriteInterpretation;
}> {
  await prepareSprite(o);
  const { grid, palette, interpretation } = renderSpriteGrid(o);
  const scale = Math.max(1, Math.floor(o.scale || 20));
  const png = await encodeGridPng(grid, scale, o.background);
  return {
    png,
    grid,
    width: grid.width * scale,
    height: grid.height * scale,
    palette:
      o.background === "white" && !palette.includes("#ffffff") ? [...palette, "#ffffff"] : palette,
    interpretation,
  };
}
