import type { Batch, Task } from "@/lib/db/schema";
import { getBatchForUser, getTaskForUser } from "@/lib/db/tasks";
import { NotFoundError } from "@/lib/errors";

/** The caller's own task; another user's id answers 404 exactly like a missing one. */
export async function ownTask(id: number, userId: number): Promise<Task> {
  const task = await getTaskForUser(id, userId);
  if (!task) throw new NotFoundError(`Task ${id} not found`);
  return task;
}

export async function ownBatch(id: number, userId: number): Promise<Batch> {
  const batch = await getBatchForUser(id, userId);
  if (!batch) throw new NotFoundError(`Batch ${id} not found`);
  return batch;
}
