import { parseQuery, qtHandler } from "@/lib/api/handler";
import { characterExportQuery, characterParams } from "@/lib/api/schemas/character-fields";
import { requireCaller } from "@/lib/auth/caller";
import { loadCharacter } from "@/lib/characters/characters";
import { characterZip } from "@/lib/characters/export";

export const dynamic = "force-dynamic";

/** Extension (#19): the whole character as one ZIP (sheets, Aseprite JSON, Godot, atlas, facings). */
export const GET = qtHandler<{ id: string }>(async (req, { params }) => {
  const { user } = await requireCaller(req);
  const { id } = characterParams.parse(params);
  const q = parseQuery(req, characterExportQuery);
  const detail = await loadCharacter(id, user.id);
  const body = await characterZip(detail, { scale: q.scale });
  return new Response(body, {
    headers: {
      "Content-Type": "application/zip",
      "Content-Disposition": `attachment; filename=character_${id}.zip`,
    },
  });
});
