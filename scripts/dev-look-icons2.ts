// usage: npx tsx /tmp/look-icons2.ts out.png scale seeds "prompt1|prompt2|..."
import { prepareSprite, renderSpriteGrid } from "@/lib/pixel/sprite/engine";
import { sheet } from "./contact-sheet";

(async () => {
  const [file, sc, seedsS, list] = process.argv.slice(2);
  const S = Number(sc);
  const seeds = seedsS!.split(",").map(Number);
  const prompts = list!.split("|");
  const cells: {
    label: string;
    grid: { width: number; height: number; data: Uint8ClampedArray };
  }[] = [];
  for (const p0 of prompts)
    for (const seed0 of seeds) {
      // "prompt@7": that prompt at seed 7
      const at = /@(\d+)$/.exec(p0);
      const p = at ? p0.slice(0, at.index) : p0;
      const seed = at ? Number(at[1]) : seed0;
      const o = { prompt: p, seed, mode: "idle" as const, index: 0, count: 1, size: 32 };
      await prepareSprite(o);
      const r = renderSpriteGrid(o);
      console.log(`${seed}\t${p}\t${r.interpretation.summary}\t${r.interpretation.summary_zh}`);
      cells.push({ label: `${p} s${seed}`, grid: r.grid });
    }
  const cols = seeds.length === 1 ? Math.min(4, cells.length) : seeds.length;
  await sheet(
    cells.map((c) => ({ ...c, sub: "" })),
    file!,
    prompts.join(" | ").slice(0, 120),
    { cols, scale: S },
  );
})();
