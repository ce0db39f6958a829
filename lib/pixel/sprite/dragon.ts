// Dedicated dragon builder (hand-written). Side view: S-curved neck, long head with snout,
// hinged jaw, brow, slit eye and swept-back horns; bat wings with finger bones and 2–3 tone
// membrane panels that flap; a tapering segmented tail with dorsal spikes and a spade tip;
// four legs walking in diagonal pairs. Front/back views spread both wings.
import { mixRgb } from "../color";
import type { Rng } from "../prng";
import type { Rgb } from "../types";
import type { SpriteCanvas } from "./canvas";
import { type Design, Mats, type Pose, pickColor, takeChoice } from "./design";
import type { PromptInfo } from "./prompt";

const P = {
  wingF: 1,
  legF: 2,
  legF2: 3,
  tail: 4,
  body: 5,
  belly: 6,
  spike: 7,
  neck: 8,
  head: 9,
  snout: 10,
  jaw: 11,
  horn: 12,
  face: 13,
  legN: 14,
  legN2: 15,
  wingN: 16,
  bone: 17,
  fx: 18,
  claw: 19,
  mouth: 20,
};

type V = [number, number];
const rot = (v: V, a: number): V => {
  const c = Math.cos(a);
  const s = Math.sin(a);
  // screen coords (y down): positive angle swings a left-pointing vector upwards
  return [v[0] * c - v[1] * s, v[0] * s + v[1] * c];
};

/**
 * A dragon's scale colour (both builders): the prompt's first colour, else one of `hues` a little
 * off, so seeds differ.
 */
export function scaleColor(info: PromptInfo, crng: Rng, hues: readonly string[]): Rgb {
  return pickColor(info, 0, crng.pick(hues), crng, 10);
}

/**
 * A dragon's takes (issue #20, seeds a person tells apart), in turn by seed: bat wings and swept
 * horns on a raised neck; feathered wings, curved horns, a crest and the head low and forward;
 * wings folded along the back, double horns, the neck tall; broad bat wings, ram horns, a crest
 * and the tail curled up over itself.
 */
const DRAGON_TAKES = [
  { wings: "bat", horns: "swept", neck: 0, crest: false, span: 1, curl: 0 },
  { wings: "feather", horns: "curved", neck: -1, crest: true, span: 1, curl: 0 },
  { wings: "folded", horns: "double", neck: 1, crest: false, span: 1, curl: 0 },
  { wings: "bat", horns: "ram", neck: 0.5, crest: true, span: 1.15, curl: 0.2 },
] as const;

export function buildDragon(info: PromptInfo, rng: Rng, crng: Rng, size: number, take = 1): Design {
  const look = takeChoice(take, DRAGON_TAKES);
  const k = size / 32;
  const m = new Mats();
  const scaleRgb = scaleColor(info, crng, ["#44b04e", "#d8383c", "#3c6ee6", "#8c48cc", "#2cb8b0"]);
  const bellyRgb: Rgb = crng.pick([
    [240, 220, 150],
    [236, 200, 130],
    [226, 226, 200],
  ] as Rgb[]);
  const membraneRgb: Rgb = info.colors[1] ?? mixRgb(scaleRgb, [255, 214, 150], 0.38);
  const icy =
    info.element === "ice" ||
    (!!info.colors[0] &&
      info.element !== "fire" &&
      info.colors[0][2] > info.colors[0][0] + 40 &&
      info.colors[0][2] > info.colors[0][1]);
  const mat = {
    scale: m.add(scaleRgb),
    belly: m.add(bellyRgb),
    membrane: m.add(membraneRgb),
    bone: m.add(mixRgb(scaleRgb, [20, 16, 40], 0.45)),
    spike: m.add(mixRgb(scaleRgb, [20, 16, 40], 0.3)),
    horn: m.add("#f0e4c4"),
    claw: m.add("#f4f0e0", { flat: true }),
    iris: m.add(icy ? "#f8f8ff" : "#ffd23c", { flat: true }),
    pupil: m.add("#1c1828", { flat: true }),
    mouth: m.add("#7a1c2c", { flat: true }),
    tooth: m.add("#ffffff", { flat: true }),
    b0: m.add(icy ? "#5cc8f0" : "#f06424", { flat: true, noOutline: true }),
    b1: m.add(icy ? "#a8f0ff" : "#ffb030", { flat: true, noOutline: true }),
    b2: m.add(icy ? "#ffffff" : "#fff070", { flat: true, noOutline: true }),
    smoke: m.add("#c8c8d0", { flat: true, noOutline: true }),
  };
  const ground = size - 2;
  const bodyRx0 = (5.2 + rng.range(-0.3, 0.6)) * k;
  const bodyRy0 = (3.3 + rng.range(0, 0.7)) * k;
  const legLen0 = (4.4 + rng.range(0, 1)) * k;
  const neckLen0 = rng.range(0.9, 1.15);
  // the horns are the take's; the draw stays so the proportions after it are as they were
  rng.pick(["swept", "swept", "curved", "double"] as const);
  const hornStyle = look.horns;
  const tailCurl0 = rng.range(0.1, 0.22) + look.curl;
  const wingSpan0 = rng.range(0.78, 0.92) * look.span;
  const segs = 6;
  // a baby dragon (the cute words, "baby" among them; "tiny", "small"): a big head on a short
  // neck, a round body, stubby legs and wings (at 16 px the adult's build was a lumpy blob,
  // eval-e). Only words the parse reads: the line says each one
  const baby = info.cute || info.sizeWord === "tiny" || info.sizeWord === "small";
  const hk = baby ? k * 1.5 : k;
  const bodyRx = bodyRx0 * (baby ? 0.8 : 1);
  const bodyRy = bodyRy0 * (baby ? 1.1 : 1);
  const legLen = legLen0 * (baby ? 0.8 : 1);
  const neckLen = neckLen0 * (baby ? 0.85 : 1);
  const wingSpan = wingSpan0 * (baby ? 0.9 : 1);
  /** a tail segment's length */
  const tailSeg = (baby ? 1.5 : 2.1) * k;
  // a baby's short tail curls up behind it, so it shows over the back
  const tailCurl = tailCurl0 + (baby ? 0.18 : 0);
  const limb = Math.max(0.9, 1.25 * k);
  const px = (n: number) => Math.max(1, Math.round(n * k));

  /** wing flap amount: 1 = raised, 0 = level, -1 = swept down */
  const flapOf = (pose: Pose): number => {
    if (pose.attack) return [0, 1, -0.45, 0.25][pose.attack]!;
    if (pose.mode === "idle") return pose.bob ? -0.35 : 0.85;
    if (pose.mode === "walk") return [0.35, 0.55, 0.35, 0.55][Math.round(pose.t * 4) % 4]!;
    return 0.45;
  };

  const drawWingSide = (c: SpriteCanvas, sx: number, sy: number, flap: number, far: boolean) => {
    const a = flap * 0.62 + (far ? 0.22 : 0);
    const span = wingSpan * (far ? 0.9 : 1) * k;
    const S: V = [sx, sy];
    const arm = rot([-2.2 * span, -6 * span], a * 0.6);
    const E: V = [S[0] + arm[0], S[1] + arm[1]];
    const fingers = (
      [
        [-9.5, -1.5],
        [-9, 3.2],
        [-5.5, 6.5],
      ] as V[]
    ).map((f) => rot([f[0] * span, f[1] * span], a));
    const F = fingers.map((f) => [E[0] + f[0], E[1] + f[1]] as V);
    const R: V = [S[0] - 5.5 * k, S[1] + 1.5 * k];
    const wingPart = far ? P.wingF : P.wingN;
    const bone = far ? 1 : 2;
    if (look.wings === "folded") {
      // furled along the back: the wrist over the shoulder, the tip down by the haunch
      const W: V = [sx - 1.5 * k, sy - (3.5 + flap * 0.8) * k];
      const T: V = [sx - 8.5 * k, sy + 0.5 * k];
      c.poly([S, W, T, [sx - 4 * k, sy + 2 * k]], mat.membrane, wingPart, far ? 1 : 2);
      c.capsule(S[0], S[1], W[0], W[1], Math.max(0.7, 0.75 * k), mat.bone, P.bone, bone);
      c.line(W[0], W[1], T[0], T[1], mat.bone, P.bone, bone);
      c.plot(W[0] + 0.5 * k, W[1] - 1, mat.claw, P.claw);
      return;
    }
    if (look.wings === "feather") {
      // feathered: long flight feathers fanned back from the arm, tips apart
      for (let i = 5; i >= 0; i--) {
        const f = i / 5;
        const root: V = [E[0] + (S[0] - E[0]) * f * 0.85, E[1] + (S[1] - E[1]) * f * 0.85];
        const tip: V = [F[0]![0] + (R[0] - F[0]![0]) * f, F[0]![1] + (R[1] - F[0]![1]) * f];
        const tone = far ? 1 : i % 2 ? 2 : 3;
        c.capsule(root[0], root[1], tip[0], tip[1], 1.1 * k, mat.membrane, wingPart, tone);
      }
      c.capsule(S[0], S[1], E[0], E[1], Math.max(0.9, 1.1 * k), mat.membrane, P.bone, bone);
      return;
    }
    const scallop = (p: V, q: V): V => {
      const mx = (p[0] + q[0]) / 2;
      const my = (p[1] + q[1]) / 2;
      return [mx + (E[0] - mx) * 0.22, my + (E[1] - my) * 0.22];
    };
    const tones = far ? [1, 1, 1, 1] : [3, 2, 1, 2];
    const part = far ? P.wingF : P.wingN;
    c.poly([E, F[0]!, scallop(F[0]!, F[1]!), F[1]!], mat.membrane, part, tones[0]);
    c.poly([E, F[1]!, scallop(F[1]!, F[2]!), F[2]!], mat.membrane, part, tones[1]);
    c.poly([E, F[2]!, scallop(F[2]!, R), R], mat.membrane, part, tones[2]);
    c.poly([E, R, S], mat.membrane, part, tones[3]);
    // bones: thick arm, thin fingers, a claw at the wrist
    const bt = far ? 1 : 2;
    c.capsule(S[0], S[1], E[0], E[1], Math.max(0.7, 0.75 * k), mat.bone, P.bone, bt);
    for (const f of F) c.line(E[0], E[1], f[0], f[1], mat.bone, P.bone, bt);
    c.plot(E[0] + 0.5 * k, E[1] - 1, mat.claw, P.claw);
  };

  const drawLeg = (
    c: SpriteCanvas,
    hx: number,
    hy: number,
    fx: number,
    lift: number,
    back: boolean,
    part: number,
    tone: number,
  ) => {
    const fy = ground - lift - limb * 0.5;
    if (back) {
      // haunch + backward-bent hock
      c.ellipse(hx, hy + 0.5 * k, 2.3 * k, 2.6 * k, mat.scale, part, tone);
      const kx = (hx + fx) / 2 - 1.2 * k;
      const ky = (hy + fy) / 2 + 0.8 * k;
      c.capsule(hx, hy + k, kx, ky, limb, mat.scale, part, tone);
      c.capsule(kx, ky, fx, fy, limb * 0.9, mat.scale, part, tone);
    } else c.capsule(hx, hy, fx, fy, limb, mat.scale, part, tone);
    // foot pointing forward, with a claw
    c.rect(fx - limb * 0.6, ground - lift, fx + px(1.6), ground - lift, mat.scale, part, tone);
    c.plot(fx + px(1.6) + 1, ground - lift, mat.claw, P.claw);
  };

  const drawSide = (c: SpriteCanvas, pose: Pose) => {
    // "fire-breathing": the breath burns in every profile frame, flickering with t
    const breathing = info.features.includes("fire breath") && pose.view === "side";
    const atk = pose.attack || (breathing ? 2 : 0);
    const dx = atk === 1 ? -px(1) : atk === 2 ? px(1.5) : 0;
    // a dragon that always breathes stands further left, so the flame has room in front of it
    const bcx = size / 2 - 3.5 * k + dx - (breathing ? 3 * k : 0);
    const bcy = ground - legLen - bodyRy * 0.55 + pose.bob + (atk === 1 ? 1 : 0);
    const flap = flapOf(pose);
    const shX = bcx + bodyRx * 0.1;
    const shY = bcy - bodyRy * 0.75;
    // far wing (peeks above/behind), far legs
    drawWingSide(c, shX + 2 * k, shY - 0.5 * k, flap, true);
    const s = pose.stride * 2 * k;
    const frontX = bcx + bodyRx * 0.55;
    const backX = bcx - bodyRx * 0.5;
    const liftF = pose.lift === -1 ? px(1.5) : 0;
    const liftN = pose.lift === 1 ? px(1.5) : 0;
    // diagonal pairs: near-front + far-back move together, far-front + near-back together
    drawLeg(c, frontX - k, bcy + k, frontX - k - s + (liftF ? k : 0), liftF, false, P.legF, 1);
    drawLeg(c, backX + k, bcy, backX + k + s + (liftN ? k : 0), liftN, true, P.legF2, 1);
    // tail: tapering chain of segments curling up, swaying with the phase
    let tx = bcx - bodyRx * 0.8;
    let ty = bcy + bodyRy * 0.1;
    let ang = Math.PI - 0.45;
    const sway = Math.sin(pose.t * Math.PI * 2) * 0.12;
    const tailPts: [number, number, number][] = [[tx, ty, 1.7 * k]];
    for (let i = 0; i < segs; i++) {
      ang += tailCurl + (i > 2 ? sway : 0) + (atk === 1 ? 0.05 : 0);
      const L = tailSeg;
      tx += Math.cos(ang) * L;
      ty += Math.sin(ang) * L;
      ty = Math.min(ty, ground - 1.2 * k);
      tx = Math.max(tx, 2.2 * k);
      tailPts.push([tx, ty, (1.7 - (1.25 * (i + 1)) / segs) * k]);
    }
    for (let i = 0; i + 1 < tailPts.length; i++) {
      const [ax, ay, ar] = tailPts[i]!;
      const [bx, by] = tailPts[i + 1]!;
      c.capsule(ax, ay, bx, by, Math.max(0.6, ar), mat.scale, P.tail);
    }
    for (let i = 1; i < tailPts.length - 1; i += 2) {
      const [ax, ay, ar] = tailPts[i]!;
      c.poly(
        [
          [ax - 0.9 * k, ay - ar + 0.4],
          [ax - 0.3 * k, ay - ar - 1.6 * k],
          [ax + 0.9 * k, ay - ar + 0.4],
        ],
        mat.spike,
        P.spike,
      );
    }
    const [ex, ey] = tailPts[tailPts.length - 1]!;
    c.poly(
      [
        [ex + 0.6 * k, ey],
        [ex - 1 * k, ey - 1.6 * k],
        [ex - 2.6 * k, ey - 0.2 * k],
        [ex - 1 * k, ey + 1.3 * k],
      ],
      mat.spike,
      P.spike,
    );
    // body + belly plates
    c.ellipse(bcx, bcy, bodyRx, bodyRy, mat.scale, P.body);
    // belly plates: lower band of the body, ridged every 2 px
    for (let y = Math.floor(bcy + bodyRy * 0.3); y <= bcy + bodyRy; y++)
      for (let x = Math.floor(bcx - bodyRx * 0.55); x <= bcx + bodyRx; x++) {
        if (c.get(x, y) !== mat.scale || c.part[c.index(x, y)] !== P.body) continue;
        const ddx = (x + 0.5 - bcx) / (bodyRx - 0.8);
        const ddy = (y + 0.5 - bcy) / (bodyRy - 0.8);
        if (ddx * ddx + ddy * ddy > 1) continue;
        c.plot(x, y, mat.belly, P.belly, (x - Math.round(bcx)) % px(2) === 0 ? 1 : -1);
      }
    // neck + head
    const N0: V = [bcx + bodyRx * 0.6, bcy - bodyRy * 0.35];
    const lean = atk === 1 ? [-1.5 * k, -1 * k] : atk === 2 ? [0, 2 * k] : [0, 0];
    // the take's neck: low and forward (−1) … tall and upright (1)
    const n = look.neck;
    const H: V = [
      N0[0] + (3 + (n < 0 ? -n * 2.5 : -n * 1.5)) * k * neckLen + lean[0]!,
      N0[1] -
        (7 + (n < 0 ? n * 3.5 : n * 2)) * k * neckLen +
        lean[1]! +
        (pose.mode === "idle" ? -pose.bob * 0.0 : 0),
    ];
    const mid: V = [N0[0] + 2.2 * k, (N0[1] + H[1]) / 2 + 0.5 * k];
    // dorsal spikes along back and neck
    for (const [sx0, sy0] of [
      [bcx - bodyRx * 0.45, bcy - bodyRy * 0.92],
      [bcx - bodyRx * 0.05, bcy - bodyRy * 1.02],
      [N0[0] - 0.8 * k, N0[1] - 1.8 * k],
      [mid[0] - 1.2 * k, mid[1] - 1 * k],
    ] as V[])
      c.poly(
        [
          [sx0 - 1.1 * k, sy0 + 0.8],
          [sx0 - 0.8 * k, sy0 - 1.9 * k],
          [sx0 + 1.1 * k, sy0 + 0.8],
        ],
        mat.spike,
        P.spike,
      );
    if (look.crest)
      // a crest of fins in the wing colour, from the skull down the neck
      for (const f of [0, 0.3, 0.6, 0.9]) {
        const x = H[0] - 1 * k + (mid[0] - H[0]) * f * 1.2;
        const y = H[1] - 2 * k + (mid[1] - H[1]) * f * 1.2;
        c.poly(
          [
            [x - 1.3 * k, y + 1.2 * k],
            [x - 1.6 * k, y - 2.6 * k],
            [x + 1.1 * k, y + 1 * k],
          ],
          mat.membrane,
          P.spike,
        );
      }
    c.capsule(N0[0], N0[1], mid[0], mid[1], 2 * k, mat.scale, P.neck);
    c.capsule(mid[0], mid[1], H[0] - 0.5 * k, H[1] + 0.5 * k, 1.6 * k, mat.scale, P.neck);
    // horns behind the skull: each a path from its root in head units (hk), a tapering capsule
    // for each segment with a radius and a 1-px line for the tip segments after them
    const hb: V = [H[0] - 1.2 * hk, H[1] - 1.6 * hk];
    const hornPath = (points: [number, number][], radii: number[]) => {
      for (let i = 1; i < points.length; i++) {
        const [ax, ay] = points[i - 1]!;
        const [bx, by] = points[i]!;
        const a: V = [hb[0] + ax * hk, hb[1] + ay * hk];
        const b: V = [hb[0] + bx * hk, hb[1] + by * hk];
        const r = radii[i - 1];
        if (r === undefined) c.line(a[0], a[1], b[0], b[1], mat.horn, P.horn);
        else c.capsule(a[0], a[1], b[0], b[1], r * hk, mat.horn, P.horn);
      }
    };
    if (hornStyle === "ram")
      // a ram's horn curling back and down beside the skull
      hornPath(
        [
          [0, 0],
          [-2.2, -1.6],
          [-3.4, 0.4],
          [-2, 1.8],
        ],
        [1.1, 0.95],
      );
    else if (hornStyle === "curved")
      hornPath(
        [
          [0, 0],
          [-2.6, -1.6],
          [-3.4, -3.6],
        ],
        [0.75],
      );
    else {
      hornPath(
        [
          [0, 0],
          [-3, -2.2],
          [-4.6, -2.8],
        ],
        [0.7],
      );
      if (hornStyle === "double")
        hornPath(
          [
            [1.4, 0],
            [-0.2, -3],
          ],
          [],
        );
    }
    const open = atk === 2 ? 2.2 * hk : atk === 3 ? 0.8 * hk : 0;
    // lower jaw (hinged at the back of the skull)
    c.poly(
      [
        [H[0] - 1.2 * hk, H[1] + 0.6 * hk],
        [H[0] + 5.2 * hk, H[1] + 1.3 * hk + open],
        [H[0] + 4.6 * hk, H[1] + 2.3 * hk + open],
        [H[0] - 0.6 * hk, H[1] + 2.4 * hk],
      ],
      mat.scale,
      P.jaw,
    );
    if (open) {
      c.poly(
        [
          [H[0] + 0.2 * hk, H[1] + 1 * hk],
          [H[0] + 5.6 * hk, H[1] + 1 * hk],
          [H[0] + 5 * hk, H[1] + 1.2 * hk + open],
          [H[0] + 0.2 * hk, H[1] + 1.6 * hk],
        ],
        mat.mouth,
        P.mouth,
      );
      for (let x = H[0] + 1.5 * hk; x < H[0] + 5.4 * hk; x += px(2)) {
        c.plot(x, H[1] + 1 * hk, mat.tooth, P.mouth);
        c.plot(x + 0.5 * hk, H[1] + 0.9 * hk + open, mat.tooth, P.mouth);
      }
    }
    // skull + upper snout
    c.ellipse(H[0], H[1], 2.9 * hk, 2.3 * hk, mat.scale, P.head);
    c.poly(
      [
        [H[0] + 0.5 * hk, H[1] - 2 * hk],
        [H[0] + 5.2 * hk, H[1] - 0.9 * hk],
        [H[0] + 6.2 * hk, H[1] + 0.2 * hk],
        [H[0] + 5.8 * hk, H[1] + 1.1 * hk],
        [H[0] + 0.5 * hk, H[1] + 1.1 * hk],
      ],
      mat.scale,
      P.snout,
    );
    c.plot(H[0] + 5.1 * hk, H[1] - 0.5 * hk, mat.pupil, P.face);
    // brow ridge + slit eye
    c.line(H[0] - 1.4 * hk, H[1] - 1.8 * hk, H[0] + 1.6 * hk, H[1] - 1.1 * hk, mat.spike, P.face);
    const eyx = Math.round(H[0] + 0.2 * hk);
    const eyy = Math.round(H[1] - 0.7 * hk);
    c.plot(eyx - 1, eyy, mat.iris, P.face);
    c.plot(eyx, eyy, mat.pupil, P.face);
    if (size >= 40 || baby) c.plot(eyx - 1, eyy + 1, mat.iris, P.face);
    if (baby) c.plot(eyx, eyy + 1, mat.pupil, P.face);
    // near legs and near wing in front
    drawLeg(c, frontX, bcy + k, frontX + s + (liftN ? k : 0), liftN, false, P.legN, -1);
    drawLeg(c, backX, bcy, backX - s + (liftF ? k : 0), liftF, true, P.legN2, -1);
    drawWingSide(c, shX, shY, flap, false);
    // breath / smoke
    const mx = H[0] + 6.2 * k;
    const my = H[1] + 1.3 * k + open * 0.5;
    if (atk === 2) {
      // flame cone aimed down-forward: as flat as the canvas allows, then steeper, then shorter,
      // so the whole cone (its widest puff too) stays on the canvas instead of piling up at the
      // edge; outer/mid/core tones
      const far = (a: number, f: number) => {
        const L = (0.6 + 4 * 1.5) * k * f;
        const r = (0.9 + 4 * 0.5) * k * f;
        return mx + Math.cos(a) * L + r <= size - 1.5 && my + Math.sin(a) * L + r * 0.85 <= ground;
      };
      let ang = 0.7;
      let f = 1;
      while (!far(ang, f) && f > 0.45) {
        if (ang < 1.25) ang += 0.05;
        else f -= 0.05;
      }
      for (let i = 0; i < 5; i++) {
        const d = (0.6 + i * 1.5) * k * f;
        const r = Math.max(0.9 * k, (0.9 + i * 0.5) * k * f);
        const bx = mx + Math.cos(ang) * d;
        const by = my + Math.sin(ang) * d;
        c.ellipse(bx, by, r, r * 0.85, mat.b0, P.fx);
        c.ellipse(bx - 0.3 * k, by, r * 0.62, r * 0.5, mat.b1, P.fx);
        if (i > 0) c.ellipse(bx - 0.5 * k, by, r * 0.3, r * 0.25, mat.b2, P.fx);
      }
    } else if (atk === 3 || atk === 1) {
      const n = atk === 3 ? 3 : 1;
      for (let i = 0; i < n; i++)
        c.ellipse(
          H[0] + 5.5 * k + i * 1.5 * k,
          H[1] - 1.8 * k - i * 1.4 * k,
          (0.7 + i * 0.3) * k,
          (0.7 + i * 0.3) * k,
          mat.smoke,
          P.fx,
        );
    }
  };

  const drawFront = (c: SpriteCanvas, pose: Pose, back: boolean) => {
    const cx = size / 2;
    const bcy = ground - legLen * 0.8 - bodyRy + pose.bob;
    const flap = flapOf(pose);
    // wings spread to both sides (behind the body from the front, over it from the back)
    for (const sgn of [-1, 1]) {
      const S: V = [cx + sgn * 2.5 * k, bcy - bodyRy * 0.8];
      const up = flap * 3 * k;
      const E: V = [cx + sgn * 8 * k * wingSpan, bcy - (8 * k + up) * wingSpan];
      const F: V[] = [
        [E[0] + sgn * 5 * k * wingSpan, E[1] + (2 - up * 0.3) * k],
        [E[0] + sgn * 4 * k * wingSpan, E[1] + 6 * k],
        [E[0] + sgn * 1.5 * k, E[1] + 9 * k],
      ];
      const R: V = [cx + sgn * 3.5 * k, bcy + bodyRy * 0.3];
      const tone = back ? [2, 3, 2, 1] : [1, 2, 1, 1];
      const sc = (p: V, q: V): V => [
        (p[0] + q[0]) / 2 + (E[0] - (p[0] + q[0]) / 2) * 0.22,
        (p[1] + q[1]) / 2 + (E[1] - (p[1] + q[1]) / 2) * 0.22,
      ];
      c.poly([E, F[0]!, sc(F[0]!, F[1]!), F[1]!], mat.membrane, P.wingF, tone[0]);
      c.poly([E, F[1]!, sc(F[1]!, F[2]!), F[2]!], mat.membrane, P.wingF, tone[1]);
      c.poly([E, F[2]!, sc(F[2]!, R), R], mat.membrane, P.wingF, tone[2]);
      c.poly([E, R, S], mat.membrane, P.wingF, tone[3]);
      c.capsule(S[0], S[1], E[0], E[1], Math.max(0.7, 0.75 * k), mat.bone, P.bone, 2);
      for (const f of F) c.line(E[0], E[1], f[0], f[1], mat.bone, P.bone, 2);
      c.plot(E[0], E[1] - 1, mat.claw, P.claw);
    }
    // tail: curls out to one side on the ground
    const tsx = back ? 0 : 1;
    c.capsule(
      cx + (back ? 0 : bodyRx * 0.4),
      bcy + bodyRy * 0.5,
      cx + (back ? 2 * k : bodyRx * 0.95),
      ground - k,
      (back ? 1.4 : 1) * k,
      mat.scale,
      P.tail,
    );
    c.capsule(
      cx + (back ? 2 * k : bodyRx * 0.95),
      ground - k,
      cx + (back ? 6 * k : bodyRx * 1.3 + 2 * k),
      ground - 2.5 * k,
      0.8 * k,
      mat.scale,
      P.tail,
    );
    void tsx;
    for (const sgn of [-1, 1]) {
      const hx = cx + sgn * 3 * k;
      c.rect(
        hx - (sgn < 0 ? px(2.2) : 0) - 0.5,
        bcy,
        hx + (sgn > 0 ? px(2.2) : 0) - 0.5,
        ground,
        mat.scale,
        sgn < 0 ? P.legF : P.legN,
      );
      if (!back) {
        c.plot(hx - (sgn < 0 ? px(2.2) : 0), ground, mat.claw, P.claw);
        c.plot(hx + (sgn > 0 ? px(2.2) : 0) - 1, ground, mat.claw, P.claw);
      }
    }
    c.ellipse(cx, bcy, bodyRx * 0.7, bodyRy * 1.15, mat.scale, P.body);
    if (!back) {
      c.ellipse(cx, bcy + bodyRy * 0.15, bodyRx * 0.38, bodyRy * 0.9, mat.belly, P.belly);
      for (let y = Math.round(bcy - bodyRy * 0.4); y < bcy + bodyRy; y += px(2))
        c.rect(cx - bodyRx * 0.25, y, cx + bodyRx * 0.25 - 1, y, mat.belly, P.belly, 1);
    } else
      for (let y = bcy - bodyRy; y < bcy + bodyRy * 0.6; y += 2.4 * k)
        c.poly(
          [
            [cx - 1.1 * k, y + k],
            [cx, y - 1.2 * k],
            [cx + 1.1 * k, y + k],
          ],
          mat.spike,
          P.spike,
        );
    // neck + head
    const hcy = bcy - bodyRy - (baby ? 2.6 * hk : 3.2 * hk);
    c.capsule(cx, bcy - bodyRy * 0.5, cx, hcy, 2 * hk, mat.scale, P.neck);
    const top = hcy - 2.6 * hk;
    for (const sgn of [-1, 1]) {
      c.capsule(
        cx + sgn * 1.8 * hk,
        top + 1.2 * hk,
        cx + sgn * 3.4 * hk,
        top - 1.2 * hk,
        0.7 * hk,
        mat.horn,
        P.horn,
      );
      c.line(
        cx + sgn * 3.4 * hk,
        top - 1.2 * hk,
        cx + sgn * 3.8 * hk,
        top - 3.2 * hk,
        mat.horn,
        P.horn,
      );
    }
    c.ellipse(cx, hcy, 3.2 * hk, 2.8 * hk, mat.scale, P.head);
    if (!back) {
      // muzzle facing the viewer, nostrils, two eyes with brows
      c.ellipse(cx, hcy + 1.6 * hk, 2.2 * hk, 1.5 * hk, mat.scale, P.snout);
      c.plot(cx - 1.2 * hk, hcy + 1.3 * hk, mat.pupil, P.face);
      c.plot(cx + 1.2 * hk - 1, hcy + 1.3 * hk, mat.pupil, P.face);
      const ex = Math.max(1, Math.round(1.7 * hk));
      const ey = Math.round(hcy - 0.9 * hk);
      c.plot(cx - ex - 1, ey, mat.iris, P.face);
      c.plot(cx - ex, ey, mat.pupil, P.face);
      c.plot(cx + ex, ey, mat.iris, P.face);
      c.plot(cx + ex - 1, ey, mat.pupil, P.face);
      c.plot(cx - ex - 1, ey - 1, mat.spike, P.face);
      c.plot(cx + ex, ey - 1, mat.spike, P.face);
    }
  };

  const draw = (c: SpriteCanvas, pose: Pose) => {
    if (pose.view === "side") drawSide(c, pose);
    else drawFront(c, pose, pose.view === "back");
  };
  return {
    size,
    materials: m.list,
    restView: "side",
    draw,
    headParts: [P.head, P.snout, P.jaw, P.horn, P.face],
    takes: DRAGON_TAKES.length,
  };
}
