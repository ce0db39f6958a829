// `npx tsx scripts/eval-seeds.ts "a samurai" "a capybara" …`: 4 seeds of each prompt on one sheet
// (out/eval-seeds.png), and the smallest share of opaque pixels a person sees change between any
// two seeds — the "4 takes a person tells apart" measure (≥ 25 %).
import path from "node:path";
import { renderSprite } from "@/lib/pixel/sprite/engine";
import { visibleDifference } from "@/lib/pixel/sprite/visible-difference";
import type { RgbaImage } from "@/lib/pixel/types";
import { type Cell, sheet } from "./contact-sheet";

async function main() {
  const cells: Cell[] = [];
  for (const prompt of process.argv.slice(2)) {
    const grids: RgbaImage[] = [];
    for (const seed of [1, 2, 3, 4]) {
      const r = await renderSprite({ prompt, seed, mode: "idle", index: 0, count: 1 });
      grids.push(r.grid);
      cells.push({ label: prompt.replace(/^an? /, ""), sub: `seed ${seed}`, grid: r.grid });
    }
    let min = 1;
    for (let a = 0; a < 4; a++)
      for (let b = a + 1; b < 4; b++) min = Math.min(min, visibleDifference(grids[a]!, grids[b]!));
    console.log(`${prompt}: smallest difference between two seeds ${(min * 100).toFixed(0)} %`);
  }
  await sheet(cells, path.join("out", "eval-seeds.png"), "4 seeds each");
}

main();
