// `npx tsx bench/post-cpu.ts [rounds] [posts-per-round] [busy]`: the CPU this process spends per
// POST /api/v1/generations/image in the studio's own code, without HTTP and without Next.js's
// server: the route's handler is called with a NextRequest, 32 callers at once (the bench's
// clients). Per round it prints the CPU per POST of the request thread (/proc: user + system of
// this thread; on PostgreSQL the database server's CPU is not in it), the database round trips
// per POST (PostgreSQL: pool queries; SQLite: statements run on this thread's connection), the
// times a write met another connection's lock (SQLite), and the POSTs per second and latency.
// Without `busy` nothing is drawn (no worker, as RUN_WORKER=false); with it, the web server's
// worker thread runs in this process and draws a backlog of another user's tasks queued first,
// as in the bench's busy phase.
// PIXEL_CPU_PROFILE_DIR=dir also writes a CPU profile of the measured rounds there and prints the
// functions with the most self time, and the files with the most inclusive time.
// PostgreSQL: BACKEND=postgres with DATABASE_URL (any database, for the schema choice),
// TEST_DATABASE_URL (the server) and PIXEL_TEST_RUN (a prefix: the fresh database it creates is
// dropped at the end).
import fs from "node:fs";
import inspector from "node:inspector";
import path from "node:path";
import { seedUserWithKey } from "@/test/helpers/accounts";
import { useFreshDataDir } from "@/test/helpers/server";
import type { Profile } from "./cpu-profile";

process.env.GENERATION_RATE_LIMIT_PER_MIN = "100000000";

function summarise(profile: Profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const fileOf = (url: string) =>
    url.replace(/^file:\/\//, "").replace(/^.*\/(node_modules\/(@[^/]+\/)?[^/]+)\/.*$/, "$1");
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let all = 0;
  profile.samples.forEach((id, i) => {
    const dt = (profile.timeDeltas[i] ?? 0) / 1000;
    all += dt;
    const node = byId.get(id);
    if (!node) return;
    const { functionName, url, lineNumber } = node.callFrame;
    const key = `${functionName || "(anonymous)"} ${fileOf(url)}:${lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + dt);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const file = fileOf(byId.get(at)?.callFrame.url ?? "") || "(native)";
      if (seen.has(file)) continue;
      seen.add(file);
      inclusive.set(file, (inclusive.get(file) ?? 0) + dt);
    }
  });
  const top = (m: Map<string, number>, n: number) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, ms]) => `${((ms / all) * 100).toFixed(1).padStart(5)} %  ${k}`);
  return { self: top(self, 40), inclusive: top(inclusive, 40) };
}

/** CPU time of this thread (the request thread), µs, from /proc (clock ticks of 10 ms). */
function threadCpuUs(): number {
  const stat = fs.readFileSync(`/proc/self/task/${process.pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10_000;
}

async function main() {
  const rounds = Number(process.argv[2] ?? 6);
  const perRound = Number(process.argv[3] ?? 2000);
  const busy = process.argv[4] === "busy";
  useFreshDataDir("pixel-post-cpu-");
  const { DIALECT } = await import("@/lib/db/schema");
  const user = await seedUserWithKey("post-cpu@example.com");
  const { NextRequest } = await import("next/server");
  const { POST } = await import("@/app/api/v1/generations/[type]/route");
  const client = await import("@/lib/db/client");

  // round trips: every query the pool sends (the rate limit, the task, pg-boss), or every
  // statement SQLite runs on this connection
  let trips = 0;
  let lockMet = 0;
  if (DIALECT === "postgres") {
    const pool = await client.getPool();
    const query = pool.query.bind(pool) as (...a: unknown[]) => unknown;
    (pool as unknown as { query: (...a: unknown[]) => unknown }).query = (...a: unknown[]) => {
      trips++;
      return query(...a);
    };
  } else {
    const sqlite = client.getSqlite();
    const proto = Object.getPrototypeOf(sqlite.prepare("SELECT 1"));
    for (const method of ["run", "all", "get", "iterate"]) {
      const original = proto[method];
      proto[method] = function (this: unknown, ...a: unknown[]) {
        trips++;
        try {
          return original.apply(this, a);
        } catch (error) {
          if ((error as { code?: string }).code === "SQLITE_BUSY") lockMet++;
          throw error;
        }
      };
    }
    // SQLITE_BUSY at BEGIN IMMEDIATE (a transaction function's own properties are read-only:
    // the wrapper is a new object)
    const transaction = sqlite.transaction.bind(sqlite);
    sqlite.transaction = ((fn: (...a: unknown[]) => unknown) => {
      const t = transaction(fn);
      const counted =
        (variant: (...a: unknown[]) => unknown) =>
        (...a: unknown[]) => {
          try {
            return variant(...a);
          } catch (error) {
            if ((error as { code?: string }).code === "SQLITE_BUSY") lockMet++;
            throw error;
          }
        };
      return Object.assign(counted(t), {
        deferred: counted(t.deferred),
        immediate: counted(t.immediate),
        exclusive: counted(t.exclusive),
        default: counted(t.default),
      });
    }) as typeof sqlite.transaction;
  }

  let stopWorker: (() => Promise<void>) | undefined;
  let drawerId = 0;
  const drawn = async () => {
    const text = "SELECT count(*) AS n FROM tasks WHERE user_id = $1 AND status = 'completed'";
    if (DIALECT === "postgres")
      return Number((await (await client.getPool()).query(text, [drawerId])).rows[0].n);
    const row = client.getSqlite().prepare(text.replace("$1", "?")).get(drawerId) as { n: number };
    return row.n;
  };
  if (busy) {
    // a backlog for another user, drawn by the worker thread throughout the rounds
    const drawer = await seedUserWithKey("post-cpu-drawer@example.com");
    drawerId = drawer.user.id;
    const queue = await (await import("@/lib/jobs/queue-factory")).getTaskQueue();
    for (let i = 0; i < 3000; i++) {
      const prompt = `a marching knight number ${i}`;
      await queue.enqueue({
        userId: drawer.user.id,
        type: "image",
        model: "local/pixel-sprite",
        provider: "local",
        prompt,
        seed: i + 1,
        mode: "random",
        params: { prompt, seed: i + 1 },
      });
    }
    const { startWorkerThread } = await import("@/lib/jobs/worker-thread");
    const thread = startWorkerThread();
    stopWorker = () => thread.stop(1000);
    await new Promise((r) => setTimeout(r, 5000)); // the thread loads the engine
  }

  const body = JSON.stringify({
    prompt: "a bench knight with a sword",
    model: "local/pixel-sprite",
  });
  const latencies: number[] = [];
  const post = async () => {
    const t0 = performance.now();
    const req = new NextRequest("http://127.0.0.1:3000/api/v1/generations/image", {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "content-length": String(Buffer.byteLength(body)),
        authorization: user.auth.Authorization,
      },
      body,
    });
    const res = await POST(req, { params: Promise.resolve({ type: "image" }) });
    const text = await res.text();
    if (res.status !== 200) throw new Error(`POST answered ${res.status}: ${text}`);
    latencies.push(performance.now() - t0);
  };
  const run = async (n: number) => {
    let next = 0;
    await Promise.all(
      Array.from({ length: 32 }, async () => {
        while (next++ < n) await post();
      }),
    );
  };

  await run(Math.min(2000, perRound)); // warm-up: JIT, prepared statements, the queue
  const dir = process.env.PIXEL_CPU_PROFILE_DIR;
  const session = dir ? new inspector.Session() : undefined;
  if (session) {
    session.connect();
    session.post("Profiler.enable");
    session.post("Profiler.setSamplingInterval", { interval: 200 });
    session.post("Profiler.start");
  }
  const perPost: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const drawn0 = busy ? await drawn() : 0;
    trips = 0;
    lockMet = 0;
    latencies.length = 0;
    const t0 = performance.now();
    const c0 = threadCpuUs();
    await run(perRound);
    const us = (threadCpuUs() - c0) / perRound;
    const wall = performance.now() - t0;
    const countedTrips = trips;
    const frames = busy
      ? `, ${(((await drawn()) - drawn0) / (wall / 1000)).toFixed(1)} tasks drawn/s`
      : "";
    perPost.push(us);
    latencies.sort((a, b) => a - b);
    const at = (q: number) => latencies[Math.floor(latencies.length * q)]!.toFixed(1);
    console.log(
      `round ${r + 1}: ${us.toFixed(1)} µs CPU/POST, ${(countedTrips / perRound).toFixed(2)} ${DIALECT === "postgres" ? "round trips" : "statements"}/POST, ${DIALECT === "sqlite" ? `lock met ${lockMet}×, ` : ""}${((perRound / wall) * 1000).toFixed(0)} POST/s, p50 ${at(0.5)} ms, p99 ${at(0.99)} ms${frames}`,
    );
  }
  const sorted = [...perPost].sort((a, b) => a - b);
  console.log(
    `${DIALECT}${busy ? " busy" : ""}: median ${sorted[Math.floor(sorted.length / 2)]!.toFixed(1)} µs CPU/POST over ${rounds} rounds of ${perRound}`,
  );
  if (session && dir) {
    session.post("Profiler.stop", (error, result) => {
      if (error) throw error;
      const file = path.join(dir, `post-cpu-${process.pid}.cpuprofile`);
      fs.writeFileSync(file, JSON.stringify(result.profile));
      const { self, inclusive } = summarise(result.profile as unknown as Profile);
      console.log(
        `profile: ${file}\nself time:\n${self.join("\n")}\ninclusive, by file:\n${inclusive.join("\n")}`,
      );
    });
  }
  await stopWorker?.();
  const { closeTaskQueue } = await import("@/lib/jobs/queue-factory");
  await closeTaskQueue();
  if (DIALECT === "postgres" && process.env.TEST_DATABASE_URL && process.env.PIXEL_TEST_RUN) {
    await client.closeDatabase();
    const { dropDatabasesWithPrefix } = await import("@/test/helpers/pg-admin.mjs");
    await dropDatabasesWithPrefix(process.env.TEST_DATABASE_URL, process.env.PIXEL_TEST_RUN);
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
