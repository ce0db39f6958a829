"use client";

import { useEffect, useState } from "react";
import { type AnimationFrame, type CharacterAnimation, frameSrc } from "@/lib/client/characters";
import { CHARACTER_ACTIONS, type Facing } from "@/lib/vocabulary";
import { modeLabel } from "../gallery/task-params";
import { useI18n } from "../i18n-provider";
import { PixelImage } from "../pixel-image";
import { usePlayback } from "../playback/use-playback";
import { Spinner } from "../ui";
import { useCharacterUi } from "./character-store";

export const readyFrames = (a: CharacterAnimation) =>
  [...a.frames]
    .sort((x, y) => x.index - y.index)
    .filter((f) => f.status === "completed" && !!f.url);

export const takeKey = (animationId: number, index: number) => `${animationId}:${index}`;

/** The frame's PNG, keyed by its take so a re-rolled frame is fetched again. */
export const frameUrl = (animationId: number, f: AnimationFrame, takes: Record<string, number>) =>
  frameSrc(f.url, takes[takeKey(animationId, f.index)])!;

/** Durations of the drawn frames (the animation's own, else the player's fps decides). */
export const durationsOf = (a: CharacterAnimation, frames: AnimationFrame[]) =>
  a.durations_ms.length ? frames.map((f) => a.durations_ms[f.index] ?? 120) : undefined;

function useReducedMotion() {
  const [reduced, setReduced] = useState(false);
  useEffect(() => {
    const mq = window.matchMedia("(prefers-reduced-motion: reduce)");
    setReduced(mq.matches);
    const on = (e: MediaQueryListEvent) => setReduced(e.matches);
    mq.addEventListener("change", on);
    return () => mq.removeEventListener("change", on);
  }, []);
  return reduced;
}

/**
 * The frames of one animation stacked in a box of `side` px (its 1× pixels at an integer zoom);
 * only the frame on screen is visible, so swapping frames never waits for a decode.
 */
export function FrameStack({
  animationId,
  frames,
  index,
  side,
}: {
  animationId: number;
  frames: AnimationFrame[];
  index: number;
  side: number;
}) {
  const takes = useCharacterUi((s) => s.takes);
  return (
    <div className="checkerboard relative shrink-0" style={{ width: side, height: side }}>
      {frames.map((f, i) => (
        <PixelImage
          key={f.index}
          src={frameUrl(animationId, f, takes)}
          alt=""
          fit="fill"
          draggable={false}
          style={{ visibility: i === index ? "visible" : "hidden" }}
        />
      ))}
    </div>
  );
}

function AnimationCell({
  animation,
  size,
  label,
  active,
  onPick,
}: {
  animation: CharacterAnimation;
  size: number;
  label: string;
  active: boolean;
  onPick: (a: CharacterAnimation) => void;
}) {
  const { t } = useI18n();
  const reduced = useReducedMotion();
  const frames = readyFrames(animation);
  const playback = usePlayback({
    count: frames.length,
    durations: durationsOf(animation, frames),
    initialPlaying: true,
  });
  // 1× pixels at an integer zoom: about 96 px a cell, 64 on a phone (the grid scrolls sideways)
  const narrow = typeof window !== "undefined" && window.innerWidth < 640;
  const zoom = Math.max(1, Math.floor((narrow ? 64 : 96) / size));
  const flagged = animation.frames.filter((f) => f.identity?.flagged).length;
  const failed = animation.frames.filter((f) => f.status === "failed").length;
  const busy =
    animation.status === "pending" ||
    animation.status === "processing" ||
    animation.frames.some((f) => f.status === "pending" || f.status === "processing");
  return (
    <button
      type="button"
      onClick={() => onPick(animation)}
      aria-pressed={active}
      aria-label={label}
      title={label}
      data-testid="anim-cell"
      data-action={animation.action}
      data-direction={animation.direction}
      data-status={animation.status}
      data-frame-index={frames.length ? playback.index : -1}
      data-frame-count={frames.length}
      className={`relative flex flex-col items-center rounded-md border-2 p-1 ${active ? "border-indigo-500" : "border-transparent hover:border-zinc-300 dark:hover:border-zinc-700"}`}
    >
      {frames.length ? (
        <FrameStack
          animationId={animation.id}
          frames={frames}
          index={reduced ? 0 : playback.index}
          side={size * zoom}
        />
      ) : (
        <span
          className="checkerboard flex items-center justify-center"
          style={{ width: size * zoom, height: size * zoom }}
        >
          {busy ? <Spinner /> : "✕"}
        </span>
      )}
      {(flagged > 0 || failed > 0) && (
        <span
          className="absolute top-0.5 right-0.5 rounded bg-red-600 px-1 text-[10px] leading-4 font-semibold text-white"
          title={failed ? t("char.failedFrames", { n: failed }) : t("char.drift")}
        >
          {failed || flagged}
        </span>
      )}
      {busy && frames.length > 0 && (
        <span className="absolute top-0.5 left-0.5">
          <Spinner className="size-3" />
        </span>
      )}
    </button>
  );
}

/** Every animation of the shown state on a grid: a row per action, a column per direction. */
export function AnimationGrid({
  animations,
  directions,
  size,
  activeId,
  onPick,
}: {
  animations: CharacterAnimation[];
  directions: Facing[];
  size: number;
  activeId: number | null;
  onPick: (a: CharacterAnimation) => void;
}) {
  const { t } = useI18n();
  const known = CHARACTER_ACTIONS as readonly string[];
  const actions = [
    ...CHARACTER_ACTIONS.filter((a) => animations.some((x) => x.action === a)),
    ...[...new Set(animations.map((a) => a.action))].filter((a) => !known.includes(a)),
  ];
  // the newest animation of a cell wins (animating again replaces what the grid shows)
  const cell = (action: string, d: Facing) =>
    animations
      .filter((a) => a.action === action && a.direction === d)
      .sort((a, b) => b.id - a.id)[0];
  return (
    <div className="overflow-x-auto pb-2">
      <table className="border-separate border-spacing-0.5" data-testid="animation-grid">
        <thead>
          <tr>
            <th scope="col" className="sr-only">
              {t("char.actions")}
            </th>
            {directions.map((d) => (
              <th
                key={d}
                scope="col"
                className="px-1 text-xs font-medium text-zinc-500"
                title={t(`batch.face.${d}`)}
              >
                {t(`char.dir.${d}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {actions.map((action) => (
            <tr key={action} data-action={action}>
              <th
                scope="row"
                className="sticky left-0 z-10 bg-white pr-2 text-left text-sm font-medium whitespace-nowrap dark:bg-zinc-900"
              >
                {modeLabel(t, action)}
              </th>
              {directions.map((d) => {
                const a = cell(action, d);
                return (
                  <td key={d} className="text-center align-middle">
                    {a ? (
                      <AnimationCell
                        animation={a}
                        size={size}
                        active={a.id === activeId}
                        onPick={onPick}
                        label={t("char.cellLabel", {
                          action: modeLabel(t, action),
                          direction: t(`batch.face.${d}`),
                        })}
                      />
                    ) : (
                      <span className="text-zinc-400">{t("char.cellEmpty")}</span>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
