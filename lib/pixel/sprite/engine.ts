// Built-in offline model `local/pixel-sprite`: prompt + seed → part-based design → posed frame.
// Deterministic: all randomness comes from Rng streams keyed by prompt, seed and frame role.
import { rgbToHex } from "../color";
import { isPaletteName, PALETTES, PaletteMatcher } from "../palettes";
import { Rng } from "../prng";
import { kmeansPalette } from "../quantize";
import type { Rgb, RgbaImage, SpriteMode } from "../types";
import { buildAnimal } from "./animal";
import { buildBlob } from "./blob";
import { SpriteCanvas } from "./canvas";
import type { Design, Pose } from "./design";
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
    case "dragon":
      return buildAnimal(info, rng, crng, size);
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
export function poseFor(mode: SpriteMode, index: number, restView: Pose["view"]): Pose {
  const i = Math.max(0, index);
  switch (mode) {
    case "walk": {
      const p = i % 4;
      return {
        ...neutral(mode, "side"),
        stride: [1, 0, -1, 0][p]!,
        lift: [0, -1, 0, 1][p]!,
        bob: [1, 0, 1, 0][p]!,
        t: p / 4,
      };
    }
    case "idle":
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
    const pm = PaletteMatcher.fromHex(PALETTES[palette]);
    for (const m of mats) m.ramp = m.ramp.map((c) => pm.colors[pm.nearest(...c)]!) as typeof m.ramp;
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

export interface SpriteRenderOptions {
  prompt: string;
  seed: number;
  mode: SpriteMode;
  index: number;
  count: number;
  palette?: string;
}

export function renderSpriteGrid(o: SpriteRenderOptions): { grid: RgbaImage; palette: string[] } {
  const info = parsePrompt(o.prompt);
  const seed = o.seed >>> 0;
  let rng = Rng.from("shape", o.prompt, seed);
  let crng = Rng.from("color", o.prompt, seed);
  if (o.mode === "variations" && o.index > 0)
    crng = Rng.from("color", o.prompt, seed, "v", o.index);
  if (o.mode === "random" && o.index > 0) {
    rng = Rng.from("shape", o.prompt, seed, "r", o.index);
    crng = Rng.from("color", o.prompt, seed, "r", o.index);
  }
  const design = buildDesign(info, rng, crng);
  applyPaletteOption(design, o.palette);
  const pose = poseFor(o.mode, o.index, design.restView);
  const c = new SpriteCanvas(design.size, design.size);
  design.draw(c, pose);
  if (pose.flip) c.flipX();
  const grid = c.render(design.materials);
  const pal = new Set<string>();
  for (const m of design.materials) for (const col of m.ramp) pal.add(rgbToHex(col));
  return { grid, palette: [...pal] };
}
