"use client";
// React Query hooks over lib/client/api. Lists and tasks poll while anything is still running.
import {
  type QueryClient,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query";
import { useI18n } from "@/components/i18n-provider";
import { api, isActive, type TaskQuery } from "@/lib/client/api";
import type {
  CreatePaletteBody,
  Model,
  ModelsByType,
  Palette,
  Task,
  TaskList,
} from "@/lib/client/types";
import { MODEL_TYPES } from "@/lib/vocabulary";

export const POLL_MS = 1200;

export const keys = {
  models: ["models"] as const,
  tasks: (q: TaskQuery) => ["tasks", q] as const,
  tasksInfinite: (q: TaskQuery) => ["tasks", "infinite", q] as const,
  task: (id: number) => ["task", id] as const,
  batch: (id: number) => ["batch", id] as const,
  batches: (page: number) => ["batches", page] as const,
  keys: ["keys"] as const,
  me: ["me"] as const,
  providers: ["providers"] as const,
  palettes: ["palettes"] as const,
};

/** The built-in palettes and the caller's saved ones (GET /api/v1/palettes). */
export function usePalettes() {
  return useQuery({ queryKey: keys.palettes, queryFn: api.palettes, staleTime: 60_000 });
}

/** A palette's name in the page's language (a default name is answered in both). */
export function usePaletteName(): (p: Palette) => string {
  const { locale } = useI18n();
  return (p) => (locale === "zh" ? p.name_zh : p.name);
}

/** Saves a palette (POST /api/v1/palettes); the palette lists refresh. */
export function useCreatePalette(onSaved?: (palette: Palette) => void) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreatePaletteBody) => api.createPalette(body),
    onSuccess: async (p: Palette) => {
      onSaved?.(p);
      await qc.invalidateQueries({ queryKey: keys.palettes });
    },
  });
}

export function useModels() {
  return useQuery({ queryKey: keys.models, queryFn: api.models, staleTime: 60_000 });
}

/** The signed-in person (their role decides how much configuration detail the UI shows). */
export function useMe() {
  return useQuery({ queryKey: keys.me, queryFn: api.me, staleTime: 5 * 60_000 });
}

export function flattenModels(data: ModelsByType | undefined): Model[] {
  if (!data) return [];
  return MODEL_TYPES.flatMap((type) => Object.values(data[type] ?? {}));
}

export function useTasks(query: TaskQuery) {
  return useQuery({
    queryKey: keys.tasks(query),
    queryFn: () => api.tasks(query),
    refetchInterval: (q) => (q.state.data?.tasks.some((t) => isActive(t.status)) ? POLL_MS : false),
  });
}

export function useInfiniteTasks(query: TaskQuery, pageSize = 60) {
  return useInfiniteQuery({
    queryKey: keys.tasksInfinite({ ...query, page_size: pageSize }),
    initialPageParam: undefined as number | undefined,
    queryFn: ({ pageParam }) => api.tasks({ ...query, page_size: pageSize, before: pageParam }),
    getNextPageParam: (last: TaskList) => last.next_cursor ?? undefined,
    refetchInterval: (q) =>
      q.state.data?.pages[0]?.tasks.some((t) => isActive(t.status)) ? POLL_MS * 2 : false,
  });
}

export function useTask(id: number | null) {
  const qc = useQueryClient();
  return useQuery({
    queryKey: keys.task(id ?? 0),
    queryFn: async () => {
      const task = await api.task(id!);
      syncIntoLists(qc, [task]);
      return task;
    },
    enabled: id !== null && id > 0,
    refetchInterval: (q) => (q.state.data && isActive(q.state.data.status) ? POLL_MS : false),
  });
}

export function useBatch(id: number) {
  const qc = useQueryClient();
  return useQuery({
    queryKey: keys.batch(id),
    queryFn: async () => {
      const batch = await api.batch(id);
      syncIntoLists(qc, batch.tasks);
      return batch;
    },
    enabled: id > 0,
    refetchInterval: (q) =>
      q.state.data?.tasks.some((t) => isActive(t.status)) ||
      (q.state.data && q.state.data.tasks.length < q.state.data.batch.requested_count)
        ? POLL_MS
        : false,
  });
}

export function invalidateTasks(qc: QueryClient) {
  return Promise.all([
    qc.invalidateQueries({ queryKey: ["tasks"] }),
    qc.invalidateQueries({ queryKey: ["task"] }),
    qc.invalidateQueries({ queryKey: ["batch"] }),
    qc.invalidateQueries({ queryKey: ["batches"] }),
  ]);
}

/** Star toggle, applied optimistically to every cached list that holds the task. */
export function useStar() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, starred }: { id: number; starred: boolean }) => api.starTask(id, starred),
    onMutate: ({ id, starred }) => {
      const patch = (t: Task) => (t.id === id ? { ...t, starred } : t);
      qc.setQueriesData<unknown>({ queryKey: ["tasks"] }, (old: unknown) => patchLists(old, patch));
      qc.setQueryData<Task>(keys.task(id), (old) => (old ? { ...old, starred } : old));
    },
    onSettled: () => invalidateTasks(qc),
  });
}

export function useDeleteTasks() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (ids: number[]) => {
      const results = await Promise.allSettled(ids.map((id) => api.deleteTask(id)));
      const failed = results.find((r) => r.status === "rejected") as
        | PromiseRejectedResult
        | undefined;
      if (failed) throw failed.reason;
    },
    onSettled: () => invalidateTasks(qc),
  });
}

/**
 * One source of truth for a task's state: a fresh copy of a task (the latest result, a batch
 * being watched) is written into every cached list that shows it (a list row, or a frame of a
 * batch card), in the same update, so "Recent work" never says pending beside a "Latest" that
 * says completed while its own poll is still on the way. When a task has just finished, the
 * lists are refetched too (a finished task may add files, sizes and thumbnails they show).
 */
function syncIntoLists(qc: QueryClient, fresh: Task[]) {
  if (!fresh.length) return;
  const byId = new Map(fresh.map((t) => [t.id, t]));
  let finished = false;
  const patch = (t: Task): Task => {
    const f = byId.get(t.id);
    let out = t;
    if (f && (f.status !== t.status || f.updated_at !== t.updated_at)) {
      if (isActive(t.status) && !isActive(f.status)) finished = true;
      out = { ...t, ...f, batch_frames: t.batch_frames };
    }
    if (out.batch_frames?.some((fr) => byId.has(fr.id))) {
      out = {
        ...out,
        batch_frames: out.batch_frames.map((fr) => {
          const f2 = byId.get(fr.id);
          if (!f2 || (f2.status === fr.status && f2.updated_at === fr.updated_at)) return fr;
          if (isActive(fr.status) && !isActive(f2.status)) finished = true;
          return {
            ...fr,
            status: f2.status,
            image_path: f2.image_path,
            completed_at: f2.completed_at,
            updated_at: f2.updated_at,
          };
        }),
      };
    }
    return out;
  };
  qc.setQueriesData<unknown>({ queryKey: ["tasks"] }, (old: unknown) => patchLists(old, patch));
  if (finished) void qc.invalidateQueries({ queryKey: ["tasks"] });
}

function patchLists(old: unknown, patch: (t: Task) => Task): unknown {
  if (!old || typeof old !== "object") return old;
  const o = old as { tasks?: Task[]; pages?: TaskList[] };
  if (Array.isArray(o.tasks)) return { ...o, tasks: o.tasks.map(patch) };
  if (Array.isArray(o.pages)) {
    return { ...o, pages: o.pages.map((p) => ({ ...p, tasks: p.tasks.map(patch) })) };
  }
  return old;
}
