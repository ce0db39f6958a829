import { parseJsonBody, parseQuery, qtHandler } from "@/lib/api/handler";
import { json } from "@/lib/api/respond";
import {
  documentAnswer,
  documentContentBody,
  documentParams,
  documentQuery,
} from "@/lib/api/schemas/documents";
import { requireCaller } from "@/lib/auth/caller";
import {
  answer,
  DOCUMENT_BODY_MAX_BYTES,
  documentVersion,
  ownDocument,
  parseIfMatch,
  saveDocument,
} from "@/lib/documents/documents";

export const dynamic = "force-dynamic";

/** Extension: a document (newest version, or `?version=N`), cels as PNG data URLs. */
export const GET = qtHandler<{ id: string }>(async (req, { params }) => {
  const { user } = await requireCaller(req);
  const { id } = documentParams.parse(params);
  const { version } = parseQuery(req, documentQuery);
  const row = await ownDocument(id, user.id);
  const v = await documentVersion(row, version);
  return json(documentAnswer, answer(row, v), { headers: { ETag: `"${row.version}"` } });
});

/** Extension: save the next version (If-Match: the version edited; stale → 409). */
export const PUT = qtHandler<{ id: string }>(async (req, { params }) => {
  const { user } = await requireCaller(req);
  const { id } = documentParams.parse(params);
  const row = await ownDocument(id, user.id);
  const expected = parseIfMatch(req.headers.get("if-match"));
  const body = await parseJsonBody(req, documentContentBody, { maxBytes: DOCUMENT_BODY_MAX_BYTES });
  const saved = await saveDocument(row, expected, body);
  return json(documentAnswer, saved, { headers: { ETag: `"${saved.version}"` } });
});
