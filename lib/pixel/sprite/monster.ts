// Fallback for unknown subjects: a creature assembled from parts. The body silhouette is a
// seeded half-mask (an archetype shape with a noisy rim, smoothed by a majority filter) mirrored
// about the centre column, then eyes (one or two, with pupils and highlights), a toothy mouth,
// optional horns/antennae, side arms, and legs or tentacles that animate on walk.
import type { Rng } from "../prng";
import type { SpriteCanvas } from "./canvas";
import { type Design, hsvPick, Mats, type Pose, pickColor, takeChoice } from "./design";
import type { PromptInfo } from "./prompt";

const P = { limbF: 1, limbN: 2, body: 3, accent: 4, horn: 5, arm: 6, face: 7, fx: 8, armF: 9 };

/**
 * A beholder's takes (issue #20, seeds a person tells apart), in turn by seed: how many eye
 * stalks crown it (fanned over the great eye), with horns on one take.
 */
const BEHOLDER_STALKS = [3, 5, 2, 4] as const;

export function buildMonster(
  info: PromptInfo,
  rng: Rng,
  crng: Rng,
  size: number,
  take = 1,
): Design {
  const k = size / 32;
  const m = new Mats();
  const bodyRgb = pickColor(info, 0, hsvPick(crng), crng, 15);
  const mat = {
    body: m.add(bodyRgb),
    accent: m.add(pickColor(info, 1, hsvPick(crng), crng, 15)),
    belly: m.add(bodyRgb.map((v) => Math.min(255, Math.round(v * 0.6 + 100))) as typeof bodyRgb),
    horn: m.add("#f0e4c4"),
    eye: m.add(crng.pick(["#fff4d0", "#fff4d0", "#f8e040", "#c8f8a0"]), { flat: true }),
    pupil: m.add("#1c1828", { flat: true }),
    glint: m.add("#ffffff", { flat: true }),
    mouth: m.add("#5a1828", { flat: true }),
    tooth: m.add("#ffffff", { flat: true }),
    slash: m.add("#f4f8ff", { flat: true, noOutline: true }),
  };
  // a beholder is a great eyeball: a white sclera round a coloured iris, floating over its
  // shadow (eval-f: "a floating eyeball monster" read as a plain beast)
  const eyeball =
    info.variant === "beholder"
      ? {
          sclera: m.add("#f4f0e8", { flat: true }),
          iris: m.add(crng.pick(["#c83030", "#2f8a3c", "#d89a20", "#3a64c8"]), { flat: true }),
          shadow: m.add("#2c2838", { flat: true, noOutline: true }),
        }
      : undefined;
  const ground = size - 2;
  const hw = Math.max(4, Math.round(rng.range(5, 7.5) * k));
  const hh = Math.max(7, Math.round(rng.range(9, 13) * k));
  const shape = rng.pick(["round", "pear", "tall", "wide"] as const);
  const halfW = (fy: number): number => {
    const e = Math.sqrt(Math.max(0, 1 - (2 * fy - 1) ** 2));
    switch (shape) {
      case "pear":
        return e * (0.55 + 0.45 * fy);
      case "tall":
        return e * (fy < 0.35 ? 0.7 : 0.95);
      case "wide":
        return Math.sqrt(Math.max(0, 1 - Math.abs(2 * fy - 1) ** 3));
      default:
        return e;
    }
  };
  // half-mask: x = 0 is the centre column, mirrored when drawn
  let mask = new Uint8Array(hw * hh);
  for (let y = 0; y < hh; y++)
    for (let x = 0; x < hw; x++) {
      const r = (x + 0.5) / hw / Math.max(0.05, halfW((y + 0.5) / hh));
      const rim = Math.abs(r - 1) < 0.22;
      mask[y * hw + x] = rim ? (rng.chance(0.5) ? 1 : 0) : r < 1 ? 1 : 0;
    }
  const at = (mk: Uint8Array, x: number, y: number) =>
    y < 0 || y >= hh || x >= hw ? 0 : mk[y * hw + (x < 0 ? -1 - x : x)]!;
  for (let it = 0; it < 2; it++) {
    const next = new Uint8Array(mask);
    for (let y = 0; y < hh; y++)
      for (let x = 0; x < hw; x++) {
        let n = 0;
        for (let dy = -1; dy <= 1; dy++)
          for (let dx = -1; dx <= 1; dx++) if (dx || dy) n += at(mask, x + dx, y + dy);
        if (n >= 5) next[y * hw + x] = 1;
        else if (n <= 2) next[y * hw + x] = 0;
      }
    mask = next;
  }
  // the core stays solid so the silhouette never breaks apart
  for (let y = Math.round(hh * 0.2); y < Math.round(hh * 0.9); y++)
    for (let x = 0; x < Math.max(2, hw * 0.5); x++) mask[y * hw + x] = 1;
  const pattern = rng.pick(["belly", "belly", "spots", "none"] as const);
  const spots: [number, number][] = [];
  for (let i = 0; i < 2; i++) spots.push([rng.int(1, hw - 2), rng.int(1, Math.round(hh * 0.7))]);
  // a beholder is one great eye over tentacles; a cyclops one eye on a horned brute
  const beholder = info.variant === "beholder";
  const oneEyed = beholder || info.variant === "cyclops";
  const eyes = oneEyed || rng.chance(0.3) ? 1 : 2;
  const es =
    Math.max(2, Math.round(2 * k)) + (eyes === 1 ? 1 : 0) + (beholder ? Math.round(2 * k) : 0);
  const eyeY = Math.round(hh * rng.range(0.22, 0.34));
  const eyeX = Math.max(1, Math.round(hw * rng.range(0.3, 0.45)));
  const mouthW = Math.max(2, Math.round(hw * rng.range(0.35, 0.6)));
  const teeth = rng.pick(["fangs", "row", "none"] as const);
  const top0 = rng.pick(["horns", "antennae", "none", "horns"] as const);
  const stalks = beholder ? takeChoice(take, BEHOLDER_STALKS) : 0;
  // a beholder is crowned by eye stalks, with horns beside two of them
  const top = beholder ? (stalks === 2 ? "horns" : "none") : top0;
  const limbs = beholder ? "tentacles" : rng.pick(["legs", "legs", "tentacles"] as const);
  // a beholder floats on its tentacles, armless
  const arms = rng.chance(0.65) && !beholder;
  const legH = Math.round((limbs === "tentacles" ? 5 : 4.5) * k + rng.range(0, 1.5) * k);
  // floating: the tentacles hang short of the ground, a gap over a shadow
  const float = eyeball ? Math.max(2, Math.round(3 * k)) : 0;

  const draw = (c: SpriteCanvas, pose: Pose) => {
    const side = pose.view === "side";
    const back = pose.view === "back";
    const atk = pose.attack;
    const cx = Math.round(size / 2) + [0, -1, Math.round(2 * k), 1][atk]!;
    const y0 = ground - float - legH - hh + 2 + pose.bob + (atk === 1 ? 1 : 0);
    const bottom = y0 + hh - 2;
    const sq = side ? 0.72 : 1; // profile: narrower body
    const bx = (x: number) => Math.round(x * sq);
    if (eyeball) {
      const sw = Math.round(hw * sq * 0.8);
      for (let x = -sw; x < sw; x++) c.plot(cx + x, ground, eyeball.shadow, P.fx);
    }
    // mirrored plot about the centre: x >= 0 is the right half
    const sym = (x: number, y: number, mt: number, part: number, tone = -1) => {
      c.plot(cx + x, y, mt, part, tone);
      c.plot(cx - 1 - x, y, mt, part, tone);
    };
    const phase = pose.t * Math.PI * 2;
    // limbs behind the body
    if (limbs === "legs") {
      const hip = Math.max(1.5, hw * 0.45 * sq);
      for (const s of [-1, 1]) {
        const stride = side ? s * pose.stride * 2 * k : 0;
        const lift = pose.lift === s ? Math.max(1, Math.round(1.5 * k)) : 0;
        const hx = cx + (s < 0 ? -hip : hip - 1) + 0.5;
        const fx = hx + stride;
        c.capsule(
          hx,
          bottom - k,
          fx,
          ground - lift - 0.5,
          Math.max(1, 1.3 * k),
          mat.body,
          s < 0 ? P.limbF : P.limbN,
          side && s < 0 ? 1 : -1,
        );
        // feet pointing outward (front) or forward (side)
        const toe = side ? 1 : s;
        c.rect(
          fx - 0.5,
          ground - lift,
          fx - 0.5 + toe * Math.max(1, Math.round(1.5 * k)),
          ground - lift,
          mat.body,
          s < 0 ? P.limbF : P.limbN,
          side && s < 0 ? 1 : -1,
        );
      }
    } else {
      // tentacles: mirrored pairs of wavy chains reaching the ground
      const n = 2;
      for (let i = 0; i < n; i++) {
        const off = (hw * sq * (0.25 + 0.5 * (i / Math.max(1, n - 1)))) | 0;
        for (const s of [-1, 1]) {
          const wave =
            pose.mode === "walk" ? phase + i * 1.7 + (side ? (s > 0 ? Math.PI : 0) : 0) : i;
          let px0 = cx + (s < 0 ? -off - 0.5 : off + 0.5);
          let py0 = bottom - k;
          const segs = 4;
          for (let j = 1; j <= segs; j++) {
            const f = j / segs;
            const amp = Math.sin(wave + j * 0.9) * 1.6 * k * f;
            const px1 = cx + s * (off + 0.5 + f * 1.5 * k + (side ? 0 : amp)) + (side ? amp : 0);
            const py1 = bottom - k + (ground - float - 0.5 - (bottom - k)) * f;
            c.capsule(
              px0,
              py0,
              px1,
              py1,
              Math.max(0.7, (1.4 - 0.6 * f) * k),
              mat.body,
              s < 0 ? P.limbF : P.limbN,
              side && s < 0 ? 1 : -1,
            );
            px0 = px1;
            py0 = py1;
          }
        }
      }
    }
    // horns / antennae
    if (top === "horns")
      for (const s of [-1, 1]) {
        const hx = cx + s * hw * 0.45 * sq + (s < 0 ? -0.5 : 0.5);
        c.capsule(hx, y0 + 2, hx + s * 1.6 * k, y0 - 2 * k, 0.8 * k, mat.horn, P.horn);
        // thin capsules (not Bresenham lines) so the two sides rasterise as exact mirrors
        c.capsule(
          hx + s * 1.6 * k,
          y0 - 2 * k,
          hx + s * 1.2 * k,
          y0 - 3.5 * k,
          0.6,
          mat.horn,
          P.horn,
        );
      }
    else if (top === "antennae")
      for (const s of [-1, 1]) {
        const hx = cx + s * (hw * 0.3 * sq + 0.5);
        const sw = pose.mode === "walk" ? Math.round(Math.sin(phase + s) * k) : 0;
        c.capsule(hx, y0 + 1, hx + s * 2 * k + sw, y0 - 3 * k, 0.6, mat.accent, P.horn);
        c.ellipse(hx + s * 2 * k + sw, y0 - 3 * k, 1 * k, 1 * k, mat.accent, P.horn);
      }
    // eye stalks fanned over the top, each with its own small eye, swaying as it floats
    for (let i = 0; i < stalks; i++) {
      const f = stalks > 1 ? i / (stalks - 1) - 0.5 : 0;
      const bx0 = cx + f * hw * 1.1 * sq;
      const sw = Math.sin(phase + i * 1.3) * 0.6 * k;
      const tx = bx0 + f * 9 * k + sw;
      const ty = y0 - (4.5 - Math.abs(f) * 3) * k;
      c.capsule(bx0, y0 + 2, tx, ty, Math.max(0.6, 0.6 * k), mat.body, P.horn);
      c.ellipse(tx, ty - 0.5 * k, 1.3 * k, 1.3 * k, mat.eye, P.horn);
      c.plot(tx + (side ? 0.5 * k : 0), ty - 0.5 * k, mat.pupil, P.face);
    }
    // body (mirrored mask)
    for (let y = 0; y < hh; y++)
      for (let x = 0; x < hw; x++) {
        if (!mask[y * hw + x]) continue;
        const xx = bx(x);
        sym(xx, y0 + y, mat.body, P.body);
        if (sq < 1 && bx(x + 1) - xx > 1) sym(xx + 1, y0 + y, mat.body, P.body);
      }
    // pattern
    if (!back && pattern === "belly")
      for (let y = Math.round(hh * 0.55); y < hh - 1; y++)
        for (let x = 0; x < hw; x++) {
          const ex = (x + 0.5) / (hw * 0.5);
          const ey = (y - hh * 0.75) / (hh * 0.25);
          if (ex * ex + ey * ey < 1 && mask[y * hw + x] && at(mask, x + 1, y) && at(mask, x, y + 1))
            sym(bx(x) + (side ? 1 : 0), y0 + y, mat.belly, P.accent);
        }
    if (pattern === "spots" || back)
      for (const [sx, sy] of spots)
        if (mask[sy * hw + sx] && at(mask, sx + 1, sy) && at(mask, sx, sy + 1)) {
          sym(bx(sx), y0 + sy, mat.accent, P.accent);
          sym(bx(sx), y0 + sy + 1, mat.accent, P.accent);
        }
    // arms
    if (arms) {
      const ay = y0 + hh * 0.55;
      for (const s of [-1, 1]) {
        const edge = cx + s * (hw * sq - 0.5);
        const reach = s > 0 && atk === 2 ? 5 * k : 0;
        const raise = s > 0 && atk === 1 ? -5 * k : 0;
        const swing = pose.mode === "walk" ? -s * pose.stride * k : 0;
        if (side && s < 0) continue;
        c.capsule(
          edge,
          ay,
          edge + s * 2 * k + reach + swing,
          ay + 4 * k + raise - reach * 0.6,
          Math.max(0.8, 1 * k),
          mat.body,
          P.arm,
        );
        if (!side || s > 0) {
          const hx = edge + s * 2 * k + reach + swing;
          const hy = ay + 4 * k + raise - reach * 0.6;
          c.plot(hx + s * k, hy + k, mat.horn, P.arm);
        }
      }
    }
    if (back) return;
    // eyes: sclera, pupil looking ahead (down/inward, forward in profile), glint
    const ey = y0 + eyeY;
    const eyeAt = (ex: number, dir: number) => {
      c.rect(ex, ey, ex + es - 1, ey + es - 1, mat.eye, P.face);
      const pxp = dir > 0 ? ex + es - 1 : dir < 0 ? ex : ex + ((es - 1) >> 1);
      c.rect(pxp, ey + es - 2, pxp + (es > 2 && dir === 0 ? 1 : 0), ey + es - 1, mat.pupil, P.face);
      if (es >= 3) c.plot(ex, ey, mat.glint, P.face);
    };
    if (eyeball) {
      // a round eyeball, in profile shifted forward, iris and pupil looking ahead
      const r = es / 2 + 0.5;
      const ecx = side ? cx + Math.round(hw * sq) - r - 1 : cx;
      const ecy = ey + es / 2;
      c.ellipse(ecx, ecy, r, r, eyeball.sclera, P.face);
      const ix = ecx + (side ? r * 0.35 : 0);
      c.ellipse(ix, ecy + 0.5, r * 0.55, r * 0.6, eyeball.iris, P.face);
      c.rect(
        Math.round(ix) - 1,
        Math.round(ecy),
        Math.round(ix),
        Math.round(ecy) + 1,
        mat.pupil,
        P.face,
      );
      c.plot(Math.round(ix - r * 0.55), Math.round(ecy - r * 0.5), mat.glint, P.face);
    } else if (side) {
      eyeAt(cx + Math.round(hw * sq) - es - 1, 1);
    } else if (eyes === 1) {
      const ex = cx - Math.ceil(es / 2);
      c.rect(ex, ey, ex + es - 1, ey + es - 1, mat.eye, P.face);
      c.rect(cx - 1, ey + 1, cx, ey + es - 1, mat.pupil, P.face);
      if (es % 2) c.rect(ex + 1, ey + 1, ex + es - 2, ey + es - 1, mat.pupil, P.face);
      c.plot(ex, ey, mat.glint, P.face);
      c.plot(ex + es - 1, ey, mat.glint, P.face);
    } else {
      for (let dy = 0; dy < es; dy++)
        for (let dx = 0; dx < es; dx++) sym(eyeX + dx, ey + dy, mat.eye, P.face);
      for (let dy = es - 2; dy < es; dy++) sym(eyeX, ey + dy, mat.pupil, P.face);
      if (es >= 3) sym(eyeX + es - 1, ey, mat.glint, P.face);
    }
    // mouth with teeth; opens on the strike
    const my = ey + es + Math.max(1, Math.round(k));
    const open = atk === 2 ? 2 : atk === 3 ? 1 : 0;
    const mw = side ? Math.max(2, Math.round(mouthW * 0.6)) : mouthW;
    const mx0 = side ? cx + Math.round(hw * sq) - mw - 1 : 0;
    for (let r = 0; r <= open; r++)
      for (let x = 0; x < mw; x++) {
        if (side) c.plot(mx0 + x, my + r, mat.mouth, P.face);
        else sym(x, my + r, mat.mouth, P.face);
      }
    if (teeth !== "none") {
      const tx =
        teeth === "fangs"
          ? [mw - 1]
          : Array.from({ length: mw }, (_, i) => i).filter((i) => i % 2 === 1);
      for (const x of tx) {
        if (side) c.plot(mx0 + (mw - 1 - x), my, mat.tooth, P.face);
        else sym(x, my, mat.tooth, P.face);
        if (open && teeth === "fangs") {
          if (side) c.plot(mx0 + (mw - 1 - x), my + open, mat.tooth, P.face);
          else sym(x, my + open, mat.tooth, P.face);
        }
      }
    }
    if (atk === 2) {
      const sx = cx + hw * sq + 5 * k;
      for (let i = 0; i < 3; i++)
        c.line(
          sx + i * 1.5 * k,
          y0 + i * 2 * k,
          sx + i * 1.5 * k + 2 * k,
          y0 + hh * 0.6 + i * k,
          mat.slash,
          P.fx,
        );
    }
  };
  return {
    size,
    materials: m.list,
    restView: "front",
    draw,
    takes: beholder ? BEHOLDER_STALKS.length : undefined,
  };
}
