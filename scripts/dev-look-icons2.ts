// usage: npx tsx /tmp/look-icons2.ts out.png scale seeds "prompt1|prompt2|..."
import sharp from "sharp";
import { prepareSprite, renderSpriteGrid } from "@/lib/pixel/sprite/engine";

(async () => {
  const [file, sc, seedsS, list] = process.argv.slice(2);
  const S = Number(sc);
  const seeds = seedsS!.split(",").map(Number);
  const prompts = list!.split("|");
  const cells: {
    label: string;
    grid: { width: number; height: number; data: Uint8ClampedArray };
  }[] = [];
  for (const p0 of prompts)
    for (const seed0 of seeds) {
      // "prompt@7": that prompt at seed 7
      const at = /@(\d+)$/.exec(p0);
      const p = at ? p0.slice(0, at.index) : p0;
      const seed = at ? Number(at[1]) : seed0;
      const o = { prompt: p, seed, mode: "idle" as const, index: 0, count: 1, size: 32 };
      await prepareSprite(o);
      const r = renderSpriteGrid(o);
      console.log(`${seed}\t${p}\t${r.interpretation.summary}\t${r.interpretation.summary_zh}`);
      cells.push({ label: `${p} s${seed}`, grid: r.grid });
    }
  const cols = seeds.length === 1 ? Math.min(4, cells.length) : seeds.length;
  const cw = 32 * S + 8,
    ch = 32 * S + 22;
  const rows = Math.ceil(cells.length / cols);
  const W = cols * cw,
    H = rows * ch;
  const buf = Buffer.alloc(W * H * 4);
  for (let i = 0; i < W * H; i++) {
    buf[i * 4] = 38;
    buf[i * 4 + 1] = 36;
    buf[i * 4 + 2] = 48;
    buf[i * 4 + 3] = 255;
  }
  cells.forEach((c, n) => {
    const ox = (n % cols) * cw + 4,
      oy = Math.floor(n / cols) * ch + 18;
    const g = c.grid;
    const s = Math.floor((32 * S) / g.width);
    for (let y = 0; y < 32 * S; y++)
      for (let x = 0; x < 32 * S; x++) {
        const o = ((oy + y) * W + ox + x) * 4;
        const light = (Math.floor(x / S) + Math.floor(y / S)) % 2 === 0;
        buf[o] = light ? 70 : 58;
        buf[o + 1] = light ? 68 : 56;
        buf[o + 2] = light ? 84 : 72;
        const gx = Math.floor(x / s),
          gy = Math.floor(y / s);
        if (gx >= g.width || gy >= g.height) continue;
        const q = (gy * g.width + gx) * 4;
        if (g.data[q + 3]! < 128) continue;
        buf[o] = g.data[q]!;
        buf[o + 1] = g.data[q + 1]!;
        buf[o + 2] = g.data[q + 2]!;
      }
  });
  const esc = (t: string) =>
    t.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/'/g, "&apos;");
  const texts = cells
    .map(
      (c, n) =>
        `<text x="${(n % cols) * cw + 6}" y="${Math.floor(n / cols) * ch + 13}" font-family="DejaVu Sans" font-size="12" fill="#f0f0f4">${esc(c.label)}</text>`,
    )
    .join("");
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}">${texts}</svg>`;
  await sharp(buf, { raw: { width: W, height: H, channels: 4 } })
    .composite([{ input: Buffer.from(svg), top: 0, left: 0 }])
    .png()
    .toFile(file!);
})();
