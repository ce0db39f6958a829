import { notFound } from "@/lib/api/errors";
import type { Batch, Task } from "@/lib/db/schema";
import { getBatchForUser, getTaskForUser } from "@/lib/db/tasks";

/** The caller's own task; another user's id answers 404 exactly like a missing one. */
export async function ownTask(id: number, userId: number): Promise<Task> {
  const task = await getTaskForUser(id, userId);
  if (!task) throw notFound(`Task ${id}`);
  return task;
}

export async function ownBatch(id: number, userId: number): Promise<Batch> {
  const batch = await getBatchForUser(id, userId);
  if (!batch) throw notFound(`Batch ${id}`);
  return batch;
}
