// The CPU-heavy work that runs on the worker-thread pool (pool.ts), by name. Each entry is the
// lib function itself, so its internals can change without touching the pool; callers run it
// with `runJob("name", ...args)` and get the same result, typed from this table.
//
// Adding a job is one line here (name: function) plus `runJob` at the call site. Arguments and
// results must survive structured cloning: plain objects, arrays, typed arrays and Buffers (the
// pool restores Buffers and moves results' pixel buffers instead of copying them); no class
// instances or functions.

import { drawAnimationJob, drawFacingsJob } from "@/lib/characters/render";
import { asepriteBytes } from "@/lib/documents/aseprite-bytes";
import {
  buildSheetFromGrids,
  encodeGifFromGrids,
  generateSpriteFrame,
  makeSeamless,
  pixelize,
  pixelizeAnimationFrame,
  upscaleImage,
  vectorize,
} from "@/lib/pixel";
import { encodeGridPng } from "@/lib/pixel/raster";
import { renderLocalSfx } from "@/lib/providers/local-sfx";

export const JOBS = {
  /** the offline engine: one sprite frame (drawing + PNG) */
  spriteFrame: generateSpriteFrame,
  pixelize,
  pixelizeAnimationFrame,
  upscale: upscaleImage,
  seamless: makeSeamless,
  vectorize,
  /** offline sound effects */
  sfx: renderLocalSfx,
  gifFromGrids: encodeGifFromGrids,
  sheetFromGrids: buildSheetFromGrids,
  gridPng: encodeGridPng,
  /** an editor document as a real .aseprite file (deflate of every cel) */
  asepriteFile: asepriteBytes,
  /** characters (#19): facings / one animation of the offline engine, encoded and scored */
  characterFacings: drawFacingsJob,
  characterAnimation: drawAnimationJob,
} satisfies Record<string, (...args: never[]) => unknown>;

export type Jobs = typeof JOBS;
export type JobName = keyof Jobs;
