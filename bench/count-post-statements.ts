// `npx tsx bench/count-post-statements.ts [n]` with BACKEND=postgres (and DATABASE_URL set to any
// PostgreSQL database, so the schema is PostgreSQL's): in a fresh database, turns on log_statement=all for that database only, makes n sequential POST
// generate requests against the production server (RUN_WORKER=false) and prints, from the
// PostgreSQL server log, every statement the web process sent for them (one POST's worth per
// request after a warm-up). Needs read access to the server log (LOG path as PG_LOG).
import fs from "node:fs";
import pg from "pg";
import { seedUserWithKey } from "@/test/helpers/accounts";
import { startServer, useFreshDataDir } from "@/test/helpers/server";

async function main() {
  const n = Number(process.argv[2] ?? 3);
  const logPath = process.env.PG_LOG ?? "/var/log/postgresql/postgresql-15-main.log";
  useFreshDataDir("pixel-count-data-");
  const url = new URL(process.env.DATABASE_URL!);
  const db = url.pathname.slice(1);
  const admin = new pg.Client({ connectionString: url.toString() });
  await admin.connect();
  await admin.query(`ALTER DATABASE "${db}" SET log_statement = 'all'`);
  const user = await seedUserWithKey("count@example.com");
  const server = await startServer({ RUN_WORKER: "false" });
  const post = () =>
    fetch(`${server.baseUrl}/api/v1/generations/image`, {
      method: "POST",
      headers: { "Content-Type": "application/json", ...user.auth },
      body: JSON.stringify({ prompt: "a bench knight with a sword", model: "local/pixel-sprite" }),
    }).then((r) => r.text());
  for (let i = 0; i < 5; i++) await post();
  await new Promise((r) => setTimeout(r, 500));
  const from = fs.statSync(logPath).size;
  for (let i = 0; i < n; i++) await post();
  await new Promise((r) => setTimeout(r, 500));
  await server.stop();
  await admin.query(`ALTER DATABASE "${db}" RESET log_statement`);
  await admin.end();
  const fd = fs.openSync(logPath, "r");
  const buf = Buffer.alloc(fs.statSync(logPath).size - from);
  fs.readSync(fd, buf, 0, buf.length, from);
  const lines = buf.toString("utf8").split("\n");
  const statements = lines.filter((l) => /LOG: {2}(statement|execute)/.test(l));
  console.log(lines.join("\n"));
  console.log(`${statements.length} statements for ${n} POSTs`);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
