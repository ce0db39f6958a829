import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { frameInstruction } from "@/lib/generation/sprite-modes";
import { checkSpriteFrames } from "@/test/helpers/godot-sprite-frames";
import { animationLayout, frameSpec } from "./animation-layout";
import { buildSheetFromGrids, godotSpriteFrames, sliceManifest } from "./exports";
import { renderSpriteGrid } from "./sprite/engine";
import {
  DIRECTIONS8,
  MODE_FRAME_COUNT,
  type RgbaImage,
  SEED_SPRITE_MODES,
  SPRITE_MODES,
  type SpriteMode,
} from "./types";

const grids = (prompt: string, mode: SpriteMode) =>
  Array.from(
    { length: MODE_FRAME_COUNT[mode as keyof typeof MODE_FRAME_COUNT] },
    (_, index) => renderSpriteGrid({ prompt, seed: 3, mode, index, count: 16 }).grid,
  );

function bbox(g: RgbaImage) {
  let x0 = g.width;
  let y0 = g.height;
  let x1 = -1;
  let y1 = -1;
  for (let y = 0; y < g.height; y++)
    for (let x = 0; x < g.width; x++)
      if (g.data[(y * g.width + x) * 4 + 3]! > 0) {
        x0 = Math.min(x0, x);
        x1 = Math.max(x1, x);
        y0 = Math.min(y0, y);
        y1 = Math.max(y1, y);
      }
  return { x0, y0, x1, y1, w: x1 - x0 + 1, h: y1 - y0 + 1 };
}

const same = (a: RgbaImage, b: RgbaImage) => Buffer.from(a.data).equals(Buffer.from(b.data));

describe("sprite mode vocabulary", () => {
  it("keeps the QT Pixel API's modes and counts, and adds the extensions after them", () => {
    expect(SPRITE_MODES.slice(0, 6)).toEqual([...SEED_SPRITE_MODES]);
    expect(SEED_SPRITE_MODES).toEqual([
      "walk",
      "idle",
      "attack",
      "directions",
      "variations",
      "random",
    ]);
    expect(MODE_FRAME_COUNT).toMatchObject({ walk: 4, idle: 2, attack: 3, directions: 4 });
    expect(MODE_FRAME_COUNT).toMatchObject({
      directions8: 8,
      run: 6,
      jump: 4,
      hurt: 2,
      death: 4,
      cast: 4,
      walk4: 16,
    });
  });

  it("names directions and walk4 rows the way engines tag them", () => {
    expect([0, 1, 2, 3].map((i) => frameSpec("directions", i).name)).toEqual([
      "down",
      "up",
      "left",
      "right",
    ]);
    expect(Array.from({ length: 8 }, (_, i) => frameSpec("directions8", i).name)).toEqual([
      "down",
      "down_left",
      "left",
      "up_left",
      "up",
      "up_right",
      "right",
      "down_right",
    ]);
    const walk4 = animationLayout(
      "walk4",
      Array.from({ length: 16 }, (_, i) => i),
    );
    expect([walk4.columns, walk4.rows]).toEqual([4, 4]);
    expect(walk4.tags.map((t) => [t.name, t.from, t.to])).toEqual([
      ["walk_down", 0, 3],
      ["walk_left", 4, 7],
      ["walk_right", 8, 11],
      ["walk_up", 12, 15],
    ]);
    expect(walk4.frames[6]).toMatchObject({ name: "walk_left_3", col: 2, row: 1 });
    // a missing frame closes up without breaking a tag
    const gap = animationLayout("walk", [0, 1, 3]);
    expect(gap.tags).toEqual([{ name: "walk", from: 0, to: 2, loop: true }]);
    expect(animationLayout("death", [0, 1, 2, 3]).tags[0]!.loop).toBe(false);
  });
});

describe("remote models", () => {
  it("get a distinct per-frame instruction for every frame of every fixed mode", () => {
    for (const [mode, n] of Object.entries(MODE_FRAME_COUNT)) {
      const texts = Array.from({ length: n }, (_, i) => frameInstruction(mode as SpriteMode, i));
      for (const t of texts) expect(t, mode).toMatch(/pixel art game sprite/);
      expect(new Set(texts).size, mode).toBe(n);
    }
    expect(frameInstruction("walk4", 12)).toContain("facing away (north)");
    expect(frameInstruction("directions8", 7)).toContain("down-right");
  });
});

describe("extension poses", () => {
  it("8 directions: eight distinct frames; left/right profiles mirror each other", () => {
    const g = grids("a blue mage", "directions8");
    for (let i = 0; i < 8; i++)
      for (let j = i + 1; j < 8; j++) expect(same(g[i]!, g[j]!)).toBe(false);
    const left = g[DIRECTIONS8.indexOf("left")]!;
    const right = g[DIRECTIONS8.indexOf("right")]!;
    const w = left.width;
    let mirrored = 0;
    let opaque = 0;
    for (let y = 0; y < left.height; y++)
      for (let x = 0; x < w; x++) {
        const a = left.data[(y * w + x) * 4 + 3]!;
        if (a) opaque++;
        if (a && right.data[(y * w + (w - 1 - x)) * 4 + 3]!) mirrored++;
      }
    expect(mirrored / opaque).toBeGreaterThan(0.95);
  });

  it("jump rises above the crouch; death ends lower and wider than it starts; hurt flashes", () => {
    const jump = grids("a red knight", "jump").map(bbox);
    expect(jump[2]!.y0).toBeLessThan(jump[0]!.y0);
    expect(jump[0]!.y1).toBe(jump[3]!.y1); // crouch and landing stand on the same ground line
    const death = grids("a red knight", "death").map(bbox);
    expect(death[3]!.h).toBeLessThan(death[0]!.h);
    expect(death[3]!.w).toBeGreaterThan(death[3]!.h);
    const hurt = grids("a red knight", "hurt");
    // the flash frame is mostly one light colour; the stagger frame is shaded as usual
    const topShare = (g: RgbaImage) => {
      const n = new Map<number, number>();
      let all = 0;
      for (const v of new Uint32Array(g.data.buffer))
        if (v >>> 24) {
          all++;
          n.set(v, (n.get(v) ?? 0) + 1);
        }
      return Math.max(...n.values()) / all;
    };
    expect(topShare(hurt[0]!)).toBeGreaterThan(0.6);
    expect(topShare(hurt[1]!)).toBeLessThan(0.5);
    const run = grids("a red knight", "run");
    expect(new Set(run.map((g) => Buffer.from(g.data).toString("base64"))).size).toBe(6);
    const cast = grids("a red knight", "cast");
    expect(same(cast[1]!, cast[2]!)).toBe(false);
  });
});

describe("engine exports", () => {
  it("walk4 sheet: 4×4 grid, index-keyed Aseprite frames, per-direction tags, Godot and slices", async () => {
    const g = grids("a green ranger", "walk4");
    const { width: w, height: h } = g[0]!;
    const sheet = await buildSheetFromGrids(g, {
      scale: 3,
      background: "transparent",
      mode: "walk4",
      frameDurationMs: 125,
      imageName: "sheet.png",
    });
    const meta = await sharp(sheet.png).metadata();
    expect([meta.width, meta.height]).toEqual([4 * w * 3, 4 * h * 3]);
    expect(Object.keys(sheet.atlas.frames)).toEqual(
      Array.from({ length: 16 }, (_, i) => String(i)),
    );
    expect(sheet.atlas.frames["5"]!.frame).toEqual({ x: w * 3, y: h * 3, w: w * 3, h: h * 3 });
    expect(sheet.atlas.frames["5"]!.duration).toBe(125);
    expect(sheet.atlas.meta.frameTags.map((t) => t.name)).toEqual([
      "walk_down",
      "walk_left",
      "walk_right",
      "walk_up",
    ]);
    expect(sheet.atlas.animations.walk_up).toEqual(["12", "13", "14", "15"]);
    expect(sheet.namedAtlas.animations.walk_up).toEqual([
      "walk_up_1",
      "walk_up_2",
      "walk_up_3",
      "walk_up_4",
    ]);
    expect(sheet.namedAtlas.frames.walk_up_1!.frame).toEqual(sheet.atlas.frames["12"]!.frame);

    const tres = checkSpriteFrames(godotSpriteFrames(sheet));
    expect(tres.texturePath).toBe("sheet.png");
    expect(tres.animations.map((a) => [a.name, a.loop, a.speed, a.regions.length])).toEqual([
      ["walk_down", true, 8, 4],
      ["walk_left", true, 8, 4],
      ["walk_right", true, 8, 4],
      ["walk_up", true, 8, 4],
    ]);
    expect(tres.animations[1]!.regions[2]).toEqual([2 * w * 3, h * 3, w * 3, h * 3]);

    const slices = sliceManifest(sheet);
    expect(slices.cell).toEqual({ w: w * 3, h: h * 3 });
    const f = slices.frames[12]!;
    expect(f).toMatchObject({ name: "walk_up_1", tag: "walk_up", facing: "up", batch_index: 13 });
    expect(f.rect).toEqual({ x: 0, y: 3 * h * 3, w: w * 3, h: h * 3 });
    expect(f.unity_rect).toEqual({ x: 0, y: 0, w: w * 3, h: h * 3 }); // bottom row, bottom-left origin
  });

  it("1× sheet is the logical grid itself; Godot durations follow per-frame timing", async () => {
    const g = grids("a red knight", "attack");
    const sheet = await buildSheetFromGrids(g, {
      scale: 1,
      background: "transparent",
      mode: "attack",
    });
    const { data, info } = await sharp(sheet.png)
      .ensureAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    expect([info.width, info.height]).toEqual([g[0]!.width * 3, g[0]!.height]);
    for (let y = 0; y < info.height; y++)
      for (let x = 0; x < g[0]!.width; x++)
        expect(data.readUInt32LE((y * info.width + g[0]!.width + x) * 4)).toBe(
          Buffer.from(g[1]!.data.buffer).readUInt32LE((y * g[0]!.width + x) * 4),
        );
    const tres = checkSpriteFrames(godotSpriteFrames(sheet));
    // attack: 160, 90, 240 ms → speed 1000/90 fps, relative durations
    expect(tres.animations[0]!.loop).toBe(false);
    expect(tres.animations[0]!.speed).toBeCloseTo(11.111, 2);
    expect(tres.animations[0]!.durations).toEqual([1.778, 1, 2.667]);
  });

  it("the Godot checker rejects what Godot would not load", () => {
    const ok = `[gd_resource type="SpriteFrames" load_steps=3 format=3]

[ext_resource type="Texture2D" path="a.png" id="1"]

[sub_resource type="AtlasTexture" id="A"]
atlas = ExtResource("1")
region = Rect2(0, 0, 8, 8)

[resource]
animations = [{
"frames": [{
"duration": 1.0,
"texture": SubResource("A")
}],
"loop": true,
"name": &"default",
"speed": 5.0
}]
`;
    expect(checkSpriteFrames(ok).animations[0]!.name).toBe("default");
    expect(() => checkSpriteFrames(ok.replace("load_steps=3", "load_steps=2"))).toThrow(
      /load_steps/,
    );
    expect(() => checkSpriteFrames(ok.replace('SubResource("A")', 'SubResource("B")'))).toThrow(
      /not declared/,
    );
    expect(() => checkSpriteFrames(ok.replace("Rect2(0, 0, 8, 8)", "Rect2(0, 0, 8"))).toThrow();
    expect(() => checkSpriteFrames(ok.replace('"speed": 5.0', '"speed": 0'))).toThrow(/speed/);
  });
});
