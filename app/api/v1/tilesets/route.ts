import { parseJsonBody, parseQuery, qtHandler } from "@/lib/api/handler";
import { batchesQuery } from "@/lib/api/schemas/batches";
import { createTilesetBody } from "@/lib/api/schemas/tilesets";
import { requireCaller } from "@/lib/auth/caller";
import { listTasks } from "@/lib/db/tasks";
import { DEFAULT_PAGE_SIZE } from "@/lib/tasks/list-tasks";
import { createTileset, tilesetSpecOf, toTileset } from "@/lib/tilesets/tilesets";
import { TILESET_MODE } from "@/lib/vocabulary";

export const dynamic = "force-dynamic";

/** Extension: draw a two-terrain tileset (corner16 or blob47) with its engine files. */
export const POST = qtHandler(async (req) => {
  const caller = await requireCaller(req);
  const body = await parseJsonBody(req, createTilesetBody);
  const task = await createTileset(caller, body);
  return Response.json({ tileset: toTileset(task, tilesetSpecOf(task)!) }, { status: 201 });
});

/** Extension: the caller's tilesets, newest first. */
export const GET = qtHandler(async (req) => {
  const { user } = await requireCaller(req);
  const { page = 1 } = parseQuery(req, batchesQuery);
  const { rows, total } = await listTasks(
    { userId: user.id, mode: TILESET_MODE },
    { limit: DEFAULT_PAGE_SIZE, offset: (page - 1) * DEFAULT_PAGE_SIZE },
  );
  const tilesets = rows.flatMap((t) => {
    const spec = tilesetSpecOf(t);
    return spec ? [toTileset(t, spec)] : [];
  });
  return Response.json({ tilesets, total, page, page_size: DEFAULT_PAGE_SIZE });
});
