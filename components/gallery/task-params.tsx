"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import type { Task } from "@/lib/client/types";
import type { MessageKey, Translate } from "@/lib/i18n";
import type { PixelizeReport } from "@/lib/pixel/pixelize";
import { DOCUMENT_TASK_MODE, TILESET_MODE } from "@/lib/vocabulary";
import { useI18n } from "../i18n-provider";
import { cardClass, formatDate } from "../ui";
import { taskParam, taskParamString } from "./task-param";

/**
 * From submission to the result, from the server's millisecond figure: the ISO times are whole
 * seconds, so subtracting them said "0.0 s" for work that took 0.6 s.
 */
function seconds(ms: number | null | undefined): string {
  return typeof ms === "number" && ms >= 0 ? `${(ms / 1000).toFixed(1)} s` : "—";
}

const OPERATIONS = ["upscale", "vectorize", "seamless", "face-enhance", "pixelize"];

/** "Walk cycle (4)" → "Walk cycle"; an unknown mode shows as it is. */
export function modeLabel(t: Translate, mode: string): string {
  const key = `studio.mode.${mode}` as "studio.mode.walk";
  const label = t(key);
  return label === key ? mode : label.replace(/\s*[(（][^)）]*[)）]\s*$/, "");
}

function paletteLabel(t: Translate, palette: string | null): string {
  if (!palette || palette === "auto") return t("studio.paletteAuto");
  const m = /^auto:(\d+)$/.exec(palette);
  return m ? `${t("studio.paletteAuto")} · ${m[1]} ${t("studio.autoColors")}` : palette;
}

function backgroundLabel(t: Translate, bg: string): string {
  if (bg === "transparent") return t("studio.bg.transparent");
  if (bg === "white") return t("studio.bg.white");
  return bg;
}

/** The settings of an operation ("factor 4 · fit contain"), in words, not JSON. */
function settingsLabel(v: unknown): string | null {
  if (!v || typeof v !== "object") return null;
  const parts = Object.entries(v as Record<string, unknown>)
    .filter(([, x]) => x !== undefined && x !== null && x !== "")
    .map(
      ([k, x]) =>
        `${k.replaceAll("_", " ")} ${typeof x === "boolean" ? (x ? "✓" : "✗") : String(x)}`,
    );
  return parts.length ? parts.join(" · ") : null;
}

/** What grid recovery found when the image was pixelized (params.pixelize), in words. */
export function gridLabel(t: Translate, v: unknown): string | null {
  if (!v || typeof v !== "object") return null;
  const r = v as Partial<PixelizeReport>;
  if (!r.method || !r.logicalWidth || !r.logicalHeight) return null;
  const vars = {
    w: r.logicalWidth,
    h: r.logicalHeight,
    cw: Number((r.cellWidth ?? 0).toFixed(2)),
    ch: Number((r.cellHeight ?? 0).toFixed(2)),
    c: Math.round((r.confidence ?? 0) * 100),
  };
  return t(`detail.grid.${r.method}` as "detail.grid.detected", vars);
}

/** The settings a task was made with, its timings, and links to its batch and source. */
export function TaskParams({ task: tk }: { task: Task }) {
  const { t, locale } = useI18n();
  const negative = taskParamString(tk, "negative_prompt", "negativePrompt");
  const resolution = taskParamString(tk, "resolution");
  const aspect = taskParamString(tk, "aspect_ratio", "aspectRatio");
  const operation = taskParamString(tk, "operation");
  const settings = settingsLabel(taskParam(tk, "operationParams"));
  const duration = taskParamString(tk, "duration");
  const voice = taskParamString(tk, "voice");
  const grid = gridLabel(t, taskParam(tk, "pixelize"));
  // Scale, background, palette and pixel size describe pictures: a sound has none of them, and
  // a tileset is always a 1× transparent sheet described by its own rows instead.
  const audio = tk.type === "audio";
  const tileset = tk.mode === TILESET_MODE ? tilesetSpec(taskParam(tk, "tileset")) : undefined;
  return (
    <section className={`${cardClass} p-4`}>
      <h2 className="mb-2 text-sm font-semibold text-zinc-500">{t("detail.params")}</h2>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        <Row k={t("detail.model")} v={tk.model} />
        <Row k={t("detail.seed")} v={tk.seed ?? "—"} />
        {!audio && !tileset && (
          <>
            <Row k={t("detail.scale")} v={`×${tk.scale}`} />
            <Row k={t("detail.background")} v={backgroundLabel(t, tk.background)} />
            <Row k={t("detail.palette")} v={paletteLabel(t, tk.palette)} />
          </>
        )}
        {!audio && (
          <Row k={t("detail.size")} v={tk.width && tk.height ? `${tk.width}×${tk.height}` : "—"} />
        )}
        {tileset && (
          <>
            <Row
              k={t("detail.terrains")}
              v={tileset.terrains.map((n) => t(`terrain.${n}` as MessageKey)).join(" ↔ ")}
            />
            <Row k={t("tileset.tileSize")} v={`${tileset.tile_size} px`} />
            <Row k={t("tileset.layout")} v={t(`tileset.layout.${tileset.layout}` as MessageKey)} />
          </>
        )}
        {/* A single image's stored mode ("random") means nothing to a person. */}
        {tk.mode && tk.batch_id && <Row k={t("gallery.mode")} v={modeLabel(t, tk.mode)} />}
        {negative && <Row k={t("studio.negative")} v={negative} />}
        {resolution && <Row k={t("studio.resolution")} v={resolution} />}
        {aspect && <Row k={t("studio.aspect")} v={aspect} />}
        {operation && (
          <Row
            k={t("detail.operation")}
            v={OPERATIONS.includes(operation) ? t(`op.${operation}` as "op.upscale") : operation}
          />
        )}
        {settings && <Row k={t("detail.settings")} v={settings} />}
        {grid && <Row k={t("detail.grid")} v={<span data-testid="pixel-grid">{grid}</span>} />}
        {duration && <Row k={t("detail.duration.media")} v={duration} />}
        {voice && <Row k={t("detail.voice")} v={voice} />}
        <Row k={t("detail.created")} v={formatDate(tk.created_at, locale)} />
        <Row k={t("detail.started")} v={formatDate(tk.started_at, locale)} />
        <Row k={t("detail.completed")} v={formatDate(tk.completed_at, locale)} />
        {/* a save from the editor took a person's time, not a generation's: no "Took 0.0 s" */}
        {tk.mode === DOCUMENT_TASK_MODE ? (
          <Row k={t("detail.operation")} v={t("editor.editedByHand")} />
        ) : (
          <Row k={t("detail.duration")} v={seconds(tk.duration_ms)} />
        )}
        {tk.batch_id && (
          <Row
            k={t("detail.batch")}
            v={
              <Link
                href={`/batches/${tk.batch_id}`}
                className="text-indigo-600 underline dark:text-indigo-400"
              >
                #{tk.batch_id}
                {tk.batch_index ? ` · ${t("task.frame", { n: tk.batch_index })}` : ""}
              </Link>
            }
          />
        )}
        {tk.source_task_id && (
          <Row
            k={t("detail.source")}
            v={
              <Link
                href={`/gallery/${tk.source_task_id}`}
                className="text-indigo-600 underline dark:text-indigo-400"
              >
                #{tk.source_task_id}
              </Link>
            }
          />
        )}
      </dl>
    </section>
  );
}

/** The tileset spec a tileset task keeps in its params (terrain pair, tile size, layout). */
function tilesetSpec(
  v: unknown,
): { terrains: string[]; tile_size: number; layout: string } | undefined {
  if (!v || typeof v !== "object") return undefined;
  const o = v as Record<string, unknown>;
  return Array.isArray(o.terrains) &&
    typeof o.tile_size === "number" &&
    typeof o.layout === "string"
    ? { terrains: o.terrains.map(String), tile_size: o.tile_size, layout: o.layout }
    : undefined;
}

function Row({ k, v }: { k: string; v: ReactNode }) {
  return (
    <>
      <dt className="text-zinc-500">{k}</dt>
      <dd className="min-w-0 break-words">{v}</dd>
    </>
  );
}
