import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { type BetterSQLite3Database, drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { getEnv } from "@/lib/config/env";
import { databasePath } from "@/lib/config/paths";
import * as schema from "./schema";

export type Db = BetterSQLite3Database<typeof schema>;

interface Handle {
  sqlite: Database.Database;
  db: Db;
}

// One connection per process, kept on globalThis so Next.js dev reloads don't open more.
const globalForDb = globalThis as unknown as { __pixelStudioDb?: Handle };

export function migrationsFolder(): string {
  return path.resolve(
    /*turbopackIgnore: true*/ process.cwd(),
    getEnv().MIGRATIONS_DIR ?? "drizzle",
  );
}

export function openDatabase(file = databasePath()): Handle {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  // Readers and the worker share the file; wait rather than fail with SQLITE_BUSY.
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("foreign_keys = ON");
  // WAL + NORMAL is durable across application crashes (only an OS crash can lose the tail).
  sqlite.pragma("synchronous = NORMAL");
  const db = drizzle(sqlite, { schema });
  migrate(db, { migrationsFolder: migrationsFolder() });
  return { sqlite, db };
}

export function getDb(): Db {
  if (!globalForDb.__pixelStudioDb) globalForDb.__pixelStudioDb = openDatabase();
  return globalForDb.__pixelStudioDb.db;
}

export function getSqlite(): Database.Database {
  getDb();
  return globalForDb.__pixelStudioDb!.sqlite;
}

/**
 * Runs `fn` in a write transaction started with BEGIN IMMEDIATE: a deferred transaction that
 * upgrades to a write can fail with SQLITE_BUSY despite the busy timeout.
 */
export function writeTransaction<T>(fn: (tx: Db) => T): T {
  return getDb().transaction((tx) => fn(tx as unknown as Db), { behavior: "immediate" });
}

export function closeDatabase(): void {
  globalForDb.__pixelStudioDb?.sqlite.close();
  globalForDb.__pixelStudioDb = undefined;
}

/**
 * A statement built once per connection. Drizzle spends ~0.3 ms building SQL for every query;
 * the hot paths (key lookup, task reads) reuse prepared statements instead (~0.01 ms).
 */
export function prepared<T>(build: (db: Db) => T): () => T {
  let builtFor: Db | undefined;
  let statement: T | undefined;
  return () => {
    const db = getDb();
    if (builtFor !== db || statement === undefined) {
      statement = build(db);
      builtFor = db;
    }
    return statement;
  };
}
