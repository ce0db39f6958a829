// Pixel engine public API (framework-free: no Next.js, no database).

export type { AnimationLayout, AnimationTag, FrameSpec } from "./animation-layout";
export { animationLayout, frameCountOf, frameSpec, isLooping } from "./animation-layout";
export type { AsepriteAtlas, AsepriteFrame, SpriteSheet } from "./exports";
export {
  buildSheetFromGrids,
  buildSpriteSheet,
  encodeFramePng,
  encodeGif,
  encodeGifFromGrids,
  frameDurations,
  godotSpriteFrames,
  sliceManifest,
  zipStream,
} from "./exports";
export { makeSeamless, upscaleImage, vectorize } from "./operations";
export type { PaletteName } from "./palettes";
export { PALETTES } from "./palettes";
export type { PixelizeOptions } from "./pixelize";
export { pixelize, pixelizeAnimationFrame } from "./pixelize";
export { decodeLogical, encodeGridPng } from "./raster";
export { ICON_SETS } from "./sprite/emoji-art";
export { prepareSprite, renderSprite, renderSpriteGrid } from "./sprite/engine";
export type { SpriteInterpretation } from "./sprite/interpretation";
export { interpretPrompt } from "./sprite/interpretation";
export { parsePrompt } from "./sprite/prompt";
export type { SpriteFrameOptions } from "./sprite-frame";
export { generateSpriteFrame } from "./sprite-frame";
export type { Background, RgbaImage, SpriteMode } from "./types";
export {
  DIRECTIONS4,
  DIRECTIONS8,
  EXTENSION_SPRITE_MODES,
  MAX_BATCH_FRAMES,
  MODE_FRAME_COUNT,
  MODE_FRAME_DURATIONS,
  SEED_SPRITE_MODES,
  SPRITE_MODES,
  WALK4_ROWS,
} from "./types";
