// Built-in offline model `local/pixel-sprite`: prompt + seed → part-based design → posed frame.
// Deterministic: all randomness comes from Rng streams keyed by prompt, seed and frame role.
import { hexToRgb, rgbToHex, rgbToOklab } from "../color";
import { isPaletteName, PALETTES, PaletteMatcher } from "../palettes";
import { Rng } from "../prng";
import { kmeansPalette } from "../quantize";
import type { Rgb, RgbaImage, SpriteMode } from "../types";
import { buildAnimal } from "./animal";
import { buildBlob } from "./blob";
import { type Material, SpriteCanvas } from "./canvas";
import type { Design, Pose } from "./design";
import { buildDragon } from "./dragon";
import { buildHumanoid } from "./humanoid";
import { buildItem } from "./item";
import { buildMonster } from "./monster";
import { type PromptInfo, parsePrompt } from "./prompt";
import { buildScenery } from "./scenery";

export function buildDesign(info: PromptInfo, rng: Rng, crng: Rng): Design {
  const size = info.size;
  switch (info.kind) {
    case "humanoid":
      return buildHumanoid(info, rng, crng, size);
    case "animal":
      return buildAnimal(info, rng, crng, size);
    case "dragon":
      return buildDragon(info, rng, crng, size);
    case "slime":
    case "spirit":
      return buildBlob(info, rng, crng, size);
    case "item":
      return buildItem(info, rng, crng, size);
    case "vehicle":
    case "building":
    case "tile":
    case "plant":
      return buildScenery(info, rng, crng, size);
    default:
      return buildMonster(info, rng, crng, size);
  }
}

const neutral = (mode: SpriteMode, view: Pose["view"]): Pose => ({
  mode,
  view,
  flip: false,
  bob: 0,
  stride: 0,
  lift: 0,
  attack: 0,
  t: 0,
});

/** Frame index → pose. Feet stay on one baseline in every pose so frames play without jitter. */
export function poseFor(
  mode: SpriteMode,
  index: number,
  restView: Pose["view"],
  walkView?: Pose["view"],
): Pose {
  const i = Math.max(0, index);
  switch (mode) {
    case "walk": {
      // contact (near foot forward) → passing (far leg lifted, body up) → contact (far foot
      // forward) → passing (near leg lifted); body drops 1 px on contact frames.
      const p = i % 4;
      return {
        ...neutral(mode, walkView ?? "side"),
        stride: [1, 0, -1, 0][p]!,
        lift: [0, -1, 0, 1][p]!,
        bob: [1, 0, 1, 0][p]!,
        t: p / 4,
      };
    }
    case "idle":
      // breathing: frame 1 squashes the upper body 1 px (inhale/exhale)
      return { ...neutral(mode, restView), bob: i % 2, t: (i % 2) / 2 };
    case "attack":
      return { ...neutral(mode, "side"), attack: (i % 3) + 1, t: (i % 3) / 3 };
    case "directions": {
      const p = i % 4;
      return { ...neutral(mode, p === 0 ? "front" : p === 1 ? "back" : "side"), flip: p === 2 };
    }
    default:
      return neutral(mode, restView);
  }
}

function applyPaletteOption(design: Design, palette: string | undefined): void {
  if (!palette || palette === "auto") return;
  const mats = design.materials;
  if (isPaletteName(palette)) {
    mapRampsToPalette(mats, PALETTES[palette].map(hexToRgb));
    return;
  }
  const n = /^auto:(\d+)$/.exec(palette);
  if (!n) return;
  const N = Math.max(2, Math.min(64, Number(n[1])));
  const all: Rgb[] = [];
  for (const m of mats) all.push(...m.ramp);
  const uniq = [...new Map(all.map((c) => [rgbToHex(c), c])).values()];
  if (uniq.length <= N) return;
  const pal = kmeansPalette(uniq, N);
  const pm = new PaletteMatcher(pal);
  for (const m of mats) m.ramp = m.ramp.map((c) => pm.colors[pm.nearest(...c)]!) as typeof m.ramp;
}

/**
 * Fixed-palette snap by ramp rather than per colour: each material's [outline, shadow, base,
 * light] ramp is mapped to palette colours that keep the light→dark order (OKLab L strictly
 * decreasing where the palette allows it), so skin, cloth and metal keep their shading instead
 * of collapsing onto one swatch. Outlines use the darkest palette colour below the shadow;
 * flat details (eyes, glints) are pushed off any colour a shaded material uses for its base so
 * faces stay readable.
 */
export function mapRampsToPalette(mats: Material[], pal: Rgb[]): void {
  const lab = pal.map((c) => rgbToOklab(...c));
  const dist = (c: Rgb, j: number) => {
    const [L, a, b] = rgbToOklab(...c);
    const q = lab[j]!;
    return (L - q[0]) ** 2 + 2 * ((a - q[1]) ** 2 + (b - q[2]) ** 2);
  };
  const best = (c: Rgb, ok: (j: number) => boolean): number => {
    let bi = -1;
    let bd = Infinity;
    for (let j = 0; j < pal.length; j++) {
      if (!ok(j)) continue;
      const d = dist(c, j);
      if (d < bd) {
        bd = d;
        bi = j;
      }
    }
    return bi;
  };
  const lum = (j: number) => lab[j]![0];
  let darkest = 0;
  for (let j = 1; j < pal.length; j++) if (lum(j) < lum(darkest)) darkest = j;
  const used = new Set<number>();
  const flats: Material[] = [];
  for (const m of mats) {
    if (m.flat) {
      flats.push(m);
      continue;
    }
    const [o, sh, ba, li] = m.ramp;
    const b = best(ba, () => true);
    const l = best(li, (j) => lum(j) > lum(b) + 0.04);
    const s = best(sh, (j) => lum(j) < lum(b) - 0.04);
    const sIdx = s >= 0 ? s : b;
    // one outline colour for the whole sprite: the palette's darkest
    const oIdx = lum(darkest) < lum(sIdx) ? darkest : best(o, (j) => lum(j) < lum(sIdx));
    void o;
    used.add(b);
    m.ramp = [pal[oIdx >= 0 ? oIdx : darkest]!, pal[sIdx]!, pal[b]!, pal[l >= 0 ? l : b]!];
  }
  for (const m of flats) {
    const base = m.ramp[2];
    let j = best(base, (q) => !used.has(q) && q !== darkest);
    if (j < 0) j = best(base, () => true);
    const c = pal[j]!;
    m.ramp = [m.noOutline ? c : pal[darkest]!, c, c, c];
  }
}

export interface SpriteRenderOptions {
  prompt: string;
  seed: number;
  mode: SpriteMode;
  index: number;
  count: number;
  palette?: string;
  /** walk facing: "side" (default) or "front" (towards the camera) */
  view?: "side" | "front";
}

export function renderSpriteGrid(o: SpriteRenderOptions): { grid: RgbaImage; palette: string[] } {
  const info = parsePrompt(o.prompt);
  const seed = o.seed >>> 0;
  let rng = Rng.from("shape", o.prompt, seed);
  let crng = Rng.from("color", o.prompt, seed);
  if (o.mode === "variations" && o.index > 0) {
    // same subject (kind/variant/colours come from the prompt), but shape details (build,
    // headgear/weapon options, cape, pattern) and unfixed accent colours are re-rolled
    rng = Rng.from("shape", o.prompt, seed, "v", o.index);
    crng = Rng.from("color", o.prompt, seed, "v", o.index);
  }
  if (o.mode === "random" && o.index > 0) {
    rng = Rng.from("shape", o.prompt, seed, "r", o.index);
    crng = Rng.from("color", o.prompt, seed, "r", o.index);
  }
  const design = buildDesign(info, rng, crng);
  applyPaletteOption(design, o.palette);
  const walkView =
    o.view ??
    (/\b(front|facing (the )?(camera|viewer)|towards? (the )?camera)\b|正面/i.test(o.prompt)
      ? "front"
      : undefined);
  const pose = poseFor(o.mode, o.index, design.restView, walkView);
  const c = new SpriteCanvas(design.size, design.size);
  design.draw(c, pose);
  if (pose.flip) c.flipX();
  const grid = c.render(design.materials);
  const pal = new Set<string>();
  for (const m of design.materials) for (const col of m.ramp) pal.add(rgbToHex(col));
  return { grid, palette: [...pal] };
}
