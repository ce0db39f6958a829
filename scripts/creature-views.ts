// `npx tsx scripts/creature-views.ts "a knight riding a horse" "a cerberus" …`: each prompt in the
// modes a game uses (idle, walk, directions, attack), then 4 seeds of the first four, on
// out/creature-views.png, to look at compositions from every side and their takes.
import path from "node:path";
import { prepareSprite, renderSpriteGrid } from "@/lib/pixel/sprite/engine";
import { type Cell, sheet } from "./contact-sheet";

(async () => {
  const cells: Cell[] = [];
  const prompts = process.argv.slice(2);
  for (const p of prompts)
    for (const [mode, index, count] of [
      ["idle", 0, 1],
      ["walk", 1, 4],
      ["directions", 0, 4],
      ["directions", 1, 4],
      ["directions", 3, 4],
      ["attack", 2, 4],
    ] as const) {
      const o = { prompt: p, seed: 1, mode, index, count };
      await prepareSprite(o);
      const r = renderSpriteGrid(o);
      cells.push({ label: p.replace(/^an? /, ""), sub: `${mode} ${index}`, grid: r.grid });
    }
  for (const p of prompts.slice(0, 4))
    for (const s of [1, 2, 3, 4]) {
      const o = { prompt: p, seed: s, mode: "idle" as const, index: 0, count: 1 };
      await prepareSprite(o);
      cells.push({
        label: p.replace(/^an? /, ""),
        sub: `seed ${s}`,
        grid: renderSpriteGrid(o).grid,
      });
    }
  await sheet(
    cells,
    path.join("out", "creature-views.png"),
    "Creature compositions: modes and seeds",
  );
})();
