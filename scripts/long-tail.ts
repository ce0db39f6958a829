// `npx tsx scripts/long-tail.ts`: the scoring method for the offline engine's long tail.
// Game-asset nouns a new user would type that the curated vocabulary does NOT list (the ones it
// lists are filtered out at run time), drawn at 32 px on a contact sheet to judge by eye:
// recognisable at a glance? good enough to ship? Also a few wearables/compositions.
// Writes out/long-tail.png (+ out/long-tail-seeds.png: 4 seeds of a few prompts) and prints
// each prompt's interpretation line, so silent guesses (a wrong subject with no "guessed:") show.
import fs from "node:fs";
import path from "node:path";
import { prepareSprite, renderSpriteGrid } from "@/lib/pixel/sprite/engine";
import { parsePrompt } from "@/lib/pixel/sprite/prompt";
import { type Cell, sheet } from "./contact-sheet";

const NOUNS = `trident whip flail halberd musket grenade bomb landmine gauntlet boots amulet ring bracelet
quiver compass hourglass candle lantern bell drum harp trophy medal banner signpost cauldron bed
coffin crystal-ball obelisk tent igloo minecart hot-air-balloon submarine ufo helicopter kraken
medusa basilisk yeti wraith banshee golem mushroom-man bat crab octopus scorpion beetle snail
jellyfish shark spider scroll map lockpick bandage herb mortar-and-pestle rune crate keg
sack-of-flour tombstone skull-pile cobweb vase chandelier rocket robot-arm barricade
sawblade pressure-plate trapdoor lava-golem fairy genie djinn wyvern cerberus kobold
ent mimic rat-king chimera manticore oil-lamp pickaxe fishing-rod bucket ladder rope
hammer-and-anvil treasure-map war-horn crown-of-thorns magic-mirror heart-container
key-card jetpack power-up shield-generator energy-cell battery gem-socket
lockbox safe vault-door padlock chain shackles cage gallows guillotine pillory torture-rack
wagon carriage cart sled canoe raft rowboat galleon zeppelin biplane mech-suit hoverboard
lamp-post street-lamp fountain statue-of-liberty gazebo shrine pagoda pyramid temple colosseum
tavern-sign wanted-poster notice-board bounty-board barrel-cactus palm-tree bonsai lily-pad
seaweed coral clam pearl starfish seahorse lobster squid eel anglerfish piranha
gecko iguana chameleon tortoise armadillo hedgehog porcupine skunk raccoon badger otter beaver
bison camel llama kangaroo koala sloth hippo rhino gorilla monkey parrot flamingo peacock
toucan vulture raven crow eagle hawk falcon swan stork pelican moth butterfly dragonfly
ladybug ant mosquito worm caterpillar cocoon larva spore fungus mold slime-mold`;

const EXTRA = [
  "a dog wearing a cape",
  "a cat wearing a cape",
  "a knight with a cape",
  "a lever",
  "a statue",
  "an iron ore",
  "a sandworm",
  "a gargoyle",
  "a cape",
];

/**
 * `HELD_OUT=1` (or `=2`, `=tail`): only a list of whole prompts, scripts/held-out.txt (or
 * held-out-2.txt, written later; held-out-tail.txt, the 77 long-tail nouns of the first
 * measurement, fixed so later vocabulary does not shrink it) → out/held-out(-2|-tail).png.
 */
async function heldOut() {
  const n =
    process.env.HELD_OUT === "2"
      ? "-2"
      : process.env.HELD_OUT === "tail"
        ? "-tail"
        : process.env.HELD_OUT === "3"
          ? "-3"
          : process.env.HELD_OUT === "1"
            ? ""
            : `-${process.env.HELD_OUT}`;
  const prompts = fs
    .readFileSync(path.join(__dirname, `held-out${n}.txt`), "utf8")
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
  const cells: Cell[] = [];
  for (const p of prompts) {
    const o = { prompt: p, seed: 1, mode: "idle" as const, index: 0, count: 1 };
    await prepareSprite(o);
    const r = renderSpriteGrid(o);
    const it = r.interpretation;
    cells.push({ label: p.replace(/^an? /, ""), sub: `${it.builder}:${it.subject}`, grid: r.grid });
    console.log(`${p} → ${it.summary}`);
  }
  await sheet(
    cells,
    path.join("out", `held-out${n}.png`),
    `Held-out game prompts (${prompts.length}), seed 1`,
  );
}

async function main() {
  if (process.env.HELD_OUT) return heldOut();
  const outDir = path.join(process.cwd(), "out");
  fs.mkdirSync(outDir, { recursive: true });
  const seed = Number(process.env.SEED ?? 1);
  const all = NOUNS.split(/\s+/)
    .filter(Boolean)
    .map((w) => `a ${w.replace(/-/g, " ")}`);
  // only what the curated vocabulary does not name: found by the icon search, a guess, or nothing
  const tail0 = all.filter((p) => {
    const i = parsePrompt(p);
    return i.guesses.length > 0 || i.nothingMatched;
  });
  // a stable subset of at most 80, spread over the list so every row of kinds is sampled
  const step = Math.max(1, tail0.length / 80);
  const tail =
    tail0.length <= 80 ? tail0 : Array.from({ length: 80 }, (_, k) => tail0[Math.floor(k * step)]!);
  const prompts = [...tail, ...EXTRA];
  const cells: Cell[] = [];
  const opts = (prompt: string, s = seed) => ({
    prompt,
    seed: s,
    mode: "idle" as const,
    index: 0,
    count: 1,
  });
  for (const p of prompts) {
    await prepareSprite(opts(p));
    const r = renderSpriteGrid(opts(p));
    const it = r.interpretation;
    cells.push({ label: p.replace(/^an? /, ""), sub: `${it.builder}:${it.subject}`, grid: r.grid });
    console.log(`${p} → ${it.summary}`);
  }
  console.log(`${tail.length} long-tail nouns (of ${all.length} typed) + ${EXTRA.length} extra`);
  await sheet(
    cells,
    path.join(outDir, "long-tail.png"),
    `Long tail: ${tail.length} nouns not in the vocabulary + extras, seed ${seed}`,
  );
  const seeds: Cell[] = [];
  for (const p of ["a lever", "a statue", "a gargoyle", "a sandworm", "a cape", "an ore"])
    for (const s of [1, 2, 3, 4]) {
      await prepareSprite(opts(p, s));
      const r = renderSpriteGrid(opts(p, s));
      seeds.push({ label: p.replace(/^an? /, ""), sub: `seed ${s}`, grid: r.grid });
    }
  // wearables on bodies that have no part for them, in the modes a game uses
  for (const p of ["a dog wearing a cape", "a rabbit wearing a cape", "a dragon with a cape"])
    for (const [mode, index] of [
      ["idle", 0],
      ["walk", 1],
      ["directions", 0],
      ["directions", 1],
    ] as const) {
      const o = { prompt: p, seed, mode, index, count: 4 };
      await prepareSprite(o);
      const r = renderSpriteGrid(o);
      seeds.push({ label: p.replace(/^an? /, ""), sub: `${mode} ${index}`, grid: r.grid });
    }
  await sheet(seeds, path.join(outDir, "long-tail-seeds.png"), "Weak icons, 4 seeds each; capes");
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
