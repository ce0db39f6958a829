// The files engines read a tileset from: Tiled's .tsx (with its Wang set), Godot 4's TileSet .tres
// (terrain set with peering bits) and a plain rules.json for anything else.
import { rgbToHex } from "../color";
import { type LayoutDef, SLOT_BIT, SLOTS, type Slot, type TileDef } from "./layouts";
import type { TerrainSpec } from "./terrains";

export interface TilesetFileInfo {
  /** name the sheet is saved under, referenced from the .tsx and the .tres */
  imageName: string;
  size: number;
  def: LayoutDef;
  terrains: [TerrainSpec, TerrainSpec];
}

const xmlAttr = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** Tiled wang colour per slot (1 = first terrain, 2 = second, 0 = unset). */
export function tiledWangId(tile: TileDef): number[] {
  return SLOTS.map((s) => {
    const v = tile.slots[s];
    return v === undefined ? 0 : v + 1;
  });
}

/** The tile that best shows a terrain: the plain one. */
function plainTile(def: LayoutDef, label: 0 | 1): number {
  const t = def.tiles.find((t) => {
    const values = SLOTS.map((s) => t.slots[s]).filter((v) => v !== undefined);
    return t.center === label && values.every((v) => v === label);
  });
  return t?.id ?? -1;
}

/**
 * Tiled TSX (TMX format reference, <wangset>: "type: corner, edge or mixed (since 1.5)";
 * <wangtile> wangid: comma-separated colour indexes "starting from 1, because 0 means unset … in
 * the following order: top, top right, right, bottom right, bottom, bottom left, left, top left").
 * corner16 is a corner set (edge slots 0); blob47 is a mixed set.
 */
export function tilesetTsx(info: TilesetFileInfo): string {
  const { def, size, terrains } = info;
  const name = `${terrains[0].name}-${terrains[1].name}`;
  const lines = [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<tileset version="1.10" tiledversion="1.10.2" name="${xmlAttr(name)}" tilewidth="${size}" tileheight="${size}" tilecount="${def.tiles.length}" columns="${def.columns}">`,
    ` <image source="${xmlAttr(info.imageName)}" width="${def.columns * size}" height="${def.rows * size}"/>`,
    ` <wangsets>`,
    `  <wangset name="${xmlAttr(`${terrains[0].name} ↔ ${terrains[1].name}`)}" type="${def.layout === "corner16" ? "corner" : "mixed"}" tile="${plainTile(def, 1)}">`,
  ];
  terrains.forEach((t, i) => {
    lines.push(
      `   <wangcolor name="${xmlAttr(t.name)}" color="${rgbToHex(t.ramp[2])}" tile="${plainTile(def, i as 0 | 1)}" probability="1"/>`,
    );
  });
  for (const tile of def.tiles) {
    if (!tile.inTiled) continue;
    lines.push(`   <wangtile tileid="${tile.id}" wangid="${tiledWangId(tile).join(",")}"/>`);
  }
  lines.push(`  </wangset>`, ` </wangsets>`, `</tileset>`, "");
  return lines.join("\n");
}

// Godot 4 TileSet: CellNeighbor names as TileData serialises them ("terrains_peering_bit/…").
const GODOT_BIT: Readonly<Record<Slot, string>> = {
  top: "top_side",
  top_right: "top_right_corner",
  right: "right_side",
  bottom_right: "bottom_right_corner",
  bottom: "bottom_side",
  bottom_left: "bottom_left_corner",
  left: "left_side",
  top_left: "top_left_corner",
};

/** Godot peering bits of a tile: terrain index (0/1) per neighbour the layout's mode uses. */
export function godotPeeringBits(tile: TileDef): Record<string, number> {
  const out: Record<string, number> = {};
  for (const s of SLOTS) {
    const v = tile.slots[s];
    if (v !== undefined) out[GODOT_BIT[s]] = v;
  }
  return out;
}

const godotColor = ([r, g, b]: [number, number, number]) =>
  `Color(${[r, g, b].map((c) => Number((c / 255).toFixed(4))).join(", ")}, 1)`;

const godotString = (s: string) => `"${s.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;

/**
 * Godot 4 text resource (format=3) of a TileSet with one atlas source and one terrain set.
 * TileSet.TerrainMode: TERRAIN_MODE_MATCH_CORNERS_AND_SIDES = 0 (blob47),
 * TERRAIN_MODE_MATCH_CORNERS = 1 (corner16). Each tile: "<col>:<row>/0" creates it, then its
 * TileData properties terrain_set, terrain (the centre) and terrains_peering_bit/<neighbour>.
 */
export function tilesetTres(info: TilesetFileInfo): string {
  const { def, size, terrains } = info;
  const out = [
    `[gd_resource type="TileSet" load_steps=3 format=3]`,
    "",
    `[ext_resource type="Texture2D" path=${godotString(`res://${info.imageName}`)} id="1_sheet"]`,
    "",
    `[sub_resource type="TileSetAtlasSource" id="TileSetAtlasSource_terrain"]`,
    `texture = ExtResource("1_sheet")`,
    `texture_region_size = Vector2i(${size}, ${size})`,
  ];
  for (const tile of def.tiles) {
    const key = `${tile.col}:${tile.row}/0`;
    out.push(`${key} = 0`, `${key}/terrain_set = 0`, `${key}/terrain = ${tile.center}`);
    for (const [bit, v] of Object.entries(godotPeeringBits(tile))) {
      out.push(`${key}/terrains_peering_bit/${bit} = ${v}`);
    }
  }
  out.push(
    "",
    "[resource]",
    `tile_size = Vector2i(${size}, ${size})`,
    `terrain_set_0/mode = ${def.layout === "corner16" ? 1 : 0}`,
  );
  terrains.forEach((t, i) => {
    out.push(
      `terrain_set_0/terrain_${i}/name = ${godotString(t.name)}`,
      `terrain_set_0/terrain_${i}/color = ${godotColor(t.ramp[2])}`,
    );
  });
  out.push(`sources/0 = SubResource("TileSetAtlasSource_terrain")`, "");
  return out.join("\n");
}

/** Engine-neutral rules: where each tile is and which terrain sits at each of its corners/edges. */
export function tilesetRules(info: TilesetFileInfo) {
  const { def, size, terrains } = info;
  return {
    format: "pixel-studio/tileset-rules",
    version: 1,
    layout: def.layout,
    tile_size: size,
    columns: def.columns,
    rows: def.rows,
    image: info.imageName,
    terrains: terrains.map((t, i) => ({ index: i, name: t.name, color: rgbToHex(t.ramp[2]) })),
    slot_order: [...SLOTS],
    how_to_pick:
      def.layout === "corner16"
        ? "Label every map vertex with a terrain index; a cell's tile is corner_index = tl*1 + tr*2 + br*4 + bl*8 of its corners (1 where terrain 1 is). Tile id = corner_index."
        : "Label every cell with a terrain index. A terrain-0 cell uses the base tile. A terrain-1 cell sets bit 1 top, 2 top-right, 4 right, 8 bottom-right, 16 bottom, 32 bottom-left, 64 left, 128 top-left for each terrain-1 neighbour, clears each corner bit unless both edges beside it are set, and looks the result up in by_mask.",
    blob_bits: def.layout === "blob47" ? SLOT_BIT : undefined,
    by_mask:
      def.layout === "blob47"
        ? Object.fromEntries(
            def.tiles.filter((t) => t.blobMask !== undefined).map((t) => [t.blobMask, t.id]),
          )
        : undefined,
    base_tile: def.layout === "blob47" ? def.tiles.find((t) => t.blobMask === undefined)?.id : 0,
    tiles: def.tiles.map((t) => ({
      id: t.id,
      col: t.col,
      row: t.row,
      x: t.col * size,
      y: t.row * size,
      center: t.center,
      slots: t.slots,
      corner_index: t.cornerIndex,
      blob_mask: t.blobMask,
      tiled_wangid: t.inTiled ? tiledWangId(t) : null,
    })),
  };
}

/**
 * Tiled JSON map (docs/reference/json-map-format: map "orientation: orthogonal", "renderorder",
 * "tilesets: Array of Tilesets", tile layer "data: Array of unsigned int (GIDs)"; a tileset's
 * "firstgid: GID corresponding to the first tile in the set", "columns", "tilecount", "image",
 * "imagewidth"/"imageheight"). The tileset is embedded, not referenced by "source", because
 * Phaser's tilemapTiledJSON reads embedded tilesets only. gid = tile id + 1 (0 means empty).
 */
export function sampleTmj(info: TilesetFileInfo, ids: number[][]) {
  const { def, size, terrains } = info;
  const height = ids.length;
  const width = ids[0]?.length ?? 0;
  return {
    type: "map",
    version: "1.10",
    tiledversion: "1.10.2",
    orientation: "orthogonal",
    renderorder: "right-down",
    infinite: false,
    width,
    height,
    tilewidth: size,
    tileheight: size,
    compressionlevel: -1,
    nextlayerid: 2,
    nextobjectid: 1,
    layers: [
      {
        id: 1,
        name: "terrain",
        type: "tilelayer",
        x: 0,
        y: 0,
        width,
        height,
        opacity: 1,
        visible: true,
        data: ids.flat().map((id) => id + 1),
      },
    ],
    tilesets: [
      {
        firstgid: 1,
        name: `${terrains[0].name}-${terrains[1].name}`,
        image: info.imageName,
        imagewidth: def.columns * size,
        imageheight: def.rows * size,
        tilewidth: size,
        tileheight: size,
        columns: def.columns,
        tilecount: def.tiles.length,
        margin: 0,
        spacing: 0,
      },
    ],
  };
}
