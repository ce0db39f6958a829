"use client";

import Link from "next/link";
import { useBatch, useTask } from "@/hooks/use-api";
import { isActive } from "@/lib/client/api";
import { useT } from "../i18n-provider";
import { Spinner } from "../ui";
import type { Submitted } from "./use-composer-submit";

const toastClass =
  "pointer-events-auto flex max-w-[calc(100vw-2rem)] items-center gap-2 rounded-full border border-indigo-200 bg-white/95 px-4 py-2 text-sm shadow-lg backdrop-blur dark:border-indigo-800 dark:bg-zinc-900/95";

/**
 * While the last submission runs, a small notice at the top of the screen (under the header)
 * says so, wherever the page is scrolled; it goes away by itself when the work is done, because
 * the result is then on screen in LatestResult.
 */
export function ProgressToast({ submitted }: { submitted: Submitted | null }) {
  return (
    <div
      role="status"
      aria-live="polite"
      data-testid="progress-toast"
      className="pointer-events-none fixed inset-x-0 top-16 z-40 flex justify-center px-4"
    >
      {submitted?.kind === "task" && <TaskToast id={submitted.id} />}
      {submitted?.kind === "batch" && <BatchToast id={submitted.id} />}
    </div>
  );
}

function TaskToast({ id }: { id: number }) {
  const t = useT();
  const task = useTask(id);
  if (task.data && !isActive(task.data.status)) return null;
  return (
    <p className={toastClass}>
      <Spinner />
      <span>{t("studio.generatingTask", { id })}</span>
    </p>
  );
}

function BatchToast({ id }: { id: number }) {
  const t = useT();
  const batch = useBatch(id);
  const b = batch.data;
  if (b && !isActive(b.batch.status)) return null;
  return (
    <p className={toastClass}>
      <Spinner />
      <span>
        {t("studio.generatingBatch", { id })}
        {b
          ? ` · ${t("batch.progress", { done: b.completed_count + b.failed_count, total: b.total_count || b.batch.requested_count })}`
          : ""}
      </span>
      <Link href={`/batches/${id}`} className="text-indigo-600 underline dark:text-indigo-400">
        {t("studio.openBatch")}
      </Link>
    </p>
  );
}
