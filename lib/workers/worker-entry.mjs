// Entry of a pool thread. Plain JavaScript on purpose: it runs the same way under `next start`
// (whose bundle does not contain lib/ as files), `npm run worker` and vitest. It teaches this
// thread to load TypeScript (tsx, both module systems, tsconfig paths such as "@/lib/…"), then
// loads the thread body from the sources next to it.
import { register as registerCjs } from "tsx/cjs/api";
import { register as registerEsm } from "tsx/esm/api";

registerEsm();
registerCjs();
await import("./thread.ts");
