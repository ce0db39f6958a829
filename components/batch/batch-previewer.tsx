"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useId, useMemo, useRef, useState } from "react";
import { keys, useBatch } from "@/hooks/use-api";
import { api } from "@/lib/client/api";
import type { Task } from "@/lib/client/types";
import { useI18n } from "../i18n-provider";
import { PixelImage } from "../pixel-image";
import { TaskThumb, versioned } from "../task-card";
import { Button, cardClass, ErrorText, Loading, Spinner, StatusBadge } from "../ui";

type LoopMode = "loop" | "pingpong";
const DIRECTIONS = ["front", "back", "left", "right"] as const;

export function BatchPreviewer({ id }: { id: number }) {
  const { t } = useI18n();
  const batch = useBatch(id);
  const qc = useQueryClient();
  const ids = { fps: useId(), zoom: useId() };
  const [playing, setPlaying] = useState(true);
  const [fps, setFps] = useState(8);
  const [loopMode, setLoopMode] = useState<LoopMode>("loop");
  const [zoom, setZoom] = useState<number | null>(null);
  const [onion, setOnion] = useState(false);
  const [index, setIndex] = useState(0);
  const [natural, setNatural] = useState<{ w: number; h: number } | null>(null);
  const direction = useRef(1);

  const frames: Task[] = useMemo(
    () =>
      [...(batch.data?.tasks ?? [])].sort((a, b) => (a.batch_index ?? 0) - (b.batch_index ?? 0)),
    [batch.data],
  );
  const ready = frames.filter((f) => f.status === "completed" && f.image_path);
  const n = ready.length;
  const current = n ? ready[Math.min(index, n - 1)] : undefined;
  const previous = n > 1 ? ready[(Math.min(index, n - 1) - 1 + n) % n] : undefined;

  // Logical pixel size of a frame: the image's size divided by its integer scale.
  const scale = current?.scale || batch.data?.batch.scale || 1;
  const fullW = current?.width ?? natural?.w ?? null;
  const fullH = current?.height ?? natural?.h ?? null;
  const logical =
    fullW && fullH
      ? { w: Math.max(1, Math.round(fullW / scale)), h: Math.max(1, Math.round(fullH / scale)) }
      : null;
  const target = typeof window === "undefined" ? 320 : Math.min(320, window.innerWidth - 96);
  const autoZoom = logical
    ? Math.min(16, Math.max(1, Math.floor(target / Math.max(logical.w, logical.h))))
    : 8;
  const z = zoom ?? autoZoom;

  useEffect(() => {
    if (!playing || n < 2) return;
    const timer = setInterval(() => {
      setIndex((i) => {
        const cur = Math.min(i, n - 1);
        if (loopMode === "loop") return (cur + 1) % n;
        let next = cur + direction.current;
        if (next >= n || next < 0) {
          direction.current = -direction.current;
          next = cur + direction.current;
        }
        return Math.max(0, Math.min(n - 1, next));
      });
    }, 1000 / fps);
    return () => clearInterval(timer);
  }, [playing, fps, loopMode, n]);

  const reroll = useMutation({
    mutationFn: (frameIndex: number) => api.regenerateFrame(id, frameIndex),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.batch(id) }),
  });

  if (batch.isPending) return <Loading />;
  if (batch.error) {
    const status = (batch.error as { status?: number }).status;
    return (
      <div className="space-y-3">
        <ErrorText
          error={status === 404 ? t("batch.notFound") : batch.error}
          onRetry={() => batch.refetch()}
        />
        <Link href="/batches" className="text-sm text-indigo-600 underline dark:text-indigo-400">
          ← {t("batch.list")}
        </Link>
      </div>
    );
  }
  const { batch: b, completed_count, failed_count, total_count } = batch.data;
  const mode = b.mode ?? "random";
  const exportBase = `/api/v1/batch/${id}`;
  const boxW = logical ? logical.w * z : 320;
  const boxH = logical ? logical.h * z : 320;
  const shownIndex = current ? Math.min(index, n - 1) : -1;

  return (
    <div data-testid="batch-previewer" data-batch-id={id} data-status={b.status}>
      <div className="mb-4 flex flex-wrap items-center justify-between gap-2">
        <Link href="/batches" className="text-sm text-indigo-600 underline dark:text-indigo-400">
          ← {t("batch.list")}
        </Link>
        <StatusBadge status={b.status} />
      </div>
      <h1 className="text-2xl font-bold">{t("batch.title", { id })}</h1>
      <p className="mt-1 mb-4 text-sm text-zinc-600 dark:text-zinc-300">
        <span className="font-medium">{mode}</span> · {b.prompt}
      </p>
      <p className="mb-4 text-xs text-zinc-500" aria-live="polite">
        {t("batch.progress", {
          done: completed_count + failed_count,
          total: total_count || b.requested_count,
        })}
        {failed_count > 0 && ` · ${failed_count} ${t("status.failed")}`}
      </p>

      <div className="grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <section className={`${cardClass} min-w-0 p-3`} aria-label="Player">
          <div className="flex min-h-[340px] items-center justify-center overflow-auto rounded-md bg-zinc-100 p-2 dark:bg-zinc-950">
            <div
              data-testid="player"
              data-frame-index={shownIndex}
              data-frame-count={n}
              data-playing={playing && n > 1 ? "true" : "false"}
              className="checkerboard relative shrink-0"
              style={{ width: boxW, height: boxH }}
              role="img"
              aria-label={
                current ? t("batch.frameOf", { n: shownIndex + 1, total: n }) : t("batch.waiting")
              }
            >
              {onion && previous && previous !== current && (
                <PixelImage
                  src={versioned(previous, previous.image_path)!}
                  alt=""
                  fit="fill"
                  className="opacity-35"
                  draggable={false}
                />
              )}
              {/* All frames stay mounted so swapping is instant (no decode flicker). */}
              {ready.map((f, i) => (
                <PixelImage
                  key={f.id}
                  fit="fill"
                  src={versioned(f, f.image_path)!}
                  alt=""
                  draggable={false}
                  onLoad={(e) => {
                    if (!natural)
                      setNatural({
                        w: e.currentTarget.naturalWidth,
                        h: e.currentTarget.naturalHeight,
                      });
                  }}
                  style={{ visibility: i === shownIndex ? "visible" : "hidden" }}
                />
              ))}
              {!current && (
                <div className="absolute inset-0 flex items-center justify-center gap-2 text-sm text-zinc-600">
                  <Spinner /> {t("batch.waiting")}
                </div>
              )}
            </div>
          </div>

          <div className="mt-3 flex flex-wrap items-center gap-x-4 gap-y-2">
            <Button
              variant="primary"
              onClick={() => setPlaying((p) => !p)}
              disabled={n < 2}
              data-testid="play-toggle"
            >
              <span aria-hidden="true">{playing ? "❚❚" : "▶"}</span>
              {playing ? t("batch.pause") : t("batch.play")}
            </Button>
            <span
              className="text-sm tabular-nums text-zinc-600 dark:text-zinc-300"
              data-testid="frame-label"
            >
              {current ? t("batch.frameOf", { n: shownIndex + 1, total: n }) : "—"}
            </span>
            <div className="flex items-center gap-2">
              <label htmlFor={ids.fps} className="text-sm whitespace-nowrap">
                {t("batch.fps", { n: fps })}
              </label>
              <input
                id={ids.fps}
                type="range"
                min={1}
                max={24}
                value={fps}
                onChange={(e) => setFps(Number(e.target.value))}
                className="w-28 accent-indigo-600"
              />
            </div>
            <div className="flex items-center gap-2">
              <label htmlFor={ids.zoom} className="text-sm whitespace-nowrap">
                {t("batch.zoom", { n: z })}
              </label>
              <input
                id={ids.zoom}
                type="range"
                min={1}
                max={16}
                value={z}
                onChange={(e) => setZoom(Number(e.target.value))}
                className="w-28 accent-indigo-600"
              />
            </div>
            <fieldset className="flex items-center gap-3 text-sm">
              <legend className="sr-only">{t("batch.loop")}</legend>
              {(["loop", "pingpong"] as const).map((m) => (
                <label key={m} className="flex items-center gap-1">
                  <input
                    type="radio"
                    name="loop-mode"
                    checked={loopMode === m}
                    onChange={() => setLoopMode(m)}
                    className="accent-indigo-600"
                  />
                  {m === "loop" ? t("batch.loop") : t("batch.pingpong")}
                </label>
              ))}
            </fieldset>
            <label className="flex items-center gap-1.5 text-sm">
              <input
                type="checkbox"
                checked={onion}
                onChange={(e) => setOnion(e.target.checked)}
                className="size-4 accent-indigo-600"
              />
              {t("batch.onion")}
            </label>
          </div>
        </section>

        <aside className="space-y-4">
          {mode === "directions" && (
            <section className={`${cardClass} p-3`} aria-labelledby="compass-title">
              <h2 id="compass-title" className="mb-2 text-sm font-semibold">
                {t("batch.compass")}
              </h2>
              <div
                className="mx-auto grid w-52 grid-cols-3 grid-rows-3 gap-1"
                data-testid="compass"
              >
                {DIRECTIONS.map((d, i) => {
                  const frame = frames[i];
                  const pos = {
                    back: "col-start-2 row-start-1",
                    left: "col-start-1 row-start-2",
                    right: "col-start-3 row-start-2",
                    front: "col-start-2 row-start-3",
                  }[d];
                  const readyIdx = frame ? ready.indexOf(frame) : -1;
                  return (
                    <button
                      key={d}
                      type="button"
                      disabled={readyIdx < 0}
                      onClick={() => {
                        setPlaying(false);
                        setIndex(readyIdx);
                      }}
                      aria-pressed={readyIdx === shownIndex}
                      className={`${pos} flex flex-col items-center gap-0.5 rounded border p-1 text-[11px] ${readyIdx === shownIndex ? "border-indigo-500" : "border-zinc-200 dark:border-zinc-700"}`}
                    >
                      {frame ? (
                        <TaskThumb task={frame} eager badge={false} />
                      ) : (
                        <span className="aspect-square w-full" />
                      )}
                      {t(`batch.dir.${d}` as "batch.dir.front")}
                    </button>
                  );
                })}
                <span
                  className="col-start-2 row-start-2 flex items-center justify-center text-2xl text-zinc-400"
                  aria-hidden="true"
                >
                  ✣
                </span>
              </div>
            </section>
          )}

          <section className={`${cardClass} p-3`} aria-labelledby="export-title">
            <h2 id="export-title" className="mb-2 text-sm font-semibold">
              {t("batch.exports")}
            </h2>
            <div className="grid grid-cols-2 gap-2 text-sm">
              <ExportLink
                href={`${exportBase}/animation.gif?fps=${fps}`}
                name={`batch_${id}_${mode}.gif`}
                disabled={n === 0}
              >
                {t("batch.exportGif")}
              </ExportLink>
              <ExportLink
                href={`${exportBase}/download`}
                name={`batch_${id}_${mode}.zip`}
                disabled={n === 0}
              >
                {t("batch.exportZip")}
              </ExportLink>
              <ExportLink
                href={`${exportBase}/sheet.png`}
                name={`batch_${id}_${mode}_sheet.png`}
                disabled={n === 0}
              >
                {t("batch.exportSheet")}
              </ExportLink>
              <ExportLink
                href={`${exportBase}/sheet.json`}
                name={`batch_${id}_${mode}_sheet.json`}
                disabled={n === 0}
              >
                {t("batch.exportAtlas")}
              </ExportLink>
            </div>
            {n > 0 && (
              <div className="mt-3">
                <p className="mb-1 text-xs text-zinc-500">{t("batch.exportFrames")}</p>
                <div className="flex flex-wrap gap-1.5">
                  {ready.map((f) => (
                    <a
                      key={f.id}
                      href={f.image_path!}
                      download={`${mode}_${f.batch_index}.png`}
                      className="rounded border border-zinc-300 px-2 py-0.5 text-xs hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
                    >
                      {mode}_{f.batch_index}.png
                    </a>
                  ))}
                </div>
              </div>
            )}
          </section>
        </aside>
      </div>

      <section className="mt-6" aria-labelledby="strip-title">
        <h2 id="strip-title" className="mb-2 text-lg font-semibold">
          {t("batch.frames")}
        </h2>
        {reroll.error && <ErrorText error={reroll.error} />}
        <ol className="flex gap-3 overflow-x-auto pb-2" data-testid="frame-strip">
          {frames.map((f) => {
            const readyIdx = ready.indexOf(f);
            const frameNo = f.batch_index ?? frames.indexOf(f) + 1;
            return (
              <li key={f.id} className="w-32 shrink-0 sm:w-40" data-frame={frameNo}>
                <button
                  type="button"
                  onClick={() => {
                    if (readyIdx < 0) return;
                    setPlaying(false);
                    setIndex(readyIdx);
                  }}
                  aria-label={t("batch.frameOf", { n: frameNo, total: frames.length })}
                  aria-current={readyIdx === shownIndex ? "true" : undefined}
                  className={`block w-full rounded-md border-2 ${readyIdx === shownIndex ? "border-indigo-500" : "border-transparent"}`}
                >
                  <TaskThumb task={f} eager />
                </button>
                <Button
                  className="mt-1 w-full text-xs"
                  disabled={reroll.isPending || f.status === "pending" || f.status === "processing"}
                  onClick={() => reroll.mutate(frameNo)}
                >
                  {reroll.isPending && reroll.variables === frameNo && <Spinner />}
                  {t("batch.reroll", { n: frameNo })}
                </Button>
              </li>
            );
          })}
        </ol>
      </section>
    </div>
  );
}

function ExportLink({
  href,
  name,
  disabled,
  children,
}: {
  href: string;
  name: string;
  disabled?: boolean;
  children: React.ReactNode;
}) {
  if (disabled) {
    return (
      <span
        aria-disabled="true"
        className="rounded-md border border-zinc-200 px-2 py-1.5 text-center text-zinc-400 dark:border-zinc-800"
      >
        {children}
      </span>
    );
  }
  return (
    <a
      href={href}
      download={name}
      className="rounded-md border border-zinc-300 px-2 py-1.5 text-center hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
    >
      {children}
    </a>
  );
}
