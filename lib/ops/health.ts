// Readiness for load balancers: can this process reach what it needs to serve and run tasks?
// Every check has a deadline, so a hung backend makes the probe fail fast instead of hanging.
import { getPool, getSqlite } from "@/lib/db/client";
import { BOSS_SCHEMA } from "@/lib/db/postgres/boss-schema";
import { DIALECT } from "@/lib/db/schema";
import { getBlobStore } from "@/lib/storage/blob-store";

export type HealthComponent = "database" | "storage" | "queue";

export interface HealthReport {
  ok: boolean;
  checks: Record<HealthComponent, { ok: boolean; ms: number; error?: string }>;
}

const CHECK_TIMEOUT_MS = 2_000;

async function timed(fn: () => Promise<unknown>) {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      fn(),
      new Promise((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)),
          CHECK_TIMEOUT_MS,
        );
      }),
    ]);
    return { ok: true, ms: Math.round(performance.now() - started) };
  } catch (error) {
    return {
      ok: false,
      ms: Math.round(performance.now() - started),
      error: error instanceof Error ? error.message : String(error),
    };
  } finally {
    clearTimeout(timer);
  }
}

/** A round trip to the database on a pooled connection (PostgreSQL) or the file (SQLite). */
async function query(text: string): Promise<void> {
  if (DIALECT === "sqlite") getSqlite().prepare(text).get();
  else await (await getPool()).query(text);
}

const databaseReachable = () => query("SELECT 1");

// SQLite: the queue is the tasks table. PostgreSQL: pg-boss's own schema, next to it.
const queueReachable = () =>
  query(
    DIALECT === "sqlite"
      ? "SELECT 1 FROM tasks LIMIT 1"
      : `SELECT 1 FROM ${BOSS_SCHEMA}.version LIMIT 1`,
  );

export async function checkHealth(): Promise<HealthReport> {
  const [database, storage, queue] = await Promise.all([
    timed(databaseReachable),
    timed(() => getBlobStore().check()),
    timed(queueReachable),
  ]);
  return { ok: database.ok && storage.ok && queue.ok, checks: { database, storage, queue } };
}
