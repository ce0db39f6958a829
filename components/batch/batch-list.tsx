"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { keys } from "@/hooks/use-api";
import { api } from "@/lib/client/api";
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

export function BatchList() {
  const { t, locale } = useI18n();
  const [page, setPage] = useState(1);
  const list = useQuery({
    queryKey: keys.batches(page),
    queryFn: () => api.batches(page),
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
                <span className="font-semibold">#{b.id}</span>
                <span className="rounded bg-zinc-100 px-1.5 text-xs dark:bg-zinc-800">
                  {b.mode ?? "random"}
                </span>
                <span className="min-w-0 flex-1 truncate text-sm">{b.prompt}</span>
                <span className="text-xs text-zinc-500">
                  {b.generated_count}/{b.requested_count}
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
