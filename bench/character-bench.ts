// Characters (#19) on the offline engine: a character's 8 facings and a walk in 8 directions
// (32 frames), each a fresh design (new seed per run, so no cache helps), against sharp encoding
// the same number of 64×64 PNGs in the same run. Targets (issue #19): 8 facings ≤ 100 ms,
// 32 walk frames ≤ 500 ms; the ratios say how far that is from the encoding floor.
import { toSharp } from "@/lib/pixel/raster";
import {
  drawCharacterAnimation,
  drawCharacterFacings,
  prepareCharacter,
} from "@/lib/pixel/sprite/character";
import { createImage } from "@/lib/pixel/types";
import { DIRECTIONS8 } from "@/lib/vocabulary";

const median = (xs: number[]) => xs.slice().sort((a, b) => a - b)[xs.length >> 1]!;
const round = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d;

async function timeIt(n: number, f: () => unknown): Promise<number> {
  await f(); // warm-up
  const t: number[] = [];
  for (let i = 0; i < n; i++) {
    const s = performance.now();
    await f();
    t.push(performance.now() - s);
  }
  return round(median(t), 2);
}

export async function benchCharacter(): Promise<Record<string, unknown>> {
  const runs = 9;
  const prompts = ["a knight with a red cape", "a grey wolf"];
  const out: Record<string, unknown> = {};
  // the floor: sharp encoding one 64×64 PNG (a character frame is smaller: 48 px by default)
  const img = createImage(64, 64);
  for (let i = 0; i < img.data.length; i += 4) {
    img.data[i] = (i * 7) & 255;
    img.data[i + 3] = i % 12 ? 255 : 0;
  }
  const pngMs = await timeIt(runs * 3, () => toSharp(img).png().toBuffer());
  out.baseline_png64_ms = pngMs;
  for (const prompt of prompts) {
    let seed = 1;
    const spec = () => ({ prompt, seed: seed++, size: 48, view: "low_top_down" as const });
    await prepareCharacter(spec());
    const facingsMs = await timeIt(runs, () => drawCharacterFacings(spec(), DIRECTIONS8));
    const walkMs = await timeIt(runs, () => {
      const s = spec();
      for (const d of DIRECTIONS8) drawCharacterAnimation(s, "walk", d);
    });
    out[prompt] = {
      facings8_ms: facingsMs,
      facings8_vs_png64: round(facingsMs / pngMs, 2),
      facings8_goal_ms: "<= 100",
      walk8x4_ms: walkMs,
      walk8x4_vs_png64: round(walkMs / pngMs, 2),
      walk8x4_goal_ms: "<= 500",
    };
  }
  return out;
}
