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

/**
 * The hot API routes next to GET /api/health/live (touches no backend), 32 clients, interleaved rounds: POST generations
 * (local), the task list's first page and one task. As in production: 2,000 tasks in the
 * database and the worker running, so the offline engine drawing the POSTed tasks competes for
 * the same cores as the routes.
 */
export async function benchApi(durationS = 5, connections = 32, rounds = 3, seeded = 2000) {
  useFreshDataDir("pixel-bench-api-");
  const user = await seedUserWithKey("bench-api@example.com");
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
    // Interleaved rounds, median per route: the machine's load drifts during a run.
    const results: Record<Route, ReturnType<typeof summary>[]> = {
      empty: [],
      get: [],
      list: [],
      post: [],
    };
    for (let round = 0; round < rounds; round++) {
      for (const name of ROUTES) results[name].push(summary(await cannon(targets[name])));
    }
    const med = (rs: ReturnType<typeof summary>[]) => {
      const pick = (k: "req_per_s" | "p50_ms" | "p99_ms") =>
        rs.map((r) => r[k]).sort((a, b) => a - b)[rs.length >> 1];
      return {
        req_per_s: pick("req_per_s"),
        p50_ms: pick("p50_ms"),
        p99_ms: pick("p99_ms"),
        non2xx: Math.max(...rs.map((r) => r.non2xx)),
        errors: Math.max(...rs.map((r) => r.errors)),
      };
    };
    const empty = med(results.empty);
    const getTask = med(results.get);
    const listTasks = med(results.list);
    const postGen = med(results.post);
    const ratio = (r: ReturnType<typeof summary>) => ({
      throughput_vs_empty: Math.round((r.req_per_s / empty.req_per_s) * 100) / 100,
      p99_vs_empty: Math.round((r.p99_ms / Math.max(1, empty.p99_ms)) * 100) / 100,
    });
    return {
      connections,
      duration_s: durationS,
      rounds,
      seeded_tasks: seeded,
      worker: "running (in-process, offline engine)",
      empty_route: empty,
      get_task: { ...getTask, ...ratio(getTask) },
      list_tasks_page1: { ...listTasks, ...ratio(listTasks) },
      post_generation_local: { ...postGen, ...ratio(postGen) },
      goal: "throughput_vs_empty >= 0.6 and p99_vs_empty <= 2",
    };
  } finally {
    await server.stop();
  }
}
