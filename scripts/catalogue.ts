// `npm run catalogue`: every subject of the offline engine's vocabulary (and a sample of
// compositions) on one contact sheet with captions, to look at as a game developer would.
// Writes out/catalogue.png (and out/catalogue-compositions.png); prints the time per sprite.
import fs from "node:fs";
import path from "node:path";
import { prepareSprite, renderSpriteGrid } from "@/lib/pixel/sprite/engine";
import { SUBJECTS } from "@/lib/pixel/sprite/vocabulary";
import { type Cell, sheet } from "./contact-sheet";

const COMPOSITIONS = [
  "a green goblin archer",
  "a knight holding a torch",
  "a robot cat",
  "a skeleton king",
  "a haunted ghost",
  "a cute pink pig",
  "a mushroom tile for a platformer",
  "a golden crown",
  "a bow and arrow",
  "a red apple",
  "a wooden barrel",
  "a campfire",
  "a rusty iron sword",
  "an ice dragon",
  "a poison potion",
  "a magic staff",
  "a fire sword",
  "a haunted house",
  "a crystal shield",
  "an elf mage with a wand",
  "a dwarf blacksmith",
  "an orc warrior with an axe",
  "a vampire",
  "a mummy",
  "a demon",
  "a wizard holding an apple",
  "a blue slime",
  "a golden apple",
  "a grass platform",
  "a haunted tree",
  "a frozen chest",
  "a poison mushroom",
  "拿着火把的骑士",
  "绿色的哥布林弓箭手",
  "a lute",
  "an alchemist",
  "a dragn",
  "florp zibble",
  "a fire-breathing red dragon",
  "一只喷火的红龙",
  "a cat wearing a wizard hat",
  "a troll with a club",
  "a treasure chest full of gold",
  "a mimic chest with teeth",
  "a health potion",
  "a mana potion",
  "a spring pad",
  "a spike trap",
  "a question-mark block",
  "🐉",
  "a spiky pit",
  "a jerrycan",
];

async function main() {
  const outDir = path.join(process.cwd(), "out");
  fs.mkdirSync(outDir, { recursive: true });
  const seed = Number(process.env.SEED ?? 1);
  const prompts = SUBJECTS.map((s) => ({ prompt: s.en[0] ?? s.weak[0]!, id: s.id }));
  const size = process.env.SIZE ? Number(process.env.SIZE) : undefined;
  const opts = (prompt: string) => ({
    prompt,
    seed,
    mode: "idle" as const,
    index: 0,
    count: 2,
    size,
  });
  // first pass loads borrowed icons (the one-off cost of a fresh process), second pass is timed
  const t0 = performance.now();
  for (const p of prompts) await prepareSprite(opts(p.prompt));
  const tLoad = performance.now() - t0;
  const cells: Cell[] = [];
  const t1 = performance.now();
  for (const p of prompts) {
    const r = renderSpriteGrid(opts(p.prompt));
    const it = r.interpretation;
    const wrong = it.subject !== p.id ? ` ≠${it.subject}` : "";
    cells.push({ label: p.prompt, sub: `${it.builder}${wrong}`, grid: r.grid });
  }
  const tDraw = performance.now() - t1;
  const name = size ? `catalogue-${size}.png` : "catalogue.png";
  await sheet(
    cells,
    path.join(outDir, name),
    `Pixel Studio offline engine: ${prompts.length} subjects, seed ${seed}${size ? `, ${size} px` : ""}`,
  );
  const comp: Cell[] = [];
  for (const prompt of COMPOSITIONS) {
    await prepareSprite(opts(prompt));
    const r = renderSpriteGrid(opts(prompt));
    comp.push({
      label: prompt,
      sub: r.interpretation.summary.replace(/^Drawn as: /, ""),
      grid: r.grid,
    });
  }
  await sheet(
    comp,
    path.join(outDir, "catalogue-compositions.png"),
    "Compositions, modifiers and bad input",
  );
  console.log(
    `${prompts.length} subjects: first load ${tLoad.toFixed(0)} ms (icons rendered once per process), draw ${(tDraw / prompts.length).toFixed(2)} ms/sprite`,
  );
  for (const c of comp) console.log(`${c.label} → ${c.sub}`);
  console.log(
    `wrote ${path.join("out", name)} and ${path.join("out", "catalogue-compositions.png")}`,
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
