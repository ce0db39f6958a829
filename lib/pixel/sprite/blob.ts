// Slimes (squash-and-stretch dome) and floating spirits/elementals (flickering flame body).
import type { Rng } from "../prng";
import type { SpriteCanvas } from "./canvas";
import { type Design, Mats, type Pose, pickColor, takeChoice } from "./design";
import type { PromptInfo } from "./prompt";

/**
 * A slime's takes (issue #20, seeds a person tells apart): a dome, a tall drop, a flat puddle, a
 * dome with a crown of goo spikes; each with its own face. Seeds take them in turn.
 */
const SLIME_TAKES = [
  { shape: "dome", face: "dots" },
  { shape: "drop", face: "happy" },
  { shape: "flat", face: "angry" },
  { shape: "crown", face: "open" },
] as const;

/** Each take shape's body radii against the dome's: [width, height]. */
const SHAPE_SCALE: Record<(typeof SLIME_TAKES)[number]["shape"], [number, number]> = {
  dome: [1, 1],
  drop: [0.8, 0.85],
  flat: [1.3, 0.62],
  crown: [1.2, 1.12],
};

export function buildBlob(info: PromptInfo, rng: Rng, crng: Rng, size: number, take = 1): Design {
  if (info.variant === "wisp") return buildWisp(info, crng, size, take);
  const k = size / 32;
  const m = new Mats();
  const spirit = info.kind === "spirit";
  const fire = info.element === "fire" || (spirit && !info.colors.length);
  const base = pickColor(
    info,
    0,
    spirit
      ? fire
        ? "#f06424"
        : "#8cdcf4"
      : crng.pick(["#44b04e", "#3c6ee6", "#f078b4", "#8c48cc"]),
    crng,
    12,
  );
  const mat = {
    body: m.add(base),
    core: m.add(
      spirit
        ? fire
          ? "#ffd040"
          : "#e8f8ff"
        : (base.map((v) => Math.min(255, v + 70)) as [number, number, number]),
    ),
    tip: m.add(spirit ? (fire ? "#fff4a0" : "#ffffff") : "#ffffff", { flat: true }),
    eye: m.add("#1c1828", { flat: true }),
    shine: m.add("#ffffff", { flat: true }),
    fx: m.add(spirit ? "#fff070" : "#ffffff", { flat: true, noOutline: true }),
  };
  const ground = size - 2;
  const w0 = (spirit ? 6 : 9 + rng.range(0, 2)) * k;
  const h0 = (spirit ? 9 : 8 + rng.range(0, 2)) * k;
  const eyeGap = rng.range(2, 3.2) * k;
  const flick = rng.int(0, 1000);
  const { shape, face: mood } = takeChoice(take, SLIME_TAKES);

  const draw = (c: SpriteCanvas, pose: Pose) => {
    const cx = size / 2 + (pose.attack === 1 ? -1 : pose.attack === 2 ? 3 * k : 0);
    let face = pose.view === "front" ? 0 : pose.view === "side" ? 1 : 2;
    if (pose.view === "back") face = 2;
    if (!spirit) {
      // squash/stretch: walk = hop cycle, idle = breathe
      const squash =
        pose.mode === "walk"
          ? [1, -1, 1, 0][Math.round(pose.t * 4) % 4]!
          : pose.bob
            ? 1
            : pose.attack === 1
              ? 2
              : pose.attack === 2
                ? -2
                : 0;
      const hop = pose.mode === "walk" && squash < 0 ? 2 * k : 0;
      // the take's shape: a puddle is broad and low, a drop narrow with a pointed top, a crowned
      // king slime big (drawn the dome's size it was the dome with spikes: seeds 1 and 4 alike)
      const [fw, fh] = SHAPE_SCALE[shape];
      const rx = (w0 + squash * k) * fw;
      const ry = (h0 - squash * k) * fh;
      const cy = ground + 1 - ry - hop;
      if (shape === "drop") {
        const lean = Math.sin(pose.t * Math.PI * 2) * k;
        c.poly(
          [
            [cx - rx * 0.8, cy - ry * 0.3],
            [cx + lean, cy - ry - 5 * k],
            [cx + rx * 0.8, cy - ry * 0.3],
          ],
          mat.body,
          1,
        );
      }
      if (shape === "crown")
        // a crown of five goo spikes, the middle one tallest
        for (const i of [-2, -1, 0, 1, 2])
          c.poly(
            [
              [cx + i * rx * 0.38 - rx * 0.2, cy - ry * 0.7],
              [cx + i * rx * 0.4, cy - ry - (3.5 - Math.abs(i)) * k],
              [cx + i * rx * 0.38 + rx * 0.2, cy - ry * 0.7],
            ],
            mat.body,
            1,
          );
      c.ellipse(cx, cy, rx, ry, mat.body, 1);
      c.rect(cx - rx + 1, ground - hop, cx + rx - 2, ground - hop, mat.body, 1);
      if (shape === "flat")
        // the puddle's rim spreads on the ground
        c.rect(cx - rx - k, ground - hop, cx + rx + k - 1, ground - hop, mat.body, 1);
      c.ellipse(cx - rx * 0.35, cy - ry * 0.35, rx * 0.25, ry * 0.2, mat.core, 2);
      c.plot(cx - rx * 0.5, cy - ry * 0.55, mat.shine, 3);
      if (face !== 2) {
        const ex = cx + (face === 1 ? rx * 0.45 : 0);
        const ey = Math.round(cy + ry * (shape === "flat" ? -0.2 : 0.05));
        const eh = size >= 32 ? 2 : 1;
        const eyes = face === 0 ? [ex - eyeGap - 1, ex + eyeGap] : [ex];
        for (const x of eyes) {
          c.rect(x, ey, x, ey + eh - 1, mat.eye, 4);
          // happy: a glint in each eye
          if (mood === "happy") c.plot(x, ey, mat.shine, 4);
        }
        const my = ey + eh + 1;
        if (mood === "angry")
          for (const x of eyes) {
            // brows slanting down to the middle, and a fang
            const inward = face === 0 && x < ex ? 1 : -1;
            c.plot(x - inward, ey - 2, mat.eye, 4);
            c.plot(x, ey - 1, mat.eye, 4);
          }
        if (mood === "angry" && pose.attack !== 2) {
          c.rect(ex - k, my, ex + k, my, mat.eye, 4);
          c.plot(ex + k, my + 1, mat.shine, 4);
        }
        if (mood === "happy" && pose.attack !== 2) {
          // a smile
          c.plot(ex - 1.5 * k, my, mat.eye, 4);
          c.rect(ex - k, my + 1, ex + k - 1, my + 1, mat.eye, 4);
          c.plot(ex + 1.5 * k - 1, my, mat.eye, 4);
        }
        if (mood === "open" && pose.attack !== 2) {
          // an open mouth with a tongue
          c.ellipse(ex, my + 1.2 * k, 1.6 * k, 1.3 * k, mat.eye, 4);
          c.plot(ex, my + 2 * k, mat.core, 4);
        }
        if (pose.attack === 2) c.rect(ex - k, ey + eh + 1, ex + k, ey + eh + 1, mat.eye, 4);
      }
      if (pose.attack === 2)
        for (let i = 0; i < 3; i++) c.plot(cx + rx + 2 + i * 2, ground - h0 + i * 3, mat.fx, 5);
      return;
    }
    // spirit: tapering flame body that flickers every frame, floating above the ground
    const float = pose.bob
      ? 1
      : pose.mode === "walk"
        ? [0, 1, 0, 1][Math.round(pose.t * 4) % 4]!
        : 0;
    const top = ground - 2 * h0 - 6 * k + float;
    const hcy = top + 5 * k;
    const fr =
      Math.round(pose.t * 8) + (pose.attack ? pose.attack * 3 : 0) + (pose.view === "back" ? 5 : 0);
    for (let y = Math.floor(top - 3 * k); y <= ground - 3 * k + float; y++) {
      const f = (y - top) / (ground - top);
      const wob = Math.sin(y * 0.9 + fr * 1.7 + flick) * 1.1 * k;
      const half =
        f < 0.35 ? w0 * Math.sqrt(Math.max(0, f + 0.05) / 0.4) : w0 * (1 - (f - 0.35) * 1.2);
      if (half <= 0.3) continue;
      const inner = half * 0.55;
      for (let x = Math.floor(cx - half + wob); x <= cx + half + wob; x++)
        c.plot(x, y, mat.body, 1);
      for (let x = Math.floor(cx - inner + wob); x <= cx + inner + wob; x++)
        c.plot(x, y, mat.core, 2);
    }
    // flame licks on top
    for (let i = -1; i <= 1; i++) {
      const lx = cx + i * w0 * 0.5 + Math.sin(fr + i * 2) * k;
      c.capsule(
        lx,
        top + 2 * k,
        lx + Math.sin(fr * 1.3 + i) * k,
        top - (3 + (i === 0 ? 3 : 0)) * k,
        0.8 * k,
        mat.body,
        1,
      );
    }
    // arms
    const armY = hcy + 6 * k;
    const reach = pose.attack === 2 ? 7 * k : pose.attack === 1 ? -1 * k : 0;
    c.capsule(
      cx - w0 + k,
      armY,
      cx - w0 - 2 * k,
      armY + 3 * k - (pose.attack === 1 ? 5 * k : 0),
      1.1 * k,
      mat.body,
      3,
    );
    c.capsule(
      cx + w0 - k,
      armY,
      cx + w0 + 2 * k + reach,
      armY + (pose.attack === 2 ? 0 : 3 * k),
      1.1 * k,
      mat.body,
      3,
    );
    if (pose.attack === 2)
      c.ellipse(Math.min(size - 4, cx + w0 + 5 * k + reach), armY, 2 * k, 1.6 * k, mat.tip, 6);
    if (face !== 2) {
      const eh = size >= 32 ? 2 : 1;
      const ey = Math.round(hcy + k);
      if (face === 0) {
        c.rect(cx - 3 * k, ey, cx - 3 * k, ey + eh - 1, mat.eye, 4);
        c.rect(cx + 2 * k, ey, cx + 2 * k, ey + eh - 1, mat.eye, 4);
      } else c.rect(cx + 2.5 * k, ey, cx + 2.5 * k, ey + eh - 1, mat.eye, 4);
    }
  };
  return { size, materials: m.list, restView: "front", draw, takes: SLIME_TAKES.length };
}

/**
 * A will-o'-the-wisp's takes: one light in its halo; a teardrop trailing a wisp of itself; a
 * little cluster of three; a light with a four-point glint. Seeds take them in turn.
 */
const WISP_TAKES = ["orb", "trail", "cluster", "glint"] as const;

/**
 * A will-o'-the-wisp, a fairy light: a small floating glow — a white core in a coloured light,
 * a dithered halo round it that breathes with the frame, a few sparks — not a flame elemental
 * with arms and a face (eval-e). It hovers mid-frame and drifts as it "walks".
 */
function buildWisp(info: PromptInfo, crng: Rng, size: number, take: number): Design {
  const k = size / 32;
  const m = new Mats();
  const base = pickColor(info, 0, crng.pick(["#5cc8f0", "#6cf0c0", "#8cb4ff"]), crng, 10);
  const pale = base.map((v) => Math.round(v + (255 - v) * 0.55)) as [number, number, number];
  const mat = {
    halo: m.add(base, { flat: true, noOutline: true }),
    glow: m.add(pale, { noOutline: true }),
    core: m.add("#ffffff", { flat: true, noOutline: true }),
    spark: m.add(pale, { flat: true, noOutline: true }),
  };
  const look = takeChoice(take, WISP_TAKES);
  const phase = crng.int(0, 7);
  const draw = (c: SpriteCanvas, pose: Pose) => {
    const f = Math.round(pose.t * 8) + phase + (pose.attack ?? 0) * 3;
    const drift =
      pose.mode === "walk" ? [0, -1, -2, -1][Math.round(pose.t * 4) % 4]! * k : pose.bob ? -k : 0;
    const cx = size / 2 + (pose.attack === 2 ? 2 * k : 0);
    const cy = size * 0.46 + drift;
    const breathe = f % 2 ? 0.6 * k : 0;
    /** a light: a dithered halo, the glow, the white core and its shine */
    const light = (x: number, y: number, r: number, part: number) => {
      const R = r * 1.75 + breathe + (pose.attack === 2 ? k : 0);
      for (let yy = Math.floor(y - R); yy <= y + R; yy++)
        for (let xx = Math.floor(x - R); xx <= x + R; xx++) {
          const d = Math.hypot(xx + 0.5 - x, yy + 0.5 - y);
          // the halo thins towards its edge: every other cell, then every fourth
          if (d <= R && d > r && ((xx + yy + f) % 2 === 0 || d < r + 0.8 * k))
            if (d < r + (R - r) * 0.6 || (xx + 2 * yy + f) % 4 === 0)
              c.plot(xx, yy, mat.halo, part + 1);
        }
      c.ellipse(x, y, r, r, mat.glow, part);
      c.ellipse(x, y, r * 0.5, r * 0.5, mat.core, part);
    };
    if (look === "cluster") {
      light(cx - 4 * k, cy + 2.5 * k, 3 * k, 1);
      light(cx + 4.5 * k, cy + 4 * k, 2.4 * k, 1);
      light(cx + 1 * k, cy - 4 * k, 2.6 * k, 1);
    } else if (look === "trail") {
      // a tail of light curling down and away behind it, thinning to a point
      for (let i = 1; i <= 7; i++) {
        const u = i / 7;
        const tx = cx - Math.sin(u * 2.2 + f * 0.3) * 3 * k - u * 2 * k;
        const ty = cy + u * 9 * k;
        c.ellipse(tx, ty, (1 - u) * 2.4 * k + 0.4, (1 - u) * 2.4 * k + 0.4, mat.glow, 3);
      }
      light(cx, cy, 4 * k, 1);
    } else {
      light(cx, cy, 4.4 * k, 1);
      if (look === "glint") {
        const L = (6.5 + (f % 2)) * k;
        c.line(cx - L, cy, cx + L, cy, mat.core, 3);
        c.line(cx, cy - L, cx, cy + L, mat.core, 3);
      }
    }
    // sparks drifting round it, in other places every frame
    for (let i = 0; i < 3; i++) {
      const a = (f * 0.9 + i * 2.1) % (Math.PI * 2);
      const d = (7 + ((f + i) % 3)) * k;
      c.plot(cx + Math.cos(a) * d, cy + Math.sin(a) * d * 0.8, mat.spark, 5);
    }
  };
  return { size, materials: m.list, restView: "front", draw, takes: WISP_TAKES.length };
}
