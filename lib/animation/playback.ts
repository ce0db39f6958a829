// Frame playback shared by the batch previewer and the editor timeline: which frame comes next
// (loop or ping-pong) and how long each frame stays on screen (a per-frame duration wins over
// the global fps). Pure, so the players only schedule timers.

export const LOOP_MODES = ["loop", "pingpong"] as const;
export type LoopMode = (typeof LOOP_MODES)[number];

export const PLAYBACK_FPS_MIN = 1;
export const PLAYBACK_FPS_MAX = 24;

/** Where the player is: the frame shown and which way ping-pong is travelling. */
export interface PlaybackCursor {
  index: number;
  direction: 1 | -1;
}

/** The frame after `cursor` in a strip of `count` frames. */
export function advance(cursor: PlaybackCursor, count: number, mode: LoopMode): PlaybackCursor {
  if (count < 2) return { index: 0, direction: 1 };
  const cur = Math.min(Math.max(0, cursor.index), count - 1);
  if (mode === "loop") return { index: (cur + 1) % count, direction: 1 };
  let direction = cursor.direction;
  let next = cur + direction;
  if (next >= count || next < 0) {
    direction = direction === 1 ? -1 : 1;
    next = cur + direction;
  }
  return { index: Math.max(0, Math.min(count - 1, next)), direction };
}

/** One manual step forward or back, wrapping around. */
export function stepIndex(index: number, delta: number, count: number): number {
  if (count <= 0) return 0;
  const cur = Math.min(Math.max(0, index), count - 1);
  return (((cur + delta) % count) + count) % count;
}

/**
 * How long frame `index` stays on screen, in ms: its own duration when the strip has one
 * (the editor's frames, Aseprite's per-frame durations), else 1000 / fps.
 */
export function frameDelay(index: number, fps: number, durations?: readonly number[]): number {
  const own = durations?.[index];
  if (own && own > 0) return own;
  const f = Math.min(PLAYBACK_FPS_MAX * 4, Math.max(PLAYBACK_FPS_MIN, fps || PLAYBACK_FPS_MIN));
  return 1000 / f;
}
