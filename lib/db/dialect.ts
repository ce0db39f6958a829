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

// The candidate is the first of two index walks, each stopping at its first row: the oldest due
// pending task and the oldest processing task whose lease ran out. One WHERE with an OR of the
// two made SQLite read every due pending task through a multi-index OR and sort them all for
// LIMIT 1 (a temp b-tree), inside the claim's write transaction: with a backlog of 6,000 tasks
// about 1.2 ms per claim (0.005 ms this way), during which every other connection's write waited
// (the web thread's INSERT of POST generate, in better-sqlite3's blocking busy wait). Each branch
// is ordered by tasks_queue_idx (status, run_after), whose entries end in the rowid (the id).
const candidateSql = (providerCount: number) => {
  const providers = Array.from({ length: providerCount }, (_, i) => `@p${i}`).join(", ");
  return `
     SELECT id FROM (
       SELECT * FROM (
         SELECT id, run_after FROM tasks
          WHERE status = 'pending' AND run_after <= @now AND provider IN (${providers})
          ORDER BY run_after, id LIMIT 1)
       UNION ALL
       SELECT * FROM (
         SELECT id, run_after FROM tasks
          WHERE status = 'processing' AND lease_expires_at < @now AND provider IN (${providers})
          ORDER BY run_after, id LIMIT 1))
      ORDER BY run_after, id
      LIMIT 1`;
};

export const sqliteClaimSql = (providerCount: number) => `
  UPDATE tasks
     SET status = 'processing',
         lease_owner = @owner,
         lease_expires_at = @leaseUntil,
         attempts = attempts + 1,
         started_at = coalesce(started_at, @now),
         updated_at = @now
   WHERE id = (${candidateSql(providerCount)})
  RETURNING id`;

const runningSql = `
  SELECT provider, count(*) AS n FROM tasks
   WHERE status = 'processing' AND lease_expires_at >= ? GROUP BY provider`;

// The worker claims on every tick: prepared statements per connection and provider count.
const sqliteClaims = new WeakMap<object, Map<number, { claim: Statement; candidate: Statement }>>();

function claimStatements(providerCount: number): { claim: Statement; candidate: Statement } {
  const sqlite = getSqlite();
  let byCount = sqliteClaims.get(sqlite);
  if (!byCount) {
    byCount = new Map();
    sqliteClaims.set(sqlite, byCount);
  }
  let statements = byCount.get(providerCount);
  if (!statements) {
    statements = {
      claim: sqlite.prepare(sqliteClaimSql(providerCount)),
      candidate: sqlite.prepare(candidateSql(providerCount)),
    };
    byCount.set(providerCount, statements);
  }
  return statements;
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

/**
 * The id of the task just claimed for `owner`, or undefined when none is runnable. A claim that
 * finds nothing takes no write lock: the worker claims on every wake-up (each task a POST
 * enqueues wakes it), mostly for providers with nothing queued, and each claim inside BEGIN
 * IMMEDIATE made the POSTs' task INSERTs wait for the lock (bench/RESULTS.md, perf-post). A task
 * queued after the read is found by the wake-up its enqueue sends.
 */
export function sqliteClaim(opts: SqliteClaimArgs): number | undefined {
  const sqlite = getSqlite();
  if (opts.providers.length === 0) return undefined;
  const named = (providers: string[]) => {
    const params: Record<string, unknown> = {
      owner: opts.owner,
      leaseUntil: opts.leaseUntil,
      now: opts.now,
    };
    providers.forEach((p, i) => {
      params[`p${i}`] = p;
    });
    return params;
  };
  const { candidate } = claimStatements(opts.providers.length);
  const { owner: _o, leaseUntil: _l, ...readParams } = named(opts.providers);
  if (candidate.get(readParams) === undefined) return undefined;
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
      const claimed = claimStatements(providers.length).claim.get(named(providers)) as
        | { id: number }
        | undefined;
      return claimed?.id;
    })
    .immediate();
}
