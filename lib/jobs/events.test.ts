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
      // the enqueued wake-up leaves at the end of the turn: the order between the two is free
      expect(await relayed).toEqual(
        expect.arrayContaining([{ e: "enqueued" }, { e: "cancelled", taskId: 42 }]),
      );

      const woken = once(queueEvents, "enqueued");
      thread.postMessage("enqueue");
      await woken;
    } finally {
      await thread.terminate();
    }
  });

  it("send one wake-up to the other threads for the tasks one turn enqueued", async () => {
    const thread = new Worker(RELAY, { eval: true });
    try {
      await once(thread, "message");
      const heard: unknown[] = [];
      thread.on("message", (m: { heard?: unknown }) => heard.push(m.heard));
      let local = 0;
      const count = () => local++;
      queueEvents.on("enqueued", count);
      for (let i = 0; i < 20; i++) notifyEnqueued();
      queueEvents.off("enqueued", count);
      // this thread's own listeners still hear every one, at once
      expect(local).toBe(20);
      // a later turn's enqueue is a second message; the relay answers in order
      await new Promise((r) => setImmediate(r));
      notifyEnqueued();
      notifyCancelled(7);
      while (heard.length < 3) await new Promise((r) => setTimeout(r, 5));
      await new Promise((r) => setTimeout(r, 50));
      expect(heard.filter((m) => (m as { e: string }).e === "enqueued")).toHaveLength(2);
      expect(heard).toContainEqual({ e: "cancelled", taskId: 7 });
    } finally {
      await thread.terminate();
    }
  });
});
