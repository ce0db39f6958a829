// `npx tsx bench/post-trips.ts [seconds]` with BACKEND=postgres, DATABASE_URL (any database, for the
// schema choice), TEST_DATABASE_URL and PIXEL_TEST_RUN (the fresh database it creates is dropped at
// the end): the production server (RUN_WORKER=false) under 32 connections POSTing
// /api/v1/generations/image, and the database transactions per POST, counted by the server
// (pg_stat_database.xact_commit of the fresh database, read after the server has stopped, so every
// connection has reported). Counted from before the server starts: the start's few transactions
// (migrations found applied, the queue's schema, the key lookup) are included. Needs a build.
import pg from "pg";
import { seedUserWithKey } from "@/test/helpers/accounts";
import { startServer, useFreshDataDir } from "@/test/helpers/server";
import { cannon } from "./server-bench";

async function commits(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // a new snapshot of the cumulative statistics (they are cached per transaction otherwise)
    await client.query("SELECT pg_stat_clear_snapshot()");
    const { rows } = await client.query(
      "SELECT xact_commit::float8 AS n FROM pg_stat_database WHERE datname = current_database()",
    );
    return Number(rows[0].n);
  } finally {
    await client.end();
  }
}

async function main() {
  const seconds = Number(process.argv[2] ?? 10);
  useFreshDataDir("pixel-post-trips-");
  const user = await seedUserWithKey("post-trips@example.com");
  const url = process.env.DATABASE_URL!;
  const { closeDatabase } = await import("@/lib/db/client");
  await closeDatabase();
  await new Promise((r) => setTimeout(r, 1500));
  const before = await commits(url);
  const server = await startServer({
    GENERATION_RATE_LIMIT_PER_MIN: "100000000",
    RUN_WORKER: "false",
  });
  const post = {
    url: `${server.baseUrl}/api/v1/generations/image`,
    method: "POST" as const,
    headers: { "Content-Type": "application/json", ...user.auth },
    body: JSON.stringify({ prompt: "a bench knight with a sword", model: "local/pixel-sprite" }),
    connections: 32,
  };
  const warm = await cannon({ ...post, duration: 2 });
  const result = await cannon({ ...post, duration: seconds });
  await server.stop();
  await new Promise((r) => setTimeout(r, 1500));
  const after = await commits(url);
  // autocannon's result counts the 2xx answers (CannonResult names only what the bench reads)
  const ok = (r: object) => (r as { "2xx": number })["2xx"];
  const posts = ok(warm) + ok(result);
  console.log(
    `${posts} POSTs (${warm.non2xx + result.non2xx} non-2xx), ${Math.round(result.requests.average)} POST/s, p99 ${result.latency.p99} ms, ${((after - before) / posts).toFixed(3)} transactions/POST`,
  );
  if (process.env.TEST_DATABASE_URL && process.env.PIXEL_TEST_RUN) {
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
