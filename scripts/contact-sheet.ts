// Contact sheets for looking at the offline engine's drawings by eye (catalogue, long tail).
import sharp from "sharp";

export interface Cell {
  label: string;
  sub: string;
  grid: { width: number; height: number; data: Uint8ClampedArray };
}

/** `scale`: pixels per sprite cell (a 32-cell sprite is 32 × scale wide); `cols`: cells a row. */
export async function sheet(
  cells: Cell[],
  file: string,
  title: string,
  { cols = 12, scale: S = 3 }: { cols?: number; scale?: number } = {},
) {
  const cw = 32 * S + 16;
  const ch = 32 * S + 36;
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
