// The SQL that differs between SQLite and PostgreSQL, in one place. Query modules call these
// helpers instead of writing dialect-specific fragments themselves.
import type { Statement } from "better-sqlite3";
import { type SQL, sql } from "drizzle-orm";
import { type Db, getSqlite } from "./client";
import { DIALECT, tasks } from "./schema";

/**
 * Serialises "count users, then insert" (the first account becomes admin). SQLite needs nothing:
 * BEGIN IMMEDIATE already holds the only write lock.
 */
export function lockUsers(tx: Db): PromiseLike<unknown> | undefined {
  return DIALECT === "postgres"
    ? tx.execute(sql`LOCK TABLE users IN SHARE ROW EXCLUSIVE MODE`)
    : undefined;
}

/** attempts - 1, never below 0 (a released lease doesn't count as an attempt). */
export function attemptsMinusOne(): SQL {
  return DIALECT === "postgres"
    ? sql`greatest(${tasks.attempts} - 1, 0)`
    : sql`max(${tasks.attempts} - 1, 0)`;
}

// ---------------------------------------------------------------------------------------------
// SQLite's lease claim (the SQLite queue engine; PostgreSQL claims through pg-boss, see
// lib/db/postgres/queue.ts): the oldest runnable task of the given providers (pending and due,
// or processing with an expired lease) moves to processing under a new lease, atomically.

const sqliteClaimSql = (providerCount: number) => `
  UPDATE tasks
     SET status = 'processing',
         lease_owner = @owner,
         lease_expires_at = @leaseUntil,
         attempts = attempts + 1,
         started_at = coalesce(started_at, @now),
         updated_at = @now
   WHERE id = (
     SELECT id FROM tasks
      WHERE provider IN (${Array.from({ length: providerCount }, (_, i) => `@p${i}`).join(", ")})
        AND ((status = 'pending' AND run_after <= @now)
          OR (status = 'processing' AND lease_expires_at < @now))
      ORDER BY run_after, id
      LIMIT 1)
  RETURNING id`;

const runningSql = `
  SELECT provider, count(*) AS n FROM tasks
   WHERE status = 'processing' AND lease_expires_at >= ? GROUP BY provider`;

// The worker claims on every tick: one prepared statement per connection and provider count.
const sqliteClaims = new WeakMap<object, Map<number, Statement>>();

function claimStatement(providerCount: number): Statement {
  const sqlite = getSqlite();
  let byCount = sqliteClaims.get(sqlite);
  if (!byCount) {
    byCount = new Map();
    sqliteClaims.set(sqlite, byCount);
  }
  let statement = byCount.get(providerCount);
  if (!statement) {
    statement = sqlite.prepare(sqliteClaimSql(providerCount));
    byCount.set(providerCount, statement);
  }
  return statement;
}

const sqliteRunning = new WeakMap<object, Statement>();

function runningStatement(): Statement {
  const sqlite = getSqlite();
  let statement = sqliteRunning.get(sqlite);
  if (!statement) {
    statement = sqlite.prepare(runningSql);
    sqliteRunning.set(sqlite, statement);
  }
  return statement;
}

export interface SqliteClaimArgs {
  owner: string;
  providers: string[];
  leaseUntil: number;
  now: number;
  /** per-provider caps on running tasks, counted over every worker on the file */
  limits?: Map<string, number>;
}

/** The id of the task just claimed for `owner`, or undefined when none is runnable. */
export function sqliteClaim(opts: SqliteClaimArgs): number | undefined {
  const sqlite = getSqlite();
  // BEGIN IMMEDIATE: SQLite's one writer at a time makes count-then-claim exact across processes.
  return sqlite
    .transaction(() => {
      let providers = opts.providers;
      if (opts.limits) {
        const running = new Map(
          (runningStatement().all(opts.now) as { provider: string; n: number }[]).map((r) => [
            r.provider,
            r.n,
          ]),
        );
        providers = providers.filter(
          (p) => (running.get(p) ?? 0) < (opts.limits?.get(p) ?? Number.POSITIVE_INFINITY),
        );
      }
      if (providers.length === 0) return undefined;
      const params: Record<string, unknown> = {
        owner: opts.owner,
        leaseUntil: opts.leaseUntil,
        now: opts.now,
      };
      providers.forEach((p, i) => {
        params[`p${i}`] = p;
      });
      const claimed = claimStatement(providers.length).get(params) as { id: number } | undefined;
      return claimed?.id;
    })
    .immediate();
}
