// Draws terrain tiles whose seams cannot show.
//
// Every texture is periodic with the tile size, so a plain tile repeats without a seam. A
// transition tile blends its 3×3 lattice of terrain weights (corners, edges, centre) into a field
// and thresholds it. Within `band` pixels of a side the field depends only on that side's labels
// and on the position along the side, and the noise that roughens the boundary does too (one 1-D
// noise shared by every vertical side, one by every horizontal side). So two tiles that agree on
// a side classify the pixels on both sides of their seam by the same function, and the boundary
// runs on across the seam as if the map had been drawn in one piece. That also makes a pixel's
// neighbour outside the tile equal to the pixel itself, which is how the edge shading (bevels,
// foam) is drawn from inside one tile.
import { hashString, mulberry32 } from "../prng";
import { createImage, type Rgb, type RgbaImage } from "../types";
import type { Label, LayoutDef, TileDef } from "./layouts";
import { TERRAIN_SPECS, type TerrainName, type TerrainSpec } from "./terrains";

export interface TilesetContext {
  size: number;
  band: number;
  terrains: [TerrainSpec, TerrainSpec];
  /** ramp index 0..3 per pixel of each terrain's periodic texture */
  textures: [Uint8Array, Uint8Array];
  /** boundary noise: along vertical sides (by y), along horizontal sides (by x), inside (x, y) */
  sideV: Float32Array;
  sideH: Float32Array;
  inner: Float32Array;
  /**
   * The field is linear in the lattice, so each pixel's four lattice indices and weights, and
   * its boundary noise (the same for every tile), are worked out once per context.
   */
  basisIndex: Uint8Array;
  basisWeight: Float32Array;
  noise: Float32Array;
}

const NOISE_AMPLITUDE = 0.3;

/** Periodic value noise over a size×size torus with lattice cells of `cell` px (cell | size). */
function periodicNoise(size: number, cellX: number, cellY: number, seed: number): Float32Array {
  const gx = Math.max(1, Math.round(size / cellX));
  const gy = Math.max(1, Math.round(size / cellY));
  const rnd = mulberry32(seed);
  const lattice = Float32Array.from({ length: gx * gy }, () => rnd());
  const out = new Float32Array(size * size);
  const smooth = (t: number) => t * t * (3 - 2 * t);
  for (let y = 0; y < size; y++) {
    const fy = ((y + 0.5) / size) * gy;
    const y0 = Math.floor(fy) % gy;
    const y1 = (y0 + 1) % gy;
    const ty = smooth(fy - Math.floor(fy));
    for (let x = 0; x < size; x++) {
      const fx = ((x + 0.5) / size) * gx;
      const x0 = Math.floor(fx) % gx;
      const x1 = (x0 + 1) % gx;
      const tx = smooth(fx - Math.floor(fx));
      const a = lattice[y0 * gx + x0]! + (lattice[y0 * gx + x1]! - lattice[y0 * gx + x0]!) * tx;
      const b = lattice[y1 * gx + x0]! + (lattice[y1 * gx + x1]! - lattice[y1 * gx + x0]!) * tx;
      out[y * size + x] = a + (b - a) * ty;
    }
  }
  return out;
}

function periodicNoise1d(size: number, cell: number, seed: number): Float32Array {
  const n = periodicNoise(size, cell, size, seed);
  return n.subarray(0, size).slice();
}

/** Per-pixel hash in [0,1), periodic with the tile. */
function pixelHash(size: number, seed: number): Float32Array {
  const out = new Float32Array(size * size);
  for (let i = 0; i < out.length; i++) {
    // murmur3's 32-bit finaliser over (index, seed): well mixed, no string work per pixel
    let h = (Math.imul(i + 1, 0x9e3779b1) ^ seed) >>> 0;
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    out[i] = ((h ^ (h >>> 16)) >>> 0) / 4294967296;
  }
  return out;
}

/** Wrapped Voronoi: F1 and F2 distances to jittered feature points, `k` cells per side. */
function periodicVoronoi(
  size: number,
  k: number,
  seed: number,
): { f1: Float32Array; f2: Float32Array; cell: Int32Array } {
  const rnd = mulberry32(seed);
  const step = size / k;
  const pts: [number, number][] = [];
  for (let j = 0; j < k; j++)
    for (let i = 0; i < k; i++)
      pts.push([(i + 0.15 + rnd() * 0.7) * step, (j + 0.15 + rnd() * 0.7) * step]);
  const f1 = new Float32Array(size * size);
  const f2 = new Float32Array(size * size);
  const cell = new Int32Array(size * size);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let d1 = Number.POSITIVE_INFINITY;
      let d2 = Number.POSITIVE_INFINITY;
      let best = 0;
      for (let p = 0; p < pts.length; p++) {
        let dx = Math.abs(x + 0.5 - pts[p]![0]);
        let dy = Math.abs(y + 0.5 - pts[p]![1]);
        if (dx > size / 2) dx = size - dx;
        if (dy > size / 2) dy = size - dy;
        const d = Math.sqrt(dx * dx + dy * dy);
        if (d < d1) {
          d2 = d1;
          d1 = d;
          best = p;
        } else if (d < d2) d2 = d;
      }
      const i = y * size + x;
      f1[i] = d1;
      f2[i] = d2;
      cell[i] = best;
    }
  }
  return { f1, f2, cell };
}

/** A terrain's texture as ramp indices (0 outline, 1 shadow, 2 base, 3 light). */
export function terrainTexture(spec: TerrainSpec, size: number, seed: number): Uint8Array {
  const s = hashString(spec.name, seed);
  const n = periodicNoise(size, 4, 4, s ^ 0x1234);
  const h = pixelHash(size, s ^ 0x9e37);
  const wave = spec.texture === "waves" ? periodicNoise(size, 8, 2, s ^ 0x5151) : undefined;
  const vor =
    spec.texture === "cells" || spec.texture === "molten"
      ? periodicVoronoi(
          size,
          Math.max(2, Math.round(((spec.cellsPer16 ?? 3) * size) / 16)),
          s ^ 0x7777,
        )
      : undefined;
  const out = new Uint8Array(size * size).fill(2);
  const at = (x: number, y: number) => ((y + size) % size) * size + ((x + size) % size);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const i = y * size + x;
      const hv = h[i]!;
      const nv = n[i]!;
      let v = 2;
      switch (spec.texture) {
        case "blades": // grass: blade tips with a dark root under each, darker clumps
          if (hv < 0.08) v = 3;
          else if (h[at(x, y - 1)]! < 0.08) v = 1;
          else if (nv < 0.32 && hv > 0.45) v = 1;
          break;
        case "speckle": // dirt: pebbles and dry flecks
          if (hv < 0.05) v = 1;
          else if (hv > 0.965) v = 3;
          else if (nv < 0.3 && hv > 0.6) v = 1;
          break;
        case "ripples": {
          // sand: wind ripples bent by noise, a few bright grains
          const r = (x + 2 * y + Math.floor(nv * 3)) % 8;
          if (r === 0 && hv > 0.25) v = 1;
          else if (hv > 0.97) v = 3;
          break;
        }
        case "waves": {
          const w = wave![i]!;
          if (w > 0.7) v = 3;
          else if (w < 0.24) v = 1;
          break;
        }
        case "drifts": // snow: sparse soft shadows where the drift dips, a few sparkles
          if (nv < 0.2 && hv > 0.6) v = 1;
          else if (hv > 0.975) v = 3;
          break;
        case "shine": {
          const d = (((x - y) % 8) + 8) % 8;
          if (d < 2 && nv > 0.45) v = 3;
          else if (hv < 0.03) v = 1;
          break;
        }
        case "puddles":
          if (nv < 0.3) v = hv > 0.88 ? 3 : 1;
          else if (hv > 0.96) v = 1;
          break;
        case "cells":
        case "molten": {
          const edge = vor!.f2[i]! - vor!.f1[i]!;
          if (spec.texture === "cells") {
            if (edge < 1.1) v = spec.cellsPer16 && spec.cellsPer16 > 3 ? 0 : 1;
            else {
              const shade = hashString(String(vor!.cell[i]), s) / 4294967296;
              v = shade > 0.6 ? 3 : 2;
              if (edge < 2.2 && v === 3) v = 2;
            }
          } else if (edge < 1.3) v = 3;
          else if (nv > 0.62) v = 1;
          break;
        }
      }
      out[i] = v;
    }
  }
  return out;
}

export function tilesetContext(
  terrains: [TerrainName, TerrainName],
  size: number,
  seed: number,
): TilesetContext {
  const specs: [TerrainSpec, TerrainSpec] = [
    TERRAIN_SPECS[terrains[0]],
    TERRAIN_SPECS[terrains[1]],
  ];
  const s = hashString(`${terrains.join("/")}:${size}`, seed);
  const band = size >= 32 ? 3 : 2;
  const sideV = periodicNoise1d(size, size / 4, s ^ 0xa1);
  const sideH = periodicNoise1d(size, size / 4, s ^ 0xb2);
  const inner = periodicNoise(size, size / 4, size / 4, s ^ 0xc3);
  const basisIndex = new Uint8Array(size * size * 4);
  const basisWeight = new Float32Array(size * size * 4);
  const noise = new Float32Array(size * size);
  const axes = Array.from({ length: size }, (_, p) => axis(p, size, band));
  for (let y = 0; y < size; y++) {
    const [cy0, cy1, wy] = axes[y]!;
    for (let x = 0; x < size; x++) {
      const [cx0, cx1, wx] = axes[x]!;
      const i = y * size + x;
      const o = i * 4;
      basisIndex[o] = cy0 * 3 + cx0;
      basisWeight[o] = (1 - wx) * (1 - wy);
      basisIndex[o + 1] = cy0 * 3 + cx1;
      basisWeight[o + 1] = wx * (1 - wy);
      basisIndex[o + 2] = cy1 * 3 + cx0;
      basisWeight[o + 2] = (1 - wx) * wy;
      basisIndex[o + 3] = cy1 * 3 + cx1;
      basisWeight[o + 3] = wx * wy;
      const dx = Math.min(x + 0.5, size - x - 0.5);
      const dy = Math.min(y + 0.5, size - y - 0.5);
      const gx = Math.min(1, Math.max(0, (dx - band) / band));
      const gy = Math.min(1, Math.max(0, (dy - band) / band));
      // in a side band the noise is that side's 1-D noise only; inside, the 2-D noise takes over
      const wv = (1 - gx) * gy;
      const wh = (1 - gy) * gx;
      const w2 = gx * gy;
      const sum = wv + wh + w2;
      noise[i] = sum === 0 ? 0 : (wv * sideV[y]! + wh * sideH[x]! + w2 * inner[i]!) / sum - 0.5;
    }
  }
  return {
    size,
    band,
    terrains: specs,
    textures: [terrainTexture(specs[0], size, seed), terrainTexture(specs[1], size, seed + 1)],
    sideV,
    sideH,
    inner,
    basisIndex,
    basisWeight,
    noise,
  };
}

const smoothstep = (t: number) => {
  const c = t < 0 ? 0 : Math.min(t, 1);
  return c * c * (3 - 2 * c);
};

/** Lattice index pair and weight along one axis for pixel `p` of a tile of `size`. */
function axis(p: number, size: number, band: number): [number, number, number] {
  const half = size / 2;
  const c = p + 0.5;
  const fromEdge = c < half ? c : size - c; // distance of the pixel centre from the nearer side
  const w = smoothstep((fromEdge - band) / (half - band));
  return c < half ? [0, 1, w] : [2, 1, w];
}

/**
 * Terrain (0 or 1) of pixel (x, y) of a tile with this lattice. Pure function of its inputs; the
 * tile renderer and any whole-map renderer call it alike.
 */
export function classAt(ctx: TilesetContext, lattice: number[], x: number, y: number): Label {
  const i = y * ctx.size + x;
  const o = i * 4;
  const bi = ctx.basisIndex;
  const bw = ctx.basisWeight;
  const field =
    lattice[bi[o]!]! * bw[o]! +
    lattice[bi[o + 1]!]! * bw[o + 1]! +
    lattice[bi[o + 2]!]! * bw[o + 2]! +
    lattice[bi[o + 3]!]! * bw[o + 3]!;
  return field + NOISE_AMPLITUDE * 2 * ctx.noise[i]! > 0.5 ? 1 : 0;
}

/**
 * Colour of a pixel of terrain `own` given the terrains of its four neighbours (up, right, down,
 * left) and its position in the periodic texture. The higher terrain gets a top-lit bevel; liquids
 * get a bright rim (foam, glow) where they meet anything else.
 */
export function paintPixel(
  ctx: TilesetContext,
  own: Label,
  up: Label,
  right: Label,
  down: Label,
  left: Label,
  x: number,
  y: number,
): Rgb {
  const me = ctx.terrains[own];
  const other = ctx.terrains[own === 0 ? 1 : 0];
  let tone = ctx.textures[own][y * ctx.size + x]!;
  const border = up !== own || right !== own || down !== own || left !== own;
  if (border) {
    if (me.liquid && !(other.liquid && other.elevation >= me.elevation)) tone = 3;
    else if (me.elevation > other.elevation || (me.elevation === other.elevation && own === 1)) {
      tone = up !== own || left !== own ? 3 : 0;
    } else if (up !== own && !me.liquid) tone = 1; // the shadow the higher ground casts
  }
  return me.ramp[tone]!;
}

/** Renders one tile; neighbours outside it are read from its own edge (see the file comment). */
export function renderTile(ctx: TilesetContext, tile: Pick<TileDef, "lattice">): Uint8Array {
  const { size } = ctx;
  const cls = new Uint8Array(size * size);
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) cls[y * size + x] = classAt(ctx, tile.lattice, x, y);
  return cls;
}

function blit(ctx: TilesetContext, cls: Uint8Array, img: RgbaImage, ox: number, oy: number): void {
  const { size } = ctx;
  const own = (x: number, y: number): Label => {
    const cx = x < 0 ? 0 : x >= size ? size - 1 : x;
    const cy = y < 0 ? 0 : y >= size ? size - 1 : y;
    return cls[cy * size + cx] as Label;
  };
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const c = cls[y * size + x] as Label;
      const rgb = paintPixel(
        ctx,
        c,
        own(x, y - 1),
        own(x + 1, y),
        own(x, y + 1),
        own(x - 1, y),
        x,
        y,
      );
      const o = ((oy + y) * img.width + ox + x) * 4;
      img.data[o] = rgb[0];
      img.data[o + 1] = rgb[1];
      img.data[o + 2] = rgb[2];
      img.data[o + 3] = 255;
    }
  }
}

/** The whole tileset as one sheet at 1× (columns × rows tiles). */
export function renderTilesetSheet(ctx: TilesetContext, def: LayoutDef): RgbaImage {
  const { size } = ctx;
  const img = createImage(def.columns * size, def.rows * size);
  for (const tile of def.tiles)
    blit(ctx, renderTile(ctx, tile), img, tile.col * size, tile.row * size);
  return img;
}

/**
 * Paints a map of cells, each given by its lattice, as one picture: every pixel's neighbours are
 * read from the real neighbouring cells. Used to check that the tiles put side by side are
 * exactly this picture.
 */
export function renderLatticeMap(ctx: TilesetContext, lattices: number[][][]): RgbaImage {
  const { size } = ctx;
  const rows = lattices.length;
  const cols = lattices[0]!.length;
  const W = cols * size;
  const H = rows * size;
  const cls = new Uint8Array(W * H);
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++)
      for (let y = 0; y < size; y++)
        for (let x = 0; x < size; x++)
          cls[(r * size + y) * W + c * size + x] = classAt(ctx, lattices[r]![c]!, x, y);
  const img = createImage(W, H);
  const at = (X: number, Y: number): Label =>
    cls[Math.min(H - 1, Math.max(0, Y)) * W + Math.min(W - 1, Math.max(0, X))] as Label;
  for (let Y = 0; Y < H; Y++) {
    for (let X = 0; X < W; X++) {
      const x = X % size;
      const y = Y % size;
      const rgb = paintPixel(
        ctx,
        at(X, Y),
        at(X, Y - 1),
        at(X + 1, Y),
        at(X, Y + 1),
        at(X - 1, Y),
        x,
        y,
      );
      const o = (Y * W + X) * 4;
      img.data[o] = rgb[0];
      img.data[o + 1] = rgb[1];
      img.data[o + 2] = rgb[2];
      img.data[o + 3] = 255;
    }
  }
  return img;
}
