// `npm run bench [-- --only=pixel,pixelize,tiles,queue,api,list,gallery,postgres,postgres-api,postgres-queue,
// editor,sprite-input,character,character-api]`: prints one JSON document.
// Needs a production build (`npm run build`) for the server benchmarks. The `postgres` section
// runs the queue (1 and 2 worker processes), API and task-list benchmarks again on PostgreSQL
// (TEST_DATABASE_URL, else 127.0.0.1:5432, else a throwaway cluster) in a child process, since a
// process keeps the database dialect it loaded; its databases are dropped afterwards.
// `postgres-api` runs only the API and task-list benchmarks there.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { ensureTestPostgres } from "../scripts/test-postgres.mjs";
import { createDatabase, dropDatabasesWithPrefix } from "../test/helpers/pg-admin.mjs";
import { benchCharacterApi } from "./character-api-bench";
import { benchCharacter } from "./character-bench";
import { benchEditor } from "./editor-bench";
import { benchGallery } from "./gallery-bench";
import { benchTaskList } from "./list-bench";
import { benchPixel, benchPixelize } from "./pixel";
import { benchApi, benchQueue } from "./server-bench";
import { benchSpriteInput } from "./sprite-input";
import { benchTilesSfx } from "./tiles-sfx";

const only = process.argv
  .find((a) => a.startsWith("--only="))
  ?.slice(7)
  .split(",");
const want = (name: string) => !only || only.includes(name);
const isPostgresChild = process.env.BACKEND === "postgres";

async function postgresSections(sections = "queue1,queue2,api,list"): Promise<unknown> {
  const server = await ensureTestPostgres((m) => process.stderr.write(`${m}\n`));
  const run = `pixel_b_${Date.now().toString(36)}_${process.pid}`;
  try {
    const url = await createDatabase(server.url, `${run}_main`);
    const root = path.resolve(__dirname, "..");
    const child = spawnSync(
      path.join(root, "node_modules/.bin/tsx"),
      [path.join(root, "bench/index.ts"), `--only=${sections}`],
      {
        cwd: root,
        encoding: "utf8",
        stdio: ["ignore", "pipe", "inherit"],
        maxBuffer: 16 * 1024 * 1024,
        env: {
          ...process.env,
          BACKEND: "postgres",
          DATABASE_URL: url,
          TEST_DATABASE_URL: server.url,
          PIXEL_TEST_RUN: run,
        },
      },
    );
    if (child.status !== 0) throw new Error(`PostgreSQL bench exited with ${child.status}`);
    return JSON.parse(child.stdout);
  } finally {
    await dropDatabasesWithPrefix(server.url, run);
    server.stop();
  }
}

async function main() {
  const out: Record<string, unknown> = {
    machine: { cpus: (await import("node:os")).cpus().length, node: process.version },
    at: new Date().toISOString(),
  };
  const section = async (name: string, fn: () => Promise<unknown>) => {
    if (!want(name)) return;
    process.stderr.write(`bench: ${name}${isPostgresChild ? " (postgres)" : ""}…\n`);
    try {
      out[name] = await fn();
    } catch (error) {
      out[name] = { error: error instanceof Error ? error.message : String(error) };
    }
  };
  if (isPostgresChild) {
    await section("queue1", () => benchQueue(400, 500, 8, 1));
    await section("queue2", () => benchQueue(400, 500, 8, 2));
    const one = out.queue1 as { tasks_per_s?: number } | undefined;
    const two = out.queue2 as { tasks_per_s?: number } | undefined;
    if (one?.tasks_per_s && two?.tasks_per_s) {
      out.two_workers_vs_one = {
        ratio: Math.round((two.tasks_per_s / one.tasks_per_s) * 100) / 100,
        goal: ">= 1.8",
      };
    }
    await section("api", () => benchApi());
    await section("list", () => benchTaskList());
  } else {
    await section("pixel", benchPixel);
    await section("pixelize", benchPixelize);
    await section("tiles", benchTilesSfx);
    await section("queue", () => benchQueue());
    await section("api", () => benchApi());
    await section("list", () => benchTaskList());
    await section("postgres", () => postgresSections());
    // only when named: a full run has these in `postgres` already
    if (only?.includes("postgres-api"))
      await section("postgres-api", () => postgresSections("api,list"));
    // the PostgreSQL queue alone (1 and 2 worker processes), only when asked for by name: the
    // `postgres` section measures it too
    if (only?.includes("postgres-queue"))
      await section("postgres-queue", () => postgresSections("queue1,queue2"));
    await section("gallery", () => benchGallery());
    await section("editor", benchEditor);
    await section("sprite-input", benchSpriteInput);
    await section("character", benchCharacter);
    await section("character-api", benchCharacterApi);
  }
  console.log(JSON.stringify(out, null, 2));
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
