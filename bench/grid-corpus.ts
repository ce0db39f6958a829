// Issue #17's grid-recovery corpus, per input: which recipes miss and what was found instead.
// `npx tsx bench/grid-corpus.ts A` is the corpus of lib/pixel/grid-recovery.test.ts (the one the
// method was tuned on); `B` is a held-out one (other prompts, seeds and recipe draws) for
// checking that a change generalises. Add a family name to run only that family.
import {
  FAKE_FAMILIES,
  type FakeFamily,
  fakePixelArt,
  fakeRecipe,
} from "../lib/pixel/fake-pixel-art";
import { recoverGrid } from "../lib/pixel/grid-detect";
import { decodeImage } from "../lib/pixel/raster";
import { generateSpriteFrame } from "../lib/pixel/sprite-frame";

const CORPORA = {
  A: {
    prompts: [
      "a red knight",
      "green slime",
      "blue potion",
      "fire dragon",
      "oak tree",
      "steel sword",
      "robot",
      "purple mage",
    ],
    seed: 7,
    recipe: 0,
  },
  B: {
    prompts: [
      "grey wolf",
      "treasure chest",
      "ice golem",
      "pink flower",
      "wooden shield",
      "skeleton archer",
      "golden key",
      "brown bear",
    ],
    seed: 101,
    recipe: 1000,
  },
} as const;
const SIZES = [16, 32, 48, 64];
const PER_FAMILY = 16;

async function main() {
  const name = (process.argv[2] ?? "A") as keyof typeof CORPORA;
  const only = process.argv[3];
  const c = CORPORA[name];
  if (!c) throw new Error("corpus A or B");
  let total = 0;
  let exact = 0;
  let ms = 0;
  let mp = 0;
  const rows: string[] = [];
  for (const family of FAKE_FAMILIES as readonly FakeFamily[]) {
    if (only && only !== family) continue;
    let fExact = 0;
    for (let i = 0; i < PER_FAMILY; i++) {
      const size = SIZES[i % SIZES.length]!;
      const sprite = await generateSpriteFrame({
        prompt: c.prompts[i % c.prompts.length]!,
        seed: c.seed + i,
        mode: "idle",
        index: 0,
        count: 1,
        background: "transparent",
        scale: 1,
        size,
      });
      const r = fakeRecipe(family, sprite.grid, i + c.recipe);
      const src = await decodeImage(await fakePixelArt(sprite.grid, r));
      const t = performance.now();
      const g = recoverGrid(src, { jpeg: !!r.jpeg });
      ms += performance.now() - t;
      mp += (src.width * src.height) / 1e6;
      const ok = !!g && g.logicalWidth === size && g.logicalHeight === size;
      total++;
      if (ok) {
        exact++;
        fExact++;
        continue;
      }
      console.log(
        `miss ${family} #${i}: ${size}² at ×${r.scale} ${r.kernel} jpeg ${r.jpeg ?? "-"} shift ${r.shift} shadow ${r.shadow} noise ${r.noise.toFixed(1)} (true pitch ${(src.width / size).toFixed(2)}) → ${g ? `${g.logicalWidth}×${g.logicalHeight}, pitch ${g.cellWidth.toFixed(2)}×${g.cellHeight.toFixed(2)}` : "no grid"}`,
      );
    }
    rows.push(`${family.padEnd(15)} ${fExact}/${PER_FAMILY}`);
  }
  console.log(rows.join("\n"));
  console.log(
    `corpus ${name}: exact size ${exact}/${total} (${((100 * exact) / total).toFixed(1)} %), recovery alone ${(ms / mp).toFixed(1)} ms/MP`,
  );
}

main();
