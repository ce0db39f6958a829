import { parseJsonBody, qtHandler } from "@/lib/api/handler";
import { json } from "@/lib/api/respond";
import { createPaletteBody, paletteAnswer, paletteList } from "@/lib/api/schemas/palettes";
import { requireCaller } from "@/lib/auth/caller";
import { createPalette, listPalettes } from "@/lib/palettes/saved";

export const dynamic = "force-dynamic";

/** Extension: the built-in palettes, then the caller's saved ones (newest first). */
export const GET = qtHandler(async (req) => {
  const caller = await requireCaller(req);
  return json(paletteList, { palettes: await listPalettes(caller) });
});

/** Extension: saves a palette from a palette file, a colour list or an image's colours. */
export const POST = qtHandler(async (req) => {
  const caller = await requireCaller(req);
  const body = await parseJsonBody(req, createPaletteBody, { maxBytes: 14_600_000 });
  const palette = await createPalette(caller, {
    name: body.name,
    file: body.file,
    filename: body.filename,
    colors: body.colors,
    image: body.image,
    taskId: body.task_id,
    count: body.count,
  });
  return json(paletteAnswer, palette, { status: 201 });
});
