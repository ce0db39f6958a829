// Auto-tiling: which tile of a set draws each cell of a terrain map. The studio's sample map and
// the tests use it; engines do the same from the .tsx / .tres / rules.json.
import { mulberry32 } from "../prng";
import { createImage, type RgbaImage } from "../types";
import { cornerIndexOf, type Label, type LayoutDef, normalizeBlobMask, SLOT_BIT } from "./layouts";

/** Tile ids for a map given by its vertex labels ((rows+1) × (cols+1)), for a corner16 set. */
export function autotileCorners(vertices: Label[][]): number[][] {
  const rows = vertices.length - 1;
  const cols = vertices[0]!.length - 1;
  return Array.from({ length: rows }, (_, r) =>
    Array.from({ length: cols }, (_, c) =>
      cornerIndexOf(
        vertices[r]![c]!,
        vertices[r]![c + 1]!,
        vertices[r + 1]![c + 1]!,
        vertices[r + 1]![c]!,
      ),
    ),
  );
}

/** Tile ids for a map given by its cell labels, for a blob47 set (outside the map = same cell). */
export function autotileBlob(cells: Label[][], def: LayoutDef): number[][] {
  const byMask = new Map<number, number>();
  let base = -1;
  for (const t of def.tiles) {
    if (t.blobMask !== undefined) byMask.set(t.blobMask, t.id);
    else base = t.id;
  }
  const rows = cells.length;
  const cols = cells[0]!.length;
  const at = (r: number, c: number, self: Label): Label =>
    r < 0 || c < 0 || r >= rows || c >= cols ? self : cells[r]![c]!;
  return cells.map((row, r) =>
    row.map((v, c) => {
      if (v === 0) return base;
      let m = 0;
      if (at(r - 1, c, v)) m |= SLOT_BIT.top;
      if (at(r - 1, c + 1, v)) m |= SLOT_BIT.top_right;
      if (at(r, c + 1, v)) m |= SLOT_BIT.right;
      if (at(r + 1, c + 1, v)) m |= SLOT_BIT.bottom_right;
      if (at(r + 1, c, v)) m |= SLOT_BIT.bottom;
      if (at(r + 1, c - 1, v)) m |= SLOT_BIT.bottom_left;
      if (at(r, c - 1, v)) m |= SLOT_BIT.left;
      if (at(r - 1, c - 1, v)) m |= SLOT_BIT.top_left;
      return byMask.get(normalizeBlobMask(m))!;
    }),
  );
}

/**
 * A random label grid for a sample map: seeded islands of the second terrain (ellipses of varied
 * size, a few with a lake inside) on the first, plus a sprinkle of single cells. Smoothed white
 * noise, what this used to be, drifts to one terrain (about 90% grass in a 12 × 8 map) and shows
 * few of the set's tiles; islands show edges, outer and inner corners, necks and single cells.
 */
export function randomLabels(rows: number, cols: number, seed: number): Label[][] {
  const rnd = mulberry32(seed);
  const g: Label[][] = Array.from({ length: rows }, () => Array.from({ length: cols }, () => 0));
  const set = (r: number, c: number, v: Label) => {
    if (r >= 0 && c >= 0 && r < rows && c < cols) g[r]![c] = v;
  };
  const share = () => g.flat().reduce<number>((n, v) => n + v, 0) / (rows * cols);
  // small and middling islands until they cover about 40% of the map (never one big blob)
  for (let i = 0; i < 40 && share() < 0.4; i++) {
    const cy = rnd() * rows;
    const cx = rnd() * cols;
    const ry = 0.7 + rnd() * Math.max(1, rows / 5);
    const rx = 0.7 + rnd() * Math.max(1, cols / 5);
    for (let r = 0; r < rows; r++)
      for (let c = 0; c < cols; c++)
        if (((r + 0.5 - cy) / ry) ** 2 + ((c + 0.5 - cx) / rx) ** 2 <= 1) set(r, c, 1);
    // a lake in the larger islands: inner corners
    if (rx > 1.8 && ry > 1.8 && rnd() < 0.6) set(Math.floor(cy), Math.floor(cx), 0);
  }
  // single cells and nicks: the set's smallest shapes
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++) if (rnd() < 0.06) set(r, c, (1 - g[r]![c]!) as Label);
  return g;
}

/** Places tiles of a 1× sheet into a map picture. */
export function composeMap(
  sheet: RgbaImage,
  def: LayoutDef,
  size: number,
  ids: number[][],
): RgbaImage {
  const rows = ids.length;
  const cols = ids[0]!.length;
  const img = createImage(cols * size, rows * size);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const tile = def.tiles[ids[r]![c]!]!;
      for (let y = 0; y < size; y++) {
        const src = ((tile.row * size + y) * sheet.width + tile.col * size) * 4;
        const dst = ((r * size + y) * img.width + c * size) * 4;
        img.data.set(sheet.data.subarray(src, src + size * 4), dst);
      }
    }
  }
  return img;
}

/** Tile ids of the random sample map (rows × cols); the picture and sample.tmj share them. */
export function sampleIds(def: LayoutDef, seed: number, cols = 12, rows = 8): number[][] {
  return def.layout === "corner16"
    ? autotileCorners(randomLabels(rows + 1, cols + 1, seed))
    : autotileBlob(randomLabels(rows, cols, seed), def);
}

/** A random map auto-tiled with the set: what the studio shows as the tileset's preview. */
export function sampleMap(
  sheet: RgbaImage,
  def: LayoutDef,
  size: number,
  seed: number,
  cols = 12,
  rows = 8,
): { ids: number[][]; image: RgbaImage } {
  const ids = sampleIds(def, seed, cols, rows);
  return { ids, image: composeMap(sheet, def, size, ids) };
}
