// `npx tsx bench/server-cpu.ts [seconds] [pairs] [busy]`: the production server's CPU per request,
// POST /api/v1/generations/image next to the empty route (GET /api/health/live), alternated in
// the same server (empty, POST, empty, POST, …; 32 connections, `seconds` each). Read from /proc
// around each round: the request thread's CPU (user + system of the server's main thread) and
// the whole process's (every thread: the worker thread, the drawing pool, GC helpers, libuv,
// libvips), per request, and each busy thread's share of a core. On a shared machine these move far less than requests per second do, which wait
// for the CPU the other processes take. Without `busy` the server runs no worker
// (RUN_WORKER=false, the bench's idle phase); with it, the worker draws a backlog of walk4 batches
// of another user throughout the rounds (the bench's busy phase), and the frames drawn per second
// are printed. PIXEL_CPU_PROFILE_DIR=dir also writes a profile of the server's main thread for
// each round there, in the order of the rounds (bench/cpu-profile-toggle.mjs; summarised by
// bench/profile-owners.ts). BACKEND=postgres as bench/post-trips.ts. Needs a production build.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { seedUserWithKey } from "@/test/helpers/accounts";
import { startServer, useFreshDataDir } from "@/test/helpers/server";
import { cannon } from "./server-bench";

/** user + system CPU of a thread (tid) or, without tid, of the whole process, in µs. */
function cpuUs(pid: number, tid?: number): number {
  const file = tid ? `/proc/${pid}/task/${tid}/stat` : `/proc/${pid}/stat`;
  const stat = fs.readFileSync(file, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10_000;
}

/** The pid of the process listening on `port` (next start may be a wrapper around the server). */
function listenerPid(port: number): number {
  const out = execFileSync("ss", ["-ltnpH", `sport = :${port}`], { encoding: "utf8" });
  const pid = /pid=(\d+)/.exec(out)?.[1];
  if (!pid) throw new Error(`no process listens on ${port}: ${out}`);
  return Number(pid);
}

/** CPU (µs) of each thread of the process, by thread id, with its name. */
function threadsCpu(pid: number): Map<number, { name: string; us: number }> {
  const out = new Map<number, { name: string; us: number }>();
  for (const tid of fs.readdirSync(`/proc/${pid}/task`)) {
    try {
      const name = fs.readFileSync(`/proc/${pid}/task/${tid}/comm`, "utf8").trim();
      out.set(Number(tid), { name, us: cpuUs(pid, Number(tid)) });
    } catch {
      // the thread ended
    }
  }
  return out;
}

async function finished(): Promise<number> {
  const { count, inArray } = await import("drizzle-orm");
  const { getDb } = await import("@/lib/db/client");
  const { tasks } = await import("@/lib/db/schema");
  const [row] = await (await getDb())
    .select({ n: count() })
    .from(tasks)
    .where(inArray(tasks.status, ["completed", "failed"]));
  return Number(row?.n ?? 0);
}

async function main() {
  const seconds = Number(process.argv[2] ?? 5);
  const pairs = Number(process.argv[3] ?? 3);
  const busy = process.argv[4] === "busy";
  const profileDir = process.env.PIXEL_CPU_PROFILE_DIR;
  useFreshDataDir("pixel-server-cpu-");
  const { DIALECT } = await import("@/lib/db/schema");
  const user = await seedUserWithKey("server-cpu@example.com");
  const drawer = await seedUserWithKey("server-cpu-drawer@example.com");
  const server = await startServer({
    GENERATION_RATE_LIMIT_PER_MIN: "100000000",
    ...(busy ? {} : { RUN_WORKER: "false" }),
    ...(profileDir
      ? {
          NODE_OPTIONS: `--import ${path.join(__dirname, "cpu-profile-toggle.mjs")}`,
          PIXEL_CPU_PROFILE_DIR: profileDir,
        }
      : {}),
  });
  try {
    const pid = listenerPid(server.port);
    const body = JSON.stringify({
      prompt: "a bench knight with a sword",
      model: "local/pixel-sprite",
    });
    const targets = {
      empty: { url: `${server.baseUrl}/api/health/live`, connections: 32 },
      post: {
        url: `${server.baseUrl}/api/v1/generations/image`,
        method: "POST" as const,
        headers: { "Content-Type": "application/json", ...user.auth },
        body,
        connections: 32,
      },
    };
    if (busy) {
      // walk4 batches (16 frames each), as the bench's busy phase: more than the rounds can draw
      const batches = Math.ceil(((pairs * 2 + 2) * seconds * 30) / 16);
      for (let i = 0; i < batches; i += 20) {
        await Promise.all(
          Array.from({ length: Math.min(20, batches - i) }, (_, j) =>
            fetch(`${server.baseUrl}/api/v1/batch-generate`, {
              method: "POST",
              headers: { "Content-Type": "application/json", ...drawer.auth },
              body: JSON.stringify({
                prompt: `a marching knight number ${i + j}`,
                mode: "walk4",
                send_email: false,
                force: true,
              }),
            }).then((r) => r.text()),
          ),
        );
      }
    }
    for (const t of Object.values(targets)) await cannon({ ...t, duration: 3 });
    const ratios: number[] = [];
    const cpuRatios: number[] = [];
    for (let p = 0; p < pairs; p++) {
      const row: Record<string, { rps: number; main: number }> = {};
      for (const name of ["empty", "post"] as const) {
        const profiled = !!profileDir;
        if (profiled) {
          // two signals of one kind sent close together are delivered once: one at a time
          await new Promise((r) => setTimeout(r, 300));
          process.kill(pid, "SIGUSR2");
        }
        const drawn0 = busy ? await finished() : 0;
        const main0 = cpuUs(pid, pid);
        const all0 = cpuUs(pid);
        const threads0 = threadsCpu(pid);
        const t0 = performance.now();
        const result = await cannon({ ...targets[name], duration: seconds });
        const wall = (performance.now() - t0) / 1000;
        const main1 = cpuUs(pid, pid);
        const all1 = cpuUs(pid);
        const threads1 = threadsCpu(pid);
        if (profiled) process.kill(pid, "SIGUSR2");
        const drawnPerS = busy ? ((await finished()) - drawn0) / wall : 0;
        const n = (result as unknown as { "2xx": number })["2xx"];
        const main = (main1 - main0) / n;
        row[name] = { rps: n / wall, main };
        // the threads that took more than 2 % of a core, as shares of a core (the main thread
        // first): a thread that works at its own pace (drawing) is not per request
        const busiest = [...threads1]
          .map(([tid, t]) => ({ tid, name: t.name, us: t.us - (threads0.get(tid)?.us ?? 0) }))
          .filter((t) => t.us > wall * 20_000)
          .sort((a, b) => (a.tid === pid ? -1 : b.tid === pid ? 1 : b.us - a.us))
          .map((t) => `${t.name}#${t.tid} ${(t.us / 1e6 / wall).toFixed(2)}`);
        console.log(
          `${DIALECT}${busy ? " busy" : ""} ${name.padEnd(5)} ${(n / wall).toFixed(0).padStart(5)} req/s, p99 ${String(result.latency.p99).padStart(4)} ms, non-2xx ${result.non2xx}, main thread ${main.toFixed(0).padStart(4)} µs/req, process ${((all1 - all0) / n).toFixed(0).padStart(5)} µs/req${busy ? `, ${drawnPerS.toFixed(1)} frames drawn/s` : ""}\n  threads, share of a core: ${busiest.join(", ")}`,
        );
      }
      ratios.push(row.post!.rps / row.empty!.rps);
      cpuRatios.push(row.empty!.main / row.post!.main);
    }
    const med = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)]!;
    console.log(
      `POST/empty: req/s ratio median ${med(ratios).toFixed(2)} (${ratios.map((r) => r.toFixed(2)).join(", ")}); main-thread CPU ratio (empty/POST) median ${med(cpuRatios).toFixed(2)} (${cpuRatios.map((r) => r.toFixed(2)).join(", ")})`,
    );
  } finally {
    await server.stop();
  }
  if (DIALECT === "postgres" && process.env.TEST_DATABASE_URL && process.env.PIXEL_TEST_RUN) {
    const { closeDatabase } = await import("@/lib/db/client");
    await closeDatabase();
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
