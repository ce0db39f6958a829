import { notFound } from "@/lib/api/errors";
import { qtHandler } from "@/lib/api/handler";
import { json } from "@/lib/api/respond";
import { providerTestAnswer } from "@/lib/api/schemas/responses";
import { requireCaller } from "@/lib/auth/caller";
import { requireAdmin } from "@/lib/auth/require-admin";
import { testProviderConnection } from "@/lib/providers/connection-test";
import { allAdapters } from "@/lib/providers/registry";

export const dynamic = "force-dynamic";

/** Extension (admin): a cheap authenticated call to the provider, reported in words. */
export const POST = qtHandler<{ id: string }>(async (req, { params }) => {
  const caller = await requireCaller(req);
  requireAdmin(caller);
  if (!allAdapters().some((a) => a.id === params.id)) throw notFound(`Provider '${params.id}'`);
  return json(providerTestAnswer, await testProviderConnection(params.id));
});
