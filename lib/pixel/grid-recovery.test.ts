// Grid recovery against a corpus built from the offline engine's own sprites (16/32/48/64 px),
// degraded the way generic image models return "pixel art": fractional scales 7.5×–33×,
// nearest / bilinear / bicubic / Lanczos, JPEG 60–95, shifts, a soft drop shadow, noise and a
// near-flat backdrop. The exact logical size must come back for ≥ 95 % of inputs and ≥ 95 % of
// their pixels must be within a small OKLab distance of the original (transparency included).
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { aiLikeKnight } from "./ai-like-knight";
import { rgbToOklab } from "./color";
import { FAKE_FAMILIES, type FakeFamily, fakePixelArt, fakeRecipe } from "./fake-pixel-art";
import { pixelize } from "./pixelize";
import { Rng } from "./prng";
import { generateSpriteFrame } from "./sprite-frame";
import type { RgbaImage } from "./types";

const PROMPTS = [
  "a red knight",
  "green slime",
  "blue potion",
  "fire dragon",
  "oak tree",
  "steel sword",
  "robot",
  "purple mage",
];
const SIZES = [16, 32, 48, 64];
const PER_FAMILY = 16;
/** OKLab distance under which a recovered pixel counts as the original colour */
const CLOSE = 0.06;

function pixelsOk(want: RgbaImage, got: RgbaImage): number {
  let ok = 0;
  for (let p = 0; p < want.width * want.height; p++) {
    const a = want.data[p * 4 + 3]! >= 128;
    const b = got.data[p * 4 + 3]! >= 128;
    if (a !== b) continue;
    if (!a) {
      ok++;
      continue;
    }
    const x = rgbToOklab(want.data[p * 4]!, want.data[p * 4 + 1]!, want.data[p * 4 + 2]!);
    const y = rgbToOklab(got.data[p * 4]!, got.data[p * 4 + 1]!, got.data[p * 4 + 2]!);
    if (Math.hypot(x[0] - y[0], x[1] - y[1], x[2] - y[2]) <= CLOSE) ok++;
  }
  return ok;
}

describe("grid recovery corpus", () => {
  it("recovers the logical size and colours of degraded engine sprites", async () => {
    const rows: string[] = [];
    let inputs = 0;
    let exact = 0;
    let pixels = 0;
    let good = 0;
    let inputsAbove = 0;
    for (const family of FAKE_FAMILIES as readonly FakeFamily[]) {
      const f = { n: 0, exact: 0, px: 0, ok: 0 };
      for (let i = 0; i < PER_FAMILY; i++) {
        const size = SIZES[i % SIZES.length]!;
        const sprite = await generateSpriteFrame({
          prompt: PROMPTS[i % PROMPTS.length]!,
          seed: 7 + i,
          mode: "idle",
          index: 0,
          count: 1,
          background: "transparent",
          scale: 1,
          size,
        });
        const recipe = fakeRecipe(family, sprite.grid, i);
        const input = await fakePixelArt(sprite.grid, recipe);
        // the engine's shaded sprites use up to ~90 colours; auto palettes stop at 32 by design,
        // so recovery is measured with room for all of them
        const out = await pixelize(input, { background: "transparent", scale: 1, colors: 64 });
        f.n++;
        const n = sprite.grid.width * sprite.grid.height;
        if (out.grid.width === sprite.grid.width && out.grid.height === sprite.grid.height) {
          f.exact++;
          const ok = pixelsOk(sprite.grid, out.grid);
          f.px += n;
          f.ok += ok;
          if (ok >= n * 0.95) inputsAbove++;
        }
      }
      rows.push(
        `${family.padEnd(15)} exact size ${f.exact}/${f.n}  pixels ${((100 * f.ok) / Math.max(1, f.px)).toFixed(1)} %`,
      );
      inputs += f.n;
      exact += f.exact;
      pixels += f.px;
      good += f.ok;
    }
    const exactRate = exact / inputs;
    const pixelRate = good / pixels;
    console.log(
      [
        ...rows,
        `all             exact size ${exact}/${inputs} (${(100 * exactRate).toFixed(1)} %)  pixels within ΔE ${CLOSE}: ${(100 * pixelRate).toFixed(1)} %  inputs with ≥ 95 % pixels: ${inputsAbove}/${exact}`,
      ].join("\n"),
    );
    // Issue #17 asks ≥ 95 % exact sizes; not met yet. On these 112 inputs it was 92.0 % before the
    // octave walk (the misses mostly octave errors: 32 cells found for 64, 16 for 32), 92.9 % with
    // it once the sprite engine's later changes redrew the sprites, and 94.6 % since the two axes
    // are checked against each other (square cells); on a held-out corpus of other prompts, seeds
    // and recipe draws (`npx tsx bench/grid-corpus.ts B`) 89.3 % → 90.2 %. The held-out corpus has
    // no margin over 90 %, so the guard stays there.
    expect(exactRate).toBeGreaterThanOrEqual(0.9);
    expect(pixelRate).toBeGreaterThanOrEqual(0.95);
  }, 600_000);
});

describe("grid recovery: what it says", () => {
  it("names an exact integer upscale and 1× pixel art as such", async () => {
    const sprite = await generateSpriteFrame({
      prompt: "a red knight",
      seed: 1,
      mode: "idle",
      index: 0,
      count: 1,
      background: "transparent",
      scale: 6,
      size: 32,
    });
    const up = await pixelize(sprite.png, { background: "transparent", scale: 1 });
    expect(up.report.method).toBe("exact");
    expect([up.grid.width, up.grid.height]).toEqual([32, 32]);
    const one = await pixelize(
      await sharp(sprite.png).resize(32, 32, { kernel: "nearest" }).png().toBuffer(),
      { background: "transparent", scale: 1 },
    );
    expect(one.report.method).toBe("native");
  });

  it("reports an exact integer grid exactly, even smoothed and JPEG'd, and a fractional one as such", async () => {
    for (const recipe of [
      { kernel: "bicubic", shift: [3, 2] },
      { kernel: "lanczos", shift: [0, 0] },
      { kernel: "lanczos", shift: [3, 2], jpeg: 85 },
      { kernel: "bilinear", shift: [0, 0] },
    ] as const) {
      const out = await pixelize(
        await aiLikeKnight({ scale: 15, ...recipe, shift: [...recipe.shift] }),
        {
          background: "transparent",
          scale: 1,
        },
      );
      const label = JSON.stringify(recipe);
      expect(out.report.method, label).toBe("detected");
      expect([out.report.cellWidth, out.report.cellHeight], label).toEqual([15, 15]);
      expect([out.grid.width, out.grid.height], label).toEqual([32, 32]);
    }
    const fractional = await pixelize(await aiLikeKnight({ scale: 15.1, kernel: "bicubic" }), {
      background: "transparent",
      scale: 1,
    });
    expect(fractional.report.cellWidth).toBeCloseTo(15.1, 1);
    expect(fractional.report.cellWidth).not.toBe(15);
  });

  it("resamples a photo-like image to the requested size and says no grid was found", async () => {
    // smooth radial gradient with noise: no cells anywhere
    const w = 600;
    const h = 400;
    const raw = Buffer.alloc(w * h * 3);
    const rng = new Rng(12345);
    for (let y = 0; y < h; y++)
      for (let x = 0; x < w; x++) {
        const r = Math.hypot(x - 300, y - 200);
        const o = (y * w + x) * 3;
        raw[o] = Math.min(255, 40 + r * 0.5 + rng.int(0, 8));
        raw[o + 1] = Math.min(255, 120 + Math.sin(x / 37) * 60 + rng.int(0, 6));
        raw[o + 2] = Math.min(255, 200 - r * 0.3 + rng.int(0, 4));
      }
    const photo = await sharp(raw, { raw: { width: w, height: h, channels: 3 } })
      .jpeg({ quality: 80 })
      .toBuffer();
    const out = await pixelize(photo, { background: "transparent", scale: 1 });
    expect(out.report.method).toBe("resampled");
    expect(out.report.note).toMatch(/no pixel grid/);
    expect(Math.max(out.grid.width, out.grid.height)).toBe(64);
    const sized = await pixelize(photo, { background: "transparent", scale: 1, targetSize: 48 });
    expect([sized.grid.width, sized.grid.height]).toEqual([48, 32]);
    expect(sized.report.note).toMatch(/requested/);
  });
});
