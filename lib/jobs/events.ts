import { EventEmitter } from "node:events";
import { BroadcastChannel } from "node:worker_threads";

// In-process signal that new work is queued (or a running task was deleted), so the worker of
// this process acts at once instead of at its next poll. The web server's worker runs on a
// thread of its own (worker-thread.ts), so each event also goes to the process's other threads
// through a BroadcastChannel (which delivers to every other channel of that name in the process,
// not to the sender). Other processes still find the work by polling.
type QueueEvent = { e: "enqueued" } | { e: "cancelled"; taskId: number };

const globalForEvents = globalThis as unknown as {
  __pixelQueueEvents?: { emitter: EventEmitter; channel: BroadcastChannel };
};
if (!globalForEvents.__pixelQueueEvents) {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(50);
  const channel = new BroadcastChannel("pixel-queue-events");
  // an open channel must not keep a process (a CLI, a test) alive
  channel.unref();
  channel.onmessage = (event) => {
    const message = (event as { data: QueueEvent }).data;
    if (message.e === "enqueued") emitter.emit("enqueued");
    else emitter.emit("cancelled", message.taskId);
  };
  globalForEvents.__pixelQueueEvents = { emitter, channel };
}
const { emitter, channel } = globalForEvents.__pixelQueueEvents;
export const queueEvents: EventEmitter = emitter;

// One message to the other threads per turn of the event loop, however many tasks the turn
// enqueued: a worker's claim pass takes everything due, and a postMessage per POST was about a
// tenth of the request thread's own CPU for a POST on SQLite (bench/RESULTS.md, perf-post).
let enqueuedPosted = false;

export function notifyEnqueued(): void {
  queueEvents.emit("enqueued");
  if (enqueuedPosted) return;
  enqueuedPosted = true;
  setImmediate(() => {
    enqueuedPosted = false;
    channel.postMessage({ e: "enqueued" } satisfies QueueEvent);
  });
}

/** Asks the worker of this process (if it runs the task) to stop it now: it was deleted. */
export function notifyCancelled(taskId: number): void {
  queueEvents.emit("cancelled", taskId);
  channel.postMessage({ e: "cancelled", taskId } satisfies QueueEvent);
}
