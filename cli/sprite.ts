// `sprite "<prompt>" --mode walk --seed 7 [--count N] [--scale 20] [--background transparent|white]
//   [--palette pico-8|auto|auto:N] --out out/` — runs the offline local/pixel-sprite engine.
import fs from "node:fs/promises";
import path from "node:path";
import { buildSheetFromGrids, encodeGifFromGrids, frameDurations } from "@/lib/pixel/exports";
import { encodeGridPng } from "@/lib/pixel/raster";
import { prepareSprite, renderSpriteGrid } from "@/lib/pixel/sprite/engine";
import {
  type Background,
  DEFAULT_BATCH_COUNT,
  fixedFrameCount,
  MAX_BATCH_COUNT,
  type SpriteMode,
} from "@/lib/vocabulary";

const MODES: SpriteMode[] = ["walk", "idle", "attack", "directions", "variations", "random"];

function parseArgs(argv: string[]) {
  const flags: Record<string, string> = {};
  const words: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a.startsWith("--")) {
      const [k, v] = a.slice(2).split("=", 2);
      flags[k!] = v ?? argv[++i] ?? "";
    } else words.push(a);
  }
  return { flags, prompt: words.join(" ").trim() };
}

export async function runSpriteCommand(argv: string[]): Promise<void> {
  const { flags, prompt } = parseArgs(argv);
  if (!prompt)
    throw new Error(
      'usage: sprite "<prompt>" --mode walk --seed 7 [--count N] [--scale 20] [--background transparent|white] [--palette pico-8] --out out/',
    );
  const mode = (flags.mode ?? "walk") as SpriteMode;
  if (!MODES.includes(mode)) throw new Error(`--mode must be one of ${MODES.join(", ")}`);
  const seed = Number(flags.seed ?? 1);
  const count =
    fixedFrameCount(mode) ??
    Math.max(1, Math.min(MAX_BATCH_COUNT, Number(flags.count ?? DEFAULT_BATCH_COUNT)));
  const scale = Math.max(1, Math.min(64, Number(flags.scale ?? 20)));
  const background = (flags.background ?? "transparent") as Background;
  if (background !== "transparent" && background !== "white")
    throw new Error("--background must be transparent or white");
  const out = flags.out ?? "out";
  await fs.mkdir(out, { recursive: true });

  await prepareSprite({ prompt, seed, mode, index: 0 });
  const grids = Array.from(
    { length: count },
    (_, index) =>
      renderSpriteGrid({ prompt, seed, mode, index, count, palette: flags.palette }).grid,
  );
  const written: string[] = [];
  const write = async (name: string, data: Buffer | string) => {
    const p = path.join(out, name);
    await fs.writeFile(p, data);
    written.push(`${p} (${typeof data === "string" ? data.length : data.length} bytes)`);
  };
  // sharp encodes PNGs on its threadpool while the GIF is encoded on this thread
  const pngsP = Promise.all(grids.map((g) => encodeGridPng(g, scale, background)));
  const sheetP = buildSheetFromGrids(grids, {
    scale,
    background,
    mode,
    imageName: "sheet.png",
  });
  const gif = encodeGifFromGrids(grids, {
    scale,
    background,
    durations: frameDurations(mode, count),
  });
  const pngs = await pngsP;
  for (let i = 0; i < pngs.length; i++) await write(`${mode}_${i + 1}.png`, pngs[i]!);
  const sheet = await sheetP;
  await write("sheet.png", sheet.png);
  await write("sheet.json", `${JSON.stringify(sheet.atlas, null, 2)}\n`);
  await write("anim.gif", gif);
  const { width, height } = grids[0]!;
  console.log(
    `sprite "${prompt}" mode=${mode} seed=${seed} frames=${count} grid=${width}x${height} scale=${scale}`,
  );
  for (const w of written) console.log(`  wrote ${w}`);
}
