"use client";
// The editor's side of /api/v1/documents: a document travels as JSON with every cel a PNG data
// URL (RGBA at the document's size). The browser decodes and encodes those PNGs with Canvas2D;
// unsaved work is kept in IndexedDB so a closed tab loses no strokes.
import { ApiRequestError, apiFetch } from "@/lib/client/api";
import {
  celRgba,
  createDocument,
  type SpriteDocument,
  toIndexed,
  validateDocument,
} from "@/lib/document";
import type { Facing } from "@/lib/vocabulary";

/** A document as the API sends it (GET /api/v1/documents/:id). */
export interface DocumentWire {
  id: number;
  version: number;
  width: number;
  height: number;
  color_mode?: "rgba" | "indexed";
  frames: { duration_ms: number }[];
  layers: { name: string; visible: boolean; opacity: number; locked?: boolean }[];
  cels: { frame: number; layer: number; png: string }[];
  palette: string[];
  tags: { name: string; from: number; to: number; direction?: Facing | null }[];
  pivot?: { x: number; y: number };
  title?: string | null;
  task_id?: number | null;
  source?: Record<string, unknown> | null;
}

export type DocumentBody = Omit<DocumentWire, "id" | "version" | "task_id" | "source">;

async function decodePng(dataUrl: string, w: number, h: number): Promise<Uint8ClampedArray> {
  const blob = await (await fetch(dataUrl)).blob();
  const bitmap = await createImageBitmap(blob, {
    premultiplyAlpha: "none",
    colorSpaceConversion: "none",
  });
  const canvas = new OffscreenCanvas(w, h);
  const ctx = canvas.getContext("2d", { willReadFrequently: true })!;
  ctx.drawImage(bitmap, 0, 0);
  bitmap.close();
  return ctx.getImageData(0, 0, w, h, { colorSpace: "srgb" }).data;
}

async function encodePng(rgba: Uint8ClampedArray, w: number, h: number): Promise<string> {
  const canvas = new OffscreenCanvas(w, h);
  canvas.getContext("2d")!.putImageData(new ImageData(new Uint8ClampedArray(rgba), w, h), 0, 0);
  const blob = await canvas.convertToBlob({ type: "image/png" });
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let bin = "";
  for (let i = 0; i < bytes.length; i += 0x8000)
    bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return `data:image/png;base64,${btoa(bin)}`;
}

export async function documentFromWire(wire: DocumentWire): Promise<SpriteDocument> {
  const { width: w, height: h } = wire;
  const base = createDocument({
    width: w,
    height: h,
    frames: wire.frames.length,
    layers: wire.layers.length,
  });
  const cels = base.cels.map((row) => row.slice());
  await Promise.all(
    wire.cels.map(async (c) => {
      cels[c.layer]![c.frame] = await decodePng(c.png, w, h);
    }),
  );
  let doc: SpriteDocument = {
    ...base,
    frames: wire.frames.map((f) => ({ durationMs: f.duration_ms })),
    layers: wire.layers.map((l) => ({
      name: l.name,
      visible: l.visible,
      opacity: l.opacity,
      locked: l.locked ?? false,
    })),
    cels,
    palette: wire.palette.map((c) => c.toLowerCase()),
    tags: wire.tags.map((t) => ({
      name: t.name,
      from: t.from,
      to: t.to,
      ...(t.direction ? { direction: t.direction } : {}),
    })),
    pivot: wire.pivot ?? base.pivot,
  };
  if (wire.color_mode === "indexed") doc = toIndexed(doc, { extendPalette: true }).doc;
  validateDocument(doc);
  return doc;
}

export async function documentToWire(doc: SpriteDocument): Promise<DocumentBody> {
  const cels: DocumentBody["cels"] = [];
  for (let l = 0; l < doc.layers.length; l++)
    for (let f = 0; f < doc.frames.length; f++)
      cels.push({
        frame: f,
        layer: l,
        png: await encodePng(celRgba(doc, l, f), doc.width, doc.height),
      });
  return {
    width: doc.width,
    height: doc.height,
    color_mode: doc.colorMode,
    frames: doc.frames.map((f) => ({ duration_ms: f.durationMs })),
    layers: doc.layers.map((l) => ({
      name: l.name,
      visible: l.visible,
      opacity: l.opacity,
      locked: l.locked,
    })),
    cels,
    palette: doc.palette,
    tags: doc.tags.map((t) => ({ name: t.name, from: t.from, to: t.to, direction: t.direction })),
    pivot: doc.pivot,
  };
}

/** Where an editor document comes from. */
export type DocumentSource =
  | { source_task_id: number }
  | { source_batch_id: number }
  | { source_tileset_id: number }
  | { width: number; height: number; frames?: number }
  | { upload: { image: string; aseprite_json?: string } };

export const documentsApi = {
  create: (source: DocumentSource) =>
    apiFetch<DocumentWire>("/api/v1/documents", { method: "POST", body: JSON.stringify(source) }),
  get: (id: number, version?: number) =>
    apiFetch<DocumentWire>(`/api/v1/documents/${id}${version ? `?version=${version}` : ""}`),
  versions: (id: number) =>
    apiFetch<{ versions: { version: number; created_at: string; task_id?: number | null }[] }>(
      `/api/v1/documents/${id}/versions`,
    ),
};

/** The answer to a stale save: the server's current version (the strokes stay in the browser). */
export class SaveConflict extends Error {
  constructor(readonly current: number) {
    super(`conflict: the document is at version ${current}`);
  }
}

export async function saveDocument(
  id: number,
  version: number,
  doc: SpriteDocument,
): Promise<DocumentWire> {
  const body = await documentToWire(doc);
  const res = await fetch(`/api/v1/documents/${id}`, {
    method: "PUT",
    credentials: "same-origin",
    headers: { "Content-Type": "application/json", "If-Match": String(version) },
    body: JSON.stringify(body),
  });
  const answer = await res.json().catch(() => null);
  if (res.status === 409) {
    const current = Number(answer?.current_version ?? answer?.version ?? answer?.details?.version);
    throw new SaveConflict(Number.isFinite(current) ? current : version + 1);
  }
  if (!res.ok)
    throw new ApiRequestError(res.status, answer?.message ?? answer?.error ?? `HTTP ${res.status}`);
  return answer as DocumentWire;
}

// ---- unsaved work in IndexedDB (one record per document id) ----

const DB_NAME = "pixel-studio-editor";
const STORE = "drafts";

export interface Draft {
  id: string;
  baseVersion: number;
  savedAt: number;
  doc: SpriteDocument;
}

function openDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE, { keyPath: "id" });
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

async function withStore<T>(mode: IDBTransactionMode, run: (s: IDBObjectStore) => IDBRequest<T>) {
  const db = await openDb();
  try {
    return await new Promise<T>((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const req = run(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(req.result);
      tx.onerror = () => reject(tx.error);
    });
  } finally {
    db.close();
  }
}

/** Typed arrays are structured-cloneable, so the document is stored as it is. */
export const drafts = {
  put: (draft: Draft) => withStore("readwrite", (s) => s.put(draft)),
  get: (id: string) => withStore<Draft | undefined>("readonly", (s) => s.get(id)),
  remove: (id: string) => withStore("readwrite", (s) => s.delete(id)),
};
