"use client";

import dynamic from "next/dynamic";
import Link from "next/link";
import { useEffect, useRef } from "react";
import { useBatch, useTask } from "@/hooks/use-api";
import type { PixelizeReport } from "@/lib/pixel/pixelize";
import { SpriteLoop } from "../batch/sprite-loop";
import { useT } from "../i18n-provider";
import { Interpretation } from "../interpretation";
import { PixelImage } from "../pixel-image";
import { TaskThumb, versioned } from "../task-card";
import { cardClass, ErrorText, Spinner, StatusBadge } from "../ui";
import type { Submitted } from "./use-composer-submit";

// Only an upload's result shows it: loaded then, so the studio's first load stays small.
const BeforeAfter = dynamic(() => import("./before-after").then((m) => m.BeforeAfter));

const linkClass =
  "rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-500";

/**
 * The result of the last Generate, large, right where the eye goes next: beside the composer on
 * wide screens, right under the Generate button on phones (scrolled into view when it appears).
 */
export function LatestResult({ submitted }: { submitted: Submitted }) {
  const ref = useRef<HTMLElement>(null);
  const key = `${submitted.kind}-${submitted.id}`;
  useEffect(() => {
    // A new submission: make sure it is on screen without jumping past the Generate button.
    if (!key) return;
    const el = ref.current;
    if (!el) return;
    const r = el.getBoundingClientRect();
    const header = 64; // the sticky header
    if (r.bottom > window.innerHeight || r.top < header)
      el.scrollIntoView({ block: "nearest", behavior: "smooth" });
  }, [key]);
  return (
    <section ref={ref} className={`${cardClass} p-3`} aria-live="polite">
      {submitted.kind === "task" ? (
        <SingleResult id={submitted.id} before={submitted.before} />
      ) : (
        <BatchResult id={submitted.id} before={submitted.before} />
      )}
    </section>
  );
}

function SingleResult({ id, before }: { id: number; before?: string }) {
  const t = useT();
  const task = useTask(id);
  if (task.error) return <ErrorText error={task.error} />;
  const tk = task.data;
  const src = tk?.status === "completed" ? versioned(tk, tk.image_path) : null;
  // image → pixel art: the picture given beside the result, with the grid that was found
  const report = (tk?.params?.pixelize ?? null) as PixelizeReport | null;
  if (before && tk?.status === "completed")
    return (
      <div data-testid="latest-result" data-task-id={id} data-status={tk.status}>
        <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
          <h2 className="text-sm font-semibold">
            <Link href={`/gallery/${id}`}>
              {t("studio.latest")} · {t("detail.title", { id })}
            </Link>
          </h2>
          <StatusBadge status={tk.status} />
        </div>
        <BeforeAfter before={before} after={src} report={report} />
      </div>
    );
  return (
    <div data-testid="latest-result" data-task-id={id} data-status={tk?.status ?? "pending"}>
      <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
        <h2 className="text-sm font-semibold">
          {t("studio.latest")} · {t("detail.title", { id })}
        </h2>
        {tk && <StatusBadge status={tk.status} />}
      </div>
      <Link
        href={`/gallery/${id}`}
        className="checkerboard relative mx-auto block aspect-square w-full max-w-[26rem] overflow-hidden rounded-md border border-zinc-200 dark:border-zinc-700"
        aria-label={`${t("task.open")} #${id}`}
      >
        {src && tk ? (
          <PixelImage src={src} alt={tk.prompt} data-testid="latest-image" />
        ) : (
          <span className="absolute inset-0 flex flex-col items-center justify-center gap-2 bg-zinc-100/80 p-4 text-center text-sm dark:bg-zinc-800/80">
            {tk?.status === "failed" ? (
              <span className="text-red-700 dark:text-red-300" role="alert">
                {tk.error_msg || t("common.error")}
              </span>
            ) : (
              <>
                <Spinner />
                {t("studio.working")}
              </>
            )}
          </span>
        )}
      </Link>
      {tk && (
        <p className="mt-2 line-clamp-2 text-xs text-zinc-600 dark:text-zinc-300" title={tk.prompt}>
          {tk.prompt}
        </p>
      )}
      {tk && <Interpretation task={tk} compact />}
    </div>
  );
}

function BatchResult({ id, before }: { id: number; before?: string }) {
  const t = useT();
  const batch = useBatch(id);
  // an animated upload: frame 1's detail carries the grid found for every frame
  const firstId = before
    ? ([...(batch.data?.tasks ?? [])].sort((a, c) => (a.batch_index ?? 0) - (c.batch_index ?? 0))[0]
        ?.id ?? null)
    : null;
  const first = useTask(firstId);
  if (batch.error) return <ErrorText error={batch.error} />;
  if (!batch.data)
    return (
      <p className="flex items-center gap-2 text-sm">
        <Spinner /> {t("studio.working")}
      </p>
    );
  const { batch: b, tasks, completed_count, failed_count, total_count } = batch.data;
  const done = completed_count + failed_count;
  const frames = [...tasks].sort((a, c) => (a.batch_index ?? 0) - (c.batch_index ?? 0));
  const ready = frames.filter((f) => f.status === "completed" && f.image_path);
  return (
    <div data-testid="batch-progress" data-batch-id={id} data-status={b.status}>
      <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
        <h2 className="text-sm font-semibold">
          {t("studio.latest")} · {t("batch.title", { id })} <StatusBadge status={b.status} />
        </h2>
        <Link href={`/batches/${id}`} className={linkClass}>
          {t("studio.openBatch")}
        </Link>
      </div>
      <p className="mb-2 text-xs text-zinc-500">
        {t("batch.progress", { done, total: total_count || b.requested_count })}
      </p>
      {frames[0] && <Interpretation task={frames[0]} compact />}
      {before && b.status === "completed" && (
        <div className="mb-2">
          <BeforeAfter
            before={before}
            after={versioned(frames[0]!, frames[0]!.image_path)}
            report={(first.data?.params?.pixelize ?? null) as PixelizeReport | null}
          />
        </div>
      )}
      {b.status === "completed" && ready.length > 0 && (
        <div className="checkerboard relative mx-auto mb-2 aspect-square w-full max-w-[18rem] overflow-hidden rounded-md border border-zinc-200 dark:border-zinc-700">
          <SpriteLoop frames={ready} size="fill" label={t("studio.batchPreview", { id })} />
        </div>
      )}
      <div className="grid grid-cols-4 gap-2">
        {frames.map((f) => (
          <TaskThumb key={f.id} task={f} eager />
        ))}
      </div>
    </div>
  );
}
