// Identity check of a character's frames: does a frame still show the character of its
// direction's canonical facing? Two measures, both cheap enough to run on every frame:
// its colours stay inside the locked palette, and its silhouette overlaps the facing's.
import type { RgbaImage } from "@/lib/pixel/types";
import type { CharacterAction } from "@/lib/vocabulary";

export interface Identity {
  /** 0..1: mean of the palette fit (share of opaque pixels inside the palette) and silhouette */
  score: number;
  palette_ok: boolean;
  /** 0..1: intersection over union of the opaque pixels of frame and facing */
  silhouette: number;
  flagged: boolean;
}

/** An alpha at or above this is a pixel of the figure (pixel art is 0 or 255 anyway). */
const OPAQUE = 128;

/**
 * How far a frame's silhouette may leave the still facing before we call it drift. Motions that
 * change the outline a lot on purpose (a fall, a lunge, a leap) get a lower bar: there the
 * palette carries more of the evidence.
 */
const SILHOUETTE_MIN: Record<CharacterAction, number> = {
  idle: 0.6,
  walk: 0.45,
  run: 0.4,
  jump: 0.3,
  attack: 0.3,
  cast: 0.4,
  hurt: 0.4,
  death: 0.15,
};
/** the mean score below which a frame is flagged whatever the single measures say */
export const IDENTITY_SCORE_MIN = 0.6;

export function hexToRgbKey(hex: string): number {
  return Number.parseInt(hex.replace("#", ""), 16);
}

export function rgbKey(data: Uint8ClampedArray, i: number): number {
  return (data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!;
}

/** The distinct colours of a grid's opaque pixels, as #rrggbb (sorted, for a stable palette). */
export function paletteOf(images: readonly RgbaImage[]): string[] {
  const seen = new Set<number>();
  for (const img of images)
    for (let i = 0; i < img.data.length; i += 4)
      if (img.data[i + 3]! >= OPAQUE) seen.add(rgbKey(img.data, i));
  return [...seen].sort((a, b) => a - b).map((k) => `#${k.toString(16).padStart(6, "0")}`);
}

function solid(img: RgbaImage, x: number, y: number): boolean {
  return x < img.width && y < img.height && img.data[(y * img.width + x) * 4 + 3]! >= OPAQUE;
}

export function scoreIdentity(
  frame: RgbaImage,
  facing: RgbaImage,
  palette: readonly string[],
  action: CharacterAction,
): Identity {
  const allowed = new Set(palette.map(hexToRgbKey));
  let opaque = 0;
  let inside = 0;
  let both = 0;
  let either = 0;
  for (let i = 0; i < frame.data.length; i += 4) {
    if (frame.data[i + 3]! < OPAQUE) continue;
    opaque++;
    if (allowed.has(rgbKey(frame.data, i))) inside++;
  }
  // Frames and facings share one canvas and pivot (registration), so pixels compare in place.
  for (let y = 0; y < Math.max(frame.height, facing.height); y++) {
    for (let x = 0; x < Math.max(frame.width, facing.width); x++) {
      const a = solid(frame, x, y);
      const b = solid(facing, x, y);
      if (a && b) both++;
      if (a || b) either++;
    }
  }
  const fit = opaque ? inside / opaque : 0;
  const silhouette = either ? both / either : 0;
  const round = (n: number) => Math.round(n * 1000) / 1000;
  const score = round((fit + silhouette) / 2);
  const palette_ok = opaque > 0 && inside === opaque;
  return {
    score,
    palette_ok,
    silhouette: round(silhouette),
    flagged: !palette_ok || silhouette < SILHOUETTE_MIN[action] || score < IDENTITY_SCORE_MIN,
  };
}

/**
 * Snaps every opaque pixel to its nearest colour of the palette (squared RGB distance): how a
 * remote model's frame is kept inside the character's locked palette.
 */
export function snapToPalette(img: RgbaImage, palette: readonly string[]): RgbaImage {
  const colours = palette.map(hexToRgbKey).map((k) => [(k >> 16) & 255, (k >> 8) & 255, k & 255]);
  if (!colours.length) return img;
  const out = { width: img.width, height: img.height, data: new Uint8ClampedArray(img.data) };
  const cache = new Map<number, number[]>();
  for (let i = 0; i < out.data.length; i += 4) {
    if (out.data[i + 3]! < OPAQUE) {
      out.data[i] = out.data[i + 1] = out.data[i + 2] = out.data[i + 3] = 0;
      continue;
    }
    const key = rgbKey(out.data, i);
    let best = cache.get(key);
    if (!best) {
      let d = Number.POSITIVE_INFINITY;
      for (const c of colours) {
        const e =
          (c[0]! - out.data[i]!) ** 2 +
          (c[1]! - out.data[i + 1]!) ** 2 +
          (c[2]! - out.data[i + 2]!) ** 2;
        if (e < d) {
          d = e;
          best = c;
        }
      }
      cache.set(key, best!);
    }
    out.data[i] = best![0]!;
    out.data[i + 1] = best![1]!;
    out.data[i + 2] = best![2]!;
    out.data[i + 3] = 255;
  }
  return out;
}
