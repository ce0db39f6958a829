// Fallback for unknown subjects: a Bollinger-style mirrored random mask (zfedoran's algorithm,
// reimplemented with a seeded PRNG) on a body with two legs so it can still walk and attack.
import type { Rng } from "../prng";
import type { SpriteCanvas } from "./canvas";
import { type Design, hsvPick, Mats, type Pose, pickColor } from "./design";
import type { PromptInfo } from "./prompt";

export function buildMonster(info: PromptInfo, rng: Rng, crng: Rng, size: number): Design {
  const k = size / 32;
  const m = new Mats();
  const mat = {
    body: m.add(pickColor(info, 0, hsvPick(crng), crng, 15)),
    accent: m.add(pickColor(info, 1, hsvPick(crng), crng, 15)),
    eye: m.add("#fff4d0", { flat: true }),
    pupil: m.add("#1c1828", { flat: true }),
  };
  const hw = Math.round(7 * k);
  const hh = Math.round(16 * k);
  // mask: 0 empty, 1 maybe body, 2 body-or-accent, 3 always body; shaped like a creature
  const cells: number[] = [];
  for (let y = 0; y < hh; y++)
    for (let x = 0; x < hw; x++) {
      const fx = x / hw;
      const fy = y / hh;
      const inside = (fx - 1) ** 2 / 0.9 + (fy - 0.55) ** 2 / 0.32 < 1;
      cells.push(!inside ? 0 : fx > 0.75 ? 3 : rng.chance(0.75) ? (rng.chance(0.25) ? 2 : 1) : 0);
    }
  const horns = rng.chance(0.5);
  const arms = rng.chance(0.7);
  const eyeY = Math.round(hh * rng.range(0.3, 0.5));
  const draw = (c: SpriteCanvas, pose: Pose) => {
    const cx = size / 2 + (pose.attack === 2 ? 2 : pose.attack === 1 ? -1 : 0);
    const ground = size - 2;
    const legH = Math.round(5 * k);
    const top = ground - legH - hh + 1 + pose.bob;
    for (const s of [-1, 1]) {
      const hip = cx + s * 3 * k;
      const foot = hip + (pose.view === "side" ? s * pose.stride * 2 * k : 0);
      const lift = pose.lift === s ? 1 : 0;
      c.capsule(
        hip,
        top + hh - 2,
        foot,
        ground - lift - 0.5,
        1.2 * k,
        mat.body,
        s < 0 ? 1 : 2,
        pose.view === "side" && s < 0 ? 1 : -1,
      );
    }
    const back = pose.view === "back";
    const side = pose.view === "side";
    for (let y = 0; y < hh; y++)
      for (let x = 0; x < hw; x++) {
        const v = cells[y * hw + x]!;
        if (!v) continue;
        const mt = v === 2 && !back ? mat.accent : mat.body;
        const sx = side ? Math.round(x * 0.7 + hw * 0.3) : x;
        c.plot(cx - hw + sx, top + y, mt, 3);
        c.plot(cx + hw - 1 - sx, top + y, mt, 3);
      }
    if (horns)
      for (const s of [-1, 1])
        c.line(cx + s * 3 * k, top + 2, cx + s * 5 * k, top - 3 * k, mat.accent, 4);
    if (arms) {
      const ay = top + hh * 0.55;
      const reach = pose.attack === 2 ? 6 * k : 0;
      c.capsule(cx - hw, ay, cx - hw - 2 * k, ay + 4 * k, 1 * k, mat.body, 5);
      c.capsule(
        cx + hw - 1,
        ay,
        cx + hw + 2 * k + reach,
        ay + (pose.attack === 1 ? -4 * k : 4 * k - reach * 0.5),
        1 * k,
        mat.body,
        5,
      );
    }
    if (!back) {
      const ex = side ? cx + 3 * k : cx - 3 * k;
      for (const x of side ? [ex] : [ex, cx + 2 * k]) {
        c.rect(x - 1, top + eyeY, x, top + eyeY + 1, mat.eye, 6);
        c.plot(x, top + eyeY + 1, mat.pupil, 6);
      }
    }
  };
  return { size, materials: m.list, restView: "front", draw };
}
