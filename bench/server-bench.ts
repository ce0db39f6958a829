// Server benchmarks: queue throughput against a fake upstream, and API latency next to an empty
// route in the same production server and the same run (ratios, not absolute figures, are the
// goal on a shared machine).
import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import autocannon from "autocannon";
import { startOpenaiFake } from "@/test/fakes";
import { seedUserWithKey } from "@/test/helpers/accounts";
import { startServer, useFreshDataDir } from "@/test/helpers/server";

interface CannonResult {
  latency: { p50: number; p99: number; average: number };
  requests: { average: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}

export function cannon(opts: autocannon.Options): Promise<CannonResult> {
  return new Promise((resolve, reject) => {
    autocannon(opts, (err, result) =>
      err ? reject(err) : resolve(result as unknown as CannonResult),
    );
  });
}

const summary = (r: CannonResult) => ({
  req_per_s: Math.round(r.requests.average),
  p50_ms: r.latency.p50,
  p99_ms: r.latency.p99,
  non2xx: r.non2xx,
  errors: r.errors + r.timeouts,
});

/** `npm run worker` processes on the server's database (the server runs no worker then). */
function startWorkers(n: number, env: Record<string, string>): ChildProcess[] {
  const root = path.resolve(__dirname, "..");
  return Array.from({ length: n }, () =>
    spawn(path.join(root, "node_modules/.bin/tsx"), [path.join(root, "scripts/worker.ts")], {
      cwd: root,
      env: env as NodeJS.ProcessEnv,
      stdio: "ignore",
    }),
  );
}

/**
 * 400 tasks through a fake upstream with 500 ms latency at concurrency 8 per worker: ideal 16
 * tasks/s per worker. `workers` = 0 runs the worker inside the web server (the default set-up);
 * N > 0 runs N separate worker processes, with the provider's cap at 8 × N across them.
 */
export async function benchQueue(tasks = 400, latencyMs = 500, concurrency = 8, workers = 0) {
  useFreshDataDir("pixel-bench-queue-");
  const user = await seedUserWithKey("bench-queue@example.com");
  const fake = await startOpenaiFake({ latencyMs });
  const server = await startServer({
    OPENAI_BASE_URL: fake.baseUrl,
    OPENAI_API_KEY: "test-openai-key",
    OPENAI_CONCURRENCY: String(concurrency * Math.max(1, workers)),
    WORKER_CONCURRENCY: String(concurrency),
    GENERATION_RATE_LIMIT_PER_MIN: "1000000",
    ...(workers > 0 ? { RUN_WORKER: "false" } : {}),
  });
  const workerProcs = startWorkers(workers, { ...server.env, RUN_WORKER: "true" });
  const submit = (count: number, label: string) =>
    Promise.all(
      Array.from({ length: count }, (_, j) =>
        fetch(`${server.baseUrl}/api/v1/generations/image`, {
          method: "POST",
          headers: { "Content-Type": "application/json", ...user.auth },
          body: JSON.stringify({
            prompt: `bench sprite ${label} ${j}`,
            model: "openai/gpt-image-1",
          }),
        }).then((r) => r.json()),
      ),
    );
  try {
    const { tasksOfUserDone } = await import("./queue-progress");
    // Warm-up (not counted): the first tasks load code paths, JIT and libvips.
    const warmup = concurrency * 2;
    await submit(warmup, "warmup");
    await tasksOfUserDone(user.user.id, warmup, 60_000);
    const started = performance.now();
    for (let i = 0; i < tasks; i += 100) await submit(Math.min(100, tasks - i), `batch${i}`);
    const done = await tasksOfUserDone(user.user.id, tasks + warmup, 300_000);
    const completed = done.completed - warmup;
    const failed = done.failed;
    const seconds = (performance.now() - started) / 1000;
    const ideal = (concurrency * Math.max(1, workers)) / (latencyMs / 1000);
    const throughput = completed / seconds;
    return {
      tasks,
      completed,
      failed,
      upstream_latency_ms: latencyMs,
      worker_processes: workers || "in the web server",
      concurrency_per_worker: concurrency,
      seconds: Math.round(seconds * 100) / 100,
      tasks_per_s: Math.round(throughput * 100) / 100,
      ideal_tasks_per_s: ideal,
      efficiency: Math.round((throughput / ideal) * 1000) / 1000,
      goal: "efficiency >= 0.9",
      // time each task holds a concurrency slot beyond the upstream's own latency
      overhead_ms_per_task: Math.round(
        ((seconds * concurrency * Math.max(1, workers)) / tasks) * 1000 - latencyMs,
      ),
    };
  } finally {
    for (const w of workerProcs) w.kill("SIGTERM");
    await server.stop();
    await fake.close();
  }
}

type Route = "empty" | "get" | "list" | "post";
const ROUTES: Route[] = ["empty", "get", "list", "post"];

/** Completed tasks straight into the database, as a gallery that has been used for a while. */
export async function seedTasks(userId: number, count: number): Promise<void> {
  const { insertTask } = await import("@/lib/db/tasks");
  const { normalizePrompt } = await import("@/lib/prompts/similarity");
  const subjects = ["knight", "slime", "dragon", "cat", "sword", "tree", "house", "mage"];
  for (let i = 0; i < count; i++) {
    const prompt = `seeded ${subjects[i % subjects.length]} number ${i}`;
    await insertTask({
      userId,
      type: "image",
      model: "local/pixel-sprite",
      provider: "local",
      prompt,
      promptNorm: normalizePrompt(prompt),
      background: "transparent",
      scale: 20,
      mode: "random",
      seed: i + 1,
      status: "completed",
      params: { prompt },
      width: 640,
      height: 640,
      completedAt: new Date(),
    });
  }
}

type Summary = ReturnType<typeof summary>;

const median = (rs: Summary[]) => {
  const pick = (k: "req_per_s" | "p50_ms" | "p99_ms") =>
    rs.map((r) => r[k]).sort((a, b) => a - b)[rs.length >> 1]!;
  return {
    req_per_s: pick("req_per_s"),
    p50_ms: pick("p50_ms"),
    p99_ms: pick("p99_ms"),
    non2xx: Math.max(...rs.map((r) => r.non2xx)),
    errors: Math.max(...rs.map((r) => r.errors)),
  };
};

/** Interleaved rounds of every route, median per route, each figure as a ratio to the empty route. */
async function measureRoutes(targets: Record<Route, autocannon.Options>, rounds: number) {
  const results: Record<Route, Summary[]> = { empty: [], get: [], list: [], post: [] };
  // Interleaved: the shared machine's load drifts during a run, so each route sees the same drift.
  for (let round = 0; round < rounds; round++) {
    for (const name of ROUTES) results[name].push(summary(await cannon(targets[name])));
  }
  const empty = median(results.empty);
  const ratio = (r: ReturnType<typeof median>) => ({
    ...r,
    throughput_vs_empty: Math.round((r.req_per_s / Math.max(1, empty.req_per_s)) * 100) / 100,
    p99_vs_empty: Math.round((r.p99_ms / Math.max(1, empty.p99_ms)) * 100) / 100,
  });
  return {
    empty_route: empty,
    get_task: ratio(median(results.get)),
    list_tasks_page1: ratio(median(results.list)),
    post_generation_local: ratio(median(results.post)),
  };
}

/** Goals of issue #18 per database; `met` says whether this run's ratios meet them. */
function apiGoals(m: Awaited<ReturnType<typeof measureRoutes>>, dialect: "sqlite" | "postgres") {
  const want =
    dialect === "sqlite" ? { get: 0.8, list: 0.7, post: 0.7 } : { get: 0.6, list: 0.6, post: 0.6 };
  const routes = [
    ["get_task", m.get_task, want.get],
    ["list_tasks_page1", m.list_tasks_page1, want.list],
    ["post_generation_local", m.post_generation_local, want.post],
  ] as const;
  return Object.fromEntries(
    routes.map(([name, r, min]) => [
      name,
      {
        goal: `throughput_vs_empty >= ${min} and p99_vs_empty <= 2`,
        met: r.throughput_vs_empty >= min && r.p99_vs_empty <= 2,
      },
    ]),
  );
}

/** Tasks of every user finished (completed or failed) and still waiting or running. */
async function drawingProgress(): Promise<{ finished: number; waiting: number }> {
  const { count } = await import("drizzle-orm");
  const { getDb } = await import("@/lib/db/client");
  const { tasks } = await import("@/lib/db/schema");
  const rows = await (await getDb())
    .select({ status: tasks.status, n: count() })
    .from(tasks)
    .groupBy(tasks.status);
  const of = (s: string) => Number(rows.find((r) => r.status === s)?.n ?? 0);
  return { finished: of("completed") + of("failed"), waiting: of("pending") + of("processing") };
}

/**
 * One more round of each route through wrk (a load generator in C, Debian's `wrk` package), as a
 * check that autocannon, which runs in this Node.js process, is not what limits the figures.
 */
async function independentCheck(
  targets: Record<Route, autocannon.Options>,
  measured: Awaited<ReturnType<typeof measureRoutes>>,
) {
  const { spawnSync } = await import("node:child_process");
  const fs = await import("node:fs");
  const os = await import("node:os");
  if (spawnSync("wrk", ["--version"]).error) return { skipped: "wrk is not installed" };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pixel-bench-wrk-"));
  const raw: Partial<Record<Route, string>> = {};
  const run = (name: Route) => {
    const t = targets[name];
    const args = ["-t2", `-c${t.connections}`, `-d${t.duration}s`, "--latency"];
    for (const [k, v] of Object.entries(t.headers ?? {})) args.push("-H", `${k}: ${v}`);
    if (t.method === "POST") {
      // wrk's documented request fields: wrk.method, wrk.body (a Lua script)
      const script = path.join(dir, `${name}.lua`);
      fs.writeFileSync(
        script,
        `wrk.method = "POST"\nwrk.body = ${JSON.stringify(String(t.body))}\n`,
      );
      args.push("-s", script);
    }
    const out = spawnSync("wrk", [...args, String(t.url)], { encoding: "utf8" }).stdout;
    raw[name] = out;
    const p99 = /^\s+99%\s+([\d.]+)(us|ms|s)\s*$/m.exec(out);
    const unit = { us: 0.001, ms: 1, s: 1000 } as const;
    return {
      req_per_s: Math.round(Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? 0)),
      p99_ms: p99 ? round2(Number(p99[1]) * unit[p99[2] as keyof typeof unit]) : null,
      non2xx: Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(out)?.[1] ?? 0),
    };
  };
  try {
    const results = Object.fromEntries(ROUTES.map((r) => [r, run(r)])) as Record<
      Route,
      ReturnType<typeof run>
    >;
    const empty = results.empty;
    const vs = (r: ReturnType<typeof run>) => ({
      ...r,
      throughput_vs_empty: round2(r.req_per_s / Math.max(1, empty.req_per_s)),
      p99_vs_empty: r.p99_ms && empty.p99_ms ? round2(r.p99_ms / empty.p99_ms) : null,
    });
    return {
      tool: "wrk -t2, same connections and duration, one round per route, idle server",
      empty_route: empty,
      get_task: vs(results.get),
      list_tasks_page1: vs(results.list),
      post_generation_local: vs(results.post),
      autocannon_empty_req_per_s: measured.empty_route.req_per_s,
      // how far wrk's throughput ratios are from autocannon's (measured just before)
      ratio_gap_vs_autocannon: {
        get_task: round2(
          vs(results.get).throughput_vs_empty - measured.get_task.throughput_vs_empty,
        ),
        list_tasks_page1: round2(
          vs(results.list).throughput_vs_empty - measured.list_tasks_page1.throughput_vs_empty,
        ),
        post_generation_local: round2(
          vs(results.post).throughput_vs_empty - measured.post_generation_local.throughput_vs_empty,
        ),
      },
      raw_when_unparsed: Object.values(results).some((r) => r.p99_ms === null) ? raw : undefined,
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * The hot API routes next to GET /api/health/live, the empty route (it answers a constant and,
 * outside the proxy's matcher, runs nothing of ours: Next.js's own speed in this server), 32
 * clients, interleaved rounds: POST generations (local), the task list's first page and one task,
 * with 2,000 tasks in the database. Measured in two servers on the same database:
 * - idle: RUN_WORKER=false, so nothing is drawn in the process: the request path alone. (With
 *   the worker on, the tasks the POST rounds create, hundreds a second, would keep it drawing
 *   through every later round, so "idle" would not be idle.)
 * - busy_drawing: the worker in the server drawing a backlog of walk4 batches queued before the
 *   rounds, throughout them. The drawing runs on the worker-thread pool, so the routes should
 *   not notice, and the drawing should go on at close to the rate it has with no requests
 *   (frames_per_s_during_rounds vs frames_per_s_without_requests, both in this run).
 */
export async function benchApi(durationS = 5, connections = 32, rounds = 3, seeded = 2000) {
  useFreshDataDir("pixel-bench-api-");
  const { DIALECT } = await import("@/lib/db/schema");
  const user = await seedUserWithKey("bench-api@example.com");
  const drawer = await seedUserWithKey("bench-drawer@example.com");
  await seedTasks(user.user.id, seeded);
  const rateLimit = { GENERATION_RATE_LIMIT_PER_MIN: "100000000" };
  const post = (baseUrl: string, route: string, auth: Record<string, string>, body: object) =>
    fetch(`${baseUrl}${route}`, {
      method: "POST",
      headers: { "Content-Type": "application/json", ...auth },
      body: JSON.stringify(body),
    }).then((r) => r.json());
  const targetsOf = (baseUrl: string, taskId: string): Record<Route, autocannon.Options> => {
    const base = { connections, duration: durationS };
    return {
      empty: { ...base, url: `${baseUrl}/api/health/live` },
      get: { ...base, url: `${baseUrl}/api/v1/tasks/${taskId}`, headers: user.auth },
      list: { ...base, url: `${baseUrl}/api/v1/tasks?page=1`, headers: user.auth },
      post: {
        ...base,
        url: `${baseUrl}/api/v1/generations/image`,
        method: "POST",
        headers: { "Content-Type": "application/json", ...user.auth },
        body: JSON.stringify({
          prompt: "a bench knight with a sword",
          model: "local/pixel-sprite",
        }),
      },
    };
  };
  // warm-up so JIT and route compilation don't count
  const warmUp = async (targets: Record<Route, autocannon.Options>) => {
    for (const t of Object.values(targets)) await cannon({ ...t, duration: 2 });
  };

  // Busy drawing first: the task GET reads is drawn there (a completed task with its files).
  let server = await startServer(rateLimit);
  let taskId: string;
  let busy: Awaited<ReturnType<typeof measureRoutes>>;
  let drawing: Record<string, unknown>;
  let independent: unknown;
  try {
    const created = await post(server.baseUrl, "/api/v1/generations/image", user.auth, {
      prompt: "bench knight",
      model: "local/pixel-sprite",
    });
    if (!created.data?.task_id)
      throw new Error(`could not create a task: ${JSON.stringify(created)}`);
    taskId = created.data.task_id as string;
    const { tasksOfUserDone } = await import("./queue-progress");
    await tasksOfUserDone(user.user.id, seeded + 1, 120_000);
    const targets = targetsOf(server.baseUrl, taskId);

    // A backlog of drawing for another user (walk4: 16 frames a batch), sized from the rate the
    // worker draws with no requests so that it outlasts the warm-up and every busy round.
    const queueBatches = async (n: number) => {
      for (let i = 0; i < n; i += 20) {
        await Promise.all(
          Array.from({ length: Math.min(20, n - i) }, (_, j) =>
            post(server.baseUrl, "/api/v1/batch-generate", drawer.auth, {
              prompt: `a marching knight number ${i + j}`,
              mode: "walk4",
              send_email: false,
              force: true,
            }),
          ),
        );
      }
    };
    await queueBatches(20);
    // the pool's thread loads the engine on its first frame: measure from the first frames on
    const start = await drawingProgress();
    const firstDeadline = Date.now() + 60_000;
    while ((await drawingProgress()).finished < start.finished + 16 && Date.now() < firstDeadline)
      await sleep(200);
    const quietS = durationS;
    const q0 = await drawingProgress();
    const quietStarted = performance.now();
    await sleep(quietS * 1000);
    const q1 = await drawingProgress();
    const quietRate = (q1.finished - q0.finished) / ((performance.now() - quietStarted) / 1000);
    const busySeconds = (rounds * ROUTES.length + ROUTES.length) * durationS * 1.5 + 30;
    const framesNeeded = Math.ceil(quietRate * busySeconds) - q1.waiting;
    if (framesNeeded > 0) await queueBatches(Math.ceil(framesNeeded / 16));

    await warmUp(targets);
    const before = await drawingProgress();
    const roundsStarted = performance.now();
    busy = await measureRoutes(targets, rounds);
    const roundsS = (performance.now() - roundsStarted) / 1000;
    const after = await drawingProgress();
    const busyRate = (after.finished - before.finished) / roundsS;
    drawing = {
      frames_per_s_without_requests: round2(quietRate),
      frames_drawn_during_rounds: after.finished - before.finished,
      rounds_s: Math.round(roundsS),
      frames_per_s_during_rounds: round2(busyRate),
      drawing_rate_vs_without_requests: round2(busyRate / Math.max(0.01, quietRate)),
      still_drawing_at_end: after.waiting > 0,
    };
  } finally {
    await server.stop();
  }

  // Idle: the same database and routes, nothing drawn in this process.
  server = await startServer({ ...rateLimit, RUN_WORKER: "false" });
  let idle: Awaited<ReturnType<typeof measureRoutes>>;
  try {
    const targets = targetsOf(server.baseUrl, taskId);
    await warmUp(targets);
    idle = await measureRoutes(targets, rounds);
    independent = await independentCheck(targets, idle);
  } finally {
    await server.stop();
  }
  const slowerWhileDrawing = (k: Exclude<keyof typeof idle, "empty_route">) =>
    round2(busy[k].req_per_s / Math.max(1, idle[k].req_per_s));
  return {
    database: DIALECT,
    connections,
    duration_s: durationS,
    rounds,
    seeded_tasks: seeded,
    empty_route: "GET /api/health/live (constant answer, no proxy, no database)",
    idle: {
      worker: "RUN_WORKER=false: nothing drawn in the server",
      ...idle,
      goals: apiGoals(idle, DIALECT),
    },
    busy_drawing: {
      worker: "running in the web server, drawing a walk4 backlog on the worker-thread pool",
      ...busy,
      goals: apiGoals(busy, DIALECT),
      drawing,
      throughput_busy_vs_idle: {
        empty_route: round2(busy.empty_route.req_per_s / Math.max(1, idle.empty_route.req_per_s)),
        get_task: slowerWhileDrawing("get_task"),
        list_tasks_page1: slowerWhileDrawing("list_tasks_page1"),
        post_generation_local: slowerWhileDrawing("post_generation_local"),
      },
    },
    independent_tool: independent,
  };
}
