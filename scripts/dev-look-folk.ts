// `npx tsx scripts/dev-look-folk.ts "anubis" "tengu" …`: each prompt at 4 seeds (and WALK=1: 4
// walk frames), big (S=6) for looking at animal heads, wisps and riders by eye → OUT (out/look.png).
import path from "node:path";
import sharp from "sharp";
import { prepareSprite, renderSpriteGrid } from "@/lib/pixel/sprite/engine";

async function main() {
  const out = process.env.OUT ?? "out/look.png";
  const size = process.env.SIZE ? Number(process.env.SIZE) : undefined;
  const S = Number(process.env.S ?? 5);
  const walk = process.env.WALK === "1";
  const grids: { width: number; height: number; data: Uint8ClampedArray }[] = [];
  const per = walk ? 8 : 4;
  for (const prompt of process.argv.slice(2)) {
    for (let seed = 1; seed <= 4; seed++) {
      const o = { prompt, seed, size, mode: "idle" as const, index: 0, count: 1 };
      await prepareSprite(o);
      const t0 = performance.now();
      const r = renderSpriteGrid(o);
      grids.push(r.grid);
      if (seed === 1)
        console.log(
          `${prompt} → ${r.interpretation.summary} | ${r.interpretation.summary_zh} (${(performance.now() - t0).toFixed(1)} ms)`,
        );
    }
    if (walk)
      for (let i = 0; i < 4; i++) {
        const o = { prompt, seed: 1, size, mode: "walk" as const, index: i, count: 4 };
        await prepareSprite(o);
        grids.push(renderSpriteGrid(o).grid);
      }
  }
  const cell = 32 * S + 8;
  const rows = Math.ceil(grids.length / per);
  const W = per * cell;
  const H = rows * cell;
  const buf = Buffer.alloc(W * H * 4);
  for (let y = 0; y < H; y++)
    for (let x = 0; x < W; x++) {
      const o = (y * W + x) * 4;
      const light = ((x >> 4) + (y >> 4)) % 2 === 0;
      buf[o] = light ? 200 : 180;
      buf[o + 1] = light ? 200 : 180;
      buf[o + 2] = light ? 210 : 190;
      buf[o + 3] = 255;
    }
  grids.forEach((g, n) => {
    const ox = (n % per) * cell + 4;
    const oy = Math.floor(n / per) * cell + 4;
    const s = (32 * S) / g.width;
    for (let y = 0; y < 32 * S; y++)
      for (let x = 0; x < 32 * S; x++) {
        const gx = Math.floor(x / s);
        const gy = Math.floor(y / s);
        const i = (gy * g.width + gx) * 4;
        const a = g.data[i + 3]! / 255;
        const o = ((oy + y) * W + ox + x) * 4;
        for (let ch = 0; ch < 3; ch++)
          buf[o + ch] = Math.round(buf[o + ch]! * (1 - a) + g.data[i + ch]! * a);
      }
  });
  await sharp(buf, { raw: { width: W, height: H, channels: 4 } })
    .png()
    .toFile(path.resolve(out));
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
