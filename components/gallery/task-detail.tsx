"use client";

import dynamic from "next/dynamic";
import Link from "next/link";
import { useState } from "react";
import { useStar, useTask } from "@/hooks/use-api";
import { api, isActive } from "@/lib/client/api";
import type { Task } from "@/lib/client/types";
import { uploadsOf } from "@/lib/generation/task-params";
import type { PixelizeReport } from "@/lib/pixel/pixelize";
import { editorParams, Lineage } from "../editor/lineage";
import { OpenInEditorButton } from "../editor/open-in-editor";
import { useT } from "../i18n-provider";
import { Interpretation } from "../interpretation";
import { PixelImage } from "../pixel-image";
import { TaskThumb, versioned } from "../task-card";
import {
  Button,
  ConfirmDialog,
  CopyButton,
  cardClass,
  ErrorText,
  Loading,
  Spinner,
  StatusBadge,
} from "../ui";
import { TaskFiles } from "./task-files";
import { AudioPreview, TilesetPreview } from "./task-media";
import { TaskOperations } from "./task-operations";
import { TaskParams } from "./task-params";
import { useTaskActions } from "./use-task-actions";

// Only an upload's result shows it (as in the studio): loaded then.
const BeforeAfter = dynamic(() => import("../studio/before-after").then((m) => m.BeforeAfter));

type Started = { id: number; label: string };

export function TaskDetail({ id }: { id: number }) {
  const t = useT();
  const task = useTask(id);
  const star = useStar();
  const [confirm, setConfirm] = useState(false);
  const [started, setStarted] = useState<Started | null>(null);
  const { del, rerun, reuse } = useTaskActions(id, (newId) =>
    setStarted({ id: newId, label: t("detail.rerunStarted", { id: newId }) }),
  );

  if (task.isPending) return <Loading />;
  if (task.error) {
    const notFound = "status" in task.error && (task.error as { status: number }).status === 404;
    return (
      <div className="space-y-3">
        <ErrorText error={notFound ? t("detail.notFound") : task.error} />
        <Link href="/gallery" className="text-sm text-indigo-600 underline dark:text-indigo-400">
          ← {t("detail.back")}
        </Link>
      </div>
    );
  }
  const tk = task.data;
  const src = tk.status === "completed" ? versioned(tk, tk.image_path) : null;
  // image → pixel art: the stored upload beside the result, with the grid that was found
  const pixelized = (tk.params?.pixelize ?? null) as PixelizeReport | null;
  const uploaded = src && pixelized && uploadsOf(tk).length > 0;

  return (
    <div data-testid="task-detail" data-task-id={tk.id} data-status={tk.status}>
      <div className="mb-4 flex flex-wrap items-center justify-between gap-2">
        <Link href="/gallery" className="text-sm text-indigo-600 underline dark:text-indigo-400">
          ← {t("detail.back")}
        </Link>
        <div className="flex items-center gap-2">
          <StatusBadge status={tk.status} />
          <Button
            onClick={() => star.mutate({ id: tk.id, starred: !tk.starred })}
            aria-pressed={tk.starred}
            className={tk.starred ? "text-amber-500" : ""}
          >
            <span aria-hidden="true">{tk.starred ? "★" : "☆"}</span>
            {tk.starred ? t("task.unstar") : t("task.star")}
          </Button>
        </div>
      </div>
      <h1 className="mb-4 text-2xl font-bold">{t("detail.title", { id: tk.id })}</h1>
      {/* Right under the title, not below the image: a re-run or an operation is seen at once,
          and the new result shows here as soon as it is done. */}
      <div role="status" aria-live="polite" className="sticky top-16 z-20">
        {started && <StartedNotice started={started} onDismiss={() => setStarted(null)} />}
      </div>

      <div className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <div className="space-y-3">
          {tk.status === "completed" && tk.type === "audio" ? (
            <AudioPreview task={tk} />
          ) : tk.status === "completed" && tk.mode === "tileset" ? (
            <TilesetPreview task={tk} />
          ) : uploaded ? (
            <BeforeAfter
              before={`/api/v1/task/${tk.id}/uploads/0`}
              after={src}
              report={pixelized}
            />
          ) : (
            <TaskPreview task={tk} src={src} />
          )}

          <div className="flex flex-wrap gap-2">
            {src && (
              <a
                href={src}
                download={`pixel-${tk.id}.png`}
                className="inline-flex min-h-9 items-center rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-500"
              >
                {t("detail.downloadPng")}
              </a>
            )}
            {src && (
              <CopyButton
                label={t("detail.copyLink")}
                text={async () => (await api.downloadUrl(tk.id)).download_url}
              />
            )}
            {editorParams(tk) ? (
              // a saved editor version reopens its document at that version
              <Link
                href={`/editor/${editorParams(tk)!.document_id}?version=${editorParams(tk)!.version}`}
                className="inline-flex min-h-9 items-center gap-1.5 rounded-md border border-zinc-300 px-3 py-1.5 text-sm font-medium hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
                data-testid="open-in-editor"
              >
                <span aria-hidden="true">✎</span>
                {t("editor.edit")}
              </Link>
            ) : (
              tk.status === "completed" &&
              tk.type !== "audio" &&
              tk.mode !== "tileset" && <OpenInEditorButton source={{ source_task_id: tk.id }} />
            )}
            {tk.status === "completed" &&
              (tk.type === "image" || !tk.type) &&
              tk.mode !== "tileset" && (
                // its pixels become a character's front facing (the create form on /characters)
                <Link
                  href={`/characters?from_task=${tk.id}`}
                  className="inline-flex min-h-9 items-center gap-1.5 rounded-md border border-zinc-300 px-3 py-1.5 text-sm font-medium hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
                  data-testid="make-character"
                >
                  <span aria-hidden="true">☺</span>
                  {t("char.makeCharacter")}
                </Link>
              )}
            <Button onClick={() => reuse(tk)} data-testid="reuse">
              {t("detail.reuse")}
            </Button>
            {(tk.type === "image" || !tk.type) && tk.mode !== "tileset" && (
              <Button onClick={() => rerun.mutate(tk)} disabled={rerun.isPending}>
                {rerun.isPending && <Spinner />}
                {t("detail.rerun")}
              </Button>
            )}
            <Button variant="danger" onClick={() => setConfirm(true)}>
              {t("detail.delete")}
            </Button>
          </div>
          {rerun.error && <ErrorText error={rerun.error} />}
          {del.error && <ErrorText error={del.error} />}
        </div>

        <div className="space-y-4">
          <section className={`${cardClass} p-4`}>
            <h2 className="mb-1 text-sm font-semibold text-zinc-500">{t("detail.prompt")}</h2>
            <p className="text-sm break-words whitespace-pre-wrap" data-testid="detail-prompt">
              {tk.prompt}
            </p>
          </section>
          <Lineage task={tk} />
          <Interpretation task={tk} />
          <TaskParams task={tk} />
          {tk.files && <TaskFiles files={tk.files} />}
          {tk.status === "completed" && !isActive(tk.status) && tk.type !== "audio" && (
            <TaskOperations task={tk} onStarted={(nid, label) => setStarted({ id: nid, label })} />
          )}
        </div>
      </div>

      <ConfirmDialog
        open={confirm}
        message={t("detail.confirmDelete")}
        confirmLabel={t("common.delete")}
        busy={del.isPending}
        onClose={() => setConfirm(false)}
        onConfirm={() => del.mutate()}
      />
    </div>
  );
}

/** The image at its own aspect, or the status (and error) while there is none. Capped by the
 * window's height so the buttons under it stay above the fold on a laptop. */
function TaskPreview({ task: tk, src }: { task: Task; src: string | null }) {
  const ratio = tk.width && tk.height ? `${tk.width} / ${tk.height}` : "1 / 1";
  return (
    <div
      className="checkerboard relative mx-auto w-full max-w-[min(640px,calc(100vh-17rem))] min-w-[min(100%,16rem)] overflow-hidden rounded-lg border border-zinc-200 dark:border-zinc-800"
      style={{ aspectRatio: ratio }}
    >
      {src ? (
        <PixelImage src={src} alt={tk.prompt} data-testid="detail-image" />
      ) : (
        <div className="absolute inset-0 flex flex-col items-center justify-center gap-2 bg-zinc-100/90 p-4 text-center dark:bg-zinc-800/90">
          <StatusBadge status={tk.status} />
          {tk.error_msg && (
            <p className="text-sm text-red-700 dark:text-red-300" role="alert">
              {tk.error_msg}
            </p>
          )}
        </div>
      )}
    </div>
  );
}

function StartedNotice({ started, onDismiss }: { started: Started; onDismiss: () => void }) {
  const t = useT();
  const task = useTask(started.id);
  const tk = task.data;
  const running = !tk || isActive(tk.status);
  return (
    <div
      className={`${cardClass} mb-4 flex items-center gap-3 p-3 shadow-md`}
      data-testid="started-notice"
      data-status={tk?.status ?? "pending"}
    >
      <div className="w-20 shrink-0">{tk ? <TaskThumb task={tk} eager badge={false} /> : null}</div>
      <div className="min-w-0 flex-1 text-sm">
        <p className="font-medium">{started.label}</p>
        <p className="flex items-center gap-2 text-zinc-600 dark:text-zinc-300">
          {running && <Spinner />}
          {tk ? <StatusBadge status={tk.status} /> : null}
        </p>
        {tk?.status === "failed" && tk.error_msg && (
          <p className="text-red-700 dark:text-red-300">{tk.error_msg}</p>
        )}
        <Link
          href={`/gallery/${started.id}`}
          className="text-indigo-600 underline dark:text-indigo-400"
        >
          {t("task.open")} #{started.id}
        </Link>
      </div>
      <Button variant="ghost" onClick={onDismiss} aria-label={t("common.close")} className="px-2">
        <span aria-hidden="true">✕</span>
      </Button>
    </div>
  );
}
