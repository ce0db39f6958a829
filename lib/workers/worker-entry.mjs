// Entry of a thread that runs lib/ code (the pool's threads, the web server's queue worker).
// Plain JavaScript on purpose: it runs the same way under `next start` (whose bundle does not
// contain lib/ as files), `npm run worker` and vitest. It teaches this thread to load TypeScript
// (tsx, both module systems, tsconfig paths such as "@/lib/…"), then loads the thread's body
// from the sources: workerData.body (a path relative to this file), else the pool's thread.
import { workerData } from "node:worker_threads";
import { register as registerCjs } from "tsx/cjs/api";
import { register as registerEsm } from "tsx/esm/api";

registerEsm();
registerCjs();
await import(workerData?.body ?? "./thread.ts");
