// The two tile layouts and what each tile means: which terrain sits at each corner / edge. This is
// the single source for the PNG arrangement, Tiled's wangids, Godot's peering bits and rules.json.

import { TILE_SIZES, TILESET_LAYOUTS, type TileSize, type TilesetLayout } from "@/lib/vocabulary";

export { TILE_SIZES, TILESET_LAYOUTS, type TileSize, type TilesetLayout };

/** 0 = the first (base) terrain, 1 = the second (overlay) terrain */
export type Label = 0 | 1;

// Tiled's order of the eight wangid slots (TMX format, <wangtile>: "top, top right, right,
// bottom right, bottom, bottom left, left, top left (since Tiled 1.5)").
export const SLOTS = [
  "top",
  "top_right",
  "right",
  "bottom_right",
  "bottom",
  "bottom_left",
  "left",
  "top_left",
] as const;
export type Slot = (typeof SLOTS)[number];

/** Neighbour bits of a blob mask, in slot order: 1 top, 2 top-right, 4 right … 128 top-left. */
export const SLOT_BIT: Readonly<Record<Slot, number>> = {
  top: 1,
  top_right: 2,
  right: 4,
  bottom_right: 8,
  bottom: 16,
  bottom_left: 32,
  left: 64,
  top_left: 128,
};

export interface TileDef {
  /** local tile id = position in the sheet, row-major */
  id: number;
  col: number;
  row: number;
  /** the terrain of the cell itself (blob47) or the majority of its corners (corner16) */
  center: Label;
  /** label per slot; corner16 tiles leave the edge slots undefined (corners only) */
  slots: Partial<Record<Slot, Label>>;
  /** corner16: bits 1 top-left, 2 top-right, 4 bottom-right, 8 bottom-left set where terrain 1 is */
  cornerIndex?: number;
  /** blob47: the 8-neighbour mask with corners counted only when both edges beside them are set */
  blobMask?: number;
  /** false for the one tile a Tiled mixed set cannot tell apart from the plain base tile */
  inTiled: boolean;
  /** 3×3 lattice [tl, t, tr, l, c, r, bl, b, br] of terrain-1 weight that the renderer draws */
  lattice: number[];
}

export interface LayoutDef {
  layout: TilesetLayout;
  columns: number;
  rows: number;
  tiles: TileDef[];
}

/** Drops corner bits whose two neighbouring edges are not both set (they look the same). */
export function normalizeBlobMask(mask: number): number {
  let m = mask & 0x55; // the four edges
  const corner = (c: number, a: number, b: number) => {
    if (mask & c && mask & a && mask & b) m |= c;
  };
  corner(2, 1, 4);
  corner(8, 4, 16);
  corner(32, 16, 64);
  corner(128, 64, 1);
  return m;
}

/** The 47 distinct blob masks in ascending order. */
export function blobMasks(): number[] {
  const out: number[] = [];
  for (let m = 0; m < 256; m++) if (normalizeBlobMask(m) === m) out.push(m);
  return out;
}

function cornerTile(id: number, columns: number): TileDef {
  const tl = (id & 1 ? 1 : 0) as Label;
  const tr = (id & 2 ? 1 : 0) as Label;
  const br = (id & 4 ? 1 : 0) as Label;
  const bl = (id & 8 ? 1 : 0) as Label;
  const sum = tl + tr + br + bl;
  return {
    id,
    col: id % columns,
    row: Math.floor(id / columns),
    center: sum > 2 ? 1 : 0,
    slots: { top_right: tr, bottom_right: br, bottom_left: bl, top_left: tl },
    cornerIndex: id,
    inTiled: true,
    // edge midpoints and the centre sit between their corners, so a boundary crosses an edge at
    // its middle and meets the neighbour's boundary there
    lattice: [tl, (tl + tr) / 2, tr, (tl + bl) / 2, sum / 4, (tr + br) / 2, bl, (bl + br) / 2, br],
  };
}

function blobTile(id: number, columns: number, mask: number | "base"): TileDef {
  const bit = (b: number): Label => (mask !== "base" && mask & b ? 1 : 0);
  const slots = Object.fromEntries(SLOTS.map((s) => [s, bit(SLOT_BIT[s])])) as Record<Slot, Label>;
  const center: Label = mask === "base" ? 0 : 1;
  return {
    id,
    col: id % columns,
    row: Math.floor(id / columns),
    center,
    slots,
    blobMask: mask === "base" ? undefined : mask,
    // the isolated island (mask 0) has all eight slots on terrain 0, exactly like the base tile;
    // Tiled has no centre slot to tell them apart, so only Godot and rules.json list it
    inTiled: mask !== 0,
    lattice: [
      slots.top_left,
      slots.top,
      slots.top_right,
      slots.left,
      center,
      slots.right,
      slots.bottom_left,
      slots.bottom,
      slots.bottom_right,
    ],
  };
}

export function layoutDef(layout: TilesetLayout): LayoutDef {
  if (layout === "corner16") {
    const columns = 4;
    return {
      layout,
      columns,
      rows: 4,
      tiles: Array.from({ length: 16 }, (_, i) => cornerTile(i, columns)),
    };
  }
  // 47 blob tiles plus the plain base tile fill an 8×6 sheet exactly
  const columns = 8;
  const tiles = blobMasks().map((m, i) => blobTile(i, columns, m));
  tiles.push(blobTile(tiles.length, columns, "base"));
  return { layout, columns, rows: 6, tiles };
}

/** Index from a corner grid cell: which tile draws a cell whose corners carry these labels. */
export function cornerIndexOf(tl: Label, tr: Label, br: Label, bl: Label): number {
  return tl | (tr << 1) | (br << 2) | (bl << 3);
}
