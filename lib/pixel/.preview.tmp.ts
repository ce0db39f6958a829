import { renderSpriteGrid } from "@/lib/pixel/sprite/engine";
import { encodeGridPng } from "@/lib/pixel/raster";
import { MODE_FRAME_COUNT } from "@/lib/pixel/types";
import fs from "node:fs";
import sharp from "sharp";
const jobs = process.argv.slice(2);
(async () => {
  const rows: Buffer[] = [];
  for (const j of jobs) {
    const [prompt, mode, seedS] = j.split("|");
    const count = (MODE_FRAME_COUNT as any)[mode!] ?? 4;
    const frames = [];
    for (let i = 0; i < count; i++) frames.push(renderSpriteGrid({ prompt: prompt!, seed: Number(seedS ?? 1), mode: mode as any, index: i, count }).grid);
    const S = frames[0]!.width;
    const W = S * 4;
    const sheet = { width: W + 3, height: S, data: new Uint8ClampedArray((W + 3) * S * 4) };
    frames.forEach((f, n) => {
      for (let y = 0; y < S; y++) for (let x = 0; x < S; x++) for (let c = 0; c < 4; c++) sheet.data[(y * (W + 3) + n * (S + 1) + x) * 4 + c] = f.data[(y * S + x) * 4 + c]!;
    });
    rows.push(await sharp(await encodeGridPng(sheet, Math.round(256 / S) * 1, "white")).toBuffer());
  }
  const metas = await Promise.all(rows.map((r) => sharp(r).metadata()));
  const W = Math.max(...metas.map((m) => m.width!));
  const H = metas.reduce((a, m) => a + m.height! + 8, 0);
  let y = 0;
  const comp = rows.map((r, i) => { const o = { input: r, top: y, left: 0 }; y += metas[i]!.height! + 8; return o; });
  await sharp({ create: { width: W, height: H, channels: 4, background: "#707080" } }).composite(comp).png().toFile("/tmp/prev/out.png");
})();
