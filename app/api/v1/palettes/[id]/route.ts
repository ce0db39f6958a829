import { qtHandler } from "@/lib/api/handler";
import { json } from "@/lib/api/respond";
import {
  paletteAnswer,
  paletteDeleted,
  paletteIdParam,
  savedPaletteIdParam,
} from "@/lib/api/schemas/palettes";
import { requireCaller } from "@/lib/auth/caller";
import { deletePalette, getPalette } from "@/lib/palettes/saved";

export const dynamic = "force-dynamic";

/** Extension: one palette, a built-in by name or one of the caller's saved ones. */
export const GET = qtHandler<{ id: string }>(async (req, { params }) => {
  const caller = await requireCaller(req);
  const { id } = paletteIdParam.parse(params);
  return json(paletteAnswer, await getPalette(caller, id));
});

/** Extension: deletes a saved palette; work already created with it keeps its colours. */
export const DELETE = qtHandler<{ id: string }>(async (req, { params }) => {
  const caller = await requireCaller(req);
  const { id } = savedPaletteIdParam.parse(params);
  await deletePalette(caller, id);
  return json(paletteDeleted, { id, deleted: true });
});
