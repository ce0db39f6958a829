// Terrain tileset and sound-effect benchmarks: a 47-tile blob set at 32 px against sharp encoding
// the same tiles, and offline SFX renders against their own playing time.
import sharp from "sharp";
import { generateSfx } from "@/lib/audio/sfx";
import { encodeGridPng, toSharp } from "@/lib/pixel/raster";
import { buildTileset } from "@/lib/pixel/tileset";
import { createImage } from "@/lib/pixel/types";
import { SFX_KINDS } from "@/lib/vocabulary";

const median = (xs: number[]) => xs.slice().sort((a, b) => a - b)[xs.length >> 1]!;
const round = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d;

async function timeIt(n: number, f: () => unknown): Promise<number> {
  await f(); // warm-up
  const t: number[] = [];
  for (let i = 0; i < n; i++) {
    const s = performance.now();
    await f();
    t.push(performance.now() - s);
  }
  return round(median(t));
}

export async function benchTilesSfx(): Promise<Record<string, unknown>> {
  const runs = 15;
  let seed = 1;
  const options = () => ({
    terrains: ["grass", "dirt"] as ["grass", "dirt"],
    tileSize: 32 as const,
    layout: "blob47" as const,
    seed: seed++,
  });
  // ours: draw every tile (textures, transition field, edge shading) and write the sheet PNG
  const blobMs = await timeIt(runs, async () => {
    const t = buildTileset(options());
    return encodeGridPng(t.sheet, 1, "transparent");
  });
  const drawOnlyMs = await timeIt(runs, () => buildTileset(options()));
  // the floor: sharp only encoding the finished pixels (the whole sheet, and tile by tile)
  const made = buildTileset(options());
  const sheetFloorMs = await timeIt(runs, () => toSharp(made.sheet).png().toBuffer());
  const tiles = made.def.tiles.map((tile) => {
    const img = createImage(32, 32);
    for (let y = 0; y < 32; y++) {
      const src = ((tile.row * 32 + y) * made.sheet.width + tile.col * 32) * 4;
      img.data.set(made.sheet.data.subarray(src, src + 32 * 4), y * 32 * 4);
    }
    return img;
  });
  const tilesFloorMs = await timeIt(runs, () =>
    Promise.all(
      tiles.map((img) =>
        sharp(Buffer.from(img.data.buffer, img.data.byteOffset, img.data.length), {
          raw: { width: 32, height: 32, channels: 4 },
        })
          .png()
          .toBuffer(),
      ),
    ),
  );

  const perKind: Record<string, { render_ms: number; sound_ms: number }> = {};
  for (const kind of SFX_KINDS) {
    let s = 1;
    const ms = await timeIt(runs, () => generateSfx(kind, s++));
    perKind[kind] = { render_ms: ms, sound_ms: generateSfx(kind, 1).durationMs };
  }
  const renders = Object.values(perKind);
  const renderTotal = renders.reduce((a, r) => a + r.render_ms, 0);
  const soundTotal = renders.reduce((a, r) => a + r.sound_ms, 0);
  return {
    blob47_32px_draw_and_png_ms: blobMs,
    blob47_32px_draw_only_ms: drawOnlyMs,
    sharp_png_same_sheet_ms: sheetFloorMs,
    sharp_png_same_48_tiles_ms: tilesFloorMs,
    blob_vs_sharp_sheet: round(blobMs / sheetFloorMs, 2),
    blob_vs_sharp_tiles: round(blobMs / tilesFloorMs, 2),
    sfx: perKind,
    sfx_median_render_ms: median(renders.map((r) => r.render_ms)),
    sfx_render_vs_playing_time: round(renderTotal / soundTotal, 3),
    goals: {
      tileset: "<= 100 ms and <= 10x sharp encoding the sheet",
      sfx: "render << playing time",
    },
  };
}

if (process.argv[1] && /bench[/\\]tiles-sfx\.ts$/.test(process.argv[1])) {
  benchTilesSfx().then((r) => console.log(JSON.stringify(r, null, 2)));
}
