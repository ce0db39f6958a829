import { notFound } from "@/lib/api/errors";
import { qtHandler } from "@/lib/api/handler";
import { json } from "@/lib/api/respond";
import { keyIdParam } from "@/lib/api/schemas/keys";
import { keyRevoked } from "@/lib/api/schemas/responses";
import { revokeApiKey } from "@/lib/auth/api-keys";
import { requireCaller } from "@/lib/auth/caller";

export const dynamic = "force-dynamic";

/** Extension: revokes one of the caller's keys; it stops working on the next request. */
export const DELETE = qtHandler<{ id: string }>(async (req, { params }) => {
  const { user } = await requireCaller(req);
  const { id } = keyIdParam.parse(params);
  if (!(await revokeApiKey(id, user.id))) throw notFound("API key");
  return json(keyRevoked, { id, revoked: true });
});
