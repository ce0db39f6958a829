import { qtHandler } from "@/lib/api/handler";
import { json } from "@/lib/api/respond";
import { meAnswer } from "@/lib/api/schemas/responses";
import { requireCaller } from "@/lib/auth/caller";

export const dynamic = "force-dynamic";

/** Extension: who the key or session belongs to. */
export const GET = qtHandler(async (req) => {
  const { user, via } = await requireCaller(req);
  return json(meAnswer, {
    id: user.id,
    email: user.email,
    name: user.name ?? null,
    role: user.role,
    via,
  });
});
