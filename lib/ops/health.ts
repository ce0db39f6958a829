// Readiness for load balancers: can this process reach what it needs to serve and run tasks?
// Every check has a deadline, so a hung backend makes the probe fail fast instead of hanging.
// A check that is merely slow (a loaded machine, a pool busy with requests) is not an outage: it
// counts as down only when the backend has not answered a check for STALE_AFTER_MS either. Under
// load on 2 shared cores the 2 s deadline alone took healthy processes out of rotation.
import { getPool, getSqlite } from "@/lib/db/client";
import { BOSS_SCHEMA } from "@/lib/db/postgres/boss-schema";
import { DIALECT } from "@/lib/db/schema";
import { getBlobStore } from "@/lib/storage/blob-store";

export type HealthComponent = "database" | "storage" | "queue";

export interface CheckResult {
  ok: boolean;
  ms: number;
  error?: string;
  /** ok, but the check itself outlived its deadline (the backend answered recently) */
  slow?: boolean;
}

export interface HealthReport {
  ok: boolean;
  checks: Record<HealthComponent, CheckResult>;
}

const CHECK_TIMEOUT_MS = 2_000;
/** a check that times out is a failure once its backend has not answered for this long */
export const STALE_AFTER_MS = 10_000;

class CheckTimeout extends Error {
  constructor(ms: number) {
    super(`no answer within ${ms} ms`);
  }
}

/** When each backend last answered a check in this process (a late answer counts too). */
const lastAnswer = new Map<string, number>();

export async function timedCheck(
  name: string,
  fn: () => Promise<unknown>,
  timeoutMs = CHECK_TIMEOUT_MS,
  staleAfterMs = STALE_AFTER_MS,
): Promise<CheckResult> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const work = Promise.resolve()
    .then(fn)
    .then(() => {
      lastAnswer.set(name, Date.now());
    });
  work.catch(() => undefined);
  try {
    await Promise.race([
      work,
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new CheckTimeout(timeoutMs)), timeoutMs);
      }),
    ]);
    return { ok: true, ms: Math.round(performance.now() - started) };
  } catch (error) {
    const ms = Math.round(performance.now() - started);
    const last = lastAnswer.get(name);
    if (error instanceof CheckTimeout && last !== undefined && Date.now() - last < staleAfterMs) {
      return { ok: true, ms, slow: true };
    }
    return { ok: false, ms, error: error instanceof Error ? error.message : String(error) };
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
    timedCheck("database", databaseReachable),
    timedCheck("storage", () => getBlobStore().check()),
    timedCheck("queue", queueReachable),
  ]);
  return { ok: database.ok && storage.ok && queue.ok, checks: { database, storage, queue } };
}
