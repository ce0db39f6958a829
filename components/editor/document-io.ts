"use client";
// The editor's side of /api/v1/documents: a document travels as JSON with every cel a PNG data
// URL (RGBA at the document's size). The browser decodes and encodes those PNGs with Canvas2D;
// unsaved work is kept in IndexedDB so a closed tab loses no strokes.
import type { z } from "zod";
import type {
  createDocumentBody,
  documentAnswer,
  documentList,
  documentVersionList,
} from "@/lib/api/schemas/documents";
import { ApiRequestError, apiFetch } from "@/lib/client/api";
import {
  documentFromJson,
  documentToJson,
  type PngCodec,
  type SpriteDocument,
} from "@/lib/document";

/** A document as the API answers it (GET /api/v1/documents/:id). */
export type DocumentWire = z.infer<typeof documentAnswer>;
export type DocumentList = z.infer<typeof documentList>;
export type DocumentVersions = z.infer<typeof documentVersionList>;

/** Cels as PNG data URLs, coded by the browser's canvas (the server uses sharp). */
export const browserPngCodec: PngCodec = {
  async encode(rgba, width, height) {
    const canvas = new OffscreenCanvas(width, height);
    const img = new ImageData(width, height);
    img.data.set(rgba);
    canvas.getContext("2d")!.putImageData(img, 0, 0);
    const blob = await canvas.convertToBlob({ type: "image/png" });
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let bin = "";
    for (let i = 0; i < bytes.length; i += 0x8000)
      bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return `data:image/png;base64,${btoa(bin)}`;
  },
  async decode(dataUrl) {
    // decoded by hand: the CSP (connect-src 'self') does not let fetch() read data: URLs
    const bin = atob(dataUrl.slice(dataUrl.indexOf(",") + 1));
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    const blob = new Blob([bytes], { type: "image/png" });
    const bitmap = await createImageBitmap(blob, {
      premultiplyAlpha: "none",
      colorSpaceConversion: "none",
    });
    const { width, height } = bitmap;
    const ctx = new OffscreenCanvas(width, height).getContext("2d", { willReadFrequently: true })!;
    ctx.drawImage(bitmap, 0, 0);
    bitmap.close();
    return { rgba: ctx.getImageData(0, 0, width, height).data, width, height };
  },
};

/** React Query's key of a document (latest, or one version). */
export const documentKey = (id: number, version?: number) => ["document", id, version ?? "latest"];

const decoded = new WeakMap<DocumentWire, Promise<SpriteDocument>>();

/**
 * The document of an answer, decoded once per answer: "Edit" starts decoding as soon as the
 * server answers, while the editor's page may still be on its way, and the editor then takes the
 * same promise instead of decoding again.
 */
export function documentFromWire(wire: DocumentWire): Promise<SpriteDocument> {
  let doc = decoded.get(wire);
  if (!doc) {
    doc = documentFromJson(wire, browserPngCodec);
    decoded.set(wire, doc);
  }
  return doc;
}

/** Where an editor document comes from (the route's own body type). */
export type DocumentSource = z.input<typeof createDocumentBody>;

export const documentsApi = {
  create: (source: DocumentSource) =>
    apiFetch<DocumentWire>("/api/v1/documents", { method: "POST", body: JSON.stringify(source) }),
  get: (id: number, version?: number) =>
    apiFetch<DocumentWire>(`/api/v1/documents/${id}${version ? `?version=${version}` : ""}`),
  versions: (id: number) => apiFetch<DocumentVersions>(`/api/v1/documents/${id}/versions`),
  list: (filter: {
    source_task_id?: number;
    source_batch_id?: number;
    source_tileset_id?: number;
  }) =>
    apiFetch<DocumentList>(
      `/api/v1/documents?${new URLSearchParams(Object.entries(filter).map(([k, v]) => [k, String(v)]))}`,
    ),
};

/**
 * A document being made by "Edit" while the browser already navigates to /editor/open: the
 * request to make it and the loading of the editor's page run side by side instead of one after
 * the other (module state: it lives as long as this tab's client-side navigation does).
 */
let opening: { source: DocumentSource; promise: Promise<DocumentWire> } | null = null;

export function startOpening(source: DocumentSource): Promise<DocumentWire> {
  const promise = documentsApi.create(source);
  opening = { source, promise };
  // a failure is shown by /editor/open (and a bad cel by the editor); these keep them from being
  // unhandled rejections meanwhile
  promise.then(documentFromWire).catch(() => {});
  return promise;
}

/** The document "Edit" is making (null after a reload or a bookmark of /editor/open). */
export function pendingOpening(): Promise<DocumentWire> | null {
  return opening?.promise ?? null;
}

/** Forgets a made document, so coming back to /editor/open does not reopen it. */
export function forgetOpening(promise: Promise<DocumentWire>) {
  if (opening?.promise === promise) opening = null;
}

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
  const body = await documentToJson(doc, browserPngCodec);
  const res = await fetch(`/api/v1/documents/${id}`, {
    method: "PUT",
    credentials: "same-origin",
    headers: { "Content-Type": "application/json", "If-Match": `"${version}"` },
    body: JSON.stringify(body),
  });
  const answer = await res.json().catch(() => null);
  if (res.status === 409) {
    // QT family: {error, details: "current_version=N"}
    const current = Number(/current_version=(\d+)/.exec(String(answer?.details ?? ""))?.[1]);
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
