"use client";

import { useEffect, useId, useMemo, useRef, useState } from "react";
import {
  flattenModels,
  MODEL_TYPES,
  useDeleteTasks,
  useInfiniteTasks,
  useModels,
  useStar,
} from "@/hooks/use-api";
import { downloadArchive, type TaskQuery } from "@/lib/client/api";
import type { Task } from "@/lib/client/types";
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

const STATUSES = ["pending", "processing", "completed", "failed"] as const;
const MODES = ["walk", "idle", "attack", "directions", "variations", "random"] as const;
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
  const onStar = useMemo(() => (id: number, s: boolean) => star.mutate({ id, starred: s }), [star]);

  const modelOptions = flattenModels(models.data).filter(
    (m) => m.type === "image" || m.type === "operation",
  );

  return (
    <main className="mx-auto max-w-7xl px-4 py-6">
      <PageTitle
        actions={
          list.data ? (
            <p className="text-sm text-zinc-500" data-testid="gallery-total">
              {t("gallery.total", { n: total })}
            </p>
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
          {STATUSES.map((s) => (
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
          {MODES.map((s) => (
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

      <div
        className={`sticky top-14 z-20 mb-3 flex min-h-11 flex-wrap items-center gap-2 rounded-md border px-3 py-1.5 text-sm ${selected.size ? "border-indigo-300 bg-indigo-50 dark:border-indigo-800 dark:bg-indigo-950" : "border-transparent"}`}
        aria-live="polite"
      >
        {selected.size > 0 ? (
          <>
            <span className="font-medium" data-testid="selected-count">
              {t("gallery.selected", { n: selected.size })}
            </span>
            <Button onClick={() => setSelected(new Set())} variant="ghost">
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
          </>
        ) : (
          tasks.length > 0 && (
            <Button variant="ghost" onClick={() => setSelected(new Set(tasks.map((x) => x.id)))}>
              {t("gallery.selectAll")}
            </Button>
          )
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
