"use client";

import Link from "next/link";
import { useBatch, useTasks } from "@/hooks/use-api";
import type { Task } from "@/lib/client/types";
import { SpriteLoop } from "../batch/sprite-loop";
import { useT } from "../i18n-provider";
import { Interpretation } from "../interpretation";
import { TaskCard, TaskThumb } from "../task-card";
import { cardClass, Empty, ErrorText, StatusBadge } from "../ui";

const RECENT = { page_size: 12 };

export function RecentWork({ lastBatchId }: { lastBatchId: number | null }) {
  const t = useT();
  const tasks = useTasks(RECENT);
  return (
    <section aria-labelledby="recent-title" className="space-y-4">
      {lastBatchId && <BatchProgress id={lastBatchId} />}
      <div className="flex items-center justify-between">
        <h2 id="recent-title" className="text-lg font-semibold">
          {t("studio.recent")}
        </h2>
        <Link href="/gallery" className="text-sm text-indigo-600 underline dark:text-indigo-400">
          {t("nav.gallery")} →
        </Link>
      </div>
      {tasks.error && <ErrorText error={tasks.error} onRetry={() => tasks.refetch()} />}
      {tasks.isPending ? (
        <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 xl:grid-cols-4" aria-hidden="true">
          {Array.from({ length: 8 }, (_, i) => (
            <li
              key={i}
              className="aspect-[4/5] animate-pulse rounded-lg bg-zinc-200 dark:bg-zinc-800"
            />
          ))}
        </ul>
      ) : tasks.data && tasks.data.tasks.length === 0 ? (
        <Empty>{t("studio.recentEmpty")}</Empty>
      ) : (
        <ul
          className="grid grid-cols-2 gap-3 sm:grid-cols-3 xl:grid-cols-4"
          data-testid="recent-tasks"
        >
          {tasks.data?.tasks.map((task: Task) => (
            <li key={task.id} className="flex flex-col gap-1">
              <TaskCard task={task} eager />
              <Interpretation task={task} compact />
              {task.batch_id && (
                <Link
                  href={`/batches/${task.batch_id}`}
                  className="truncate text-xs text-indigo-600 underline dark:text-indigo-400"
                >
                  {t("batch.title", { id: task.batch_id })} →
                </Link>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function BatchProgress({ id }: { id: number }) {
  const t = useT();
  const batch = useBatch(id);
  if (batch.error) return <ErrorText error={batch.error} />;
  if (!batch.data) return null;
  const { batch: b, tasks, completed_count, failed_count, total_count } = batch.data;
  const done = completed_count + failed_count;
  const frames = [...tasks].sort((a, c) => (a.batch_index ?? 0) - (c.batch_index ?? 0));
  return (
    <div
      className={`${cardClass} p-3`}
      data-testid="batch-progress"
      data-batch-id={id}
      data-status={b.status}
    >
      <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm font-medium">
          {t("batch.title", { id })} · {b.mode} · <StatusBadge status={b.status} />
        </p>
        <div className="flex items-center gap-3">
          {b.status === "completed" && (
            <SpriteLoop frames={frames} label={t("studio.batchPreview", { id })} size={56} />
          )}
          <Link
            href={`/batches/${id}`}
            className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-500"
          >
            {t("studio.openBatch")}
          </Link>
        </div>
      </div>
      <p className="mb-2 text-xs text-zinc-500">
        {t("batch.progress", { done, total: total_count || b.requested_count })}
      </p>
      {frames[0] && <Interpretation task={frames[0]} compact />}
      <div className="grid grid-cols-4 gap-2">
        {frames.map((f) => (
          <TaskThumb key={f.id} task={f} eager />
        ))}
      </div>
    </div>
  );
}
