// The sign a meaningful potion wears (potion-meanings.ts): a paper label with a skull for poison
// and acid, a cross for holy water and antidotes, a heart for healing, a star for mana, a
// sparkle on an elixir; fuming brews (poison, acid) bubble inside and above the neck.
import type { SpriteCanvas } from "./canvas";
import type { Mats } from "./design";
import type { PotionMark, PotionMeaning } from "./potion-meanings";

export interface PotionMarkMats {
  label: number;
  ink: number;
  bubble: number;
}

const INK: Record<PotionMark, string> = {
  skull: "#2a2230",
  cross: "#e8b52e",
  heart: "#d8283c",
  star: "#2c5ad8",
  sparkle: "#ffffff",
};

export function potionMarkMats(m: Pick<Mats, "add">, meaning: PotionMeaning): PotionMarkMats {
  return {
    label: m.add("#f2e8cc"),
    ink: m.add(meaning.id === "antidote" ? "#2ca860" : INK[meaning.mark], { flat: true }),
    bubble: m.add("#f4fff0", { flat: true, noOutline: true }),
  };
}

// 5×5 glyphs, "#" inked
const GLYPHS: Record<PotionMark, readonly string[]> = {
  skull: [".###.", "#.#.#", "#####", ".###.", "#.#.#"],
  cross: ["..#..", "..#..", "#####", "..#..", "..#.."],
  heart: ["##.##", "#####", "#####", ".###.", "..#.."],
  star: ["..#..", ".###.", "#####", ".###.", "#...#"],
  sparkle: ["..#..", "..#..", "##.##", "..#..", "..#.."],
};

/**
 * Draws the meaning's mark centred on (cx, cy) of the bottle's body, at the item's scale k, and
 * its bubbles (phase t) between the liquid and above the neck top.
 */
export function drawPotionMark(
  c: SpriteCanvas,
  meaning: PotionMeaning,
  mm: PotionMarkMats,
  cx: number,
  cy: number,
  k: number,
  neckTop: number,
  t: number,
): void {
  const px = Math.max(1, Math.round(k * 0.8));
  const glyph = GLYPHS[meaning.mark];
  const w = 5 * px;
  const x0 = Math.round(cx - w / 2);
  const y0 = Math.round(cy - w / 2);
  // a sparkle shines on the glass; the other marks are printed on a paper label
  if (meaning.mark !== "sparkle") c.rect(x0 - px, y0 - px, x0 + w + px - 1, y0 + w, mm.label, 6);
  glyph.forEach((row, gy) => {
    for (let gx = 0; gx < row.length; gx++)
      if (row[gx] === "#")
        c.rect(
          x0 + gx * px,
          y0 + gy * px,
          x0 + (gx + 1) * px - 1,
          y0 + (gy + 1) * px - 1,
          mm.ink,
          7,
        );
  });
  if (!meaning.bubbles) return;
  // two bubbles rise from the neck and burst, one step a quarter cycle
  const step = Math.floor(t * 4) % 4;
  const bx = Math.round(cx);
  const by = Math.round(neckTop - 4 * k - step * px);
  c.rect(bx + px, by, bx + 2 * px - 1, by + px - 1, mm.bubble, 8);
  c.rect(bx - 2 * px, by - 2 * px, bx - px - 1, by - px - 1, mm.bubble, 8);
  if (step < 3) c.rect(bx - px, by - 4 * px, bx + px - 1, by - 3 * px - 1, mm.bubble, 8);
}
