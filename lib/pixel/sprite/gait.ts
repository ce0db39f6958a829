// Quadruped walk cycle, shared by every four-legged rig (animal.ts today; the characters
// feature's 4/8-direction walkers next). A walk is a trot-like cycle in diagonal pairs: the near
// front leg moves with the far back leg, the far front with the near back, half a cycle apart.
// The pair that swings forward is lifted; the body drops on the contact frames (both pairs
// planted, legs spread) and the head nods against it; the tail swings with the cycle.
// Pure numbers in logical pixels, so any view (side, front, back, three-quarter) can place them.

export type Leg = "frontNear" | "frontFar" | "backNear" | "backFar";

export const DIAGONAL_PAIRS: readonly [readonly [Leg, Leg], readonly [Leg, Leg]] = [
  ["frontNear", "backFar"],
  ["frontFar", "backNear"],
];

export interface FootPose {
  /** forward offset of the foot from under its hip (+ = the way the animal walks) */
  dx: number;
  /** height of the foot above the ground (0 = planted) */
  lift: number;
}

export interface QuadrupedFrame {
  feet: Record<Leg, FootPose>;
  /** body drop (+ = down) */
  bob: number;
  /** head offset relative to the body (− = up): the head counters the body's drop */
  headDy: number;
  /** tail swing, −1…1 */
  tail: number;
}

export interface GaitOptions {
  /** half the distance a foot travels, logical px */
  stride: number;
  /** how high a swinging foot rises, logical px */
  lift: number;
  /** how far the body drops on contact frames, logical px */
  bob?: number;
}

/** The pose of the cycle at `phase` (0…1; 0 = contact with the near-front pair forward). */
export function quadrupedGait(phase: number, o: GaitOptions): QuadrupedFrame {
  const a = (((phase % 1) + 1) % 1) * Math.PI * 2;
  const swing = Math.cos(a);
  const rising = Math.sin(a);
  const pairA = { dx: swing * o.stride, lift: Math.max(0, -rising) * o.lift };
  const pairB = { dx: -swing * o.stride, lift: Math.max(0, rising) * o.lift };
  const round = (f: FootPose): FootPose => ({
    dx: Math.round(f.dx * 2) / 2,
    lift: Math.round(f.lift),
  });
  const contact = Math.abs(swing) > 0.7;
  const bob = contact ? (o.bob ?? 1) : 0;
  return {
    feet: {
      frontNear: round(pairA),
      backFar: round(pairA),
      frontFar: round(pairB),
      backNear: round(pairB),
    },
    bob,
    headDy: contact ? -Math.min(1, bob) : 0,
    tail: rising,
  };
}
