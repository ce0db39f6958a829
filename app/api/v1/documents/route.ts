import { parseJsonBody, parseQuery, qtHandler } from "@/lib/api/handler";
import { json } from "@/lib/api/respond";
import {
  createDocumentBody,
  documentAnswer,
  documentList,
  listDocumentsQuery,
} from "@/lib/api/schemas/documents";
import { requireCaller } from "@/lib/auth/caller";
import { DOCUMENT_BODY_MAX_BYTES, listDocuments, openDocument } from "@/lib/documents/documents";
import { DEFAULT_PAGE_SIZE } from "@/lib/tasks/list-tasks";

export const dynamic = "force-dynamic";

/** Extension: open a new editor document (version 1) from a task, batch, tileset, size or upload. */
export const POST = qtHandler(async (req) => {
  const { user } = await requireCaller(req);
  const body = await parseJsonBody(req, createDocumentBody, { maxBytes: DOCUMENT_BODY_MAX_BYTES });
  const doc = await openDocument(user.id, body);
  return json(documentAnswer, doc, { status: 201, headers: { ETag: `"${doc.version}"` } });
});

/** Extension: the caller's documents, newest first (filter by source for lineage). */
export const GET = qtHandler(async (req) => {
  const { user } = await requireCaller(req);
  const q = parseQuery(req, listDocumentsQuery);
  return json(
    documentList,
    await listDocuments(
      user.id,
      {
        sourceTaskId: q.source_task_id,
        sourceBatchId: q.source_batch_id,
        sourceTilesetId: q.source_tileset_id,
      },
      q.page ?? 1,
      DEFAULT_PAGE_SIZE,
    ),
  );
});
