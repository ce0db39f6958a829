"use client";
// A sound with its waveform drawn (SVG bars from the file's own samples) and a play button.
// WAVs are read directly (16-bit PCM, what local/sfx writes); other formats go through the
// browser's decoder.

import { useEffect, useRef, useState } from "react";
import { useT } from "./i18n-provider";

const BARS = 96;

/** Where a task's first sound is served (the generations API's result.audios[0]). */
export function taskAudioUrl(taskId: number): string {
  return `/api/v1/task/${taskId}/files/audio/0`;
}

/** Peak |amplitude| per bar of a 16-bit PCM WAV, or undefined when the bytes are not one. */
function wavPeaks(buf: ArrayBuffer, bars: number): number[] | undefined {
  const v = new DataView(buf);
  const tag = (o: number) =>
    String.fromCharCode(v.getUint8(o), v.getUint8(o + 1), v.getUint8(o + 2), v.getUint8(o + 3));
  if (buf.byteLength < 44 || tag(0) !== "RIFF" || tag(8) !== "WAVE") return undefined;
  let o = 12;
  let channels = 1;
  let bits = 16;
  while (o + 8 <= buf.byteLength) {
    const id = tag(o);
    const size = v.getUint32(o + 4, true);
    if (id === "fmt ") {
      channels = v.getUint16(o + 10, true);
      bits = v.getUint16(o + 22, true);
    } else if (id === "data") {
      if (bits !== 16) return undefined;
      const frames = Math.floor(Math.min(size, buf.byteLength - o - 8) / 2 / channels);
      return peaksOf(frames, bars, (i) => v.getInt16(o + 8 + i * 2 * channels, true) / 32768);
    }
    o += 8 + size + (size % 2);
  }
  return undefined;
}

function peaksOf(n: number, bars: number, at: (i: number) => number): number[] {
  const out: number[] = [];
  for (let b = 0; b < bars; b++) {
    const from = Math.floor((b * n) / bars);
    const to = Math.max(from + 1, Math.floor(((b + 1) * n) / bars));
    let peak = 0;
    for (let i = from; i < to && i < n; i++) peak = Math.max(peak, Math.abs(at(i)));
    out.push(peak);
  }
  return out;
}

async function loadPeaks(src: string): Promise<number[]> {
  const res = await fetch(src, { credentials: "same-origin" });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  const buf = await res.arrayBuffer();
  const direct = wavPeaks(buf, BARS);
  if (direct) return direct;
  const ctx = new OfflineAudioContext(1, 1, 44_100);
  const audio = await ctx.decodeAudioData(buf);
  const data = audio.getChannelData(0);
  return peaksOf(data.length, BARS, (i) => data[i]!);
}

export function AudioPlayer({
  src,
  label,
  compact = false,
}: {
  src: string;
  label: string;
  compact?: boolean;
}) {
  const t = useT();
  const audio = useRef<HTMLAudioElement>(null);
  const [peaks, setPeaks] = useState<number[] | null>(null);
  const [failed, setFailed] = useState(false);
  const [state, setState] = useState<"idle" | "playing" | "paused" | "ended">("idle");
  const [progress, setProgress] = useState(0);

  useEffect(() => {
    let live = true;
    loadPeaks(src).then(
      (p) => live && setPeaks(p),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [src]);

  useEffect(() => {
    if (state !== "playing") return;
    let frame = 0;
    const tick = () => {
      const a = audio.current;
      if (a?.duration) setProgress(a.currentTime / a.duration);
      frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
  }, [state]);

  const toggle = () => {
    const a = audio.current;
    if (!a) return;
    if (a.paused) {
      a.currentTime = state === "ended" ? 0 : a.currentTime;
      a.play().catch(() => setFailed(true));
    } else a.pause();
  };

  const max = peaks ? Math.max(0.05, ...peaks) : 1;
  const height = compact ? 48 : 96;
  return (
    <div
      className={`flex items-center gap-2 ${compact ? "" : "rounded-lg border border-zinc-200 p-3 dark:border-zinc-800"}`}
      data-testid="audio-player"
      data-state={state}
      data-peaks={peaks?.length ?? 0}
    >
      <button
        type="button"
        onClick={toggle}
        className="flex size-9 shrink-0 items-center justify-center rounded-full bg-indigo-600 text-white hover:bg-indigo-500 focus-visible:outline-2 focus-visible:outline-indigo-500"
        aria-label={`${state === "playing" ? t("audio.pause") : t("audio.play")}: ${label}`}
        data-testid="audio-play"
      >
        <span aria-hidden="true">{state === "playing" ? "❚❚" : "▶"}</span>
      </button>
      <svg
        viewBox={`0 0 ${BARS * 3} ${height}`}
        preserveAspectRatio="none"
        className="h-12 min-w-0 flex-1"
        style={{ height: compact ? 40 : 72 }}
        role="img"
        aria-label={t("audio.waveform")}
        data-testid="waveform"
      >
        {(peaks ?? Array.from({ length: BARS }, () => 0)).map((p, i) => {
          const h = Math.max(1, (p / max) * (height - 4));
          const played = i / BARS < progress;
          return (
            <rect
              key={i}
              x={i * 3}
              y={(height - h) / 2}
              width={2}
              height={h}
              className={played ? "fill-indigo-500" : "fill-zinc-400 dark:fill-zinc-500"}
            />
          );
        })}
      </svg>
      {failed && <span className="text-xs text-red-600">{t("audio.loadFailed")}</span>}
      {/* biome-ignore lint/a11y/useMediaCaption: 8-bit sound effects have no words to caption */}
      <audio
        ref={audio}
        src={src}
        preload="auto"
        onPlay={() => setState("playing")}
        onPause={() => setState((s) => (s === "ended" ? s : "paused"))}
        onEnded={() => {
          setState("ended");
          setProgress(1);
        }}
      />
    </div>
  );
}
