// `npx tsx bench/post-writes.ts [old,new,…]` with BACKEND=postgres, DATABASE_URL (any PostgreSQL
// database, for the schema choice), TEST_DATABASE_URL and PIXEL_TEST_RUN set (a fresh database is
// created as in the tests): POST generate's database work alone, without HTTP, for one user and
// one rate-limit key, 32 concurrent callers over the pool of 10, 4 s per mode. "new" is the
// route's path (the rate-limit takes of one turn in one statement committed without a flush wait,
// then the task and its pg-boss job in one statement); "old" the three commits it replaced (the take with a synchronous commit, the
// task INSERT, pg-boss's insert), on this schema. Prints writes/s and latency per mode.
import PgBoss from "pg-boss";
import { useFreshDataDir } from "@/test/helpers/server";

async function main() {
  useFreshDataDir("pixel-probe-");
  const { createUser } = await import("@/lib/db/users");
  const userId = (await createUser({ email: "p@example.com", passwordHash: "x" })).id;
  const { getTaskQueue, closeTaskQueue } = await import("@/lib/jobs/queue-factory");
  const { getPool } = await import("@/lib/db/client");
  const { insertTask } = await import("@/lib/db/tasks");
  const { postgresLimiter } = await import("@/lib/security/rate-limit-postgres");
  const q = await getTaskQueue();
  const pool = await getPool();
  const boss = new PgBoss({
    db: { executeSql: (t, v) => pool.query(t, v) },
    schema: "pgboss",
    supervise: false,
    schedule: false,
  });
  await boss.start();
  const task = () => ({
    userId,
    type: "image" as const,
    model: "local/m",
    provider: "local",
    prompt: "a knight",
    params: { prompt: "a knight" },
  });
  await q.enqueue(task());
  const opts = { limit: 1e9, windowMs: 60_000 };
  const asyncLimiter = postgresLimiter({ query: (t, v) => pool.query(t, v) }, "probe", opts);
  // the old take: one statement per request with a synchronous commit. A group of takes is
  // refused here, before the server, as a server refusing it would be (an SQLSTATE), so the
  // limiter runs each take alone, and the alone take loses its set_config.
  const syncLimiter = postgresLimiter(
    {
      query: (t, v) =>
        t.includes("pixel_rate_limit_take")
          ? Promise.reject(Object.assign(new Error("old take: one at a time"), { code: "0A000" }))
          : pool.query(t.replace(/,\s*set_config\([^)]*\) AS no_flush_wait/, ""), v),
    },
    "probe",
    opts,
  );
  const ways: Record<string, () => Promise<unknown>> = {
    old: async () => {
      await syncLimiter.consume("key:1");
      const t = await insertTask(task());
      await boss.insert([
        { name: "pixel-task.local", data: { taskId: t.id }, singletonKey: String(t.id) },
      ]);
    },
    new: async () => {
      await asyncLimiter.consume("key:1");
      await q.enqueue(task());
    },
  };
  for (const mode of (process.argv[2] ?? "old,new,old,new,old,new").split(",")) {
    let n = 0;
    const lat: number[] = [];
    const end = Date.now() + 4000;
    await Promise.all(
      Array.from({ length: 32 }, async () => {
        while (Date.now() < end) {
          const t0 = performance.now();
          await ways[mode]!();
          lat.push(performance.now() - t0);
          n++;
        }
      }),
    );
    lat.sort((a, b) => a - b);
    console.log(
      `${mode.padEnd(5)} ${(n / 4).toFixed(0)} POST writes/s, p50 ${lat[Math.floor(lat.length / 2)]!.toFixed(1)} ms, p99 ${lat[Math.floor(lat.length * 0.99)]!.toFixed(1)} ms`,
    );
  }
  await boss.stop({ graceful: false, close: false, wait: true });
  await closeTaskQueue();
}
main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
