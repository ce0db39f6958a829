// The surface a borrowed one-colour silhouette is given, so it reads as a thing made of
// something rather than a flat cut-out: a ramp per surface (metal has a hard, bright highlight;
// glass a pale one), a texture on the flat interior the bevel leaves (wood grain along the long
// axis, a diagonal specular band on metal, specks on stone, a dithered shadow on cloth, a
// reflection streak on glass), and for hafted tools and weapons a wooden handle under a metal
// head (the thin stroke that leaves the thick mass). Light comes from the top-left, as in the
// bevel (game-icons.ts silhouetteCells) and in every rig.
import { hsvToRgb, makeRamp, mixRgb, rgbToHsv } from "../color";
import type { Rgb } from "../types";
import type { IconRaster } from "./emoji-art";
import { type GameMaterial, MONO } from "./game-icons";
import type { MaterialId } from "./vocabulary";

export type Surface = "metal" | "wood" | "stone" | "soft" | "clear" | "plant" | "plain";

const SURFACE: Record<GameMaterial, Surface> = {
  iron: "metal",
  gold: "metal",
  tech: "metal",
  wood: "wood",
  stone: "stone",
  rock: "stone",
  marble: "stone",
  ore: "stone",
  sand: "stone",
  cloth: "soft",
  cape: "soft",
  fur: "soft",
  leather: "soft",
  paper: "soft",
  flesh: "soft",
  dark: "soft",
  crystal: "clear",
  glass: "clear",
  slime: "clear",
  ghost: "clear",
  plant: "plant",
  bone: "plain",
  fire: "plain",
};

export function surfaceOf(m: GameMaterial): Surface {
  return SURFACE[m];
}

// A material the prompt names decides the surface over the icon's own ("a stone barrel" is
// specked, not grained): the texture is drawn here once, never again on top by the modifier.
const WORD_SURFACE: Partial<Record<MaterialId, Surface>> = {
  wooden: "wood",
  stone: "stone",
  iron: "metal",
  silver: "metal",
  gold: "metal",
  rusty: "metal",
  crystal: "clear",
  ice: "clear",
};

export function surfaceOfWords(materials: readonly MaterialId[]): Surface | undefined {
  for (const m of materials) if (WORD_SURFACE[m]) return WORD_SURFACE[m];
  return undefined;
}

/**
 * A red's shadow and outline hue-shift towards purple (makeRamp); on a small piece at 32 px (a
 * locomotive's wheels) the shadow is most of it and read magenta (eval-e), so a red ramp stays red.
 */
function keepRed(r: [Rgb, Rgb, Rgb, Rgb]): [Rgb, Rgb, Rgb, Rgb] {
  const [h0, s0] = rgbToHsv(...r[2]);
  if ((h0 > 15 && h0 < 340) || s0 < 0.3) return r;
  return r.map((c) => {
    const [h, s, v] = rgbToHsv(...c);
    return h > 180 && h < 350 ? hsvToRgb(350, s, v) : c;
  }) as [Rgb, Rgb, Rgb, Rgb];
}

/** [outline, shadow, base, light] for a surface: metal and glass catch a brighter light. */
export function surfaceRamp(base: Rgb, surface: Surface): [Rgb, Rgb, Rgb, Rgb] {
  const r = keepRed(makeRamp(base));
  if (surface === "metal") {
    const [h, s, v] = rgbToHsv(...base);
    r[1] = hsvToRgb(h, Math.min(1, s * 1.1), v * 0.6);
    r[3] = mixRgb(base, [255, 255, 255], 0.55);
  } else if (surface === "clear") r[3] = mixRgb(base, [255, 255, 255], 0.65);
  return r;
}

// Icon names (and vocabulary subjects) of tools and weapons with a haft: the head is metal, the
// long thin stroke leaving it is wood. Guns are the other way round (a thin barrel on a thick
// stock), so they are not listed.
const HAFTED =
  /axe|adze?|hatchet|hammer|mace|maul|spear|lance|pike|halberd|glaive|trident|scythe|sickle|shovel|spade|hoe|rake|pick|mattock|club|flail|morning-star|broom|mop|torch|war-fork|pitchfork|sledge|poleaxe|javelin|harpoon/;

export function isHafted(name: string): boolean {
  return HAFTED.test(name);
}

/** Slots of a restyled silhouette cell; `handle` is the wooden haft of a hafted tool. */
export const SLOT = {
  body: MONO.body,
  accent: MONO.accent,
  detail: MONO.detail,
  handle: 3,
  /** a band of the subject's second colour across the body (a lighthouse's stripes) */
  band: 4,
} as const;

export interface Restyled {
  /** per cell: -1 empty, or a SLOT */
  slot: Int8Array;
  /** per cell: 0 dark line, 1 shadow, 2 base, 3 light; 4 a white glint */
  tone: Int8Array;
}

/** A bounding box that grows cell by cell (empty: x1 < 0). */
interface Box {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}
const emptyBox = (w: number, h: number): Box => ({ x0: w, x1: -1, y0: h, y1: -1 });
function grow(b: Box, x: number, y: number): void {
  b.x0 = Math.min(b.x0, x);
  b.x1 = Math.max(b.x1, x);
  b.y0 = Math.min(b.y0, y);
  b.y1 = Math.max(b.y1, y);
}

function hash(x: number, y: number): number {
  let h = (x * 374761393 + y * 668265263) | 0;
  h = Math.imul(h ^ (h >>> 13), 1274126177);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Distance (4-neighbour steps) from each solid cell to the nearest empty one. */
function insideDistance(solid: Uint8Array, w: number, h: number): Int16Array {
  const d = new Int16Array(w * h);
  const q: number[] = [];
  for (let i = 0; i < w * h; i++) {
    if (!solid[i]) continue;
    const x = i % w;
    const y = (i - x) / w;
    const edge =
      x === 0 ||
      y === 0 ||
      x === w - 1 ||
      y === h - 1 ||
      !solid[i - 1] ||
      !solid[i + 1] ||
      !solid[i - w] ||
      !solid[i + w];
    if (edge) {
      d[i] = 1;
      q.push(i);
    }
  }
  for (let k = 0; k < q.length; k++) {
    const i = q[k]!;
    const x = i % w;
    for (const j of [x > 0 ? i - 1 : -1, x < w - 1 ? i + 1 : -1, i - w, i + w]) {
      if (j < 0 || j >= w * h || !solid[j] || d[j]) continue;
      d[j] = d[i]! + 1;
      q.push(j);
    }
  }
  return d;
}

/**
 * The haft of a hafted tool: the largest 8-connected run of thin cells (no thick cell within one
 * step) that is long, while the rest keeps a thick head. Returns its cells, or none.
 */
function findHandle(solid: Uint8Array, w: number, h: number): number[] {
  const d = insideDistance(solid, w, h);
  let total = 0;
  let thick = 0;
  const thin = new Uint8Array(w * h);
  for (let i = 0; i < w * h; i++) {
    if (!solid[i]) continue;
    total++;
    if (d[i]! >= 2) thick++;
    const x = i % w;
    const y = (i - x) / w;
    let near = false;
    for (let dy = -1; dy <= 1 && !near; dy++)
      for (let dx = -1; dx <= 1; dx++) {
        const xx = x + dx;
        const yy = y + dy;
        if (xx >= 0 && yy >= 0 && xx < w && yy < h && d[yy * w + xx]! >= 2) {
          near = true;
          break;
        }
      }
    if (!near) thin[i] = 1;
  }
  if (thick < total * 0.1) return [];
  const seen = new Uint8Array(w * h);
  let best: number[] = [];
  for (let i = 0; i < w * h; i++) {
    if (!thin[i] || seen[i]) continue;
    const comp: number[] = [];
    const st = [i];
    seen[i] = 1;
    const box = emptyBox(w, h);
    while (st.length) {
      const j = st.pop()!;
      comp.push(j);
      const x = j % w;
      const y = (j - x) / w;
      grow(box, x, y);
      for (let dy = -1; dy <= 1; dy++)
        for (let dx = -1; dx <= 1; dx++) {
          const xx = x + dx;
          const yy = y + dy;
          const k = yy * w + xx;
          if (xx >= 0 && yy >= 0 && xx < w && yy < h && thin[k] && !seen[k]) {
            seen[k] = 1;
            st.push(k);
          }
        }
    }
    const long = Math.max(box.x1 - box.x0, box.y1 - box.y0) + 1;
    if (long >= Math.max(5, w * 0.25) && comp.length > best.length) best = comp;
  }
  return best.length >= total * 0.08 ? best : [];
}

/**
 * Slots and tones of a silhouette raster (IconRaster from silhouetteCells) for a surface. The
 * bevel's lit and shadowed rims stay; the flat interior takes the surface's texture.
 */
export function restyleSilhouette(
  r: IconRaster,
  surface: Surface,
  hafted: boolean,
  bands = false,
): Restyled {
  const { w, h, idx, shade } = r;
  const n = w * h;
  const slot = new Int8Array(n).fill(-1);
  const tone = new Int8Array(n);
  const box = emptyBox(w, h);
  const solid = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const q = idx[i]!;
    if (q < 0) continue;
    slot[i] = q;
    tone[i] = q === MONO.detail ? 0 : shade[i]! < 0 ? 1 : shade[i]! > 0 ? 3 : 2;
    if (q !== MONO.detail) solid[i] = 1;
    grow(box, i % w, Math.floor(i / w));
  }
  const { x0: bx0, x1: bx1, y0: by0, y1: by1 } = box;
  if (bx1 < 0) return { slot, tone };
  const handle = new Uint8Array(n);
  if (hafted) for (const i of findHandle(solid, w, h)) handle[i] = 1;
  const bw = bx1 - bx0 + 1;
  const bh = by1 - by0 + 1;
  const diag = bw + bh;
  // the boards of a wooden thing: through each cell, the runs of body between cut lines (or the
  // outline) along the row and the column; a board is the short run across and the long along
  const runH = new Int16Array(n);
  const startH = new Int16Array(n);
  const runV = new Int16Array(n);
  const startV = new Int16Array(n);
  if (surface === "wood" || hafted) {
    const runs = (
      len: number,
      lines: number,
      at: (line: number, k: number) => number,
      run: Int16Array,
      start: Int16Array,
    ) => {
      for (let line = 0; line < lines; line++)
        for (let k = 0; k < len; ) {
          if (!solid[at(line, k)]) {
            k++;
            continue;
          }
          let e = k;
          while (e < len && solid[at(line, e)] && !handle[at(line, e)] === !handle[at(line, k)])
            e++;
          for (let q = k; q < e; q++) {
            run[at(line, q)] = e - k;
            start[at(line, q)] = k;
          }
          k = e;
        }
    };
    runs(w, h, (y, x) => y * w + x, runH, startH);
    runs(h, w, (x, y) => y * w + x, runV, startV);
  }
  // bands: about five across the height, every other one in the band colour
  const bandH = Math.max(2, Math.round(bh / 5));
  for (let i = 0; i < n; i++) {
    if (!solid[i]) continue;
    if (handle[i]) slot[i] = SLOT.handle;
    else if (bands && slot[i] === SLOT.body && Math.floor((Math.floor(i / w) - by0) / bandH) % 2)
      slot[i] = SLOT.band;
    if (tone[i] !== 2) continue;
    const x = i % w;
    const y = (i - x) / w;
    const s = handle[i] ? "wood" : surface;
    const u = (x - bx0 + y - by0) / diag;
    if (s === "wood") {
      // grain along each board (the piece between the drawing's seams), faint and sparse: a
      // line every third row across the whole box crossed upright planks and read as mud
      const lying = runH[i]! >= runV[i]!;
      const along = lying ? x : y;
      const across = lying ? y - startV[i]! : x - startH[i]!;
      const width = lying ? runV[i]! : runH[i]!;
      if (width >= 5 && across % 4 === 2 && (along + across * 3) % 7 < 3) tone[i] = 1;
    } else if (s === "metal") {
      // a specular band across the light's diagonal, and the far side a step darker
      if (u > 0.2 && u < 0.3) tone[i] = 3;
      else if (u > 0.72) tone[i] = 1;
    } else if (s === "stone") {
      // a few specks, only on big shapes, and never two side by side: at 32 px the dense
      // speckle of before read as dirt on every tower and statue
      const k = hash(x, y) % (w >= 40 ? 13 : 29);
      if (k === 0 && tone[i - 1] === 2 && tone[i - w] === 2) tone[i] = 1;
      else if (k === 7 && u < 0.5) tone[i] = 3;
    } else if (s === "soft") {
      // cloth and skin: a solid shadow on the far side (a dither at 32 px is noise)
      if (u > 0.7) tone[i] = 1;
    } else if (s === "plant") {
      const k = hash(x, y) % 17;
      if (k === 0 && u < 0.5) tone[i] = 3;
      else if (k === 8 && u > 0.5) tone[i] = 1;
    } else if (s === "clear") {
      // glass and crystal: a reflection streak just inside the lit rim
      const lit = (j: number) => j >= 0 && j < n && solid[j] && shade[j]! > 0;
      if (lit(i - 1) || lit(i - w)) tone[i] = u < 0.5 ? 3 : 2;
    }
  }
  // a glint where the light first meets a metal or glass surface
  if (surface === "metal" || surface === "clear") {
    let best = -1;
    let bestU = Infinity;
    for (let i = 0; i < n; i++) {
      if (!solid[i] || handle[i] || tone[i] !== 3) continue;
      const x = i % w;
      const y = (i - x) / w;
      const uu = x - bx0 + (y - by0) * 1.2;
      if (uu < bestU) {
        bestU = uu;
        best = i;
      }
    }
    if (best >= 0) tone[best] = 4;
  }
  return { slot, tone };
}
