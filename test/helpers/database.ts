// Which database a test process uses: a SQLite file in a temp dir (BACKEND=sqlite, the default)
// or a fresh PostgreSQL database of this run (BACKEND=postgres), created here and dropped by
// test/global-setup.ts when the run ends.
import { spawnSync } from "node:child_process";
import path from "node:path";

export const BACKEND: "sqlite" | "postgres" =
  process.env.BACKEND === "postgres" ? "postgres" : "sqlite";

const PG_ADMIN = path.resolve(__dirname, "pg-admin.mjs");
let created = 0;

/** A new, empty PostgreSQL database of this test run (migrations run on first use). */
export function freshPostgresUrl(): string {
  const server = process.env.TEST_DATABASE_URL;
  const run = process.env.PIXEL_TEST_RUN;
  if (!server || !run) {
    throw new Error(
      "BACKEND=postgres needs vitest's globalSetup (test/global-setup.ts) to choose the server; run the tests through vitest",
    );
  }
  const name = `${run}_${process.pid}_${++created}`;
  const res = spawnSync(process.execPath, [PG_ADMIN, "create", server, name], {
    encoding: "utf8",
  });
  if (res.status !== 0) throw new Error(`could not create test database ${name}: ${res.stderr}`);
  return res.stdout.trim();
}

/** The DATABASE_URL for a fresh test database in `dataDir`. */
export function freshDatabaseUrl(dataDir: string): string {
  return BACKEND === "postgres" ? freshPostgresUrl() : `file:${path.join(dataDir, "studio.db")}`;
}

/** A raw connection of its own to the test database, as another process or a shell would have. */
export interface OtherConnection {
  run(statement: string): Promise<void>;
  close(): Promise<void>;
}

/** Opens `url` (this test's DATABASE_URL) outside the app's client, on either backend. */
export async function openOtherConnection(url: string): Promise<OtherConnection> {
  if (BACKEND === "postgres") {
    const pg = (await import("pg")).default;
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    return {
      run: async (statement) => void (await client.query(statement)),
      close: () => client.end(),
    };
  }
  const Database = (await import("better-sqlite3")).default;
  const sqlite = new Database(url.replace(/^file:/, ""));
  return {
    run: async (statement) => void sqlite.exec(statement),
    close: async () => void sqlite.close(),
  };
}
