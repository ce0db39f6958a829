// Throw-away regression sheet: `node scripts/dev-regress-side.mjs changed.json <base-prefix> <new-prefix> <out-prefix> [per-sheet]`
// reads the JSON of scripts/dev-regress-dump.ts (four parts, <prefix>00..03.json) for two engines and puts
// each changed prompt base | new at seeds 1 and 3 side by side, with both "Drawn as" lines.
import fs from "node:fs";
import sharp from "sharp";

const [listFile, bPrefix, nPrefix, outPrefix, perArg] = process.argv.slice(2);
const load = (p) =>
  Object.assign(
    {},
    ...[0, 1, 2, 3].map((i) => JSON.parse(fs.readFileSync(`${p}0${i}.json`, "utf8"))),
  );
const B = load(bPrefix),
  N = load(nPrefix);
const list = JSON.parse(fs.readFileSync(listFile, "utf8"));
const per = Number(perArg ?? 60),
  cols = 6,
  _S = 2,
  cw = 282,
  ch = 112;
const short = (s) =>
  s
    .replace(/^Drawn as: /, "")
    .replace(/ · art: .*$/, "")
    .replace(/guessed: /, "g: ");
const esc = (t) => t.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
(async () => {
  for (let k = 0; k * per < list.length; k++) {
    const items = list.slice(k * per, (k + 1) * per);
    const rows = Math.ceil(items.length / cols),
      W = cols * cw,
      H = rows * ch;
    const buf = Buffer.alloc(W * H * 4);
    for (let i = 0; i < W * H; i++) {
      buf[i * 4] = 30;
      buf[i * 4 + 1] = 28;
      buf[i * 4 + 2] = 40;
      buf[i * 4 + 3] = 255;
    }
    const texts = [];
    items.forEach((p, n) => {
      const cx = (n % cols) * cw,
        cy = Math.floor(n / cols) * ch;
      const imgs = [B[`1\t${p}`], N[`1\t${p}`], B[`3\t${p}`], N[`3\t${p}`]];
      imgs.forEach((r, j) => {
        const ox = cx + 4 + j * 68 + (j >= 2 ? 6 : 0),
          oy = cy + 16;
        const g = Buffer.from(r.px, "base64"),
          gw = r.w ?? 32,
          s = Math.max(1, Math.floor(64 / gw));
        for (let y = 0; y < 64; y++)
          for (let x = 0; x < 64; x++) {
            const o = ((oy + y) * W + ox + x) * 4;
            const light = ((x >> 3) + (y >> 3)) % 2 === 0;
            buf[o] = light ? 70 : 58;
            buf[o + 1] = light ? 68 : 56;
            buf[o + 2] = light ? 84 : 72;
            const gx = Math.floor(x / s),
              gy = Math.floor(y / s);
            if (gx >= gw || gy >= gw) continue;
            const q = (gy * gw + gx) * 4;
            if (g[q + 3] < 128) continue;
            buf[o] = g[q];
            buf[o + 1] = g[q + 1];
            buf[o + 2] = g[q + 2];
          }
      });
      const idx = k * per + n;
      texts.push(
        `<text x="${cx + 4}" y="${cy + 12}" font-family="DejaVu Sans" font-size="11" fill="#fff">${idx} ${esc(p.slice(0, 40))}</text>`,
      );
      const bl = short(B[`1\t${p}`].en),
        nl = short(N[`1\t${p}`].en);
      texts.push(
        `<text x="${cx + 4}" y="${cy + 92}" font-family="DejaVu Sans" font-size="8.5" fill="#a8a8c0">B ${esc(bl.slice(0, 58))}</text>`,
      );
      texts.push(
        `<text x="${cx + 4}" y="${cy + 103}" font-family="DejaVu Sans" font-size="8.5" fill="${bl === nl ? "#a8a8c0" : "#ffd070"}">N ${esc(nl.slice(0, 58))}</text>`,
      );
    });
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}">${texts.join("")}</svg>`;
    await sharp(buf, { raw: { width: W, height: H, channels: 4 } })
      .composite([{ input: Buffer.from(svg), top: 0, left: 0 }])
      .png()
      .toFile(`${outPrefix}${String(k).padStart(2, "0")}.png`);
  }
})();
