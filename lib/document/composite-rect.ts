// Part of a frame's composite: the editor repaints only the pixels a stroke touched, with exactly
// the blend of compositeFrame (visible layers, opacity, straight alpha), so the screen never
// drifts from what a full recomposite would show.
import type { Rect } from "./geometry";
import { readPixel, type SpriteDocument } from "./model";

/**
 * Recomposes only `rect` of a frame into `out` (RGBA, the whole frame): visible layers bottom to
 * top with their opacity, the same straight-alpha "normal" blend as compositeFrame.
 */
export function compositeRectInto(
  out: Uint8ClampedArray,
  doc: SpriteDocument,
  frame: number,
  rect: Rect,
) {
  const { width: w } = doc;
  const layers = doc.layers
    .map((l, i) => ({ l, cel: doc.cels[i]![frame]! }))
    .filter(({ l }) => l.visible && l.opacity > 0);
  for (let y = rect.y; y < rect.y + rect.height; y++) {
    for (let x = rect.x; x < rect.x + rect.width; x++) {
      const i = y * w + x;
      const o = i * 4;
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (const { l, cel } of layers) {
        const c = readPixel(doc, cel, i);
        const sa = ((c & 255) / 255) * l.opacity;
        if (sa <= 0) continue;
        const da = a / 255;
        const oa = sa + da * (1 - sa);
        r = Math.round((((c >>> 24) & 255) * sa + r * da * (1 - sa)) / oa);
        g = Math.round((((c >>> 16) & 255) * sa + g * da * (1 - sa)) / oa);
        b = Math.round((((c >>> 8) & 255) * sa + b * da * (1 - sa)) / oa);
        a = Math.round(oa * 255);
      }
      out[o] = r;
      out[o + 1] = g;
      out[o + 2] = b;
      out[o + 3] = a;
    }
  }
}
