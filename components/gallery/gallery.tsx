"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useId, useMemo, useRef, useState } from "react";
import {
  flattenModels,
  invalidateTasks,
  useDeleteTasks,
  useInfiniteTasks,
  useModels,
  useStar,
} from "@/hooks/use-api";
import { api, downloadArchive } from "@/lib/client/api";
import type { Task } from "@/lib/client/types";
import {
  ARCHIVE_DEFAULT_SCALE,
  ARCHIVE_SCALES,
  MODEL_TYPES,
  SPRITE_MODES,
  TASK_STATUSES,
} from "@/lib/vocabulary";

type ArchiveScale = (typeof ARCHIVE_SCALES)[number];

import { useI18n, useT } from "../i18n-provider";
import { modelName } from "../studio/model-picker";
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
import { BatchCard } from "./batch-card";
import { useGalleryFilters } from "./use-gallery-filters";

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
  const { t, locale } = useI18n();
  const ids = { q: useId(), status: useId(), type: useId(), model: useId(), mode: useId() };
  const { filters, setFilters, query: urlQuery, filtered } = useGalleryFilters();
  // The search box is local while typing; the URL (and the query) follow 300 ms later.
  const [search, setSearch] = useState(filters.q);
  const q = useDebounced(search.trim(), 300);
  useEffect(() => {
    if (q !== filters.q.trim()) setFilters({ q });
  }, [q, filters.q, setFilters]);
  // Back/forward or a shared link changes the URL under us: show its search.
  const urlQ = filters.q;
  useEffect(() => setSearch((cur) => (cur.trim() === urlQ.trim() ? cur : urlQ)), [urlQ]);
  const query = useMemo(() => ({ ...urlQuery, group: "character" as const }), [urlQuery]);
  const list = useInfiniteTasks(query, PAGE_SIZE);
  const models = useModels();
  const star = useStar();
  const del = useDeleteTasks();
  const qc = useQueryClient();
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [confirm, setConfirm] = useState(false);
  const [zipBusy, setZipBusy] = useState(false);
  const [zipScale, setZipScale] = useState<ArchiveScale>(ARCHIVE_DEFAULT_SCALE);
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
  // A character's card is not selectable (it is deleted on its own page).
  const selectAll = () => setSelected(new Set(tasks.filter((x) => !x.character).map((x) => x.id)));
  const onStar = useMemo(() => (id: number, s: boolean) => star.mutate({ id, starred: s }), [star]);

  // Models worth filtering by: the ones configured here, and any the shown artworks were made
  // with (an old provider may be gone); not the whole catalogue of unconfigured ones.
  const modelOptions = useMemo(() => {
    const known = new Map(flattenModels(models.data).map((m) => [m.id, m]));
    const ids = new Set<string>();
    for (const m of known.values())
      if (m.enabled && (m.type === "image" || m.type === "operation")) ids.add(m.id);
    for (const task of tasks) ids.add(task.model);
    if (filters.model) ids.add(filters.model);
    return [...ids]
      .map((id) => {
        const m = known.get(id);
        return { id, name: m ? modelName(m, locale) : id };
      })
      .sort((a, b) => a.name.localeCompare(b.name));
  }, [models.data, tasks, filters.model, locale]);
  const byId = useMemo(() => new Map(tasks.map((x) => [x.id, x])), [tasks]);

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
          value={filters.status}
          onChange={(v) => setFilters({ status: v })}
        >
          {TASK_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`status.${s}` as "status.pending")}
            </option>
          ))}
        </FilterSelect>
        <FilterSelect
          id={ids.type}
          label={t("gallery.type")}
          value={filters.type}
          onChange={(v) => setFilters({ type: v })}
        >
          {MODEL_TYPES.map((s) => (
            <option key={s} value={s}>
              {t(`type.${s}` as "type.image")}
            </option>
          ))}
        </FilterSelect>
        <FilterSelect
          id={ids.model}
          label={t("gallery.model")}
          value={filters.model}
          onChange={(v) => setFilters({ model: v })}
        >
          {modelOptions.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </FilterSelect>
        <FilterSelect
          id={ids.mode}
          label={t("gallery.mode")}
          value={filters.mode}
          onChange={(v) => setFilters({ mode: v })}
        >
          {SPRITE_MODES.map((s) => (
            <option key={s} value={s}>
              {t(`studio.mode.${s}` as "studio.mode.walk")}
            </option>
          ))}
        </FilterSelect>
        <label className="flex items-center gap-2 text-sm whitespace-nowrap">
          <input
            type="checkbox"
            checked={filters.starred === "true"}
            onChange={(e) => setFilters({ starred: e.target.checked ? "true" : "" })}
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
                  await downloadArchive(
                    [...selected].flatMap((id) => {
                      const card = byId.get(id);
                      return card?.batch_frames ? card.batch_frames.map((f) => f.id) : [id];
                    }),
                    zipScale,
                  );
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
            <label className="flex items-center gap-1 text-xs">
              <span className="text-zinc-600 dark:text-zinc-300">{t("gallery.zipScale")}</span>
              <select
                value={zipScale}
                onChange={(e) => setZipScale(Number(e.target.value) as ArchiveScale)}
                data-testid="zip-scale"
                className="rounded-md border border-zinc-300 bg-white px-1.5 py-1 text-sm dark:border-zinc-700 dark:bg-zinc-900"
              >
                {ARCHIVE_SCALES.map((n) => (
                  <option key={n} value={n}>
                    ×{n}
                  </option>
                ))}
              </select>
            </label>
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
              {task.batch_frames ? (
                <BatchCard
                  task={task}
                  eager={i < 12}
                  selected={selected.has(task.id)}
                  onSelect={onSelect}
                  onStar={onStar}
                />
              ) : (
                <TaskCard
                  task={task}
                  eager={i < 12}
                  selected={selected.has(task.id)}
                  onSelect={onSelect}
                  onStar={onStar}
                />
              )}
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
        onConfirm={async () => {
          // A batch card stands for the whole batch: delete it with its frames.
          const cards = [...selected].map((id) => byId.get(id));
          const batchIds = cards.flatMap((c) =>
            c?.batch_frames && c.batch_id ? [c.batch_id] : [],
          );
          const taskIds = [...selected].filter((id) => !byId.get(id)?.batch_frames);
          try {
            await Promise.all(batchIds.map((id) => api.deleteBatch(id)));
            if (taskIds.length) await del.mutateAsync(taskIds);
            else await invalidateTasks(qc);
            setSelected(new Set());
          } catch (e) {
            setActionError(e);
            await invalidateTasks(qc);
          } finally {
            setConfirm(false);
          }
        }}
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
