// Vehicles, buildings and plants (seamless ground tiles are tiles.ts). None of them walk, so the
// modes map to the motion that suits each: vehicles bounce/thrust, buildings smoke and flicker,
// plants sway. buildScenery picks the colours and seeded shape choices once (a Kit); each part
// (drawSpaceship, drawCar, drawBoat, drawHouse, drawPlant) draws one frame from it.
import type { Rng } from "../prng";
import type { SpriteCanvas } from "./canvas";
import { type Design, Mats, type Pose, pickColor } from "./design";
import { drawFooting, footingFor, groundMats } from "./ground";
import type { PromptInfo } from "./prompt";
import { takeIndex } from "./take-variety";
import { dressShip, isShip, shipTheme, themeMats } from "./vehicle-themes";
import { SUBJECT_BY_ID } from "./vocabulary";

/** The frame's quarter of its cycle (0–3). */
const phase = (pose: Pose) => Math.round(pose.t * 4) % 4;

/** What every scenery part draws with: the design's materials, scale and seeded choices. */
interface Kit {
  info: PromptInfo;
  v: string;
  /** scale of a 32-px design */
  k: number;
  cx: number;
  ground: number;
  size: number;
  mat: SceneryMats;
  /** seeded shape choices, fixed per design */
  r1: number;
  r2: number;
  r3: number;
  /** which alternative drawing this take is (take-variety.ts takeIndex over 4 designs) */
  look: number;
  /** a haunted house's own colours: a pale ghost, glowing eyes (added only when haunted) */
  haunt?: { ghost: number; glow: number };
}

type SceneryMats = Record<
  "main" | "second" | "wood" | "glass" | "dark" | "light" | "flame" | "smoke" | "white" | "leaf2",
  number
>;

type Part = (kit: Kit, c: SpriteCanvas, pose: Pose) => void;

export function buildScenery(info: PromptInfo, rng: Rng, crng: Rng, size: number, key = 1): Design {
  const k = size / 32;
  const m = new Mats();
  const v = info.variant;
  const cx = size / 2;
  const ground = size - 2;
  const mainDefault: Record<string, string[]> = {
    spaceship: ["#b8c2cc", "#d8383c", "#3c6ee6", "#eeeef2"],
    car: ["#d8383c", "#3c6ee6", "#f2d23c", "#44b04e"],
    boat: ["#8c5a30", "#6c4424"],
    house: ["#d8b078", "#c8a070", "#eeeef2", "#b07840"],
    castle: ["#9a9ca8", "#8a8c98", "#b0a898"],
    windmill: ["#b8ab94", "#d8c8a8", "#a08c70"],
    well: ["#9a968c", "#a4a096", "#8c8478"],
    lighthouse: ["#eeeef2", "#f0e8d8"],
    tree: ["#44b04e", "#3c9c44", "#5cc05c"],
    pine: ["#2c8c50", "#3c7c48"],
    flower: ["#d8383c", "#f078b4", "#f2d23c", "#8c48cc"],
    mushroom: ["#d8383c", "#8c5a30", "#8c48cc"],
    cactus: ["#44b04e", "#3c9c44"],
  };
  const main = pickColor(info, 0, crng.pick(mainDefault[v] ?? ["#44b04e"]), crng, 10);
  const mat: SceneryMats = {
    main: m.add(main),
    second: m.add(
      info.colors[1] ??
        crng.pick(
          v === "house"
            ? ["#a83c3c", "#3c5cb0", "#5c4434", "#44804c"]
            : v === "lighthouse"
              ? ["#d8383c", "#c82c34", "#3c5cb0"]
              : ["#8c5a30", "#eeeef2", "#34303e", "#e8b52e"],
        ),
    ),
    wood: m.add(crng.pick(["#8c5a30", "#6c4424", "#7c4c2c"])),
    glass: m.add("#78c8f0"),
    dark: m.add("#2a2438"),
    light: m.add("#fff070", { flat: true }),
    flame: m.add("#ffb030", { flat: true, noOutline: true }),
    smoke: m.add("#c8c8d4", { noOutline: true }),
    white: m.add("#eeeef2"),
    leaf2: m.add(
      main.map((c, i) => Math.round(c * (i === 1 ? 0.8 : 0.7))) as [number, number, number],
    ),
  };
  const r1 = rng.range(0, 1);
  const r2 = rng.range(0, 1);
  const r3 = rng.int(0, 2);

  // added last, so a plain building's material list is as it was
  const haunt = info.materials.includes("haunted")
    ? {
        ghost: m.add("#eef2fc", { flat: true }),
        glow: m.add("#f8e048", { flat: true, noOutline: true }),
      }
    : undefined;
  const kit: Kit = {
    info,
    v,
    k,
    cx,
    ground,
    size,
    mat,
    r1,
    r2,
    r3,
    look: takeIndex(key, 4),
    haunt,
  };
  const part = PARTS[v] ?? (info.kind === "building" ? drawHouse : drawPlant);
  const footing = footingFor(
    info.kind === "building" ? "building" : SUBJECT_BY_ID.get(info.subject)?.category,
    v,
  );
  const gm = footing ? groundMats(m) : undefined;
  // "a pirate ship", "a viking ship": the theme word dresses the boat (vehicle-themes.ts)
  const theme = v === "boat" ? shipTheme(info.text) : undefined;
  const tm = theme ? themeMats(m, theme) : undefined;
  const draw = (c: SpriteCanvas, pose: Pose) => {
    part(kit, c, pose);
    if (theme && tm) dressShip(c, theme, tm, mat.white, 6, ground - 7 * k, k);
    if (!footing || !gm) return;
    // the footprint is what the part drew on its ground row
    let x0 = size;
    let x1 = -1;
    for (let x = 0; x < size; x++)
      if (c.get(x, ground) >= 0) {
        x0 = Math.min(x0, x);
        x1 = Math.max(x1, x);
      }
    if (x1 >= 0) drawFooting(c, footing, x0, x1, ground, gm);
  };
  // a well's stone stays stone in every take (a blued-steel scheme drew it blue)
  return {
    size,
    materials: m.list,
    restView: "front",
    draw,
    ownColors: v === "well",
    takes: lookCount(kit, part),
  };
}

/**
 * How many alternative drawings a scenery part draws by take (Kit.look); absent where it has one
 * (a pine, a flower, a boat, a spaceship, a car named a sports car).
 */
function lookCount(kit: Kit, part: Part): number | undefined {
  if (part === drawHouse) return (kit.v === "castle" ? CASTLES : HOUSES).length;
  if (part === drawWindmill) return WINDMILLS.length;
  if (part === drawWell) return WELLS.length;
  if (part === drawLighthouse) return LIGHTHOUSES.length;
  if (part === drawCar)
    return SPORTS_CAR.test(kit.info.text.toLowerCase()) ? undefined : CARS.length;
  // drawPlant's trees and mushrooms: four crowns and caps
  if (kit.v === "tree" || kit.v === "mushroom") return 4;
  return undefined;
}

function drawSpaceship(kit: Kit, c: SpriteCanvas, pose: Pose): void {
  const { k, cx, mat, r1, r2, r3 } = kit;
  // top-down hull from a mirrored mask, nose up
  const bob =
    pose.mode === "walk" ? [0, 1, 0, 1][phase(pose)]! : pose.mode === "idle" ? pose.bob : 0;
  const w = (5 + r3) * k;
  const top = 4 * k + bob - (pose.attack === 2 ? 2 : 0);
  const len = 20 * k;
  c.poly(
    [
      [cx, top],
      [cx + w * 0.6, top + len * 0.4],
      [cx + w, top + len * 0.85],
      [cx, top + len * 0.8],
      [cx - w, top + len * 0.85],
      [cx - w * 0.6, top + len * 0.4],
    ],
    mat.main,
    1,
  );
  const span = (9 + r1 * 4) * k;
  const wy = top + len * (0.45 + r2 * 0.2);
  for (const s of [-1, 1]) {
    c.poly(
      [
        [cx + s * w * 0.5, wy],
        [cx + s * span, wy + 6 * k],
        [cx + s * span, wy + 8 * k],
        [cx + s * w * 0.5, wy + 6 * k],
      ],
      mat.second,
      2,
    );
    c.rect(
      cx + s * span - (s > 0 ? k : 0) - 0.5,
      wy + 3 * k,
      cx + s * span + (s < 0 ? k : 0) - 0.5,
      wy + 8 * k,
      mat.main,
      3,
    );
  }
  if (pose.view !== "back") c.ellipse(cx, top + len * 0.35, 1.6 * k, 2.6 * k, mat.glass, 4);
  const fl = pose.mode === "attack" ? (pose.attack === 2 ? 6 : 3) : 2 + (phase(pose) % 2) * 2;
  c.poly(
    [
      [cx - 2 * k, top + len * 0.82],
      [cx + 2 * k, top + len * 0.82],
      [cx, top + len * 0.82 + fl * k],
    ],
    mat.flame,
    5,
  );
  if (pose.attack >= 2)
    for (const s of [-1, 1])
      c.line(
        cx + s * span,
        wy + 2 * k - (pose.attack === 2 ? 0 : 4 * k),
        cx + s * span,
        wy - (pose.attack === 2 ? 8 : 12) * k,
        mat.light,
        6,
      );
}

// Cars per take: a saloon, a pickup with an open bed, a tall van, a low sports car with a spoiler.
const CARS = ["saloon", "pickup", "van", "sports"] as const;
const SPORTS_CAR = /\b(sports?|racing|race ?car|racecar|kart)\b|跑车|赛车/;

function drawCar(kit: Kit, c: SpriteCanvas, pose: Pose): void {
  const { k, cx, ground, mat, r1 } = kit;
  const bounce = pose.mode === "walk" ? [0, 1, 0, 1][phase(pose)]! : pose.bob;
  const wr = 2.8 * k;
  const len = 12 * k + r1 * 2 * k;
  const by = ground - wr - 1 + bounce;
  // a named sports car or racer is that body in every take (eval-d: "a red sports car" was
  // the family car)
  // a cabin or window on the body's top edge: x at fractions of the half length, h cells high
  const cabin = (a: number, b: number, e: number, d: number, h: number, m: number, part: number) =>
    c.poly(
      [
        [cx + len * a, by - 5 * k],
        [cx + len * b, by - h * k],
        [cx + len * e, by - h * k],
        [cx + len * d, by - 5 * k],
      ],
      m,
      part,
    );
  const body = SPORTS_CAR.test(kit.info.text.toLowerCase())
    ? "sports"
    : CARS[kit.look % CARS.length]!;
  if (body !== "saloon") {
    if (body === "pickup") {
      // the cab up front, an open bed with a dark floor behind it
      c.rect(cx - len, by - 5 * k, cx + len - 1, by, mat.main, 1);
      c.rect(cx - len + k, by - 5 * k, cx - k, by - 4 * k, mat.dark, 2);
      cabin(0, 0.1, 0.55, 0.75, 11, mat.main, 2);
      cabin(0.18, 0.24, 0.5, 0.62, 9.5, mat.glass, 3);
    } else if (body === "van") {
      // a tall box with a row of side windows
      c.rect(cx - len, by - 13 * k, cx + len - 1, by, mat.main, 1);
      c.poly(
        [
          [cx + len - 1, by - 13 * k],
          [cx + len + 2 * k, by - 6 * k],
          [cx + len + 2 * k, by],
          [cx + len - 1, by],
        ],
        mat.main,
        1,
      );
      for (let x = cx - len + 2 * k; x < cx + len - 3 * k; x += 6 * k)
        c.rect(x, by - 11 * k, x + 4 * k - 1, by - 7 * k, mat.glass, 3);
      c.rect(cx - len, by - 3 * k, cx + len - 1, by - 2 * k, mat.second, 2);
    } else {
      // a low wedge with a bubble canopy and a rear wing
      c.poly(
        [
          [cx - len, by - 5 * k],
          [cx + len + k, by - 2 * k],
          [cx + len + k, by],
          [cx - len, by],
        ],
        mat.main,
        1,
      );
      c.ellipse(cx - len * 0.1, by - 5 * k, len * 0.4, 3 * k, mat.glass, 3);
      c.rect(cx - len - k, by - 9 * k, cx - len + 3 * k, by - 8 * k, mat.second, 2);
      c.rect(cx - len + k, by - 8 * k, cx - len + 2 * k, by - 5 * k, mat.dark, 2);
      c.rect(cx - len * 0.3, by - 3 * k, cx + len * 0.6, by - 3 * k, mat.second, 2);
    }
  } else c.rect(cx - len, by - 5 * k, cx + len - 1, by, mat.main, 1);
  if (body === "saloon") {
    cabin(-0.55, -0.35, 0.35, 0.6, 10, mat.main, 2);
    cabin(-0.4, -0.28, 0.3, 0.45, 8.5, mat.glass, 3);
  }
  for (const s of [-1, 1]) {
    const wx = cx + s * len * 0.6;
    c.ellipse(wx, ground - wr, wr, wr, mat.dark, 4);
    const a = pose.t * Math.PI * 2 + s;
    c.plot(wx + Math.cos(a) * wr * 0.5, ground - wr + Math.sin(a) * wr * 0.5, mat.white, 5);
  }
  c.plot(cx + len - 1, by - 3 * k, mat.light, 6);
  if (pose.attack === 2)
    for (let i = 0; i < 3; i++)
      c.ellipse(cx - len - 2 * k - i * 2 * k, by - i * k, k, k, mat.smoke, 7);
}

// a ship (a galleon, a pirate ship) is not a dinghy: a deep hull with a stern castle and two
// masts of square sails (eval-d: "a pirate ship" read as a small boat with a dark sail)
function drawShip(kit: Kit, c: SpriteCanvas, pose: Pose): void {
  const { k, cx, ground, mat, r1, r3 } = kit;
  // each take its own rig: two masts, three (a mizzen aft), or two with a jib at the bow; and a
  // low or tall stern castle
  const castle = r1 < 0.5 ? 5 : 7;
  const bob = pose.mode === "walk" || pose.mode === "idle" ? [0, 1, 1, 0][phase(pose)]! : 0;
  const tilt = pose.mode === "walk" ? [0, 1, 0, -1][phase(pose)]! : 0;
  const deck = ground - 8 * k + bob;
  const keel = ground - k + bob;
  // hull: the stern (left) rides high under its castle, the bow rises to a point
  c.poly(
    [
      [cx - 13 * k, deck - 2 * k + tilt],
      [cx + 14 * k, deck - 2 * k - tilt],
      [cx + 9 * k, keel],
      [cx - 10 * k, keel],
    ],
    mat.main,
    1,
  );
  c.rect(cx - 13 * k, deck - castle * k + tilt, cx - 7 * k, deck - 2 * k + tilt, mat.main, 1);
  // a painted band with gun ports along the side
  c.rect(cx - 11 * k, deck + k, cx + 10 * k, deck + 2 * k - 1, mat.second, 2);
  for (let x = cx - 8 * k; x <= cx + 8 * k; x += 4 * k)
    c.rect(x, deck + k, x + k - 1, deck + 2 * k - 1, mat.dark, 2);
  const billow = pose.attack === 2 ? 2 * k : (phase(pose) % 2) * k;
  const main = cx + k;
  const fore = cx + 8 * k;
  // square sails, part 4 (main) and 5 (fore): a theme re-dresses them (vehicle-themes.ts)
  c.rect(main - 5 * k, deck - 19 * k, main + 5 * k + billow, deck - 14 * k, mat.white, 4);
  c.rect(main - 6 * k, deck - 12 * k, main + 6 * k + billow, deck - 5 * k, mat.white, 4);
  c.rect(fore - 3 * k, deck - 14 * k, fore + 4 * k + billow, deck - 6 * k, mat.white, 5);
  if (r3 === 1) {
    const mizzen = cx - 8 * k;
    c.rect(
      mizzen - 3 * k,
      deck - 13 * k - castle * k + 5 * k,
      mizzen + 3 * k + billow,
      deck - castle * k - k,
      mat.white,
      5,
    );
    c.line(mizzen, deck - castle * k, mizzen, deck - 15 * k - castle * k + 5 * k, mat.wood, 3);
  } else if (r3 === 2)
    // a jib from the foremast to the bowsprit
    c.poly(
      [
        [fore + k, deck - 15 * k],
        [fore + k, deck - 4 * k],
        [cx + 15 * k + billow, deck - 3 * k],
      ],
      mat.white,
      5,
    );
  c.line(main, deck - 2 * k, main, deck - 21 * k, mat.wood, 3);
  c.line(fore, deck - 2 * k, fore, deck - 16 * k, mat.wood, 3);
  c.poly(
    [
      [main, deck - 22 * k],
      [main + 5 * k, deck - 21 * k],
      [main, deck - 20 * k],
    ],
    mat.second,
    6,
  );
}

function drawBoat(kit: Kit, c: SpriteCanvas, pose: Pose): void {
  if (isShip(kit.info.text)) {
    drawShip(kit, c, pose);
    return;
  }
  const { k, cx, ground, mat } = kit;
  const bob = pose.mode === "walk" || pose.mode === "idle" ? [0, 1, 1, 0][phase(pose)]! : 0;
  const tilt = pose.mode === "walk" ? [0, 1, 0, -1][phase(pose)]! : 0;
  const len = 13 * k;
  const deck = ground - 6 * k + bob;
  c.poly(
    [
      [cx - len, deck + tilt],
      [cx + len, deck - tilt],
      [cx + len * 0.7, ground - k + bob],
      [cx - len * 0.75, ground - k + bob],
    ],
    mat.main,
    1,
  );
  c.rect(
    cx - len * 0.8,
    deck - tilt * 0.5 + k,
    cx + len * 0.8,
    deck - tilt * 0.5 + k,
    mat.second,
    2,
  );
  c.line(cx, deck, cx, deck - 18 * k, mat.wood, 3);
  const billow = pose.attack === 2 ? 3 * k : (phase(pose) % 2) * k;
  c.poly(
    [
      [cx + 1, deck - 17 * k],
      [cx + 1, deck - 3 * k],
      [cx + 9 * k + billow, deck - 4 * k],
    ],
    mat.white,
    4,
  );
  c.poly(
    [
      [cx - 1, deck - 15 * k],
      [cx - 1, deck - 4 * k],
      [cx - 7 * k - billow * 0.5, deck - 5 * k],
    ],
    mat.white,
    5,
  );
  c.poly(
    [
      [cx, deck - 18 * k],
      [cx + 4 * k, deck - 17 * k],
      [cx, deck - 16 * k],
    ],
    mat.second,
    6,
  );
}

/** The upper half of an ellipse standing on row yl (domes, thatch, onion roofs). */
function dome(
  c: SpriteCanvas,
  cx: number,
  yl: number,
  rx: number,
  ry: number,
  mat: number,
  part: number,
): void {
  for (let y = Math.floor(yl - ry); y <= yl; y++) {
    const f = (yl + 1 - (y + 0.5)) / ry;
    if (f > 1) continue;
    const hw = rx * Math.sqrt(1 - f * f);
    c.rect(cx - hw, y, cx + hw - 1, y, mat, part);
  }
}

/** A tower's top: a pointed roof, flat battlements or an onion dome, over [tx−hw, tx+hw). */
function towerTop(
  c: SpriteCanvas,
  kit: Kit,
  tx: number,
  y: number,
  hw: number,
  top: "pointed" | "crenellated" | "onion",
  h: number,
  part: number,
): void {
  const { k, mat } = kit;
  if (top === "pointed")
    c.poly(
      [
        [tx - hw - k, y],
        [tx, y - h],
        [tx + hw + k, y],
      ],
      mat.second,
      part,
    );
  else if (top === "onion") {
    dome(c, tx, y - 1, hw + k * 0.5, h * 0.55, mat.second, part);
    c.poly(
      [
        [tx - hw * 0.6, y - h * 0.5],
        [tx, y - h],
        [tx + hw * 0.6, y - h * 0.5],
      ],
      mat.second,
      part,
    );
  } else
    for (let x = tx - hw - k; x < tx + hw + k; x += 2 * k)
      c.rect(x, y - 2 * k, x + k - 1, y - 1, mat.main, part);
}

/** A lit or dark slit window, blinking with the cycle. */
function slit(c: SpriteCanvas, kit: Kit, x: number, y: number, lit: boolean): void {
  const { k, mat } = kit;
  c.rect(x - 0.5, y, x + 0.5, y + 2 * k, lit ? mat.light : mat.dark, 4);
}

// Castles per take: two roofed towers and a flag; battlemented towers over a gate; a keep with
// an onion dome between low towers; three pointed towers, the middle one tallest.
const CASTLES = [
  { towers: [-1, 1], top: "pointed", keep: false },
  { towers: [-1, 1], top: "crenellated", keep: false },
  { towers: [-1, 1], top: "crenellated", keep: "onion" },
  { towers: [-1, 0, 1], top: "pointed", keep: false },
] as const;

function drawCastle(kit: Kit, c: SpriteCanvas, pose: Pose): void {
  const { k, cx, ground, mat, look } = kit;
  const spec = CASTLES[look % CASTLES.length]!;
  const w = 9 * k;
  const wallTop = ground - (spec.keep ? 12 : spec.towers.length > 2 ? 11 : 16) * k;
  c.rect(cx - w, wallTop, cx + w - 1, ground, mat.main, 1);
  for (let x = cx - w; x < cx + w; x += 3 * k)
    c.rect(x, wallTop - 2 * k, x + k, wallTop - 1, mat.main, 1);
  const p = phase(pose);
  for (const s of spec.towers) {
    const tx = cx + s * w;
    const tall = s === 0 ? 9 : spec.towers.length > 2 ? 5 : 8;
    const hw = s === 0 ? 3.5 * k : 3 * k;
    c.rect(tx - hw, wallTop - tall * k, tx + hw - 1, ground, mat.main, 2);
    towerTop(c, kit, tx, wallTop - tall * k, hw, spec.top, (s === 0 ? 10 : 7) * k, 3);
    slit(c, kit, tx, wallTop - (tall - 3) * k, (p + (s > 0 ? 1 : 0)) % 2 === 1);
  }
  if (spec.keep) {
    // the keep: a tall square tower behind the gate with an onion dome
    const hw = 4 * k;
    c.rect(cx - hw, wallTop - 10 * k, cx + hw - 1, ground, mat.main, 2);
    for (let x = cx - hw; x < cx + hw; x += 2 * k)
      c.rect(x, wallTop - 12 * k, x + k - 1, wallTop - 10 * k - 1, mat.main, 2);
    towerTop(c, kit, cx, wallTop - 12 * k, hw - k, "onion", 8 * k, 3);
    slit(c, kit, cx, wallTop - 7 * k, p % 2 === 0);
  }
  if (spec.top === "crenellated" && !spec.keep)
    // flags fly from both battlemented towers
    for (const s of [-1, 1]) {
      const fx = cx + s * w;
      const fy = wallTop - 10 * k;
      const flagDx = [0, 1, 0, -1][p]!;
      c.line(fx, fy, fx, fy - 6 * k, mat.wood, 5);
      c.poly(
        [
          [fx + 1, fy - 6 * k],
          [fx + 4 * k + flagDx, fy - 5 * k],
          [fx + 1, fy - 4 * k],
        ],
        mat.second,
        6,
      );
    }
  if (look === 0) {
    const flagDx = [0, 1, 0, -1][p]!;
    c.line(cx, wallTop - 2 * k, cx, wallTop - 10 * k, mat.wood, 5);
    c.poly(
      [
        [cx + 1, wallTop - 10 * k],
        [cx + 6 * k + flagDx, wallTop - 9 * k],
        [cx + 1, wallTop - 7 * k],
      ],
      mat.second,
      6,
    );
  }
  if (pose.view !== "back") {
    // the gate: an arch, open and dark, or a wooden door
    const gw = (look === 1 ? 3 : 2) * k;
    c.rect(cx - gw, ground - 5 * k, cx + gw - 1, ground, look === 1 ? mat.dark : mat.wood, 5);
    dome(c, cx, ground - 5 * k, gw, gw, look === 1 ? mat.dark : mat.wood, 5);
    if (look === 1)
      for (let x = cx - gw + k; x < cx + gw; x += 2 * k)
        c.rect(x, ground - 6 * k, x, ground - 2 * k, mat.second, 6);
  }
}

// Houses per take: a gable roof with a chimney; a steep A-frame with a round attic window; two
// storeys under a hipped roof; a low cottage under a rounded thatch.
const HOUSES = [
  { roof: "gable", w: 10, wall: 11, chimney: 0.45, door: 0, rows: 1 },
  { roof: "aframe", w: 8, wall: 8, chimney: 0, door: -0.35, rows: 0 },
  { roof: "hipped", w: 9, wall: 16, chimney: -0.55, door: 0.4, rows: 2 },
  { roof: "thatch", w: 12, wall: 8, chimney: -0.6, door: -0.35, rows: 1 },
] as const;

function drawHouse(kit: Kit, c: SpriteCanvas, pose: Pose): void {
  const { k, cx, ground, mat, r1, r2, r3, v } = kit;
  if (v === "castle") {
    drawCastle(kit, c, pose);
    return;
  }
  const spec = HOUSES[kit.look % HOUSES.length]!;
  const w = (spec.w + (spec.roof === "gable" ? r3 : 0)) * k;
  const wallTop = ground - (spec.wall + r1 * 2) * k;
  c.rect(cx - w, wallTop, cx + w - 1, ground, mat.main, 1);
  let roofH = (7 + r2 * 4) * k;
  if (spec.roof === "aframe") {
    roofH = (12 + r2 * 3) * k;
    c.poly(
      [
        [cx - w - 3 * k, wallTop + 3 * k],
        [cx, wallTop - roofH],
        [cx + w + 3 * k, wallTop + 3 * k],
      ],
      mat.second,
      3,
    );
  } else if (spec.roof === "hipped") {
    roofH = 6 * k;
    c.poly(
      [
        [cx - w - 2 * k, wallTop + 1],
        [cx - w * 0.4, wallTop - roofH],
        [cx + w * 0.4, wallTop - roofH],
        [cx + w + 2 * k, wallTop + 1],
      ],
      mat.second,
      3,
    );
  } else if (spec.roof === "thatch") {
    roofH = 8 * k;
    dome(c, cx, wallTop + 2 * k, w + 2 * k, roofH + 2 * k, mat.second, 3);
  } else
    c.poly(
      [
        [cx - w - 2 * k, wallTop + 1],
        [cx, wallTop - roofH],
        [cx + w + 2 * k, wallTop + 1],
      ],
      mat.second,
      3,
    );
  if (spec.chimney) {
    const chx = cx + w * spec.chimney;
    c.rect(chx, wallTop - roofH * 0.85, chx + 2 * k, wallTop - roofH * 0.3, mat.wood, 4);
    const p = phase(pose);
    for (let i = 0; i < 2; i++)
      c.ellipse(
        chx + k + ((p + i) % 2) * k,
        wallTop - roofH * 0.95 - (i * 3 + (p % 2)) * k,
        (1.4 - i * 0.3) * k,
        (1.4 - i * 0.3) * k,
        mat.smoke,
        7,
      );
  }
  if (pose.view !== "back") {
    const dx = cx + spec.door * w;
    c.rect(dx - 2 * k, ground - 6 * k, dx + 2 * k - 1, ground, mat.wood, 5);
    c.plot(dx + k - 1, ground - 3 * k, mat.light, 6);
    const lit = phase(pose) % 2 === 1 || pose.mode === "attack";
    const pane = lit ? mat.light : mat.glass;
    if (spec.roof === "aframe") {
      // a round attic window under the ridge, one square window beside the door
      c.ellipse(cx, wallTop - roofH * 0.35, 2 * k, 2 * k, pane, 8);
      c.rect(
        cx + w * 0.45 - 1.5 * k,
        wallTop + k,
        cx + w * 0.45 + 1.5 * k - 1,
        wallTop + 4 * k,
        pane,
        8,
      );
    }
    const haunt = kit.haunt;
    for (let row = 0; row < spec.rows; row++)
      for (const s of [-1, 1]) {
        const wx = cx + s * w * 0.6;
        // the door's side keeps its window clear of the door
        if (Math.abs(wx - dx) < 4 * k && row === spec.rows - 1 && spec.rows > 1) continue;
        const wy = wallTop + (3 + row * 6) * k;
        c.rect(wx - 1.5 * k, wy, wx + 1.5 * k - 1, wy + 3 * k, haunt ? mat.dark : pane, 8);
        // haunted: a dark window with two glowing eyes looking out
        if (haunt) {
          c.plot(wx - 1.5 * k, wy + k, haunt.glow, 9);
          c.plot(wx + 1.5 * k - 1, wy + k, haunt.glow, 9);
        }
      }
    if (haunt) drawHaunting(kit, c, pose, dx, wallTop, roofH, w);
  }
}

/**
 * A haunted house at 32 px (eval-e: a purple-tinted house read as barely haunted): boards
 * nailed across the door, a small ghost floating by the upper left eave and two bats over the
 * roof on the right, bobbing with the cycle.
 */
function drawHaunting(
  kit: Kit,
  c: SpriteCanvas,
  pose: Pose,
  dx: number,
  wallTop: number,
  roofH: number,
  w: number,
): void {
  const { k, cx, ground, mat, size } = kit;
  const haunt = kit.haunt!;
  // two boards crossed over the door
  c.line(dx - 2 * k, ground - 5 * k, dx + 2 * k - 1, ground - 2 * k, mat.wood, 13, 3);
  c.line(dx - 2 * k, ground - 2 * k, dx + 2 * k - 1, ground - 5 * k, mat.wood, 13, 3);
  const bob = phase(pose) % 2;
  // the ghost: a round head, a wavy hem, two dark eyes
  const gx = Math.max(3 * k, cx - w - k);
  const gy = Math.max(3 * k, wallTop - roofH * 0.55) + bob * k;
  c.ellipse(gx, gy, 2.5 * k, 2.5 * k, haunt.ghost, 10);
  c.rect(gx - 2.5 * k, gy, gx + 2.5 * k - 1, gy + 3 * k, haunt.ghost, 10);
  for (let i = 0; i < 3; i++) c.plot(gx - 2 * k + i * 2 * k, gy + 3.5 * k, haunt.ghost, 10);
  c.plot(gx - k, gy - 0.5 * k, mat.dark, 11);
  c.plot(gx + k - 1, gy - 0.5 * k, mat.dark, 11);
  // bats: wings up in a V over a body, high on the right
  const bat = (bx: number, by: number) => {
    c.line(bx - 3 * k, by - k, bx - k, by, mat.dark, 12);
    c.line(bx + 3 * k, by - k, bx + k, by, mat.dark, 12);
    c.rect(bx - k, by, bx + k - 1, by + k - 1, mat.dark, 12);
  };
  bat(Math.min(size - 4 * k, cx + w * 0.7), 3 * k + bob * k);
  bat(Math.min(size - 8 * k, cx + w * 0.25), 6 * k - bob * k);
}

/** An oak named in the prompt (English or Chinese). */
const OAK_WORDS = /\boaks?\b|橡树/i;

function drawPlant(kit: Kit, c: SpriteCanvas, pose: Pose): void {
  const { k, cx, ground, size, mat, r1, r2, r3, v, info } = kit;
  // "directions" for a plant: seen from the side it leans with the wind (flip mirrors it)
  const sway =
    pose.mode === "walk"
      ? [0, 1, 0, -1][phase(pose)]!
      : pose.mode === "idle"
        ? pose.bob
        : pose.attack === 2
          ? 2
          : pose.attack === 1
            ? -1
            : pose.view === "side"
              ? 1
              : 0;
  if (v === "tree" || v === "pine") {
    // an oak named is the spreading oak in every take, not a round or tufted crown
    const oak = v === "tree" && OAK_WORDS.test(kit.info.text);
    const trunkW = Math.max(1, Math.round((oak ? 2 : 1.5) * k));
    const trunkTop = ground - (v === "pine" ? 6 : 10) * k;
    c.rect(cx - trunkW, trunkTop, cx + trunkW - 1, ground, mat.wood, 1);
    if (v === "pine") {
      const tiers = 3 + (r3 % 2);
      for (let i = 0; i < tiers; i++) {
        const base = trunkTop + 1 - i * (18 / tiers) * k;
        const half = (11 - i * (7 / tiers)) * k;
        c.poly(
          [
            [cx - half, base],
            [cx + sway * (i / tiers), base - 11 * k],
            [cx + half, base],
          ],
          mat.main,
          2 + i,
        );
      }
    } else if (kit.look === 1 && !oak) {
      // a round ball of a crown, shaded underneath
      const R = (8 + r1 * 1.5) * k;
      const ccy = trunkTop - R * 0.75;
      c.ellipse(cx, ccy, R, R * 0.92, mat.leaf2, 2);
      c.ellipse(cx - k, ccy - k, R - k, R * 0.92 - 1.5 * k, mat.main, 3);
      // a tree of a kind (blossom, autumn) always shows its flowers or its turning leaves
      if (r2 > 0.5 || info.colors[1])
        for (let i = 0; i < 4; i++)
          c.plot(cx - R * 0.5 + i * R * 0.35, ccy - R * 0.2 + (i % 2) * 3 * k, mat.second, 4);
    } else if (kit.look === 2 || oak) {
      // a spreading oak: a thick trunk forking into boughs under a broad, flat crown; an oak
      // named in every take, its takes a lower or taller crown, the boughs spread wider or
      // closer, and one lobe more or less (eval-f: "a big oak tree" was a lollipop on a pole)
      const t = oak ? kit.look : 0;
      const lift = [0, 2, -1, 1][t]! * k;
      const spread = [7, 8, 6, 7][t]! * k;
      const base = [0, 1, -1, 1][t]!;
      c.rect(cx - trunkW - k, trunkTop, cx + trunkW, ground, mat.wood, 1);
      // a flared foot: the roots spread at the ground
      if (oak) c.rect(cx - trunkW - 2 * k, ground - k, cx + trunkW + k, ground, mat.wood, 1);
      for (const sx of [-1, 1])
        c.capsule(
          cx,
          trunkTop + 2 * k,
          cx + sx * spread,
          trunkTop - 4 * k - lift,
          1.1 * k,
          mat.wood,
          1,
        );
      const ccy = trunkTop - 7 * k - lift;
      c.ellipse(cx, ccy, 14 * k, 5 * k, mat.main, 2);
      const lobes = t === 3 ? [-1, -0.35, 0.35, 1] : [-1, 0, 1];
      for (const sx of lobes)
        c.ellipse(
          cx + sx * 7 * k + base * k,
          ccy - 3 * k - (Math.abs(sx) < 0.5 ? 2 * k : 0),
          5 * k,
          4 * k,
          mat.main,
          3,
        );
      c.rect(cx - 12 * k, ccy + 3 * k, cx + 12 * k, ccy + 4 * k, mat.leaf2, 2);
      if (oak && t !== 2)
        // acorns under the crown's rim
        for (const ax of [-8, 3, 9]) c.plot(cx + ax * k, ccy + 5 * k, mat.wood, 4);
    } else if (kit.look === 3) {
      // a tall crown of small tufts round a forked trunk that shows between them
      const ccy = trunkTop - 9 * k;
      for (const [dx, dy, r] of [
        [-5, 4, 4],
        [5, 4, 4],
        [-6, -2, 4],
        [6, -2, 4],
        [0, -7, 4.5],
        [0, 1, 5],
      ] as const)
        c.ellipse(cx + dx * k, ccy + dy * k, r * k, r * k * 0.9, dy > 2 ? mat.leaf2 : mat.main, 2);
      for (const sx of [-1, 1])
        c.capsule(cx, trunkTop, cx + sx * 3 * k, trunkTop - 5 * k, 0.8 * k, mat.wood, 3);
    } else {
      const R = (8 + r1 * 2) * k;
      const ccy = trunkTop - R * 0.7;
      c.ellipse(cx - R * 0.55, ccy + R * 0.2, R * 0.65, R * 0.55, mat.main, 2);
      c.ellipse(cx + R * 0.55, ccy + R * 0.2, R * 0.65, R * 0.55, mat.main, 2);
      c.ellipse(cx, ccy - R * 0.3, R * 0.75, R * 0.6, mat.main, 3);
      if (r2 > 0.5 || info.colors[1])
        for (let i = 0; i < 3; i++)
          c.plot(cx - R * 0.5 + i * R * 0.5, ccy + (i % 2) * 2 * k, mat.second, 4);
    }
    // sway bends upper rows progressively
    const topY = 0;
    if (sway) c.shiftRows(topY, Math.round(trunkTop - 12 * k), sway);
    return;
  }
  if (v === "mushroom") {
    // a lone mushroom is the whole sprite: drawn at icon size rather than as ground clutter
    const km = (size / 32) * 1.35;
    if (kit.look > 0) {
      drawMushroomLook(kit, c, km, kit.look);
      if (sway) c.shiftRows(0, Math.round(ground - 8 * km), sway > 0 ? 1 : -1);
      return;
    }
    c.rect(cx - 2 * km, ground - 7 * km, cx + 2 * km - 1, ground, mat.white, 1);
    c.ellipse(cx, ground - 8 * km, 8 * km, 5 * km, mat.main, 2);
    c.rect(cx - 8 * km, ground - 7 * km, cx + 8 * km, ground - 5 * km, mat.main, 2);
    for (const [dx, dy] of [
      [-4, -10],
      [3, -11],
      [5, -7],
      [-6, -7],
    ])
      c.ellipse(cx + dx! * km, ground + dy! * km, km, km, mat.white, 3);
    if (sway) c.shiftRows(0, Math.round(ground - 8 * km), sway > 0 ? 1 : -1);
    return;
  }
  if (v === "cactus") {
    c.capsule(cx, ground, cx, ground - 18 * k, 2.5 * k, mat.main, 1);
    c.capsule(
      cx - 6 * k,
      ground - 12 * k,
      cx - 6 * k,
      ground - 8 * k + r1 * 2,
      1.5 * k,
      mat.main,
      2,
    );
    c.rect(cx - 6 * k, ground - 8 * k, cx - 2 * k, ground - 6.5 * k, mat.main, 2);
    c.capsule(cx + 6 * k, ground - 14 * k, cx + 6 * k, ground - 10 * k, 1.5 * k, mat.main, 3);
    c.rect(cx + 2 * k, ground - 10 * k, cx + 6 * k, ground - 8.5 * k, mat.main, 3);
    if (pose.t >= 0.5 || pose.attack)
      c.ellipse(cx, ground - 20 * k, 1.5 * k, 1.5 * k, mat.second, 4);
    return;
  }
  // flower (a lone one is the whole sprite, so it is drawn at icon size)
  const kf = (size / 32) * 1.3;
  const stemTop = ground - (14 + r3 * 2) * kf;
  c.line(cx, ground, cx + sway, stemTop, mat.leaf2, 1);
  c.ellipse(cx - 3 * kf, ground - 5 * kf, 2.4 * kf, 1.2 * kf, mat.leaf2, 2);
  const fx = cx + sway;
  const petals = 5 + r3;
  for (let i = 0; i < petals; i++) {
    const a = (i / petals) * Math.PI * 2 + pose.t * (pose.mode === "attack" ? 2 : 0);
    c.ellipse(
      fx + Math.cos(a) * 3.2 * kf,
      stemTop + Math.sin(a) * 3.2 * kf,
      2.2 * kf,
      2.2 * kf,
      mat.main,
      3,
    );
  }
  c.ellipse(fx, stemTop, 1.8 * kf, 1.8 * kf, mat.light, 4);
}

/**
 * The other mushrooms a take draws: a bell cap over a ringed stem, a flat parasol on a tall
 * stem, or a cluster of three spotted caps.
 */
function drawMushroomLook(kit: Kit, c: SpriteCanvas, km: number, look: number): void {
  const { cx, ground, mat } = kit;
  if (look === 1) {
    c.rect(cx - 1.5 * km, ground - 8 * km, cx + 1.5 * km - 1, ground, mat.white, 1);
    c.poly(
      [
        [cx - 7 * km, ground - 7 * km],
        [cx - 3 * km, ground - 14 * km],
        [cx, ground - 16 * km],
        [cx + 3 * km, ground - 14 * km],
        [cx + 7 * km, ground - 7 * km],
      ],
      mat.main,
      2,
    );
    c.rect(cx - 2.5 * km, ground - 5 * km, cx + 2.5 * km - 1, ground - 4.5 * km, mat.white, 3, 1);
    return;
  }
  if (look === 2) {
    c.rect(cx - km, ground - 11 * km, cx + km - 1, ground, mat.white, 1);
    dome(c, cx, ground - 11 * km, 10 * km, 4 * km, mat.main, 2);
    for (let i = -2; i <= 2; i++)
      c.ellipse(
        cx + i * 4 * km,
        ground - 12.5 * km + Math.abs(i) * 0.6 * km,
        0.8 * km,
        0.8 * km,
        mat.white,
        3,
      );
    return;
  }
  for (const [dx, s] of [
    [-4, 1],
    [5, 0.6],
    [0.5, 0.45],
  ] as const) {
    const x = cx + dx * km;
    c.rect(x - 1.6 * km * s, ground - 6 * km * s, x + 1.6 * km * s - 1, ground, mat.white, 1);
    dome(c, x, ground - 5 * km * s, 6 * km * s, 5 * km * s, mat.main, 2);
    c.ellipse(x - 2 * km * s, ground - 7.5 * km * s, km * s, km * s, mat.white, 3);
    c.ellipse(x + 2 * km * s, ground - 8.5 * km * s, km * s, km * s, mat.white, 3);
  }
}

// Windmills per take: a tapered stone tower mill with lattice sails; a wooden post mill on its
// trestle with cloth sails; a tall smock mill on a brick base with six narrow blades; a squat round
// mill under a thatched cap with broad sails. The sails turn with the cycle.
const WINDMILLS = [
  { body: "tower", sails: 4, cloth: false },
  { body: "post", sails: 4, cloth: true },
  { body: "smock", sails: 6, cloth: true },
  { body: "round", sails: 4, cloth: true },
] as const;

function drawWindmill(kit: Kit, c: SpriteCanvas, pose: Pose): void {
  const { k, cx, ground, mat, look } = kit;
  const spec = WINDMILLS[look % WINDMILLS.length]!;
  let hubY: number;
  if (spec.body === "post") {
    // a box on a post over a trestle: the whole mill turns to face the wind
    c.capsule(cx, ground, cx, ground - 9 * k, k, mat.wood, 1);
    for (const s of [-1, 1])
      c.capsule(cx + s * 5 * k, ground, cx, ground - 6 * k, 0.8 * k, mat.wood, 1);
    c.rect(cx - 5 * k, ground - 19 * k, cx + 5 * k - 1, ground - 9 * k, mat.main, 2);
    c.poly(
      [
        [cx - 6 * k, ground - 19 * k],
        [cx, ground - 23 * k],
        [cx + 6 * k, ground - 19 * k],
      ],
      mat.second,
      3,
    );
    hubY = ground - 16 * k;
  } else {
    const [bw, tw, h] =
      spec.body === "smock" ? [6, 3.5, 19] : spec.body === "round" ? [8, 6, 13] : [7, 4, 17];
    const base = spec.body === "smock" ? 4 * k : 0;
    if (base) c.rect(cx - 8 * k, ground - base, cx + 8 * k - 1, ground, mat.wood, 1);
    const top = ground - base - h * k;
    c.poly(
      [
        [cx - bw * k, ground - base + 1],
        [cx - tw * k, top],
        [cx + tw * k, top],
        [cx + bw * k, ground - base + 1],
      ],
      mat.main,
      1,
    );
    if (spec.body === "smock")
      c.rect(cx - 9 * k, ground - base - k, cx + 9 * k - 1, ground - base, mat.wood, 2);
    if (spec.body === "round") dome(c, cx, top, tw * k + 1.5 * k, 5 * k, mat.second, 3);
    else
      c.poly(
        [
          [cx - tw * k - k, top + 1],
          [cx, top - 5 * k],
          [cx + tw * k + k, top + 1],
        ],
        mat.second,
        3,
      );
    hubY = top + k;
    if (pose.view !== "back") {
      c.rect(cx - 1.5 * k, ground - base - 5 * k, cx + 1.5 * k - 1, ground - base, mat.wood, 5);
      c.rect(
        cx - k,
        top + 5 * k,
        cx + k - 1,
        top + 7 * k,
        phase(pose) % 2 ? mat.light : mat.dark,
        5,
      );
    }
  }
  // the sails: spars from the hub, each with its cloth or lattice on the trailing side
  const turning = pose.mode === "attack" ? pose.attack * 0.5 : pose.t * 2;
  const span = 11 * k;
  for (let i = 0; i < spec.sails; i++) {
    const a = (i / spec.sails) * Math.PI * 2 + Math.PI / 4 + (turning * Math.PI) / spec.sails;
    const ux = Math.cos(a);
    const uy = Math.sin(a);
    const wx = -uy;
    const wy = ux;
    const width = (spec.sails > 4 ? 2 : 3) * k;
    const at = (along: number, across: number): [number, number] => [
      cx + ux * along + wx * across,
      hubY + uy * along + wy * across,
    ];
    c.poly(
      [at(span * 0.28, 0), at(span, 0), at(span, width), at(span * 0.28, width)],
      mat.white,
      6,
    );
    if (!spec.cloth)
      for (let d = span * 0.28; d <= span; d += 2 * k)
        c.line(...at(d, 0), ...at(d, width), mat.wood, 6);
    c.line(cx, hubY, ...at(span, 0), mat.wood, 7);
  }
  c.ellipse(cx, hubY, k, k, mat.dark, 8);
}

// Wells per take: a round stone well under a gable roof with a hanging bucket; a square well
// under a tall shingled roof; an open well with a winch frame; a plank well with an iron arch
// and pulley. The bucket rises and falls with the cycle.
const WELLS = ["gable", "shingled", "winch", "arch"] as const;

function drawWell(kit: Kit, c: SpriteCanvas, pose: Pose): void {
  const { k, cx, ground, mat, look } = kit;
  const kind = WELLS[look % WELLS.length]!;
  const hw = (kind === "shingled" ? 8 : 9) * k;
  const rimTop = ground - 7 * k;
  // the wall: stone courses (a plank well's are wood)
  const wall = kind === "arch" ? mat.wood : mat.main;
  c.rect(cx - hw, rimTop, cx + hw - 1, ground, wall, 1);
  if (kind !== "shingled") c.ellipse(cx, rimTop, hw, 1.6 * k, wall, 1);
  c.rect(cx - hw + k, rimTop - k, cx + hw - 1 - k, rimTop, mat.dark, 2);
  for (let y = rimTop + 2 * k; y < ground; y += 2 * k)
    for (let x = cx - hw + ((y / (2 * k)) % 2 ? 0 : 2 * k); x < cx + hw; x += 4 * k)
      c.plot(x, y, wall, 1, 1);
  const bob = pose.mode === "attack" ? pose.attack * k : phase(pose) % 2 ? k : 0;
  const bucket = (x: number, y: number) => {
    c.line(x, rimTop - 14 * k, x, y - 2 * k, mat.dark, 4);
    c.rect(x - 1.5 * k, y - 2 * k, x + 1.5 * k - 1, y, mat.wood, 5);
    c.rect(x - 1.5 * k, y - 2 * k, x + 1.5 * k - 1, y - 2 * k, mat.second, 5);
  };
  if (kind === "arch") {
    // an iron hoop over the well, a pulley at its crown
    for (let a = Math.PI; a <= Math.PI * 2 + 0.01; a += 0.08)
      c.plot(cx + Math.cos(a) * (hw - k), rimTop - 2 * k + Math.sin(a) * 12 * k, mat.dark, 3);
    c.ellipse(cx, rimTop - 14 * k, 1.5 * k, 1.5 * k, mat.second, 4);
    bucket(cx, rimTop - 4 * k - bob);
    return;
  }
  for (const s of [-1, 1])
    c.rect(cx + s * (hw - k) - k, rimTop - 14 * k, cx + s * (hw - k), rimTop, mat.wood, 3);
  if (kind === "winch") {
    // no roof: a crank beam with its handle
    c.rect(cx - hw, rimTop - 14 * k, cx + hw - 1, rimTop - 13 * k, mat.wood, 4);
    c.rect(cx + hw, rimTop - 14 * k, cx + hw + k, rimTop - 11 * k, mat.dark, 4);
    bucket(cx, rimTop - 5 * k - bob);
    return;
  }
  c.rect(cx - hw + k, rimTop - 11 * k, cx + hw - 1 - k, rimTop - 10 * k, mat.wood, 4);
  const roofH = (kind === "shingled" ? 9 : 6) * k;
  const eave = rimTop - 14 * k;
  c.poly(
    [
      [cx - hw - 3 * k, eave + 2 * k],
      [cx, eave - roofH],
      [cx + hw + 3 * k, eave + 2 * k],
    ],
    mat.second,
    6,
  );
  if (kind === "shingled")
    for (let y = eave - roofH + 3 * k; y < eave + 2 * k; y += 2 * k) {
      const f = (y - (eave - roofH)) / (roofH + 2 * k);
      c.line(cx - (hw + 3 * k) * f + k, y, cx + (hw + 3 * k) * f - k, y, mat.second, 6);
      for (let x = cx - (hw + 3 * k) * f + k; x < cx + (hw + 3 * k) * f - k; x += 1)
        c.plot(x, y, mat.second, 6, 1);
    }
  bucket(cx + 2 * k, rimTop - 4 * k - bob);
}

// Lighthouses per take: a banded tower on rocks under a dome; a slim tower with a keeper's
// cottage and a pointed cap; a square stone tower with a battlemented gallery; a squat tower
// with a spiral stripe. The lamp sweeps its beam to either side through the cycle.
const LIGHTHOUSES = [
  { bw: 6, tw: 3.5, h: 19, stripes: "bands", cap: "dome", base: "rocks" },
  { bw: 4.5, tw: 3, h: 21, stripes: "bands", cap: "cone", base: "cottage" },
  { bw: 5, tw: 5, h: 18, stripes: "none", cap: "flat", base: "none" },
  { bw: 7, tw: 4.5, h: 14, stripes: "spiral", cap: "dome", base: "rocks" },
] as const;

function drawLighthouse(kit: Kit, c: SpriteCanvas, pose: Pose): void {
  const { k, cx, ground, mat, look } = kit;
  const spec = LIGHTHOUSES[look % LIGHTHOUSES.length]!;
  const foot = spec.base === "rocks" ? 3 * k : 0;
  const y0 = ground - foot;
  const top = y0 - spec.h * k;
  if (spec.base === "rocks")
    for (const [dx, r] of [
      [-5, 3.5],
      [4, 4],
      [0, 3],
    ] as const)
      dome(c, cx + dx * k, ground, r * k, 3.5 * k, mat.dark, 1);
  if (spec.base === "cottage") {
    c.rect(cx + 3 * k, ground - 6 * k, cx + 11 * k, ground, mat.main, 1);
    c.poly(
      [
        [cx + 2 * k, ground - 6 * k],
        [cx + 7 * k, ground - 10 * k],
        [cx + 12 * k, ground - 6 * k],
      ],
      mat.second,
      1,
    );
  }
  const halfAt = (y: number) => (spec.tw + ((y - top) / (y0 - top)) * (spec.bw - spec.tw)) * k;
  c.poly(
    [
      [cx - spec.bw * k, y0 + 1],
      [cx - spec.tw * k, top],
      [cx + spec.tw * k, top],
      [cx + spec.bw * k, y0 + 1],
    ],
    mat.main,
    2,
  );
  if (spec.stripes === "bands")
    for (let y = top + 3 * k; y < y0; y += 6 * k)
      for (let yy = y; yy < Math.min(y0, y + 3 * k); yy++)
        c.rect(cx - halfAt(yy), yy, cx + halfAt(yy) - 1, yy, mat.second, 2);
  else if (spec.stripes === "spiral")
    for (let y = top; y < y0; y++)
      for (let x = Math.floor(cx - halfAt(y)); x < cx + halfAt(y); x++)
        if ((((x - y) % (8 * k)) + 8 * k) % (8 * k) < 3 * k) c.plot(x, y, mat.second, 2);
  // the gallery and the lamp room
  c.rect(cx - spec.tw * k - k, top - k, cx + spec.tw * k + k - 1, top, mat.dark, 3);
  if (spec.cap === "flat")
    for (let x = cx - spec.tw * k - k; x < cx + spec.tw * k + k; x += 2 * k)
      c.rect(x, top - 2 * k, x + k - 1, top - k - 1, mat.main, 3);
  const lampW = Math.min(spec.tw, 3.5) * k;
  const lampTop = top - 4 * k;
  const p = phase(pose);
  const lit = pose.mode === "attack" || p % 2 === 1;
  c.rect(cx - lampW + k, lampTop, cx + lampW - k - 1, top - k - 1, lit ? mat.light : mat.glass, 4);
  if (spec.cap === "cone")
    c.poly(
      [
        [cx - lampW, lampTop],
        [cx, lampTop - 4 * k],
        [cx + lampW, lampTop],
      ],
      mat.second,
      5,
    );
  else dome(c, cx, lampTop, lampW, (spec.cap === "flat" ? 2 : 3) * k, mat.second, 5);
  if (pose.view !== "back") {
    c.rect(cx - 1.5 * k, y0 - 5 * k, cx + 1.5 * k - 1, y0, mat.wood, 6);
    c.rect(cx - 0.5, top + 5 * k, cx + 0.5, top + 7 * k, mat.dark, 6);
  }
  if (lit) {
    // the beam sweeps: to one side on one lit frame, to the other on the next
    const s = p === 1 ? 1 : -1;
    const ly = lampTop + 1.5 * k;
    c.poly(
      [
        [cx + s * lampW, ly],
        [cx + s * 15 * k, ly - 3 * k],
        [cx + s * 15 * k, ly + 3 * k],
      ],
      mat.light,
      7,
    );
  }
}

/** Parts by variant; other buildings are houses, and other scenery is a plant. */
const PARTS: Partial<Record<string, Part>> = {
  windmill: drawWindmill,
  lighthouse: drawLighthouse,
  well: drawWell,
  spaceship: drawSpaceship,
  car: drawCar,
  boat: drawBoat,
};
