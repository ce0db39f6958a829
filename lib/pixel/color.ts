import type { Rgb } from "./types";

export function hexToRgb(hex: string): Rgb {
  const h = hex.replace("#", "");
  const v = Number.parseInt(h.length === 3 ? h.replace(/./g, "$&$&") : h, 16);
  return [(v >> 16) & 255, (v >> 8) & 255, v & 255];
}

export function rgbToHex([r, g, b]: Rgb): string {
  return `#${((1 << 24) | (r << 16) | (g << 8) | b).toString(16).slice(1)}`;
}

const lin = (c: number) => {
  const v = c / 255;
  return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
};
const LIN = new Float64Array(256).map((_, i) => lin(i));

/** OKLab: perceptual distance that treats hues fairly, cheap enough for per-pixel matching. */
export function rgbToOklab(r: number, g: number, b: number): [number, number, number] {
  const lr = LIN[r]!;
  const lg = LIN[g]!;
  const lb = LIN[b]!;
  const l = Math.cbrt(0.4122214708 * lr + 0.5363325363 * lg + 0.0514459929 * lb);
  const m = Math.cbrt(0.2119034982 * lr + 0.6806995451 * lg + 0.1073969566 * lb);
  const s = Math.cbrt(0.0883024619 * lr + 0.2817188376 * lg + 0.6299787005 * lb);
  return [
    0.2104542553 * l + 0.793617785 * m - 0.0040720468 * s,
    1.9779984951 * l - 2.428592205 * m + 0.4505937099 * s,
    0.0259040371 * l + 0.7827717662 * m - 0.808675766 * s,
  ];
}

export function rgbToHsv(r: number, g: number, b: number): [number, number, number] {
  const R = r / 255;
  const G = g / 255;
  const B = b / 255;
  const max = Math.max(R, G, B);
  const min = Math.min(R, G, B);
  const d = max - min;
  let h = 0;
  if (d > 0) {
    if (max === R) h = ((G - B) / d) % 6;
    else if (max === G) h = (B - R) / d + 2;
    else h = (R - G) / d + 4;
    h *= 60;
    if (h < 0) h += 360;
  }
  return [h, max === 0 ? 0 : d / max, max];
}

export function hsvToRgb(h: number, s: number, v: number): Rgb {
  const hh = (((h % 360) + 360) % 360) / 60;
  const sc = Math.max(0, Math.min(1, s));
  const vc = Math.max(0, Math.min(1, v));
  const c = vc * sc;
  const x = c * (1 - Math.abs((hh % 2) - 1));
  const m = vc - c;
  const [r, g, b] =
    hh < 1
      ? [c, x, 0]
      : hh < 2
        ? [x, c, 0]
        : hh < 3
          ? [0, c, x]
          : hh < 4
            ? [0, x, c]
            : hh < 5
              ? [x, 0, c]
              : [c, 0, x];
  return [Math.round((r + m) * 255), Math.round((g + m) * 255), Math.round((b + m) * 255)];
}

/** Move a hue toward a target hue by at most `deg` (hue shifting is what makes ramps look painted). */
function shiftHue(h: number, target: number, deg: number): number {
  let d = target - h;
  if (d > 180) d -= 360;
  if (d < -180) d += 360;
  return h + Math.sign(d) * Math.min(Math.abs(d), deg);
}

/**
 * 4-tone ramp [outline, shadow, base, light]: shadows drift toward blue/purple and lights toward
 * yellow, the classic pixel-art hue shift, instead of plain darken/lighten.
 */
export function makeRamp(base: Rgb): [Rgb, Rgb, Rgb, Rgb] {
  const [h, s, v] = rgbToHsv(...base);
  const grey = s < 0.08;
  const hs = (t: number, d: number) => (grey ? h : shiftHue(h, t, d));
  const light = hsvToRgb(hs(60, 12), s * 0.8, Math.min(1, v * 1.18 + 0.1));
  const shadow = hsvToRgb(hs(250, 14), Math.min(1, s * 1.1 + (grey ? 0.04 : 0.08)), v * 0.7);
  const outline = hsvToRgb(
    hs(250, 24),
    Math.min(1, s * 0.9 + (grey ? 0.1 : 0.15)),
    Math.max(0.1, v * 0.32),
  );
  return [outline, shadow, base, light];
}

export function mixRgb(a: Rgb, b: Rgb, t: number): Rgb {
  return [
    Math.round(a[0] + (b[0] - a[0]) * t),
    Math.round(a[1] + (b[1] - a[1]) * t),
    Math.round(a[2] + (b[2] - a[2]) * t),
  ];
}
