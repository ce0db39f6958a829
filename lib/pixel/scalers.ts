// Pixel-art scalers, hand-written from the public algorithm descriptions (Scale2x/3x by
// A. Mazzoleni; 2xBR by Hyllian, MIT). No GPL xBRZ/hqx code was used or consulted.
import { rgbToOklab } from "./color";
import type { RgbaImage } from "./types";

function view(img: RgbaImage): Uint32Array {
  return new Uint32Array(img.data.buffer, img.data.byteOffset, img.width * img.height);
}

/** Scale2x/EPX: palette-preserving, only copies neighbours. */
export function scale2x(img: RgbaImage): RgbaImage {
  const { width: w, height: h } = img;
  const s = view(img);
  const out = new Uint32Array(w * h * 4);
  const at = (x: number, y: number) =>
    s[Math.min(h - 1, Math.max(0, y)) * w + Math.min(w - 1, Math.max(0, x))]!;
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const B = at(x, y - 1);
      const D = at(x - 1, y);
      const E = at(x, y);
      const F = at(x + 1, y);
      const H = at(x, y + 1);
      let e0 = E;
      let e1 = E;
      let e2 = E;
      let e3 = E;
      if (B !== H && D !== F) {
        if (D === B) e0 = D;
        if (B === F) e1 = F;
        if (D === H) e2 = D;
        if (H === F) e3 = F;
      }
      const o = y * 2 * (w * 2) + x * 2;
      out[o] = e0;
      out[o + 1] = e1;
      out[o + w * 2] = e2;
      out[o + w * 2 + 1] = e3;
    }
  return { width: w * 2, height: h * 2, data: new Uint8ClampedArray(out.buffer) };
}

export function scale3x(img: RgbaImage): RgbaImage {
  const { width: w, height: h } = img;
  const s = view(img);
  const W = w * 3;
  const out = new Uint32Array(W * h * 3);
  const at = (x: number, y: number) =>
    s[Math.min(h - 1, Math.max(0, y)) * w + Math.min(w - 1, Math.max(0, x))]!;
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const A = at(x - 1, y - 1);
      const B = at(x, y - 1);
      const C = at(x + 1, y - 1);
      const D = at(x - 1, y);
      const E = at(x, y);
      const F = at(x + 1, y);
      const G = at(x - 1, y + 1);
      const H = at(x, y + 1);
      const I = at(x + 1, y + 1);
      const e = [E, E, E, E, E, E, E, E, E];
      if (B !== H && D !== F) {
        e[0] = D === B ? D : E;
        e[1] = (D === B && E !== C) || (B === F && E !== A) ? B : E;
        e[2] = B === F ? F : E;
        e[3] = (D === B && E !== G) || (D === H && E !== A) ? D : E;
        e[5] = (B === F && E !== I) || (H === F && E !== C) ? F : E;
        e[6] = D === H ? D : E;
        e[7] = (D === H && E !== I) || (H === F && E !== G) ? H : E;
        e[8] = H === F ? F : E;
      }
      for (let j = 0; j < 3; j++)
        for (let i = 0; i < 3; i++) out[(y * 3 + j) * W + x * 3 + i] = e[j * 3 + i]!;
    }
  return { width: W, height: h * 3, data: new Uint8ClampedArray(out.buffer) };
}

/**
 * 2xBR (Hyllian). For each output corner, compare the weighted colour distance along the two
 * diagonals of the 5×5 neighbourhood; when the edge runs across the corner, blend the corner
 * toward the closer neighbour (1/2), or 3/4 + 1/4 into the adjacent sub-pixel for shallow/steep
 * edges. Distance = YUV-weighted, as in the original description.
 */
export function xbr2x(img: RgbaImage): RgbaImage {
  const { width: w, height: h } = img;
  const s = view(img);
  const yuv = new Map<number, [number, number, number]>();
  const lum = (c: number) => {
    let v = yuv.get(c);
    if (!v) {
      const [L, a, b] = rgbToOklab(c & 255, (c >>> 8) & 255, (c >>> 16) & 255);
      const al = (c >>> 24) / 255;
      v = [L * 48 * al + (1 - al) * 60, a * 28 * al, b * 28 * al];
      yuv.set(c, v);
    }
    return v;
  };
  const d = (a: number, b: number) => {
    if (a === b) return 0;
    const p = lum(a);
    const q = lum(b);
    return Math.abs(p[0] - q[0]) + Math.abs(p[1] - q[1]) + Math.abs(p[2] - q[2]);
  };
  const at = (x: number, y: number) =>
    s[Math.min(h - 1, Math.max(0, y)) * w + Math.min(w - 1, Math.max(0, x))]!;
  const W = w * 2;
  // accumulate in float RGBA so several rules can blend into one sub-pixel
  const acc = new Float32Array(W * h * 2 * 4);
  const put = (ox: number, oy: number, c: number) => {
    const i = (oy * W + ox) * 4;
    acc[i] = c & 255;
    acc[i + 1] = (c >>> 8) & 255;
    acc[i + 2] = (c >>> 16) & 255;
    acc[i + 3] = c >>> 24;
  };
  const blend = (ox: number, oy: number, c: number, t: number) => {
    const i = (oy * W + ox) * 4;
    acc[i] = acc[i]! + ((c & 255) - acc[i]!) * t;
    acc[i + 1] = acc[i + 1]! + (((c >>> 8) & 255) - acc[i + 1]!) * t;
    acc[i + 2] = acc[i + 2]! + (((c >>> 16) & 255) - acc[i + 2]!) * t;
    acc[i + 3] = acc[i + 3]! + ((c >>> 24) - acc[i + 3]!) * t;
  };
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const E = at(x, y);
      put(x * 2, y * 2, E);
      put(x * 2 + 1, y * 2, E);
      put(x * 2, y * 2 + 1, E);
      put(x * 2 + 1, y * 2 + 1, E);
    }
  // the four corners are the same rule on a rotated neighbourhood: (ux,uy) = direction of the corner
  const rots: [number, number, number, number][] = [
    [1, 0, 0, 1], // bottom-right: right=+x, down=+y
    [0, 1, -1, 0], // bottom-left
    [-1, 0, 0, -1], // top-left
    [0, -1, 1, 0], // top-right
  ];
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      for (const [rx, ry, dx, dy] of rots) {
        // local axes: "right" r = (rx,ry), "down" q = (dx,dy)
        const P = (i: number, j: number) => at(x + i * rx + j * dx, y + i * ry + j * dy);
        const E = P(0, 0);
        const F = P(1, 0);
        const H = P(0, 1);
        const I = P(1, 1);
        const B = P(0, -1);
        const C = P(1, -1);
        const D = P(-1, 0);
        const G = P(-1, 1);
        const F4 = P(2, 0);
        const I4 = P(2, 1);
        const H5 = P(0, 2);
        const I5 = P(1, 2);
        if (E === H || E === F) continue;
        const e = d(E, C) + d(E, G) + d(I, H5) + d(I, F4) + 4 * d(H, F);
        const i = d(H, D) + d(H, I5) + d(F, I4) + d(F, B) + 4 * d(E, I);
        if (!(e < i)) continue;
        const px = d(E, F) <= d(E, H) ? F : H;
        const ke = d(F, G);
        const ki = d(H, C);
        const ex2 = E !== C && B !== C;
        const ex3 = E !== G && D !== G;
        // output sub-pixel coordinates in this rotation
        const sub = (i2: number, j2: number) => {
          // (i2,j2) ∈ {0,1}² in local axes, 1 = toward the corner
          const lx = i2 === 1 ? rx : -rx;
          const ly = i2 === 1 ? ry : -ry;
          const mx = j2 === 1 ? dx : -dx;
          const my = j2 === 1 ? dy : -dy;
          const ox = x * 2 + ((lx + mx + 1) >> 1);
          const oy = y * 2 + ((ly + my + 1) >> 1);
          return [Math.min(W - 1, Math.max(0, ox)), Math.min(h * 2 - 1, Math.max(0, oy))] as const;
        };
        const [cx3, cy3] = sub(1, 1);
        if (2 * ke <= ki && ex3) {
          blend(cx3, cy3, px, 0.75);
          const [a, b] = sub(0, 1);
          blend(a, b, px, 0.25);
        } else if (ke >= 2 * ki && ex2) {
          blend(cx3, cy3, px, 0.75);
          const [a, b] = sub(1, 0);
          blend(a, b, px, 0.25);
        } else blend(cx3, cy3, px, 0.5);
      }
    }
  const out = new Uint8ClampedArray(acc.length);
  for (let i = 0; i < acc.length; i++) out[i] = Math.round(acc[i]!);
  return { width: W, height: h * 2, data: out };
}
