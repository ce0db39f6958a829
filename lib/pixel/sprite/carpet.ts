// A carpet (a rug, a magic carpet): no emoji or game icon draws one (eval-f: "a witch riding a
// magic carpet" lost the carpet), so it is drawn here — a long rug seen from a little above,
// rippling along its length, a gold border round a patterned field and tassels at both ends. A
// flying carpet carries a rider (ridden-things.ts).
import type { Rng } from "../prng";
import type { SpriteCanvas } from "./canvas";
import { type Design, Mats, type Pose, pickColor } from "./design";
import type { PromptInfo } from "./prompt";
import { takeIndex } from "./take-variety";

/** Part ids of a carpet's drawing. */
export const CARPET_PART = { field: 1, border: 2, pattern: 3, tassel: 4 } as const;

/** A take: how far the carpet ripples, and its pattern (a diamond, stripes, or dots). */
const LOOKS = [
  { wave: 1.5, pattern: "diamond" },
  { wave: 2.2, pattern: "stripes" },
  { wave: 1, pattern: "dots" },
  { wave: 2, pattern: "diamond" },
] as const;

export function buildCarpet(info: PromptInfo, _rng: Rng, crng: Rng, size: number, key = 1): Design {
  const k = size / 32;
  const m = new Mats();
  const look = LOOKS[takeIndex(key, LOOKS.length)]!;
  const mat = {
    field: m.add(pickColor(info, 0, crng.pick(["#b8283c", "#8c2c6c", "#2c5cb0"]), crng, 6)),
    border: m.add(info.colors[1] ?? "#e8b830"),
    pattern: m.add(crng.pick(["#3c5cb0", "#f0e0b0", "#2c8c6c"])),
  };
  const draw = (c: SpriteCanvas, pose: Pose) => {
    const len = Math.round(26 * k);
    const depth = Math.round(9 * k);
    const x0 = Math.round((size - len) / 2);
    const top = Math.round(size * 0.5);
    // the ripple travels along the carpet with the frame's time
    const lift = (x: number) =>
      Math.round(Math.sin(((x - x0) / len) * Math.PI * 2 + pose.t * Math.PI * 2) * look.wave * k);
    for (let x = x0; x < x0 + len; x++) {
      const y0 = top + lift(x);
      for (let d = 0; d < depth; d++) {
        const u = x - x0;
        const edge = u < 2 * k || u >= len - 2 * k || d < 1.5 * k || d >= depth - 1.5 * k;
        const cu = u - len / 2;
        const cd = d - depth / 2;
        const inPattern =
          look.pattern === "diamond"
            ? Math.abs(cu) / (len * 0.28) + Math.abs(cd) / (depth * 0.28) <= 1
            : look.pattern === "stripes"
              ? Math.floor(u / (3 * k)) % 3 === 1
              : Math.round(u / k) % 4 === 2 && Math.round(d / k) % 3 === 1;
        const mt = edge ? mat.border : inPattern ? mat.pattern : mat.field;
        c.plot(
          x,
          y0 + d,
          mt,
          edge ? CARPET_PART.border : inPattern ? CARPET_PART.pattern : CARPET_PART.field,
          // the underside of the roll shows darker
          d >= depth - 1 ? 1 : -1,
        );
      }
    }
    // tassels off both short ends
    for (const [x, dir] of [
      [x0 - 1, -1],
      [x0 + len, 1],
    ] as const)
      for (let d = 1; d < depth; d += 2) {
        const y = top + lift(x - dir) + d;
        c.plot(x, y, mat.border, CARPET_PART.tassel);
        c.plot(x + dir, y, mat.border, CARPET_PART.tassel);
      }
  };
  return { size, materials: m.list, restView: "front", draw, takes: LOOKS.length };
}
