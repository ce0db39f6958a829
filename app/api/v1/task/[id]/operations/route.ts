import { parseJsonBody, qtHandler } from "@/lib/api/handler";
import { json } from "@/lib/api/respond";
import { operationCreated } from "@/lib/api/schemas/responses";
import { taskParams } from "@/lib/api/schemas/task";
import { operationBody } from "@/lib/api/schemas/task-operations";
import { requireCaller } from "@/lib/auth/caller";
import { createOperation } from "@/lib/generation/create-tasks";
import { ownTask } from "@/lib/tasks/task-access";

export const dynamic = "force-dynamic";

/** Extension: apply an operation model (upscale, vectorize, seamless, …) to a finished image. */
export const POST = qtHandler<{ id: string }>(async (req, { params }) => {
  const caller = await requireCaller(req);
  const { id } = taskParams.parse(params);
  const body = await parseJsonBody(req, operationBody);
  const source = await ownTask(id, caller.user.id);
  const task = await createOperation(caller, source, body.model, body.params);
  return json(
    operationCreated,
    { task_id: task.id, status: task.status, source_task_id: source.id },
    { status: 201 },
  );
});
