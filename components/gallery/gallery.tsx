"use client";

import { useEffect, useId, useMemo, useRef, useState } from "react";
import {
  flattenModels,
  useDeleteTasks,
  useInfiniteTasks,
  useModels,
  useStar,
} from "@/hooks/use-api";
import { downloadArchive, type TaskQuery } from "@/lib/client/api";
import type { Task } from "@/lib/client/types";
import { MODEL_TYPES, SPRITE_MODES, TASK_STATUSES } from "@/lib/vocabulary";
import { useT } from "../i18n-provider";
import { TaskCard } from "../task-card";
import {
  Button,
  ConfirmDialog,
  Empty,
  ErrorText,
  inputClass,
  Loading,
  PageTitle,
  Spinner,
} from "../ui";

const PAGE_SIZE = 60;

function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const id = setTimeout(() => setV(value), ms);
    return () => clearTimeout(id);
  }, [value, ms]);
  return v;
}

export function Gallery() {
  const t = useT();
  const ids = { q: useId(), status: useId(), type: useId(), model: useId(), mode: useId() };
  const [search, setSearch] = useState("");
  const [status, setStatus] = useState("");
  const [type, setType] = useState("");
  const [model, setModel] = useState("");
  const [mode, setMode] = useState("");
  const [starred, setStarred] = useState(false);
  const q = useDebounced(search.trim(), 300);
  const query: TaskQuery = useMemo(
    () => ({
      q: q || undefined,
      status: status || undefined,
      type: type || undefined,
      model: model || undefined,
      mode: mode || undefined,
      starred: starred ? "true" : undefined,
    }),
    [q, status, type, model, mode, starred],
  );
  const filtered = Object.values(query).some(Boolean);
  const list = useInfiniteTasks(query, PAGE_SIZE);
  const models = useModels();
  const star = useStar();
  const del = useDeleteTasks();
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [confirm, setConfirm] = useState(false);
  const [zipBusy, setZipBusy] = useState(false);
  const [actionError, setActionError] = useState<unknown>(null);

  const tasks: Task[] = useMemo(() => {
    const seen = new Set<number>();
    const out: Task[] = [];
    for (const page of list.data?.pages ?? []) {
      for (const task of page.tasks) {
        if (seen.has(task.id)) continue;
        seen.add(task.id);
        out.push(task);
      }
    }
    return out;
  }, [list.data]);
  const total = list.data?.pages[0]?.total ?? 0;

  // Load the next page when the sentinel scrolls into view.
  const sentinel = useRef<HTMLDivElement>(null);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = list;
  useEffect(() => {
    const el = sentinel.current;
    if (!el || !hasNextPage) return;
    const io = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting) && !isFetchingNextPage) fetchNextPage();
      },
      { rootMargin: "800px 0px" },
    );
    io.observe(el);
    return () => io.disconnect();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);

  const onSelect = useMemo(
    () => (id: number, on: boolean) =>
      setSelected((prev) => {
        const next = new Set(prev);
        if (on) next.add(id);
        else next.delete(id);
        return next;
      }),
    [],
  );
  const selectAll = () => setSelected(new Set(tasks.map((x) => x.id)));
  const onStar = useMemo(() => (id: number, s: boolean) => star.mutate({ id, starred: s }), [star]);

  const modelOptions = flattenModels(models.data).filter(
    (m) => m.type === "image" || m.type === "operation",
  );

  return (
    // pb-28 always leaves room for the floating selection bar, so it never covers the last row
    // and showing it does not move anything.
    <main className="mx-auto max-w-7xl px-4 pt-6 pb-28">
      <PageTitle
        actions={
          list.data ? (
            <div className="flex items-center gap-2 text-sm">
              <p className="text-zinc-500" data-testid="gallery-total">
                {t("gallery.total", { n: total })}
              </p>
              {tasks.length > 0 && selected.size < tasks.length && (
                <>
                  <span aria-hidden="true" className="text-zinc-300 dark:text-zinc-700">
                    ·
                  </span>
                  <button
                    type="button"
                    onClick={selectAll}
                    className="rounded text-indigo-600 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-500 dark:text-indigo-400"
                  >
                    {t("gallery.selectAll")}
                  </button>
                </>
              )}
            </div>
          ) : null
        }
      >
        {t("gallery.title")}
      </PageTitle>

      <div className="mb-4 grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-[2fr_1fr_1fr_1.3fr_1fr_auto]">
        <div className="col-span-2 sm:col-span-3 lg:col-span-1">
          <label htmlFor={ids.q} className="sr-only">
            {t("gallery.search")}
          </label>
          <input
            id={ids.q}
            type="search"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            placeholder={t("gallery.search")}
            maxLength={200}
            className={inputClass}
          />
        </div>
        <FilterSelect
          id={ids.status}
          label={t("gallery.status")}
          value={status}
          onChange={setStatus}
        >
          {TASK_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`status.${s}` as "status.pending")}
            </option>
          ))}
        </FilterSelect>
        <FilterSelect id={ids.type} label={t("gallery.type")} value={type} onChange={setType}>
          {MODEL_TYPES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </FilterSelect>
        <FilterSelect id={ids.model} label={t("gallery.model")} value={model} onChange={setModel}>
          {modelOptions.map((m) => (
            <option key={m.id} value={m.id}>
              {m.id}
            </option>
          ))}
        </FilterSelect>
        <FilterSelect id={ids.mode} label={t("gallery.mode")} value={mode} onChange={setMode}>
          {SPRITE_MODES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </FilterSelect>
        <label className="flex items-center gap-2 text-sm whitespace-nowrap">
          <input
            type="checkbox"
            checked={starred}
            onChange={(e) => setStarred(e.target.checked)}
            className="size-4 accent-indigo-600"
          />
          {t("gallery.starred")}
        </label>
      </div>

      {/* Floating selection bar: only there while something is selected; fixed, so the grid
          never shifts when it appears or goes. The live region itself always exists. */}
      <div
        aria-live="polite"
        className="pointer-events-none fixed inset-x-0 bottom-0 z-30 flex justify-center sm:bottom-4 sm:px-4"
      >
        {selected.size > 0 && (
          <div
            role="toolbar"
            aria-label={t("gallery.selected", { n: selected.size })}
            data-testid="selection-bar"
            className="pointer-events-auto grid w-full grid-cols-2 items-center gap-2 border-t border-indigo-300 bg-indigo-50/95 px-4 pt-2 pb-[max(0.5rem,env(safe-area-inset-bottom))] text-sm shadow-lg backdrop-blur sm:flex sm:w-auto sm:max-w-full sm:rounded-xl sm:border sm:px-3 sm:py-2 dark:border-indigo-800 dark:bg-indigo-950/95"
          >
            <span className="px-1 font-medium tabular-nums" data-testid="selected-count">
              {t("gallery.selected", { n: selected.size })}
            </span>
            <Button
              onClick={() => setSelected(new Set())}
              variant="ghost"
              className="justify-self-end"
            >
              {t("gallery.clearSelection")}
            </Button>
            <Button
              disabled={zipBusy}
              onClick={async () => {
                setZipBusy(true);
                setActionError(null);
                try {
                  await downloadArchive([...selected]);
                } catch (e) {
                  setActionError(e);
                } finally {
                  setZipBusy(false);
                }
              }}
            >
              {zipBusy && <Spinner />}
              {t("gallery.zipSelected")}
            </Button>
            <Button variant="danger" onClick={() => setConfirm(true)}>
              {t("gallery.deleteSelected")}
            </Button>
          </div>
        )}
      </div>

      {actionError ? <ErrorText error={actionError} /> : null}
      {star.error && <ErrorText error={star.error} />}
      {list.error && <ErrorText error={list.error} onRetry={() => list.refetch()} />}

      {list.isPending ? (
        <Loading />
      ) : tasks.length === 0 && !list.error ? (
        <Empty>{filtered ? t("gallery.emptyFiltered") : t("gallery.empty")}</Empty>
      ) : (
        <ul
          className="grid grid-cols-2 gap-3 sm:grid-cols-3 md:grid-cols-4 lg:grid-cols-5 xl:grid-cols-6"
          data-testid="gallery-grid"
        >
          {tasks.map((task, i) => (
            <li key={task.id}>
              <TaskCard
                task={task}
                eager={i < 12}
                selected={selected.has(task.id)}
                onSelect={onSelect}
                onStar={onStar}
              />
            </li>
          ))}
        </ul>
      )}

      <div ref={sentinel} className="flex min-h-16 items-center justify-center py-4">
        {list.hasNextPage ? (
          <Button onClick={() => list.fetchNextPage()} disabled={list.isFetchingNextPage}>
            {list.isFetchingNextPage && <Spinner />}
            {t("gallery.loadMore")}
          </Button>
        ) : tasks.length > PAGE_SIZE ? (
          <p className="text-sm text-zinc-500">{t("gallery.end")}</p>
        ) : null}
      </div>

      <ConfirmDialog
        open={confirm}
        message={t("gallery.confirmDelete", { n: selected.size })}
        confirmLabel={t("common.delete")}
        busy={del.isPending}
        onClose={() => setConfirm(false)}
        onConfirm={() =>
          del.mutate([...selected], {
            onSuccess: () => {
              setSelected(new Set());
              setConfirm(false);
            },
            onError: (e) => {
              setActionError(e);
              setConfirm(false);
            },
          })
        }
      />
    </main>
  );
}

function FilterSelect({
  id,
  label,
  value,
  onChange,
  children,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (v: string) => void;
  children: React.ReactNode;
}) {
  const t = useT();
  return (
    <div>
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      <select
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        className={inputClass}
        data-filter={label}
      >
        <option value="">
          {label}: {t("gallery.all")}
        </option>
        {children}
      </select>
    </div>
  );
}
