// Pixel engine public API (framework-free: no Next.js, no database).

export type { AsepriteAtlas, AsepriteFrame } from "./exports";
export {
  buildSheetFromGrids,
  buildSpriteSheet,
  encodeFramePng,
  encodeGif,
  encodeGifFromGrids,
  frameDurations,
  zipStream,
} from "./exports";
export { makeSeamless, upscaleImage, vectorize } from "./operations";
export type { PaletteName } from "./palettes";
export { PALETTES } from "./palettes";
export type { PixelizeOptions } from "./pixelize";
export { pixelize } from "./pixelize";
export { ICON_SETS } from "./sprite/emoji-art";
export { prepareSprite, renderSprite, renderSpriteGrid } from "./sprite/engine";
export type { SpriteInterpretation } from "./sprite/interpretation";
export { interpretPrompt } from "./sprite/interpretation";
export { parsePrompt } from "./sprite/prompt";
export type { SpriteFrameOptions } from "./sprite-frame";
export { generateSpriteFrame } from "./sprite-frame";
export type { Background, RgbaImage, SpriteMode } from "./types";
export { MODE_FRAME_COUNT, MODE_FRAME_DURATIONS, SPRITE_MODES } from "./types";
