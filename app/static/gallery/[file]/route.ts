import { notFound } from "@/lib/api/errors";
import { qtHandler } from "@/lib/api/handler";
import { requireCaller } from "@/lib/auth/caller";
import { imageResponse } from "@/lib/tasks/serve-file";
import { ownTask } from "@/lib/tasks/task-access";

export const dynamic = "force-dynamic";

const FILE = /^([1-9]\d{0,15})(_thumb)?\.png$/;

/** QT Pixel API (docs/qt-pixel-api.md) `image_path`: /static/gallery/<id>.png (and <id>_thumb.png), for the owner only. */
export const GET = qtHandler<{ file: string }>(async (req, { params }) => {
  const { user } = await requireCaller(req);
  const match = FILE.exec(params.file);
  if (!match) throw notFound("Image");
  const id = Number(match[1]);
  await ownTask(id, user.id);
  const res = await imageResponse(id, match[2] ? "thumb" : "image", {
    ifNoneMatch: req.headers.get("if-none-match"),
  });
  if (!res) throw notFound(`Image of task ${id}`);
  return res;
});
