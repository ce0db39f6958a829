// PostgreSQL-only statements of the pg-boss queue engine (lib/jobs/pg-boss-queue.ts). pg-boss
// keeps the deliveries ("task N may run"); these claim them on the task rows, and find tasks
// whose delivery was lost.
import { and, eq, getTableColumns, isNull, lt, or, type SQL, sql } from "drizzle-orm";
import { getDb } from "../client";
import { type CompletedOutputs, completedRow, heldBy } from "../queue";
import { assets, batches, type Task, tasks } from "../schema";

/** One provider's part of a claim: its pg-boss queue, the free slots asked for, its cap. */
export interface ProviderClaim {
  provider: string;
  /** the pg-boss queue its deliveries wait in */
  queue: string;
  /** slots this worker has free for it */
  free: number;
  /** tasks of it allowed to run at once across every worker */
  cap: number;
}

/**
 * Claims for `owner` up to each provider's free slots of its due tasks, never taking a provider
 * past its cap across every worker, in one statement: the function pixel_claim_due_tasks
 * (drizzle/postgres migration 0007) finds the queues with a delivery due, and per provider takes
 * an advisory lock, counts the running tasks, takes the oldest due deliveries out of pg-boss's
 * job table (SKIP LOCKED) and claims their task rows, ending each delivery it looked at.
 */
export async function claimDueTasks(
  bossSchema: string,
  wanted: ProviderClaim[],
  owner: string,
  leaseMs: number,
): Promise<Task[]> {
  if (wanted.length === 0) return [];
  const db = await getDb();
  // one array parameter each (node-postgres sends a JS array as a PostgreSQL array literal)
  const column = <K extends keyof ProviderClaim>(key: K, type: "text" | "integer") =>
    sql`${sql.param(wanted.map((w) => w[key]))}::${sql.raw(type)}[]`;
  const { rows } = await db.execute<{ task: Record<string, unknown> }>(
    sql`SELECT task FROM pixel_claim_due_tasks(${bossSchema}, ${column("provider", "text")},
      ${column("queue", "text")}, ${column("free", "integer")}, ${column("cap", "integer")},
      ${owner}, ${leaseMs}, ${new Date().toISOString()})`,
  );
  return rows.map((r) => taskFromJson(r.task));
}

/**
 * Completes a task `owner` holds and replaces its files, in one statement (data-modifying CTEs,
 * each part conditional on the row update having found the lease). One statement, not a
 * transaction of five: the status change locks the user's task_counts rows (migration 0002)
 * until COMMIT, and every other claim, insert and completion of that user's tasks, in every
 * worker, waits on them; here they are released when the statement ends, never across a round
 * trip to the worker. False when the lease was lost or the task deleted (nothing is written).
 */
export async function completeHeldTask(
  id: number,
  owner: string,
  values: CompletedOutputs,
): Promise<boolean> {
  const db = await getDb();
  const ifDone = sql`EXISTS (SELECT 1 FROM done)`;
  const done = db
    .update(tasks)
    .set(completedRow(values))
    .where(heldBy(id, owner))
    .returning({ id: tasks.id });
  const parts = [
    sql`done AS ${done}`,
    sql`old_files AS ${db.delete(assets).where(and(eq(assets.taskId, id), ifDone))}`,
  ];
  if (values.files.length) parts.push(sql`new_files AS (${insertFilesIf(values.files, ifDone)})`);
  if (values.lockPalette) {
    // First writer wins: a re-rolled frame 1 must not re-colour frames already locked to it.
    const { batchId, palette } = values.lockPalette;
    const lock = db
      .update(batches)
      .set({ lockedPalette: palette })
      .where(and(eq(batches.id, batchId), isNull(batches.lockedPalette), ifDone));
    parts.push(sql`palette AS ${lock}`);
  }
  const { rows } = await db.execute<{ done: boolean }>(
    sql`WITH ${sql.join(parts, sql`, `)} SELECT ${ifDone} AS done`,
  );
  return rows[0]?.done === true;
}

/** INSERT of asset rows, each column as drizzle would send it, only when `condition` holds. */
function insertFilesIf(files: (typeof assets.$inferInsert)[], condition: SQL) {
  type Key = keyof typeof assets.$inferInsert;
  const given = Object.entries(getTableColumns(assets)).filter(([key]) =>
    files.some((f) => f[key as Key] !== undefined),
  );
  const rows = files.map((f) =>
    Object.fromEntries(
      given.map(([key, column]) => {
        const value = f[key as Key];
        return [column.name, value == null ? null : column.mapToDriverValue(value)];
      }),
    ),
  );
  const names = sql.join(
    given.map(([, column]) => sql.identifier(column.name)),
    sql`, `,
  );
  return sql`INSERT INTO ${assets} (${names}) SELECT ${names}
    FROM jsonb_populate_recordset(NULL::${assets}, ${JSON.stringify(rows)}::jsonb) WHERE ${condition}`;
}

/** A tasks row as to_jsonb gives it (column names, JSON values) in drizzle's shape. */
/** A task row as `to_jsonb` gives it (column names, JSON values) in drizzle's shape. */
export function taskFromJson(json: Record<string, unknown>): Task {
  const out: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(getTableColumns(tasks))) {
    const value = json[column.name];
    out[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
  }
  return out as Task;
}

/**
 * Runnable tasks that may have lost their delivery: leases that expired (a worker died) and
 * pending rows untouched for `quietMs` (the process died between insert and send). Walks the
 * table from `afterId` so a long backlog is covered over successive sweeps.
 */
export async function sweepCandidates(
  afterId: number,
  quietMs: number,
  limit = 200,
): Promise<{ id: number; provider: string; runAfter: Date }[]> {
  const now = new Date();
  return (await getDb())
    .select({ id: tasks.id, provider: tasks.provider, runAfter: tasks.runAfter })
    .from(tasks)
    .where(
      and(
        sql`${tasks.id} > ${afterId}`,
        or(
          and(eq(tasks.status, "processing"), lt(tasks.leaseExpiresAt, now)),
          and(eq(tasks.status, "pending"), lt(tasks.updatedAt, new Date(now.getTime() - quietMs))),
        ),
      ),
    )
    .orderBy(tasks.id)
    .limit(limit);
}

/** Runs `fn` only if no other process is sweeping (a transaction-scoped try-lock). */
export async function whileHoldingSweepLock<T>(fn: () => Promise<T>): Promise<T | undefined> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const { rows } = await tx.execute<{ ok: boolean }>(
      sql`SELECT pg_try_advisory_xact_lock(hashtext('pixel-queue-sweep')) AS ok`,
    );
    return rows[0]?.ok ? fn() : undefined;
  });
}

const list = (values: string[]) =>
  sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );

/** Which of `taskIds` already have a delivery waiting (created or retry) in pg-boss. */
export async function tasksWithQueuedJob(
  bossSchema: string,
  taskIds: number[],
): Promise<Set<number>> {
  if (taskIds.length === 0) return new Set();
  const db = await getDb();
  const { rows } = await db.execute<{ key: string }>(sql`
    SELECT singleton_key AS key FROM ${sql.identifier(bossSchema)}.job
     WHERE state < 'active' AND singleton_key IN (${list(taskIds.map(String))})`);
  return new Set(rows.map((r) => Number(r.key)));
}
