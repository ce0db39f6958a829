import { qtHandler } from "@/lib/api/handler";
import { tilesetParams } from "@/lib/api/schemas/tilesets";
import { requireCaller } from "@/lib/auth/caller";
import { ownTileset, toTileset } from "@/lib/tilesets/tilesets";

export const dynamic = "force-dynamic";

/** Extension: one of the caller's tilesets (another user's answers 404). */
export const GET = qtHandler<{ id: string }>(async (req, { params }) => {
  const caller = await requireCaller(req);
  const { id } = tilesetParams.parse(params);
  const { task, spec } = await ownTileset(id, caller.user.id);
  return Response.json({ tileset: toTileset(task, spec) });
});
