// Whole-frame pose effects for the extension modes (run, jump, hurt, death, cast, 8 directions).
// They act on the rendered frame, after the rig drew its pose, so every subject builder gets the
// new animations without learning new poses. Colours come from the sprite's own ramps only, so a
// fixed palette stays exact.
import { rgbToOklab } from "../color";
import { createImage, type RgbaImage } from "../types";

export interface FrameEffects {
  /** lift the whole sprite by n logical px (airborne), limited by the headroom above it */
  rise?: number;
  /** pixels kept free at the canvas edge by a risen sprite and spell sparkles (characters) */
  margin?: number;
  /** move the sprite horizontally (knock-back), + = right */
  shiftX?: number;
  /** shear the rows above the feet: + leans right, − leans left (n px at the top) */
  lean?: number;
  /** remove n rows from the middle of the body (crouch, landing, kneeling); feet stay put */
  squash?: number;
  /** hit flash: every pixel but the dark outline tones becomes the sprite's lightest colour */
  flash?: boolean;
  /** rotate about the centre, then drop back onto the baseline (falling, lying) */
  rotateDeg?: number;
  /** for subjects wider than tall (quadrupeds, blobs), which collapse rather than topple */
  rotateWideDeg?: number;
  /** for wide subjects: remove this fraction of the height (flattened, collapsed) */
  collapseWide?: number;
  /** a four-legged body: collapses like a wide subject even when its neck makes it tall */
  fourLegged?: boolean;
  /**
   * Three-quarter turn of a front/back view: the silhouette's centre moves towards the facing
   * side (−1 left, +1 right) — the near half widens, the far half narrows.
   */
  yaw?: -1 | 1;
  /** spell effect phase: 1 gather, 2 swirl, 3 burst, 4 fade; drawn on the facing side */
  magic?: 1 | 2 | 3 | 4;
  /** which way the sprite faces in screen space (for magic and leaning) */
  facing?: -1 | 0 | 1;
}

const px32 = (img: RgbaImage) =>
  new Uint32Array(img.data.buffer, img.data.byteOffset, img.width * img.height);

function bounds(img: RgbaImage) {
  const p = px32(img);
  let x0 = img.width;
  let y0 = img.height;
  let x1 = -1;
  let y1 = -1;
  for (let y = 0; y < img.height; y++)
    for (let x = 0; x < img.width; x++)
      if (p[y * img.width + x]! >>> 24) {
        if (x < x0) x0 = x;
        if (x > x1) x1 = x;
        if (y < y0) y0 = y;
        if (y > y1) y1 = y;
      }
  return x1 < 0 ? undefined : { x0, y0, x1, y1 };
}

/** dst(x, y) = src(map(x, y)) with nearest sampling; unmapped → transparent */
function remap(img: RgbaImage, map: (x: number, y: number) => [number, number] | undefined) {
  const out = createImage(img.width, img.height);
  const s = px32(img);
  const d = px32(out);
  for (let y = 0; y < img.height; y++)
    for (let x = 0; x < img.width; x++) {
      const m = map(x, y);
      if (!m) continue;
      const [sx, sy] = m;
      if (sx < 0 || sy < 0 || sx >= img.width || sy >= img.height) continue;
      d[y * img.width + x] = s[sy * img.width + sx]!;
    }
  return out;
}

function lum(v: number): number {
  return rgbToOklab(v & 255, (v >>> 8) & 255, (v >>> 16) & 255)[0];
}

function lightestAndDarkest(img: RgbaImage): { light: number; dark: number; accent: number } {
  const seen = new Map<number, number>();
  for (const v of px32(img)) if (v >>> 24 === 255 && !seen.has(v)) seen.set(v, lum(v));
  const sorted = [...seen.entries()].sort((a, b) => a[1] - b[1]);
  const dark = sorted[0]?.[0] ?? 0xff000000;
  const light = sorted[sorted.length - 1]?.[0] ?? 0xffffffff;
  // the most colourful of the lighter half: the glow of a spell
  let accent = light;
  let best = -1;
  for (const [v] of sorted.slice(Math.floor(sorted.length / 2))) {
    const [, a, b] = rgbToOklab(v & 255, (v >>> 8) & 255, (v >>> 16) & 255);
    const chroma = Math.hypot(a, b);
    if (chroma > best) {
      best = chroma;
      accent = v;
    }
  }
  return { light, dark, accent };
}

export function applyFrameEffects(img: RgbaImage, fx: FrameEffects | undefined): RgbaImage {
  if (!fx) return img;
  let out = img;
  const b0 = bounds(out);
  if (!b0) return img;
  const colours = lightestAndDarkest(out);
  const ground = b0.y1;

  if (fx.yaw) {
    const b = b0;
    const cx = (b.x0 + b.x1) / 2;
    const shift = Math.max(1, Math.round((b.x1 - b.x0 + 1) * 0.12)) * fx.yaw;
    const ncx = cx + shift;
    out = remap(out, (x, y) => {
      if (x < b.x0 || x > b.x1) return undefined;
      // piecewise-linear: [x0, ncx] ← [x0, cx] and [ncx, x1] ← [cx, x1]
      const sx =
        x <= ncx
          ? b.x0 + ((x - b.x0) * (cx - b.x0)) / Math.max(0.5, ncx - b.x0)
          : cx + ((x - ncx) * (b.x1 - cx)) / Math.max(0.5, b.x1 - ncx);
      return [Math.round(sx), y];
    });
  }
  const wide = !!fx.fourLegged || b0.x1 - b0.x0 > 1.2 * (b0.y1 - b0.y0);
  const squash =
    wide && fx.collapseWide ? Math.round((b0.y1 - b0.y0) * fx.collapseWide) : fx.squash;
  if (squash) {
    const b = bounds(out)!;
    const n = Math.min(squash, Math.floor((b.y1 - b.y0) / 2));
    // drop n rows at the hips/knees (a collapse: the legs, just above the ground) and pull
    // everything above them down
    const collapsing = squash !== fx.squash;
    const cut = Math.round(b.y0 + (b.y1 - b.y0) * (collapsing ? 0.95 : 0.55));
    out = remap(out, (x, y) => (y > cut ? [x, y] : y - n < 0 ? undefined : [x, y - n]));
  }
  if (fx.lean) {
    const b = bounds(out)!;
    const h = Math.max(1, b.y1 - b.y0);
    out = remap(out, (x, y) => [x - Math.round(((b.y1 - y) / h) * fx.lean!), y]);
  }
  const deg = wide ? (fx.rotateWideDeg ?? fx.rotateDeg) : fx.rotateDeg;
  if (deg) {
    const a = (deg * Math.PI) / 180;
    const b = bounds(out)!;
    const cx = (b.x0 + b.x1) / 2;
    const cy = (b.y0 + b.y1) / 2;
    const cos = Math.cos(a);
    const sin = Math.sin(a);
    const rotated = remap(out, (x, y) => {
      const dx = x - cx;
      const dy = y - cy;
      return [Math.round(cx + dx * cos + dy * sin), Math.round(cy - dx * sin + dy * cos)];
    });
    // back onto the ground line the frame stood on
    const rb = bounds(rotated);
    const drop = rb ? ground - rb.y1 : 0;
    out = remap(rotated, (x, y) => [x, y - drop]);
  }
  if (fx.shiftX || fx.rise) {
    const b = bounds(out)!;
    const rise = Math.max(0, Math.min(fx.rise ?? 0, b.y0 - (fx.margin ?? 0)));
    const dx = Math.max(-b.x0, Math.min(fx.shiftX ?? 0, out.width - 1 - b.x1));
    out = remap(out, (x, y) => [x - dx, y + rise]);
  }
  if (fx.flash) {
    // outlines (the darkest tones) stay, so the flashed silhouette keeps its shape
    const p = px32(out);
    const cut = lum(colours.dark) + 0.2;
    for (let i = 0; i < p.length; i++) if (p[i]! >>> 24 && lum(p[i]!) > cut) p[i] = colours.light;
  }
  if (fx.magic) drawMagic(out, fx.magic, fx.facing ?? 1, colours, fx.margin ?? 0);
  return out;
}

/** A small orb, swirl or burst at hand height on the facing side, in the sprite's own colours. */
function drawMagic(
  img: RgbaImage,
  phase: 1 | 2 | 3 | 4,
  facing: -1 | 0 | 1,
  c: { light: number; accent: number; dark: number },
  margin: number,
) {
  const b = bounds(img);
  if (!b) return;
  const p = px32(img);
  const w = img.width;
  const size = b.y1 - b.y0 + 1;
  const cy = Math.round(b.y0 + size * 0.45);
  const reach = Math.max(2, Math.round(size * 0.12));
  const cx =
    facing === 0 ? Math.round((b.x0 + b.x1) / 2) : facing > 0 ? b.x1 - 1 + reach : b.x0 + 1 - reach;
  const put = (x: number, y: number, v: number) => {
    if (x >= margin && y >= margin && x < w - margin && y < img.height - margin) p[y * w + x] = v;
  };
  const r = [1, 2, 3, 2][phase - 1]!;
  if (phase <= 3) {
    for (let dy = -r; dy <= r; dy++)
      for (let dx = -r; dx <= r; dx++) {
        const d = Math.hypot(dx, dy);
        if (d <= r + 0.2) put(cx + dx, cy + dy, d <= r - 1 + 0.2 ? c.light : c.accent);
      }
  }
  // sparkles around the orb: more and further out as the spell is released
  const n = [2, 4, 8, 4][phase - 1]!;
  const dist = [r + 2, r + 2, r + 3, r + 4][phase - 1]!;
  for (let k = 0; k < n; k++) {
    const ang = (k / n) * Math.PI * 2 + phase * 0.6;
    const x = Math.round(cx + Math.cos(ang) * dist);
    const y = Math.round(cy + Math.sin(ang) * dist);
    put(x, y, k % 2 ? c.accent : c.light);
  }
}
