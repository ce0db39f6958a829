"use client";

import Link from "next/link";
import { memo } from "react";
import type { Task } from "@/lib/client/types";
import { AudioPlayer, taskAudioUrl } from "./audio-player";
import { useT } from "./i18n-provider";
import { PixelImage } from "./pixel-image";
import { StatusBadge } from "./ui";

/** Adds a version so a frame re-rolled in place (same id, same path) is fetched again. */
export function versioned(
  task: Pick<Task, "completed_at" | "updated_at">,
  path: string | null | undefined,
): string | null {
  if (!path) return null;
  const v = task.completed_at ?? task.updated_at;
  return v ? `${path}${path.includes("?") ? "&" : "?"}v=${encodeURIComponent(v)}` : path;
}

export function thumbUrl(task: Task): string | null {
  if (task.status !== "completed") return null;
  return versioned(task, task.thumb_path ?? task.image_path);
}

/** Fixed-aspect pixel thumbnail (no layout shift); status overlay while not completed. */
export function TaskThumb({
  task,
  eager = false,
  badge = true,
}: {
  task: Task;
  eager?: boolean;
  /** Show the "frame N" badge of batch frames (off where the frame is labelled otherwise). */
  badge?: boolean;
}) {
  const t = useT();
  const src = thumbUrl(task);
  return (
    <div className="checkerboard relative aspect-square w-full overflow-hidden rounded-md">
      {src ? (
        <PixelImage
          src={src}
          alt={task.prompt}
          loading={eager ? "eager" : "lazy"}
          decoding="async"
          width={256}
          height={256}
        />
      ) : (
        <div className="absolute inset-0 flex flex-col items-center justify-center gap-2 bg-zinc-100/90 p-2 text-center dark:bg-zinc-800/90">
          <StatusBadge status={task.status} />
          {task.status === "failed" && task.error_msg && (
            <p
              className="line-clamp-4 text-xs text-red-700 dark:text-red-300"
              data-testid="task-error"
            >
              {task.error_msg}
            </p>
          )}
          {task.status === "pending" && <span className="text-xs text-zinc-500">#{task.id}</span>}
          {task.status === "processing" && (
            <span className="h-1 w-2/3 overflow-hidden rounded bg-zinc-300 dark:bg-zinc-700">
              <span className="block h-full w-1/3 animate-[pulse_1s_ease-in-out_infinite] bg-amber-500" />
            </span>
          )}
        </div>
      )}
      {badge && task.batch_index ? (
        <span className="absolute bottom-1 left-1 rounded bg-black/60 px-1 text-[10px] text-white">
          {t("task.frame", { n: task.batch_index })}
        </span>
      ) : null}
    </div>
  );
}

interface CardProps {
  task: Task;
  selected?: boolean;
  onSelect?: (id: number, selected: boolean) => void;
  onStar?: (id: number, starred: boolean) => void;
  eager?: boolean;
}

export const TaskCard = memo(function TaskCard({
  task,
  selected,
  onSelect,
  onStar,
  eager,
}: CardProps) {
  const t = useT();
  return (
    <article
      data-testid="task-card"
      data-task-id={task.id}
      data-status={task.status}
      className={`group relative flex flex-col gap-1.5 rounded-lg border bg-white p-1.5 [contain-intrinsic-size:auto_240px] [content-visibility:auto] dark:bg-zinc-900 ${selected ? "border-indigo-500 ring-2 ring-indigo-500/40" : "border-zinc-200 dark:border-zinc-800"}`}
    >
      {task.type === "audio" && task.status === "completed" ? (
        // a sound plays in place; the link is beside the player so a click on play stays here
        <div
          className="flex aspect-square w-full flex-col justify-center gap-2 rounded-md bg-zinc-50 px-2 dark:bg-zinc-800"
          data-testid="audio-card"
        >
          <AudioPlayer src={taskAudioUrl(task.id)} label={task.prompt} compact />
          <Link
            href={`/gallery/${task.id}`}
            className="self-start text-xs text-indigo-600 underline dark:text-indigo-400"
            aria-label={`${t("task.open")} #${task.id}: ${task.prompt}`}
          >
            {t("task.open")} #{task.id}
          </Link>
        </div>
      ) : (
        <Link
          href={`/gallery/${task.id}`}
          className="block rounded-md focus-visible:outline-2 focus-visible:outline-indigo-500"
          aria-label={`${t("task.open")} #${task.id}: ${task.prompt}`}
        >
          <TaskThumb task={task} eager={eager} />
        </Link>
      )}
      <div className="flex min-h-8 items-start gap-1 px-0.5">
        <p
          className="line-clamp-2 flex-1 text-xs leading-4 text-zinc-700 dark:text-zinc-300"
          title={task.prompt}
        >
          {task.prompt}
        </p>
        {task.status === "completed" && (
          <span className="sr-only">
            <StatusBadge status={task.status} />
          </span>
        )}
      </div>
      {onSelect && (
        <label className="absolute top-2.5 left-2.5 flex size-7 cursor-pointer items-center justify-center rounded bg-white/90 shadow dark:bg-zinc-900/90">
          <input
            type="checkbox"
            checked={!!selected}
            onChange={(e) => onSelect(task.id, e.target.checked)}
            aria-label={t("task.select", { id: task.id })}
            className="size-4 accent-indigo-600"
          />
        </label>
      )}
      {onStar && <StarButton task={task} onStar={onStar} />}
    </article>
  );
});

/**
 * The card's star (top right). A batch card's star is its first frame's, the row the gallery
 * lists for the batch, so the Starred filter finds the batch.
 */
export function StarButton({
  task,
  onStar,
  label,
}: {
  task: Pick<Task, "id" | "starred">;
  onStar: (id: number, starred: boolean) => void;
  label?: string;
}) {
  const t = useT();
  return (
    <button
      type="button"
      onClick={() => onStar(task.id, !task.starred)}
      aria-pressed={task.starred}
      aria-label={`${task.starred ? t("task.unstar") : t("task.star")} ${label ?? `#${task.id}`}`}
      className={`absolute top-2.5 right-2.5 flex size-7 items-center justify-center rounded bg-white/90 text-base shadow dark:bg-zinc-900/90 ${task.starred ? "text-amber-500" : "text-zinc-400 hover:text-amber-500"}`}
    >
      <span aria-hidden="true">{task.starred ? "★" : "☆"}</span>
    </button>
  );
}
