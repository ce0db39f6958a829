// The SQLite engine: the lease queue in the tasks table (lib/db/queue.ts), woken in-process by
// lib/jobs/events.ts; worker processes on the same file find work by polling.
import {
  claimNextTask,
  completeTaskRow,
  failTaskRow,
  releaseTask,
  renewLease,
  requeueTask,
  resetTaskForRerun,
} from "@/lib/db/queue";
import { insertBatchWithTasks, insertTask, insertTaskReturningId } from "@/lib/db/tasks";
import { notifyCancelled, notifyEnqueued, queueEvents } from "./events";
import type { ClaimedTask, TaskQueue } from "./task-queue";

export function createSqliteQueue(): TaskQueue {
  return {
    engine: "sqlite",
    async enqueue(values) {
      const task = await insertTask(values);
      notifyEnqueued();
      return task;
    },
    async enqueueReturningId(values) {
      const id = await insertTaskReturningId(values);
      notifyEnqueued();
      return id;
    },
    async enqueueBatch(batch, makeTasks) {
      const result = await insertBatchWithTasks(batch, makeTasks);
      notifyEnqueued();
      return result;
    },
    async enqueueRerun(id, values) {
      const task = await resetTaskForRerun(id, values);
      notifyEnqueued();
      return task;
    },
    async claim({ owner, leaseMs, capacity, limits }) {
      const left = new Map(capacity);
      const out: ClaimedTask[] = [];
      for (;;) {
        const providers = [...left].filter(([, n]) => n > 0).map(([p]) => p);
        if (providers.length === 0) break;
        const task = await claimNextTask({ owner, providers, leaseMs, limits });
        if (!task) break;
        left.set(task.provider, (left.get(task.provider) ?? 1) - 1);
        out.push({ task, owner });
      }
      return out;
    },
    heartbeat: (c, leaseMs, progress) => renewLease(c.task.id, c.owner, leaseMs, progress),
    complete: (c, outputs) => completeTaskRow(c.task.id, c.owner, outputs),
    fail: (c, message) => failTaskRow(c.task.id, c.owner, message),
    retry: (c, runAfter, note) => requeueTask(c.task.id, c.owner, runAfter, note),
    release: (c, runAfter) => releaseTask(c.task.id, c.owner, runAfter),
    async cancel(taskId) {
      notifyCancelled(taskId);
    },
    async subscribe(listener) {
      const onEnqueued = () => listener.enqueued();
      const onCancelled = (id: number) => listener.cancelled(id);
      queueEvents.on("enqueued", onEnqueued);
      queueEvents.on("cancelled", onCancelled);
      return async () => {
        queueEvents.off("enqueued", onEnqueued);
        queueEvents.off("cancelled", onCancelled);
      };
    },
    async close() {},
  };
}
