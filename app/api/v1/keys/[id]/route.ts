import { notFound } from "@/lib/api/errors";
import { parseQuery, qtHandler } from "@/lib/api/handler";
import { json } from "@/lib/api/respond";
import { deleteKeyQuery, keyIdParam } from "@/lib/api/schemas/keys";
import { keyRemoved, keyRevoked } from "@/lib/api/schemas/responses";
import { removeRevokedApiKey, revokeApiKey } from "@/lib/auth/api-keys";
import { requireCaller } from "@/lib/auth/caller";

export const dynamic = "force-dynamic";

/**
 * Extension: revokes one of the caller's keys (it stops working on the next request); with
 * ?remove=true removes an already revoked one from the list.
 */
export const DELETE = qtHandler<{ id: string }>(async (req, { params }) => {
  const { user } = await requireCaller(req);
  const { id } = keyIdParam.parse(params);
  const { remove } = parseQuery(req, deleteKeyQuery);
  if (remove === "true") {
    if (!(await removeRevokedApiKey(id, user.id))) throw notFound("API key");
    return json(keyRemoved, { id, removed: true });
  }
  if (!(await revokeApiKey(id, user.id))) throw notFound("API key");
  return json(keyRevoked, { id, revoked: true });
});
