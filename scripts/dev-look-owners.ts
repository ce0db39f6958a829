// Throw-away (`npx tsx scripts/dev-look-owners.ts prompts.txt out.png`): seed 1 of each prompt on a
// contact sheet, with its "Drawn as" lines printed, for looking at by eye.
import fs from "node:fs";
import { prepareSprite, renderSpriteGrid } from "@/lib/pixel/sprite/engine";
import { type Cell, sheet } from "./contact-sheet";

(async () => {
  const [inFile, outFile, seedArg] = process.argv.slice(2);
  const prompts = fs.readFileSync(inFile!, "utf8").split("\n").filter(Boolean);
  const cells: Cell[] = [];
  for (const prompt of prompts) {
    const o = { prompt, seed: Number(seedArg ?? 1), mode: "idle" as const, index: 0, count: 1 };
    await prepareSprite(o);
    const r = renderSpriteGrid(o);
    console.log(`${prompt}\n  ${r.interpretation.summary}\n  ${r.interpretation.summary_zh}`);
    cells.push({ label: prompt.slice(0, 18), sub: r.interpretation.subject, grid: r.grid });
  }
  await sheet(cells, outFile!, inFile!);
})();
