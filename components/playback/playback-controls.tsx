"use client";

import { useId } from "react";
import { LOOP_MODES, PLAYBACK_FPS_MAX, PLAYBACK_FPS_MIN } from "@/lib/animation/playback";
import { useI18n } from "../i18n-provider";
import { Button } from "../ui";
import type { Playback } from "./use-playback";

/** ◀ play/pause ▶, an fps slider and loop / ping-pong: the batch previewer's and the editor's. */
export function PlaybackControls({
  playback,
  count,
  label,
  compact = false,
}: {
  playback: Playback;
  count: number;
  /** "Frame 3 of 8" or a facing label, shown between the buttons and the sliders */
  label?: React.ReactNode;
  compact?: boolean;
}) {
  const { t } = useI18n();
  const fpsId = useId();
  const loopName = useId();
  const { playing, fps, loopMode, step, setPlaying, setFps, setLoopMode } = playback;
  return (
    <>
      <div className="flex items-center gap-1">
        <Button
          onClick={() => step(-1)}
          disabled={count < 2}
          aria-label={t("batch.prevFrame")}
          title={`${t("batch.prevFrame")} (←)`}
          data-testid="step-back"
        >
          <span aria-hidden="true">◀︎</span>
        </Button>
        <Button
          variant="primary"
          onClick={() => setPlaying((p) => !p)}
          disabled={count < 2}
          title={`${playing ? t("batch.pause") : t("batch.play")} (${t("batch.spaceKey")})`}
          data-testid="play-toggle"
        >
          <span aria-hidden="true">{playing ? "❚❚" : "▶"}</span>
          {!compact && (playing ? t("batch.pause") : t("batch.play"))}
        </Button>
        <Button
          onClick={() => step(1)}
          disabled={count < 2}
          aria-label={t("batch.nextFrame")}
          title={`${t("batch.nextFrame")} (→)`}
          data-testid="step-forward"
        >
          <span aria-hidden="true">▶︎</span>
        </Button>
      </div>
      {label}
      <div className="flex items-center gap-2">
        <label htmlFor={fpsId} className="text-sm whitespace-nowrap">
          {t("batch.fps", { n: fps })}
        </label>
        <input
          id={fpsId}
          type="range"
          min={PLAYBACK_FPS_MIN}
          max={PLAYBACK_FPS_MAX}
          value={fps}
          onChange={(e) => setFps(Number(e.target.value))}
          className="w-28 accent-indigo-600"
        />
      </div>
      <fieldset className="flex items-center gap-3 text-sm">
        <legend className="sr-only">{t("batch.loop")}</legend>
        {LOOP_MODES.map((m) => (
          <label key={m} className="flex items-center gap-1">
            <input
              type="radio"
              name={`loop-mode-${loopName}`}
              checked={loopMode === m}
              onChange={() => setLoopMode(m)}
              className="accent-indigo-600"
            />
            {m === "loop" ? t("batch.loop") : t("batch.pingpong")}
          </label>
        ))}
      </fieldset>
    </>
  );
}
