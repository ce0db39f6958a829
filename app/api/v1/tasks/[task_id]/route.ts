import { notFound } from "@/lib/api/errors";
import { pixelHandler } from "@/lib/api/handler";
import { publicOrigin } from "@/lib/api/origin";
import { assembleJson, jsonFromText } from "@/lib/api/respond";
import { pixelTaskAnswer } from "@/lib/api/schemas/responses";
import { requireCaller } from "@/lib/auth/caller";
import { getTaskWithFilesForUser } from "@/lib/db/tasks";
import { keptAnswer } from "@/lib/tasks/kept-answers";
import { parsePublicTaskId, pixelTaskText } from "@/lib/tasks/serialize";

export const dynamic = "force-dynamic";

/** Generations API (docs/generations-api.md): GET /api/v1/tasks/{task_id} — accepts "task_123" (as returned) or "123". */
export const GET = pixelHandler<{ task_id: string }>(async (req, { params }) => {
  const { user } = await requireCaller(req);
  const id = parsePublicTaskId(params.task_id);
  if (!id) throw notFound(`Task '${params.task_id}'`);
  const origin = publicOrigin(req);
  // kept while the user's tasks and files are unchanged (a task polled until it is done)
  return jsonFromText(
    pixelTaskAnswer,
    await keptAnswer(user.id, `task ${id} ${origin}`, async () => {
      const found = await getTaskWithFilesForUser(id, user.id);
      if (!found) throw notFound(`Task '${params.task_id}'`);
      return assembleJson({
        code: "200",
        message: "success",
        data: pixelTaskText(found.task, found.files, origin),
      });
    }),
  );
});
