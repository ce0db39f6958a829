// Throw-away (`npx tsx scripts/dev-silhouette-iou.ts [names…]`): how much of a game-icon
// silhouette survives the cut to logical cells. For each icon and cell count, the cell mask from
// silhouetteCells is compared with the icon drawn at 8× (alpha ≥ 50 %): IoU, and the share of
// the fine drawing's thin parts (ink within 1 cell of both sides' edges) that a drawn cell covers.
import fs from "node:fs";
import sharp from "sharp";
import { silhouetteCells } from "@/lib/pixel/sprite/game-icons";

const j = JSON.parse(fs.readFileSync("node_modules/@iconify-json/game-icons/icons.json", "utf8"));
const SS = 8;
async function render(name: string, cells: number) {
  const ic = j.icons[name];
  const w = ic.width ?? j.width ?? 512;
  const px = cells * SS;
  const mk = (vb: string) =>
    `<svg xmlns="http://www.w3.org/2000/svg" width="${px}" height="${px}" viewBox="${vb}">${ic.body.replaceAll("currentColor", "#000")}</svg>`;
  const raw = async (svg: string) =>
    (await sharp(Buffer.from(svg))
      .resize(px, px, { fit: "contain", background: { r: 0, g: 0, b: 0, alpha: 0 } })
      .ensureAlpha()
      .raw()
      .toBuffer()) as Buffer;
  let d = await raw(mk(`0 0 ${w} ${w}`));
  let x0 = px,
    y0 = px,
    x1 = -1,
    y1 = -1;
  for (let y = 0; y < px; y++)
    for (let x = 0; x < px; x++)
      if (d[(y * px + x) * 4 + 3]! > 16) {
        x0 = Math.min(x0, x);
        y0 = Math.min(y0, y);
        x1 = Math.max(x1, x);
        y1 = Math.max(y1, y);
      }
  const k = w / px;
  const side = Math.max(x1 - x0 + 1, y1 - y0 + 1) * k;
  const cx = ((x0 + x1 + 1) / 2) * k,
    cy = ((y0 + y1 + 1) / 2) * k;
  d = await raw(mk(`${cx - side / 2} ${cy - side / 2} ${side} ${side}`));
  const alpha = new Float32Array(px * px);
  for (let i = 0; i < px * px; i++) alpha[i] = d[i * 4 + 3]! / 255;
  // the engine samples at 4×: coverage per cell from the 8× render is the same measure
  const cov = new Float32Array(cells * cells);
  for (let c = 0; c < cells * cells; c++) {
    const gx = c % cells,
      gy = (c - gx) / cells;
    let a = 0;
    for (let sy = 0; sy < SS; sy++)
      for (let sx = 0; sx < SS; sx++) a += alpha[(gy * SS + sy) * px + gx * SS + sx]!;
    cov[c] = a / (SS * SS);
  }
  return { alpha, cov, px };
}
export async function measure(name: string, cells: number) {
  const { alpha, cov, px } = await render(name, cells);
  const r = silhouetteCells(cov, cells);
  let inter = 0,
    uni = 0,
    thin = 0,
    thinHit = 0;
  // thin ink: a fine pixel whose distance to empty is under half a cell both ways along x or y
  const ink = (x: number, y: number) =>
    x >= 0 && y >= 0 && x < px && y < px && alpha[y * px + x]! >= 0.5;
  const R = SS * 0.75;
  for (let y = 0; y < px; y++)
    for (let x = 0; x < px; x++) {
      const a = ink(x, y);
      const c = r.idx[Math.floor(y / SS) * cells + Math.floor(x / SS)]! >= 0;
      if (a && c) inter++;
      if (a || c) uni++;
      if (!a) continue;
      let h = 0;
      while (h < R && ink(x + h + 1, y)) h++;
      let hl = 0;
      while (hl < R && ink(x - hl - 1, y)) hl++;
      let v = 0;
      while (v < R && ink(x, y + v + 1)) v++;
      let vl = 0;
      while (vl < R && ink(x, y - vl - 1)) vl++;
      if (h + hl + 1 <= R || v + vl + 1 <= R) {
        thin++;
        if (c) thinHit++;
      }
    }
  return { iou: inter / Math.max(1, uni), thinKept: thin ? thinHit / thin : 1, thin };
}
/**
 * "tiny" (0.6) and "small" (0.78) on an icon: the cells shrunk after the cut (nearest sample, as
 * scale-words.ts paste did) against the icon cut at the smaller count, both against the fine ink.
 */
export async function shrinkVersusRecut(name: string, cells: number, f: number) {
  const small = Math.round(cells * f);
  const fine = await render(name, small);
  const big = silhouetteCells((await render(name, cells)).cov, cells);
  const shrunk = new Int16Array(small * small).fill(-1);
  for (let y = 0; y < small; y++)
    for (let x = 0; x < small; x++) {
      const sx = Math.min(cells - 1, Math.floor((x + 0.5) / f));
      const sy = Math.min(cells - 1, Math.floor((y + 0.5) / f));
      shrunk[y * small + x] = big.idx[sy * cells + sx]!;
    }
  const recut = silhouetteCells(fine.cov, small).idx;
  const iou = (idx: Int16Array) => {
    let inter = 0;
    let uni = 0;
    for (let y = 0; y < fine.px; y++)
      for (let x = 0; x < fine.px; x++) {
        const a = fine.alpha[y * fine.px + x]! >= 0.5;
        const c = idx[Math.floor(y / SS) * small + Math.floor(x / SS)]! >= 0;
        if (a && c) inter++;
        if (a || c) uni++;
      }
    return inter / Math.max(1, uni);
  };
  return { shrunk: iou(shrunk), recut: iou(recut) };
}

if (process.argv[1]?.endsWith("dev-silhouette-iou.ts") && process.env.SHRINK)
  (async () => {
    const voc = fs.readFileSync("lib/pixel/sprite/vocabulary.ts", "utf8");
    const names = [
      ...new Set([...voc.matchAll(/gi:([a-z0-9|-]+)/g)].flatMap((m) => m[1]!.split("|"))),
    ].filter((n) => j.icons[n]);
    for (const f of [0.6, 0.78]) {
      let a = 0;
      let b = 0;
      let better = 0;
      for (const n of names) {
        const m = await shrinkVersusRecut(n, 30, f);
        a += m.shrunk;
        b += m.recut;
        if (m.recut > m.shrunk) better++;
      }
      console.log(
        `shrink ${f} of 30 cells, ${names.length} icons: IoU shrunk ${(a / names.length).toFixed(3)}, cut small ${(b / names.length).toFixed(3)}; cut small better on ${better}`,
      );
    }
  })();
else if (process.argv[1]?.endsWith("dev-silhouette-iou.ts"))
  (async () => {
    const voc = fs.readFileSync("lib/pixel/sprite/vocabulary.ts", "utf8");
    const names =
      process.argv.length > 2
        ? process.argv.slice(2)
        : [
            ...new Set([...voc.matchAll(/gi:([a-z0-9|-]+)/g)].flatMap((m) => m[1]!.split("|"))),
          ].filter((n) => j.icons[n]);
    for (const cells of [10, 14, 18, 24, 30]) {
      let iou = 0,
        tk = 0,
        worst: [number, string][] = [];
      for (const n of names) {
        const m = await measure(n, cells);
        iou += m.iou;
        tk += m.thinKept;
        worst.push([m.thinKept, n]);
      }
      worst.sort((a, b) => a[0] - b[0]);
      console.log(
        `cells ${cells}: ${names.length} icons, mean IoU ${(iou / names.length).toFixed(3)}, thin ink kept ${(tk / names.length).toFixed(3)}; worst ${worst
          .slice(0, 4)
          .map(([v, n]) => `${n} ${v.toFixed(2)}`)
          .join(", ")}`,
      );
    }
  })();
