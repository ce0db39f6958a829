"use client";

import Link from "next/link";
import { useEffect, useId, useMemo, useRef, useState } from "react";
import { useBatch } from "@/hooks/use-api";
import type { Task } from "@/lib/client/types";
import { frameSpec } from "@/lib/pixel/animation-layout";
import type { Facing } from "@/lib/vocabulary";
import { modeLabel } from "../gallery/task-params";
import { useI18n } from "../i18n-provider";
import { PixelImage } from "../pixel-image";
import { TaskThumb, versioned } from "../task-card";
import { Button, cardClass, ErrorText, Loading, Spinner, StatusBadge } from "../ui";
import { RerollReportView } from "./reroll-report";
import { usePlayerKeys } from "./use-player-keys";
import { useReroll } from "./use-reroll";

const frameOf = (mode: string, task: Task) => frameSpec(mode, (task.batch_index ?? 1) - 1);

type LoopMode = "loop" | "pingpong";

/** Where each facing sits on the compass rose (3×3 grid, N at the top). */
const COMPASS_CELL: Record<Facing, string> = {
  up_left: "col-start-1 row-start-1",
  up: "col-start-2 row-start-1",
  up_right: "col-start-3 row-start-1",
  left: "col-start-1 row-start-2",
  right: "col-start-3 row-start-2",
  down_left: "col-start-1 row-start-3",
  down: "col-start-2 row-start-3",
  down_right: "col-start-3 row-start-3",
};
const COMPASS_MODES = new Set(["directions", "directions8", "walk4"]);

export function BatchPreviewer({ id }: { id: number }) {
  const { t } = useI18n();
  const batch = useBatch(id);
  const ids = { fps: useId(), zoom: useId() };
  const [playing, setPlaying] = useState(true);
  const [fps, setFps] = useState(8);
  const [loopMode, setLoopMode] = useState<LoopMode>("loop");
  const [zoom, setZoom] = useState<number | null>(null);
  const [onion, setOnion] = useState(false);
  const [index, setIndex] = useState(0);
  const [natural, setNatural] = useState<{ w: number; h: number } | null>(null);
  /** walk4: the row (walk_down …) the player loops; null = every frame */
  const [tag, setTag] = useState<string | null>(null);
  const direction = useRef(1);

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

  const { mutation: reroll, report, dismiss } = useReroll(id, frames);
  const step = (delta: 1 | -1) => {
    if (n === 0) return;
    setPlaying(false);
    setIndex((i) => (Math.min(i, n - 1) + delta + n) % n);
  };
  usePlayerKeys({ step, toggle: () => n > 1 && setPlaying((p) => !p) });

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
            <div className="flex items-center gap-1">
              <Button
                onClick={() => step(-1)}
                disabled={n < 2}
                aria-label={t("batch.prevFrame")}
                title={`${t("batch.prevFrame")} (←)`}
                data-testid="step-back"
              >
                <span aria-hidden="true">◀︎</span>
              </Button>
              <Button
                variant="primary"
                onClick={() => setPlaying((p) => !p)}
                disabled={n < 2}
                title={`${playing ? t("batch.pause") : t("batch.play")} (${t("batch.spaceKey")})`}
                data-testid="play-toggle"
              >
                <span aria-hidden="true">{playing ? "❚❚" : "▶"}</span>
                {playing ? t("batch.pause") : t("batch.play")}
              </Button>
              <Button
                onClick={() => step(1)}
                disabled={n < 2}
                aria-label={t("batch.nextFrame")}
                title={`${t("batch.nextFrame")} (→)`}
                data-testid="step-forward"
              >
                <span aria-hidden="true">▶︎</span>
              </Button>
            </div>
            <span
              className="text-sm tabular-nums text-zinc-600 dark:text-zinc-300"
              data-testid="frame-label"
              title={t("batch.keysHint")}
            >
              {current ? labelOf(current, shownIndex + 1, n) : "—"}
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
          <p className="mt-2 hidden text-xs text-zinc-500 sm:block">{t("batch.keysHint")}</p>
        </section>

        <aside className="space-y-4">
          {COMPASS_MODES.has(mode) && (
            <section className={`${cardClass} p-3`} aria-labelledby="compass-title">
              <h2 id="compass-title" className="mb-2 text-sm font-semibold">
                {t("batch.compass")}
              </h2>
              <div
                className="mx-auto grid w-56 grid-cols-3 grid-rows-3 gap-1"
                data-testid="compass"
                data-directions={mode === "directions8" ? 8 : 4}
              >
                {frames
                  .filter((f) => mode !== "walk4" || frameOf(mode, f).step === 0)
                  .map((f) => {
                    const spec = frameOf(mode, f);
                    const facing = spec.facing!;
                    const readyIdx = ready.indexOf(f);
                    const active =
                      mode === "walk4"
                        ? tag === spec.tag
                        : readyIdx >= 0 && readyIdx === shownIndex;
                    const done = f.status === "completed" && !!f.image_path;
                    return (
                      <button
                        key={f.id}
                        type="button"
                        data-facing={facing}
                        disabled={!done}
                        onClick={() => {
                          if (mode === "walk4") {
                            // loop this direction's walk cycle (again: every frame)
                            setTag((cur) => (cur === spec.tag ? null : spec.tag));
                            setIndex(0);
                            setPlaying(true);
                            return;
                          }
                          setTag(null);
                          setPlaying(false);
                          setIndex(Math.max(0, readyIdx));
                        }}
                        aria-pressed={active}
                        title={t(`batch.face.${facing}` as "batch.face.down")}
                        className={`${COMPASS_CELL[facing]} flex flex-col items-center gap-0.5 rounded border p-1 text-[10px] leading-tight ${active ? "border-indigo-500" : "border-zinc-200 dark:border-zinc-700"}`}
                      >
                        <TaskThumb task={f} eager badge={false} />
                        {t(`batch.face.${facing}` as "batch.face.down")}
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
            <p className="mb-2 text-xs text-zinc-500">
              {t("batch.exportScale", { n: shownScale })}
            </p>
            <table className="w-full text-sm" data-testid="exports">
              <tbody>
                {(
                  [
                    ["gif", t("batch.exportGif"), "animation.gif", ".gif"],
                    ["zip", t("batch.exportZip"), "download", ".zip"],
                    ["sheet", t("batch.exportSheet"), "sheet.png", "_sheet.png"],
                    ["atlas", t("batch.exportAsepriteNote"), "sheet.json", "_sheet.json"],
                    ["named", t("batch.exportNamedAtlas"), "atlas.json", "_atlas.json"],
                    ["godot", t("batch.exportGodot"), "sprite-frames.tres", "_sprite_frames.tres"],
                    ["slices", t("batch.exportSlices"), "slices.json", "_slices.json"],
                  ] as const
                ).map(([key, label, route, suffix]) => (
                  <tr key={key} data-export={key}>
                    <th scope="row" className="py-0.5 pr-2 text-left font-normal">
                      {label}
                    </th>
                    {[shownScale, 1]
                      .filter((sc, i, all) => all.indexOf(sc) === i)
                      .map((sc) => (
                        <td key={sc} className="py-0.5 pl-1 text-right">
                          <ExportLink
                            href={`${exportBase}/${route}?scale=${sc}&fps=${fps}`}
                            name={`batch_${id}_${mode}${sc === 1 ? "_1x" : ""}${suffix}`}
                            disabled={n === 0}
                            testId={`export-${key}-${sc === 1 ? "1x" : "nx"}`}
                          >
                            {sc === 1 ? t("batch.scaleNative") : t("batch.scaleShown", { n: sc })}
                          </ExportLink>
                        </td>
                      ))}
                  </tr>
                ))}
              </tbody>
            </table>
            {n > 0 && (
              <div className="mt-3">
                <p className="mb-1 text-xs text-zinc-500">{t("batch.exportFrames")}</p>
                <div className="flex flex-wrap gap-1.5">
                  {frames
                    .filter((f) => f.status === "completed" && f.image_path)
                    .map((f) => (
                      <span
                        key={f.id}
                        className="inline-flex overflow-hidden rounded border border-zinc-300 text-xs dark:border-zinc-700"
                      >
                        <a
                          href={`${exportBase}/frames/${f.batch_index}?scale=${shownScale}`}
                          download={`${mode}_${f.batch_index}.png`}
                          title={facingLabel(f) ?? undefined}
                          className="px-2 py-0.5 hover:bg-zinc-100 dark:hover:bg-zinc-800"
                        >
                          {mode}_{f.batch_index}.png
                        </a>
                        <a
                          href={`${exportBase}/frames/${f.batch_index}?scale=1`}
                          download={`${mode}_${f.batch_index}_1x.png`}
                          data-testid={`frame-1x-${f.batch_index}`}
                          className="border-l border-zinc-300 px-1.5 py-0.5 hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
                        >
                          1×
                        </a>
                      </span>
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
                    setPlaying(false);
                    setIndex(readyIdx);
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

function ExportLink({
  href,
  name,
  disabled,
  testId,
  children,
}: {
  href: string;
  name: string;
  disabled?: boolean;
  testId?: string;
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
      data-testid={testId}
      className="inline-block rounded-md border border-zinc-300 px-2 py-1.5 text-center hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
    >
      {children}
    </a>
  );
}
