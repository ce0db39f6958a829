// PostgreSQL-only statements of the pg-boss queue engine (lib/jobs/pg-boss-queue.ts). pg-boss
// delivers "task N may run"; these decide, on the task row, whether it actually runs here.
import { and, count, eq, getTableColumns, gte, lt, or, sql } from "drizzle-orm";
import { getDb } from "../client";
import { type Task, tasks } from "../schema";

export type RowClaim =
  | { kind: "claimed"; task: Task }
  /** the provider already runs `cap` tasks across all workers: deliver again shortly */
  | { kind: "full" }
  /** finished, deleted, held by a live lease or not due yet: this delivery is spent */
  | { kind: "stale" };

/**
 * Claims task `id` for `owner` if it is runnable and its provider is below `cap` running tasks
 * across every worker, in one round trip: the function pixel_claim_task (drizzle/postgres
 * migration 0003) takes a transaction-scoped advisory lock per provider, which serialises the
 * count-then-update of concurrent claimers so the cap holds exactly, and the row lock (FOR
 * UPDATE) makes two deliveries of one task claim it at most once.
 */
export async function claimTaskRow(opts: {
  id: number;
  provider: string;
  owner: string;
  leaseMs: number;
  cap: number;
}): Promise<RowClaim> {
  const db = await getDb();
  const { rows } = await db.execute<{ outcome: RowClaim["kind"]; task: Record<string, unknown> }>(
    sql`SELECT outcome, task FROM pixel_claim_task(${opts.id}, ${opts.provider}, ${opts.owner}, ${opts.leaseMs}, ${opts.cap}, ${new Date().toISOString()})`,
  );
  const [row] = rows;
  if (row?.outcome === "claimed") return { kind: "claimed", task: taskFromJson(row.task) };
  return { kind: row?.outcome === "full" ? "full" : "stale" };
}

/** A tasks row as to_jsonb gives it (column names, JSON values) in drizzle's shape. */
function taskFromJson(json: Record<string, unknown>): Task {
  const out: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(getTableColumns(tasks))) {
    const value = json[column.name];
    out[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
  }
  return out as Task;
}

/** Tasks running now (live lease) per provider, across all workers. */
export async function runningPerProvider(): Promise<Map<string, number>> {
  const rows = await (await getDb())
    .select({ provider: tasks.provider, n: count() })
    .from(tasks)
    .where(and(eq(tasks.status, "processing"), gte(tasks.leaseExpiresAt, new Date())))
    .groupBy(tasks.provider);
  return new Map(rows.map((r) => [r.provider, r.n]));
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

/** Providers among `queues` with a delivery due now. */
export async function queuesWithDueJobs(
  bossSchema: string,
  queues: string[],
): Promise<Set<string>> {
  if (queues.length === 0) return new Set();
  const db = await getDb();
  const { rows } = await db.execute<{ name: string }>(sql`
    SELECT DISTINCT name FROM ${sql.identifier(bossSchema)}.job
     WHERE name IN (${list(queues)}) AND state < 'active' AND start_after < now()`);
  return new Set(rows.map((r) => r.name));
}
