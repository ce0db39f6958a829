import { qtHandler } from "@/lib/api/handler";
import { requireCaller } from "@/lib/auth/caller";

export const dynamic = "force-dynamic";

/** Extension: who the key or session belongs to. */
export const GET = qtHandler(async (req) => {
  const { user, via } = await requireCaller(req);
  return Response.json({ id: user.id, email: user.email, name: user.name, role: user.role, via });
});
