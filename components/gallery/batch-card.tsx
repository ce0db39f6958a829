"use client";

import Link from "next/link";
import { memo } from "react";
import type { Task } from "@/lib/client/types";
import { previewOf, SpriteLoop } from "../batch/sprite-loop";
import { useT } from "../i18n-provider";
import { StarButton, TaskThumb } from "../task-card";
import { StatusBadge } from "../ui";

/**
 * A whole batch as one gallery card: its frames looping (or the first frame, or the status while
 * none is done) and the frame count; it opens the batch previewer, where the frames are. A
 * character's facings stand for the character: the card opens the character (its animations are
 * there) and is not selectable (deleting its facings would leave the character without them).
 */
export const BatchCard = memo(function BatchCard({
  task,
  selected,
  onSelect,
  onStar,
  eager,
}: {
  /** The batch's first frame, with batch_frames. */
  task: Task;
  selected?: boolean;
  onSelect?: (id: number, selected: boolean) => void;
  onStar?: (id: number, starred: boolean) => void;
  eager?: boolean;
}) {
  const t = useT();
  const frames = task.batch_frames ?? [];
  const done = frames.filter((f) => f.status === "completed" && f.image_path);
  const running = frames.some((f) => f.status === "pending" || f.status === "processing");
  const frameCount = t("gallery.frames", { n: frames.length });
  const character = task.character;
  return (
    <article
      data-testid="batch-card"
      data-batch-id={task.batch_id}
      data-character-id={character?.id}
      data-frame-count={frames.length}
      data-starred={task.starred}
      className={`group relative flex flex-col gap-1.5 rounded-lg border bg-white p-1.5 [contain-intrinsic-size:auto_240px] [content-visibility:auto] dark:bg-zinc-900 ${selected ? "border-indigo-500 ring-2 ring-indigo-500/40" : "border-zinc-200 dark:border-zinc-800"}`}
    >
      <Link
        href={character ? `/characters/${character.id}` : `/batches/${task.batch_id}`}
        className="block rounded-md focus-visible:outline-2 focus-visible:outline-indigo-500"
        aria-label={
          character
            ? t("gallery.openCharacter", { name: character.name })
            : t("gallery.openBatch", { id: task.batch_id ?? 0, prompt: task.prompt })
        }
      >
        <div className="relative">
          {done.length > 0 ? (
            <div className="checkerboard relative aspect-square w-full overflow-hidden rounded-md">
              <SpriteLoop frames={previewOf(task.mode, done)} size="fill" label={task.prompt} />
            </div>
          ) : (
            <TaskThumb task={task} eager={eager} badge={false} />
          )}
          <span className="pointer-events-none absolute right-1 bottom-1 flex items-center gap-1 rounded bg-black/65 px-1.5 py-0.5 text-[11px] font-medium text-white">
            {character ? (
              // the same mark as "Make a character" on the detail page
              <span aria-hidden="true">☺</span>
            ) : (
              <svg viewBox="0 0 16 16" className="size-3" aria-hidden="true" fill="currentColor">
                <path d="M2 4h9v9H2zM5 1h9v9h-1V2H5z" />
              </svg>
            )}
            {character ? t("gallery.character") : frameCount}
          </span>
        </div>
      </Link>
      <div className="flex min-h-8 items-start gap-1 px-0.5">
        <p
          className="line-clamp-2 flex-1 text-xs leading-4 text-zinc-700 dark:text-zinc-300"
          title={task.prompt}
        >
          {character?.name ?? task.prompt}
        </p>
        {running && <StatusBadge status="processing" />}
      </div>
      {onSelect && !character && (
        <label className="absolute top-2.5 left-2.5 flex size-7 cursor-pointer items-center justify-center rounded bg-white/90 shadow dark:bg-zinc-900/90">
          <input
            type="checkbox"
            checked={!!selected}
            onChange={(e) => onSelect(task.id, e.target.checked)}
            aria-label={t("gallery.selectBatch", { id: task.batch_id ?? 0 })}
            className="size-4 accent-indigo-600"
          />
        </label>
      )}
      {onStar && (
        <StarButton
          task={task}
          onStar={onStar}
          label={t("batch.title", { id: task.batch_id ?? 0 })}
        />
      )}
    </article>
  );
});
