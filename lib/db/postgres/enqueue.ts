// A new task and its pg-boss delivery in one statement (POST generate's write on PostgreSQL).
// Two statements used to mean two commits, each waiting for its WAL flush (and the task INSERT's
// while holding the user's task_counts row: striped since migration 0010). One statement is one
// round trip and one flush, and the task row never exists without its delivery (nor the other way
// round): the statement is its own transaction.
import { Placeholder, type SQL, sql } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import { getDb, getPool } from "../client";
import { type NewTask, type Task, tasks } from "../schema";
import { boundTaskValues, taskInsertPlaceholders } from "../tasks";
import { taskFromJson } from "./queue";

interface Statement {
  text: string;
  /** the task INSERT's placeholders in parameter order; the queue name is the last parameter */
  names: string[];
}

/** per pg-boss schema (one in the app; the text depends on nothing else) */
const statements = new Map<string, Statement>();

/**
 * The task INSERT of lib/db/tasks.ts (same placeholders, same defaults) with a job row for
 * pg-boss's queue `$n` as a data-modifying CTE. The job row is the one pg-boss 10's `insert`
 * writes for `{ name, data: { taskId }, singletonKey: taskId, startAfter }` with this engine's
 * configuration (no defaults of its own): the queue's settings, else pg-boss's (plans.js
 * insertJobs), `ON CONFLICT DO NOTHING` for its singleton indexes. No queue row (not created
 * yet): no job, and the sweeper delivers the task as it does any task that lost its delivery.
 */
function build(db: Awaited<ReturnType<typeof getDb>>, bossSchema: string): Statement {
  const insert = db.insert(tasks).values(taskInsertPlaceholders()).returning().toSQL();
  const names = insert.params.map((p) => {
    if (!(p instanceof Placeholder))
      throw new Error("task INSERT: a parameter is not a placeholder");
    return p.name as string;
  });
  const queue = `$${names.length + 1}`;
  const job = new PgDialect().sqlToQuery(
    jobInsert(bossSchema, sql.raw("task"), sql.raw(queue)),
  ).sql;
  return {
    names,
    text: `WITH task AS (${insert.sql}), job AS (${job} RETURNING 1)
      SELECT to_jsonb(task) AS task, (SELECT count(*) FROM job)::int AS delivered FROM task`,
  };
}

/**
 * The INSERT of pg-boss job rows for the tasks of relation `from` (columns id and run_after):
 * the rows pg-boss 10's `insert` writes for `{ name, data: { taskId }, singletonKey: taskId,
 * startAfter }` with this engine's configuration (no defaults of its own): the queue's settings,
 * else pg-boss's (plans.js insertJobs), `ON CONFLICT DO NOTHING` for its singleton indexes. A
 * task whose queue (`queue`, an SQL expression over `task`) has no row gets no job.
 */
function jobInsert(bossSchema: string, from: SQL, queue: SQL): SQL {
  const boss = sql.identifier(bossSchema);
  return sql`INSERT INTO ${boss}.job (id, name, data, priority,
      start_after, singleton_key, singleton_on, dead_letter, expire_in, keep_until, retry_limit,
      retry_delay, retry_backoff, policy)
    SELECT gen_random_uuid(), q.name, jsonb_build_object('taskId', task.id), 0,
      j.start_after, task.id::text, NULL, q.dead_letter,
      coalesce(q.expire_seconds * interval '1s', interval '15 minutes'),
      j.start_after + CAST(coalesce((q.retention_minutes * 60)::text, '14 days') AS interval),
      coalesce(q.retry_limit, 2),
      CASE WHEN coalesce(q.retry_backoff, false) THEN greatest(q.retry_delay, 1)
        ELSE coalesce(q.retry_delay, 0) END,
      coalesce(q.retry_backoff, false),
      q.policy
    FROM ${from} task
    CROSS JOIN LATERAL (SELECT greatest(now(), task.run_after) AS start_after) j
    JOIN ${boss}.queue q ON q.name = ${queue}
    ON CONFLICT DO NOTHING`;
}

/**
 * The deliveries of tasks already written in the caller's transaction (a batch's frames, a
 * re-rolled frame), as one statement of that transaction: the tasks and their jobs commit
 * together, with one WAL flush, where a second commit for the jobs used to follow. Each task goes
 * to queue `queuePrefix` + its provider. The ids of the tasks that got a job.
 */
export function deliverTasks(bossSchema: string, queuePrefix: string, ids: number[]): SQL {
  const job = jobInsert(
    bossSchema,
    // one array parameter (drizzle would spread a JS array into a list of parameters)
    sql`(SELECT id, run_after, provider FROM tasks WHERE id = ANY(${`{${ids.map((id) => Math.trunc(id)).join(",")}}`}::int[]))`,
    sql`${queuePrefix} || task.provider`,
  );
  return sql`${job} RETURNING (data->>'taskId')::int AS task_id`;
}

/**
 * Inserts the task and its delivery in pg-boss queue `queue` (of schema `bossSchema`), as one
 * statement and one commit. `delivered` is false when the queue does not exist or pg-boss's
 * singleton indexes refused the job. Undefined for values the prepared INSERT cannot carry (an
 * explicit id, SQL expressions): the caller inserts and delivers those the long way.
 */
export async function insertTaskWithDelivery(
  values: NewTask,
  bossSchema: string,
  queue: string,
): Promise<{ task: Task; delivered: boolean } | undefined> {
  const bound = boundTaskValues(values);
  if (!bound) return undefined;
  const db = await getDb();
  let statement = statements.get(bossSchema);
  if (!statement) {
    statement = build(db, bossSchema);
    statements.set(bossSchema, statement);
  }
  const { rows } = await (await getPool()).query<{
    task: Record<string, unknown>;
    delivered: number;
  }>({
    // a named statement: parsed and planned once per connection
    name: `enqueue_task_${bossSchema}`,
    text: statement.text,
    values: [...statement.names.map((name) => bound[name]), queue],
  });
  const row = rows[0]!;
  return { task: taskFromJson(row.task), delivered: row.delivered > 0 };
}
