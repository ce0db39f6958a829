"use client";

import { useEffect, useState } from "react";
import type { Task } from "@/lib/client/types";
import { previewFrames } from "@/lib/vocabulary";

/** What a frame needs to be shown (a full task or a batch list's frame). */
export type LoopFrame = Pick<
  Task,
  "id" | "status" | "image_path" | "completed_at" | "updated_at"
> & {
  batch_index?: number | null;
};

/** The frames a batch's preview shows for its mode (lib/vocabulary previewFrames). */
export function previewOf<F extends LoopFrame>(mode: string | null | undefined, frames: F[]): F[] {
  const wanted = previewFrames(mode);
  if (!wanted) return frames;
  const picked = frames.filter((f) => f.batch_index != null && wanted.includes(f.batch_index));
  return picked.length ? picked : frames;
}

import { PixelImage } from "../pixel-image";
import { versioned } from "../task-card";

/**
 * A tiny looping preview of a batch's completed frames (all frames stay mounted, only the
 * visible one changes, so there is no decode flicker). Holds still on the first frame when the
 * person asked for reduced motion.
 */
export function SpriteLoop({
  frames,
  fps = 8,
  size = 64,
  label,
}: {
  frames: LoopFrame[];
  fps?: number;
  /** px, or "fill" to fill a positioned parent (gallery cards). */
  size?: number | "fill";
  label: string;
}) {
  const ready = frames.filter((f) => f.status === "completed" && f.image_path);
  const n = ready.length;
  const [index, setIndex] = useState(0);
  const [still, setStill] = useState(false);

  useEffect(() => {
    const mq = window.matchMedia("(prefers-reduced-motion: reduce)");
    setStill(mq.matches);
    const on = (e: MediaQueryListEvent) => setStill(e.matches);
    mq.addEventListener("change", on);
    return () => mq.removeEventListener("change", on);
  }, []);

  useEffect(() => {
    if (still || n < 2) return;
    const timer = setInterval(() => setIndex((i) => (i + 1) % n), 1000 / fps);
    return () => clearInterval(timer);
  }, [still, n, fps]);

  if (n === 0) return null;
  const shown = Math.min(index, n - 1);
  return (
    <div
      role="img"
      aria-label={label}
      title={label}
      data-testid="sprite-loop"
      data-frame-index={shown}
      data-frame-count={n}
      className={
        size === "fill"
          ? "absolute inset-0"
          : "checkerboard relative shrink-0 overflow-hidden rounded-md border border-zinc-200 dark:border-zinc-700"
      }
      style={size === "fill" ? undefined : { width: size, height: size }}
    >
      {ready.map((f, i) => (
        <PixelImage
          key={f.id}
          src={versioned(f, f.image_path)!}
          alt=""
          draggable={false}
          style={{ visibility: i === shown ? "visible" : "hidden" }}
        />
      ))}
    </div>
  );
}
