// `npx tsx scripts/dev-tail-folk-frames.ts "a zombie" "a vampire" …`: each prompt in front, back,
// walk and attack frames on one contact sheet (out/dev-frames.png), to look at costumes by eye.
import path from "node:path";
import { prepareSprite, renderSpriteGrid } from "@/lib/pixel/sprite/engine";
import { type Cell, sheet } from "./contact-sheet";

const FRAMES = [
  ["idle", 0, 1],
  ["directions", 2, 4],
  ["walk", 1, 4],
  ["attack", 2, 4],
] as const;

async function main() {
  const cells: Cell[] = [];
  for (const prompt of process.argv.slice(2))
    for (const [mode, index, count] of FRAMES) {
      const o = { prompt, seed: Number(process.env.SEED ?? 1), mode, index, count };
      await prepareSprite(o);
      const r = renderSpriteGrid(o);
      cells.push({ label: prompt.replace(/^an? /, ""), sub: `${mode} ${index}`, grid: r.grid });
      if (mode === "idle") console.log(`${prompt} → ${r.interpretation.summary}`);
    }
  await sheet(cells, path.join("out", "dev-frames.png"), "tail-folk frames");
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
