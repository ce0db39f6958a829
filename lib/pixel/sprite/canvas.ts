// Label canvas for the procedural sprite engine (hand-written: no library builds sprites from
// parts). Parts are drawn as material+part labels; colour, shading and outline are resolved
// afterwards so every frame of an animation is shaded/outlined consistently.

import type { OutlineStyle, ShadingStyle } from "@/lib/vocabulary";
import { makeRamp } from "../color";
import { createImage, type Rgb, type RgbaImage } from "../types";

export interface Material {
  /** [outline, shadow, base, light] */
  ramp: [Rgb, Rgb, Rgb, Rgb];
  /** single colour, no shading (eyes, glints, flames) */
  flat?: boolean;
  /** does not produce a dark outline around itself (effects such as slashes and smoke) */
  noOutline?: boolean;
  /** how a new base colour becomes a ramp (a surface's own, restyle.ts); default makeRamp */
  rampOf?: (base: Rgb) => [Rgb, Rgb, Rgb, Rgb];
}

export function material(base: Rgb, opts: { flat?: boolean; noOutline?: boolean } = {}): Material {
  return { ramp: makeRamp(base), ...opts };
}

export const TONE = { outline: 0, shadow: 1, base: 2, light: 3 } as const;

export type { OutlineStyle, ShadingStyle } from "@/lib/vocabulary";

export interface RenderStyle {
  outline?: OutlineStyle;
  shading?: ShadingStyle;
  shadeMode?: "parts" | "rim";
}

const DARK_OUTLINE: Rgb = [24, 20, 37];

/** A box of cells, inclusive, with its width and height in cells. */
export interface CellBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  w: number;
  h: number;
}

/**
 * The box round the cells i (0 ≤ i < n, rows of w cells) that keep accepts, or undefined where
 * none does: the one reading of "where is this drawn" for canvases, head parts and icons alike.
 */
export function boxWhere(w: number, n: number, keep: (i: number) => boolean): CellBox | undefined {
  let x0 = w;
  let y0 = Math.ceil(n / w);
  let x1 = -1;
  let y1 = -1;
  for (let i = 0; i < n; i++) {
    if (!keep(i)) continue;
    const x = i % w;
    const y = (i - x) / w;
    x0 = Math.min(x0, x);
    x1 = Math.max(x1, x);
    y0 = Math.min(y0, y);
    y1 = Math.max(y1, y);
  }
  return x1 < 0 ? undefined : { x0, y0, x1, y1, w: x1 - x0 + 1, h: y1 - y0 + 1 };
}

export class SpriteCanvas {
  readonly mat: Int16Array;
  readonly part: Uint8Array;
  readonly tone: Int8Array;
  constructor(
    readonly w: number,
    readonly h: number,
  ) {
    this.mat = new Int16Array(w * h).fill(-1);
    this.part = new Uint8Array(w * h);
    this.tone = new Int8Array(w * h).fill(-1);
  }

  plot(x: number, y: number, mat: number, part: number, tone = -1): void {
    x = Math.floor(x);
    y = Math.floor(y);
    if (x < 0 || y < 0 || x >= this.w || y >= this.h) return;
    const i = y * this.w + x;
    this.mat[i] = mat;
    this.part[i] = part;
    this.tone[i] = tone;
  }

  erase(x: number, y: number): void {
    x = Math.floor(x);
    y = Math.floor(y);
    if (x < 0 || y < 0 || x >= this.w || y >= this.h) return;
    this.mat[y * this.w + x] = -1;
  }

  /** index of a cell in mat/part/tone, or -1 outside (placed canvases shift it) */
  index(x: number, y: number): number {
    x = Math.floor(x);
    y = Math.floor(y);
    if (x < 0 || y < 0 || x >= this.w || y >= this.h) return -1;
    return y * this.w + x;
  }

  get(x: number, y: number): number {
    if (x < 0 || y < 0 || x >= this.w || y >= this.h) return -1;
    return this.mat[y * this.w + x]!;
  }

  /** inclusive integer rectangle */
  rect(x0: number, y0: number, x1: number, y1: number, mat: number, part: number, tone = -1): void {
    const ax = Math.round(Math.min(x0, x1));
    const bx = Math.round(Math.max(x0, x1));
    const ay = Math.round(Math.min(y0, y1));
    const by = Math.round(Math.max(y0, y1));
    for (let y = ay; y <= by; y++) for (let x = ax; x <= bx; x++) this.plot(x, y, mat, part, tone);
  }

  /** filled ellipse; cell centres are tested so symmetric inputs give symmetric pixels */
  ellipse(
    cx: number,
    cy: number,
    rx: number,
    ry: number,
    mat: number,
    part: number,
    tone = -1,
  ): void {
    const x0 = Math.floor(cx - rx - 1);
    const x1 = Math.ceil(cx + rx + 1);
    const y0 = Math.floor(cy - ry - 1);
    const y1 = Math.ceil(cy + ry + 1);
    for (let y = y0; y <= y1; y++)
      for (let x = x0; x <= x1; x++) {
        const dx = (x + 0.5 - cx) / rx;
        const dy = (y + 0.5 - cy) / ry;
        if (dx * dx + dy * dy <= 1.0001) this.plot(x, y, mat, part, tone);
      }
  }

  /** thick line with round caps: limbs, blades, handles */
  capsule(
    ax: number,
    ay: number,
    bx: number,
    by: number,
    r: number,
    mat: number,
    part: number,
    tone = -1,
  ): void {
    const x0 = Math.floor(Math.min(ax, bx) - r - 1);
    const x1 = Math.ceil(Math.max(ax, bx) + r + 1);
    const y0 = Math.floor(Math.min(ay, by) - r - 1);
    const y1 = Math.ceil(Math.max(ay, by) + r + 1);
    const vx = bx - ax;
    const vy = by - ay;
    const len2 = vx * vx + vy * vy || 1e-9;
    for (let y = y0; y <= y1; y++)
      for (let x = x0; x <= x1; x++) {
        const px = x + 0.5 - ax;
        const py = y + 0.5 - ay;
        const t = Math.max(0, Math.min(1, (px * vx + py * vy) / len2));
        const dx = px - t * vx;
        const dy = py - t * vy;
        if (dx * dx + dy * dy <= r * r + 0.0001) this.plot(x, y, mat, part, tone);
      }
  }

  /** 1-px Bresenham line (details: whiskers, staff, slash arcs) */
  line(ax: number, ay: number, bx: number, by: number, mat: number, part: number, tone = -1): void {
    let x0 = Math.round(ax);
    let y0 = Math.round(ay);
    const x1 = Math.round(bx);
    const y1 = Math.round(by);
    const dx = Math.abs(x1 - x0);
    const dy = -Math.abs(y1 - y0);
    const sx = x0 < x1 ? 1 : -1;
    const sy = y0 < y1 ? 1 : -1;
    let err = dx + dy;
    for (;;) {
      this.plot(x0, y0, mat, part, tone);
      if (x0 === x1 && y0 === y1) break;
      const e2 = 2 * err;
      if (e2 >= dy) {
        err += dy;
        x0 += sx;
      }
      if (e2 <= dx) {
        err += dx;
        y0 += sy;
      }
    }
  }

  /** filled convex/concave polygon by even-odd scanline on cell centres */
  poly(pts: [number, number][], mat: number, part: number, tone = -1): void {
    const ys = pts.map((p) => p[1]);
    const y0 = Math.floor(Math.min(...ys));
    const y1 = Math.ceil(Math.max(...ys));
    for (let y = y0; y <= y1; y++) {
      const cy = y + 0.5;
      const xs: number[] = [];
      for (let i = 0; i < pts.length; i++) {
        const [ax, ay] = pts[i]!;
        const [bx, by] = pts[(i + 1) % pts.length]!;
        if (ay <= cy !== by <= cy) xs.push(ax + ((cy - ay) / (by - ay)) * (bx - ax));
      }
      xs.sort((a, b) => a - b);
      for (let k = 0; k + 1 < xs.length; k += 2)
        for (let x = Math.ceil(xs[k]! - 0.5); x <= Math.floor(xs[k + 1]! - 0.5); x++)
          this.plot(x, y, mat, part, tone);
    }
  }

  /** flip horizontally (right-facing profile → left-facing) */
  flipX(): void {
    for (const arr of [this.mat, this.part, this.tone] as (Int16Array | Uint8Array | Int8Array)[]) {
      for (let y = 0; y < this.h; y++) {
        const r = y * this.w;
        for (let x = 0; x < this.w >> 1; x++) {
          const a = arr[r + x]!;
          arr[r + x] = arr[r + this.w - 1 - x]!;
          arr[r + this.w - 1 - x] = a;
        }
      }
    }
  }

  /** shift a rectangular band horizontally (plant sway, flame flicker) */
  shiftRows(y0: number, y1: number, dx: number): void {
    if (!dx) return;
    for (let y = Math.max(0, y0); y <= Math.min(this.h - 1, y1); y++) {
      const r = y * this.w;
      const m = this.mat.slice(r, r + this.w);
      const p = this.part.slice(r, r + this.w);
      const t = this.tone.slice(r, r + this.w);
      for (let x = 0; x < this.w; x++) {
        const sx = x - dx;
        const ok = sx >= 0 && sx < this.w;
        this.mat[r + x] = ok ? m[sx]! : -1;
        this.part[r + x] = ok ? p[sx]! : 0;
        this.tone[r + x] = ok ? t[sx]! : -1;
      }
    }
  }

  /**
   * Resolve labels to colours. Light comes from the top-left: cells exposed to air above/left get
   * the light tone, cells whose right/lower neighbour is another part or air get the shadow tone
   * (which also draws the internal lines between overlapping parts), and the right quarter of
   * wide parts is shaded for volume. Then a 4-neighbour outline in the darkest tone of the
   * adjacent material.
   */
  render(materials: Material[], opts: RenderStyle | boolean = {}): RgbaImage {
    const style: RenderStyle =
      typeof opts === "boolean" ? { outline: opts ? "coloured" : "none" } : opts;
    const outline = style.outline !== "none";
    const shading = style.shading ?? "soft";
    const rim = style.shadeMode === "rim";
    const { w, h, mat, part, tone } = this;
    const img = createImage(w, h);
    const d = img.data;
    const bx0 = new Int16Array(256).fill(9999);
    const bx1 = new Int16Array(256).fill(-1);
    for (let i = 0; i < w * h; i++) {
      if (mat[i]! < 0) continue;
      const x = i % w;
      const p = part[i]!;
      if (x < bx0[p]!) bx0[p] = x;
      if (x > bx1[p]!) bx1[p] = x;
    }
    const same = (i: number, j: number) => mat[j]! >= 0 && part[j] === part[i];
    for (let y = 0; y < h; y++)
      for (let x = 0; x < w; x++) {
        const i = y * w + x;
        const m = mat[i]!;
        if (m < 0) continue;
        const M = materials[m]!;
        let t: number = tone[i]!;
        if (M.flat || shading === "flat") t = 2;
        else if (t < 0 && rim) {
          const airR = x + 1 >= w || mat[i + 1]! < 0;
          const airD = y + 1 >= h || mat[i + w]! < 0;
          const airU = y === 0 || mat[i - w]! < 0;
          const airL = x === 0 || mat[i - 1]! < 0;
          t = airR || airD ? 1 : airU || airL ? 3 : 2;
        } else if (t < 0) {
          const sameR = x + 1 < w && same(i, i + 1);
          const sameD = y + 1 < h && same(i, i + w);
          const airU = y === 0 || mat[i - w]! < 0;
          const airL = x === 0 || mat[i - 1]! < 0;
          const p = part[i]!;
          const pw = bx1[p]! - bx0[p]! + 1;
          if (!sameR || !sameD) t = 1;
          else if (airU || airL) t = 3;
          else if (pw >= 6 && x - bx0[p]! >= pw * 0.72) t = 1;
          else t = 2;
        }
        if (shading === "detailed" && t === 2 && !M.flat) {
          // a dithered half-shadow band on the lower-right of each part: volume at 32 px+
          const p = part[i]!;
          const pw = bx1[p]! - bx0[p]! + 1;
          if (pw >= 4 && x - bx0[p]! >= pw * 0.5 && (x + y) % 2 === 0) t = 1;
        }
        const c = M.ramp[t]!;
        d[i * 4] = c[0];
        d[i * 4 + 1] = c[1];
        d[i * 4 + 2] = c[2];
        d[i * 4 + 3] = 255;
      }
    if (outline) {
      for (let y = 0; y < h; y++)
        for (let x = 0; x < w; x++) {
          const i = y * w + x;
          if (mat[i]! >= 0) continue;
          let src = -1;
          for (const j of [
            x > 0 ? i - 1 : -1,
            x + 1 < w ? i + 1 : -1,
            y > 0 ? i - w : -1,
            y + 1 < h ? i + w : -1,
          ]) {
            if (j >= 0 && mat[j]! >= 0 && !materials[mat[j]!]!.noOutline) {
              src = mat[j]!;
              break;
            }
          }
          if (src < 0) continue;
          const c = style.outline === "dark" ? DARK_OUTLINE : materials[src]!.ramp[0];
          d[i * 4] = c[0];
          d[i * 4 + 1] = c[1];
          d[i * 4 + 2] = c[2];
          d[i * 4 + 3] = 255;
        }
    }
    return img;
  }
}
