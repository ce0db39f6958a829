// Editor documents on the server: open one from a source (lineage kept, the source untouched),
// read any version, save a new version with If-Match (stale → 409 with the current version), and
// list them. A save is one database transaction that adds the version AND a gallery entry (an
// image task whose files are the composited frames) linked to the source.
import crypto from "node:crypto";
import { isoSeconds } from "@/lib/api/time";
import {
  getDocumentForUser,
  getDocumentVersion,
  insertDocumentWithFirstVersion,
  listDocumentRows,
  StaleVersionError,
  saveDocumentVersion,
  versionsOfDocument,
} from "@/lib/db/documents";
import type { DocumentRow, DocumentVersionRow, Task } from "@/lib/db/schema";
import { getBatchForUser, getTaskForUser } from "@/lib/db/tasks";
import {
  compositeFrame,
  type DocumentContentJson,
  documentFromJson,
  documentToJson,
  type SpriteDocument,
} from "@/lib/document";
import { ConflictError, InvalidInputError, NotFoundError } from "@/lib/errors";
import { encodeGridPng } from "@/lib/pixel/raster";
import { normalizePrompt } from "@/lib/prompts/similarity";
import { getBlobStore } from "@/lib/storage/blob-store";
import { tilesetSpecOf } from "@/lib/tilesets/tilesets";
import { DOCUMENT_TASK_MODE, EDITOR_MODEL } from "@/lib/vocabulary";
import {
  blankDocument,
  documentFromBatch,
  documentFromTask,
  documentFromTileset,
  documentFromUpload,
} from "./open-sources";
import { serverPngCodec } from "./png-codec";

export interface OpenDocumentInput {
  source_task_id?: number;
  source_batch_id?: number;
  source_tileset_id?: number;
  width?: number;
  height?: number;
  frames?: number;
  upload?: { image: string; aseprite_json?: string | Record<string, unknown> };
  title?: string;
}

/** What a client sees: the content plus id, version and lineage. */
export interface DocumentAnswer extends DocumentContentJson {
  id: number;
  version: number;
  latest_version: number;
  title: string;
  source_task_id: number | null;
  source_batch_id: number | null;
  source_tileset_id: number | null;
  /** the gallery entry this version made (null for version 1, the opened source) */
  task_id: number | null;
  created_at: string;
  updated_at: string;
}

function uploadBytes(dataUrl: string): Buffer {
  const comma = dataUrl.indexOf(",");
  return Buffer.from(dataUrl.slice(comma + 1), "base64");
}

/** Opens a new document (version 1) from exactly one source; unknown or foreign ids are 404. */
export async function openDocument(
  userId: number,
  input: OpenDocumentInput,
): Promise<DocumentAnswer> {
  let doc: SpriteDocument;
  let title: string;
  const lineage = {
    sourceTaskId: null as number | null,
    sourceBatchId: null as number | null,
    sourceTilesetId: null as number | null,
  };
  if (input.source_task_id !== undefined) {
    const task = await getTaskForUser(input.source_task_id, userId);
    if (!task) throw new NotFoundError(`Task ${input.source_task_id} not found`);
    doc = await documentFromTask(task);
    title = task.prompt;
    lineage.sourceTaskId = task.id;
  } else if (input.source_batch_id !== undefined) {
    const batch = await getBatchForUser(input.source_batch_id, userId);
    if (!batch) throw new NotFoundError(`Batch ${input.source_batch_id} not found`);
    doc = await documentFromBatch(batch);
    title = `${batch.prompt} (${batch.mode})`;
    lineage.sourceBatchId = batch.id;
  } else if (input.source_tileset_id !== undefined) {
    const task = await getTaskForUser(input.source_tileset_id, userId);
    if (!task || !tilesetSpecOf(task))
      throw new NotFoundError(`Tileset ${input.source_tileset_id} not found`);
    doc = await documentFromTileset(task);
    title = task.prompt;
    lineage.sourceTilesetId = task.id;
  } else if (input.upload) {
    doc = await documentFromUpload({
      image: uploadBytes(input.upload.image),
      asepriteJson: input.upload.aseprite_json,
    });
    title = "Upload";
  } else if (input.width !== undefined && input.height !== undefined) {
    doc = blankDocument(input.width, input.height, input.frames ?? 1);
    title = `Blank ${input.width}×${input.height}`;
  } else {
    throw new InvalidInputError(
      "give a source_task_id, source_batch_id, source_tileset_id, width + height, or an upload",
    );
  }
  title = (input.title ?? title).slice(0, 200);
  const content = await documentToJson(doc, serverPngCodec);
  const { doc: row, version } = await insertDocumentWithFirstVersion(
    {
      userId,
      title,
      width: doc.width,
      height: doc.height,
      frameCount: doc.frames.length,
      ...lineage,
    },
    content as unknown as Record<string, unknown>,
  );
  return answer(row, version);
}

export function answer(row: DocumentRow, version: DocumentVersionRow): DocumentAnswer {
  const content = version.content as unknown as DocumentContentJson;
  return {
    id: row.id,
    version: version.version,
    latest_version: row.version,
    title: row.title,
    ...content,
    source_task_id: row.sourceTaskId,
    source_batch_id: row.sourceBatchId,
    source_tileset_id: row.sourceTilesetId,
    task_id: version.taskId,
    created_at: isoSeconds(version.createdAt)!,
    updated_at: isoSeconds(row.updatedAt)!,
  };
}

export async function ownDocument(id: number, userId: number): Promise<DocumentRow> {
  const row = await getDocumentForUser(id, userId);
  if (!row) throw new NotFoundError(`Document ${id} not found`);
  return row;
}

/** A version's row (default: the newest); an unknown version is 404. */
export async function documentVersion(
  row: DocumentRow,
  version?: number,
): Promise<DocumentVersionRow> {
  const v = await getDocumentVersion(row.id, version ?? row.version);
  if (!v) throw new NotFoundError(`Version ${version} of document ${row.id} not found`);
  return v;
}

/** The model of a stored version (decoded cels), for exports and MCP. */
export async function loadDocument(version: DocumentVersionRow): Promise<SpriteDocument> {
  return documentFromJson(version.content as unknown as DocumentContentJson, serverPngCodec);
}

export async function listVersions(row: DocumentRow) {
  return (await versionsOfDocument(row.id)).map((v) => ({
    version: v.version,
    task_id: v.taskId,
    created_at: isoSeconds(v.createdAt)!,
    url: `/api/v1/documents/${row.id}?version=${v.version}`,
  }));
}

export function summary(row: DocumentRow) {
  return {
    id: row.id,
    title: row.title,
    version: row.version,
    width: row.width,
    height: row.height,
    frame_count: row.frameCount,
    source_task_id: row.sourceTaskId,
    source_batch_id: row.sourceBatchId,
    source_tileset_id: row.sourceTilesetId,
    created_at: isoSeconds(row.createdAt)!,
    updated_at: isoSeconds(row.updatedAt)!,
  };
}

export async function listDocuments(
  userId: number,
  filter: { sourceTaskId?: number; sourceBatchId?: number; sourceTilesetId?: number },
  page: number,
  pageSize: number,
) {
  const { rows, total } = await listDocumentRows(
    { userId, ...filter },
    { limit: pageSize, offset: (page - 1) * pageSize },
  );
  return { documents: rows.map(summary), total, page, page_size: pageSize };
}

/** "3", "\"3\"" or W/"3" → 3. */
export function parseIfMatch(header: string | null): number {
  const m = header ? /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(header) : null;
  if (!m) {
    throw new InvalidInputError(
      'If-Match is required: the version you edited, e.g. If-Match: "3" (GET answers it as ETag and `version`)',
    );
  }
  return Number(m[1]);
}

/** Sheet of the composited frames in one row at 1×: the gallery entry's logical grid. */
function stripOf(doc: SpriteDocument) {
  const w = doc.width * doc.frames.length;
  const data = new Uint8ClampedArray(w * doc.height * 4);
  doc.frames.forEach((_, f) => {
    const px = compositeFrame(doc, f);
    for (let y = 0; y < doc.height; y++) {
      data.set(
        px.subarray(y * doc.width * 4, (y + 1) * doc.width * 4),
        (y * w + f * doc.width) * 4,
      );
    }
  });
  return { width: w, height: doc.height, data };
}

const GALLERY_BOX = 640;
const THUMB_BOX = 160;

/**
 * Saves the caller's edit as the next version. `content` is validated whole (limits, cel sizes,
 * data URLs, palette) before anything is written; the files of the gallery entry go to storage
 * under a fresh prefix, then one transaction writes the version, the task and its file rows.
 */
export async function saveDocument(
  row: DocumentRow,
  expectedVersion: number,
  content: DocumentContentJson & { title?: string },
): Promise<DocumentAnswer> {
  if (expectedVersion !== row.version) throw staleError(row, expectedVersion);
  const doc = await documentFromJson(content, serverPngCodec);
  // What we store is what we would answer: cels re-encoded from the decoded pixels.
  const normalised = await documentToJson(doc, serverPngCodec);
  const title = (content.title ?? row.title).slice(0, 200);
  const strip = stripOf(doc);
  const scale = Math.max(
    1,
    Math.min(20, Math.floor(GALLERY_BOX / Math.max(strip.width, strip.height))),
  );
  const thumbScale = Math.max(1, Math.floor(THUMB_BOX / Math.max(strip.width, strip.height)));
  const files = [
    { kind: "image" as const, png: await encodeGridPng(strip, scale, "transparent"), s: scale },
    { kind: "logical" as const, png: await encodeGridPng(strip, 1, "transparent"), s: 1 },
    {
      kind: "thumb" as const,
      png: await encodeGridPng(strip, thumbScale, "transparent"),
      s: thumbScale,
    },
  ];
  const prefix = `documents/${row.id}/saves/${crypto.randomUUID()}`;
  const store = getBlobStore();
  const now = new Date();
  const version = expectedVersion + 1;
  try {
    for (const f of files) await store.put(`${prefix}/${f.kind}-0.png`, f.png, "image/png");
    const saved = await saveDocumentVersion({
      documentId: row.id,
      userId: row.userId,
      expectedVersion,
      content: normalised as unknown as Record<string, unknown>,
      meta: { width: doc.width, height: doc.height, frameCount: doc.frames.length, title },
      task: {
        userId: row.userId,
        type: "image",
        model: EDITOR_MODEL,
        provider: "local",
        prompt: title,
        promptNorm: normalizePrompt(title),
        mode: DOCUMENT_TASK_MODE,
        background: "transparent",
        scale,
        sourceTaskId: row.sourceTaskId ?? row.sourceTilesetId,
        params: {
          prompt: title,
          editor: {
            document_id: row.id,
            version,
            frames: doc.frames.length,
            width: doc.width,
            height: doc.height,
            source_task_id: row.sourceTaskId,
            source_batch_id: row.sourceBatchId,
            source_tileset_id: row.sourceTilesetId,
          },
        },
        status: "completed",
        width: strip.width * scale,
        height: strip.height * scale,
        startedAt: now,
        completedAt: now,
      },
      files: files.map((f) => ({
        userId: row.userId,
        kind: f.kind,
        position: 0,
        storageKey: `${prefix}/${f.kind}-0.png`,
        contentType: "image/png",
        width: strip.width * f.s,
        height: strip.height * f.s,
        bytes: f.png.length,
      })),
    });
    return answer(saved.doc, saved.version);
  } catch (error) {
    await store.deletePrefix(prefix).catch(() => {});
    if (error instanceof StaleVersionError) {
      throw staleError((await getDocumentForUser(row.id, row.userId)) ?? row, expectedVersion);
    }
    throw error;
  }
}

function staleError(row: DocumentRow, expected: number): ConflictError {
  return new ConflictError(
    `Document ${row.id} was saved elsewhere: you edited version ${expected}, the current version is ${row.version}`,
    `current_version=${row.version}`,
  );
}

/** The editor lineage of a gallery task (null for tasks the editor did not make). */
export function editorLineageOf(task: Pick<Task, "params">) {
  const e = (task.params as { editor?: Record<string, unknown> } | null)?.editor;
  if (!e || typeof e.document_id !== "number") return null;
  return {
    document_id: e.document_id,
    version: Number(e.version),
    source_task_id: (e.source_task_id as number | null) ?? null,
    source_batch_id: (e.source_batch_id as number | null) ?? null,
    source_tileset_id: (e.source_tileset_id as number | null) ?? null,
  };
}

/** A document's JSON can be large (cels as data URLs): the routes accept up to this. */
export const DOCUMENT_BODY_MAX_BYTES = 32 * 1024 * 1024;
