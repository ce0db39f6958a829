import { parseQuery, qtHandler } from "@/lib/api/handler";
import { paletteExportQuery, paletteIdParam } from "@/lib/api/schemas/palettes";
import { requireCaller } from "@/lib/auth/caller";
import { exportPalette } from "@/lib/palettes/saved";

export const dynamic = "force-dynamic";

/** Extension: a palette as a file (.hex, .gpl or .pal) for Aseprite, GIMP, Lospec … */
export const GET = qtHandler<{ id: string }>(async (req, { params }) => {
  const caller = await requireCaller(req);
  const { id } = paletteIdParam.parse(params);
  const { format } = parseQuery(req, paletteExportQuery);
  const file = await exportPalette(caller, id, format);
  return new Response(file.body, {
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": `attachment; filename="${file.filename}"`,
    },
  });
});
