"use client";

import Link from "next/link";
import { useTasks } from "@/hooks/use-api";
import type { Task } from "@/lib/client/types";
import { BatchCard } from "../gallery/batch-card";
import { useT } from "../i18n-provider";
import { Interpretation } from "../interpretation";
import { TaskCard } from "../task-card";
import { Empty, ErrorText } from "../ui";

// A batch is one card (its frames loop) and a character is one card (its facings, opening the
// character), as in the gallery.
const RECENT = { page_size: 12, group: "character" as const };

export function RecentWork() {
  const t = useT();
  const tasks = useTasks(RECENT);
  return (
    <section aria-labelledby="recent-title" className="space-y-4">
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
              {task.batch_frames ? <BatchCard task={task} eager /> : <TaskCard task={task} eager />}
              <Interpretation task={task} compact />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
