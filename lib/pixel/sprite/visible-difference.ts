// How different two takes of a sprite look to a person: the issue's measure of "4 seeds give 4
// takes a person tells apart" (≥ 25 %), shared by the seed tests and scripts/eval-seeds.ts.
import type { RgbaImage } from "../types";

/**
 * Share of the opaque pixels (of either image) that a person sees change: appearing, vanishing,
 * or a colour step larger than one shade (max channel difference > 24).
 */
export function visibleDifference(a: RgbaImage, b: RgbaImage): number {
  let union = 0;
  let diff = 0;
  for (let i = 0; i < a.data.length; i += 4) {
    const oa = a.data[i + 3]! > 0;
    const ob = b.data[i + 3]! > 0;
    if (!oa && !ob) continue;
    union++;
    const step = Math.max(
      Math.abs(a.data[i]! - b.data[i]!),
      Math.abs(a.data[i + 1]! - b.data[i + 1]!),
      Math.abs(a.data[i + 2]! - b.data[i + 2]!),
    );
    if (oa !== ob || step > 24) diff++;
  }
  return union ? diff / union : 0;
}
