// Test-only helpers for the take tests (birds, beings, animal breeds): drawing one take's frame
// straight from its builder or as the engine draws it, and comparing part maps. Not imported by the engine.
import { rgbToHsv } from "../color";
import { Rng } from "../prng";
import type { RgbaImage, SpriteMode } from "../types";
import { BUILDERS } from "./builders";
import { SpriteCanvas } from "./canvas";
import { drawCreatureExtras, prepareCreatureExtras } from "./creature-parts";
import type { Design, Pose } from "./design";
import { buildDesign, poseFor, renderSprite } from "./engine";
import { type PromptInfo, parsePrompt } from "./prompt";

/** One take's frame at 32 cells (drawTakeWithDesign without the design). */
export function drawTake(...args: Parameters<typeof drawTakeWithDesign>): SpriteCanvas {
  return drawTakeWithDesign(...args).canvas;
}

/**
 * One take's frame at 32 cells, built with one shape rng for every take (so only the take's
 * choices can differ), with the design it was drawn from (its materials, views, parts);
 * `adjust` sets the pose as the caller's engine path would.
 */
export function drawTakeWithDesign(
  prompt: string,
  take: number,
  mode: SpriteMode = "idle",
  index = 0,
  adjust?: (pose: Pose, info: PromptInfo, design: Design) => void,
): { canvas: SpriteCanvas; design: Design } {
  const info = { ...parsePrompt(prompt), size: 32 };
  const design = BUILDERS[info.builder].build(
    info,
    Rng.from("shape", prompt, 1),
    Rng.from("color", prompt, 1),
    32,
    { take },
  );
  const pose = poseFor(mode, index, design.restView);
  adjust?.(pose, info, design);
  const canvas = new SpriteCanvas(32, 32);
  design.draw(canvas, pose);
  return { canvas, design };
}

/**
 * Share of the cells drawn in either part map (32 × 32, 0 = empty) whose part differs; with
 * `align`, the smallest over moves of b by a pixel (a breath or a bob is not another drawing).
 */
export function partDifference(a: Uint8Array, b: Uint8Array, align = false): number {
  let best = 1;
  for (const dy of align ? [-1, 0, 1] : [0])
    for (const dx of align ? [-1, 0, 1] : [0]) {
      let any = 0;
      let diff = 0;
      for (let y = 0; y < 32; y++)
        for (let x = 0; x < 32; x++) {
          const pa = a[y * 32 + x]!;
          const bx = x + dx;
          const by = y + dy;
          const pb = bx >= 0 && bx < 32 && by >= 0 && by < 32 ? b[by * 32 + bx]! : 0;
          if (!pa && !pb) continue;
          any++;
          if (pa !== pb) diff++;
        }
      best = Math.min(best, any ? diff / any : 0);
    }
  return best;
}

/**
 * Every pair of takes (1-based) whose part maps differ by no more than `min` (partDifference,
 * `align` as there), as "a/b 0.07": [] when the takes are all different drawings.
 */
export function alikePairs(maps: Uint8Array[], min: number, align = false): string[] {
  const alike: string[] = [];
  for (let a = 0; a < maps.length; a++)
    for (let b = a + 1; b < maps.length; b++) {
      const d = partDifference(maps[a]!, maps[b]!, align);
      if (!(d > min)) alike.push(`${a + 1}/${b + 1} ${d.toFixed(2)}`);
    }
  return alike;
}

/**
 * The label canvas as the engine draws it at the design's own size (rig, then creature parts:
 * beast heads, folk parts), before colour; with the design, pose and extras it was drawn from.
 */
export function partMap(prompt: string, seed = 1, mode: SpriteMode = "idle", index = 0) {
  const info = parsePrompt(prompt);
  const design = buildDesign(
    info,
    Rng.from("shape", prompt, seed),
    Rng.from("color", prompt, seed),
  );
  const extras = prepareCreatureExtras(design, info, seed);
  const pose = poseFor(mode, index, design.restView);
  const c = new SpriteCanvas(design.size, design.size);
  design.draw(c, pose);
  if (extras) drawCreatureExtras(c, info, pose, extras, design.headParts, design.materials, seed);
  return { c, info, pose, design, extras };
}

/** A prompt's idle still at one seed, as the engine renders a one-frame batch (its RGBA grid). */
export async function idleStill(prompt: string, seed: number): Promise<RgbaImage> {
  return (await renderSprite({ prompt, seed, mode: "idle", index: 0, count: 1 })).grid;
}

/** Cells of the given parts whose colour passes `test` (hue 0..360, saturation, value 0..1). */
export function cellsWhere(
  c: SpriteCanvas,
  d: Design,
  parts: number[],
  test: (h: number, s: number, v: number) => boolean,
): number {
  let n = 0;
  for (let i = 0; i < c.mat.length; i++) {
    const m = d.materials[c.mat[i]!];
    if (m && parts.includes(c.part[i]!) && test(...rgbToHsv(...m.ramp[2]))) n++;
  }
  return n;
}

/** Drawn pixels of an image within `tol` (summed channel difference) of a colour. */
export function pixelsNear(grid: RgbaImage, rgb: [number, number, number], tol = 40): number {
  let n = 0;
  for (let i = 0; i < grid.data.length; i += 4)
    if (
      grid.data[i + 3]! > 0 &&
      Math.abs(grid.data[i]! - rgb[0]) +
        Math.abs(grid.data[i + 1]! - rgb[1]) +
        Math.abs(grid.data[i + 2]! - rgb[2]) <
        tol
    )
      n++;
  return n;
}
