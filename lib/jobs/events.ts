import { EventEmitter } from "node:events";

// In-process signal that new work is queued, so the worker in the same process starts at once
// instead of waiting for its next poll. Other processes still find the work by polling.
const globalForEvents = globalThis as unknown as { __pixelQueueEvents?: EventEmitter };
if (!globalForEvents.__pixelQueueEvents) {
  globalForEvents.__pixelQueueEvents = new EventEmitter();
  globalForEvents.__pixelQueueEvents.setMaxListeners(50);
}
export const queueEvents: EventEmitter = globalForEvents.__pixelQueueEvents;

export function notifyEnqueued(): void {
  queueEvents.emit("enqueued");
}

/** Asks the worker in this process (if it runs the task) to stop it now: it was deleted. */
export function notifyCancelled(taskId: number): void {
  queueEvents.emit("cancelled", taskId);
}
