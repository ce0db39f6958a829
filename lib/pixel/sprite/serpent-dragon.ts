// An eastern dragon (a Chinese long, a Japanese ryū): no wings, a long serpent body in waves
// with a pale belly and a crest of fins along the back, four small clawed legs, a long snout with
// trailing whiskers, antlers and a mane. Side view: the body swims across the frame (the waves
// travel with the frame phase); front/back: the head on top of a coil seen end-on.
import { mixRgb } from "../color";
import type { Rng } from "../prng";
import type { Rgb } from "../types";
import type { SpriteCanvas } from "./canvas";
import { type Design, Mats, type Pose } from "./design";
import { scaleColor } from "./dragon";
import type { PromptInfo } from "./prompt";

const P = {
  leg: 1,
  body: 2,
  belly: 3,
  fin: 4,
  head: 5,
  horn: 6,
  face: 7,
  whisker: 8,
  mane: 9,
  fx: 10,
};

export function buildSerpentDragon(info: PromptInfo, rng: Rng, crng: Rng, size: number): Design {
  const k = size / 32;
  const m = new Mats();
  // red and gold, jade green, azure: the colours a Chinese dragon is painted in
  const scale = scaleColor(info, crng, ["#d8383c", "#d8383c", "#44b04e", "#3c8ce0", "#e8b830"]);
  const gold: Rgb = [240, 196, 64];
  const mat = {
    scale: m.add(scale),
    belly: m.add(mixRgb(scale, [250, 230, 160], 0.7)),
    fin: m.add(
      info.colors[1] ?? (scale[0] > 200 && scale[1] < 120 ? gold : mixRgb(scale, gold, 0.6)),
    ),
    horn: m.add("#f0e4c4"),
    eye: m.add("#ffd23c", { flat: true }),
    pupil: m.add("#1c1828", { flat: true }),
    mouth: m.add("#7a1c2c", { flat: true }),
    whisker: m.add("#f4e8b0", { flat: true }),
    claw: m.add("#f4f0e0", { flat: true }),
    pearl: m.add("#f0f4ff"),
  };
  const waves = rng.range(1.3, 1.7);
  const amp = rng.range(3.2, 4.2) * k;
  const thick = rng.range(2.2, 2.6) * k;
  const px = (n: number) => Math.max(1, Math.round(n * k));

  /** the spine: head end at u = 0 (right), tail at u = 1 (left) */
  const spine = (u: number, phase: number, mid: number): [number, number] => {
    const x = size * (0.66 - 0.6 * u);
    const y = mid + Math.sin((u * waves + phase) * Math.PI * 2) * amp * (0.5 + 0.5 * u);
    return [x, y];
  };

  const drawSide = (c: SpriteCanvas, pose: Pose) => {
    const phase = pose.mode === "walk" || pose.mode === "idle" ? pose.t : 0;
    const mid = size * 0.64 + pose.bob;
    const N = 28;
    const pts = Array.from({ length: N + 1 }, (_, i) => spine(i / N, phase, mid));
    const r = (u: number) => Math.max(0.6, thick * (1 - 0.75 * u));
    // legs: two at the shoulders, two at the hips, under the body, stepping with the waves
    for (const [u, lift] of [
      [0.18, pose.stride > 0 ? 1 : 0],
      [0.5, pose.stride < 0 ? 1 : 0],
    ] as const) {
      const [x, y] = pts[Math.round(u * N)]!;
      for (const d of [-1.2, 1.2]) {
        const fx = x + d * k;
        const fy = y + r(u) + 2.5 * k - lift;
        c.capsule(fx, y, fx - k, fy, Math.max(0.6, 0.7 * k), mat.scale, P.leg, 1);
        c.plot(fx - k - 1, fy, mat.claw, P.leg);
        c.plot(fx - k + 1, fy, mat.claw, P.leg);
      }
    }
    // body, tail first so the neck lies on top
    for (let i = N; i >= 0; i--) {
      const [x, y] = pts[i]!;
      const rr = r(i / N);
      c.ellipse(x, y, rr + 0.3, rr, mat.scale, P.body);
      if (rr > 1) c.ellipse(x, y + rr * 0.45, rr * 0.8, rr * 0.5, mat.belly, P.belly);
    }
    // the crest of fins along the back
    for (let i = 2; i < N - 2; i += 3) {
      const [x, y] = pts[i]!;
      const rr = r(i / N);
      c.poly(
        [
          [x - 1.2 * k, y - rr + 0.5],
          [x - 0.4 * k, y - rr - 1.6 * k],
          [x + 0.6 * k, y - rr + 0.5],
        ],
        mat.fin,
        P.fin,
      );
    }
    // tail tuft
    const [tx, ty] = pts[N]!;
    c.ellipse(tx - k, ty, 1.6 * k, 1.2 * k, mat.fin, P.fin);
    // head at the front end, above the neck
    const [hx0, hy0] = pts[0]!;
    const hx = hx0 + 2 * k;
    const hy = hy0 - 5 * k;
    // the neck rising from the body to the head
    c.capsule(hx0, hy0, hx - 0.5 * k, hy + k, thick * 0.95, mat.scale, P.body);
    c.capsule(
      hx0 + 0.8 * k,
      hy0 + thick * 0.4,
      hx + 0.3 * k,
      hy + 1.8 * k,
      thick * 0.45,
      mat.belly,
      P.belly,
    );
    // mane behind the head
    for (const [dx, dy] of [
      [-3, -1],
      [-3.5, 1],
      [-2.5, 2.5],
    ])
      c.ellipse(hx + dx * k, hy + dy * k, 1.5 * k, 1.2 * k, mat.fin, P.mane);
    c.ellipse(hx, hy, 3 * k, 2.6 * k, mat.scale, P.head);
    // long snout, the jaw a little open (wide in a strike)
    const open = pose.attack === 2 ? 1.5 * k : 0.5 * k;
    c.rect(hx, hy - 0.5 * k, hx + 5 * k, hy + 1 * k, mat.scale, P.head);
    c.rect(hx + 0.5 * k, hy + 1 * k + open, hx + 4.5 * k, hy + 1.8 * k + open, mat.scale, P.head);
    c.rect(hx + 1 * k, hy + 1 * k + 1, hx + 4.5 * k, hy + 1 * k + open, mat.mouth, P.face);
    c.plot(hx + 5 * k, hy - 0.5 * k, mat.pupil, P.face);
    // eye with its brow
    c.rect(hx + 0.5 * k, hy - 1.2 * k, hx + 1.5 * k, hy - 0.4 * k, mat.eye, P.face);
    c.plot(hx + 1.5 * k, hy - 0.8 * k, mat.pupil, P.face);
    // antlers sweeping back, with a tine
    c.capsule(
      hx - 0.5 * k,
      hy - 2 * k,
      hx - 3.5 * k,
      hy - 5.5 * k,
      0.45 * k + 0.2,
      mat.horn,
      P.horn,
    );
    c.capsule(hx - 2 * k, hy - 3.8 * k, hx - 1 * k, hy - 5.8 * k, 0.35 * k + 0.2, mat.horn, P.horn);
    // whiskers trailing from the snout
    const sway = Math.sin(pose.t * Math.PI * 2) * k;
    c.line(hx + 4.5 * k, hy + 0.5 * k, hx + 7 * k, hy + 3.5 * k + sway, mat.whisker, P.whisker);
    c.line(hx + 3.5 * k, hy + 1.5 * k, hx + 1 * k, hy + 4.5 * k - sway, mat.whisker, P.whisker);
    if (pose.attack === 2) {
      // a breath of flame (or a pearl of light) ahead of the jaw
      c.ellipse(Math.min(size - 3, hx + 7 * k), hy + 1.2 * k, 1.5 * k, 1.2 * k, mat.pearl, P.fx);
    }
  };

  const drawFront = (c: SpriteCanvas, pose: Pose) => {
    const back = pose.view === "back";
    const cx = size / 2;
    const ground = size - 2;
    const phase = pose.t * Math.PI * 2;
    // the coil seen end-on: loops stacked from the ground up, swinging side to side
    const loops = 4;
    for (let i = 0; i < loops; i++) {
      const y = ground - 2.5 * k - i * 3.2 * k + pose.bob * (i / loops);
      const x = cx + Math.sin(phase + i * 1.6) * 3 * k;
      const rr = thick * (1.15 - 0.12 * i);
      c.ellipse(x, y, rr * 2.2, rr, mat.scale, P.body);
      if (!back) c.ellipse(x, y + rr * 0.4, rr * 1.8, rr * 0.45, mat.belly, P.belly);
      c.poly(
        [
          [x - k, y - rr + 0.5],
          [x, y - rr - 1.5 * k],
          [x + k, y - rr + 0.5],
        ],
        mat.fin,
        P.fin,
      );
    }
    const hy = ground - 2.5 * k - loops * 3.2 * k - 1.5 * k;
    // mane, head, antlers
    c.ellipse(cx, hy, 4.2 * k, 2.8 * k, mat.fin, P.mane);
    for (const s of [-1, 1]) {
      c.capsule(
        cx + s * 1.5 * k,
        hy - 2 * k,
        cx + s * 4 * k,
        hy - 5.5 * k,
        0.45 * k + 0.2,
        mat.horn,
        P.horn,
      );
      c.capsule(
        cx + s * 3 * k,
        hy - 4 * k,
        cx + s * 1.8 * k,
        hy - 5.8 * k,
        0.35 * k + 0.2,
        mat.horn,
        P.horn,
      );
    }
    c.ellipse(cx, hy, 3 * k, 2.6 * k, mat.scale, P.head);
    if (back) return;
    // snout towards us: a wide muzzle with nostrils, eyes above, whiskers out to both sides
    c.rect(cx - 2 * k, hy + 0.5 * k, cx + 2 * k - 1, hy + 2.5 * k, mat.scale, P.head);
    c.plot(cx - 1 * k, hy + 1 * k, mat.pupil, P.face);
    c.plot(cx + 1 * k - 1, hy + 1 * k, mat.pupil, P.face);
    c.rect(
      cx - 1.5 * k,
      hy + 2 * k,
      cx + 1.5 * k - 1,
      hy + 2 * k + (pose.attack === 2 ? px(1) : 0),
      mat.mouth,
      P.face,
    );
    for (const s of [-1, 1]) {
      c.rect(
        cx + s * 1.8 * k - (s > 0 ? 1 : 0),
        hy - 1 * k,
        cx + s * 1.8 * k - (s > 0 ? 1 : 0),
        hy - 0.3 * k,
        mat.eye,
        P.face,
      );
      const sway = Math.sin(phase) * k * s;
      c.line(
        cx + s * 2 * k,
        hy + 1.5 * k,
        cx + s * 6 * k,
        hy + 4 * k + sway,
        mat.whisker,
        P.whisker,
      );
    }
  };

  return {
    size,
    materials: m.list,
    restView: "side",
    draw: (c, pose) => (pose.view === "side" ? drawSide(c, pose) : drawFront(c, pose)),
  };
}
