// BACKEND=postgres: finds (or starts) the test PostgreSQL server once per vitest run, names this
// run's databases, and drops them all at the end. SQLite runs need nothing here.

import { ensureTestPostgres } from "../scripts/test-postgres.mjs";
import { dropDatabasesWithPrefix } from "./helpers/pg-admin.mjs";

export default async function setup() {
  if (process.env.BACKEND !== "postgres") return;
  const server = await ensureTestPostgres();
  const run = `pixel_t_${Date.now().toString(36)}_${process.pid}`;
  // Read by test/helpers/database.ts in every test worker.
  process.env.TEST_DATABASE_URL = server.url;
  process.env.PIXEL_TEST_RUN = run;
  return async () => {
    await dropDatabasesWithPrefix(server.url, run);
    server.stop();
  };
}
