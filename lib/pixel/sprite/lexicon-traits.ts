// What a WordNet gloss says about how a thing looks (lexicon.ts keeps only these words):
// colours ("golden or orange-red" → orange, "black-and-white" → black and white) and body
// patterns the rigs can draw ("striped", "spotted").
import { COLORS } from "./vocabulary";

const HEX = new Map(COLORS.map((c) => [c.id, c.hex]));

/** Gloss colour words → vocabulary colour ids ("golden" reads as orange at pixel scale). */
const GLOSS_COLOR: Readonly<Record<string, string>> = {
  red: "red",
  reddish: "red",
  scarlet: "red",
  crimson: "red",
  vermilion: "red",
  orange: "orange",
  golden: "orange",
  gold: "orange",
  tawny: "orange",
  rufous: "orange",
  yellow: "yellow",
  yellowish: "yellow",
  green: "green",
  greenish: "green",
  olive: "green",
  blue: "blue",
  bluish: "blue",
  purple: "purple",
  violet: "purple",
  pink: "pink",
  pinkish: "pink",
  rosy: "pink",
  brown: "brown",
  brownish: "brown",
  russet: "brown",
  chestnut: "brown",
  tan: "brown",
  black: "black",
  blackish: "black",
  white: "white",
  whitish: "white",
  grey: "grey",
  gray: "grey",
  greyish: "grey",
  grayish: "grey",
  silver: "grey",
  silvery: "grey",
};

/**
 * The colours a gloss names for the thing, as vocabulary colour hexes, at most two: the first
 * colour phrase's first colour ("orange-red" → orange, "pink-to-scarlet" → pink), and a second
 * one only from a pair ("black-and-white", "black and white").
 */
export function glossColors(gloss: string): string[] {
  for (const trait of gloss.split(" ")) {
    const parts = trait.split("-").filter((p) => p !== "to" && p !== "or");
    const ids = parts.map((p) => GLOSS_COLOR[p]).filter((x): x is string => !!x);
    if (!ids.length) continue;
    const pair = parts.includes("and") && ids.length >= 2 && ids[1] !== ids[0];
    return (pair ? ids.slice(0, 2) : ids.slice(0, 1)).map((id) => HEX.get(id)!);
  }
  return [];
}

/** A body pattern the four-legged rig draws, when the gloss names one. */
export function glossPattern(gloss: string): "stripes" | "spots" | undefined {
  const words = gloss.split(" ");
  if (words.some((w) => w === "striped" || w === "stripes" || w === "banded")) return "stripes";
  if (words.some((w) => w === "spotted" || w === "spots")) return "spots";
  return undefined;
}
