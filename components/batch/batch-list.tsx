"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { keys } from "@/hooks/use-api";
import { api } from "@/lib/client/api";
import type { BatchFrame, BatchList as BatchListAnswer } from "@/lib/client/types";
import { modeLabel } from "../gallery/task-params";
import { useI18n } from "../i18n-provider";
import {
  Button,
  cardClass,
  Empty,
  ErrorText,
  formatDate,
  Loading,
  PageTitle,
  StatusBadge,
} from "../ui";
import { previewOf, SpriteLoop } from "./sprite-loop";

/** The batch's frames looping, or an empty checkerboard while none is done. */
function BatchThumb({
  frames,
  label,
  mode,
}: {
  frames: BatchFrame[];
  label: string;
  mode: string | null;
}) {
  const done = frames.filter((f) => f.status === "completed" && f.image_path);
  if (done.length === 0)
    return (
      <span
        aria-hidden="true"
        className="checkerboard size-14 shrink-0 rounded-md border border-zinc-200 dark:border-zinc-700"
      />
    );
  return <SpriteLoop frames={previewOf(mode, done)} size={56} label={label} />;
}

export function BatchList({ initial }: { initial?: BatchListAnswer }) {
  const { t, locale } = useI18n();

  const [page, setPage] = useState(1);
  const list = useQuery({
    queryKey: keys.batches(page),
    queryFn: () => api.batches(page),
    // page 1 as the server rendered it; refetched in the background like any other
    initialData: page === 1 ? initial : undefined,
    refetchInterval: (q) =>
      q.state.data?.batches.some((b) => b.status === "pending" || b.status === "processing")
        ? 2000
        : false,
  });
  const pages = list.data ? Math.max(1, Math.ceil(list.data.total / list.data.page_size)) : 1;
  return (
    <main className="mx-auto max-w-5xl px-4 py-6">
      <PageTitle>{t("batch.list")}</PageTitle>
      {list.error && <ErrorText error={list.error} onRetry={() => list.refetch()} />}
      {list.isPending ? (
        <Loading />
      ) : list.data && list.data.batches.length === 0 ? (
        <Empty>{t("batch.listEmpty")}</Empty>
      ) : (
        <ul className="grid gap-2" data-testid="batch-list">
          {list.data?.batches.map((b) => (
            <li key={b.id}>
              <Link
                href={`/batches/${b.id}`}
                className={`${cardClass} flex flex-wrap items-center gap-x-4 gap-y-1 p-3 hover:border-indigo-400`}
              >
                <BatchThumb frames={b.frames ?? []} label={b.prompt} mode={b.mode} />
                <span className="font-semibold">#{b.id}</span>
                {b.mode && (
                  <span className="rounded bg-zinc-100 px-1.5 text-xs dark:bg-zinc-800">
                    {modeLabel(t, b.mode)}
                  </span>
                )}
                <span className="min-w-0 flex-1 basis-40 truncate text-sm">{b.prompt}</span>
                <span className="text-xs text-zinc-500">
                  {t("batch.progress", { done: b.generated_count, total: b.requested_count })}
                </span>
                <StatusBadge status={b.status} />
                <span className="text-xs text-zinc-500">{formatDate(b.created_at, locale)}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
      {pages > 1 && (
        <nav className="mt-4 flex items-center justify-center gap-3" aria-label="Pagination">
          <Button disabled={page <= 1} onClick={() => setPage((p) => p - 1)}>
            {t("common.prev")}
          </Button>
          <span className="text-sm">{t("common.page", { page, pages })}</span>
          <Button disabled={page >= pages} onClick={() => setPage((p) => p + 1)}>
            {t("common.next")}
          </Button>
        </nav>
      )}
    </main>
  );
}
