// Browser-side client for /api/v1. Every failure becomes an ApiRequestError whose message is the
// server's words (QT family `{error, details}` or generations-API `{code, message}`).
import type {
  ApiKeyRow,
  ArchiveBody,
  BatchAnswer,
  BatchBody,
  BatchDetail,
  BatchList,
  CreatePaletteBody,
  GenerateAnswer,
  GenerateBody,
  Me,
  ModelsByType,
  Palette,
  Provider,
  Task,
  TaskList,
  Tileset,
  TilesetBody,
} from "./types";

export class ApiRequestError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.name = "ApiRequestError";
    this.status = status;
  }
}

function messageOf(status: number, body: unknown): string {
  if (body && typeof body === "object") {
    const b = body as Record<string, unknown>;
    if (typeof b.error === "string") {
      return typeof b.details === "string" && b.details ? `${b.error}: ${b.details}` : b.error;
    }
    if (typeof b.message === "string") return b.message;
  }
  return `HTTP ${status}`;
}

export async function apiFetch<T>(path: string, init: RequestInit = {}): Promise<T> {
  const headers = new Headers(init.headers);
  if (init.body && typeof init.body === "string" && !headers.has("Content-Type")) {
    headers.set("Content-Type", "application/json");
  }
  let res: Response;
  try {
    res = await fetch(path, { ...init, headers, credentials: "same-origin" });
  } catch {
    throw new ApiRequestError(0, "Network error: the studio server could not be reached");
  }
  const text = await res.text();
  let body: unknown = null;
  if (text) {
    try {
      body = JSON.parse(text);
    } catch {
      body = null;
    }
  }
  if (!res.ok) throw new ApiRequestError(res.status, messageOf(res.status, body));
  return body as T;
}

const json = (value: unknown) => JSON.stringify(value);

export interface TaskQuery {
  status?: string;
  page?: number;
  page_size?: number;
  q?: string;
  type?: string;
  model?: string;
  mode?: string;
  starred?: "true" | "false";
  batch_id?: number;
  before?: number;
  group?: "batch" | "character";
}

export function toSearch(query: object): string {
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === "") continue;
    sp.set(k, String(v));
  }
  const s = sp.toString();
  return s ? `?${s}` : "";
}

export const api = {
  me: () => apiFetch<Me>("/api/v1/me"),
  models: async () =>
    (await apiFetch<{ code: string; message: string; data: ModelsByType }>("/api/v1/models")).data,
  tasks: (query: TaskQuery = {}) => apiFetch<TaskList>(`/api/v1/tasks${toSearch(query)}`),
  task: (id: number) => apiFetch<Task>(`/api/v1/task/${id}`),
  palettes: () => apiFetch<{ palettes: Palette[] }>("/api/v1/palettes"),
  createPalette: (body: CreatePaletteBody) =>
    apiFetch<Palette>("/api/v1/palettes", { method: "POST", body: json(body) }),
  deletePalette: (id: string) =>
    apiFetch<{ id: string; deleted: true }>(`/api/v1/palettes/${id}`, { method: "DELETE" }),
  deleteTask: (id: number) =>
    apiFetch<{ id: number; deleted: boolean }>(`/api/v1/task/${id}`, { method: "DELETE" }),
  starTask: (id: number, starred: boolean) =>
    apiFetch<Task>(`/api/v1/task/${id}`, { method: "PATCH", body: json({ starred }) }),
  downloadUrl: (id: number) =>
    apiFetch<{ download_url: string; expires_in: number }>(`/api/v1/task/${id}/download-url`),
  operation: (id: number, model: string, params: Record<string, unknown>) =>
    apiFetch<{ task_id: number; status: string }>(`/api/v1/task/${id}/operations`, {
      method: "POST",
      body: json({ model, params }),
    }),
  generate: (body: GenerateBody) =>
    apiFetch<GenerateAnswer>("/api/v1/generate", { method: "POST", body: json(body) }),
  batchGenerate: (body: BatchBody) =>
    apiFetch<BatchAnswer>("/api/v1/batch-generate", { method: "POST", body: json(body) }),
  batch: (id: number) => apiFetch<BatchDetail>(`/api/v1/batch/${id}`),
  deleteBatch: (id: number) => apiFetch<unknown>(`/api/v1/batch/${id}`, { method: "DELETE" }),
  batches: (page = 1) => apiFetch<BatchList>(`/api/v1/batches?page=${page}`),
  regenerateFrame: (batchId: number, index: number) =>
    apiFetch<{ task_id: number; status: string }>(
      `/api/v1/batch/${batchId}/frames/${index}/regenerate`,
      { method: "POST" },
    ),
  keys: async () => (await apiFetch<{ keys: ApiKeyRow[] }>("/api/v1/keys")).keys,
  createKey: (name: string) =>
    apiFetch<ApiKeyRow & { key: string }>("/api/v1/keys", { method: "POST", body: json({ name }) }),
  revokeKey: (id: number) => apiFetch<unknown>(`/api/v1/keys/${id}`, { method: "DELETE" }),
  /** Removes an already revoked key from the list for good. */
  removeKey: (id: number) =>
    apiFetch<unknown>(`/api/v1/keys/${id}?remove=true`, { method: "DELETE" }),
  providers: async () => (await apiFetch<{ providers: Provider[] }>("/api/v1/providers")).providers,
  testProvider: (id: string) =>
    apiFetch<{ ok: boolean; message: string }>(`/api/v1/providers/${id}/test`, { method: "POST" }),
  openapi: () => apiFetch<Record<string, unknown>>("/api/v1/openapi.json"),
  createTileset: async (body: TilesetBody) =>
    (
      await apiFetch<{ tileset: Tileset }>("/api/v1/tilesets", {
        method: "POST",
        body: json(body),
      })
    ).tileset,
  tileset: async (id: number) =>
    (await apiFetch<{ tileset: Tileset }>(`/api/v1/tilesets/${id}`)).tileset,
  /** the generations API's audio generation (local/sfx offline); answers the task id "task_<n>" */
  generateAudio: async (body: { prompt: string; model: string; voice?: string; seed?: number }) =>
    (
      await apiFetch<{ code: string; data: { task_id: string } }>("/api/v1/generations/audio", {
        method: "POST",
        body: json(body),
      })
    ).data.task_id,
};

/** POSTs task ids and saves the returned ZIP (the archive route answers a file, not JSON). */
export async function downloadArchive(taskIds: number[], scale?: number): Promise<void> {
  const body: ArchiveBody = { task_ids: taskIds, scale: scale as ArchiveBody["scale"] };
  const res = await fetch("/api/v1/tasks/archive", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: json(body),
  });
  if (!res.ok) {
    let body: unknown = null;
    try {
      body = await res.json();
    } catch {
      body = null;
    }
    throw new ApiRequestError(res.status, messageOf(res.status, body));
  }
  const disposition = res.headers.get("Content-Disposition") ?? "";
  const match = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition);
  const name = match ? decodeURIComponent(match[1]) : `pixel-studio-${taskIds.length}.zip`;
  const blob = await res.blob();
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function isActive(status: string): boolean {
  return status === "pending" || status === "processing";
}

export function randomSeed(): number {
  return Math.floor(Math.random() * 2_147_483_647);
}
