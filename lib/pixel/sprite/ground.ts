// What a standing thing stands on. A building reads as a place when it sits in a strip of grass
// over a line of earth that runs a little past its walls; furniture, vehicles and plants read as
// set down when a flat shadow runs past their feet. Both are drawn only into empty cells after
// the thing itself, so any drawing (a rig or a borrowed icon) can take one.
import type { SpriteCanvas } from "./canvas";
import type { Mats } from "./design";
import type { SubjectCategory } from "./vocabulary";

export type Footing = "grass" | "shadow";

export interface GroundMats {
  grass: number;
  earth: number;
  shadow: number;
}

export function groundMats(m: Mats): GroundMats {
  return {
    grass: m.add("#5cac48"),
    earth: m.add("#7c5434"),
    shadow: m.add("#2c2838", { flat: true, noOutline: true }),
  };
}

// Long-tail icon names that are buildings or places (no vocabulary category says so)
const PLACE =
  /house|hut|cabin|cottage|castle|tower|fort|keep|temple|church|chapel|shrine|pagoda|pyramid|mill|barn|shop|tavern|inn|mansion|manor|palace|prison|jail|lighthouse|well|tent|igloo|gate|ruins|tomb|mausoleum|crypt|station|factory|bunker|hangar|warehouse|stable|smithy|forge|observatory|cave|mine|arena|colosseum|bridge/;
// things that float, fly or sail cast no shadow at their feet
const AFLOAT =
  /balloon|zeppelin|airship|ufo|saucer|helicopter|plane|jet|rocket|shuttle|spaceship|satellite|drone|boat|ship|galleon|canoe|raft|submarine|kite|cloud/;

/** The footing of a drawn subject from its vocabulary category, or its icon name when it has none. */
export function footingFor(
  category: SubjectCategory | undefined,
  name: string,
): Footing | undefined {
  if (category === "building" || (!category && PLACE.test(name))) return "grass";
  if (AFLOAT.test(name)) return undefined;
  if (category === "vehicle" || category === "prop") return "shadow";
  return undefined;
}

/**
 * Draws the footing under the cells a subject drew on its ground row, from x0 to x1 (its
 * footprint at rest, so the ground stays put while the thing bobs), into empty cells only.
 */
export function drawFooting(
  c: SpriteCanvas,
  footing: Footing,
  x0: number,
  x1: number,
  ground: number,
  gm: GroundMats,
): void {
  const fill = (x: number, y: number, mat: number, part: number, tone = -1) => {
    if (c.get(x, y) < 0) c.plot(x, y, mat, part, tone);
  };
  if (footing === "shadow") {
    for (let x = x0 - 1; x <= x1 + 1; x++) fill(x, ground, gm.shadow, 48);
    return;
  }
  for (let x = x0 - 2; x <= x1 + 2; x++) {
    fill(x, ground, gm.earth, 46, 1);
    fill(x, ground - 1, gm.grass, 47, x % 3 === 0 ? 3 : 2);
    // tufts past the walls
    if ((x < x0 || x > x1) && x % 2 === 0) fill(x, ground - 2, gm.grass, 47, 3);
  }
}
