import { parseJsonBody, qtHandler } from "@/lib/api/handler";
import { json } from "@/lib/api/respond";
import { createKeyBody } from "@/lib/api/schemas/keys";
import { keyCreated, keyList } from "@/lib/api/schemas/responses";
import { createApiKey, listApiKeys } from "@/lib/auth/api-keys";
import { requireCaller } from "@/lib/auth/caller";

export const dynamic = "force-dynamic";

/** Extension: the caller's API keys (never the keys themselves, only prefix and last 4). */
export const GET = qtHandler(async (req) => {
  const { user } = await requireCaller(req);
  return json(keyList, { keys: await listApiKeys(user.id) });
});

/** Extension: creates a key; the `key` field is shown this once and never again. */
export const POST = qtHandler(async (req) => {
  const { user } = await requireCaller(req);
  const body = await parseJsonBody(req, createKeyBody);
  const { key, record } = await createApiKey(user.id, body.name);
  return json(keyCreated, { key, ...record }, { status: 201 });
});
