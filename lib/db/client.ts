// The one connection (SQLite) or pool (PostgreSQL) of this process, chosen by DATABASE_URL, with
// its migrations applied before the first query. Everything dialect-specific about connecting,
// migrating and transactions lives here; the query modules are written once for both.
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { type BetterSQLite3Database, drizzle as drizzleSqlite } from "drizzle-orm/better-sqlite3";
import { migrate as migrateSqlite } from "drizzle-orm/better-sqlite3/migrator";
import { drizzle as drizzlePg, type NodePgDatabase } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";
import { getEnv } from "@/lib/config/env";
import { type DatabaseTarget, databaseTarget } from "@/lib/config/paths";
import { ensureQueueSchema } from "./postgres/queue-schema";
import * as postgresSchema from "./postgres/schema";
import { DIALECT } from "./schema";
import * as sqliteSchema from "./sqlite/schema";

/**
 * The query-builder type shared code is written against. On SQLite the object is a
 * better-sqlite3 drizzle database with the SQLite tables: the same builder calls, awaited.
 */
export type Db = NodePgDatabase<typeof postgresSchema>;
export type SqliteDb = BetterSQLite3Database<typeof sqliteSchema>;

interface Handle {
  target: DatabaseTarget;
  /** resolves once migrations are applied */
  ready: Promise<Db>;
  /** the last connect/migrate attempt failed: the next query tries again */
  failed?: boolean;
  sqlite?: Database.Database;
  pool?: pg.Pool;
}

// One handle per process, kept on globalThis so Next.js dev reloads don't open more.
const globalForDb = globalThis as unknown as { __pixelStudioDb?: Handle };

/** drizzle/sqlite or drizzle/postgres (MIGRATIONS_DIR moves the parent folder). */
export function migrationsFolder(dialect: "sqlite" | "postgres" = "sqlite"): string {
  return path.resolve(
    /*turbopackIgnore: true*/ process.cwd(),
    getEnv().MIGRATIONS_DIR ?? "drizzle",
    dialect,
  );
}

/** How long a SQLite write waits for another connection's write lock before SQLITE_BUSY. */
const BUSY_TIMEOUT_MS = 5000;

export function openDatabase(file: string): { sqlite: Database.Database; db: SqliteDb } {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  // Readers and the worker share the file; wait rather than fail with SQLITE_BUSY.
  sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  sqlite.pragma("foreign_keys = ON");
  // WAL + NORMAL is durable across application crashes (only an OS crash can lose the tail).
  sqlite.pragma("synchronous = NORMAL");
  const db = drizzleSqlite(sqlite, { schema: sqliteSchema });
  // Processes starting together (web + worker) race to migrate: the loser's transaction fails
  // ("table already exists") and its retry finds the migrations applied.
  for (let attempt = 1; ; attempt++) {
    try {
      migrateSqlite(db, { migrationsFolder: migrationsFolder("sqlite") });
      break;
    } catch (error) {
      if (attempt >= 5) throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100 * attempt);
    }
  }
  return { sqlite, db };
}

// Any constant works as long as every process of one installation uses the same one.
const MIGRATION_LOCK = 0x70697865; // "pixe"

export function openPostgres(url: string, max = getEnv().PG_POOL_MAX ?? 10): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max });
  // An idle client losing its connection (server restart) must not crash the process; the next
  // query gets a fresh connection or a clear error.
  pool.on("error", (error) => console.error(`[db] idle PostgreSQL client: ${error.message}`));
  // Nor one that is checked out between two queries (a transaction waiting on other work, such
  // as the queue sweeper's): pg emits that error on the client itself, where no one listens.
  pool.on("connect", (client) => {
    client.on("error", (error) => console.error(`[db] PostgreSQL client in use: ${error.message}`));
  });
  return pool;
}

/**
 * Applies drizzle/postgres, and creates the queue's (pg-boss's) schema, once even when several
 * processes start together.
 */
export async function migratePostgres(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK]);
    try {
      await migratePg(drizzlePg(client), { migrationsFolder: migrationsFolder("postgres") });
      await ensureQueueSchema(client);
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK]);
    }
  } finally {
    client.release();
  }
}

function open(): Handle {
  const target = databaseTarget();
  if (target.dialect !== DIALECT) {
    throw new Error(
      `DATABASE_URL selects ${target.dialect} but this process loaded the ${DIALECT} schema: set DATABASE_URL before start`,
    );
  }
  if (target.dialect === "sqlite") {
    const { sqlite, db } = openDatabase(target.file);
    return { target, sqlite, ready: Promise.resolve(db as unknown as Db) };
  }
  const h: Handle = { target, pool: openPostgres(target.url), ready: Promise.resolve() as never };
  connectPostgres(h);
  return h;
}

/**
 * Migrates and hands out the drizzle database. A failure (PostgreSQL down when the process
 * starts) is reported to the queries waiting on it, and the next query tries again, so a
 * long-running worker recovers once the server is back instead of failing forever.
 */
function connectPostgres(h: Handle): void {
  const pool = h.pool!;
  const ready = migratePostgres(pool).then(
    () => drizzlePg(pool, { schema: postgresSchema }) as unknown as Db,
  );
  h.failed = false;
  h.ready = ready;
  ready.catch(() => {
    if (h.ready === ready) h.failed = true;
  });
}

function handle(): Handle {
  globalForDb.__pixelStudioDb ??= open();
  return globalForDb.__pixelStudioDb;
}

export function getDb(): Promise<Db> {
  const h = handle();
  if (h.failed) connectPostgres(h);
  return h.ready;
}

/** The raw better-sqlite3 connection, for the SQLite queue engine's hand-written statements. */
export function getSqlite(): Database.Database {
  const h = handle();
  if (!h.sqlite) throw new Error("getSqlite() on a PostgreSQL database");
  return h.sqlite;
}

/** The PostgreSQL pool (the pg-boss queue engine shares it). */
export async function getPool(): Promise<pg.Pool> {
  const h = handle();
  await getDb();
  if (!h.pool) throw new Error("getPool() on a SQLite database");
  return h.pool;
}

export async function closeDatabase(): Promise<void> {
  const h = globalForDb.__pixelStudioDb;
  globalForDb.__pixelStudioDb = undefined;
  h?.sqlite?.close();
  await h?.pool?.end();
}

// The two busy timeouts as statements compiled once per connection (pragma() compiles each call).
const busyTimeouts = new WeakMap<
  Database.Database,
  { none: Database.Statement; wait: Database.Statement }
>();

/**
 * Runs one SQLite write (a statement, or a transaction run synchronously) without blocking this
 * thread's event loop while another connection holds the write lock. better-sqlite3 is
 * synchronous: under the busy timeout, a write that meets the lock of the web server's worker
 * thread (its own connection) sleeps inside SQLite's busy handler (1, 2, 5, 10, … ms, whatever
 * the lock's holder does meanwhile) and the thread answers no request until it returns. Here the
 * write tries the lock once (busy_timeout 0) and, when it is taken, tries again after the event
 * loop has turned, for the same 5 s in all. A write meeting a held lock fails with SQLITE_BUSY
 * before it changes anything (SQLite takes the write lock when the statement or an IMMEDIATE
 * transaction begins), so trying again is safe.
 */
export async function sqliteWriteYielding<T>(write: () => T): Promise<T> {
  const sqlite = getSqlite();
  let timeouts = busyTimeouts.get(sqlite);
  if (!timeouts) {
    timeouts = {
      none: sqlite.prepare("PRAGMA busy_timeout = 0"),
      wait: sqlite.prepare(`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`),
    };
    busyTimeouts.set(sqlite, timeouts);
  }
  const giveUpAt = Date.now() + BUSY_TIMEOUT_MS;
  for (let pause = 0; ; pause = Math.min(pause + 1, 5)) {
    timeouts.none.run();
    try {
      return write();
    } catch (error) {
      if ((error as { code?: string }).code !== "SQLITE_BUSY" || Date.now() >= giveUpAt)
        throw error;
    } finally {
      timeouts.wait.run();
    }
    await new Promise((resolve) => setTimeout(resolve, pause));
  }
}

/** At most this many writes share a commit: the transaction holds the event loop while it runs. */
const GROUP_MAX = 32;

/**
 * One SQLite write per call, committed together with the other calls of the same turn of the
 * event loop: one IMMEDIATE transaction for the group, run by sqliteWriteYielding. With 32
 * clients posting, SQLite's commit (≈ 0.35 ms: the WAL frames, the WAL index, the lock) was the
 * biggest part of a POST's own cost, paid once per row. Each caller still resolves after its own
 * row is committed; when any write of a group fails, the group rolls back and each write runs
 * again in its own transaction, so a failure is reported to its own caller alone, as before.
 * `prepare` gives the write function (per database handle: awaited at every flush).
 */
export function sqliteGroupedWrite<I, O>(
  prepare: () => Promise<(input: I) => O>,
): (input: I) => Promise<O> {
  type Waiting = { input: I; resolve: (out: O) => void; reject: (error: unknown) => void };
  const waiting: Waiting[] = [];
  const flush = async () => {
    const group = waiting.splice(0, GROUP_MAX);
    if (waiting.length > 0) setImmediate(flush);
    try {
      const write = await prepare();
      const sqlite = getSqlite();
      let outs: O[] | undefined;
      if (group.length > 1) {
        try {
          outs = await sqliteWriteYielding(() =>
            sqlite.transaction(() => group.map((w) => write(w.input))).immediate(),
          );
        } catch {
          outs = undefined; // retried one by one below, where each error reaches its caller
        }
      }
      if (outs) {
        for (const [i, w] of group.entries()) w.resolve(outs[i]!);
        return;
      }
      for (const w of group) {
        try {
          w.resolve(await sqliteWriteYielding(() => write(w.input)));
        } catch (error) {
          w.reject(error);
        }
      }
    } catch (error) {
      for (const w of group) w.reject(error);
    }
  };
  return (input) =>
    new Promise<O>((resolve, reject) => {
      waiting.push({ input, resolve, reject });
      if (waiting.length === 1) setImmediate(flush);
    });
}

/**
 * A query awaited inside a transaction body. Bodies are generators that `yield` each query and
 * receive its rows: better-sqlite3 transactions must run synchronously, PostgreSQL ones are
 * async, and one generator body drives both.
 */
export type TxBody<T> = (tx: Db) => Generator<PromiseLike<unknown>, T, unknown>;

/**
 * Runs `body` as one write transaction: BEGIN IMMEDIATE on SQLite (a deferred transaction that
 * upgrades to a write can fail with SQLITE_BUSY despite the busy timeout), a regular transaction
 * on PostgreSQL. Every yielded query must return rows (a select or `.returning()`).
 */
export async function writeTransaction<T>(body: TxBody<T>): Promise<T> {
  const db = await getDb();
  if (DIALECT === "sqlite") {
    const lite = db as unknown as SqliteDb;
    return lite.transaction(
      (tx) => {
        const it = body(tx as unknown as Db);
        let step = it.next();
        while (!step.done) {
          const query = step.value as unknown as { all(): unknown };
          step = it.next(query.all());
        }
        return step.value;
      },
      { behavior: "immediate" },
    );
  }
  return db.transaction(async (tx) => {
    const it = body(tx as unknown as Db);
    let step = it.next();
    while (!step.done) step = it.next(await step.value);
    return step.value;
  });
}
