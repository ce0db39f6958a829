// What a frame looks like: visible layers, bottom to top, each with its opacity ("normal" blend,
// straight alpha, as Aseprite and the PNG exports compute it), and onion-skin neighbours.
import { celRgba, type SpriteDocument } from "./model";

/** Draws `src` over `dst` in place with an extra opacity (0–1). Both straight-alpha RGBA. */
export function composeOver(dst: Uint8ClampedArray, src: Uint8ClampedArray, opacity = 1): void {
  for (let o = 0; o < dst.length; o += 4) {
    const sa = (src[o + 3]! / 255) * opacity;
    if (sa <= 0) continue;
    const da = dst[o + 3]! / 255;
    const oa = sa + da * (1 - sa);
    for (let c = 0; c < 3; c++) {
      dst[o + c] = Math.round((src[o + c]! * sa + dst[o + c]! * da * (1 - sa)) / oa);
    }
    dst[o + 3] = Math.round(oa * 255);
  }
}

export interface CompositeOptions {
  /** Draw hidden layers too (default false). */
  includeHidden?: boolean;
  /** Only these layers (indices). */
  layers?: number[];
}

/** RGBA pixels (width*height*4) of a frame as shown: visible layers with their opacity. */
export function compositeFrame(
  doc: SpriteDocument,
  frame: number,
  opts: CompositeOptions = {},
): Uint8ClampedArray {
  const out = new Uint8ClampedArray(doc.width * doc.height * 4);
  for (let l = 0; l < doc.layers.length; l++) {
    const layer = doc.layers[l]!;
    if (opts.layers && !opts.layers.includes(l)) continue;
    if (!layer.visible && !opts.includeHidden) continue;
    composeOver(out, celRgba(doc, l, frame), layer.opacity);
  }
  return out;
}

/** Every frame composited, in order (exports, previews, thumbnails). */
export function compositeAll(doc: SpriteDocument): Uint8ClampedArray[] {
  return doc.frames.map((_, f) => compositeFrame(doc, f));
}

export interface OnionSkinOptions {
  /** Frames shown before and after the current one (default 1 and 1). */
  before?: number;
  after?: number;
  /** Opacity of the nearest neighbour (0–1); each further frame fades by the same step. */
  opacity?: number;
  /** Wrap around the ends (a looping animation). */
  loop?: boolean;
}

/** The neighbour frames to draw behind `frame`, farthest first, with their opacity. */
export function onionSkinFrames(
  doc: SpriteDocument,
  frame: number,
  opts: OnionSkinOptions = {},
): { frame: number; opacity: number; side: "before" | "after" }[] {
  const n = doc.frames.length;
  const base = opts.opacity ?? 0.3;
  const out: { frame: number; opacity: number; side: "before" | "after" }[] = [];
  const seen = new Set([frame]);
  const walk = (count: number, dir: -1 | 1, side: "before" | "after") => {
    for (let k = count; k >= 1; k--) {
      let f = frame + dir * k;
      if (opts.loop) f = ((f % n) + n) % n;
      if (f < 0 || f >= n || seen.has(f)) continue;
      seen.add(f);
      out.push({ frame: f, opacity: (base * (count - k + 1)) / count, side });
    }
  };
  walk(opts.before ?? 1, -1, "before");
  walk(opts.after ?? 1, 1, "after");
  return out;
}

/**
 * The onion-skin layer: neighbours composited at their opacities, to be drawn under the current
 * frame (behind it, as artists asked for, not over it).
 */
export function compositeOnionSkin(
  doc: SpriteDocument,
  frame: number,
  opts: OnionSkinOptions = {},
): Uint8ClampedArray {
  const out = new Uint8ClampedArray(doc.width * doc.height * 4);
  for (const o of onionSkinFrames(doc, frame, opts))
    composeOver(out, compositeFrame(doc, o.frame), o.opacity);
  return out;
}
