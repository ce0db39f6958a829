"use client";

import Link from "next/link";
import { useId, useMemo, useState } from "react";
import { useBatch } from "@/hooks/use-api";
import type { Task } from "@/lib/client/types";
import { frameSpec } from "@/lib/pixel/animation-layout";
import { OpenInEditorButton } from "../editor/open-in-editor";
import { modeLabel } from "../gallery/task-params";
import { useI18n } from "../i18n-provider";
import { PixelImage } from "../pixel-image";
import { PlaybackControls } from "../playback/playback-controls";
import { usePlayback } from "../playback/use-playback";
import { TaskThumb, versioned } from "../task-card";
import { Button, cardClass, ErrorText, Loading, Spinner, StatusBadge } from "../ui";
import { BatchCompass, COMPASS_MODES } from "./batch-compass";
import { BatchExports } from "./batch-exports";
import { RerollReportView } from "./reroll-report";
import { usePlayerKeys } from "./use-player-keys";
import { useReroll } from "./use-reroll";

const frameOf = (mode: string, task: Task) => frameSpec(mode, (task.batch_index ?? 1) - 1);

export function BatchPreviewer({ id }: { id: number }) {
  const { t } = useI18n();
  const batch = useBatch(id);
  const zoomId = useId();
  const [zoom, setZoom] = useState<number | null>(null);
  const [onion, setOnion] = useState(false);
  const [natural, setNatural] = useState<{ w: number; h: number } | null>(null);
  /** walk4: the row (walk_down …) the player loops; null = every frame */
  const [tag, setTag] = useState<string | null>(null);

  const frames: Task[] = useMemo(
    () =>
      [...(batch.data?.tasks ?? [])].sort((a, b) => (a.batch_index ?? 0) - (b.batch_index ?? 0)),
    [batch.data],
  );
  const batchMode = batch.data?.batch.mode ?? "random";
  const ready = frames.filter(
    (f) => f.status === "completed" && f.image_path && (!tag || frameOf(batchMode, f).tag === tag),
  );
  const n = ready.length;
  const playback = usePlayback({ count: n });
  const { index, playing } = playback;
  const current = n ? ready[index] : undefined;
  const previous = n > 1 ? ready[(index - 1 + n) % n] : undefined;

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

  const { mutation: reroll, report, dismiss } = useReroll(id, frames);
  usePlayerKeys({ step: playback.step, toggle: playback.toggle });

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
  const shownScale = b.scale || 1;
  const facingLabel = (f: Task) => {
    const spec = frameOf(mode, f);
    return spec.facing ? t(`batch.face.${spec.facing}` as "batch.face.down") : null;
  };
  /** "Down (S) · frame 1 of 8", "Left (W) · step 2", or "Frame 3 of 4" */
  const labelOf = (f: Task, n: number, total: number) => {
    const facing = facingLabel(f);
    if (!facing) return t("batch.frameOf", { n, total });
    if (mode === "walk4") return t("batch.walkStep", { facing, step: frameOf(mode, f).step + 1 });
    return t("batch.frameFacing", { facing, n, total });
  };
  const boxW = logical ? logical.w * z : 320;
  const boxH = logical ? logical.h * z : 320;
  const shownIndex = current ? index : -1;

  return (
    <div data-testid="batch-previewer" data-batch-id={id} data-status={b.status}>
      <div className="mb-4 flex flex-wrap items-center justify-between gap-2">
        <Link href="/batches" className="text-sm text-indigo-600 underline dark:text-indigo-400">
          ← {t("batch.list")}
        </Link>
        <div className="flex items-center gap-2">
          {b.status === "completed" && n > 0 && (
            <OpenInEditorButton source={{ source_batch_id: id }} />
          )}
          <StatusBadge status={b.status} />
        </div>
      </div>
      <h1 className="text-2xl font-bold">{t("batch.title", { id })}</h1>
      <p className="mt-1 mb-4 text-sm text-zinc-600 dark:text-zinc-300">
        <span className="font-medium">{modeLabel(t, mode)}</span> · {b.prompt}
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
              aria-label={current ? labelOf(current, shownIndex + 1, n) : t("batch.waiting")}
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
            <PlaybackControls
              playback={playback}
              count={n}
              label={
                <span
                  className="text-sm tabular-nums text-zinc-600 dark:text-zinc-300"
                  data-testid="frame-label"
                  title={t("batch.keysHint")}
                >
                  {current ? labelOf(current, shownIndex + 1, n) : "—"}
                </span>
              }
            />
            <div className="flex items-center gap-2">
              <label htmlFor={zoomId} className="text-sm whitespace-nowrap">
                {t("batch.zoom", { n: z })}
              </label>
              <input
                id={zoomId}
                type="range"
                min={1}
                max={16}
                value={z}
                onChange={(e) => setZoom(Number(e.target.value))}
                className="w-28 accent-indigo-600"
              />
            </div>
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
          <p className="mt-2 hidden text-xs text-zinc-500 sm:block">{t("batch.keysHint")}</p>
        </section>

        <aside className="space-y-4">
          {COMPASS_MODES.has(mode) && (
            <BatchCompass
              mode={mode}
              frames={frames}
              isActive={(f, readyIdx) =>
                mode === "walk4"
                  ? tag === frameOf(mode, f).tag
                  : readyIdx >= 0 && readyIdx === shownIndex
              }
              readyIndex={(f) => ready.indexOf(f)}
              onPick={(f, readyIdx) => {
                const spec = frameOf(mode, f);
                if (mode === "walk4") {
                  // loop this direction's walk cycle (again: every frame)
                  setTag((cur) => (cur === spec.tag ? null : spec.tag));
                  playback.setIndex(0);
                  playback.setPlaying(true);
                  return;
                }
                setTag(null);
                playback.setPlaying(false);
                playback.setIndex(Math.max(0, readyIdx));
              }}
            />
          )}

          <BatchExports
            id={id}
            mode={mode}
            scale={shownScale}
            fps={playback.fps}
            frames={frames}
            disabled={n === 0}
            facingLabel={facingLabel}
          />
        </aside>
      </div>

      <section className="mt-6" aria-labelledby="strip-title">
        <h2 id="strip-title" className="mb-2 text-lg font-semibold">
          {t("batch.frames")}
        </h2>
        {reroll.error && <ErrorText error={reroll.error} />}
        <div aria-live="polite">
          {report && <RerollReportView report={report} onDismiss={dismiss} />}
        </div>
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
                    playback.setPlaying(false);
                    playback.setIndex(readyIdx);
                  }}
                  aria-label={labelOf(f, frameNo, frames.length)}
                  aria-current={readyIdx === shownIndex ? "true" : undefined}
                  className={`block w-full rounded-md border-2 ${readyIdx === shownIndex ? "border-indigo-500" : "border-transparent"}`}
                >
                  <TaskThumb task={f} eager badge={!facingLabel(f)} />
                </button>
                {facingLabel(f) && (
                  <p className="mt-0.5 text-center text-xs text-zinc-600 dark:text-zinc-300">
                    {facingLabel(f)}
                    {mode === "walk4" && ` · ${frameOf(mode, f).step + 1}`}
                  </p>
                )}
                <Button
                  className="mt-1 w-full text-xs"
                  disabled={reroll.isPending || f.status === "pending" || f.status === "processing"}
                  onClick={() => reroll.mutate({ frame: f, frameNo })}
                >
                  {reroll.isPending && reroll.variables?.frameNo === frameNo && <Spinner />}
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
