// Marks that say a being's state where its own rig cannot: "asleep" is a "z" floating over the
// head (the animal rig also lies down and shuts its eyes). Found from the drawn canvas, so any rig
// or borrowed drawing takes it.
import type { SpriteCanvas } from "./canvas";
import type { Mood } from "./person-words";

/** Part id of the sleep "z" (capes are 50–51, a worn backpack 52–53). */
export const SLEEP_PART = 58;

/** The box of the cells whose part is one of `parts`, else of everything drawn. */
function headBox(c: SpriteCanvas, parts: readonly number[] | undefined) {
  let box: { x0: number; x1: number; y0: number } | undefined;
  for (const pass of [true, false]) {
    for (let y = 0; y < c.h; y++)
      for (let x = 0; x < c.w; x++) {
        const i = y * c.w + x;
        if (c.mat[i]! < 0) continue;
        if (pass && !parts?.includes(c.part[i]!)) continue;
        if (!box) box = { x0: x, x1: x, y0: y };
        else {
          box.x0 = Math.min(box.x0, x);
          box.x1 = Math.max(box.x1, x);
        }
      }
    if (box) return box;
  }
  return undefined;
}

/** A "Z" of side n (top bar, diagonal, bottom bar) with its top-left corner at (x, y). */
function zed(c: SpriteCanvas, x: number, y: number, n: number, mat: number): void {
  for (let i = 0; i < n; i++) {
    c.plot(x + i, y, mat, SLEEP_PART, 2);
    c.plot(x + i, y + n - 1, mat, SLEEP_PART, 2);
    c.plot(x + n - 1 - i, y + i, mat, SLEEP_PART, 2);
  }
}

/**
 * Two z's rising from above the head, the larger nearer: over the head's far side when there is
 * room to its right (a side view faces right), else to its left. `headParts` are the rig's head
 * part ids; without them the top of the drawing stands for the head.
 */
export function drawSleepZ(
  c: SpriteCanvas,
  mat: number,
  headParts: readonly number[] | undefined,
  t = 0,
): void {
  const head = headBox(c, headParts);
  if (!head) return;
  const k = Math.max(1, Math.round(c.w / 32));
  // a z under 4 cells is a bar over a dot over a bar: it reads as an I, not a Z
  const big = 5 * k;
  const small = 4 * k;
  // the z's drift up a pixel on alternate frames
  const drift = Math.round(t * 2) % 2;
  const right = head.x1 + 1 + big + small <= c.w - 1;
  const x = right ? head.x1 - k : Math.max(0, head.x0 - big - small + k);
  const y = Math.max(small + 1, head.y0 - big - drift);
  zed(c, x, y, big, mat);
  zed(c, right ? x + big + 1 : Math.max(0, x - small - 1), Math.max(0, y - small - 1), small, mat);
}

/** Part id of a mood's mark beside the head (an anger vein, a sweat drop, a tear). */
export const MOOD_PART = 59;

/** The manga anger vein, the sweat drop and the falling tear, as the person's face draws them. */
const MOOD_MARKS: Partial<Record<Mood, readonly string[]>> = {
  angry: [".X.X.", "XX.XX", ".....", "XX.XX", ".X.X."],
  scared: [".X.", "XXX", "XXX", ".X."],
  sad: [".X", "XX", "XX"],
};

/**
 * A mood's mark beside a being's head (person-words.ts' moods on a being that is not a person):
 * the anger vein (red) and the sweat drop (water) high by the head's back, the tear (water) low
 * by its face, kept inside the frame. Any rig or borrowed drawing takes it.
 */
export function drawMoodMark(
  c: SpriteCanvas,
  mood: Mood,
  mats: { red: number; water: number },
  headParts: readonly number[] | undefined,
): void {
  const rows = MOOD_MARKS[mood];
  const head = headBox(c, headParts);
  if (!rows || !head) return;
  const u = Math.max(1, Math.round(c.w / 32));
  const w = rows[0]!.length * u;
  const h = rows.length * u;
  const m = mood === "angry" ? mats.red : mats.water;
  // the vein and the drop above the head's back corner; the tear beside its front, lower down
  const room = head.x1 + 1 + w <= c.w - 1;
  const x0 =
    mood === "sad"
      ? room
        ? head.x1 + u
        : Math.max(0, head.x0 - w - u)
      : room
        ? head.x1 - u
        : Math.max(0, head.x0 - w + u);
  const y0 = mood === "sad" ? head.y0 + 3 * u : head.y0 - h;
  const x = Math.max(0, Math.min(c.w - 1 - w, x0));
  const y = Math.max(0, Math.min(c.h - 1 - h, y0));
  rows.forEach((row, j) => {
    [...row].forEach((ch, i) => {
      if (ch === "X")
        c.rect(x + i * u, y + j * u, x + i * u + u - 1, y + j * u + u - 1, m, MOOD_PART, 2);
    });
  });
}

/** Part id of a headless body's neck stump. */
export const STUMP_PART = 60;

/**
 * Takes a being's head off ("headless", 无头: eval-f drew the Headless Horseman with a horse's
 * head): the cells of its head parts are erased and the collar under them closes on a dark red
 * stump, so the missing head reads as cut off, not as a drawing that ran out of room.
 */
export function behead(c: SpriteCanvas, headParts: readonly number[], stump: number): void {
  let x0 = c.w;
  let x1 = -1;
  const lowest = new Map<number, number>();
  for (let i = 0; i < c.w * c.h; i++) {
    if (c.mat[i]! < 0 || !headParts.includes(c.part[i]!)) continue;
    const x = i % c.w;
    const y = (i / c.w) | 0;
    x0 = Math.min(x0, x);
    x1 = Math.max(x1, x);
    lowest.set(x, Math.max(lowest.get(x) ?? -1, y));
    c.mat[i] = -1;
    c.part[i] = 0;
    c.tone[i] = -1;
  }
  if (x1 < 0) return;
  // the stump: the middle of the neck, on the body's top under where the head was
  const mid = (x0 + x1) / 2;
  const half = Math.max(1, Math.round((x1 - x0 + 1) / 6));
  for (let x = Math.round(mid - half); x < Math.round(mid + half); x++) {
    let y = (lowest.get(x) ?? -1) + 1;
    while (y < c.h && c.mat[y * c.w + x]! < 0) y++;
    if (y >= c.h) continue;
    c.plot(x, y - 1, stump, STUMP_PART);
  }
}
