"use client";

import { useEffect, useRef } from "react";

/** Where a key press belongs to the control itself (typing, sliders, buttons, links). */
function ownsKeys(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  return !!target.closest("input, textarea, select, button, a[href], summary, [role='slider']");
}

/**
 * The previewer's keyboard: ← / → step one frame (and pause), Space plays or pauses, from
 * anywhere on the page except where the key already means something (a text field, a slider,
 * a focused button: Space presses that button, as everywhere else).
 */
export function usePlayerKeys(handlers: { step: (delta: 1 | -1) => void; toggle: () => void }) {
  const ref = useRef(handlers);
  ref.current = handlers;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || ownsKeys(e.target)) return;
      if (document.querySelector("dialog[open]")) return;
      if (e.key === "ArrowRight" || e.key === "ArrowLeft") {
        e.preventDefault();
        ref.current.step(e.key === "ArrowRight" ? 1 : -1);
      } else if (e.key === " " || e.code === "Space") {
        e.preventDefault(); // no page scroll
        ref.current.toggle();
      }
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);
}
