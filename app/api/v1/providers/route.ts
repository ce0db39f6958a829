import { qtHandler } from "@/lib/api/handler";
import { json } from "@/lib/api/respond";
import { providerList } from "@/lib/api/schemas/responses";
import { requireCaller } from "@/lib/auth/caller";
import { requireAdmin } from "@/lib/auth/require-admin";
import { listProviders } from "@/lib/providers/registry";

export const dynamic = "force-dynamic";

/** Extension (admin): every provider, its models, and which environment variables are missing. */
export const GET = qtHandler(async (req) => {
  const caller = await requireCaller(req);
  requireAdmin(caller);
  return json(providerList, { providers: listProviders() });
});
