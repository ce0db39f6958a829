// `npx tsx scripts/eval-seeds.ts ["a samurai" "a capybara" …]`: 4 seeds of each prompt on one
// sheet (out/eval-seeds.png), and the smallest share of opaque pixels a person sees change
// between any two seeds — the "4 takes a person tells apart" measure (≥ 25 %). With no
// prompts, a fixed list across animals, items, buildings, people and monsters (borrowed art and
// rigs) is measured and the ones under the minimum are listed; the exit code is 1 when any is.
import path from "node:path";
import { renderSprite } from "@/lib/pixel/sprite/engine";
import { visibleDifference } from "@/lib/pixel/sprite/visible-difference";
import type { RgbaImage } from "@/lib/pixel/types";
import { type Cell, sheet } from "./contact-sheet";

const MIN = Number(process.env.MIN ?? 0.25);

const DEFAULT = [
  // animals
  "a fox",
  "a wolf",
  "a cat",
  "a brown bear",
  "a chicken",
  "a sea turtle",
  "cute axolotl",
  "a horse",
  // items
  "a healing potion",
  "a treasure chest",
  "an iron sword",
  "a wooden shield",
  "a magic staff",
  "a battle axe",
  "a gold coin",
  // buildings
  "a windmill",
  "a castle",
  "a lighthouse",
  "a wooden house",
  "a tower",
  "a well",
  // people
  "a knight",
  "a wizard",
  "a farmer",
  "a princess",
  // monsters
  "a red dragon",
  "blue slime enemy",
  "a skeleton",
  "a goblin",
  "a minotaur",
  "a ghost",
  "a werewolf",
];

async function main() {
  const args = process.argv.slice(2);
  const prompts = args.length ? args : DEFAULT;
  const cells: Cell[] = [];
  const low: string[] = [];
  let sum = 0;
  for (const prompt of prompts) {
    const grids: RgbaImage[] = [];
    for (const seed of [1, 2, 3, 4]) {
      const r = await renderSprite({ prompt, seed, mode: "idle", index: 0, count: 1 });
      grids.push(r.grid);
      cells.push({ label: prompt.replace(/^an? /, ""), sub: `seed ${seed}`, grid: r.grid });
    }
    let min = 1;
    for (let a = 0; a < 4; a++)
      for (let b = a + 1; b < 4; b++) min = Math.min(min, visibleDifference(grids[a]!, grids[b]!));
    sum += min;
    if (min < MIN) low.push(prompt);
    console.log(`${prompt}: smallest difference between two seeds ${(min * 100).toFixed(0)} %`);
  }
  console.log(
    `${prompts.length} prompts, mean of the smallest differences ${((sum / prompts.length) * 100).toFixed(0)} %; under ${(MIN * 100).toFixed(0)} %: ${low.length ? low.join(", ") : "none"}`,
  );
  await sheet(cells, path.join("out", "eval-seeds.png"), "4 seeds each");
  if (low.length) process.exitCode = 1;
}

main();
