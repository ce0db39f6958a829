// A theme word on a ship changes its colours and parts (issue #20: "a pirate ship" was a
// white-sailed dinghy): a pirate ship or galleon flies black sails and a skull flag, a viking
// ship a red-striped sail with round shields along the gunwale. Applied to the boat as drawn,
// by material, so the rig's own shape choices and animation stay.
import type { SpriteCanvas } from "./canvas";
import type { Mats } from "./design";

export type ShipTheme = "pirate" | "viking";

const PIRATE = /\b(pirates?'?s?|galleons?|buccaneers?|corsairs?|jolly roger)\b|海盗/;
const VIKING = /\b(vikings?'?s?|longships?|norse|drakkar)\b|维京|北欧/;

export function shipTheme(text: string): ShipTheme | undefined {
  const t = text.toLowerCase();
  if (VIKING.test(t)) return "viking";
  if (PIRATE.test(t)) return "pirate";
  return undefined;
}

const SHIP = /\b(ships?|galleons?|frigates?|warships?|pirates?)\b|海盗船|大船|帆船|战船/;

/** A ship, not a boat: drawn as a galleon (scenery.ts); a viking ship is a longship, a boat. */
export function isShip(text: string): boolean {
  return SHIP.test(text.toLowerCase()) && shipTheme(text) !== "viking";
}

export interface ThemeMats {
  sail: number;
  stripe: number;
  flag: number;
  skull: number;
  shield: [number, number];
}

export function themeMats(m: Pick<Mats, "add">, theme: ShipTheme): ThemeMats {
  return {
    sail: m.add(theme === "pirate" ? "#2c2634" : "#eee4cc"),
    stripe: m.add("#c8303c"),
    flag: m.add("#1c1824"),
    skull: m.add("#f4f0e4", { flat: true, noOutline: true }),
    shield: [m.add("#d8a030"), m.add("#3c6ec8")],
  };
}

/**
 * Re-dresses a drawn boat: the sails (cells of `sailMat`, parts 4–5) and the flag (`flagPart`)
 * take the theme's colours; a viking ship gets shields along its deck line `deck`.
 */
export function dressShip(
  c: SpriteCanvas,
  theme: ShipTheme,
  tm: ThemeMats,
  sailMat: number,
  flagPart: number,
  deck: number,
  k: number,
): void {
  let fx = c.w;
  let fy = c.h;
  for (let y = 0; y < c.h; y++)
    for (let x = 0; x < c.w; x++) {
      const i = y * c.w + x;
      if (c.mat[i] === sailMat && (c.part[i] === 4 || c.part[i] === 5)) {
        const band = Math.floor(y / Math.max(2, 2 * Math.round(k))) % 2 === 1;
        c.mat[i] = theme === "viking" && band ? tm.stripe : tm.sail;
      } else if (c.part[i] === flagPart && c.mat[i]! >= 0 && theme === "pirate") {
        c.mat[i] = tm.flag;
        if (x < fx || (x === fx && y < fy)) {
          fx = x;
          fy = y;
        }
      }
    }
  const kk = Math.max(1, Math.round(k));
  if (theme === "pirate" && fx < c.w) {
    // a white skull dot on the black flag, near the mast
    c.rect(fx + kk, fy + kk, fx + 2 * kk - 1, fy + 2 * kk - 1, tm.skull, 7);
  }
  if (theme === "viking") {
    // round shields along the gunwale, alternating colours
    let n = 0;
    for (let x = Math.round(c.w / 2 - 10 * k); x <= c.w / 2 + 9 * k; x += 4 * kk) {
      let y = deck;
      while (y < c.h && c.mat[y * c.w + x]! < 0) y++;
      c.ellipse(x, y + kk, 1.5 * kk, 1.5 * kk, tm.shield[n++ % 2]!, 7);
      c.plot(x, y + kk, tm.skull, 7);
    }
  }
}
