// The body of one pool thread (loaded by worker-entry.mjs once TypeScript loading is set up):
// runs the named job from jobs.ts for each message and answers with its result or error.
import { parentPort } from "node:worker_threads";
import { JOBS, type JobName } from "./jobs";
import { pack, serializeError, unpack } from "./transfer";

export interface JobRequest {
  id: number;
  name: JobName;
  args: unknown[];
}

export type JobReply =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: ReturnType<typeof serializeError> };

const port = parentPort;
if (!port) throw new Error("lib/workers/thread.ts runs only inside a worker thread");

port.on("message", async (req: JobRequest) => {
  let reply: JobReply;
  const transfer = new Set<ArrayBuffer>();
  try {
    const job = JOBS[req.name] as (...args: unknown[]) => unknown;
    if (typeof job !== "function") throw new Error(`unknown worker job '${req.name}'`);
    const value = await job(...(unpack(req.args) as unknown[]));
    reply = { id: req.id, ok: true, value: pack(value, transfer) };
  } catch (error) {
    transfer.clear();
    reply = { id: req.id, ok: false, error: serializeError(error) };
  }
  port.postMessage(reply, [...transfer]);
});
