"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import {
  advance,
  frameDelay,
  type LoopMode,
  type PlaybackCursor,
  stepIndex,
} from "@/lib/animation/playback";

export interface Playback {
  /** the frame on screen, always within 0..count-1 (0 when empty) */
  index: number;
  playing: boolean;
  fps: number;
  loopMode: LoopMode;
  setIndex: (index: number) => void;
  setPlaying: (playing: boolean | ((p: boolean) => boolean)) => void;
  setFps: (fps: number) => void;
  setLoopMode: (mode: LoopMode) => void;
  /** one frame forward or back; pauses, as in every player */
  step: (delta: 1 | -1) => void;
  toggle: () => void;
}

/**
 * Plays a strip of `count` frames: a timer per frame (so per-frame durations hold), loop or
 * ping-pong, manual steps. The same hook drives the batch previewer and the editor timeline.
 */
export function usePlayback({
  count,
  durations,
  initialFps = 8,
  initialPlaying = true,
}: {
  count: number;
  /** per-frame durations in ms (the editor's frames); without them, 1000 / fps */
  durations?: readonly number[];
  initialFps?: number;
  initialPlaying?: boolean;
}): Playback {
  const [cursor, setCursor] = useState<PlaybackCursor>({ index: 0, direction: 1 });
  const [playing, setPlaying] = useState(initialPlaying);
  const [fps, setFps] = useState(initialFps);
  const [loopMode, setLoopMode] = useState<LoopMode>("loop");
  const durationsRef = useRef(durations);
  durationsRef.current = durations;
  const index = count ? Math.min(cursor.index, count - 1) : 0;

  useEffect(() => {
    if (!playing || count < 2) return;
    const timer = setTimeout(
      () => setCursor((c) => advance(c, count, loopMode)),
      frameDelay(index, fps, durationsRef.current),
    );
    return () => clearTimeout(timer);
  }, [playing, fps, loopMode, count, index]);

  const setIndex = useCallback((i: number) => setCursor((c) => ({ ...c, index: i })), []);
  const step = useCallback(
    (delta: 1 | -1) => {
      if (count === 0) return;
      setPlaying(false);
      setCursor((c) => ({ ...c, index: stepIndex(c.index, delta, count) }));
    },
    [count],
  );
  const toggle = useCallback(() => {
    if (count > 1) setPlaying((p) => !p);
  }, [count]);

  return { index, playing, fps, loopMode, setIndex, setPlaying, setFps, setLoopMode, step, toggle };
}
