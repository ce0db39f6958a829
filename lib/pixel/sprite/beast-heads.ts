// Animal heads on the humanoid rig ("a fox knight", "a jackal warrior", "a werecat", a minotaur,
// a kappa, anubis, the monkey king): one table of what tells one animal's head from another's at
// 32 px — the fur, the muzzle's colour, the ears' shape and the snout's — and one drawing of it
// on the head box the rig has already drawn. A word the vocabulary files under another animal
// (a jackal is a dog to WordNet) keeps its own row when it has one, so its head is its own.
import type { SpriteCanvas } from "./canvas";
import type { HeadBox } from "./costume-parts";

/** The ears' shape: the first thing that says fox or bear or rabbit or monkey at 32 px. */
/** "hood": a cobra's hood flared behind the head (a naga) */
export type BeastEars = "pointed" | "tall" | "round" | "long" | "side" | "hood" | "none";
/**
 * The face: a lighter muzzle with a dark nose; a long canine snout (a tapered head, the nose on
 * a chin in front, a snout sticking out side-on); a short beak; a crow's big dark beak; a pig's
 * round snout; a monkey's pale face; a frog's wide mouth.
 */
export type BeastSnout = "muzzle" | "long" | "beak" | "crow" | "pig" | "face" | "frog";

export interface BeastHead {
  fur: string;
  /** the muzzle's, face's or snout's colour */
  muzzle?: string;
  ears: BeastEars;
  snout: BeastSnout;
  /** horns out sideways, then up (a bull's say "minotaur" before anything else does) */
  horns?: boolean;
  /** a beak's colour */
  beak?: string;
  /** the Chinese name, for a row the vocabulary has no subject of its own for */
  zh?: string;
  /** the four-legged rig's animal for a row the vocabulary has none of (a jackal walks as a dog) */
  rig?: string;
  /** a tail out from behind the hips: a monkey's long curl, a fox's brush, a cat's or rat's */
  tail?: "curl" | "bushy" | "thin";
}

const BIRD = (fur: string, beak = "#f8862a"): BeastHead => ({
  fur,
  ears: "none",
  snout: "beak",
  beak,
});

/** Every animal a person's head can be; an animal without a row is drawn as `PLAIN`. */
export const BEAST_HEADS: Readonly<Record<string, BeastHead>> = {
  cat: { fur: "#f09a3c", muzzle: "#f4e0c8", ears: "pointed", snout: "muzzle", tail: "thin" },
  dog: { fur: "#b07840", muzzle: "#e0c8a0", ears: "pointed", snout: "muzzle" },
  wolf: { fur: "#8a8c98", muzzle: "#d8d8e0", ears: "pointed", snout: "long", tail: "bushy" },
  fox: { fur: "#e8782c", muzzle: "#f4f0e8", ears: "pointed", snout: "long", tail: "bushy" },
  jackal: {
    fur: "#b8874c",
    muzzle: "#e8d0a8",
    ears: "tall",
    snout: "long",
    zh: "胡狼",
    rig: "dog",
  },
  coyote: {
    fur: "#a88858",
    muzzle: "#e8d8c0",
    ears: "tall",
    snout: "long",
    zh: "郊狼",
    tail: "bushy",
    rig: "dog",
  },
  hyena: {
    fur: "#b89c6c",
    muzzle: "#4a3c34",
    ears: "round",
    snout: "long",
    zh: "鬣狗",
    rig: "dog",
  },
  tiger: { fur: "#f0862a", muzzle: "#f4f0e8", ears: "round", snout: "muzzle", tail: "thin" },
  lion: { fur: "#e0a848", muzzle: "#f0d8a0", ears: "round", snout: "muzzle", tail: "thin" },
  rabbit: { fur: "#eeeef2", ears: "long", snout: "muzzle" },
  bear: { fur: "#7c5030", muzzle: "#c8a070", ears: "round", snout: "muzzle" },
  panda: { fur: "#eeeef2", muzzle: "#eeeef2", ears: "round", snout: "muzzle" },
  pig: { fur: "#f0a0b0", muzzle: "#e07890", ears: "pointed", snout: "pig" },
  boar: { fur: "#6c5040", muzzle: "#c89080", ears: "pointed", snout: "pig" },
  mouse: { fur: "#a8a0a0", ears: "round", snout: "muzzle", tail: "thin" },
  rat: { fur: "#8c8488", ears: "round", snout: "muzzle", tail: "thin", zh: "老鼠" },
  monkey: { fur: "#6c4424", muzzle: "#f0d0a8", ears: "side", snout: "face", tail: "curl" },
  gorilla: { fur: "#3c3838", muzzle: "#7c6c64", ears: "side", snout: "face" },
  frog: { fur: "#6cbc4c", muzzle: "#d8e8a0", ears: "none", snout: "frog" },
  lizard: { fur: "#6cbc4c", muzzle: "#d8e8a0", ears: "none", snout: "long", tail: "thin" },
  snake: { fur: "#4c9c6c", muzzle: "#e0e8a8", ears: "hood", snout: "muzzle" },
  goat: { fur: "#d8c8a8", ears: "pointed", snout: "muzzle", horns: true },
  ram: { fur: "#e8e0d0", ears: "pointed", snout: "muzzle", horns: true, zh: "公羊" },
  bull: { fur: "#6c4430", muzzle: "#c8a088", ears: "round", snout: "muzzle", horns: true },
  cow: { fur: "#eeeae2", muzzle: "#f0b8b8", ears: "round", snout: "muzzle", horns: true },
  deer: { fur: "#a87850", muzzle: "#e8d8c0", ears: "pointed", snout: "long" },
  horse: { fur: "#8c5a30", muzzle: "#c8a080", ears: "pointed", snout: "long" },
  bat: { fur: "#4a3c4a", muzzle: "#8c6c7c", ears: "tall", snout: "muzzle" },
  owl: { fur: "#8c6c4c", ears: "pointed", snout: "beak", beak: "#f8862a" },
  penguin: { ...BIRD("#34303e"), muzzle: "#eeeef2" },
  duck: BIRD("#eeeef2"),
  chicken: BIRD("#eeeef2"),
  goose: BIRD("#eeeef2"),
  eagle: BIRD("#6c4424", "#f0b428"),
  parrot: BIRD("#44b04e"),
  turtle: BIRD("#6cac4c"),
  crow: { fur: "#2c2834", ears: "none", snout: "crow", beak: "#8c8898" },
  raven: { fur: "#2c2834", ears: "none", snout: "crow", beak: "#8c8898", zh: "渡鸦" },
};

const PLAIN: BeastHead = { fur: "#c8a078", ears: "pointed", snout: "muzzle" };

const cx0h = (x0: number, x1: number) => (x0 + x1 + 1) / 2;

/** The row for an animal-folk race id (`beast:<id>`'s id). */
export function beastHead(id: string | undefined): BeastHead {
  return BEAST_HEADS[id ?? ""] ?? PLAIN;
}

/**
 * The race id for an animal word before a person noun: the typed word when it has a row of its
 * own ("jackal", which the vocabulary draws as a dog), else the subject it was read as.
 */
export function beastRaceId(typed: string, subjectId: string): string {
  const w = typed.toLowerCase().replace(/s$/, "");
  return BEAST_HEADS[w] ? w : subjectId;
}

/** The materials a beast head is drawn in (the rig's own, plus the beak's). */
export interface BeastMats {
  skin: number;
  muzzle: number;
  /** the dark of a nose, a mouth, a nostril */
  hollow: number;
  eye: number;
  tusk: number;
  beak: number;
}

/** Part ids the head is drawn with: ears and horns stand out like a hat, the face is the face. */
export interface BeastParts {
  hat: number;
  face: number;
}

/**
 * Draws the animal's ears, horns and snout on the head box the rig drew (eyes already placed).
 * `px(n)`: n/32 of the sprite in cells; `size`: the sprite's size.
 */
export function drawBeastHead(
  c: SpriteCanvas,
  head: BeastHead,
  mat: BeastMats,
  P: BeastParts,
  box: HeadBox,
  size: number,
): void {
  const { view, x0, x1, y0, y1, eyeY } = box;
  const k = size / 32;
  const px = (n: number) => Math.max(1, Math.round((n * size) / 32));
  const hw = x1 - x0 + 1;
  const side = view === "side";
  const ears = head.ears;
  if (ears === "hood") {
    // a cobra's hood: a flared shield behind the head, wider than it, pale-edged from the front
    const cy = (y0 + y1) / 2 + px(1);
    // side-on only its edge shows, a ridge down the back of the head
    const rx = side ? px(2) : hw / 2 + px(1.5);
    const ry = (y1 - y0) / 2 + px(1.5);
    const ox = side ? x0 : cx0h(x0, x1);
    for (let y = Math.floor(cy - ry); y <= cy + ry; y++)
      for (let x = Math.floor(ox - rx); x <= ox + rx; x++) {
        const d = ((x + 0.5 - ox) / rx) ** 2 + ((y + 0.5 - cy) / ry) ** 2;
        if (d > 1 || c.get(x, y) >= 0) continue;
        c.plot(x, y, d > 0.55 && view === "front" ? mat.muzzle : mat.skin, P.hat);
      }
  } else if (ears === "side") {
    // a monkey's round ears stand out at the sides of the head at eye height
    const at = side ? [x0 + Math.round(hw * 0.35)] : [x0 - px(1), x1 + px(1)];
    for (const ex of at) {
      c.ellipse(ex + 0.5, eyeY + 0.5, px(1.6), px(1.6), mat.skin, P.hat);
      if (view !== "back" && size >= 24) c.plot(ex, eyeY, mat.muzzle, P.hat);
    }
  } else if (ears !== "none") {
    const earX = side
      ? [x0 + Math.round(hw * 0.3)]
      : [x0 + Math.round(hw * 0.18), x1 - Math.round(hw * 0.18)];
    for (const ex of earX) {
      const out = side ? -1 : ex < (x0 + x1) / 2 ? -1 : 1;
      if (ears === "pointed")
        c.poly(
          [
            [ex - px(2), y0 + 1],
            [ex + 0.5, y0 - px(4)],
            [ex + px(2) + 1, y0 + 1],
          ],
          mat.skin,
          P.hat,
        );
      else if (ears === "tall") {
        // a jackal's (anubis's) ears: tall, narrow and leaning a little out, twice a cat's
        c.poly(
          [
            [ex - px(1.5), y0 + 1],
            [ex + 0.5 + out * px(1), y0 - px(7)],
            [ex + px(1.5) + 1, y0 + 1],
          ],
          mat.skin,
          P.hat,
        );
        if (view === "front" && size >= 24)
          c.line(ex, y0 - px(1), ex + out * 0.5, y0 - px(4), mat.muzzle, P.hat);
      } else if (ears === "round") c.ellipse(ex + 0.5, y0, px(2), px(2), mat.skin, P.hat);
      else if (ears === "long") c.rect(ex - px(1) + 1, y0 - px(6), ex + px(1), y0, mat.skin, P.hat);
      // the inside of the ear, seen from the front
      if (ears !== "tall" && view === "front" && size >= 24)
        c.plot(ex, y0 - (ears === "long" ? px(3) : 0), mat.muzzle, P.hat);
    }
  }
  if (head.horns)
    // horns out sideways from the top of the head, then curving up
    for (const [sx, dir] of (side
      ? [[x0 + Math.round(hw * 0.5), 1]]
      : [
          [x0, -1],
          [x1, 1],
        ]) as [number, number][]) {
      c.capsule(sx, y0 + 1, sx + dir * 2.2 * k, y0 - 0.5 * k, 0.6 * k + 0.25, mat.tusk, P.hat);
      c.capsule(
        sx + dir * 2.2 * k,
        y0 - 0.5 * k,
        sx + dir * 2.6 * k,
        y0 - 3 * k,
        0.45 * k + 0.2,
        mat.tusk,
        P.hat,
      );
    }
  if (view === "back") return;
  const cx0 = (x0 + x1) / 2;
  const mh = Math.max(2, Math.round((y1 - eyeY) * 0.8));
  const keepEye = (x: number, y: number) => c.get(x, y) === mat.eye;
  switch (head.snout) {
    case "beak": {
      // a short beak under the eyes, pointing down from the front, forward side-on
      const by = eyeY + (size >= 40 ? 2 : 1);
      const mid = Math.round(cx0);
      if (!side)
        c.poly(
          [
            [mid - px(1.5), by],
            [mid + px(1.5), by],
            [mid, by + px(2.5)],
          ],
          mat.beak,
          P.face,
        );
      else
        c.poly(
          [
            [x1 - px(1), by - px(1)],
            [x1 + px(3), by],
            [x1 - px(1), by + px(1.5)],
          ],
          mat.beak,
          P.face,
        );
      return;
    }
    case "crow": {
      // a crow's beak is as long as its head: pointing down past the chin from the front, a
      // long wedge side-on (a short orange one read as a duck)
      if (!side)
        c.poly(
          [
            [cx0 - px(1.6), eyeY + 1],
            [cx0 + px(1.6), eyeY + 1],
            [cx0 + 0.5, y1 + px(3)],
          ],
          mat.beak,
          P.face,
        );
      else
        c.poly(
          [
            [x1 - px(1), eyeY],
            [x1 + px(6), eyeY + px(2)],
            [x1 - px(1), eyeY + px(3)],
          ],
          mat.beak,
          P.face,
        );
      return;
    }
    case "long": {
      if (side) {
        // the snout sticks out in front, its top sloping down to a dark nose at the tip
        const len = px(4);
        c.rect(x1 - px(1), y1 - mh + 1, x1 + len - 1, y1, mat.muzzle, P.face);
        c.rect(x1 - px(1), y1 - mh, x1 + Math.round(len / 2), y1 - mh, mat.skin, P.face);
        c.rect(x1 + len, y1 - mh + 1, x1 + len, y1 - mh + px(1), mat.hollow, P.face);
        return;
      }
      // from the front: the head narrows at the jaw and a snout runs down from between the
      // eyes, narrowing past the chin to a dark nose (a square muzzle read as a cat's)
      for (let d = 0; d < px(2); d++) {
        c.erase(x0 + d, y1);
        c.erase(x1 - d, y1);
      }
      c.erase(x0, y1 - 1);
      c.erase(x1, y1 - 1);
      const top = eyeY;
      const bottom = y1 + px(2);
      for (let y = top; y <= bottom; y++) {
        const u = (y - top) / Math.max(1, bottom - top);
        const half = Math.max(1, Math.round(hw * (0.2 - 0.1 * u)));
        for (let x = Math.round(cx0) - half; x < Math.round(cx0) + half; x++)
          if (!keepEye(x, y)) c.plot(x, y, mat.muzzle, P.face);
      }
      c.rect(Math.round(cx0) - 1, bottom - px(1) + 1, Math.round(cx0), bottom, mat.hollow, P.face);
      return;
    }
    case "pig": {
      const sw = Math.max(2, Math.round(hw * 0.25));
      if (side) {
        c.rect(x1 - px(1), y1 - mh + 1, x1 + px(2), y1 - 1, mat.muzzle, P.face);
        c.plot(x1 + px(2), y1 - mh + 2, mat.hollow, P.face);
        return;
      }
      const top = Math.min(y1 - px(2), eyeY + 2);
      c.rect(Math.round(cx0 - sw), top, Math.round(cx0 + sw) - 1, top + px(2), mat.muzzle, P.face);
      c.plot(Math.round(cx0 - sw / 2) - 1, top + 1, mat.hollow, P.face);
      c.plot(Math.round(cx0 + sw / 2), top + 1, mat.hollow, P.face);
      return;
    }
    case "face": {
      // a monkey's face: fur all round, a pale heart inside it — a lobe round each eye with a
      // brow of fur between, a broad muzzle below them pushed out past the chin (a face filling
      // the head read as a person's, eval-e)
      const ex = Math.max(1, Math.round(hw * 0.22));
      if (side) {
        for (let y = eyeY - 1; y <= y1; y++)
          for (let x = Math.round(cx0) + 1; x <= x1; x++)
            if (c.get(x, y) >= 0 && !keepEye(x, y)) c.plot(x, y, mat.muzzle, P.face);
        c.rect(x1 + 1, eyeY + px(1.5), x1 + px(1.5), y1, mat.muzzle, P.face);
        c.plot(x1 + px(1.5), eyeY + px(1.5), mat.hollow, P.face);
        return;
      }
      const mid = Math.round(cx0);
      for (const e of [mid - ex - 1, mid + ex])
        for (let y = eyeY - 1; y <= eyeY + 1; y++)
          for (let x = e - 1; x <= e + 1; x++) if (!keepEye(x, y)) c.plot(x, y, mat.muzzle, P.face);
      const mw = Math.max(2, Math.round(hw * 0.3));
      for (let y = eyeY + 1; y <= y1 + px(1); y++)
        for (let x = mid - mw; x < mid + mw; x++) {
          // rounded off at the chin
          if (y > y1 && (x === mid - mw || x === mid + mw - 1)) continue;
          if (!keepEye(x, y)) c.plot(x, y, mat.muzzle, P.face);
        }
      // nostrils (a mouth line under them read as a moustache)
      const ny = Math.min(y1 - 1, eyeY + px(2));
      c.plot(mid - 1, ny, mat.hollow, P.face);
      c.plot(mid, ny, mat.hollow, P.face);
      return;
    }
    case "frog": {
      // eyes that bulge over the crown and a mouth across the whole face
      const ex = Math.max(1, Math.round(hw * 0.22));
      const eyes = side ? [x1 - px(2)] : [Math.round(cx0) - ex - 1, Math.round(cx0) + ex];
      for (const x of eyes) {
        c.ellipse(x + 0.5, y0, px(2), px(1.6), mat.skin, P.hat);
        c.plot(x, y0, mat.eye, P.face);
      }
      const my = y1 - px(2);
      if (side) c.rect(Math.round(cx0), my, x1, my, mat.hollow, P.face);
      else c.rect(x0 + 1, my, x1 - 1, my, mat.hollow, P.face);
      c.rect(side ? Math.round(cx0) : x0 + 1, my + 1, x1 - 1, y1, mat.muzzle, P.face);
      return;
    }
    default: {
      if (!side) {
        const mw = Math.max(2, Math.round(hw * 0.22));
        c.rect(Math.round(cx0 - mw), y1 - mh + 1, Math.round(cx0 + mw) - 1, y1, mat.muzzle, P.face);
        c.rect(
          Math.floor(cx0 - 0.5),
          y1 - mh + 1,
          Math.ceil(cx0 - 0.5),
          y1 - mh + 1,
          mat.hollow,
          P.face,
        );
      } else {
        // profile: the snout sticks out in front of the face
        const len = px(head.ears === "none" ? 1 : 3);
        c.rect(x1 - px(1), y1 - mh + 1, x1 + len, y1, mat.muzzle, P.face);
        c.plot(x1 + len, y1 - mh + 1, mat.hollow, P.face);
      }
    }
  }
}

/**
 * The tail an animal head's row names, out from behind the hips (drawn before the body): from the
 * front it curves out and up beside the legs, side-on it trails behind. `dir` is the screen side
 * it comes out on; `sway` moves it with the frame.
 */
export function drawBeastTail(
  c: SpriteCanvas,
  head: BeastHead,
  mat: Pick<BeastMats, "skin" | "muzzle">,
  part: number,
  hipX: number,
  hipY: number,
  dir: number,
  size: number,
  sway = 0,
): void {
  if (!head.tail) return;
  const k = size / 32;
  const pts: [number, number][] =
    head.tail === "curl"
      ? [
          [0, 0],
          [3, 1],
          [5.5, -1.5],
          [6.5, -5],
          [5.5, -8],
          [3.5, -8.5],
          [3, -6.5],
        ]
      : head.tail === "bushy"
        ? [
            [0, 0],
            [3, 0.5],
            [5.5, -1.5],
            [6.5, -5],
          ]
        : [
            [0, 0],
            [3, 0.5],
            [5, -1.5],
            [5.8, -5],
            [5.2, -7],
          ];
  const at = ([x, y]: [number, number], i: number): [number, number] => [
    hipX + dir * x * k + (i > 1 ? sway * k : 0),
    hipY + y * k,
  ];
  for (let i = 0; i + 1 < pts.length; i++) {
    const [ax, ay] = at(pts[i]!, i);
    const [bx, by] = at(pts[i + 1]!, i + 1);
    const u = i / (pts.length - 1);
    const r =
      head.tail === "bushy"
        ? (0.9 + 1.3 * Math.sin(Math.PI * Math.min(1, u + 0.35))) * k
        : Math.max(0.55, 0.75 * k);
    const tip = head.tail === "bushy" && i === pts.length - 2;
    c.capsule(ax, ay, bx, by, r, tip ? mat.muzzle : mat.skin, part);
  }
}
