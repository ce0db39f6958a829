import { XMLParser } from "fast-xml-parser";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { parseGodotResource } from "@/test/helpers/godot-text-resource";
import type { RgbaImage } from "../types";
import {
  autotileBlob,
  autotileCorners,
  blobMasks,
  buildTileset,
  composeMap,
  fileInfo,
  layoutDef,
  randomLabels,
  renderLatticeMap,
  sampleIds,
  sampleMap,
  sampleTmj,
  type TerrainName,
  type TileSize,
  type TilesetLayout,
  tilesetFiles,
} from ".";

const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "",
  parseAttributeValue: true,
  isArray: (n) => n === "wangtile" || n === "wangcolor",
});

function sameImage(a: RgbaImage, b: RgbaImage): { equal: boolean; firstDiff?: number } {
  if (a.width !== b.width || a.height !== b.height) return { equal: false, firstDiff: -1 };
  for (let i = 0; i < a.data.length; i++)
    if (a.data[i] !== b.data[i]) return { equal: false, firstDiff: i / 4 };
  return { equal: true };
}

interface WangTile {
  tileid: number;
  wangid: number[];
}

// biome-ignore lint/suspicious/noExplicitAny: parsed XML is checked field by field below
function parsedWangTiles(tsx: string): { type: string; tiles: WangTile[]; doc: any } {
  const doc = xml.parse(tsx);
  const set = doc.tileset.wangsets.wangset;
  return {
    type: set.type,
    doc,
    tiles: set.wangtile.map((t: { tileid: number; wangid: string }) => ({
      tileid: t.tileid,
      wangid: String(t.wangid).split(",").map(Number),
    })),
  };
}

// wangid slots: 0 top, 1 top-right, 2 right, 3 bottom-right, 4 bottom, 5 bottom-left, 6 left, 7 top-left
const RIGHT_SIDE = [1, 2, 3];
const LEFT_SIDE = [7, 6, 5];
const BOTTOM_SIDE = [5, 4, 3];
const TOP_SIDE = [7, 0, 1];
const sideOf = (w: number[], slots: number[]) => slots.map((s) => w[s]).join(",");

const CASES: [TerrainName, TerrainName, TileSize, TilesetLayout][] = [
  ["grass", "dirt", 32, "blob47"],
  ["grass", "dirt", 16, "corner16"],
  ["water", "sand", 16, "blob47"],
  ["lava", "stone", 32, "corner16"],
  ["ice", "snow", 32, "blob47"],
];

describe("tileset layouts", () => {
  it("has the 47 blob masks and 16 corner tiles, each Tiled wangid used once", () => {
    expect(blobMasks()).toHaveLength(47);
    const blob = layoutDef("blob47");
    expect(blob.tiles).toHaveLength(48);
    expect(blob.tiles.filter((t) => t.blobMask !== undefined)).toHaveLength(47);
    expect(layoutDef("corner16").tiles).toHaveLength(16);
  });
});

describe.each(CASES)("%s ↔ %s at %i px, %s", (a, b, size, layout) => {
  const tileset = buildTileset({ terrains: [a, b], tileSize: size, layout, seed: 42 });
  const { def, ctx, sheet } = tileset;

  it("is deterministic per seed and varies with it", () => {
    const again = buildTileset({ terrains: [a, b], tileSize: size, layout, seed: 42 });
    const other = buildTileset({ terrains: [a, b], tileSize: size, layout, seed: 43 });
    expect(sameImage(sheet, again.sheet).equal).toBe(true);
    expect(sameImage(sheet, other.sheet).equal).toBe(false);
    expect(sheet.width).toBe(def.columns * size);
    expect(sheet.height).toBe(def.rows * size);
  });

  it("joins every pair the .tsx says matches, pixel by pixel, exactly as one continuous picture", async () => {
    const files = await tilesetFiles(tileset, "t.png");
    const { tiles } = parsedWangTiles(files.tsx);
    let checked = 0;
    for (const L of tiles) {
      for (const R of tiles) {
        const lt = def.tiles[L.tileid]!;
        const rt = def.tiles[R.tileid]!;
        for (const [horizontal, near, far] of [
          [true, RIGHT_SIDE, LEFT_SIDE],
          [false, BOTTOM_SIDE, TOP_SIDE],
        ] as const) {
          if (sideOf(L.wangid, near) !== sideOf(R.wangid, far)) continue;
          const ids = horizontal ? [[lt.id, rt.id]] : [[lt.id], [rt.id]];
          const tiled = composeMap(sheet, def, size, ids);
          const whole = renderLatticeMap(
            ctx,
            ids.map((row) => row.map((id) => def.tiles[id]!.lattice)),
          );
          const cmp = sameImage(tiled, whole);
          if (!cmp.equal) {
            throw new Error(
              `tiles ${lt.id} and ${rt.id} (${horizontal ? "side by side" : "stacked"}) differ from the continuous picture at pixel ${cmp.firstDiff}`,
            );
          }
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(layout === "blob47" ? 300 : 100);
  });

  it("shows a seam where sides do not match (the check above can fail)", () => {
    const plainA = def.tiles.find((t) => t.lattice.every((v) => v === 0))!;
    const plainB = def.tiles.find((t) => t.lattice.every((v) => v === 1))!;
    const ids = [[plainA.id, plainB.id]];
    const tiled = composeMap(sheet, def, size, ids);
    const whole = renderLatticeMap(ctx, [[plainA.lattice, plainB.lattice]]);
    expect(sameImage(tiled, whole).equal).toBe(false);
  });

  it("auto-tiles a random map into the same picture as drawing it in one piece", () => {
    const ids =
      layout === "corner16"
        ? autotileCorners(randomLabels(9, 11, 5))
        : autotileBlob(randomLabels(8, 10, 5), def);
    const lattices = ids.map((row) => row.map((id) => def.tiles[id]!.lattice));
    expect(
      sameImage(composeMap(sheet, def, size, ids), renderLatticeMap(ctx, lattices)).equal,
    ).toBe(true);
    const sample = sampleMap(sheet, def, size, 42);
    expect(new Set(sample.ids.flat()).size).toBeGreaterThan(4);
  });

  it("writes a Tiled .tsx with its Wang set", async () => {
    const files = await tilesetFiles(tileset, "grass.png");
    const { type, tiles, doc } = parsedWangTiles(files.tsx);
    const ts = doc.tileset;
    expect(ts).toMatchObject({
      tilewidth: size,
      tileheight: size,
      tilecount: def.tiles.length,
      columns: def.columns,
    });
    expect(ts.image).toMatchObject({
      source: "grass.png",
      width: sheet.width,
      height: sheet.height,
    });
    const meta = await sharp(files.sheetPng).metadata();
    expect([meta.width, meta.height]).toEqual([sheet.width, sheet.height]);
    const set = ts.wangsets.wangset;
    expect(type).toBe(layout === "corner16" ? "corner" : "mixed");
    expect(set.wangcolor.map((c: { name: string }) => c.name)).toEqual([a, b]);
    for (const c of set.wangcolor) expect(String(c.color)).toMatch(/^#[0-9a-f]{6}$/);
    expect(tiles).toHaveLength(layout === "corner16" ? 16 : 47);
    const seen = new Set<string>();
    for (const t of tiles) {
      expect(t.wangid).toHaveLength(8);
      for (const [i, v] of t.wangid.entries()) {
        if (layout === "corner16" && i % 2 === 0) expect(v).toBe(0);
        else expect([1, 2]).toContain(v);
      }
      seen.add(t.wangid.join());
      expect(t.tileid).toBeLessThan(def.tiles.length);
    }
    expect(seen.size).toBe(tiles.length);
  });

  it("writes a Godot 4 TileSet .tres with terrain peering bits", async () => {
    const files = await tilesetFiles(tileset, "grass.png");
    const res = parseGodotResource(files.tres);
    expect(res.descriptor.attrs.type).toBe("TileSet");
    expect(res.extResources[0]!.attrs).toMatchObject({
      type: "Texture2D",
      path: "res://grass.png",
    });
    const atlas = res.subResources[0]!;
    expect(atlas.attrs.type).toBe("TileSetAtlasSource");
    expect(atlas.props.get("texture_region_size")).toEqual({
      ctor: "Vector2i",
      args: [size, size],
    });
    const bits =
      layout === "corner16"
        ? ["top_left_corner", "top_right_corner", "bottom_right_corner", "bottom_left_corner"]
        : [
            "top_side",
            "top_right_corner",
            "right_side",
            "bottom_right_corner",
            "bottom_side",
            "bottom_left_corner",
            "left_side",
            "top_left_corner",
          ];
    const rules = files.rules;
    for (const t of rules.tiles) {
      const key = `${t.col}:${t.row}/0`;
      expect(atlas.props.get(key)).toBe(0);
      expect(atlas.props.get(`${key}/terrain_set`)).toBe(0);
      expect(atlas.props.get(`${key}/terrain`)).toBe(t.center);
      for (const bit of bits)
        expect([0, 1]).toContain(atlas.props.get(`${key}/terrains_peering_bit/${bit}`));
      if (layout === "corner16")
        expect(atlas.props.has(`${key}/terrains_peering_bit/top_side`)).toBe(false);
    }
    const r = res.resource.props;
    expect(r.get("tile_size")).toEqual({ ctor: "Vector2i", args: [size, size] });
    expect(r.get("terrain_set_0/mode")).toBe(layout === "corner16" ? 1 : 0);
    expect(r.get("terrain_set_0/terrain_0/name")).toBe(a);
    expect(r.get("terrain_set_0/terrain_1/name")).toBe(b);
    expect(r.get("sources/0")).toEqual({
      ctor: "SubResource",
      args: ["TileSetAtlasSource_terrain"],
    });
  });
});

describe("Tiled sample map (.tmj)", () => {
  for (const layout of ["corner16", "blob47"] as const) {
    it(`${layout}: gids are the sample map's tile ids + 1, the embedded tileset is the sheet`, () => {
      const t = buildTileset({ terrains: ["grass", "dirt"], tileSize: 16, layout, seed: 25 });
      const { ids } = sampleMap(t.sheet, t.def, 16, 25);
      const map = sampleTmj(fileInfo(t, "tileset_3.png"), ids);
      expect([map.orientation, map.width, map.height, map.tilewidth, map.infinite]).toEqual([
        "orthogonal",
        12,
        8,
        16,
        false,
      ]);
      expect(map.layers).toHaveLength(1);
      expect(map.layers[0]!.data).toEqual(ids.flat().map((id) => id + 1));
      expect(Math.min(...map.layers[0]!.data)).toBeGreaterThanOrEqual(1);
      expect(map.tilesets[0]).toMatchObject({
        firstgid: 1,
        image: "tileset_3.png",
        imagewidth: t.sheet.width,
        imageheight: t.sheet.height,
        columns: t.def.columns,
        tilecount: t.def.tiles.length,
      });
      expect(Math.max(...map.layers[0]!.data)).toBeLessThanOrEqual(t.def.tiles.length);
    });
  }
});

describe("godot text resource reader", () => {
  it("rejects what Godot would not load", () => {
    expect(() =>
      parseGodotResource('[gd_resource type="TileSet" format=2]\n\n[resource]\n'),
    ).toThrow(/format=3/);
    expect(() =>
      parseGodotResource(
        '[gd_resource type="TileSet" format=3]\n\n[resource]\nsources/0 = SubResource("x")\n',
      ),
    ).toThrow(/not declared/);
    expect(() =>
      parseGodotResource(
        '[gd_resource type="TileSet" format=3]\n[resource]\na = Vector2i(1.5, 2)\n',
      ),
    ).toThrow(/integers/);
    expect(() =>
      parseGodotResource('[gd_resource type="TileSet" load_steps=2 format=3]\n[resource]\na = 1\n'),
    ).toThrow(/load_steps/);
    expect(() =>
      parseGodotResource('[gd_resource type="TileSet" format=3]\n[resource]\na = "open\n'),
    ).toThrow();
  });
});

describe("the sample map", () => {
  it("mixes both terrains and shows many of the set's transitions, whatever the seed", () => {
    const def = layoutDef("blob47");
    const base = def.tiles.find((t) => t.blobMask === undefined)!.id;
    const full = def.tiles.find((t) => t.blobMask === 255)!.id;
    let transitionShare = 0;
    for (let seed = 1; seed <= 50; seed++) {
      const ids = sampleIds(def, seed).flat();
      const plain = ids.filter((id) => id === base).length;
      const transitions = ids.filter((id) => id !== base && id !== full).length;
      transitionShare += transitions / ids.length / 50;
      // never a field of one terrain (smoothed noise gave up to 99% plain base)
      expect(plain / ids.length, `seed ${seed}`).toBeLessThan(0.7);
      expect(transitions / ids.length, `seed ${seed}`).toBeGreaterThan(0.2);
      expect(new Set(ids).size, `seed ${seed}`).toBeGreaterThanOrEqual(12);
    }
    expect(transitionShare).toBeGreaterThan(0.33);
  });
});
