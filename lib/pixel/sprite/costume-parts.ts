// The humanoid's costume pieces beyond shirt and sword (costumes.ts says who wears what): a
// samurai's kabuto, lamellar and katana; a pirate captain's long coat and eyepatch; a cowboy's
// hat in its own colour; an astronaut's round helmet; a vampire's high collar; a zombie's torn
// clothes; an orc's pauldrons; a necromancer's skull staff; a genie's smoke tail. Each is drawn
// from the body's own geometry, so every build and size takes it.
import type { SpriteCanvas } from "./canvas";
import type { Pose } from "./design";
import type { Mood } from "./person-words";

/** Humanoid part ids (shading groups), shared with humanoid.ts. */
export const HUMANOID_PARTS = {
  legN: 1,
  legF: 2,
  torso: 3,
  armN: 4,
  armF: 5,
  head: 6,
  hat: 7,
  weapon: 8,
  cape: 9,
  fx: 10,
  face: 11,
  robe: 12,
  belt: 13,
  /** an animal-folk's tail (beast-heads.ts) */
  tail: 14,
};
const P = HUMANOID_PARTS;

export interface CostumeCtx {
  k: number;
  px: (n: number) => number;
  mat: {
    skin: number;
    hair: number;
    cloth: number;
    pants: number;
    boots: number;
    metal: number;
    accent: number;
    eye: number;
    hollow: number;
    glow: number;
    wood: number;
    orb: number;
    cape: number;
    tusk: number;
  };
  /** gold trim (a kabuto's crest, a captain's buttons) */
  trim: number;
  /** dark glass (a space helmet's visor) */
  glass: number;
  /** the hat's own colour */
  hat: number;
  /** a collar's or cape's red lining */
  lining: number;
  /** a straw hat's straw */
  straw: number;
}

/** Where a head is drawn: the view, its centre column, its box and the eye row. */
export interface HeadBox {
  view: Pose["view"];
  hx: number;
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  eyeY: number;
}

/**
 * A wooden pole along the grip's direction (dx, dy): from `back`·k behind the hand to `len`
 * pixels in front of it (a staff, a spear's or an axe's haft).
 */
export function drawPole(
  c: SpriteCanvas,
  x: CostumeCtx,
  hx: number,
  hy: number,
  dx: number,
  dy: number,
  back: number,
  len: number,
  r = 0.55,
) {
  const { k } = x;
  c.capsule(
    hx - dx * back * k,
    hy - dy * back * k,
    hx + dx * len,
    hy + dy * len,
    r * k + 0.2,
    x.mat.wood,
    P.weapon,
  );
}

/** A katana: a long wrapped grip, a small round guard and a thin blade curving back at the tip. */
export function drawKatana(c: SpriteCanvas, x: CostumeCtx, hx: number, hy: number, ang: number) {
  const { k } = x;
  const dx = Math.cos(ang);
  const dy = Math.sin(ang);
  c.capsule(hx - dx * 3 * k, hy - dy * 3 * k, hx, hy, 0.5 * k + 0.2, x.mat.hollow, P.weapon);
  c.ellipse(hx + dx * k, hy + dy * k, 0.9 * k + 0.3, 0.9 * k + 0.3, x.trim, P.weapon);
  const L1 = 7 * k;
  const mx = hx + dx * L1;
  const my = hy + dy * L1;
  const b = ang - 0.22;
  const w = Math.max(0.5, 0.6 * k);
  c.capsule(hx + dx * 1.8 * k, hy + dy * 1.8 * k, mx, my, w, x.mat.metal, P.weapon);
  c.capsule(mx, my, mx + Math.cos(b) * 6 * k, my + Math.sin(b) * 6 * k, w, x.mat.metal, P.weapon);
}

/** A club: a handle thickening into a heavy head, studded with iron (an oni's kanabō). */
export function drawClub(c: SpriteCanvas, x: CostumeCtx, hx: number, hy: number, ang: number) {
  const { k } = x;
  const dx = Math.cos(ang);
  const dy = Math.sin(ang);
  c.capsule(
    hx - dx * 2 * k,
    hy - dy * 2 * k,
    hx + dx * 3 * k,
    hy + dy * 3 * k,
    0.7 * k + 0.2,
    x.mat.wood,
    P.weapon,
  );
  c.capsule(
    hx + dx * 3 * k,
    hy + dy * 3 * k,
    hx + dx * 9 * k,
    hy + dy * 9 * k,
    1.7 * k + 0.3,
    x.mat.wood,
    P.weapon,
  );
  for (const t of [5, 7.5])
    c.plot(hx + dx * t * k - dy * k, hy + dy * t * k + dx * k, x.mat.metal, P.weapon);
}

/** A necromancer's staff: a pole topped by a skull with glowing eyes in the magic's colour. */
export function drawSkullStaff(
  c: SpriteCanvas,
  x: CostumeCtx,
  hx: number,
  hy: number,
  ang: number,
  side: boolean,
) {
  const { k } = x;
  const dx = Math.cos(ang);
  const dy = Math.sin(ang);
  const L = side ? 13 * k : 15 * k;
  drawPole(c, x, hx, hy, dx, dy, 4, L);
  const sx = hx + dx * (L + 1.5 * k);
  const sy = hy + dy * (L + 1.5 * k);
  // the glow around it first, so the skull stands on it
  c.ellipse(sx, sy - 0.5 * k, 2.6 * k + 0.3, 2.6 * k + 0.3, x.mat.orb, P.fx);
  c.ellipse(sx, sy - 0.5 * k, 1.6 * k + 0.3, 1.5 * k + 0.3, x.mat.tusk, P.weapon);
  c.rect(sx - 0.6 * k, sy + 0.8 * k, sx + 0.6 * k, sy + 1.4 * k, x.mat.tusk, P.weapon);
  c.plot(sx - 0.7 * k, sy - 0.4 * k, x.mat.hollow, P.weapon);
  c.plot(sx + 0.7 * k, sy - 0.4 * k, x.mat.hollow, P.weapon);
}

/**
 * A kabuto: a lacquered bowl over the crown, a neck guard flaring out over the ears and a gold
 * crescent crest rising from the brow. The face stays open.
 */
export function drawKabuto(c: SpriteCanvas, x: CostumeCtx, h: HeadBox, lacquer = x.mat.metal) {
  const { view, hx, x0, x1, y0, y1 } = h;
  const { px, k } = x;
  const depth = Math.max(2, Math.round((y1 - y0 + 1) * 0.38));
  c.rect(x0, y0 - px(1), x1, y0 + depth - 1, lacquer, P.hat);
  // a brow band in the crest's gold
  c.rect(x0, y0 + depth - 1, x1, y0 + depth - 1, x.trim, P.hat);
  c.erase(x0, y0 - px(1));
  c.erase(x1, y0 - px(1));
  // the neck guard: tiers stepping out below the bowl
  const guardTop = y0 + depth;
  const guardBot = y1 - 1;
  for (let y = guardTop; y <= guardBot; y++) {
    // square on it stays within the head (a blade held beside it shows), flaring from behind
    const out = view === "front" ? 0 : 1 + Math.floor((y - guardTop) / Math.max(1, px(2)));
    if (view === "back") c.rect(x0 - out, y, x1 + out, y, lacquer, P.hat, (y - guardTop) % 2);
    else if (view === "side")
      c.rect(x0 - out, y, x0 + px(2), y, lacquer, P.hat, (y - guardTop) % 2);
    else {
      c.rect(x0 - out, y, x0, y, lacquer, P.hat, (y - guardTop) % 2);
      c.rect(x1, y, x1 + out, y, lacquer, P.hat, (y - guardTop) % 2);
    }
  }
  if (view === "back") return;
  // the crest: a gold V (one horn forward side-on)
  const by = y0 + Math.max(0, px(1) - 1);
  if (view === "side") {
    c.capsule(x1 - px(1), by, x1 + 1.5 * k, y0 - 4 * k, 0.45 * k + 0.2, x.trim, P.hat);
    return;
  }
  c.capsule(hx - 0.5, by, hx - 3.2 * k, y0 - 4 * k, 0.45 * k + 0.2, x.trim, P.hat);
  c.capsule(hx - 0.5, by, hx + 2.2 * k, y0 - 4 * k, 0.45 * k + 0.2, x.trim, P.hat);
}

/** A round space helmet over the whole head with a dark visor and a glint; white from behind. */
export function drawSpaceHelmet(c: SpriteCanvas, x: CostumeCtx, h: HeadBox) {
  const { view, hx, x0, x1, y0, y1, eyeY } = h;
  const { px, k } = x;
  const cy = (y0 + y1) / 2;
  const rx = (x1 - x0 + 1) / 2 + 1.2 * k;
  const ry = (y1 - y0 + 1) / 2 + 1.2 * k;
  c.ellipse(hx - 0.5, cy, rx, ry, x.mat.cloth, P.hat);
  if (view === "back") return;
  const vx0 = view === "side" ? hx : x0;
  const vx1 = x1 + (view === "side" ? px(1) : 0);
  c.rect(vx0, eyeY - px(2), vx1, eyeY + px(2) - 1, x.glass, P.face);
  c.erase(vx0, eyeY - px(2));
  c.erase(vx1, eyeY - px(2));
  c.plot(vx1 - px(1), eyeY - px(2) + 1, x.mat.glow, P.face);
}

/** A cowboy hat: a tall dented crown with a band, and a wide brim whose ends curl up. */
export function drawCowboyHat(c: SpriteCanvas, x: CostumeCtx, h: HeadBox) {
  const { view, hx, x0, x1, y0 } = h;
  const { px } = x;
  const bx0 = x0 - px(2) - (view === "side" ? 0 : 1);
  const bx1 = x1 + px(2) + (view === "side" ? 0 : 1);
  c.rect(bx0, y0 + 1, bx1, y0 + 1, x.hat, P.hat);
  c.plot(bx0, y0, x.hat, P.hat);
  c.plot(bx1, y0, x.hat, P.hat);
  const top = y0 - px(3);
  c.rect(x0 + 1, top, x1 - 1, y0, x.hat, P.hat);
  c.erase(x0 + 1, top);
  c.erase(x1 - 1, top);
  // the dent down the crown, and the dark band above the brim
  if (view !== "side") c.plot(Math.round(hx - 0.5), top, x.hat, P.hat, 1);
  c.rect(x0 + 1, y0, x1 - 1, y0, x.mat.hollow, P.hat);
}

/** A bald head with a topknot of hair tied up on the crown (a genie). */
export function drawTopknot(c: SpriteCanvas, x: CostumeCtx, hx: number, y0: number) {
  const { k } = x;
  c.ellipse(hx - 0.5, y0 - 1.2 * k, 1.1 * k + 0.3, 1.3 * k + 0.3, x.mat.hair, P.hat);
  c.capsule(hx - 0.5, y0 - 2 * k, hx + 1.8 * k, y0 - 3.8 * k, 0.45 * k + 0.2, x.mat.hair, P.hat);
}

/** A black patch over the left eye with its strap across the brow. */
export function drawEyepatch(
  c: SpriteCanvas,
  x: CostumeCtx,
  view: Pose["view"],
  x0: number,
  x1: number,
  cx: number,
  headW: number,
  eyeY: number,
) {
  if (view === "back") return;
  const { px } = x;
  if (view === "side") {
    c.rect(x1 - px(3), eyeY - 1, x1 - px(1), eyeY + 1, x.mat.hollow, P.face);
    c.line(x0, eyeY - px(2), x1 - px(2), eyeY - 1, x.mat.hollow, P.face);
    return;
  }
  const ex = cx - Math.max(1, Math.round(headW * 0.22)) - 1;
  c.rect(ex - 1, eyeY - 1, ex + 1, eyeY + 1, x.mat.hollow, P.face);
  c.line(x0, eyeY - px(2), x1, eyeY - px(3), x.mat.hollow, P.face);
}

/** A high stiff collar rising from the shoulders behind the head, red inside (a vampire). */
export function drawCollar(
  c: SpriteCanvas,
  x: CostumeCtx,
  view: Pose["view"],
  hx: number,
  headW: number,
  torsoTop: number,
  eyeY: number,
) {
  const { k } = x;
  const hw = headW / 2;
  if (view === "back") {
    c.rect(hx - hw - k, eyeY, hx + hw + k - 1, torsoTop + 1, x.mat.cape, P.cape);
    return;
  }
  for (const s of view === "side" ? [-1] : [-1, 1]) {
    const ox = hx + s * (hw + 0.5 * k) - (s > 0 ? 1 : 0);
    c.poly(
      [
        [ox - s * 2.5 * k, torsoTop + 1],
        [ox + s * 1.5 * k, eyeY - 1.5 * k],
        [ox + s * 0.5 * k, torsoTop + 1],
      ],
      x.mat.cape,
      P.cape,
    );
    c.line(ox - s * 1.2 * k, torsoTop, ox + s * 1 * k, eyeY - 0.5 * k, x.lining, P.cape);
  }
}

/** Torn clothes: a ragged hem showing skin and a rip in the shirt. */
export function drawTorn(
  c: SpriteCanvas,
  x: CostumeCtx,
  tx0: number,
  tx1: number,
  torsoTop: number,
  hipY: number,
) {
  const { px } = x;
  const hem = hipY - px(1);
  for (let xx = tx0; xx <= tx1; xx++) {
    const d = (xx - tx0) % 3;
    for (let y = hem - (d === 1 ? px(2) : d === 0 ? px(1) : 0); y <= hem; y++)
      c.plot(xx, y, x.mat.skin, P.torso);
  }
  const rx = tx0 + Math.round((tx1 - tx0) * 0.65);
  const ry = torsoTop + px(2);
  c.rect(rx, ry, rx + Math.max(0, px(1) - 1), ry + px(2), x.mat.skin, P.torso);
}

/** A long coat's skirts from the waist to the knees, open down the middle, gold-buttoned. */
export function drawCoat(
  c: SpriteCanvas,
  x: CostumeCtx,
  view: Pose["view"],
  cx: number,
  tx0: number,
  tx1: number,
  torsoTop: number,
  hipY: number,
  bottom: number,
) {
  const { px } = x;
  const open = view === "front" ? Math.max(1, px(1)) : 0;
  c.rect(tx0 - px(1), hipY - 1, Math.floor(cx) - open, bottom, x.mat.cloth, P.robe);
  c.rect(Math.ceil(cx) + open - 1, hipY - 1, tx1 + px(1), bottom, x.mat.cloth, P.robe);
  if (view !== "front") return;
  for (let y = torsoTop + px(2); y < hipY - px(1); y += px(2)) {
    c.plot(cx - px(1) - 1, y, x.trim, P.torso);
    c.plot(cx + px(1), y, x.trim, P.torso);
  }
}

/** Lamellar armour: rows of lacquered plates across the torso, and shoulder guards. */
export function drawLamellar(
  c: SpriteCanvas,
  x: CostumeCtx,
  tx0: number,
  tx1: number,
  torsoTop: number,
  hipY: number,
) {
  const { px } = x;
  for (let y = torsoTop + px(2); y < hipY - px(1); y += 2)
    c.rect(tx0, y, tx1, y, x.mat.cloth, P.torso, 1);
  for (let y = torsoTop + px(2) + 1; y < hipY - px(1); y += 4)
    for (let xx = tx0 + 1; xx < tx1; xx += 3) c.plot(xx, y, x.trim, P.torso);
}

/** Shoulder guards sticking out past the torso (an orc's spiked pauldrons, a samurai's sode). */
export function drawPauldrons(
  c: SpriteCanvas,
  x: CostumeCtx,
  view: Pose["view"],
  tx0: number,
  tx1: number,
  torsoTop: number,
  spiked: boolean,
  mat = x.mat.metal,
) {
  const { px, k } = x;
  for (const s of view === "side" ? [0] : [-1, 1]) {
    const ax = s < 0 ? tx0 - px(2) : s > 0 ? tx1 - px(1) + 1 : Math.round((tx0 + tx1) / 2) - px(1);
    c.rect(ax, torsoTop, ax + px(3) - 1, torsoTop + px(2), mat, P.armN);
    if (spiked)
      c.capsule(
        ax + px(1.5),
        torsoTop,
        ax + px(1.5) + s * k,
        torsoTop - 2 * k,
        0.4 * k + 0.2,
        x.mat.tusk,
        P.armN,
      );
  }
}

/** A genie's body below the waist: a tail of smoke narrowing down and curling to one side. */
export function drawSmokeTail(
  c: SpriteCanvas,
  x: CostumeCtx,
  cx: number,
  hipY: number,
  ground: number,
  dir: number,
  wave: number,
) {
  const { k } = x;
  const steps = 6;
  for (let i = 0; i <= steps; i++) {
    const t = i / steps;
    const y = hipY + (ground - 2 * k - hipY) * t;
    const xx = cx + dir * Math.sin(t * Math.PI * 1.2 + wave * 0.5) * 4 * k * t;
    const r = Math.max(0.7, (4 - 3 * t) * k);
    // puffs alternate lit and shadowed so the tail reads as billowing smoke, not a blue leg
    c.ellipse(xx, y, r, Math.max(0.7, r * 0.8), x.mat.skin, P.legN, i % 2 ? 1 : 3);
  }
  // a wisp curling up at the end
  const ex = cx + dir * 4 * k;
  c.capsule(
    cx + dir * 2 * k,
    ground - 2 * k,
    ex,
    ground - 4 * k,
    Math.max(0.6, 0.7 * k),
    x.mat.cloth,
    P.legN,
  );
}

/** A turtle's shell: a domed back with plate lines, its rim showing past the body from the front. */
export function drawShell(
  c: SpriteCanvas,
  x: CostumeCtx,
  shell: number,
  view: Pose["view"],
  cx: number,
  tx0: number,
  tx1: number,
  torsoTop: number,
  hipY: number,
  /** the plates: rows of bands (unset), a seam down the middle across the rows (scutes), none */
  mark?: "scutes" | "plain",
) {
  const { k, px } = x;
  const cy = (torsoTop + hipY) / 2;
  if (view === "front") {
    // the rim past the shoulders and a pale belly plate
    c.rect(tx0 - px(1), torsoTop + 1, tx0 - 1, hipY - 1, shell, P.cape);
    c.rect(tx1 + 1, torsoTop + 1, tx1 + px(1), hipY - 1, shell, P.cape);
    c.rect(tx0 + px(1), torsoTop + px(1), tx1 - px(1), hipY - px(2), x.mat.tusk, P.torso);
    if (mark === "plain") return;
    for (let y = torsoTop + px(2); y < hipY - px(2); y += px(2))
      c.rect(tx0 + px(1), y, tx1 - px(1), y, x.mat.tusk, P.torso, 1);
    if (mark === "scutes") {
      // the plastron's plates picked out in the shell's green: a seam down the middle
      const mid = Math.round((tx0 + tx1) / 2);
      c.rect(mid, torsoTop + px(2), mid, hipY - px(2) - 1, shell, P.torso);
    }
    return;
  }
  const rx = view === "side" ? 3 * k + 0.5 : (tx1 - tx0 + 1) / 2 + k;
  const ox = view === "side" ? tx0 - 0.5 * k : cx - 0.5;
  const ry = (hipY - torsoTop) / 2 + k;
  c.ellipse(ox, cy, rx, ry, shell, P.cape);
  if (mark === "plain") return;
  // scutes: a pale ring of plates inside the rim
  if (mark === "scutes") {
    c.ellipse(ox, cy, rx - k, ry - k, x.mat.tusk, P.cape);
    c.ellipse(ox, cy, rx - 2 * k, ry - 2 * k, shell, P.cape);
  }
  // the plates: a ring and a cross of darker lines
  c.line(ox, cy - 2 * k, ox, cy + 2 * k, shell, P.cape, 1);
  if (view === "back") c.line(ox - rx + k, cy, ox + rx - k, cy, shell, P.cape, 1);
}

/** A Qing official's cap: a dark dome with a brim and a red bead, a yellow talisman over the face. */
export function drawTalismanCap(c: SpriteCanvas, x: CostumeCtx, h: HeadBox) {
  const { view, hx, x0, x1, y0, eyeY } = h;
  const { px, k } = x;
  c.rect(x0 - 1, y0 + px(1), x1 + 1, y0 + px(1), x.mat.hollow, P.hat);
  c.rect(x0, y0 - px(2), x1, y0 + px(1) - 1, x.mat.hollow, P.hat);
  c.erase(x0, y0 - px(2));
  c.erase(x1, y0 - px(2));
  c.ellipse(hx - 0.5, y0 - px(2) - 0.5 * k, 0.8 * k + 0.2, 0.8 * k + 0.2, x.lining, P.hat);
  if (view === "back") return;
  // the talisman: a yellow paper strip from the brim down past the chin, a red seal on it
  const sx = view === "side" ? x1 - px(1) : Math.round(hx - 0.5) - Math.floor(px(2) / 2);
  const sw = view === "side" ? px(1) : px(2);
  c.rect(sx, y0 + px(1) + 1, sx + sw - 1, eyeY + px(4), x.trim, P.face);
  c.rect(sx, eyeY + px(1), sx + sw - 1, eyeY + px(1), x.lining, P.face);
}

/** Pole tools a take may carry: held upright at rest, like a staff. */
export const POLE_TOOLS: ReadonlySet<string> = new Set([
  "pitchfork",
  "scythe",
  "hoe",
  "bo",
  "cudgel",
]);

/** How far past the hand a take weapon reaches, in k (a planted blade's tip stands on the ground). */
export const TAKE_REACH: Readonly<Record<string, number>> = {
  greatsword: 15,
  mace: 9,
  cleaver: 9,
  pickaxe: 9,
  baton: 6,
  cane: 10,
  warhammer: 12,
};

/**
 * A take's weapon along the grip's direction: a greatsword, a flanged mace, a cleaver, a
 * pitchfork, a scythe, a hoe, a pickaxe, a wand with a glowing tip, a knobbed cane, a baton.
 */
export function drawTakeWeapon(
  c: SpriteCanvas,
  x: CostumeCtx,
  kind: string,
  hx: number,
  hy: number,
  ang: number,
) {
  const { k, mat } = x;
  const dx = Math.cos(ang);
  const dy = Math.sin(ang);
  // a point t·k along the grip and n·k across it
  const at = (t: number, n = 0): [number, number] => [
    hx + (dx * t - dy * n) * k,
    hy + (dy * t + dx * n) * k,
  ];
  const bar = (a: [number, number], b: [number, number], r: number, m: number) =>
    c.capsule(a[0], a[1], b[0], b[1], r * k + 0.2, m, P.weapon);
  const dark = mat.hollow;
  switch (kind) {
    case "greatsword":
      bar(at(-3), at(0), 0.6, mat.wood);
      bar(at(1), at(15), 1, mat.metal);
      bar(at(0, -2.8), at(0, 2.8), 0.5, mat.accent);
      return;
    case "mace":
      drawPole(c, x, hx, hy, dx, dy, 2, 7 * k);
      c.ellipse(...at(8), 1.8 * k + 0.3, 1.8 * k + 0.3, mat.metal, P.weapon);
      for (const [t, n] of [
        [8, 2.6],
        [8, -2.6],
        [10.6, 0],
      ] as const)
        c.plot(...at(t, n), mat.metal, P.weapon);
      return;
    case "cleaver":
      bar(at(-2), at(3), 0.6, mat.wood);
      c.poly([at(2.5, -0.5), at(9, -0.5), at(9, 3.2), at(3.5, 3.2)], mat.metal, P.weapon);
      return;
    case "pitchfork":
      drawPole(c, x, hx, hy, dx, dy, 3, 13 * k, 0.5);
      bar(at(13, -1.8), at(13, 1.8), 0.4, mat.metal);
      for (const n of [-1.8, 0, 1.8]) bar(at(13, n), at(16.5, n), 0.3, mat.metal);
      return;
    case "scythe": {
      drawPole(c, x, hx, hy, dx, dy, 3, 14 * k, 0.5);
      const pts = [at(14, 0), at(14.2, 2.2), at(13.4, 4), at(12, 5.4)];
      for (let i = 0; i + 1 < pts.length; i++) bar(pts[i]!, pts[i + 1]!, 0.55, mat.metal);
      return;
    }
    case "hoe":
      drawPole(c, x, hx, hy, dx, dy, 3, 13 * k, 0.5);
      bar(at(13, 0), at(13, 2.4), 0.7, mat.metal);
      bar(at(13, 2.4), at(11.2, 2.6), 0.6, mat.metal);
      return;
    case "pickaxe":
      drawPole(c, x, hx, hy, dx, dy, 2, 9 * k, 0.6);
      bar(at(9, 0), at(7.6, 3.6), 0.55, mat.metal);
      bar(at(9, 0), at(7.6, -3.6), 0.55, mat.metal);
      return;
    case "wand":
      bar(at(0), at(5), 0.35, mat.wood);
      c.ellipse(...at(6.2), 1.2 * k + 0.2, 1.2 * k + 0.2, mat.orb, P.fx);
      c.plot(...at(6.2), mat.glow, P.fx);
      return;
    case "cane":
      bar(at(0), at(10), 0.4, dark);
      c.ellipse(...at(-0.6), 0.9 * k + 0.2, 0.9 * k + 0.2, x.trim, P.weapon);
      return;
    case "baton":
      bar(at(-1), at(6), 0.45, dark);
      return;
    case "bo":
      // held near one end and longer than the body: plain wood, a darker band at each end
      drawPole(c, x, hx, hy, dx, dy, 5, 17 * k, 0.65);
      bar(at(16.2), at(17), 0.65, dark);
      bar(at(-5), at(-4.2), 0.65, dark);
      return;
    case "warhammer":
      drawPole(c, x, hx, hy, dx, dy, 3, 10 * k, 0.55);
      // a block head across the haft, a spike on the back and a point on top
      bar(at(10.5, -2.6), at(10.5, 1.6), 1.25, mat.metal);
      bar(at(10.5, 1.6), at(10.5, 3.6), 0.45, mat.metal);
      bar(at(11.5), at(13), 0.4, mat.metal);
      return;
    case "cudgel":
      // a red pole with a gold band at each end: the monkey king's 金箍棒, not a mage's staff
      bar(at(-5), at(15), 0.55, x.lining);
      bar(at(-5), at(-3), 0.75, x.trim);
      bar(at(13), at(15.5), 0.75, x.trim);
      return;
  }
}

/**
 * A shield: a kite (a metal rim, a face in the cape's colour and a stripe), a round one (a
 * viking's wood with an iron boss, a hoplite's bronze) or a tall tower (a legionary's scutum);
 * narrow side-on. `emblem`: a holy order's cross on its face instead of the stripe.
 */
export function drawShield(
  c: SpriteCanvas,
  x: CostumeCtx,
  view: Pose["view"],
  cx: number,
  cy: number,
  shape: "kite" | "round" | "tower" = "kite",
  emblem?: number,
) {
  const { k, mat } = x;
  const cross = (mx: number, my: number, arm: number) => {
    if (emblem === undefined || view === "side") return false;
    const m = Math.round(mx - 0.5);
    c.rect(m - arm, Math.round(my), m + arm, Math.round(my), emblem, P.weapon);
    c.rect(m, Math.round(my) - arm, m, Math.round(my) + arm + 1, emblem, P.weapon);
    return true;
  };
  if (shape === "round") {
    // the boss in the middle, the rim in metal; a hoplite's bronze face is the hat colour
    const r = view === "side" ? 1.3 * k + 0.3 : 3.3 * k + 0.3;
    const face = x.hat === mat.wood ? mat.wood : x.hat;
    c.ellipse(cx, cy, r, 3.3 * k + 0.3, mat.metal, P.weapon);
    c.ellipse(cx, cy, Math.max(0.6, r - k), 2.5 * k, face, P.weapon);
    if (view !== "side" && !cross(cx, cy, Math.max(1, Math.round(1.6 * k))))
      c.ellipse(cx, cy, 0.8 * k + 0.2, 0.8 * k + 0.2, mat.metal, P.weapon);
    return;
  }
  if (shape === "tower") {
    const hw = view === "side" ? 1.3 * k + 0.3 : 2.8 * k + 0.3;
    c.rect(
      Math.round(cx - hw),
      Math.round(cy - 4 * k),
      Math.round(cx + hw),
      Math.round(cy + 4 * k),
      mat.cape,
      P.weapon,
    );
    if (view !== "side") {
      c.rect(
        Math.round(cx - hw),
        Math.round(cy - 4 * k),
        Math.round(cx + hw),
        Math.round(cy - 4 * k),
        x.trim,
        P.weapon,
      );
      c.rect(
        Math.round(cx - hw),
        Math.round(cy + 4 * k),
        Math.round(cx + hw),
        Math.round(cy + 4 * k),
        x.trim,
        P.weapon,
      );
      c.ellipse(cx, cy, 0.9 * k + 0.2, 0.9 * k + 0.2, x.trim, P.weapon);
    }
    return;
  }
  const hw = view === "side" ? 1.3 * k + 0.3 : 2.6 * k + 0.3;
  const top = cy - 3.2 * k;
  const kite = (w: number, m: number, d: number) =>
    c.poly(
      [
        [cx - w, top + d],
        [cx + w, top + d],
        [cx + w, cy + k],
        [cx, cy + 4 * k - d],
        [cx - w, cy + k],
      ],
      m,
      P.weapon,
    );
  kite(hw, mat.metal, 0);
  kite(hw - Math.max(1, k * 0.8), mat.cape, Math.max(1, k * 0.8));
  if (cross(cx, top + 1.2 * k + 1, Math.max(1, Math.round(1.4 * k)))) return;
  if (view !== "side")
    c.rect(Math.round(cx - 0.5), top + 1, Math.round(cx - 0.5), cy + 2 * k, mat.accent, P.weapon);
}

/**
 * The headwear a take may choose: an open helm (horned or not), a mohawk, a conical straw hat,
 * a tiara, a top hat, a peaked cap, a bandana. `hairTop` lays the hair or a cap's cloth over the
 * crown as the head draws it.
 */
export function drawTakeHeadwear(
  c: SpriteCanvas,
  x: CostumeCtx,
  h: HeadBox,
  kind: string,
  hairTop: (mat: number, part: number, depth: number) => void,
  horned: boolean,
) {
  const { view, hx, x0, x1, y0, y1, eyeY } = h;
  const { px, mat } = x;
  const headH = y1 - y0 + 1;
  const mid = Math.round(hx - 0.5);
  switch (kind) {
    case "open-helm": {
      const depth = Math.max(2, Math.round(headH * 0.4));
      hairTop(mat.metal, P.hat, depth);
      c.rect(x0 + 1, y0 - px(1), x1 - 1, y0, mat.metal, P.hat);
      c.rect(x0 - 1, y0 + depth - 1, x1 + 1, y0 + depth - 1, mat.metal, P.hat, 1);
      // the nose guard down between the eyes
      if (view === "front") c.rect(mid, y0 + depth, mid, eyeY + 1, mat.metal, P.hat);
      else if (view === "side") c.rect(x1, y0 + depth, x1, eyeY + 1, mat.metal, P.hat);
      if (horned) drawHelmHorns(c, x, h);
      return;
    }
    case "crested-helm": {
      // a bowl with cheek guards down past the eyes, the face open between them, and a red
      // crest standing on top: a fan square on, a long brush front to back side-on
      const helm = x.hat;
      const depth = Math.max(2, Math.round(headH * 0.4));
      hairTop(helm, P.hat, depth);
      c.rect(x0 + 1, y0 - 1, x1 - 1, y0, helm, P.hat);
      if (view === "front") {
        c.rect(x0, y0, x0 + px(1), y1 - 1, helm, P.hat);
        c.rect(x1 - px(1), y0, x1, y1 - 1, helm, P.hat);
      } else if (view === "side") c.rect(x0, y0, x0 + px(3), y1 - 1, helm, P.hat);
      else c.rect(x0, y0, x1, y1 - 1, helm, P.hat);
      if (view === "side")
        c.poly(
          [
            [x0 - px(2), y0 + px(1)],
            [x0 + px(1), y0 - px(4)],
            [x1 - px(1), y0 - px(4)],
            [x1 + 1, y0 - px(1)],
            [x1 - px(1), y0 - 1],
            [x0 + px(1), y0 - 1],
          ],
          x.lining,
          P.hat,
        );
      else {
        const w = Math.max(1, Math.round(headH * 0.2));
        c.rect(mid - w + 1, y0 - px(5), mid + w, y0 - 1, x.lining, P.hat);
        c.rect(mid - w, y0 - px(4), mid + w + 1, y0 - px(2), x.lining, P.hat);
      }
      return;
    }
    case "nemes": {
      // blue and gold stripes over the crown and down both sides past the jaw, a gold cobra on
      // the brow, a broad gold collar over the shoulders
      const depth = Math.max(2, Math.round(headH * 0.3));
      hairTop(x.hat, P.hat, depth);
      c.rect(x0 + 1, y0 - px(1), x1 - 1, y0, x.hat, P.hat);
      const low = y1 + px(3);
      if (view === "front") {
        c.rect(x0 - px(1), y0 + 1, x0, low, x.hat, P.hat);
        c.rect(x1, y0 + 1, x1 + px(1), low, x.hat, P.hat);
      } else if (view === "side") c.rect(x0 - px(1), y0 + 1, x0 + px(2), low - px(1), x.hat, P.hat);
      else c.rect(x0 - px(1), y0, x1 + px(1), low - px(1), x.hat, P.hat);
      for (let y = y0 - px(1) + 1; y <= low; y += 2)
        for (let xx = x0 - px(1); xx <= x1 + px(1); xx++)
          if (c.get(xx, y) === x.hat) c.plot(xx, y, x.trim, P.hat);
      if (view !== "back") {
        const gx = view === "side" ? x1 - px(1) : mid;
        c.rect(gx, y0 - px(1), gx + (view === "side" ? 0 : 1), y0, x.trim, P.hat);
        c.rect(x0, y1 + 1, x1, y1 + px(2), x.trim, P.hat);
      }
      return;
    }
    case "mohawk":
      if (view === "side") c.rect(x0 + 1, y0 - px(2), x1 - px(1), y0, mat.hair, P.hat);
      else c.rect(mid - px(1) + 1, y0 - px(3), mid + px(1), y0 + 1, mat.hair, P.hat);
      return;
    case "straw-hat": {
      hairTop(mat.hair, P.hat, 2);
      const brim = y0 + px(1);
      c.poly(
        [
          [x0 - px(3), brim + 1],
          [hx, y0 - px(4)],
          [x1 + px(3) + 1, brim + 1],
        ],
        x.straw,
        P.hat,
      );
      c.rect(x0 - px(3), brim, x1 + px(3), brim, x.straw, P.hat, 1);
      return;
    }
    case "tiara":
      hairTop(mat.hair, P.hat, Math.max(2, Math.round(headH * 0.3)));
      c.rect(x0 + 1, y0, x1 - 1, y0, x.trim, P.hat);
      if (view !== "back") {
        const gx = view === "side" ? x1 - px(2) : mid;
        c.rect(gx, y0 - px(1), gx + (view === "side" ? 0 : 1), y0, x.trim, P.hat);
        c.plot(gx, y0, mat.orb, P.hat);
      }
      return;
    case "top-hat":
      hairTop(mat.hair, P.hat, 2);
      c.rect(x0 - px(1), y0, x1 + px(1), y0, x.hat, P.hat);
      c.rect(x0 + 1, y0 - px(6), x1 - 1, y0, x.hat, P.hat);
      c.rect(x0 + 1, y0 - px(1), x1 - 1, y0 - px(1), x.lining, P.hat);
      return;
    case "peaked-cap": {
      hairTop(mat.hair, P.hat, Math.max(2, Math.round(headH * 0.3)));
      const band = y0 + px(1);
      c.rect(x0 - 1, y0 - px(2), x1 + 1, y0 - 1, x.hat, P.hat);
      c.rect(x0, y0, x1, band, x.hat, P.hat);
      c.rect(x0, band, x1, band, mat.hollow, P.hat);
      if (view === "side") c.rect(x1 - px(1), band, x1 + px(2), band, mat.hollow, P.hat);
      else if (view === "front") {
        c.rect(x0 + 1, band + 1, x1 - 1, band + 1, mat.hollow, P.hat);
        c.rect(mid, y0 - 1, mid + 1, y0, x.trim, P.hat);
      }
      return;
    }
    case "bandana": {
      const depth = Math.max(2, Math.round(headH * 0.35));
      hairTop(x.lining, P.hat, depth);
      const ky = y0 + depth - 1;
      if (view === "side") c.rect(x0 - px(2), ky, x0 - 1, ky + px(2), x.lining, P.hat);
      else if (view === "back") c.rect(mid, ky, mid + 1, ky + px(3), x.lining, P.hat);
      else c.rect(x1 + 1, ky, x1 + px(1), ky + px(2), x.lining, P.hat);
      return;
    }
  }
}

/** A helmet's horns out from its sides and up (one, the back one, side-on). */
export function drawHelmHorns(c: SpriteCanvas, x: CostumeCtx, h: HeadBox) {
  const { k, mat } = x;
  for (const [sx, dir] of [
    [h.x0, -1],
    [h.x1, 1],
  ] as [number, number][])
    if (h.view !== "side" || dir < 0)
      c.capsule(sx, h.y0 + k, sx + dir * 2.5 * k, h.y0 - 2.5 * k, 0.6 * k + 0.2, mat.tusk, P.hat);
}

/** Long hair down past the jaw on both sides (over the back from behind), or a bun on top. */
export function drawHairStyle(c: SpriteCanvas, x: CostumeCtx, h: HeadBox, style: string) {
  const { view, hx, x0, x1, y0, y1 } = h;
  const { px, k, mat } = x;
  if (style === "bun") {
    const bx = view === "side" ? x0 + px(1) : hx - 0.5;
    c.ellipse(bx, y0 - 0.8 * k, 1.6 * k + 0.3, 1.4 * k + 0.3, mat.hair, P.hat);
    return;
  }
  const bot = y1 + px(3);
  if (view === "back") c.rect(x0, y0 + 1, x1, bot, mat.hair, P.hat);
  else if (view === "side") c.rect(x0, y0 + 1, x0 + px(2), bot, mat.hair, P.hat);
  else {
    c.rect(x0 - 1, y0 + 1, x0, bot, mat.hair, P.hat);
    c.rect(x1, y0 + 1, x1 + 1, bot, mat.hair, P.hat);
  }
}

/** A beard's length below the chin: a long one over the chest, or forked in two points. */
export function drawBeardTail(
  c: SpriteCanvas,
  x: CostumeCtx,
  h: HeadBox,
  style: "long" | "forked",
) {
  const { view, hx, x0, x1, y1 } = h;
  const { px, mat } = x;
  if (view === "back") return;
  const a = view === "side" ? Math.round(hx) : x0 + 2;
  const b = view === "side" ? x1 - 1 : x1 - 2;
  if (style === "long") {
    c.rect(a, y1 + px(2), b, y1 + px(4), mat.hair, P.face);
    c.rect(a + 1, y1 + px(4), b - 1, y1 + px(5), mat.hair, P.face);
    return;
  }
  const m = Math.round((a + b) / 2);
  c.rect(a, y1 + px(2), m - 1, y1 + px(5), mat.hair, P.face);
  c.rect(m + 1, y1 + px(2), b, y1 + px(5), mat.hair, P.face);
}

/** A tabard: a cloth panel down the front and past the belt, in the cape's colour. */
export function drawTabard(
  c: SpriteCanvas,
  x: CostumeCtx,
  view: Pose["view"],
  mid: number,
  tx0: number,
  tx1: number,
  torsoTop: number,
  bottom: number,
) {
  const { px, mat } = x;
  const [a, b] =
    view === "side" ? [tx0 + 1, tx1 - 1] : [Math.round(mid) - px(2), Math.round(mid) + px(2) - 1];
  c.rect(a, torsoTop + 1, b, bottom, mat.cape, P.robe);
  if (view === "front") c.rect(a, torsoTop + px(2), b, torsoTop + px(2), x.trim, P.robe);
}

/**
 * An apron: square on, a panel from the chest to the knees a pixel inside the torso's edges, its
 * bib narrower, a tie across the waist; side-on, the panel down the front edge; from behind only
 * the tie shows.
 */
export function drawApron(
  c: SpriteCanvas,
  x: CostumeCtx,
  apron: number,
  view: Pose["view"],
  tx0: number,
  tx1: number,
  torsoTop: number,
  hipY: number,
  bottom: number,
) {
  const { px } = x;
  const waist = hipY - px(2);
  if (view === "back") {
    c.rect(tx0, waist, tx1, waist, apron, P.belt);
    return;
  }
  if (view === "side") {
    c.rect(tx1 - px(1), torsoTop + px(2), tx1, Math.round(bottom), apron, P.robe);
    return;
  }
  const inset = Math.max(1, Math.round((tx1 - tx0) * 0.2));
  c.rect(tx0 + inset, torsoTop + px(2), tx1 - inset, waist, apron, P.robe);
  c.rect(tx0 + 1, waist, tx1 - 1, Math.round(bottom), apron, P.robe);
}

/** The colours a mood or a woman's face adds (humanoid.ts adds them only when drawn). */
export interface FaceMarks {
  mood?: Mood;
  /** a woman's mouth: lips in rose, unless the mood draws a mouth */
  lips?: number;
  /** the anger mark, an evil glare's red eyes */
  red?: number;
  /** a tear, a sweat drop */
  water?: number;
  /** the sleeper's z's */
  zzz?: number;
  /** a crone's long nose, hooked down */
  nose?: boolean;
}

/**
 * A face a person reads at 32 px (issue #20: "an angry old dwarf" was not angry): brows slanted
 * down (angry, evil) or up (sad) over the eyes, a mouth (smile, frown, grin, an open O), closed
 * eyes, and the manga marks games use beside the head — an anger vein, z's, a tear, a sweat
 * drop — which read even where a helmet, a beard or a skull hides the face. `eyes` are the eye
 * columns as the head drew them (two square on, one side-on), `eh` the eye's height; `face`
 * says whether brows and a mouth may be drawn (not over a visor, a glass helmet or bone).
 */
export function drawFaceMood(
  c: SpriteCanvas,
  x: CostumeCtx,
  h: HeadBox,
  eyes: number[],
  eh: number,
  marks: FaceMarks,
  face: { brows: boolean; mouth: boolean },
) {
  const { view, hx, x0, x1, y0, y1, eyeY } = h;
  const { px, mat } = x;
  const u = px(1);
  const dot = (px0: number, py0: number, m: number, part: number = P.face) =>
    c.rect(px0, py0, px0 + u - 1, py0 + u - 1, m, part);
  const side = view === "side";
  const mood = marks.mood;
  const shown = view !== "back";
  // brows: one row of skin above the eye, the outer end up (angry) or the inner end up (sad)
  const b = eyeY - 2 * u;
  const mid = Math.round(hx);
  const brow = (ex: number, down: boolean) => {
    const out = side ? -1 : ex < mid ? -1 : 1;
    if (down) {
      dot(ex + out * u, b, mat.hollow);
      dot(ex, b + u, mat.hollow);
    } else {
      dot(ex + out * u, b + u, mat.hollow);
      dot(ex, b, mat.hollow);
    }
  };
  if (shown && face.brows) {
    if (mood === "angry" || mood === "evil") for (const ex of eyes) brow(ex, true);
    if (mood === "sad") for (const ex of eyes) brow(ex, false);
    if (mood === "sleepy")
      // closed eyes: a dash outward from each eye, the eye's upper rows back to skin
      for (const ex of eyes) {
        const out = side ? -1 : ex < mid ? -1 : 1;
        if (eh > 1) c.rect(ex, eyeY, ex, eyeY + eh - 2, mat.skin, P.face);
        c.rect(
          Math.min(ex, ex + out * u),
          eyeY + eh - 1,
          Math.max(ex, ex + out * u),
          eyeY + eh - 1,
          mat.eye,
          P.face,
        );
      }
    if (mood === "scared") for (const ex of eyes) dot(ex, eyeY - u, mat.eye);
    if (mood === "evil" && marks.red !== undefined)
      for (const ex of eyes) c.rect(ex, eyeY, ex, eyeY + eh - 1, marks.red, P.face);
  }
  if (shown && face.brows && marks.nose) {
    if (side) {
      c.rect(x1 + 1, eyeY + 1, x1 + 2 * u, eyeY + u, mat.skin, P.face, 1);
      dot(x1 + 2 * u, eyeY + 2 * u, mat.skin);
    } else c.rect(mid - u, eyeY + 1, mid - 1, eyeY + 2 * u, mat.skin, P.face, 1);
  }
  // the mouth: two pixels wide square on (centred under the eyes), one at the front side-on
  const my = y1 - u;
  const [m0, m1] = side ? [x1 - u, x1 - u] : [mid - u, mid + u - 1];
  if (shown && face.mouth) {
    const corners = (dy: number, spread: number) => {
      dot(m0 - spread * u, my + dy * u, mat.hollow);
      if (!side) dot(m1 + 1 + (spread - 1) * u, my + dy * u, mat.hollow);
      else dot(m0 - (spread + 1) * u, my + dy * u, mat.hollow);
    };
    if (mood === "happy") {
      c.rect(m0, my, m1 + u - 1, my + u - 1, mat.hollow, P.face);
      corners(-1, 1);
    } else if (mood === "evil") {
      c.rect(m0 - u, my, m1 + 2 * u - 1, my + u - 1, mat.hollow, P.face);
      corners(-1, 2);
    } else if (mood === "angry" || mood === "sad") {
      c.rect(m0, my - u, m1 + u - 1, my - 1, mat.hollow, P.face);
      corners(0, 1);
    } else if (mood === "scared") c.rect(m0, my - u, m1 + u - 1, my + u - 1, mat.hollow, P.face);
    else if (marks.lips !== undefined) c.rect(m0, my, m1 + u - 1, my + u - 1, marks.lips, P.face);
  }
  // the marks beside the head, top right (side-on: behind the face, over the back of the head)
  const mx = side ? x0 - u : x1 + u;
  const dir = side ? -1 : 1;
  // kept inside the frame (a lying or a jumping body would carry them out of it)
  const pattern = (rows: string[], ox0: number, oy0: number, m: number) => {
    const w = rows[0]!.length * u;
    const lo = dir > 0 ? 1 : w;
    const hi = dir > 0 ? c.w - 1 - w : c.w - 2;
    const ox = Math.max(lo, Math.min(hi, ox0));
    const oy = Math.max(1, Math.min(c.h - 1 - rows.length * u, oy0));
    rows.forEach((row, j) => {
      [...row].forEach((ch, i) => {
        if (ch === "X") dot(ox + dir * i * u, oy + j * u, m, P.fx);
      });
    });
  };
  if (mood === "angry" && marks.red !== undefined)
    pattern([".X.X.", "XX.XX", ".....", "XX.XX", ".X.X."], mx, y0 - 3 * u, marks.red);
  if (mood === "sleepy" && marks.zzz !== undefined) {
    pattern(
      ["XXX", "..X", ".X.", "X..", "XXX"].map((r) => (dir < 0 ? [...r].reverse().join("") : r)),
      mx,
      y0 - u,
      marks.zzz,
    );
    pattern(
      ["XX", ".X", "X.", "XX"].map((r) => (dir < 0 ? [...r].reverse().join("") : r)),
      mx + dir * 4 * u,
      y0 - 6 * u,
      marks.zzz,
    );
  }
  if ((mood === "scared" || mood === "sad") && marks.water !== undefined) {
    if (mood === "scared")
      // a sweat drop at the temple
      pattern(["X.", "XX"], mx, y0 + u, marks.water);
    else if (shown)
      // a tear running down from the eye nearest the viewer's right
      c.rect(
        eyes[eyes.length - 1]!,
        eyeY + eh,
        eyes[eyes.length - 1]! + u - 1,
        eyeY + eh + 2 * u - 1,
        marks.water,
        P.face,
      );
  }
}

/** The materials of a bird's limbs on a person (a harpy): feathers, their tips, talons, claws. */
export interface BirdLimbMats {
  feather: number;
  featherDark: number;
  talon: number;
  claw: number;
}

/**
 * A harpy's limbs over the drawn body (eval-f: an angel with a sword): with `wings`, each arm is
 * feathered and trails feathers below and outwards, into the wings spread behind it; with
 * `talons`, the legs are a bird's: feathered thighs, yellow feet, a dark claw either side.
 */
export function drawBirdLimbs(
  c: SpriteCanvas,
  m: BirdLimbMats,
  wings: boolean,
  talons: boolean,
): void {
  const mid = c.w / 2;
  if (wings) {
    const arm: [number, number][] = [];
    for (let y = 0; y < c.h; y++)
      for (let x = 0; x < c.w; x++) {
        const p = c.part[y * c.w + x];
        if (c.get(x, y) >= 0 && (p === P.armN || p === P.armF)) arm.push([x, y]);
      }
    for (const [x, y] of arm) {
      c.plot(x, y, m.feather, c.part[y * c.w + x]!);
      const out = x < mid ? -1 : 1;
      if (c.get(x + out, y) < 0) c.plot(x + out, y, m.feather, P.armN);
      // the trailing feathers hang below the arm where nothing else is drawn
      for (let d = 1; d <= 3; d++) {
        if (c.get(x, y + d) >= 0) break;
        c.plot(x, y + d, d === 3 ? m.featherDark : m.feather, P.armN);
      }
    }
  }
  if (talons) {
    // feathered thighs over yellow shanks and feet, a claw either side on the ground
    for (const leg of [P.legN, P.legF]) {
      const cells: [number, number][] = [];
      for (let y = 0; y < c.h; y++)
        for (let x = 0; x < c.w; x++)
          if (c.part[y * c.w + x] === leg && c.get(x, y) >= 0) cells.push([x, y]);
      if (!cells.length) continue;
      const y1 = Math.max(...cells.map(([, y]) => y));
      const foot = cells.filter(([, y]) => y === y1).map(([x]) => x);
      for (const [x, y] of cells) c.plot(x, y, y >= y1 - 2 ? m.talon : m.feather, leg);
      for (const x of [Math.min(...foot) - 1, Math.max(...foot) + 1])
        if (c.get(x, y1) < 0) c.plot(x, y1, m.claw, leg);
    }
  }
}
