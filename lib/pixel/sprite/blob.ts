// Slimes (squash-and-stretch dome) and floating spirits/elementals (flickering flame body).
import type { Rng } from "../prng";
import type { SpriteCanvas } from "./canvas";
import { type Design, Mats, type Pose, pickColor } from "./design";
import type { PromptInfo } from "./prompt";

export function buildBlob(info: PromptInfo, rng: Rng, crng: Rng, size: number): Design {
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
      const rx = w0 + squash * k;
      const ry = h0 - squash * k;
      const hop = pose.mode === "walk" && squash < 0 ? 2 * k : 0;
      const cy = ground + 1 - ry - hop;
      c.ellipse(cx, cy, rx, ry, mat.body, 1);
      c.rect(cx - rx + 1, ground - hop, cx + rx - 2, ground - hop, mat.body, 1);
      c.ellipse(cx - rx * 0.35, cy - ry * 0.35, rx * 0.25, ry * 0.2, mat.core, 2);
      c.plot(cx - rx * 0.5, cy - ry * 0.55, mat.shine, 3);
      if (face !== 2) {
        const ex = cx + (face === 1 ? rx * 0.45 : 0);
        const ey = Math.round(cy + ry * 0.05);
        const eh = size >= 32 ? 2 : 1;
        if (face === 0) {
          c.rect(ex - eyeGap - 1, ey, ex - eyeGap - 1, ey + eh - 1, mat.eye, 4);
          c.rect(ex + eyeGap, ey, ex + eyeGap, ey + eh - 1, mat.eye, 4);
        } else c.rect(ex, ey, ex, ey + eh - 1, mat.eye, 4);
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
  return { size, materials: m.list, restView: "front", draw };
}
