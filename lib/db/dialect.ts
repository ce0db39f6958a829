// The SQL that differs between SQLite and PostgreSQL, in one place. Query modules call these
// helpers instead of writing dialect-specific fragments themselves.
import type { Statement } from "better-sqlite3";
import { type SQL, sql } from "drizzle-orm";
import { type Db, getDb, getSqlite } from "./client";
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
// Lease claim of the table queue: the oldest runnable task of the given providers (pending and
// due, or processing with an expired lease) moves to processing under a new lease, atomically.

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

// The worker claims on every tick: one prepared statement per connection and provider count.
const sqliteClaims = new WeakMap<object, Map<number, Statement>>();

function sqliteClaim(opts: ClaimArgs): number | undefined {
  const sqlite = getSqlite();
  let byCount = sqliteClaims.get(sqlite);
  if (!byCount) {
    byCount = new Map();
    sqliteClaims.set(sqlite, byCount);
  }
  let statement = byCount.get(opts.providers.length);
  if (!statement) {
    statement = sqlite.prepare(sqliteClaimSql(opts.providers.length));
    byCount.set(opts.providers.length, statement);
  }
  const params: Record<string, unknown> = {
    owner: opts.owner,
    leaseUntil: opts.leaseUntil,
    now: opts.now,
  };
  opts.providers.forEach((p, i) => {
    params[`p${i}`] = p;
  });
  // BEGIN IMMEDIATE: the claim's read and write must not be split by another writer.
  const claimed = sqlite
    .transaction(() => statement.get(params) as { id: number } | undefined)
    .immediate();
  return claimed?.id;
}

interface ClaimArgs {
  owner: string;
  providers: string[];
  leaseUntil: number;
  now: number;
}

/** The id of the task just claimed for `owner`, or undefined when none is runnable. */
export async function claimTaskId(opts: ClaimArgs): Promise<number | undefined> {
  if (DIALECT === "sqlite") return sqliteClaim(opts);
  // SKIP LOCKED: concurrent claimers each take a different row instead of queueing on one.
  const now = new Date(opts.now);
  const result = await (await getDb()).execute<{ id: number }>(sql`
    UPDATE tasks
       SET status = 'processing',
           lease_owner = ${opts.owner},
           lease_expires_at = ${new Date(opts.leaseUntil)},
           attempts = attempts + 1,
           started_at = coalesce(started_at, ${now}),
           updated_at = ${now}
     WHERE id = (
       SELECT id FROM tasks
        WHERE provider IN (${sql.join(
          opts.providers.map((p) => sql`${p}`),
          sql`, `,
        )})
          AND ((status = 'pending' AND run_after <= ${now})
            OR (status = 'processing' AND lease_expires_at < ${now}))
        ORDER BY run_after, id
        LIMIT 1
        FOR UPDATE SKIP LOCKED)
    RETURNING id`);
  return result.rows[0]?.id;
}
