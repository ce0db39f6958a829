// The colours a borrowed silhouette is given when its subject has colours of its own. A
// material ramp ("flesh", "stone", "wood") paints every axolotl, lighthouse and windmill the same
// brown or grey; a person who typed "axolotl" expects pink with red gills, a lighthouse red and
// white bands, a windmill white sails on a stone body. Evidence, best first: the prompt's (or
// the WordNet gloss's) colours (icon.ts), this table of common subjects, the emoji of the same
// subject (emoji colours are a subject's palette drawn by a person), then the material.
import { rgbToHsv } from "../color";
import type { Rgb } from "../types";
import { hasIcon, type IconRaster } from "./emoji-art";
import type { Surface } from "./restyle";

export interface SubjectPalette {
  /** the main region */
  body: string;
  /** small separate pieces (a chest's bands, a lighthouse's lamp, a turtle's flippers) */
  accent?: string;
  /** horizontal bands of this colour across the body (a lighthouse, a barber's pole) */
  bands?: string;
  /** how the body is textured, when the material's surface would be wrong for the subject */
  surface?: Surface;
}

// Matched against the words of the icon's name and the subject (hyphens as spaces), first match
// wins: the longer, more specific names first.
const TABLE: [RegExp, SubjectPalette][] = [
  // buildings and landmarks
  [/\blighthouse\b/, { body: "#eeeae0", bands: "#d0383c", accent: "#f2d23c", surface: "stone" }],
  [/\bwindmill\b/, { body: "#b8ab94", accent: "#f2eee4", surface: "stone" }],
  [/\bigloo\b/, { body: "#e4f0f8", accent: "#a8c8e0", surface: "stone" }],
  [/\b(beehive|hive)\b/, { body: "#e8b52e", accent: "#7c4c2c", surface: "soft" }],
  [/\b(pagoda|torii)\b/, { body: "#c8383c", accent: "#3c3c48" }],
  [/\b(tower|castle|keep|fortress|well|bridge|gate)\b/, { body: "#a4a096", accent: "#8c5a30" }],
  [/\b(pyramid|sphinx)\b/, { body: "#d8b470", accent: "#3c6cb0", surface: "stone" }],
  [/\b(tent|pavilion)\b/, { body: "#e8dcc0", accent: "#c8383c", bands: "#c8383c" }],
  [/\bbarn\b/, { body: "#b83c34", accent: "#eeeae0" }],
  // animals
  [/\baxolotl\b/, { body: "#f4a8bc", accent: "#e0506c", surface: "soft" }],
  [/\b(turtle|tortoise|terrapin)\b/, { body: "#6c9c48", accent: "#8c5a30", surface: "soft" }],
  [/\b(frog|toad)\b/, { body: "#5cae48", accent: "#e8d870", surface: "soft" }],
  [/\b(seahorse|goldfish|koi|clownfish)\b/, { body: "#f0862a", accent: "#f2d23c" }],
  [/\b(fish|shark|whale|dolphin|orca)\b/, { body: "#5c84b0", accent: "#e4ecf4" }],
  [/\b(octopus|squid|kraken|tentacle)\b/, { body: "#d86478", accent: "#f4c0c8", surface: "soft" }],
  [/\b(crab|lobster|shrimp|prawn)\b/, { body: "#d8483c", accent: "#f4c0a0" }],
  [
    /\b(pelican|swan|goose|dove|gull|seagull|stork|egret)\b/,
    { body: "#eeeae0", accent: "#f0a02a" },
  ],
  [/\b(toucan)\b/, { body: "#2c2c34", accent: "#f0862a" }],
  [/\b(raven|crow)\b/, { body: "#3c3848", accent: "#8c8498" }],
  [/\b(flamingo)\b/, { body: "#f08cac", accent: "#2c2c34" }],
  [/\b(parrot|macaw)\b/, { body: "#d8383c", accent: "#3c8ce0" }],
  [/\b(bee|wasp|hornet)\b/, { body: "#f0c030", accent: "#2c2c34" }],
  [/\b(ladybug|ladybird)\b/, { body: "#d8383c", accent: "#2c2c34" }],
  [/\b(snail|slug|earthworm|maggot|larva|caterpillar)\b/, { body: "#e8b0a0", accent: "#a0683a" }],
  [/\b(pig|piglet|boar)\b/, { body: "#f0a8b0", accent: "#c87080" }],
  [/\b(fox)\b/, { body: "#e07830", accent: "#f4eee4" }],
  [/\b(wolf|werewolf|husky)\b/, { body: "#8a8c98", accent: "#eeeae0" }],
  [/\b(bear)\b/, { body: "#7c5438", accent: "#c8a070" }],
  [
    /\b(horse|centaur|pony|donkey|camel|deer|stag|elk|moose)\b/,
    { body: "#a06c40", accent: "#5c3c24" },
  ],
  [/\b(bull|cow|minotaur|ox|bison|buffalo|yak)\b/, { body: "#6c4430", accent: "#eee4c8" }],
  [/\b(sheep|lamb|goat|llama|alpaca)\b/, { body: "#eeeae0", accent: "#5c4c44" }],
  [/\b(pegasus|unicorn)\b/, { body: "#f2eef8", accent: "#e8b52e" }],
  [/\b(lion|griffin|gryphon|manticore)\b/, { body: "#d89c48", accent: "#8c5a30" }],
  [/\b(tiger)\b/, { body: "#e8862c", accent: "#2c2c34" }],
  [/\b(mouse|rat|rabbit|hare|squirrel)\b/, { body: "#a89484", accent: "#f0b4b8" }],
  [
    /\b(snake|serpent|lizard|gecko|iguana|chameleon|basilisk)\b/,
    { body: "#5c9c48", accent: "#e8d870" },
  ],
  [/\b(spider|scorpion|beetle|ant)\b/, { body: "#4c4050", accent: "#d8383c" }],
  [/\b(mermaid|merman|siren)\b/, { body: "#f0c0a0", accent: "#3cb0a0" }],
  [/\b(treant|ent|tree face)\b/, { body: "#8c5a30", accent: "#4ca048" }],
  // plants and food
  [/\b(pumpkin|carrot|orange)\b/, { body: "#f0862a", accent: "#4ca048" }],
  [/\b(apple|cherry|tomato|strawberry)\b/, { body: "#d8383c", accent: "#4ca048" }],
  [/\b(banana|lemon|corn|cheese)\b/, { body: "#f2d23c", accent: "#6c8c3c" }],
  [/\b(mushroom|toadstool)\b/, { body: "#d8383c", accent: "#f2eee4" }],
  [/\b(cactus)\b/, { body: "#4c9c48", accent: "#f08cac", surface: "plant" }],
];

export function subjectPalette(words: string): SubjectPalette | undefined {
  const text = ` ${words.replace(/-/g, " ").toLowerCase()} `;
  for (const [re, p] of TABLE) if (re.test(text)) return p;
  return undefined;
}

function hueDist(a: number, b: number) {
  const d = Math.abs(a - b) % 360;
  return d > 180 ? 360 - d : d;
}

/**
 * The palette of an emoji raster of the same subject: the colour covering most cells (not an
 * outline-dark one) is the body, the next clearly different one the accent.
 */
export function emojiPalette(r: IconRaster): { body: Rgb; accent?: Rgb } | undefined {
  const order = r.colors
    .map((c, i) => ({ c, n: r.counts[i] ?? 0, hsv: rgbToHsv(...c) }))
    .filter((x) => x.n > 0 && x.hsv[2] > 0.22)
    .sort((a, b) => b.n - a.n);
  const body = order[0];
  if (!body) return undefined;
  const total = order.reduce((s, x) => s + x.n, 0);
  const accent = order.find(
    (x) =>
      x !== body &&
      x.n >= total * 0.04 &&
      (hueDist(x.hsv[0], body.hsv[0]) > 35 || Math.abs(x.hsv[2] - body.hsv[2]) > 0.3),
  );
  return { body: body.c, accent: accent?.c };
}

/**
 * The emoji (Fluent flat) that draws the same subject as a silhouette, when the table has no
 * entry: the icon's whole name, its last word ("sea-turtle" → turtle) or the subject. Only whole
 * names: a tag search would colour a tower like Tokyo Tower.
 */
const emojiFor = new Map<string, string | null>();

export function emojiForSilhouette(iconName: string, subject: string): string | undefined {
  const key = `${iconName} ${subject}`;
  let hit = emojiFor.get(key);
  if (hit === undefined) {
    hit = null;
    if (!subjectPalette(key)) {
      const last = iconName.split("-").pop() ?? "";
      for (const n of [iconName, subject, last])
        if (n.length >= 3 && hasIcon("fluent-emoji-flat", n)) {
          hit = n;
          break;
        }
    }
    if (emojiFor.size > 5000) emojiFor.clear();
    emojiFor.set(key, hit);
  }
  return hit ?? undefined;
}
