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
async function seedTasks(userId: number, count: number): Promise<void> {
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

/**
 * The hot API routes next to GET /api/health/live, the empty route (it answers a constant and,
 * outside the proxy's matcher, runs nothing of ours: Next.js's own speed in this server), 32
 * clients, interleaved rounds: POST generations (local), the task list's first page and one task,
 * with 2,000 tasks in the database and the worker running. Measured twice: with the worker idle
 * between the POSTed tasks, and with it busy drawing a backlog of walk4 batches throughout (the
 * drawing runs on the worker-thread pool, so the routes should not notice).
 */
export async function benchApi(durationS = 5, connections = 32, rounds = 3, seeded = 2000) {
  useFreshDataDir("pixel-bench-api-");
  const { DIALECT } = await import("@/lib/db/schema");
  const user = await seedUserWithKey("bench-api@example.com");
  const drawer = await seedUserWithKey("bench-drawer@example.com");
  await seedTasks(user.user.id, seeded);
  const server = await startServer({
    GENERATION_RATE_LIMIT_PER_MIN: "100000000",
  });
  try {
    const created = await fetch(`${server.baseUrl}/api/v1/generations/image`, {
      method: "POST",
      headers: { "Content-Type": "application/json", ...user.auth },
      body: JSON.stringify({ prompt: "bench knight", model: "local/pixel-sprite" }),
    }).then((r) => r.json());
    if (!created.data?.task_id)
      throw new Error(`could not create a task: ${JSON.stringify(created)}`);
    const taskId = created.data.task_id as string;
    const base = { connections, duration: durationS };
    const targets: Record<Route, autocannon.Options> = {
      empty: { ...base, url: `${server.baseUrl}/api/health/live` },
      get: { ...base, url: `${server.baseUrl}/api/v1/tasks/${taskId}`, headers: user.auth },
      list: { ...base, url: `${server.baseUrl}/api/v1/tasks?page=1`, headers: user.auth },
      post: {
        ...base,
        url: `${server.baseUrl}/api/v1/generations/image`,
        method: "POST",
        headers: { "Content-Type": "application/json", ...user.auth },
        body: JSON.stringify({
          prompt: "a bench knight with a sword",
          model: "local/pixel-sprite",
        }),
      },
    };
    // warm-up so JIT and route compilation don't count
    for (const t of Object.values(targets)) await cannon({ ...t, duration: 2 });
    const idle = await measureRoutes(targets, rounds);

    // A backlog of drawing for another user (walk4: 16 frames a batch), enough to outlast the
    // busy rounds; the list and GET task of the measured user are unaffected by its size.
    const batches = 160;
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
          }).then((r) => r.json()),
        ),
      );
    }
    const { tasksOfUserDone } = await import("./queue-progress");
    const before = await tasksOfUserDone(drawer.user.id, Number.POSITIVE_INFINITY, 0);
    const busy = await measureRoutes(targets, rounds);
    const after = await tasksOfUserDone(drawer.user.id, Number.POSITIVE_INFINITY, 0);
    const backlog = batches * 16;
    return {
      database: DIALECT,
      connections,
      duration_s: durationS,
      rounds,
      seeded_tasks: seeded,
      empty_route: "GET /api/health/live (constant answer, no proxy, no database)",
      worker: "running in the web server (offline engine on the worker-thread pool)",
      idle: { ...idle, goals: apiGoals(idle, DIALECT) },
      busy_drawing: {
        ...busy,
        goals: apiGoals(busy, DIALECT),
        frames_queued: backlog,
        frames_drawn_during_rounds: after.completed - before.completed,
        still_drawing_at_end: after.completed + after.failed < backlog,
      },
    };
  } finally {
    await server.stop();
  }
}
