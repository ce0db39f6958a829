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

/** A blobby random label grid: white noise smoothed by a few majority passes. */
export function randomLabels(rows: number, cols: number, seed: number, fill = 0.45): Label[][] {
  const rnd = mulberry32(seed);
  let g: Label[][] = Array.from({ length: rows }, () =>
    Array.from({ length: cols }, () => (rnd() < fill ? 1 : 0) as Label),
  );
  for (let pass = 0; pass < 3; pass++) {
    g = g.map((row, r) =>
      row.map((v, c) => {
        let n = 0;
        let total = 0;
        for (let dr = -1; dr <= 1; dr++)
          for (let dc = -1; dc <= 1; dc++) {
            const rr = r + dr;
            const cc = c + dc;
            if (rr < 0 || cc < 0 || rr >= rows || cc >= cols) continue;
            total++;
            n += g[rr]![cc]!;
          }
        return (n * 2 > total ? 1 : n * 2 < total ? 0 : v) as Label;
      }),
    );
  }
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
