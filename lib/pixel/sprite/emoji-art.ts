// Borrowed illustrated concepts for the long tail of objects (food, props, treasure, buildings,
// vehicles …), restyled so they belong to the same game as the procedural rigs:
//   SVG (Fluent Emoji Flat, MIT, or Noto Emoji, Apache-2.0) → sharp renders it at 4× the logical
//   grid → each cell takes its dominant colour and a majority alpha (no anti-aliasing or
//   gradients survive) → colours cluster into a handful of materials, each with our shading ramp
//   → the sprite canvas adds our top-left light and the 1-px outline.
// Icon JSON is parsed once per process and set; rendered rasters are cached per icon and size.
import fs from "node:fs";
import sharp from "sharp";
import { rgbToOklab } from "../color";
import { kmeansPalette } from "../quantize";
import type { Rgb } from "../types";
import { packageFile } from "./emoji-index";
import { silhouetteCells } from "./game-icons";

export type IconSet = "fluent-emoji-flat" | "noto" | "game-icons";

export const ICON_SETS: Record<
  IconSet,
  { pkg: string; name: string; license: string; author: string; url: string }
> = {
  "fluent-emoji-flat": {
    pkg: "@iconify-json/fluent-emoji-flat",
    name: "Fluent Emoji Flat",
    license: "MIT",
    author: "Microsoft Corporation",
    url: "https://github.com/microsoft/fluentui-emoji",
  },
  noto: {
    pkg: "@iconify-json/noto",
    name: "Noto Emoji",
    license: "Apache-2.0",
    author: "Google Inc",
    url: "https://github.com/googlefonts/noto-emoji",
  },
  "game-icons": {
    pkg: "@iconify-json/game-icons",
    name: "game-icons.net",
    license: "CC BY 3.0",
    author: "Lorc, Delapouite and contributors",
    url: "https://game-icons.net",
  },
};

interface IconJson {
  width?: number;
  height?: number;
  icons: Record<
    string,
    { body: string; width?: number; height?: number; left?: number; top?: number }
  >;
  aliases?: Record<string, { parent: string }>;
}

const sets = new Map<IconSet, IconJson>();

function iconJson(set: IconSet): IconJson {
  let j = sets.get(set);
  if (!j) {
    j = JSON.parse(
      fs.readFileSync(packageFile(ICON_SETS[set].pkg, "icons.json"), "utf8"),
    ) as IconJson;
    sets.set(set, j);
  }
  return j;
}

const nameLists = new Map<IconSet, string[]>();

/**
 * Every icon name of a set (the long-tail search of game-icons). Read from the raw file with a
 * pattern, not JSON.parse: a prompt that only searches names should not pay for 6 MB of paths.
 */
export function iconNames(set: IconSet): string[] {
  let list = nameLists.get(set);
  if (!list) {
    const raw = fs.readFileSync(packageFile(ICON_SETS[set].pkg, "icons.json"), "utf8");
    list = [...raw.matchAll(/"([a-z0-9-]+)":\{"body"/g)].map((m) => m[1]!);
    nameLists.set(set, list);
  }
  return list;
}

export function hasIcon(set: IconSet, name: string): boolean {
  const j = iconJson(set);
  return !!(j.icons[name] ?? (j.aliases?.[name] && j.icons[j.aliases[name]!.parent]));
}

function iconSvg(set: IconSet, name: string, px: number): string | undefined {
  const j = iconJson(set);
  const icon = j.icons[name] ?? (j.aliases?.[name] ? j.icons[j.aliases[name]!.parent] : undefined);
  if (!icon) return undefined;
  const w = icon.width ?? j.width ?? 16;
  const h = icon.height ?? j.height ?? 16;
  const l = icon.left ?? 0;
  const t = icon.top ?? 0;
  return `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${px}" height="${px}" viewBox="${l} ${t} ${w} ${h}">${icon.body}</svg>`;
}

/** An icon on the logical grid: cluster index per cell (−1 = empty) and the cluster colours. */
export interface IconRaster {
  w: number;
  h: number;
  idx: Int16Array;
  /** −1 darker than its cluster, +1 lighter, 0 on it (the source's own shading, kept as tones) */
  shade: Int8Array;
  colors: Rgb[];
  /** how many cells each cluster covers */
  counts: number[];
  /** a one-colour silhouette (game-icons): idx holds MONO regions, colours come from materials */
  mono?: boolean;
}

const SS = 4;
const cache = new Map<string, IconRaster | null>();
const pending = new Map<string, Promise<IconRaster | null>>();

function key(set: IconSet, name: string, cells: number) {
  return `${set}:${name}:${cells}`;
}

export function cachedIcon(
  set: IconSet,
  name: string,
  cells: number,
): IconRaster | null | undefined {
  return cache.get(key(set, name, cells));
}

/** Renders (once) and caches an icon at `cells`×`cells` logical pixels. */
export function loadIcon(set: IconSet, name: string, cells: number): Promise<IconRaster | null> {
  const k = key(set, name, cells);
  const hit = cache.get(k);
  if (hit !== undefined) return Promise.resolve(hit);
  let p = pending.get(k);
  if (!p) {
    p = rasterize(set, name, cells).then((r) => {
      cache.set(k, r);
      pending.delete(k);
      if (cache.size > 4000) cache.clear();
      return r;
    });
    pending.set(k, p);
  }
  return p;
}

/**
 * game-icons silhouettes carry a margin: render again with the viewBox cut to the drawn box
 * (square, centred) so the silhouette fills the sprite's cells.
 */
async function cropPadding(svg: string, data: Buffer, px: number): Promise<Buffer> {
  let x0 = px;
  let y0 = px;
  let x1 = -1;
  let y1 = -1;
  for (let y = 0; y < px; y++)
    for (let x = 0; x < px; x++)
      if (data[(y * px + x) * 4 + 3]! > 16) {
        x0 = Math.min(x0, x);
        y0 = Math.min(y0, y);
        x1 = Math.max(x1, x);
        y1 = Math.max(y1, y);
      }
  if (x1 < 0) return data;
  const vb = /viewBox="([\d.\s-]+)"/.exec(svg);
  if (!vb) return data;
  const [l, t, w] = vb[1]!.split(/\s+/).map(Number) as [number, number, number];
  const k = w / px;
  const side = Math.max(x1 - x0 + 1, y1 - y0 + 1) * k;
  const cx = l + ((x0 + x1 + 1) / 2) * k;
  const cy = t + ((y0 + y1 + 1) / 2) * k;
  const cropped = svg.replace(vb[0], `viewBox="${cx - side / 2} ${cy - side / 2} ${side} ${side}"`);
  const out = await sharp(Buffer.from(cropped))
    .resize(px, px, { fit: "contain", background: { r: 0, g: 0, b: 0, alpha: 0 } })
    .ensureAlpha()
    .raw()
    .toBuffer();
  return out;
}

/** Largest loose piece of an emoji that is a speck, not part of the drawing (cells). */
export const SPECK_CELLS = 3;

/**
 * Loose pieces of one or two cells away from the drawing: a shine mark or an anti-aliased
 * fringe that kept a majority alpha. At 32 px they read as dirt round the thing (eval-f: grey
 * speckles round a steel dagger's blade). Only a drawing large enough to have a body loses them.
 */
export function dropSpecks(cellRgb: (Rgb | null)[], cells: number): void {
  const n = cells * cells;
  const comp = new Int32Array(n).fill(-1);
  const pieces: number[][] = [];
  for (let i = 0; i < n; i++) {
    if (!cellRgb[i] || comp[i]! >= 0) continue;
    const piece: number[] = [];
    const st = [i];
    comp[i] = pieces.length;
    while (st.length) {
      const j = st.pop()!;
      piece.push(j);
      const x = j % cells;
      const y = (j - x) / cells;
      for (let dy = -1; dy <= 1; dy++)
        for (let dx = -1; dx <= 1; dx++) {
          const xx = x + dx;
          const yy = y + dy;
          const k = yy * cells + xx;
          if (xx < 0 || yy < 0 || xx >= cells || yy >= cells || !cellRgb[k] || comp[k]! >= 0)
            continue;
          comp[k] = pieces.length;
          st.push(k);
        }
    }
    pieces.push(piece);
  }
  const biggest = Math.max(0, ...pieces.map((p) => p.length));
  if (biggest < 30) return;
  // a coloured bit is drawn on purpose (a wand's sparkle, a whale's spout, lava): only grey and
  // white ones go
  const grey = (c: Rgb) => Math.max(...c) - Math.min(...c) < 0.2 * Math.max(1, ...c);
  for (const p of pieces)
    if (p.length <= SPECK_CELLS && p.every((j) => grey(cellRgb[j]!)))
      for (const j of p) cellRgb[j] = null;
}

async function rasterize(set: IconSet, name: string, cells: number): Promise<IconRaster | null> {
  const px = cells * SS;
  const svg0 = iconSvg(set, name, px);
  if (!svg0) return null;
  const svg = set === "game-icons" ? svg0.replaceAll("currentColor", "#000") : svg0;
  let data: Buffer = (await sharp(Buffer.from(svg))
    .resize(px, px, { fit: "contain", background: { r: 0, g: 0, b: 0, alpha: 0 } })
    .ensureAlpha()
    .raw()
    .toBuffer()) as Buffer;
  if (set === "game-icons") data = await cropPadding(svg, data, px);
  const n = cells * cells;
  if (set === "game-icons") {
    // silhouettes: coverage per cell is all there is; the restyle works from it
    const cov = new Float32Array(n);
    for (let cy = 0; cy < cells; cy++)
      for (let cx = 0; cx < cells; cx++) {
        let a = 0;
        for (let sy = 0; sy < SS; sy++)
          for (let sx = 0; sx < SS; sx++) a += data[((cy * SS + sy) * px + cx * SS + sx) * 4 + 3]!;
        cov[cy * cells + cx] = a / (255 * SS * SS);
      }
    return silhouetteCells(cov, cells);
  }
  const cellRgb: (Rgb | null)[] = new Array(n).fill(null);
  const bins = new Map<number, [number, number, number, number]>();
  for (let cy = 0; cy < cells; cy++)
    for (let cx = 0; cx < cells; cx++) {
      bins.clear();
      let opaque = 0;
      for (let sy = 0; sy < SS; sy++)
        for (let sx = 0; sx < SS; sx++) {
          const o = ((cy * SS + sy) * px + cx * SS + sx) * 4;
          if (data[o + 3]! < 128) continue;
          opaque++;
          const r = data[o]!;
          const g = data[o + 1]!;
          const b = data[o + 2]!;
          const bk = ((r >> 4) << 8) | ((g >> 4) << 4) | (b >> 4);
          const acc = bins.get(bk);
          if (acc) {
            acc[0] += r;
            acc[1] += g;
            acc[2] += b;
            acc[3]++;
          } else bins.set(bk, [r, g, b, 1]);
        }
      // majority alpha: a cell is solid when at least half its samples are
      if (opaque * 2 < SS * SS) continue;
      let best: [number, number, number, number] | undefined;
      for (const v of bins.values()) if (!best || v[3] > best[3]) best = v;
      cellRgb[cy * cells + cx] = [
        Math.round(best![0] / best![3]),
        Math.round(best![1] / best![3]),
        Math.round(best![2] / best![3]),
      ];
    }
  dropSpecks(cellRgb, cells);
  const uniq = new Map<string, { c: Rgb; w: number }>();
  for (const c of cellRgb) {
    if (!c) continue;
    const k = c.join(",");
    const u = uniq.get(k);
    if (u) u.w++;
    else uniq.set(k, { c, w: 1 });
  }
  if (!uniq.size) return null;
  const K = cells <= 16 ? 5 : cells <= 32 ? 7 : 9;
  const list = [...uniq.values()];
  const centres = kmeansPalette(
    list.map((u) => u.c),
    K,
    list.map((u) => u.w),
  );
  const labs = centres.map((c) => rgbToOklab(...c));
  const idx = new Int16Array(n).fill(-1);
  const shade = new Int8Array(n);
  const counts = centres.map(() => 0);
  for (let i = 0; i < n; i++) {
    const c = cellRgb[i];
    if (!c) continue;
    const lab = rgbToOklab(...c);
    let bi = 0;
    let bd = Number.POSITIVE_INFINITY;
    for (let j = 0; j < labs.length; j++) {
      const q = labs[j]!;
      const d = (lab[0] - q[0]) ** 2 + (lab[1] - q[1]) ** 2 + (lab[2] - q[2]) ** 2;
      if (d < bd) {
        bd = d;
        bi = j;
      }
    }
    idx[i] = bi;
    counts[bi]!++;
    const dl = lab[0] - labs[bi]![0];
    shade[i] = dl < -0.06 ? -1 : dl > 0.06 ? 1 : 0;
  }
  return { w: cells, h: cells, idx, shade, colors: centres, counts };
}
