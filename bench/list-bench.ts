// GET /api/v1/tasks (first page) for a user with 100,000 tasks next to one with 100, same server,
// same run: the page must not get slower with the history (indexes on (user_id, id)). Runs on
// whichever database the bench process uses (SQLite, or PostgreSQL under BACKEND=postgres).
import { sql } from "drizzle-orm";
import { getDb, getSqlite } from "@/lib/db/client";
import { DIALECT } from "@/lib/db/schema";
import { seedUserWithKey } from "@/test/helpers/accounts";
import { startServer, useFreshDataDir } from "@/test/helpers/server";
import { cannon } from "./server-bench";

/** n completed tasks for one user in one statement each way (the bench is not about inserts). */
async function seedTasks(userId: number, n: number) {
  if (DIALECT === "postgres") {
    const db = await getDb();
    await db.execute(sql`
      INSERT INTO tasks (user_id, type, model, provider, prompt, prompt_norm, params, status, mode, seed, width, height, completed_at)
      SELECT ${userId}, 'image', 'local/pixel-sprite', 'local', 'a knight number ' || g, 'a knight number ' || g,
             jsonb_build_object('prompt', 'a knight number ' || g), 'completed', 'random', g, 640, 640, now()
        FROM generate_series(1, ${n}) g`);
    await db.execute(sql`VACUUM ANALYZE tasks`);
    return;
  }
  getSqlite()
    .prepare(
      `WITH RECURSIVE g(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM g WHERE i < ?)
       INSERT INTO tasks (user_id, type, model, provider, prompt, prompt_norm, params, status, mode, seed, width, height, completed_at)
       SELECT ?, 'image', 'local/pixel-sprite', 'local', 'a knight number ' || i, 'a knight number ' || i,
              json_object('prompt', 'a knight number ' || i), 'completed', 'random', i, 640, 640, unixepoch() * 1000
         FROM g`,
    )
    .run(n, userId);
  getSqlite().exec("ANALYZE");
}

export async function benchTaskList(big = 100_000, small = 100, rounds = 3) {
  useFreshDataDir("pixel-bench-list-");
  const many = await seedUserWithKey("bench-list-many@example.com");
  const few = await seedUserWithKey("bench-list-few@example.com");
  const seeded = performance.now();
  await seedTasks(many.user.id, big);
  await seedTasks(few.user.id, small);
  const seedS = (performance.now() - seeded) / 1000;
  const server = await startServer({ RUN_WORKER: "false" });
  try {
    const target = (auth: Record<string, string>) => ({
      url: `${server.baseUrl}/api/v1/tasks`,
      headers: auth,
      connections: 8,
      duration: 4,
    });
    for (const auth of [many.auth, few.auth]) await cannon({ ...target(auth), duration: 2 });
    const p99 = { many: [] as number[], few: [] as number[] };
    const rps = { many: [] as number[], few: [] as number[] };
    for (let r = 0; r < rounds; r++) {
      for (const [name, auth] of [
        ["many", many.auth],
        ["few", few.auth],
      ] as const) {
        const res = await cannon(target(auth));
        if (res.non2xx) throw new Error(`${res.non2xx} non-2xx answers from GET /api/v1/tasks`);
        p99[name].push(res.latency.p99);
        rps[name].push(res.requests.average);
      }
    }
    const med = (xs: number[]) => xs.slice().sort((a, b) => a - b)[xs.length >> 1];
    return {
      database: DIALECT,
      tasks: { many: big, few: small },
      seed_s: Math.round(seedS * 10) / 10,
      p99_ms: { many: med(p99.many), few: med(p99.few) },
      req_per_s: { many: Math.round(med(rps.many)), few: Math.round(med(rps.few)) },
      p99_ratio: Math.round((med(p99.many) / Math.max(1, med(p99.few))) * 100) / 100,
      goal: "p99_ratio <= 1.5",
    };
  } finally {
    await server.stop();
  }
}
