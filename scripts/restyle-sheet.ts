// `npx tsx scripts/restyle-sheet.ts [prompts…]`: borrowed game-icons silhouettes as the restyle
// colours them, at 16, 32 and 64 px and over 4 seeds → out/restyle.png (to judge by eye).
import path from "node:path";
import { prepareSprite, renderSpriteGrid } from "@/lib/pixel/sprite/engine";
import { type Cell, sheet } from "./contact-sheet";

const DEFAULT = [
  "a crossbow",
  "a slingshot",
  "a throwing star",
  "a sniper rifle",
  "a chainmail shirt",
  "a fishing net",
  "a wheelbarrow",
  "a pitchfork",
  "a scythe",
  "a mailbox",
  "a wooden fence",
  "a bench",
  "a bookcase",
  "a piano",
  "a windmill",
  "a cave entrance",
  "a spaceship",
  "a tank",
  "a satellite dish",
  "a rusty chainsaw",
  "a burning barrel",
  "a mace",
  "a shovel",
  "an anvil",
];

async function main() {
  const prompts = process.argv.slice(2).length ? process.argv.slice(2) : DEFAULT;
  const cells: Cell[] = [];
  for (const p of prompts)
    for (const [size, seed] of [
      [16, 1],
      [32, 1],
      [64, 1],
      [32, 2],
      [32, 3],
      [32, 4],
    ] as const) {
      const o = { prompt: p, seed, mode: "idle" as const, index: 0, count: 1, size };
      await prepareSprite(o);
      const r = renderSpriteGrid(o);
      cells.push({ label: p.replace(/^an? /, ""), sub: `${size}px seed ${seed}`, grid: r.grid });
    }
  await sheet(cells, path.join("out", "restyle.png"), "Game-icons restyle: 16/32/64 px, seeds 1-4");
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
