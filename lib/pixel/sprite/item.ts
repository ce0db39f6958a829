// Items (weapons, potions, chests, gems, shields, keys, coins). Items have no legs, so
// "walk"/"idle" bob and glint, "attack" swings or opens, "directions" turns the object.

import { hexToRgb, mixRgb } from "../color";
import type { Rng } from "../prng";
import type { SpriteCanvas } from "./canvas";
import { buildCarpet } from "./carpet";
import { type Design, Mats, type Pose, pickColor } from "./design";
import { buildDoor, isDoorKind } from "./doors";
import { drawPotionMark, potionMarkMats } from "./potion-marks";
import { potionMeaningById } from "./potion-meanings";
import type { PromptInfo } from "./prompt";
import { takeIndex } from "./take-variety";

// A standalone item is the whole sprite, so it is drawn as large as the emoji-icon subjects
// (about 26 of 32 px); these rigs were laid out at hand scale and came out half their size on
// the catalogue sheet. Every offset below is a multiple of k from the bottom-centre anchor, so
// raising k zooms the drawing about that anchor. Held items are drawn by the humanoid rig and
// keep their hand scale.
const STANDALONE_ZOOM: Record<string, number> = {
  sword: 1.35,
  axe: 1.3,
  staff: 1.12,
  spear: 1.12,
  potion: 1.3,
  coin: 1.3,
  shield: 1.3,
};

// Alternative drawings per take (issue #20: four seeds of "an iron sword" were one sword in
// four greys). Each row is one design; consecutive seeds draw consecutive rows (takeIndex).
const SWORDS = [
  { blade: "straight", guard: "bar", pommel: "ball" },
  { blade: "broad", guard: "crescent", pommel: "diamond" },
  { blade: "curved", guard: "disc", pommel: "ring" },
  { blade: "wavy", guard: "winged", pommel: "ball" },
] as const;
const NAMED_BLADES: [RegExp, (typeof SWORDS)[number]["blade"]][] = [
  [/\b(katana|scimitar|sabre|saber|cutlass)|武士刀|弯刀/i, "curved"],
  [/\b(broadsword|claymore|falchion)/i, "broad"],
  [/\b(flamberge|kris)/i, "wavy"],
  [/\b(rapier|longsword|gladius)/i, "straight"],
];
const AXES = ["crescent", "double", "bearded", "spiked"] as const;
// a woodcutter's felling axe is its own head (one wide wedge blade and a flat poll on a short
// haft), never a take of the battle axe's table (eval-e: "woodcutter's axe" was the battle axe)
const NAMED_AXES: [RegExp, (typeof AXES)[number] | "felling"][] = [
  [/\b(woodcutter|woodsman|lumberjack|felling|splitting|wood axe|chopping)|伐木|柴斧/i, "felling"],
  [/\b(labrys|double axe|double[- ]bit|double[- ]headed axe|double[- ]bladed)|双刃斧/i, "double"],
  [/\bbearded\b/i, "bearded"],
];
const STAFF_HEADS = ["orb", "crook", "crystal", "ring"] as const;
// a spear is a long shaft and a small metal head: a borrowed spear-head icon drawn at 32 px
// filled the frame with the head alone, and restyled in wood it read as a feather (eval-f)
const SPEAR_HEADS = ["leaf", "barbed", "winged", "pike"] as const;
const SHIELDS = [
  { form: "heater", emblem: "cross" },
  { form: "round", emblem: "boss" },
  { form: "kite", emblem: "band" },
  { form: "tower", emblem: "rivets" },
] as const;
const NAMED_SHIELDS: Record<(typeof SHIELDS)[number]["form"], RegExp> = {
  heater: /\bheater\b/i,
  round: /\b(buckler|round shield|viking shield)\b|圆盾/i,
  kite: /\bkite shield\b|鸢盾/i,
  tower: /\b(tower shield|pavise)\b|塔盾/i,
};
const BOTTLES = ["round", "square", "cone", "jar", "heart"] as const;
const CHESTS = [
  { lid: "arched", trim: "bands", w: 10, h: 7 },
  { lid: "flat", trim: "iron", w: 11, h: 7 },
  { lid: "domed", trim: "corners", w: 9, h: 8 },
  { lid: "trunk", trim: "studs", w: 12, h: 6 },
] as const;
const COINS = ["ring", "holed", "star", "octagon"] as const;

/** The items that draw alternative designs per take: each one's rows. */
const LOOK_TABLES: Readonly<Record<string, readonly unknown[]>> = {
  sword: SWORDS,
  axe: AXES,
  staff: STAFF_HEADS,
  spear: SPEAR_HEADS,
  shield: SHIELDS,
  potion: BOTTLES,
  chest: CHESTS,
  coin: COINS,
};

/**
 * The form a shape word names on an item rig (a round shield, a curved sword, a square bottle, a
 * double axe, a domed chest, a crook), or undefined when the rig has no such form.
 */
const SHAPES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  shield: { round: "round", square: "tower", long: "tower", pointed: "kite" },
  sword: { curved: "curved", straight: "straight", wavy: "wavy", broad: "broad" },
  axe: { double: "double", curved: "crescent", broad: "felling" },
  potion: { round: "round", square: "square", pointed: "cone" },
  chest: { round: "domed", curved: "arched" },
  staff: { curved: "crook", round: "orb" },
};

export function itemShape(variant: string, shape: string | undefined): string | undefined {
  return shape ? SHAPES[variant === "mimic" ? "chest" : variant]?.[shape] : undefined;
}

/** The named alternative drawing a take of an item variant draws (for tests and the sheet). */
export function itemLook(variant: string, key: number): string {
  const v = variant === "mimic" ? "chest" : variant;
  const rows = LOOK_TABLES[v];
  return rows ? JSON.stringify(rows[takeIndex(key, rows.length)]) : "";
}

export function buildItem(info: PromptInfo, rng: Rng, crng: Rng, size: number, key = 1): Design {
  if (isDoorKind(info.variant)) return buildDoor(info, rng, crng, size, key);
  if (info.variant === "carpet") return buildCarpet(info, rng, crng, size, key);
  const m = new Mats();
  const mimic = info.variant === "mimic";
  const v = mimic ? "chest" : info.variant;
  const k = (size / 32) * (STANDALONE_ZOOM[v] ?? 1);
  const metalDefault = crng.pick(["#b8c2cc", "#aab4c0", "#c8ccd8"]);
  let main = pickColor(
    info,
    0,
    v === "potion"
      ? crng.pick(["#d8383c", "#3c6ee6", "#44b04e", "#8c48cc"])
      : v === "gem"
        ? crng.pick(["#d8383c", "#3c6ee6", "#44b04e", "#8c48cc", "#2cb8b0"])
        : v === "chest"
          ? "#8c5a30"
          : v === "coin" || v === "qblock"
            ? "#e8b52e"
            : metalDefault,
    crng,
    8,
  );
  // a potion with a game meaning ("a bottle of poison") is that liquid unless a colour is named
  const meaning = v === "potion" ? potionMeaningById(info.potionMeaning) : undefined;
  if (meaning && !info.colors.length) main = hexToRgb(meaning.liquid);
  // a potion's own seeded look (eval-c: seeds 1–3 of "a healing potion" were identical): drawn
  // only for potions so the other items keep their sequences; the liquid keeps its colour
  const vial = v === "potion" ? potionLook(rng, crng, key) : undefined;
  const bottleShape = v === "potion" ? itemShape(v, info.shape) : undefined;
  if (vial && bottleShape) vial.bottle = bottleShape as (typeof BOTTLES)[number];
  // likewise a standalone shield's outline and emblem (eval-c: 7 % between seeds)
  // a named form ("a buckler", "a kite shield") is that shield in every take
  const namedForm = SHIELDS.find((r) => NAMED_SHIELDS[r.form].test(info.text));
  // a shape word ("a round wooden shield") names the outline; the emblem still varies by take
  const shaped = itemShape(v, info.shape);
  const takeCrest = SHIELDS[takeIndex(key, SHIELDS.length)]!;
  const crest =
    v === "shield"
      ? (namedForm ??
        (shaped
          ? { form: shaped as (typeof SHIELDS)[number]["form"], emblem: takeCrest.emblem }
          : takeCrest))
      : undefined;
  // a named kind of blade keeps its blade in every take (a katana is never a leaf blade); its
  // guard and pommel still vary
  const namedBlade =
    NAMED_BLADES.find(([re]) => re.test(info.text))?.[1] ??
    (v === "sword" ? (itemShape(v, info.shape) as (typeof SWORDS)[number]["blade"]) : undefined);
  const sword = {
    ...SWORDS[takeIndex(key, SWORDS.length)]!,
    ...(namedBlade && { blade: namedBlade }),
  };
  // a hoe is a farm tool on the axe's haft: one flat blade square to its end (eval-f: "a garden
  // hoe" drew a rake)
  const namedAxe =
    (info.subject === "hoe" ? "hoe" : undefined) ??
    NAMED_AXES.find(([re]) => re.test(info.text))?.[1] ??
    (v === "axe" ? (itemShape(v, info.shape) as (typeof AXES)[number] | "felling") : undefined);
  const axeHead: (typeof AXES)[number] | "felling" | "hoe" =
    namedAxe ?? AXES[takeIndex(key, AXES.length)]!;
  const staffHead =
    (v === "staff" ? (itemShape(v, info.shape) as (typeof STAFF_HEADS)[number]) : undefined) ??
    STAFF_HEADS[takeIndex(key, STAFF_HEADS.length)]!;
  const spearHead = SPEAR_HEADS[takeIndex(key, SPEAR_HEADS.length)]!;
  const chestRow = CHESTS[takeIndex(key, CHESTS.length)]!;
  const chestLid = v === "chest" ? itemShape(v, info.shape) : undefined;
  const chest = chestLid
    ? { ...chestRow, lid: chestLid as (typeof CHESTS)[number]["lid"] }
    : chestRow;
  const coin = COINS[takeIndex(key, COINS.length)]!;
  const torchFire = v === "torch" ? info.colors[0] : undefined;
  const mat = {
    main: m.add(main),
    stopper: m.add(vial?.stopper ?? "#8c5a30"),
    wood: m.add(v === "chest" ? main : crng.pick(["#8c5a30", "#6c4424", "#a0683c"])),
    trim: m.add(
      info.colors[1] ??
        (v === "chest" ? "#e8b52e" : crng.pick(["#e8b52e", "#d8383c", "#3c6ee6", "#8c48cc"])),
    ),
    glass: m.add(vial?.glass ?? "#d8e8f0"),
    dark: m.add("#1c1828", { flat: true }),
    glint: m.add("#ffffff", { flat: true, noOutline: true }),
    slash: m.add("#f4f8ff", { flat: true, noOutline: true }),
    gold: m.add("#f2d23c"),
    // a torch's named colour is its fire's (a green torch burns green): its stick keeps its wood
    flame: m.add(torchFire ?? "#f8862a", { flat: true }),
    flameCore: m.add(torchFire ? mixRgb(torchFire, [255, 255, 240], 0.6) : "#fff070", {
      flat: true,
      noOutline: true,
    }),
    teeth: m.add("#f4f0e0", { flat: true }),
    // a chest full of gems heaps stones of gem colours, not its own trim (eval-c: read as gold)
    gems:
      v === "chest" && info.contents === "gems"
        ? ["#e83048", "#34c86c", "#3c7cf0", "#a850e8"].map((h) => m.add(h))
        : [],
  };
  const markMats = meaning ? potionMarkMats(m, meaning) : undefined;
  const len = rng.range(0.85, 1.1);
  const guardW = rng.range(3, 5);
  const blade = rng.range(0.9, 1.6);
  const shape = rng.int(0, 2);
  const cx = size / 2;
  const ground = size - 2;

  const glintAt = (c: SpriteCanvas, x: number, y: number) => {
    c.plot(x, y, mat.glint, 9);
    c.plot(x - 1, y, mat.glint, 9);
    c.plot(x + 1, y, mat.glint, 9);
    c.plot(x, y - 1, mat.glint, 9);
    c.plot(x, y + 1, mat.glint, 9);
  };

  const weapon = (c: SpriteCanvas, ang: number, ox: number, oy: number, t: number) => {
    // hilt at (ox, oy); angle of the blade (−π/4 = up-right)
    const dx = Math.cos(ang);
    const dy = Math.sin(ang);
    // upright (side/back) views must still fit between the hilt and the top edge
    const L = Math.min(
      (v === "staff" ? 22 : v === "spear" ? 16 : 17) * k * len,
      ang <= -Math.PI / 2 + 0.01 && ang >= -Math.PI / 2 - 0.01
        ? oy - 4 * k - 1
        : Number.POSITIVE_INFINITY,
    );
    if (v === "sword") {
      // (along, out) from the hilt: `along` up the blade, `out` across it
      const at = (along: number, out: number): [number, number] => [
        ox + dx * along + dy * out,
        oy + dy * along - dx * out,
      ];
      c.capsule(...at(-4 * k, 0), ox, oy, 0.8 * k, mat.wood, 1);
      const [px, py] = at(-5 * k, 0);
      if (sword.pommel === "ring") {
        c.ellipse(px, py, 1.6 * k, 1.6 * k, mat.trim, 2);
        c.erase(px, py);
      } else if (sword.pommel === "diamond")
        c.poly(
          [at(-3.6 * k, 0), at(-5 * k, 1.4 * k), at(-6.6 * k, 0), at(-5 * k, -1.4 * k)],
          mat.trim,
          2,
        );
      else c.ellipse(px, py, 1.3 * k, 1.3 * k, mat.trim, 2);
      // the blade as a run of discs along its centre line: straight, a broad tapering leaf, a
      // sabre's curve or a flamberge's waves
      const base = { straight: blade, broad: 2.1, curved: 1.3, wavy: 1.1 }[sword.blade] * k;
      const bend = (u: number) =>
        sword.blade === "curved"
          ? -4.5 * k * u * u
          : sword.blade === "wavy"
            ? Math.sin(u * Math.PI * 4) * 1.1 * k
            : 0;
      const len = sword.blade === "broad" ? L * 0.88 : L;
      let prev = at(k, 0);
      for (let a = k; a <= len; a += 0.5) {
        const u = a / len;
        const taper = Math.max(0.35, Math.min(1, (1 - u) / (sword.blade === "broad" ? 0.35 : 0.2)));
        const p = at(a, bend(u));
        c.capsule(...prev, ...p, Math.max(0.5, base * taper), mat.main, 3);
        prev = p;
      }
      // a broad blade's fuller: a lit groove down its middle
      if (sword.blade === "broad")
        for (let a = 2 * k; a < len * 0.6; a += 0.5) c.plot(...at(a, 0), mat.main, 3, 3);
      const g = guardW * k;
      if (sword.guard === "crescent")
        c.poly(
          [
            at(0, -g),
            at(1.6 * k, -g - 0.6 * k),
            at(1 * k, 0),
            at(1.6 * k, g + 0.6 * k),
            at(0, g),
            at(-k, 0),
          ],
          mat.trim,
          4,
        );
      else if (sword.guard === "disc") c.ellipse(ox, oy, 2.2 * k, 2.2 * k, mat.trim, 4);
      else if (sword.guard === "winged")
        c.poly(
          [
            at(0.8 * k, -0.8 * k),
            at(-2 * k, -g - k),
            at(-0.6 * k, -g),
            at(0.8 * k, 0),
            at(-0.6 * k, g),
            at(-2 * k, g + k),
            at(0.8 * k, 0.8 * k),
          ],
          mat.trim,
          4,
        );
      else c.capsule(...at(0, -g), ...at(0, g), 0.9 * k, mat.trim, 4);
      const gl = len * (0.3 + 0.6 * t);
      glintAt(c, ...at(gl, bend(gl / len)));
    } else if (v === "axe") {
      // a felling axe's haft is a hand shorter; its head sits nearer the grip
      const La = axeHead === "felling" ? L * 0.8 : axeHead === "hoe" ? L * 1.1 : L;
      c.capsule(ox - dx * 5 * k, oy - dy * 5 * k, ox + dx * La, oy + dy * La, 0.9 * k, mat.wood, 1);
      const hx = ox + dx * (La - 3 * k);
      const hy = oy + dy * (La - 3 * k);
      // a crescent blade flaring from the haft (a narrow head read as a flag or a cleaver),
      // (along, out) pairs: `out` away from the haft, `along` up the haft
      const at = (along: number, out: number): [number, number] => [
        hx + dx * along * k - dy * out * k,
        hy + dy * along * k + dx * out * k,
      ];
      const crescent = (side: number) =>
        c.poly(
          [
            at(2.5, -side),
            at(6.5, 5.5 * side),
            at(4, 7.5 * side),
            at(0, 8 * side),
            at(-4, 7.5 * side),
            at(-6.5, 5.5 * side),
            at(-2.5, -side),
          ],
          mat.main,
          3,
        );
      if (axeHead === "bearded") {
        // a short top edge and a long beard hooking back down the haft; a hammer back
        c.poly(
          [
            at(2.5, -1),
            at(3.5, 6.5),
            at(1.5, 8.5),
            at(-5, 8),
            at(-8, 5.5),
            at(-5, 3.5),
            at(-2.5, -1),
          ],
          mat.main,
          3,
        );
        c.poly([at(1.5, 0), at(1.5, -3), at(-1.5, -3), at(-1.5, 0)], mat.main, 3);
      } else if (axeHead === "spiked") {
        // a war axe: a short fan blade, a long beak curving down behind the haft and a spear
        // point above the head
        c.poly([at(2, -1), at(5, 5.5), at(0, 6.5), at(-5, 5.5), at(-2, -1)], mat.main, 3);
        c.poly([at(1.5, 0), at(-1, -5), at(-4, -8), at(-1.5, -4), at(-1.5, 0)], mat.main, 3);
        c.poly([at(2.5, -1.2), at(9, 0), at(2.5, 1.2)], mat.main, 3);
      } else if (axeHead === "hoe") {
        // a neck square off the end of the haft, then the flat blade hanging back down beside
        // it (a 7, as the farmer's take hoe), flaring to a bright edge at its foot
        c.poly([at(3.5, -1), at(3.5, 3.5), at(2, 3.5), at(2, -1)], mat.main, 3);
        c.poly([at(4, 3), at(4, 5.5), at(-5, 6.5), at(-5, 3)], mat.main, 3);
        c.line(...at(-4.5, 3.5), ...at(-4.5, 6), mat.main, 3, 3);
      } else if (axeHead === "felling") {
        // one wide wedge: a straight top edge square to the haft, a broad flat bit a little
        // flared downwards, and a square poll behind the haft
        c.poly(
          [
            at(2.5, -1),
            at(3, 7.5),
            at(2.5, 8.5),
            at(-4.5, 8.5),
            at(-5, 7.5),
            at(-2, 3),
            at(-2.5, -1),
          ],
          mat.main,
          3,
        );
        // the honed bit: a bright edge along the blade
        c.line(...at(2, 8), ...at(-4, 8), mat.main, 3, 3);
        c.poly([at(2.5, 0), at(2.5, -3), at(-2.5, -3), at(-2.5, 0)], mat.main, 3);
      } else {
        crescent(1);
        // a double-bitted head has a second blade; the crescent a spike behind the haft
        if (axeHead === "double") crescent(-1);
        else c.poly([at(1.5, 0), at(0, -4), at(-1.5, 0)], mat.main, 3);
      }
      // the haft shows through the eye of the head
      c.capsule(...at(2.5, 0), ...at(-2.5, 0), 0.9 * k, mat.wood, 1);
      glintAt(c, ...at(0, 6));
    } else if (v === "spear") {
      const at = (along: number, out: number): [number, number] => [
        ox + dx * along - dy * out,
        oy + dy * along + dx * out,
      ];
      // the shaft, a metal butt cap, the head's socket bound to it
      c.capsule(...at(-5 * k, 0), ...at(L, 0), 0.7 * k, mat.wood, 1);
      c.capsule(...at(-5 * k, 0), ...at(-3.5 * k, 0), 0.8 * k, mat.main, 2);
      c.capsule(...at(L - 1.5 * k, 0), ...at(L, 0), 0.9 * k, mat.trim, 2);
      const tip = spearHead === "pike" ? 9 : 8;
      const half = spearHead === "pike" ? 1.6 : 2.6;
      c.poly(
        [at(L - 0.5 * k, 0), at(L + 2 * k, half * k), at(L + tip * k, 0), at(L + 2 * k, -half * k)],
        mat.main,
        3,
      );
      if (spearHead === "barbed")
        for (const side of [1, -1])
          c.poly(
            [at(L + 2 * k, side * 2 * k), at(L - 1 * k, side * 3.2 * k), at(L + 0.5 * k, side * k)],
            mat.main,
            3,
          );
      if (spearHead === "winged")
        c.capsule(...at(L - 2.5 * k, 2.6 * k), ...at(L - 2.5 * k, -2.6 * k), 0.6 * k, mat.main, 3);
      // the head's midrib catches the light
      c.line(...at(L + 1 * k, 0), ...at(L + (tip - 2) * k, 0), mat.main, 4, 3);
      if (t > 0.4) glintAt(c, ...at(L + 3 * k, 0));
    } else if (staffHead !== "orb") {
      const at = (along: number, out: number): [number, number] => [
        ox + dx * along - dy * out,
        oy + dy * along + dx * out,
      ];
      c.capsule(...at(-4 * k, 0), ...at(L, 0), 0.8 * k, mat.wood, 1);
      if (staffHead === "crook") {
        // the shaft curls over into a shepherd's hook, a gem hanging from its tip
        let prev = at(L, 0);
        for (let a = 0; a <= Math.PI * 1.25; a += 0.2) {
          const p = at(L + Math.sin(a) * 3 * k, 3 * k - Math.cos(a) * 3 * k);
          c.capsule(...prev, ...p, 0.8 * k, mat.wood, 1);
          prev = p;
        }
        c.ellipse(...at(L - 1.5 * k, 6 * k), 1.5 * k, 1.5 * k, mat.main, 3);
      } else if (staffHead === "crystal") {
        // a tall crystal held in a claw of two prongs
        c.poly(
          [at(L - k, 0), at(L + 2.5 * k, 2 * k), at(L + 7 * k, 0), at(L + 2.5 * k, -2 * k)],
          mat.main,
          3,
        );
        c.capsule(...at(L - k, 0), ...at(L + 2 * k, 2.6 * k), 0.6 * k, mat.trim, 4);
        c.capsule(...at(L - k, 0), ...at(L + 2 * k, -2.6 * k), 0.6 * k, mat.trim, 4);
        c.plot(...at(L + 3 * k, -0.5 * k), mat.glint, 9);
      } else {
        // an open ring on the shaft's tip with a small orb floating inside it
        const [rx, ry] = at(L + 3 * k, 0);
        c.ellipse(rx, ry, 3.2 * k, 3.2 * k, mat.trim, 4);
        for (let y = Math.floor(ry - 2 * k); y <= ry + 2 * k; y++)
          for (let x = Math.floor(rx - 2 * k); x <= rx + 2 * k; x++)
            if ((x + 0.5 - rx) ** 2 + (y + 0.5 - ry) ** 2 <= (2 * k) ** 2) c.erase(x, y);
        c.ellipse(rx, ry, 1.1 * k, 1.1 * k, mat.main, 3);
      }
      if (t > 0.4) glintAt(c, ox + dx * (L + 4 * k) + 2 * k, oy + dy * (L + 4 * k) - 2 * k);
    } else {
      c.capsule(ox - dx * 4 * k, oy - dy * 4 * k, ox + dx * L, oy + dy * L, 0.8 * k, mat.wood, 1);
      c.ellipse(ox + dx * (L + 2 * k), oy + dy * (L + 2 * k), 2.6 * k, 2.6 * k, mat.main, 3);
      c.ellipse(ox + dx * (L + 1.4 * k), oy + dy * (L + 1.4 * k), 1 * k, 1 * k, mat.glint, 3);
      c.capsule(
        ox + dx * (L - 1 * k) - dy * 2 * k,
        oy + dy * (L - k) + dx * 2 * k,
        ox + dx * (L - 1 * k) + dy * 2 * k,
        oy + dy * (L - k) - dx * 2 * k,
        0.7 * k,
        mat.trim,
        4,
      );
      if (t > 0.4) glintAt(c, ox + dx * (L + 4 * k) + 2 * k, oy + dy * (L + 4 * k) - 2 * k);
    }
  };

  const draw = (c: SpriteCanvas, pose: Pose) => {
    const bob =
      pose.mode === "walk"
        ? [0, -1, 0, 1][Math.round(pose.t * 4) % 4]! * Math.max(1, Math.round(k))
        : pose.bob;
    const t = pose.t;
    if (v === "sword" || v === "axe" || v === "staff" || v === "spear") {
      let ang = -Math.PI / 4;
      // the resting diagonal centred in the frame, however far the zoom pushed it
      const zk = size / 32;
      let ox = cx - 6 * k + (k - zk) * (v === "sword" ? 11 : 4);
      let oy = ground - 6 * k - (k - zk) * 2 + bob;
      if (pose.attack === 1) ang = -Math.PI * 0.75;
      if (pose.attack === 2) ang = 0;
      if (pose.attack === 3) ang = Math.PI * 0.2;
      if (pose.attack) {
        ox = cx - 7 * k;
        oy = cx;
      }
      if (pose.view === "back") ang = -Math.PI * 0.75;
      if (pose.view === "side") ang = -Math.PI / 2;
      if (pose.view === "side" || pose.view === "back") ox = pose.view === "side" ? cx : cx + 6 * k;
      if (pose.view === "side") oy = ground - 5 * k;
      weapon(c, ang, ox, oy, t);
      if (pose.attack === 2)
        for (let a = -1.6; a <= -0.1; a += 0.06)
          c.plot(ox + Math.cos(a) * 15 * k, oy + Math.sin(a) * 15 * k, mat.slash, 9);
      return;
    }
    const y1 = ground + bob;
    if (v === "qblock") {
      drawQuestionBlock(c, cx, y1, k, pose, t, { box: mat.main, mark: mat.glass, rivet: mat.dark });
      return;
    }
    if (v === "torch") {
      // a stick with a wrapped head and a flame that flickers through the cycle
      const lean = pose.attack
        ? [-0.5, 0.35, 0.15][pose.attack - 1]!
        : pose.view === "side"
          ? 0.1
          : -0.2;
      const bx0 = cx;
      const by0 = y1;
      // the stick already spans the frame's height, so only its girth and the flame grow
      const w = 1.5 * k;
      const tx = bx0 + Math.sin(lean) * 15 * k;
      const ty = by0 - Math.cos(lean) * 15 * k;
      c.capsule(bx0, by0, tx, ty, 1.2 * w, mat.wood, 1);
      c.rect(tx - 1.6 * w, ty - w, tx + 1.6 * w - 1, ty + 1.5 * w, mat.trim, 2);
      const ph = Math.round(t * 4) % 4;
      const sway = [0, 1, 0, -1][ph]!;
      c.ellipse(tx + sway * 0.5, ty - 3.5 * w, 3 * w, 3.6 * w, mat.flame, 3);
      c.ellipse(tx + sway, ty - 3 * w, 1.6 * w, 2.2 * w, mat.flameCore, 4);
      c.plot(tx - sway, ty - 7.3 * w - (ph % 2), mat.flame, 3);
      return;
    }
    if (v === "chest") {
      const w = chest.w * k;
      const h = chest.h * k;
      // a chest full of something stands open with its hoard heaped above the rim
      const hoard =
        info.contents === "gold" || info.contents === "gems" ? info.contents : undefined;
      const open = hoard ? 1 : pose.attack >= 2 ? (pose.attack === 2 ? 2 : 1) : 0;
      const x0 = Math.round(cx - w);
      const x1 = Math.round(cx + w) - 1;
      const lidH = Math.round(4 * k);
      // a studded trunk stands on feet
      const feet = chest.trim === "studs" ? Math.max(1, Math.round(k)) : 0;
      const yb = y1 - feet;
      const boxTop = Math.round(yb - h);
      const side = pose.view === "side";
      const inset = side ? 3 * k : 0;
      const dome = (yl: number, rx: number, ry: number) => {
        for (let y = Math.floor(yl - ry); y <= yl; y++) {
          const f = (yl + 1 - (y + 0.5)) / ry;
          if (f > 1) continue;
          const hw = rx * Math.sqrt(1 - f * f);
          c.rect(cx - hw, y, cx + hw - 1, y, mat.wood, 2);
        }
      };
      // the lid, its bottom edge on row yl: on the box when closed, raised behind it when open
      const lid = (yl: number) => {
        const a = x0 + inset;
        const b = x1 - inset;
        if (chest.lid === "domed") dome(yl, (b - a + 1) / 2, lidH + 2 * k);
        else if (chest.lid === "trunk")
          c.poly(
            [
              [a, yl + 1],
              [a + 2 * k, yl - lidH - k],
              [b + 1 - 2 * k, yl - lidH - k],
              [b + 1, yl + 1],
            ],
            mat.wood,
            2,
          );
        else if (chest.lid === "flat") c.rect(a - k, yl - lidH + 1, b + k, yl, mat.wood, 2);
        else {
          c.rect(a, yl - lidH + 1, b, yl, mat.wood, 2);
          dome(yl - lidH + 1, (b - a + 1) / 2, 2 * k);
        }
      };
      if (open) {
        if (open === 2)
          for (let i = 0; i < 4; i++)
            c.line(
              cx - 4 * k + i * 3 * k,
              boxTop - 2,
              cx - 6 * k + i * 4 * k,
              boxTop - 9 * k,
              mat.gold,
              8,
            );
        lid(boxTop - 2 * k - 1);
      }
      c.rect(x0 + inset, boxTop, x1 - inset, yb, mat.wood, 1);
      if (open) {
        c.rect(x0 + 1, boxTop, x1 - 1, boxTop + k, mat.gold, 7);
        if (hoard) {
          // heap of coins (or gems) bulging over the rim, a glint that travels with t
          const hw = w - 1.5 * k;
          c.ellipse(cx, boxTop + k, hw, 4.5 * k, mat.gold, 7);
          if (hoard === "gems" && mat.gems.length)
            gemHeap(c, cx, boxTop + k, hw, 4.5 * k, mat.gems);
          for (let i = 0; i < 5; i++) {
            const gx = cx - hw * 0.7 + (i * hw * 1.4) / 4;
            const gy = boxTop - 1.5 * k - (i % 2) * 1.5 * k;
            if (hoard === "gems") c.plot(gx, gy, [mat.trim, mat.main, mat.glass][i % 3]!, 8, 3);
            else c.plot(gx, gy, mat.gold, 8, 3);
          }
          glintAt(c, cx - hw * 0.5 + (Math.round(t * 4) % 4) * hw * 0.33, boxTop - 2 * k);
          c.rect(x0 + 1, boxTop + k, x1 - 1, boxTop + k, mat.wood, 1);
        }
      } else lid(boxTop - 1);
      // the fittings that make each chest its own: bands, an iron strap with rivets, gold
      // corners, or rows of studs over feet
      const top = boxTop - (open ? 0 : lidH);
      if (chest.trim === "bands")
        for (const bx of side ? [] : [x0 + 2 * k, x1 - 2 * k])
          c.rect(bx - 0.5 * k, top, bx + 0.5 * k, yb, mat.trim, 3);
      else if (chest.trim === "iron") {
        const sy = boxTop + Math.round(h / 2);
        c.rect(x0 + inset, sy, x1 - inset, sy + k - 1, mat.trim, 3);
        if (!open)
          c.rect(x0 + inset - k, boxTop - 2 * k, x1 - inset + k, boxTop - k - 1, mat.trim, 3);
        for (let x = x0 + inset + k; x < x1 - inset; x += 3 * k) c.plot(x, sy, mat.dark, 5);
      } else if (chest.trim === "corners") {
        const q = 2.5 * k;
        const [a, b] = [x0 + inset, x1 - inset + 1];
        for (const [xx, yy, sx, sy] of [
          [a, yb + 1, 1, -1],
          [b, yb + 1, -1, -1],
          [a, boxTop, 1, 1],
          [b, boxTop, -1, 1],
        ] as const)
          c.poly(
            [
              [xx, yy],
              [xx + sx * q, yy],
              [xx, yy + sy * q],
            ],
            mat.trim,
            3,
          );
      } else {
        for (let x = x0 + inset + k; x < x1 - inset; x += 2 * k) {
          c.plot(x, boxTop + k, mat.trim, 3, 3);
          c.plot(x, yb - k, mat.trim, 3, 3);
        }
        for (const fx of [x0 + inset + k, x1 - inset - 2 * k])
          c.rect(fx, yb + 1, fx + k, y1, mat.dark, 3);
      }
      if (pose.view === "front" && !open)
        c.rect(cx - k - 0.5, boxTop - 1, cx + k - 0.5, boxTop + 2 * k, mat.trim, 4);
      if (pose.view === "front" && !open) c.plot(cx - 0.5, boxTop + k, mat.dark, 5);
      if (mimic && pose.view !== "back") {
        // the chest is alive: a dark maw under a raised lid, fangs top and bottom, a tongue,
        // and the lid's eyes; the jaw gapes wider on attack
        const gap = Math.round((open === 2 ? 4 : 3) * k);
        const lidBottom = boxTop - 1;
        c.rect(x0 + 1, lidBottom - gap + 1, x1 - 1, lidBottom + k, mat.dark, 6);
        c.rect(x0, lidBottom - gap - lidH + 1, x1, lidBottom - gap, mat.wood, 2);
        const step = Math.max(2, Math.round(2.5 * k));
        for (let x = x0 + 2; x <= x1 - 2; x += step) {
          c.plot(x, lidBottom - gap + 1, mat.teeth, 6);
          c.plot(x, lidBottom - gap + 2, mat.teeth, 6);
          c.plot(x + Math.round(step / 2), lidBottom + k, mat.teeth, 6);
          c.plot(x + Math.round(step / 2), lidBottom + k - 1, mat.teeth, 6);
        }
        c.rect(cx - 2 * k, lidBottom, cx + 2 * k - 1, lidBottom + k, mat.trim, 6);
        const ey = lidBottom - gap - Math.round(lidH / 2);
        for (const ex of [cx - 4 * k, cx + 3 * k]) {
          c.plot(ex, ey, mat.teeth, 7, 3);
          c.plot(ex + 1, ey, mat.dark, 7);
        }
      } else if (!open && (pose.mode === "idle" || pose.mode === "walk") && t >= 0.5)
        glintAt(c, x1 - 2 * k, boxTop - lidH + 1);
      return;
    }
    if (v === "potion") {
      // seeds choose the bottle: round flask, tall bottle, conical flask or squat jar
      const { bottle } = vial!;
      const r = (bottle === "round" ? 6 : bottle === "square" ? 7 : 8) * k;
      const cy = y1 - r;
      if (bottle === "heart") {
        // two lobes over a point, the neck rising from the dip between them
        const hr = r * 0.56;
        for (const sx of [-1, 1]) c.ellipse(cx + sx * hr * 0.8, cy - r * 0.2, hr, hr, mat.glass, 1);
        c.poly(
          [
            [cx - r - 0.3 * k, cy - r * 0.05],
            [cx + r + 0.3 * k, cy - r * 0.05],
            [cx, y1],
          ],
          mat.glass,
          1,
        );
        c.rect(cx - 2 * k, cy - r, cx + 2 * k - 1, cy - r * 0.4, mat.glass, 1);
        const lr = hr - k;
        for (const sx of [-1, 1]) c.ellipse(cx + sx * hr * 0.8, cy - r * 0.1, lr, lr, mat.main, 2);
        c.poly(
          [
            [cx - r + k, cy],
            [cx + r - k, cy],
            [cx, y1 - 2 * k],
          ],
          mat.main,
          2,
        );
      } else if (bottle === "jar") {
        // squat jar: wider than tall, the neck on a flat shoulder
        c.ellipse(cx, cy + r * 0.35, r + 2 * k, r * 0.65, mat.glass, 1);
        c.rect(cx - r, cy - r * 0.1, cx + r - 1, cy + r * 0.35, mat.glass, 1);
        c.rect(cx - 3 * k, cy - r, cx + 3 * k - 1, cy, mat.glass, 1);
        c.ellipse(cx, cy + r * 0.4, r + k, r * 0.5, mat.main, 2);
      } else if (bottle === "square") {
        c.rect(cx - r * 0.75, cy - r, cx + r * 0.75 - 1, y1, mat.glass, 1);
        c.rect(cx - r * 0.75 + k, cy - r * 0.3, cx + r * 0.75 - 1 - k, y1 - k, mat.main, 2);
      } else if (bottle === "cone") {
        c.poly(
          [
            [cx - 2 * k, cy - r],
            [cx + 2 * k, cy - r],
            [cx + r + k, y1],
            [cx - r - k, y1],
          ],
          mat.glass,
          1,
        );
        c.poly(
          [
            [cx - r * 0.55, cy],
            [cx + r * 0.55, cy],
            [cx + r, y1 - k],
            [cx - r, y1 - k],
          ],
          mat.main,
          2,
        );
      } else {
        c.ellipse(cx, cy, r, r, mat.glass, 1);
        c.ellipse(cx, cy + r * 0.2, r - k, r * 0.75, mat.main, 2);
      }
      const { level, neck, cap } = vial!;
      // the liquid drains to its level: glass shows above it
      const surface = Math.round(y1 - (y1 - (cy - r)) * level);
      for (let y = Math.floor(cy - r - k); y < surface; y++)
        for (let x = Math.floor(cx - r - 2 * k); x <= cx + r + 2 * k; x++)
          if (c.get(x, y) === mat.main) c.plot(x, y, mat.glass, 1);
      const neckTop = cy - r - neck * k;
      c.rect(cx - 2 * k, neckTop, cx + 2 * k - 1, cy - r + 1, mat.glass, 3);
      if (cap === "cork")
        c.rect(cx - 2 * k, neckTop - 2 * k, cx + 2 * k - 1, neckTop, mat.stopper, 4);
      else if (cap === "knob") {
        c.rect(cx - k, neckTop - k, cx + k - 1, neckTop, mat.stopper, 4);
        c.ellipse(cx, neckTop - 2 * k, 2 * k, 1.6 * k, mat.stopper, 4);
      } else {
        // a wax-sealed lip: wider than the neck, dripping down one side
        c.rect(cx - 3 * k, neckTop - 2 * k, cx + 3 * k - 1, neckTop, mat.stopper, 4);
        c.rect(cx + k, neckTop, cx + 2 * k - 1, neckTop + 2 * k, mat.stopper, 4);
      }
      c.plot(cx - r * 0.5, cy - r * 0.3, mat.glint, 9);
      if (meaning) drawPotionMark(c, meaning, markMats!, cx, cy + r * 0.2, k, neckTop, t);
      if (pose.mode === "attack" || t >= 0.5)
        for (let i = 0; i < 3; i++)
          c.plot(cx - 2 * k + i * 2 * k, neckTop - 4 * k - i * k - (pose.attack ?? 0), mat.main, 8);
      return;
    }
    if (v === "shield") {
      const w = (8 + shape) * k * (pose.view === "side" ? 0.35 : 1);
      const top = y1 - 19 * k;
      const face = pose.view === "back" ? mat.wood : mat.main;
      const { form, emblem } = crest!;
      if (form === "round") c.ellipse(cx, top + 9.5 * k, w + k, 9.5 * k, face, 1);
      else if (form === "tower") {
        // a tall rectangular pavise with a rounded top
        c.rect(cx - w + k, top + 2 * k, cx + w - k - 1, top + 19 * k, face, 1);
        c.ellipse(cx, top + 2.5 * k, w - k, 2.5 * k, face, 1);
      } else
        c.poly(
          [
            [cx - w, top],
            [cx + w, top],
            [cx + w, top + (form === "kite" ? 6 : 10) * k],
            [cx, top + 19 * k],
            [cx - w, top + (form === "kite" ? 6 : 10) * k],
          ],
          face,
          1,
        );
      if (pose.view === "front") {
        if (emblem === "cross") {
          c.rect(cx - 1, top + 2 * k, cx, top + 15 * k, mat.trim, 2);
          c.rect(cx - w * 0.6, top + 6 * k, cx + w * 0.6 - 1, top + 7 * k, mat.trim, 2);
        } else if (emblem === "boss") {
          c.ellipse(cx, top + 8 * k, 3 * k, 3 * k, mat.trim, 2);
          c.plot(cx - k, top + 7 * k, mat.glint, 9);
        } else if (emblem === "rivets") {
          // iron bands across the planks, a rivet at each end
          for (const by of [top + 5 * k, top + 14 * k]) {
            c.rect(cx - w + k, by, cx + w - k - 1, by + k - 1, mat.trim, 2);
            c.plot(cx - w + 2 * k, by, mat.glint, 9);
            c.plot(cx + w - 2 * k - 1, by, mat.glint, 9);
          }
        } else {
          // a band across the top and a rim down the sides
          c.rect(cx - w + k, top + k, cx + w - k - 1, top + 4 * k, mat.trim, 2);
          c.rect(cx - k, top + 4 * k, cx + k - 1, top + 14 * k, mat.trim, 2);
        }
      }
      if (t >= 0.5) glintAt(c, cx - w * 0.5, top + 3 * k);
      return;
    }
    if (v === "key") {
      const ang = pose.attack ? [-0.6, 0, 0.4][pose.attack - 1]! : 0;
      const dx = Math.cos(ang);
      const dy = Math.sin(ang);
      const ox = cx - 7 * k;
      const oy = y1 - 10 * k;
      c.ellipse(ox, oy, 4 * k, 4 * k, mat.main, 1);
      c.ellipse(ox, oy, 1.6 * k, 1.6 * k, mat.dark, 2);
      c.erase(ox, oy);
      c.capsule(
        ox + 3 * k * dx,
        oy + 3 * k * dy,
        ox + 16 * k * dx,
        oy + 16 * k * dy,
        1 * k,
        mat.main,
        3,
      );
      c.rect(
        ox + 13 * k * dx,
        oy + 13 * k * dy,
        ox + 13 * k * dx + 1,
        oy + 13 * k * dy + 3 * k,
        mat.main,
        3,
      );
      if (t >= 0.5) glintAt(c, ox + 10 * k, oy - 1);
      return;
    }
    // gem / coin: turning is the animation — squeeze the width through a cycle
    const turn =
      pose.view === "side"
        ? 0.35
        : pose.view === "back"
          ? 0.8
          : pose.mode === "walk"
            ? [1, 0.6, 0.25, 0.6][Math.round(t * 4) % 4]!
            : 1;
    const r = (8 + shape) * k;
    const cy = y1 - r - 2 * k;
    if (v === "coin") {
      const rx = Math.max(1, r * turn);
      const octagon = (f: number, m: number, part: number) => {
        const pts: [number, number][] = [];
        for (let i = 0; i < 8; i++) {
          const a = ((i + 0.5) / 8) * Math.PI * 2;
          pts.push([cx + Math.cos(a) * rx * f, cy + Math.sin(a) * r * f]);
        }
        c.poly(pts, m, part);
      };
      if (coin === "octagon") octagon(1.05, mat.main, 1);
      else c.ellipse(cx, cy, rx, r, mat.main, 1);
      if (turn > 0.5) {
        if (coin === "holed") {
          // a cash coin: a raised rim and a square hole through the middle
          c.ellipse(cx, cy, rx * 0.78, r * 0.78, mat.gold, 2);
          c.ellipse(cx, cy, rx * 0.62, r * 0.62, mat.main, 2);
          const hh = Math.max(1, Math.round(r * 0.22));
          const hw = Math.max(1, Math.round(r * 0.22 * turn));
          for (let y = Math.round(cy) - hh; y < Math.round(cy) + hh; y++)
            for (let x = Math.round(cx) - hw; x < Math.round(cx) + hw; x++) c.erase(x, y);
        } else if (coin === "star") {
          // a beaded rim round a five-pointed star
          for (let i = 0; i < 16; i++) {
            const a = (i / 16) * Math.PI * 2;
            c.plot(cx + Math.cos(a) * rx * 0.78, cy + Math.sin(a) * r * 0.78, mat.gold, 2, 3);
          }
          const star: [number, number][] = [];
          for (let i = 0; i < 10; i++) {
            const a = -Math.PI / 2 + (i / 10) * Math.PI * 2;
            const d = i % 2 ? 0.25 : 0.6;
            star.push([cx + Math.cos(a) * rx * d, cy + Math.sin(a) * r * d]);
          }
          c.poly(star, mat.gold, 2);
        } else if (coin === "octagon") {
          // a gold field inside the rim with a crown stamped on it
          octagon(0.78, mat.gold, 2);
          const b = cy + r * 0.3;
          c.poly(
            [
              [cx - rx * 0.5, b],
              [cx - rx * 0.5, cy - r * 0.3],
              [cx - rx * 0.25, cy - r * 0.05],
              [cx, cy - r * 0.4],
              [cx + rx * 0.25, cy - r * 0.05],
              [cx + rx * 0.5, cy - r * 0.3],
              [cx + rx * 0.5, b],
            ],
            mat.main,
            3,
          );
        } else c.ellipse(cx, cy, r * turn * 0.55, r * 0.55, mat.gold, 2);
      }
    } else {
      c.poly(
        [
          [cx - r * turn, cy - r * 0.3],
          [cx - r * 0.5 * turn, cy - r],
          [cx + r * 0.5 * turn, cy - r],
          [cx + r * turn, cy - r * 0.3],
          [cx, cy + r],
        ],
        mat.main,
        1,
      );
      c.poly(
        [
          [cx - r * 0.5 * turn, cy - r * 0.3],
          [cx, cy - r * 0.9],
          [cx + r * 0.5 * turn, cy - r * 0.3],
          [cx, cy + r * 0.4],
        ],
        mat.main,
        2,
        3,
      );
    }
    if (t >= 0.5 || pose.attack === 2) glintAt(c, cx - r * 0.4 * turn, cy - r * 0.6);
  };
  // a chest's body is its wood: golden/frozen/seeded colour schemes recolour that
  const surface = v === "chest" ? [mat.wood, mat.trim] : [mat.main, mat.trim];
  // a meaning's liquid is its meaning: an element word ("poison") tints the stopper, not the
  // liquid, and the seed's colour scheme only lightens or darkens it
  // a named shield form is one drawing in every take
  const takes =
    (namedForm && v === "shield") || (namedAxe && v === "axe") ? undefined : LOOK_TABLES[v]?.length;
  if (meaning)
    return {
      size,
      materials: m.list,
      restView: "front",
      draw,
      surface: [mat.stopper],
      ownColors: true,
      takes,
    };
  return { size, materials: m.list, restView: "front", draw, surface, takes };
}

// The "?" of a platformer's item block, 5×7 cells.
const QUESTION = [".###.", "#...#", "....#", "...#.", "..#..", ".....", "..#.."];

/** A platformer's question-mark block: a square with rivets and a "?" that bumps when hit. */
function drawQuestionBlock(
  c: SpriteCanvas,
  cx: number,
  y1: number,
  k: number,
  pose: Pose,
  t: number,
  mat: { box: number; mark: number; rivet: number },
): void {
  const half = Math.round(11 * k);
  // hit (attack) bumps the block up; idle has a slow glint instead
  const bump = pose.attack === 2 ? Math.round(3 * k) : pose.attack ? Math.round(k) : 0;
  const side = pose.view === "side" ? Math.round(3 * k) : 0;
  const x0 = Math.round(cx - half) + side;
  const x1 = Math.round(cx + half) - 1 - side;
  const yb = y1 - bump;
  const y0 = yb - 2 * half + 1;
  c.rect(x0, y0, x1, yb, mat.box, 1);
  for (const [x, y] of [
    [x0 + 2 * k, y0 + 2 * k],
    [x1 - 2 * k, y0 + 2 * k],
    [x0 + 2 * k, yb - 2 * k],
    [x1 - 2 * k, yb - 2 * k],
  ] as const)
    c.plot(x, y, mat.rivet, 5);
  const u = Math.max(1, Math.round(k * 2));
  const gx = Math.round(cx - 2.5 * u);
  const gy = Math.round(y0 + half - 3.5 * u);
  QUESTION.forEach((row, ry) => {
    for (let rx = 0; rx < 5; rx++)
      if (row[rx] === "#")
        for (let a = 0; a < u; a++)
          for (let b = 0; b < u; b++) {
            // the mark's drop shadow first, then the mark
            c.plot(gx + rx * u + a + 1, gy + ry * u + b + 1, mat.box, 6, 0);
            c.plot(gx + rx * u + a, gy + ry * u + b, mat.mark, 7, 3);
          }
  });
  if (t >= 0.5) c.plot(x0 + 1, y0 + 1, mat.mark, 9, 3);
}

/**
 * A potion's look per take: the bottle and what closes it (takeIndex, so four seeds are four
 * bottles), how full and how long the neck (seeded), the glass's tint.
 */
function potionLook(rng: Rng, crng: Rng, key: number) {
  return {
    bottle: BOTTLES[takeIndex(key, BOTTLES.length)]!,
    level: rng.range(0.4, 0.85),
    neck: rng.int(3, 6),
    cap: (["cork", "knob", "wax"] as const)[takeIndex(key + 1, 3)]!,
    stopper: crng.pick(["#8c5a30", "#d8383c", "#e8b52e", "#5a3c8c", "#3c3444"]),
    glass: crng.pick(["#d8e8f0", "#e0f0d8", "#f0e4d0", "#e4dcf0"]),
  };
}

/**
 * Cut stones of several colours over a hoard's mound (cx, cy, radii rx, ry): 2×2 stones in a
 * staggered grid, each lit on its upper left facet, so the heap reads as gems and not as gold.
 */
function gemHeap(
  c: SpriteCanvas,
  cx: number,
  cy: number,
  rx: number,
  ry: number,
  gems: readonly number[],
): void {
  let n = 0;
  for (let y = Math.floor(cy - ry); y < cy; y += 2)
    for (let x = Math.floor(cx - rx) + ((y >> 1) % 2); x < cx + rx; x += 3) {
      const inside = ((x + 0.5 - cx) / rx) ** 2 + ((y + 0.5 - cy) / ry) ** 2 <= 1;
      if (!inside) continue;
      const g = gems[n++ % gems.length]!;
      c.rect(x, y, x + 1, y + 1, g, 8, 2);
      c.plot(x, y, g, 8, 3);
    }
}
