// `npm run catalogue`: every subject of the offline engine's vocabulary (and a sample of
// compositions) on one contact sheet with captions, to look at as a game developer would.
// Writes out/catalogue.png (and out/catalogue-compositions.png); prints the time per sprite.
import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { prepareSprite, renderSpriteGrid } from "@/lib/pixel/sprite/engine";
import { SUBJECTS } from "@/lib/pixel/sprite/vocabulary";

const COMPOSITIONS = [
  "a green goblin archer",
  "a knight holding a torch",
  "a robot cat",
  "a skeleton king",
  "a haunted ghost",
  "a cute pink pig",
  "a mushroom tile for a platformer",
  "a golden crown",
  "a bow and arrow",
  "a red apple",
  "a wooden barrel",
  "a campfire",
  "a rusty iron sword",
  "an ice dragon",
  "a poison potion",
  "a magic staff",
  "a fire sword",
  "a haunted house",
  "a crystal shield",
  "an elf mage with a wand",
  "a dwarf blacksmith",
  "an orc warrior with an axe",
  "a vampire",
  "a mummy",
  "a demon",
  "a wizard holding an apple",
  "a blue slime",
  "a golden apple",
  "a grass platform",
  "a haunted tree",
  "a frozen chest",
  "a poison mushroom",
  "拿着火把的骑士",
  "绿色的哥布林弓箭手",
  "a lute",
  "an alchemist",
  "a dragn",
  "florp zibble",
  "a fire-breathing red dragon",
  "一只喷火的红龙",
  "a cat wearing a wizard hat",
  "a troll with a club",
  "a treasure chest full of gold",
  "a mimic chest with teeth",
  "a health potion",
  "a mana potion",
  "a spring pad",
  "a spike trap",
  "a question-mark block",
  "🐉",
  "a spiky pit",
  "a jerrycan",
];

interface Cell {
  label: string;
  sub: string;
  grid: { width: number; height: number; data: Uint8ClampedArray };
}

async function sheet(cells: Cell[], file: string, title: string) {
  const cols = 12;
  const S = 3;
  const cw = 112;
  const ch = 132;
  const rows = Math.ceil(cells.length / cols);
  const W = cols * cw;
  const H = rows * ch + 28;
  const buf = Buffer.alloc(W * H * 4);
  for (let i = 0; i < W * H; i++) {
    buf[i * 4] = 38;
    buf[i * 4 + 1] = 36;
    buf[i * 4 + 2] = 48;
    buf[i * 4 + 3] = 255;
  }
  cells.forEach((cell, n) => {
    const ox = (n % cols) * cw + Math.floor((cw - 32 * S) / 2);
    const oy = Math.floor(n / cols) * ch + 28 + 4;
    const g = cell.grid;
    const s = Math.max(1, Math.floor((32 * S) / g.width));
    for (let y = 0; y < 32 * S; y++)
      for (let x = 0; x < 32 * S; x++) {
        const o = ((oy + y) * W + ox + x) * 4;
        // checkerboard backdrop so transparency and outlines read
        const light = ((x >> 3) + (y >> 3)) % 2 === 0;
        buf[o] = light ? 70 : 58;
        buf[o + 1] = light ? 68 : 56;
        buf[o + 2] = light ? 84 : 72;
        const gx = Math.floor(x / s);
        const gy = Math.floor(y / s);
        if (gx >= g.width || gy >= g.height) continue;
        const q = (gy * g.width + gx) * 4;
        if (g.data[q + 3]! < 128) continue;
        buf[o] = g.data[q]!;
        buf[o + 1] = g.data[q + 1]!;
        buf[o + 2] = g.data[q + 2]!;
      }
  });
  const esc = (t: string) => t.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  const texts = cells
    .map((cell, n) => {
      const x = (n % cols) * cw + cw / 2;
      const y = Math.floor(n / cols) * ch + 28 + 32 * S + 18;
      return `<text x="${x}" y="${y}" text-anchor="middle" font-family="DejaVu Sans" font-size="11" fill="#f0f0f4">${esc(cell.label.slice(0, 20))}</text><text x="${x}" y="${y + 13}" text-anchor="middle" font-family="DejaVu Sans" font-size="9" fill="#a8a8c0">${esc(cell.sub.slice(0, 24))}</text>`;
    })
    .join("");
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}"><text x="8" y="19" font-family="DejaVu Sans" font-size="14" fill="#ffffff">${esc(title)}</text>${texts}</svg>`;
  await sharp(buf, { raw: { width: W, height: H, channels: 4 } })
    .composite([{ input: Buffer.from(svg), top: 0, left: 0 }])
    .png()
    .toFile(file);
}

async function main() {
  const outDir = path.join(process.cwd(), "out");
  fs.mkdirSync(outDir, { recursive: true });
  const seed = Number(process.env.SEED ?? 1);
  const prompts = SUBJECTS.map((s) => ({ prompt: s.en[0] ?? s.weak[0]!, id: s.id }));
  const size = process.env.SIZE ? Number(process.env.SIZE) : undefined;
  const opts = (prompt: string) => ({
    prompt,
    seed,
    mode: "idle" as const,
    index: 0,
    count: 2,
    size,
  });
  // first pass loads borrowed icons (the one-off cost of a fresh process), second pass is timed
  const t0 = performance.now();
  for (const p of prompts) await prepareSprite(opts(p.prompt));
  const tLoad = performance.now() - t0;
  const cells: Cell[] = [];
  const t1 = performance.now();
  for (const p of prompts) {
    const r = renderSpriteGrid(opts(p.prompt));
    const it = r.interpretation;
    const wrong = it.subject !== p.id ? ` ≠${it.subject}` : "";
    cells.push({ label: p.prompt, sub: `${it.builder}${wrong}`, grid: r.grid });
  }
  const tDraw = performance.now() - t1;
  const name = size ? `catalogue-${size}.png` : "catalogue.png";
  await sheet(
    cells,
    path.join(outDir, name),
    `Pixel Studio offline engine: ${prompts.length} subjects, seed ${seed}${size ? `, ${size} px` : ""}`,
  );
  const comp: Cell[] = [];
  for (const prompt of COMPOSITIONS) {
    await prepareSprite(opts(prompt));
    const r = renderSpriteGrid(opts(prompt));
    comp.push({
      label: prompt,
      sub: r.interpretation.summary.replace(/^Drawn as: /, ""),
      grid: r.grid,
    });
  }
  await sheet(
    comp,
    path.join(outDir, "catalogue-compositions.png"),
    "Compositions, modifiers and bad input",
  );
  console.log(
    `${prompts.length} subjects: first load ${tLoad.toFixed(0)} ms (icons rendered once per process), draw ${(tDraw / prompts.length).toFixed(2)} ms/sprite`,
  );
  for (const c of comp) console.log(`${c.label} → ${c.sub}`);
  console.log(
    `wrote ${path.join("out", name)} and ${path.join("out", "catalogue-compositions.png")}`,
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
