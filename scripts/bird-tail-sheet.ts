// `npx tsx scripts/bird-tail-sheet.ts out/file.png "a heron" …`: per prompt 4 seeds at rest and
// three walk frames of seed 1, to compare a bird's borrowed drawing with the rig's by eye.
import { renderSprite } from "@/lib/pixel/sprite/engine";
import { type Cell, sheet } from "./contact-sheet";

async function main() {
  const [file, ...prompts] = process.argv.slice(2);
  const cells: Cell[] = [];
  for (const prompt of prompts) {
    const label = prompt.replace(/^an? /, "");
    for (const seed of [1, 2, 3, 4]) {
      const r = await renderSprite({ prompt, seed, mode: "idle", index: 0, count: 1 });
      cells.push({ label, sub: `seed ${seed}`, grid: r.grid });
    }
    for (const index of [0, 1]) {
      const r = await renderSprite({ prompt, seed: 1, mode: "walk", index, count: 4 });
      cells.push({ label, sub: `walk ${index}`, grid: r.grid });
    }
  }
  await sheet(cells, file ?? "out/bird-tail.png", "4 seeds and a walk");
}

main();
