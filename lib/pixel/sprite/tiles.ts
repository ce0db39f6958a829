// Terrain tiles that really tile: every pattern is periodic in the tile size (noise is hashed on
// wrapped coordinates, stones are a toroidal Voronoi, waves use whole periods), and tiles get no
// outline, so a grid of copies shows no seams. The platform tile tiles horizontally: a grassy
// (or themed) top over soil. Water and lava animate by scrolling their pattern by whole cells.
import { hashString, type Rng } from "../prng";
import type { Rgb } from "../types";
import type { SpriteCanvas } from "./canvas";
import { type Design, Mats, type Pose } from "./design";
import type { PromptInfo } from "./prompt";

const BASE: Record<string, string[]> = {
  grass: ["#4caf50", "#3f9c46", "#5cbb54"],
  dirt: ["#8c5a30", "#7a4e2c", "#9a6638"],
  stone: ["#8a8c98", "#7c7e8c", "#969aa6"],
  brick: ["#a8503c", "#9c4a38", "#b45a44"],
  wood: ["#a0683c", "#8c5a30", "#b07444"],
  water: ["#3c6ee6", "#3478d8", "#4470e0"],
  lava: ["#e8501c", "#f06424", "#d84818"],
  sand: ["#e8d088", "#dcc47c", "#f0d890"],
  snow: ["#eef2f8", "#e4ecf4", "#f4f6fa"],
  ice: ["#9cdcf4", "#8cd4f0", "#a8e0f4"],
  platform: ["#8c5a30", "#7a4e2c"],
};

export function buildTile(info: PromptInfo, rng: Rng, crng: Rng, size: number): Design {
  const kind = info.variant in BASE ? info.variant : "platform";
  const m = new Mats();
  const opts = { noOutline: true };
  const base: Rgb | string =
    info.colors[0] && kind !== "platform" ? info.colors[0] : crng.pick(BASE[kind]!);
  const main = m.add(base, opts);
  const salt = rng.int(0, 1 << 30);
  const hsh = (x: number, y: number, s = 0) =>
    hashString(`${((x % size) + size) % size},${((y % size) + size) % size}`, salt + s);
  // platform: top from the theme (a named/lent colour or a terrain named with it), else grass
  const topKind = info.tile && info.tile !== "platform" ? info.tile : undefined;
  const topColor: Rgb | string =
    kind === "platform"
      ? (info.colors[0] ?? (topKind ? BASE[topKind]![0]! : "#4caf50"))
      : "#000000";
  const top = m.add(topColor, opts);
  const spot = m.add(info.colors[1] ?? "#eeeef2", { ...opts, flat: true });
  const hot = m.add("#ffd040", { ...opts, flat: true });
  const k = size / 32;

  // toroidal Voronoi seeds for stone and lava
  const nSeeds = Math.max(4, Math.round(10 * k * k));
  const seeds: [number, number][] = [];
  for (let i = 0; i < nSeeds; i++) seeds.push([rng.range(0, size), rng.range(0, size)]);
  const voronoi = (x: number, y: number) => {
    let d1 = Number.POSITIVE_INFINITY;
    let d2 = Number.POSITIVE_INFINITY;
    for (const [sx, sy] of seeds) {
      let dx = Math.abs(x + 0.5 - sx);
      let dy = Math.abs(y + 0.5 - sy);
      dx = Math.min(dx, size - dx);
      dy = Math.min(dy, size - dy);
      const d = dx * dx + dy * dy;
      if (d < d1) {
        d2 = d1;
        d1 = d;
      } else if (d < d2) d2 = d;
    }
    return Math.sqrt(d2) - Math.sqrt(d1);
  };
  const edge = new Float32Array(size * size);
  if (kind === "stone" || kind === "lava")
    for (let y = 0; y < size; y++)
      for (let x = 0; x < size; x++) edge[y * size + x] = voronoi(x, y);
  const brickH = Math.max(2, Math.round(4 * k));
  const brickW = size / Math.max(2, Math.round(size / (8 * k))); // whole bricks per row
  const plankH = Math.max(3, Math.round(size / Math.max(2, Math.round(4 * k))));

  const draw = (c: SpriteCanvas, pose: Pose) => {
    const phase = Math.round(pose.t * 4) % 4;
    const scroll = kind === "water" || kind === "lava" ? phase * Math.max(1, Math.round(2 * k)) : 0;
    // the platform's top edge: a wavy grass line with a whole number of bumps
    const bumps = Math.max(2, Math.round(4 * k));
    const topDepth = Math.round(size * 0.28);
    for (let y = 0; y < size; y++)
      for (let x = 0; x < size; x++) {
        const r = hsh(x - scroll, y);
        let mat = main;
        let tone = 2;
        switch (kind) {
          case "grass":
            // blades: short light strokes over darker tufts
            if (r % 11 === 0 || hsh(x, y + 1) % 11 === 0) tone = 3;
            else if (r % 7 === 0) tone = 1;
            break;
          case "dirt":
          case "sand":
          case "snow":
            if (r % 9 === 0) tone = 1;
            else if (r % 13 === 0) tone = 3;
            if (kind === "dirt" && r % 61 === 0) mat = spot;
            break;
          case "stone": {
            const e = edge[y * size + x]!;
            tone = e < 1.1 ? 1 : e > 4 * k && r % 5 === 0 ? 3 : 2;
            if (e < 1.1 && r % 3 === 0) tone = 0;
            break;
          }
          case "lava": {
            const e = edge[((y + size) % size) * size + ((x - scroll + size * 4) % size)]!;
            // bright cracks between dark crusts
            if (e < 1.2) {
              mat = hot;
            } else tone = r % 5 === 0 ? 1 : 2;
            break;
          }
          case "brick": {
            const row = Math.floor(y / brickH);
            const off = row % 2 ? brickW / 2 : 0;
            const bx = (x + off) % brickW;
            if (y % brickH === brickH - 1 || Math.floor(bx) === 0) tone = 1;
            else if (y % brickH === 0) tone = 3;
            else if (r % 17 === 0) tone = 1;
            break;
          }
          case "wood":
            if (y % plankH === plankH - 1) tone = 1;
            else if (y % plankH === 0) tone = 3;
            else if (r % 9 === 0) tone = 1;
            if ((x + Math.floor(y / plankH) * 7) % size === 0 && y % plankH !== plankH - 1)
              tone = 1;
            break;
          case "water":
          case "ice": {
            // wave crests: whole periods across the tile
            const wave = Math.sin(
              ((x - scroll) / size) * Math.PI * 2 * 2 + (y / size) * Math.PI * 2 * 3,
            );
            tone = wave > 0.85 ? 3 : wave < -0.9 ? 1 : 2;
            if (kind === "ice" && r % 29 === 0) tone = 3;
            break;
          }
          default: {
            // platform: grass top, soil below with pebbles
            const lip = topDepth + Math.round(Math.sin((x / size) * Math.PI * 2 * bumps) * 1.5 * k);
            if (y < lip) {
              mat = top;
              tone = y === 0 ? 3 : y >= lip - 1 ? 1 : r % 9 === 0 ? 3 : 2;
              if (topKind === undefined && info.colors[1] && r % 13 === 0) mat = spot;
            } else {
              tone = r % 9 === 0 ? 1 : r % 23 === 0 ? 3 : 2;
              if (r % 47 === 0) mat = spot;
            }
          }
        }
        c.plot(x, y, mat, 1, tone);
      }
  };
  return { size, materials: m.list, restView: "front", draw, seamless: true };
}
