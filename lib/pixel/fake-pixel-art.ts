// "Fake pixel art" the way generic image models return it: a logical sprite enlarged by a
// fractional factor with a smoothing kernel, on a flat or near-flat backdrop, shifted by a few
// pixels, with a soft drop shadow, sensor-like noise and JPEG. The grid-recovery tests and the
// bench build their corpus from the offline engine's own sprites with these recipes, so the
// ground truth is known exactly.
import sharp, { type OverlayOptions } from "sharp";
import { rgbToOklab } from "./color";
import { Rng } from "./prng";
import type { Rgb, RgbaImage } from "./types";

export type FakeKernel = "nearest" | "bilinear" | "bicubic" | "lanczos";

export interface FakeRecipe {
  scale: number;
  kernel: FakeKernel;
  /** JPEG quality, or none for PNG */
  jpeg?: number;
  /** translation in output pixels (content moves right/down, backdrop fills in) */
  shift: [number, number];
  backdrop: Rgb;
  /** second backdrop colour: a vertical gradient from `backdrop` to it (near-flat backdrop) */
  backdropTo?: Rgb;
  shadow: boolean;
  /** gaussian noise sigma in 8-bit units */
  noise: number;
}

const BACKDROPS: Rgb[] = [
  [255, 255, 255],
  [240, 236, 226],
  [64, 128, 192],
  [255, 0, 255],
  [0, 200, 80],
  [40, 40, 48],
  [128, 128, 128],
  [250, 220, 160],
];

const oklabDistance = (a: Rgb, b: Rgb) => {
  const p = rgbToOklab(...a);
  const q = rgbToOklab(...b);
  return Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]);
};

/** The backdrop farthest from every sprite colour (a model asked for a sprite picks one too). */
export function pickBackdrop(grid: RgbaImage, rng: Rng): Rgb {
  const colours: Rgb[] = [];
  const seen = new Set<number>();
  for (let i = 0; i < grid.data.length; i += 4) {
    if (grid.data[i + 3]! < 128) continue;
    const k = (grid.data[i]! << 16) | (grid.data[i + 1]! << 8) | grid.data[i + 2]!;
    if (seen.has(k)) continue;
    seen.add(k);
    colours.push([grid.data[i]!, grid.data[i + 1]!, grid.data[i + 2]!]);
  }
  const scored = BACKDROPS.map((b) => ({
    b,
    d: Math.min(...colours.map((c) => oklabDistance(b, c))),
  })).sort((x, y) => y.d - x.d);
  // any of the three best, so the corpus is not all one colour
  return scored[rng.int(0, Math.min(2, scored.length - 1))]!.b;
}

function lanczos3(x: number): number {
  if (x === 0) return 1;
  if (x <= -3 || x >= 3) return 0;
  const px = Math.PI * x;
  return (3 * Math.sin(px) * Math.sin(px / 3)) / (px * px);
}

/** Separable Lanczos-3 enlargement of premultiplied RGBA (sharp's own upsampler is bicubic). */
function lanczosResize(src: RgbaImage, W: number, H: number): RgbaImage {
  const pass = (
    data: Float32Array,
    w: number,
    h: number,
    outLen: number,
    horizontal: boolean,
  ): Float32Array => {
    const inLen = horizontal ? w : h;
    const out = new Float32Array((horizontal ? outLen * h : w * outLen) * 4);
    const scale = inLen / outLen;
    for (let o = 0; o < outLen; o++) {
      const c = (o + 0.5) * scale - 0.5;
      const lo = Math.floor(c) - 2;
      const taps: [number, number][] = [];
      let sum = 0;
      for (let k = lo; k <= lo + 5; k++) {
        const wgt = lanczos3(c - k);
        taps.push([Math.max(0, Math.min(inLen - 1, k)), wgt]);
        sum += wgt;
      }
      const lines = horizontal ? h : w;
      for (let l = 0; l < lines; l++) {
        const oi = horizontal ? (l * outLen + o) * 4 : (o * w + l) * 4;
        for (const [k, wgt] of taps) {
          const ii = horizontal ? (l * w + k) * 4 : (k * w + l) * 4;
          const f = wgt / sum;
          out[oi] += data[ii]! * f;
          out[oi + 1] += data[ii + 1]! * f;
          out[oi + 2] += data[ii + 2]! * f;
          out[oi + 3] += data[ii + 3]! * f;
        }
      }
    }
    return out;
  };
  const pre = new Float32Array(src.data.length);
  for (let i = 0; i < src.data.length; i += 4) {
    const a = src.data[i + 3]! / 255;
    pre[i] = src.data[i]! * a;
    pre[i + 1] = src.data[i + 1]! * a;
    pre[i + 2] = src.data[i + 2]! * a;
    pre[i + 3] = src.data[i + 3]!;
  }
  const hx = pass(pre, src.width, src.height, W, true);
  const v = pass(hx, W, src.height, H, false);
  const out = new Uint8ClampedArray(W * H * 4);
  for (let i = 0; i < out.length; i += 4) {
    const a = Math.max(0, Math.min(255, v[i + 3]!));
    out[i + 3] = a;
    if (a > 0) {
      out[i] = (v[i]! * 255) / a;
      out[i + 1] = (v[i + 1]! * 255) / a;
      out[i + 2] = (v[i + 2]! * 255) / a;
    }
  }
  return { width: W, height: H, data: out };
}

const raw = (img: RgbaImage) =>
  sharp(Buffer.from(img.data.buffer, img.data.byteOffset, img.data.length), {
    raw: { width: img.width, height: img.height, channels: 4 },
  });

async function enlarge(grid: RgbaImage, W: number, H: number, k: FakeKernel): Promise<Buffer> {
  if (k === "lanczos") {
    const img = lanczosResize(grid, W, H);
    return Buffer.from(img.data.buffer, img.data.byteOffset, img.data.length);
  }
  const kernel = k === "bilinear" ? "linear" : k === "bicubic" ? "cubic" : "nearest";
  return raw(grid).resize(W, H, { kernel, fit: "fill" }).raw().toBuffer();
}

/** Move raw pixels right/down by (dx, dy), filling the uncovered band with `fill`. */
function translate(
  src: Buffer,
  W: number,
  H: number,
  ch: number,
  dx: number,
  dy: number,
  fill: number[],
): Buffer {
  const out = Buffer.alloc(W * H * ch);
  for (let y = 0; y < H; y++)
    for (let x = 0; x < W; x++) {
      const o = (y * W + x) * ch;
      const sx = x - dx;
      const sy = y - dy;
      if (sx < 0 || sy < 0) for (let c = 0; c < ch; c++) out[o + c] = fill[c] ?? 0;
      else src.copy(out, o, (sy * W + sx) * ch, (sy * W + sx) * ch + ch);
    }
  return out;
}

/** Degrade a logical sprite into an image a generic model might have returned. */
export async function fakePixelArt(grid: RgbaImage, r: FakeRecipe): Promise<Buffer> {
  const W = Math.round(grid.width * r.scale);
  const H = Math.round(grid.height * r.scale);
  const sprite = await enlarge(grid, W, H, r.kernel);
  // backdrop (flat, or a gentle vertical gradient)
  const back = Buffer.alloc(W * H * 4);
  const to = r.backdropTo ?? r.backdrop;
  for (let y = 0; y < H; y++) {
    const t = H > 1 ? y / (H - 1) : 0;
    const c = [0, 1, 2].map((i) => Math.round(r.backdrop[i]! + (to[i]! - r.backdrop[i]!) * t));
    for (let x = 0; x < W; x++) back.set([c[0]!, c[1]!, c[2]!, 255], (y * W + x) * 4);
  }
  const layers: OverlayOptions[] = [];
  if (r.shadow) {
    // black, 45 % at most, blurred by about a third of a cell and offset down-right
    const alpha = Buffer.alloc(W * H * 4);
    for (let i = 0; i < W * H; i++) alpha[i * 4 + 3] = Math.round(sprite[i * 4 + 3]! * 0.45);
    const off = Math.round(r.scale * 0.4);
    const shadow = await sharp(translate(alpha, W, H, 4, off, off, [0, 0, 0, 0]), {
      raw: { width: W, height: H, channels: 4 },
    })
      .blur(Math.max(0.5, r.scale * 0.35))
      .png()
      .toBuffer();
    layers.push({ input: shadow });
  }
  layers.push({ input: sprite, raw: { width: W, height: H, channels: 4 } });
  let flat: Buffer = await sharp(back, { raw: { width: W, height: H, channels: 4 } })
    .composite(layers)
    .removeAlpha()
    .raw()
    .toBuffer();
  const [dx, dy] = r.shift;
  if (dx || dy) flat = translate(flat, W, H, 3, dx, dy, r.backdrop);
  if (r.noise > 0) {
    const rng = new Rng(W * 31 + H);
    for (let i = 0; i < flat.length; i++) {
      // Box–Muller from the seeded generator
      const g =
        Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next()) * r.noise;
      flat[i] = Math.max(0, Math.min(255, Math.round(flat[i]! + g)));
    }
  }
  const out = sharp(flat, { raw: { width: W, height: H, channels: 3 } });
  return r.jpeg ? out.jpeg({ quality: r.jpeg }).toBuffer() : out.png().toBuffer();
}

export const FAKE_FAMILIES = [
  "nearest",
  "nearest+jpeg",
  "bilinear+jpeg",
  "bicubic+jpeg",
  "lanczos+jpeg",
  "shifted+shadow",
  "gradient+noise",
] as const;
export type FakeFamily = (typeof FAKE_FAMILIES)[number];

/** A reproducible recipe of one family for one sprite (scale 7.5×–33×, JPEG 60–95). */
export function fakeRecipe(family: FakeFamily, grid: RgbaImage, seed: number): FakeRecipe {
  const rng = Rng.from("fake", family, seed);
  // logical 64 at 33× would be 2 112 px; keep every input within what models return (≤ 2 048)
  const maxScale = Math.min(33, 2048 / Math.max(grid.width, grid.height));
  const scale = Math.round(rng.range(7.5, maxScale) * 100) / 100;
  const backdrop = pickBackdrop(grid, rng);
  const kernels: FakeKernel[] = ["nearest", "bilinear", "bicubic", "lanczos"];
  const base: FakeRecipe = {
    scale,
    kernel: "nearest",
    shift: [0, 0],
    backdrop,
    shadow: false,
    noise: 0,
  };
  const jpeg = rng.int(60, 95);
  const shift = (): [number, number] => [
    rng.int(1, Math.floor(scale * 0.4)),
    rng.int(1, Math.floor(scale * 0.4)),
  ];
  switch (family) {
    case "nearest":
      return base;
    case "nearest+jpeg":
      return { ...base, jpeg };
    case "bilinear+jpeg":
      return { ...base, kernel: "bilinear", jpeg };
    case "bicubic+jpeg":
      return { ...base, kernel: "bicubic", jpeg };
    case "lanczos+jpeg":
      return { ...base, kernel: "lanczos", jpeg };
    case "shifted+shadow":
      return { ...base, kernel: rng.pick(kernels), jpeg, shift: shift(), shadow: true };
    case "gradient+noise": {
      const to = backdrop.map((c) => Math.max(0, Math.min(255, c + rng.int(-28, 28)))) as Rgb;
      return {
        ...base,
        kernel: rng.pick(kernels),
        jpeg,
        shift: shift(),
        backdropTo: to,
        noise: rng.range(2, 6),
      };
    }
  }
}
