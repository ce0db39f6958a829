import { qtHandler } from "@/lib/api/handler";
import { json } from "@/lib/api/respond";
import { documentParams, documentVersionList } from "@/lib/api/schemas/documents";
import { requireCaller } from "@/lib/auth/caller";
import { listVersions, ownDocument } from "@/lib/documents/documents";

export const dynamic = "force-dynamic";

/** Extension: every version of a document, newest first (open one with ?version=N). */
export const GET = qtHandler<{ id: string }>(async (req, { params }) => {
  const { user } = await requireCaller(req);
  const { id } = documentParams.parse(params);
  const row = await ownDocument(id, user.id);
  return json(documentVersionList, {
    id: row.id,
    latest_version: row.version,
    versions: await listVersions(row),
  });
});
