// Throw-away (`npx tsx scripts/dev-regress-dump.ts prompts.txt out.json`): renders a list of prompts at 32 px, seeds 1 and 3, and writes each grid's hash, the
// "Drawn as" lines and the pixels to JSON, so two engines (base and branch) can be compared.
import crypto from "node:crypto";
import fs from "node:fs";
import { prepareSprite, renderSpriteGrid } from "@/lib/pixel/sprite/engine";
import { SUBJECTS } from "@/lib/pixel/sprite/vocabulary";

(async () => {
  const [inFile, outFile, mode] = process.argv.slice(2);
  if (mode === "subjects") {
    fs.writeFileSync(outFile!, SUBJECTS.map((s) => s.en[0] ?? s.weak[0]!).join("\n"));
    return;
  }
  const prompts = fs.readFileSync(inFile!, "utf8").split("\n").filter(Boolean);
  const out: Record<string, unknown> = {};
  for (const p of prompts) {
    for (const seed of [1, 3]) {
      const o = { prompt: p, seed, mode: "idle" as const, index: 0, count: 1, size: 32 };
      try {
        await prepareSprite(o);
        const r = renderSpriteGrid(o);
        const d = Buffer.from(r.grid.data);
        out[`${seed}\t${p}`] = {
          h: crypto.createHash("sha1").update(d).digest("hex").slice(0, 12),
          w: r.grid.width,
          en: r.interpretation.summary,
          zh: r.interpretation.summary_zh,
          px: d.toString("base64"),
        };
      } catch (e) {
        out[`${seed}\t${p}`] = { h: "ERR", en: String(e), zh: "", px: "" };
      }
    }
  }
  fs.writeFileSync(outFile!, JSON.stringify(out));
})();
