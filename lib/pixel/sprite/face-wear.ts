// Wearables that sit on a face or a neck (sunglasses, an eyepatch, a scarf, a bow tie …), drawn
// by the engine on any being after its builder drew it. A borrowed icon of sunglasses put on top
// of a head read as a red blob on a dog (eval-c); these are placed by where the figure's eyes and
// neck are, found on the canvas, so every rig and borrowed drawing takes them.
import type { Material, SpriteCanvas } from "./canvas";
import type { Pose } from "./design";

export type WearPlace = "eyes" | "one-eye" | "neck";

interface DrawnWear {
  id: string;
  zh: string;
  place: WearPlace;
  /** English words (regex alternation, longest first) and Chinese words */
  en: string;
  zhWords: string[];
  /** [main, accent] colours */
  colors: [string, string];
}

/** One wearable a row: id, Chinese name, place, English words, Chinese words, main, accent. */
const ROWS: readonly [string, string, WearPlace, string, string[], string, string][] = [
  [
    "sunglasses",
    "墨镜",
    "eyes",
    "sun ?glasses|shades|sunnies",
    ["墨镜", "太阳镜"],
    "#1a1a24",
    "#8fd3ff",
  ],
  ["goggles", "护目镜", "eyes", "goggles", ["护目镜", "风镜"], "#9ad8e8", "#b07a2a"],
  ["glasses", "眼镜", "eyes", "(?:eye ?)?glasses|spectacles|specs", ["眼镜"], "#2a2430", "#dfe8f0"],
  ["monocle", "单片眼镜", "one-eye", "monocle", ["单片眼镜"], "#e8c040", "#dfe8f0"],
  ["eyepatch", "眼罩", "one-eye", "eye ?patch|eye-patch", ["眼罩"], "#16121c", "#3a3040"],
  ["scarf", "围巾", "neck", "scarf|muffler", ["围巾"], "#d8343c", "#f4e8d0"],
  ["bow tie", "领结", "neck", "bow ?tie|bow-tie", ["领结"], "#d8283c", "#8a1020"],
  ["collar", "项圈", "neck", "(?:dog |spiked )?collar", ["项圈"], "#c8283c", "#f0c838"],
  ["necktie", "领带", "neck", "neck ?tie|tie", ["领带"], "#2848b0", "#182870"],
];

export const DRAWN_WEAR: readonly DrawnWear[] = ROWS.map(
  ([id, zh, place, en, zhWords, main, accent]) => ({
    id,
    zh,
    place,
    en,
    zhWords,
    colors: [main, accent],
  }),
);

const BY_ID = new Map(DRAWN_WEAR.map((w) => [w.id, w]));
/** The worn icon of a drawn wearable: no borrowed art is loaded or credited for it. */
export const DRAWN_WEAR_PREFIX = "drawn:";

const WEAR_EN = new RegExp(
  `\\b(?:wearing|wears|with|in|sporting|has|having|and)\\s+(?:an?\\s+|the\\s+|some\\s+|his\\s+|her\\s+|its\\s+|their\\s+)?(?:pair\\s+of\\s+)?(?:(?:red|black|blue|green|cool|dark|round|little|tiny|big|fancy|pink|white|yellow|purple|gold|golden|small)\\s+)?(${DRAWN_WEAR.map(
    (w) => w.en,
  ).join("|")})\\b`,
);

/**
 * The drawn wearable a prompt puts on its subject ("a dog wearing sunglasses", "a wolf with an
 * eyepatch", "戴着墨镜的狗"), and the prompt without it, or undefined.
 */
export function readDrawnWear(prompt: string): { id: string; rest: string } | undefined {
  const p = prompt.toLowerCase().slice(0, 400);
  const m = WEAR_EN.exec(p);
  if (m) {
    const word = m[1]!;
    const w = DRAWN_WEAR.find((d) => new RegExp(`^(?:${d.en})$`).test(word));
    if (!w) return undefined;
    const rest = `${p.slice(0, m.index)} ${p.slice(m.index + m[0].length)}`
      .replace(/\s+/g, " ")
      .trim();
    return rest ? { id: w.id, rest } : undefined;
  }
  for (const w of DRAWN_WEAR)
    for (const z of w.zhWords) {
      const at = p.indexOf(z);
      if (at < 0) continue;
      // 戴着墨镜的狗 / 狗戴着墨镜: the wear verb and the linking 的 go with the worn thing
      const rest = `${p.slice(0, at).replace(/(?:戴着|戴|穿着|围着|系着|带着)$/, "")}${p
        .slice(at + z.length)
        .replace(/^的/, "")}`.trim();
      return rest ? { id: w.id, rest } : undefined;
    }
  return undefined;
}

export function drawnWearZh(id: string): string | undefined {
  return BY_ID.get(id)?.zh;
}

export function isDrawnWear(icon: string | undefined): boolean {
  return !!icon?.startsWith(DRAWN_WEAR_PREFIX);
}

/** The colours a drawn wearable adds to the design's materials: [main, accent]. */
export function drawnWearColors(id: string): [string, string] {
  return BY_ID.get(id)?.colors ?? ["#1a1a24", "#dfe8f0"];
}

interface Spot {
  x: number;
  y: number;
}

/** Head cells: the rig's head parts, else the top 40 % of the figure (its front half side-on). */
function headBox(c: SpriteCanvas, headParts: readonly number[] | undefined) {
  let x0 = c.w;
  let x1 = -1;
  let y0 = c.h;
  let y1 = -1;
  const all = { x0: c.w, x1: -1, y0: c.h, y1: -1 };
  for (let y = 0; y < c.h; y++)
    for (let x = 0; x < c.w; x++) {
      const i = y * c.w + x;
      if (c.mat[i]! < 0) continue;
      all.x0 = Math.min(all.x0, x);
      all.x1 = Math.max(all.x1, x);
      all.y0 = Math.min(all.y0, y);
      all.y1 = Math.max(all.y1, y);
      if (headParts?.length && headParts.includes(c.part[i]!)) {
        x0 = Math.min(x0, x);
        x1 = Math.max(x1, x);
        y0 = Math.min(y0, y);
        y1 = Math.max(y1, y);
      }
    }
  if (all.x1 < 0) return undefined;
  if (x1 < 0) {
    // no head parts: the top 60 % of the figure (a slime's or an icon's eyes sit low)
    const h = all.y1 - all.y0 + 1;
    y0 = all.y0;
    y1 = all.y0 + Math.round(h * 0.6);
    for (let y = y0; y <= y1; y++)
      for (let x = all.x0; x <= all.x1; x++)
        if (c.get(x, y) >= 0) {
          x0 = Math.min(x0, x);
          x1 = Math.max(x1, x);
        }
  }
  return { x0, x1, y0, y1, all };
}

const luma = (m: Material | undefined) =>
  m ? 0.3 * m.ramp[2][0] + 0.59 * m.ramp[2][1] + 0.11 * m.ramp[2][2] : 255;

/**
 * The eyes: small dark (or flat) spots inside the head box, one per cluster, sorted left to
 * right. Borrowed drawings have no flat eye material, so darkness decides there.
 */
export function findEyes(
  c: SpriteCanvas,
  mats: readonly Material[],
  box: { x0: number; x1: number; y0: number; y1: number },
): Spot[] {
  const cells: Spot[] = [];
  const ymax = box.y0 + Math.max(2, Math.round((box.y1 - box.y0) * 0.9));
  for (let y = box.y0 + 1; y <= ymax; y++)
    for (let x = box.x0 + 1; x < box.x1; x++) {
      const m = c.get(x, y);
      if (m < 0) continue;
      const mat = mats[m];
      const dark = luma(mat) < 70 || (!!mat?.flat && luma(mat) < 110);
      if (!dark) continue;
      // an eye is a spot inside the figure: opaque on both sides, few cells of its colour
      if (c.get(x - 1, y) < 0 || c.get(x + 1, y) < 0 || c.get(x, y - 1) < 0) continue;
      let same = 0;
      for (let dy = -1; dy <= 1; dy++)
        for (let dx = -1; dx <= 1; dx++) if ((dx || dy) && c.get(x + dx, y + dy) === m) same++;
      if (same > 4) continue;
      cells.push({ x, y });
    }
  // clusters within 2 px are one eye
  const eyes: { x: number; y: number; n: number }[] = [];
  for (const p of cells) {
    const e = eyes.find((q) => Math.abs(q.x / q.n - p.x) <= 2 && Math.abs(q.y / q.n - p.y) <= 2);
    if (e) {
      e.x += p.x;
      e.y += p.y;
      e.n++;
    } else eyes.push({ x: p.x, y: p.y, n: 1 });
  }
  const spots = eyes
    .map((e) => ({ x: Math.round(e.x / e.n), y: Math.round(e.y / e.n) }))
    .sort((a, b) => a.y - b.y);
  // two eyes sit on one row; keep the highest pair (a nose or mouth lies below them)
  if (spots.length > 2) {
    const top = spots[0]!;
    const mate = spots.slice(1).find((s) => Math.abs(s.y - top.y) <= 1);
    return (mate ? [top, mate] : [top]).sort((a, b) => a.x - b.x);
  }
  return spots.sort((a, b) => a.x - b.x);
}

/**
 * Draws a drawn wearable on the canvas: eyewear over the eyes found (or where the eyes of the
 * head would be), neckwear on the seam between the head and the body. `mats`: [main, accent].
 */
export function wearDrawn(
  c: SpriteCanvas,
  id: string,
  pose: Pose,
  materials: readonly Material[],
  headParts: readonly number[] | undefined,
  mats: [number, number],
): void {
  const w = BY_ID.get(id);
  const box = headBox(c, headParts);
  if (!w || !box) return;
  const [main, accent] = mats;
  const side = pose.view === "side";
  const cx = (box.all.x0 + box.all.x1) / 2;
  const hx = (box.x0 + box.x1) / 2;
  // side-on the face is the head's end away from the body's middle
  const faceRight = !side || hx >= cx;
  if (pose.view === "back" && w.place !== "neck") return;
  if (w.place === "neck") {
    wearNeck(c, w, pose, box, headParts, main, accent, faceRight);
    return;
  }
  let eyes = findEyes(c, materials, box);
  // side-on one eye shows; a second dark spot is the nose at the snout's tip
  if (side && eyes.length > 1) eyes = [faceRight ? eyes[0]! : eyes[eyes.length - 1]!];
  const hw = box.x1 - box.x0 + 1;
  const hh = box.y1 - box.y0 + 1;
  if (!eyes.length) {
    const ey = box.y0 + Math.round(hh * 0.4);
    eyes = side
      ? [{ x: faceRight ? box.x1 - Math.round(hw * 0.3) : box.x0 + Math.round(hw * 0.3), y: ey }]
      : [
          { x: Math.round(hx - hw * 0.22), y: ey },
          { x: Math.round(hx + hw * 0.22), y: ey },
        ];
  }
  if (w.place === "one-eye") {
    const e = eyes.length > 1 ? eyes[1]! : eyes[0]!;
    if (w.id === "eyepatch") {
      c.rect(e.x - 1, e.y - 1, e.x + 1, e.y + 1, main, 60, 2);
      // the strap runs up and back over the head
      const back = faceRight ? -1 : 1;
      for (let k = 1; k <= Math.max(3, Math.round(hw * 0.6)); k++) {
        const x = e.x + back * (k + 1);
        const y = e.y - 1 - Math.round(k * 0.5);
        if (c.get(x, y) >= 0) c.plot(x, y, main, 60, 1);
      }
      return;
    }
    // monocle: a gold ring round the eye, its chain hanging below
    ring(c, e.x, e.y, main, accent);
    for (let k = 2; k <= 4; k++)
      c.plot(e.x + (faceRight ? -1 : 1) * (k >> 1), e.y + k, main, 61, 3);
    return;
  }
  const dark = w.id === "sunglasses";
  const lensW = 3;
  // dark lenses on a dark face (a pug's mask, a black cat) vanish: their frame, bridge and arms
  // then take the light accent so the glasses keep an edge against what they sit on
  const rimmed = dark && faceIsDark(c, materials, eyes, lensW);
  const frame = rimmed ? accent : main;
  for (const e of eyes) {
    const x0 = e.x - (lensW >> 1);
    if (dark) {
      // dark lenses over the eyes with a glint
      c.rect(x0, e.y - 1, x0 + lensW - 1, e.y, main, 60, 2);
      c.plot(x0, e.y - 1, accent, 61, 3);
      if (rimmed) for (let x = x0; x < x0 + lensW; x++) c.plot(x, e.y - 2, accent, 61, 2);
    } else if (w.id === "goggles") {
      ring(c, e.x, e.y, accent, main);
    } else {
      // glasses: a thin frame round each eye, the eye still showing through
      ring(c, e.x, e.y, main, accent);
    }
  }
  if (eyes.length > 1) {
    const [a, b] = [eyes[0]!, eyes[eyes.length - 1]!];
    const y = Math.min(a.y, b.y) - (dark ? (rimmed ? 2 : 1) : 0);
    for (let x = a.x + 2; x <= b.x - 2; x++) c.plot(x, y, frame, 62, 1);
  }
  // the arm (or strap) back to the ear, over the head
  const e = faceRight ? eyes[0]! : eyes[eyes.length - 1]!;
  const dir = faceRight ? -1 : 1;
  const reach = side ? Math.max(2, Math.round(hw * 0.45)) : 1;
  const armMat = w.id === "goggles" ? accent : frame;
  for (let k = 2; k <= reach + 1; k++) {
    const x = e.x + dir * k;
    if (c.get(x, e.y - 1) >= 0) c.plot(x, e.y - 1, armMat, 62, 1);
  }
  if (!side) {
    const other = eyes[eyes.length - 1]!;
    for (const [x, y] of [
      [eyes[0]!.x - 2, eyes[0]!.y - 1],
      [other.x + 2, other.y - 1],
    ] as const)
      if (c.get(x, y) >= 0) c.plot(x, y, armMat, 62, 1);
  }
}

/**
 * Whether the lenses sit on a dark face: two fifths or more of the figure's cells in the ring round
 * each lens are dark (a pug's black mask, a black cat), so a dark lens has no edge there.
 */
function faceIsDark(
  c: SpriteCanvas,
  materials: readonly Material[],
  eyes: readonly Spot[],
  lensW: number,
): boolean {
  let dark = 0;
  let n = 0;
  for (const e of eyes) {
    const [x0, x1, y0, y1] = [e.x - (lensW >> 1) - 1, e.x + (lensW >> 1) + 1, e.y - 2, e.y + 1];
    for (let y = y0; y <= y1; y++)
      for (let x = x0; x <= x1; x++) {
        if (y > y0 && y < y1 && x > x0 && x < x1) continue;
        const m = c.get(x, y);
        if (m < 0) continue;
        n++;
        if (luma(materials[m]) < 90) dark++;
      }
  }
  return n > 0 && dark * 5 >= n * 2;
}

/** A 3×3 frame round (x, y) with the centre left showing: the lens's rim. */
function ring(c: SpriteCanvas, x: number, y: number, rim: number, lens: number): void {
  for (let dy = -1; dy <= 1; dy++)
    for (let dx = -1; dx <= 1; dx++) {
      if (!dx && !dy) continue;
      c.plot(x + dx, y + dy, rim, 61, dy < 0 ? 3 : 2);
    }
  // a lens tint only where the eye is not (the eye keeps looking through)
  if (c.get(x, y) < 0) c.plot(x, y, lens, 61, 3);
}

/**
 * Neckwear: on the seam where the head meets the body (cells below or beside head cells that
 * are not head), else a band a little below the head box. A scarf's end hangs down, a bow tie
 * is a bow under the chin, a collar a band with a tag, a necktie a band and a drop.
 */
function wearNeck(
  c: SpriteCanvas,
  w: DrawnWear,
  pose: Pose,
  box: { x0: number; x1: number; y0: number; y1: number },
  headParts: readonly number[] | undefined,
  main: number,
  accent: number,
  faceRight: boolean,
): void {
  const seam: Spot[] = [];
  if (headParts?.length)
    for (let y = box.y0; y < c.h - 1; y++)
      for (let x = 0; x < c.w; x++) {
        const i = y * c.w + x;
        if (c.mat[i]! < 0 || !headParts.includes(c.part[i]!)) continue;
        const j = i + c.w;
        if (c.mat[j]! >= 0 && !headParts.includes(c.part[j]!)) seam.push({ x, y: y + 1 });
      }
  if (!seam.length) {
    const y = Math.min(c.h - 1, box.y1 + 1);
    for (let x = box.x0; x <= box.x1; x++) if (c.get(x, y) >= 0) seam.push({ x, y });
  }
  if (!seam.length) return;
  // the neck: the seam's widest run near its lowest row
  const yN = Math.round(seam.reduce((s, p) => s + p.y, 0) / seam.length);
  const xs = seam.filter((p) => Math.abs(p.y - yN) <= 2).map((p) => p.x);
  let nx0 = Math.min(...xs);
  let nx1 = Math.max(...xs);
  if (nx1 - nx0 > 8) {
    const m = Math.round((nx0 + nx1) / 2);
    nx0 = m - 4;
    nx1 = m + 4;
  }
  const mid = Math.round((nx0 + nx1) / 2);
  const band = (y: number, mat: number, tone: number) => {
    for (let x = nx0 - 1; x <= nx1 + 1; x++) if (c.get(x, y) >= 0) c.plot(x, y, mat, 63, tone);
  };
  if (w.id === "bow tie") {
    // a bow: two triangles and a knot, under the chin (the front end side-on)
    const bx = pose.view === "side" ? (faceRight ? nx1 : nx0) : mid;
    for (const [dx, dy] of [
      [-2, -1],
      [-2, 0],
      [-2, 1],
      [-1, 0],
      [1, 0],
      [2, -1],
      [2, 0],
      [2, 1],
    ] as const)
      c.plot(bx + dx, yN + dy, main, 63, 2);
    c.plot(bx, yN, accent, 64, 2);
    return;
  }
  band(yN, main, 2);
  if (w.id === "scarf") {
    band(yN + 1, main, 1);
    // stripes and a hanging end
    for (let x = nx0; x <= nx1; x += 3) if (c.get(x, yN) >= 0) c.plot(x, yN, accent, 63, 3);
    const ex = pose.view === "side" ? (faceRight ? nx0 + 1 : nx1 - 1) : mid + 1;
    for (let k = 2; k <= 4; k++) c.plot(ex, yN + k, main, 63, k === 4 ? 1 : 2);
    if (pose.view === "side") c.plot(ex + (faceRight ? -1 : 1), yN + 4, accent, 63, 3);
    return;
  }
  if (w.id === "collar") {
    const tx = pose.view === "side" ? (faceRight ? nx1 : nx0) : mid;
    c.plot(tx, yN + 1, accent, 64, 3);
    return;
  }
  // necktie: the knot and a drop down the chest
  const tx = pose.view === "side" ? (faceRight ? nx1 - 1 : nx0 + 1) : mid;
  for (let k = 1; k <= 4; k++) c.plot(tx, yN + k, main, 63, 2);
  c.plot(tx, yN, accent, 64, 2);
}
