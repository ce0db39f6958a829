// The web server's worker runs on a thread of its own (worker-thread.ts): queue events raised on
// the request thread must reach it, and the other way round.
import { once } from "node:events";
import { Worker } from "node:worker_threads";
import { describe, expect, it } from "vitest";
import { notifyCancelled, notifyEnqueued, queueEvents } from "./events";

// A thread that relays what it hears on the queue's channel to its parent, and raises an
// "enqueued" event itself when asked; plain JavaScript, so it needs no TypeScript loading.
const RELAY = `
const { parentPort } = require("node:worker_threads");
const channel = new BroadcastChannel("pixel-queue-events");
channel.onmessage = (event) => parentPort.postMessage({ heard: event.data });
parentPort.on("message", (m) => {
  if (m === "enqueue") channel.postMessage({ e: "enqueued" });
  if (m === "close") { channel.close(); parentPort.close(); }
});
parentPort.postMessage("ready");
`;

describe("queue events across threads", () => {
  it("reach a listener on another thread, and come back from one", async () => {
    const thread = new Worker(RELAY, { eval: true });
    try {
      await once(thread, "message");
      const heard = (n: number) =>
        new Promise<unknown[]>((resolve) => {
          const got: unknown[] = [];
          const on = (m: { heard?: unknown }) => {
            got.push(m.heard);
            if (got.length === n) {
              thread.off("message", on);
              resolve(got);
            }
          };
          thread.on("message", on);
        });
      const relayed = heard(2);
      notifyEnqueued();
      notifyCancelled(42);
      expect(await relayed).toEqual([{ e: "enqueued" }, { e: "cancelled", taskId: 42 }]);

      const woken = once(queueEvents, "enqueued");
      thread.postMessage("enqueue");
      await woken;
    } finally {
      await thread.terminate();
    }
  });
});
