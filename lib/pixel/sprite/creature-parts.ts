// Creature composition on any rig's canvas: a creature's variant form (skeleton, zombie, ghost,
// robot), extra heads, wings, horns and a scorpion tail. They work on the drawn label canvas,
// not on one rig's parts, so "a two-headed wolf", "a zombie horse", "a snake with wings" and
// "a skeletal cow" (a borrowed emoji) all get them. The canvas is drawn facing +x in side views
// (rigs) before the frame is mirrored; borrowed emoji face −x.
import { hexToRgb, makeRamp, mixRgb } from "../color";
import { Rng } from "../prng";
import { type Material, material, SpriteCanvas } from "./canvas";
import type { Design, Pose } from "./design";
import {
  drawFolkParts,
  FOLK_HEAD_PARTS,
  type FolkMats,
  isFolkPart,
  prepareFolkParts,
  swapFolkHead,
} from "./folk-parts";
import { RACES } from "./humanoid";
import { type MachineMats, mechanise } from "./mechanical";
import type { PromptInfo } from "./prompt";

/** Part ids for what this module adds, above every rig's own (render shades per part). */
const PART = { head: 240, wing: 236, horn: 234, tail: 232 } as const;

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

function bbox(c: SpriteCanvas, keep: (i: number) => boolean = () => true): Box | undefined {
  let x0 = c.w;
  let y0 = c.h;
  let x1 = -1;
  let y1 = -1;
  for (let i = 0; i < c.w * c.h; i++) {
    if (c.mat[i]! < 0 || !keep(i)) continue;
    const x = i % c.w;
    const y = (i / c.w) | 0;
    if (x < x0) x0 = x;
    if (x > x1) x1 = x;
    if (y < y0) y0 = y;
    if (y > y1) y1 = y;
  }
  return x1 < 0 ? undefined : { x0, y0, x1, y1 };
}

/** The box around some cells (a head's), or undefined for none. */
function cellsBox(c: SpriteCanvas, cells: readonly number[]): Box | undefined {
  if (!cells.length) return undefined;
  const box: Box = { x0: c.w, y0: c.h, x1: -1, y1: -1 };
  for (const i of cells) {
    const x = i % c.w;
    const y = (i / c.w) | 0;
    box.x0 = Math.min(box.x0, x);
    box.x1 = Math.max(box.x1, x);
    box.y0 = Math.min(box.y0, y);
    box.y1 = Math.max(box.y1, y);
  }
  return box;
}

/** Copies the cells of `src` into `c`; behind: only into empty cells. */
function merge(c: SpriteCanvas, src: SpriteCanvas, behind: boolean): void {
  for (let i = 0; i < c.w * c.h; i++) {
    if (src.mat[i]! < 0 || (behind && c.mat[i]! >= 0)) continue;
    c.mat[i] = src.mat[i]!;
    c.part[i] = src.part[i]!;
    c.tone[i] = src.tone[i]!;
  }
}

/** Where the head is: the rig's head parts when it names them, else the top of the figure. */
function headCells(c: SpriteCanvas, headParts: readonly number[] | undefined, frontRight: boolean) {
  const all = bbox(c);
  if (!all) return [];
  const cells: number[] = [];
  if (headParts?.length) {
    for (let i = 0; i < c.w * c.h; i++)
      if (c.mat[i]! >= 0 && headParts.includes(c.part[i]!)) cells.push(i);
    if (cells.length) return cells;
  }
  // no head parts: the top 40 % of the figure, on its front half when seen side-on
  const w = all.x1 - all.x0 + 1;
  const h = all.y1 - all.y0 + 1;
  for (let i = 0; i < c.w * c.h; i++) {
    if (c.mat[i]! < 0) continue;
    const x = i % c.w;
    const y = (i / c.w) | 0;
    if (y > all.y0 + h * 0.4) continue;
    if (frontRight === true && x < all.x0 + w * 0.45) continue;
    cells.push(i);
  }
  return cells;
}

export interface CreatureExtras {
  bone: number;
  socket: number;
  rot: number;
  wing: number;
  wingDark: number;
  horn: number;
  chitin: number;
  glow: number;
  /** a robot's plates, rivets and LEDs (mechanical.ts); only when the form is robot */
  machine?: MachineMats;
  /** a bird's head, snake hair, tails, spines … (folk-parts.ts); only when named */
  folk?: FolkMats;
}

/** What this prompt asks of a creature's canvas (nothing: undefined, the common case). */
function wants(info: PromptInfo): boolean {
  if (["item", "vehicle", "building", "plant", "tile"].includes(info.kind)) return false;
  const formed = !!info.form && (info.builder !== "humanoid" || info.form === "ghost");
  return (
    formed ||
    (info.heads ?? 1) > 1 ||
    info.features.some(
      (f) => f.endsWith("wings") || f === "horns" || f.endsWith("tail") || isFolkPart(f),
    )
  );
}

/** Wing colours by kind; a seed picks one, so four takes of a griffin are four birds. */
const WING_COLORS: Record<string, string[]> = {
  eagle: ["#8c5a30", "#6c4424", "#c89850", "#eeeef2"],
  bird: ["#a87850", "#eeeef2", "#5c6c8c"],
  hawk: ["#8c5a30", "#a87850"],
  crow: ["#2c2834", "#3a3444"],
  raven: ["#2c2834", "#3a3444"],
  feathered: ["#eeeef2", "#e0d0b0"],
  angel: ["#f4f2ea", "#f0e4b8"],
  bat: ["#4a3c5a", "#2c2434", "#6a2c34", "#3c4c5c"],
  demon: ["#5a2430", "#34202c", "#4a3c5a"],
  dragon: ["#3c6e4a", "#6a2c34", "#3c4c6c"],
  fairy: ["#b8e8f4", "#f0c8f0", "#d8f4b8"],
  butterfly: ["#f0a040", "#4c8cf0", "#f078b4"],
};
/** Bone by seed: fresh ivory, grey, yellowed. */
const BONE = ["#e8e2c8", "#d0ccc4", "#e0cc98", "#f0ece0"];

/** Appends the materials the extras need (before palette mapping); undefined when none. */
export function prepareCreatureExtras(
  design: Design,
  info: PromptInfo,
  seed: number,
): CreatureExtras | undefined {
  if (!wants(info)) return undefined;
  const crng = Rng.from("creature-extras-colour", info.text, seed);
  const m = design.materials;
  const add = (hex: string, flat = false) => m.push(material(hexToRgb(hex), { flat })) - 1;
  const wingWord = info.features.find((f) => f.endsWith("wings"))?.split(" ")[0] ?? "";
  const wingHex = crng.pick(
    WING_COLORS[wingWord] ?? (info.form === "skeleton" ? ["#6a6476", "#4a4456"] : ["#eeeef2"]),
  );
  const extras: CreatureExtras = {
    bone: add(crng.pick(BONE)),
    socket: add("#221a2a", true),
    rot: add("#6e2a2a"),
    wing: add(wingHex),
    wingDark: add(mixHex(wingHex, "#20182a", 0.35)),
    horn: add("#e6dcc0"),
    chitin: add("#8a3a28"),
    glow: add(info.form === "robot" ? "#ff4a3a" : "#9cf4ff", true),
  };
  extras.folk = prepareFolkParts(
    m,
    info.features,
    Rng.from("folk-parts", info.text, seed),
    Rng.from("folk-parts-colour", info.text, seed),
  );
  if (info.form === "robot")
    extras.machine = { plate: add("#4c5468"), rivet: add("#eef2f8", true), glow: extras.glow };
  // a zombie's flesh: every surface colour drifts to a sickly grey-green
  // (a borrowed drawing's colours are most of what says what it is: it keeps more of them)
  const tint = info.builder === "icon" ? 0.4 : 0.65;
  if (info.form === "zombie" && info.builder !== "humanoid") {
    const surface = design.surface ?? m.map((_, i) => i).filter((i) => !m[i]!.flat);
    for (const i of surface)
      if (i < extras.bone) m[i]!.ramp = makeRamp(mixRgb(m[i]!.ramp[2], [112, 152, 88], tint));
  }
  return extras;
}

function mixHex(a: string, b: string, t: number): string {
  const c = mixRgb(hexToRgb(a), hexToRgb(b), t);
  return `#${c.map((v) => Math.round(v).toString(16).padStart(2, "0")).join("")}`;
}

/**
 * Draws the extras onto a creature's canvas (after the rig, before mirroring and wearables).
 * `headParts`: the rig's head part ids, when it has them.
 */
export function drawCreatureExtras(
  c: SpriteCanvas,
  info: PromptInfo,
  pose: Pose,
  x: CreatureExtras,
  headParts: readonly number[] | undefined,
  mats: readonly Material[],
  seed: number,
): void {
  const side = pose.view === "side";
  // rigs face +x side-on; borrowed drawings (emoji) face −x
  const faceRight = info.builder !== "icon";
  const rng = Rng.from("creature-extras", info.text, seed);
  const heads = info.heads ?? 1;
  // a bird's head replaces the rig's before it is copied: a two-headed griffin has eagle heads
  const swapped =
    heads > 1 &&
    !!x.folk &&
    swapFolkHead(
      c,
      info.features,
      pose,
      x.folk,
      headCells(c, headParts, side && faceRight),
      headParts,
      faceRight,
    );
  const hp = swapped ? [...(headParts ?? []), ...FOLK_HEAD_PARTS] : headParts;
  if (heads > 1) extraHeads(c, headCells(c, hp, side && faceRight), heads, side, faceRight);
  const wingWord = info.features.find((f) => f.endsWith("wings"));
  if (wingWord && info.kind !== "dragon")
    drawWings(
      c,
      x,
      side,
      faceRight,
      /bat|demon|dragon/.test(wingWord),
      headParts,
      rng.range(0.85, 1.15),
    );
  if (info.features.some((f) => f.endsWith("tail")))
    drawStingerTail(c, x, side, faceRight, rng.range(0.8, 1.2));
  // a race born horned (a demon) has its own pair: "a horned demon" is not given a second
  if (info.features.includes("horns") && info.kind !== "dragon" && !RACES[info.race ?? ""]?.horns)
    drawHorns(c, x, headCells(c, headParts, side && faceRight), side, faceRight);
  if (x.folk)
    drawFolkParts(
      c,
      info.features,
      pose,
      x.folk,
      headCells(c, hp, side && faceRight),
      hp,
      faceRight,
      mats,
      swapped,
    );
  // a ghostly person fades below the waist too (a banshee, a yuki-onna)
  if (info.builder !== "humanoid" || info.form === "ghost")
    applyForm(c, info.form, x, mats, rng, () => headCells(c, headParts, side && faceRight));
}

function extraHeads(
  c: SpriteCanvas,
  cells: number[],
  n: number,
  side: boolean,
  faceRight: boolean,
): void {
  const box = cellsBox(c, cells);
  if (!box) return;
  const { x0, x1, y0, y1 } = box;
  const hw = x1 - x0 + 1;
  const hh = y1 - y0 + 1;
  const back = faceRight ? -1 : 1;
  // side-on, the heads fan up and back from the neck; from the front, they stand side by side
  const offsets: [number, number][] = side
    ? [
        [back * Math.round(hw * 0.5), -Math.round(hh * 0.65)],
        [-back * Math.round(hw * 0.25), -Math.round(hh * 0.85)],
        [back * Math.round(hw * 1.0), -Math.round(hh * 0.2)],
      ]
    : [
        [-Math.round(hw * 0.7), -Math.round(hh * 0.15)],
        [Math.round(hw * 0.7), -Math.round(hh * 0.15)],
        [0, -Math.round(hh * 0.8)],
      ];
  // fit the copies on the canvas: the whole figure moves down when the top copy would leave it
  const rise = Math.max(0, ...offsets.slice(0, n - 1).map(([, dy]) => -(y0 + dy)));
  if (rise > 0) shiftDown(c, rise);
  const copy = new SpriteCanvas(c.w, c.h);
  for (let k = 0; k < n - 1 && k < offsets.length; k++) {
    const [dx, dy] = offsets[k]!;
    for (const i of cells) {
      const x = (i % c.w) + dx;
      const y = ((i / c.w) | 0) + dy + rise;
      const j = c.index(x, y);
      if (j < 0 || copy.mat[j]! >= 0) continue;
      const o = i + rise * c.w;
      copy.plot(x, y, c.mat[o]!, PART.head + k, c.tone[o]!);
    }
  }
  merge(c, copy, true);
}

function shiftDown(c: SpriteCanvas, dy: number): void {
  for (let y = c.h - 1; y >= 0; y--)
    for (let x = 0; x < c.w; x++) {
      const i = y * c.w + x;
      const s = y - dy >= 0 ? i - dy * c.w : -1;
      c.mat[i] = s >= 0 ? c.mat[s]! : -1;
      c.part[i] = s >= 0 ? c.part[s]! : 0;
      c.tone[i] = s >= 0 ? c.tone[s]! : -1;
    }
}

/** The shoulder: the top of the body (below the head) a little forward of its middle. */
function shoulder(
  c: SpriteCanvas,
  b: Box,
  side: boolean,
  faceRight: boolean,
  headParts: readonly number[] | undefined,
): [number, number] {
  const w = b.x1 - b.x0 + 1;
  const x = side ? Math.round(b.x0 + w * (faceRight ? 0.45 : 0.55)) : Math.round((b.x0 + b.x1) / 2);
  // the body's top at that column, skipping a head or ears above it
  let top = b.y0;
  for (let y = b.y0; y <= b.y1; y++)
    if (c.get(x, y) >= 0 && !headParts?.includes(c.part[y * c.w + x]!)) {
      top = y;
      break;
    }
  return [x, Math.min(b.y1 - 2, top + 1)];
}

function drawWings(
  c: SpriteCanvas,
  x: CreatureExtras,
  side: boolean,
  faceRight: boolean,
  membrane: boolean,
  headParts: readonly number[] | undefined,
  span0: number,
): void {
  const b = bbox(c);
  if (!b) return;
  const [sx, sy] = shoulder(c, b, side, faceRight, headParts);
  const S = Math.max(8, Math.round(c.w * 0.42 * span0));
  const layer = new SpriteCanvas(c.w, c.h);
  const wing = (dir: number, lift: number) => {
    // side-on a wing rises over the back; from the front or back the pair spreads outwards
    // (raised straight up they read as a rabbit's ears)
    const span = (px: number, py: number): [number, number] => [
      sx + dir * px * S,
      sy - py * S + lift,
    ];
    const pts = !side
      ? membrane
        ? [
            span(0, 0),
            span(0.4, 0.5),
            span(1.0, 0.45),
            span(0.85, 0.2),
            span(0.68, 0.24),
            span(0.52, 0.02),
            span(0.3, 0.08),
          ]
        : [
            span(0, 0),
            span(0.35, 0.45),
            span(0.95, 0.55),
            span(1.0, 0.35),
            span(0.8, 0.15),
            span(0.55, 0.05),
            span(0.3, -0.1),
          ]
      : membrane
        ? [
            span(0, 0),
            span(0.45, 0.7),
            span(0.95, 0.55),
            span(0.75, 0.3),
            span(0.55, 0.38),
            span(0.42, 0.1),
            span(0.2, 0.2),
          ]
        : [
            span(0, 0),
            span(0.3, 0.75),
            span(0.85, 0.8),
            span(0.8, 0.55),
            span(0.6, 0.35),
            span(0.35, 0.12),
          ];
    layer.poly(pts, x.wing, PART.wing);
    // the leading edge (bone or the feathers' coverts) in the darker tone
    layer.line(pts[0]![0], pts[0]![1], pts[1]![0], pts[1]![1], x.wingDark, PART.wing + 1);
    layer.line(pts[1]![0], pts[1]![1], pts[2]![0], pts[2]![1], x.wingDark, PART.wing + 1);
  };
  if (side) wing(faceRight ? -1 : 1, 0);
  else {
    wing(-1, 0);
    wing(1, 0);
  }
  merge(c, layer, true);
}

function drawStingerTail(
  c: SpriteCanvas,
  x: CreatureExtras,
  side: boolean,
  faceRight: boolean,
  curl: number,
): void {
  const b = bbox(c);
  if (!b) return;
  const h = b.y1 - b.y0 + 1;
  const w = b.x1 - b.x0 + 1;
  const back = side ? (faceRight ? -1 : 1) : 1;
  const rx = side ? (faceRight ? b.x0 + 1 : b.x1 - 1) : Math.round(b.x1 - w * 0.2);
  const ry = Math.round(b.y0 + h * 0.55);
  const r = Math.max(3, Math.round(Math.min(h * 0.45, c.w * 0.25) * curl));
  // segments curl up and over the back; the sting points forward and down
  const segs = 7;
  const layer = new SpriteCanvas(c.w, c.h);
  let last: [number, number] = [rx, ry];
  for (let k = 0; k <= segs; k++) {
    const a = Math.PI * (0.1 + (1.05 * k) / segs);
    const px = rx + back * Math.sin(a) * r * 0.7;
    const py = ry - (1 - Math.cos(a)) * r * 0.95;
    layer.ellipse(px, py, 1.4, 1.4, x.chitin, PART.tail + (k % 2));
    last = [px, py];
  }
  const f = -back;
  layer.poly(
    [
      [last[0] - 1, last[1] - 1],
      [last[0] + f * 3, last[1] + 1],
      [last[0] + 1, last[1] + 1.5],
    ],
    x.socket,
    PART.tail + 1,
  );
  if (rx < 2 || rx > c.w - 3) return;
  merge(c, layer, false);
}

function drawHorns(
  c: SpriteCanvas,
  x: CreatureExtras,
  cells: number[],
  side: boolean,
  faceRight: boolean,
): void {
  const box = cellsBox(c, cells);
  if (!box) return;
  const { x0, x1, y0 } = box;
  const layer = new SpriteCanvas(c.w, c.h);
  const horn = (hx: number, dir: number) => {
    layer.line(hx, y0, hx + dir, y0 - 2, x.horn, PART.horn);
    layer.line(hx + dir, y0 - 2, hx + dir * 2, y0 - 3, x.horn, PART.horn);
    layer.plot(hx + 1, y0, x.horn, PART.horn);
  };
  const w = x1 - x0;
  if (side)
    horn(faceRight ? x0 + Math.round(w * 0.35) : x1 - Math.round(w * 0.35), faceRight ? -1 : 1);
  else {
    horn(x0 + Math.round(w * 0.2), -1);
    horn(x1 - Math.round(w * 0.2) - 1, 1);
  }
  merge(c, layer, false);
}

/** A creature in another form: bones with ribs and sockets, rotting flesh, a fading ghost, plates. */
function applyForm(
  c: SpriteCanvas,
  form: string | undefined,
  x: CreatureExtras,
  mats: readonly Material[],
  rng: Rng,
  head: () => number[],
): void {
  if (!form) return;
  const b = bbox(c);
  if (!b) return;
  const { w, mat, tone } = c;
  const flat = (i: number) => c.part[i]! >= 230 && c.part[i]! < 250 && c.part[i]! !== PART.head;
  const h = b.y1 - b.y0 + 1;
  const bw = b.x1 - b.x0 + 1;
  if (form === "skeleton") {
    // which rows are bars and which gaps: a seed's take
    const ribs = rng.int(0, 1);
    const eyeish = new Set<number>();
    for (let i = 0; i < w * c.h; i++) {
      if (mat[i]! < 0 || flat(i)) continue;
      // eyes (tiny flat cells) become sockets; the rest is bone
      if (isEye(c, i, mats)) eyeish.add(i);
    }
    for (let i = 0; i < w * c.h; i++) {
      if (mat[i]! < 0 || flat(i)) continue;
      mat[i] = eyeish.has(i) ? x.socket : x.bone;
    }
    // ribs: wide runs of the body become bars with gaps between them; legs, neck and skull
    // (narrow runs) stay solid bone
    const wide = Math.max(5, Math.round(bw * 0.34));
    // seen side-on a long body's ribs hang down from the spine: upright bars with gaps between
    // them under a solid backbone (bars across it read as a zebra's stripes, eval-e); an upright
    // body's ribs, seen from the front, run across
    // (the widest row against the height: antlers or a raised head make a deer's box tall)
    let widest = 0;
    for (let y = b.y0; y <= b.y1; y++) {
      let run = 0;
      for (let xx = b.x0; xx <= b.x1; xx++) {
        run = mat[y * w + xx]! >= 0 ? run + 1 : 0;
        widest = Math.max(widest, run);
      }
    }
    const long = widest > h * 0.6 && widest > bw * 0.5;
    // cut after the scan: a gap cut in one row must not stop the next row's test
    const gaps: number[] = [];
    for (let y = b.y0 + 1; y < b.y1; y++) {
      let run0 = -1;
      for (let xx = b.x0; xx <= b.x1 + 1; xx++) {
        const on = xx <= b.x1 && mat[y * w + xx]! >= 0 && !eyeish.has(y * w + xx);
        if (on && run0 < 0) run0 = xx;
        if (!on && run0 >= 0) {
          const len = xx - run0;
          if (long && len >= wide && y > b.y0 + h * 0.2 && y < b.y0 + h * 0.8) {
            // the ribcage is the run's middle, not the shoulders or the pelvis; a rib every
            // third column with two open between, the backbone (three rows) whole and the belly
            // open under the ribs, so the ground shows through as it does through bones
            const r0 = run0 + Math.round(len * 0.22);
            const r1 = xx - Math.round(len * 0.22);
            for (let k = r0; k < r1; k++) {
              const i = y * w + k;
              const spine = mat[i - w]! >= 0 && mat[i - 2 * w]! >= 0 && mat[i - 3 * w]! >= 0;
              if ((k - r0) % 3 !== ribs && spine) gaps.push(i);
            }
          } else if (
            len >= wide &&
            (y - b.y0) % 2 === ribs &&
            y > b.y0 + h * 0.2 &&
            y < b.y0 + h * 0.8
          )
            for (let k = run0 + 2; k < xx - 2; k++) {
              const i = y * w + k;
              const up = mat[i - w]! >= 0;
              const down = mat[i + w]! >= 0;
              if (up && down) mat[i] = -1;
            }
          run0 = -1;
        }
      }
    }
    for (const i of gaps) mat[i] = -1;
  } else if (form === "zombie") {
    // wounds and torn edges
    for (let i = 0; i < w * c.h; i++) {
      if (mat[i]! < 0 || flat(i)) continue;
      const y = (i / w) | 0;
      if (y < b.y0 + h * 0.25) continue;
      if (rng.chance(0.05)) mat[i] = x.rot;
      else if (rng.chance(0.08) && (mat[i - 1]! < 0 || mat[i + 1]! < 0)) mat[i] = -1;
    }
  } else if (form === "ghost") {
    // the lower body fades out: a dither that thins towards the ground
    for (let i = 0; i < w * c.h; i++) {
      if (mat[i]! < 0) continue;
      const xx = i % w;
      const y = (i / w) | 0;
      const t = (y - (b.y0 + h * 0.55)) / (h * 0.45);
      if (t <= 0) continue;
      if ((xx + y) % 2 === 0 || t > 0.65) mat[i] = -1;
    }
  } else if (form === "robot" && x.machine) {
    mechanise(c, mats, head(), x.machine, flat);
  } else if (form === "robot") {
    // plate seams and glowing eyes
    for (let i = 0; i < w * c.h; i++) {
      if (mat[i]! < 0 || flat(i)) continue;
      if (isEye(c, i, mats)) mat[i] = x.glow;
      else if ((i % w) % 5 === 0 && mat[i - w]! >= 0 && mat[i + w]! >= 0) tone[i] = 1;
    }
  }
}

/** A cell of a small flat-coloured spot inside the figure: an eye (or a nostril). */
function isEye(c: SpriteCanvas, i: number, mats: readonly Material[]): boolean {
  const m = c.mat[i]!;
  if (!mats[m]?.flat) return false;
  let same = 0;
  for (const d of [-1, 1, -c.w, c.w, -c.w - 1, -c.w + 1, c.w - 1, c.w + 1])
    if (c.mat[i + d] === m) same++;
  return same <= 3;
}

/** A seated rider's parts are numbered from here up (its own part ids plus this). */
export const RIDER_PART = 180;

/** A rider's size on its mount: three quarters of the sprite (at two thirds a knight on a horse was a grey lump at 32 px, eval-e). */
export function riderSize(size: number): number {
  return Math.max(12, Math.round(size * 0.75));
}

/**
 * Seats a rider (drawn on its own canvas, materials from `matOffset` on) on the mount's back:
 * the rider's hips on the top of the mount's middle, its legs over the flank.
 */
export function seatRider(
  c: SpriteCanvas,
  rider: SpriteCanvas,
  matOffset: number,
  side: boolean,
  faceRight: boolean,
): void {
  const b = bbox(c);
  const r = bbox(rider);
  if (!b || !r) return;
  const w = b.x1 - b.x0 + 1;
  // the back: the lowest top among the middle columns (a neck and head rise in front of it)
  const mid = side
    ? Math.round(b.x0 + w * (faceRight ? 0.42 : 0.58))
    : Math.round((b.x0 + b.x1) / 2);
  let back = b.y0;
  for (let y = b.y0; y <= b.y1; y++)
    if (c.get(mid, y) >= 0) {
      back = y;
      break;
    }
  const rh = r.y1 - r.y0 + 1;
  const hip = r.y0 + Math.round(rh * 0.62);
  const dy = back + 1 - hip;
  const dx = mid - Math.round((r.x0 + r.x1) / 2);
  // keep the head on the canvas: a tall rider sinks into the saddle rather than losing its head
  const sink = Math.max(0, -(r.y0 + dy));
  const showTo = hip + Math.round(rh * 0.22);
  for (let y = r.y0; y <= Math.min(r.y1, showTo); y++)
    for (let x = r.x0; x <= r.x1; x++) {
      const i = rider.index(x, y);
      if (rider.mat[i]! < 0) continue;
      c.plot(
        x + dx,
        y + dy + sink,
        rider.mat[i]! + matOffset,
        RIDER_PART + rider.part[i]!,
        rider.tone[i]!,
      );
    }
  outlineRider(c);
}

/**
 * The rider's cells that touch the mount take their darkest tone, so a grey knight on a pale
 * horse separates from it (eval-c: the knight blended into the horse).
 */
function outlineRider(c: SpriteCanvas): void {
  for (const i of riderEdge(c)) c.tone[i] = 0;
}

/** A seated rider's cell (its parts are numbered from 180 up, `seatRider`). */
export function isRiderCell(c: SpriteCanvas, i: number): boolean {
  return c.mat[i]! >= 0 && c.part[i]! >= RIDER_PART;
}

/** The rider's cells that touch the mount (or anything drawn that is not the rider). */
export function riderEdge(c: SpriteCanvas): number[] {
  const edge: number[] = [];
  for (let i = c.w; i < c.w * (c.h - 1); i++) {
    if (!isRiderCell(c, i)) continue;
    for (const d of [-1, 1, -c.w, c.w]) {
      const j = i + d;
      if (c.mat[j]! >= 0 && !isRiderCell(c, j)) {
        edge.push(i);
        break;
      }
    }
  }
  return edge;
}
