import { parseQuery, qtHandler } from "@/lib/api/handler";
import { documentExportQuery, documentParams } from "@/lib/api/schemas/documents";
import { requireCaller } from "@/lib/auth/caller";
import { documentVersion, loadDocument, ownDocument } from "@/lib/documents/documents";
import { exportDocument } from "@/lib/documents/exports";

export const dynamic = "force-dynamic";

/** Extension: a document through the studio's exporters (and as a real .aseprite file). */
export const GET = qtHandler<{ id: string }>(async (req, { params }) => {
  const { user } = await requireCaller(req);
  const { id } = documentParams.parse(params);
  const q = parseQuery(req, documentExportQuery);
  const row = await ownDocument(id, user.id);
  const doc = await loadDocument(await documentVersion(row, q.version));
  const file = await exportDocument(doc, {
    id: row.id,
    title: row.title,
    format: q.format,
    scale: q.scale,
    frame: q.frame,
  });
  return new Response(file.body as BodyInit, {
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": `attachment; filename=${file.filename}`,
    },
  });
});
