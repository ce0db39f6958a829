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

/**
 * What a statement answers per task: the whole row (`task`), or its id alone (`id`: POST generate
 * answers nothing else, and reading the row back cost mapping it and parsing its params again).
 */
type Answer = "task" | "id";

/** per pg-boss schema and answer (one schema in the app; the text depends on nothing else) */
const statements = new Map<string, Statement>();

/** The task INSERT's RETURNING for an answer: what the job rows and the answer read. */
function taskInsert(db: Awaited<ReturnType<typeof getDb>>, rows: NewTask[], answer: Answer) {
  const insert = db.insert(tasks).values(rows);
  return (
    answer === "task"
      ? insert.returning()
      : insert.returning({ id: tasks.id, runAfter: tasks.runAfter, provider: tasks.provider })
  ).toSQL();
}

/** The answer's column of the final SELECT, named `task` either way. */
const answerColumn = (answer: Answer) =>
  answer === "task" ? "to_jsonb(task) AS task" : "task.id AS task";

/**
 * The task INSERT of lib/db/tasks.ts (same placeholders, same defaults) with a job row for
 * pg-boss's queue `$n` as a data-modifying CTE. The job row is the one pg-boss 10's `insert`
 * writes for `{ name, data: { taskId }, singletonKey: taskId, startAfter }` with this engine's
 * configuration (no defaults of its own): the queue's settings, else pg-boss's (plans.js
 * insertJobs), `ON CONFLICT DO NOTHING` for its singleton indexes. No queue row (not created
 * yet): no job, and the sweeper delivers the task as it does any task that lost its delivery.
 */
function build(
  db: Awaited<ReturnType<typeof getDb>>,
  bossSchema: string,
  answer: Answer,
): Statement {
  const insert = taskInsert(db, [taskInsertPlaceholders()], answer);
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
      SELECT ${answerColumn(answer)}, (SELECT count(*) FROM job)::int AS delivered FROM task`,
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
  const made = await insertWithDelivery(values, bossSchema, queue, "task");
  return made && { task: made.task as Task, delivered: made.delivered };
}

async function insertWithDelivery(
  values: NewTask,
  bossSchema: string,
  queue: string,
  answer: Answer,
): Promise<Made | undefined> {
  const bound = boundTaskValues(values);
  if (!bound) return undefined;
  const db = await getDb();
  const key = `${bossSchema}\u0000${answer}`;
  let statement = statements.get(key);
  if (!statement) {
    statement = build(db, bossSchema, answer);
    statements.set(key, statement);
  }
  const { rows } = await (await getPool()).query<{ task: unknown; delivered: number }>({
    // a named statement: parsed and planned once per connection
    name: answer === "task" ? `enqueue_task_${bossSchema}` : `enqueue_task_id_${bossSchema}`,
    text: statement.text,
    values: [...statement.names.map((name) => bound[name]), queue],
  });
  const row = rows[0]!;
  return { task: answerOf(row.task, answer), delivered: row.delivered > 0 };
}

/** A task's answer (its row or its id, as asked) and whether its job was written. */
interface Made {
  task: Task | number;
  delivered: boolean;
}

/** The answer column's value: the row (to_jsonb) mapped to a Task, or the id. */
function answerOf(value: unknown, answer: Answer): Task | number {
  return answer === "task" ? taskFromJson(value as Record<string, unknown>) : (value as number);
}

/** At most this many POSTs share one statement (and one commit). */
const GROUP_MAX = 32;

interface GroupStatement {
  text: string;
  /** per parameter: the row and the task column it carries */
  slots: { row: number; key: string }[];
}

/** per pg-boss schema, queue prefix, answer and row count */
const groupStatements = new Map<string, GroupStatement>();

/**
 * `rows` tasks and their deliveries in one statement: the multi-row form of build(), each task to
 * queue `queuePrefix` + its provider (as deliverTasks). Rows come back in id order, which is the
 * order of the VALUES list (the ids are drawn from the sequence row by row).
 */
function buildGroup(
  db: Awaited<ReturnType<typeof getDb>>,
  bossSchema: string,
  queuePrefix: string,
  rows: number,
  answer: Answer,
): GroupStatement {
  const insert = taskInsert(
    db,
    Array.from({ length: rows }, (_, i) => taskInsertPlaceholders(i)),
    answer,
  );
  const slots = insert.params.map((p) => {
    if (!(p instanceof Placeholder))
      throw new Error("task INSERT: a parameter is not a placeholder");
    const [key, row] = (p.name as string).split("#");
    return { key: key!, row: Number(row) };
  });
  const job = new PgDialect().sqlToQuery(
    jobInsert(
      bossSchema,
      sql.raw("task"),
      sql.raw(`'${queuePrefix.replace(/'/g, "''")}' || task.provider`),
    ),
  ).sql;
  return {
    slots,
    text: `WITH task AS (${insert.sql}), job AS (${job} RETURNING (data->>'taskId')::int AS task_id)
      SELECT ${answerColumn(answer)}, task.id IN (SELECT task_id FROM job) AS delivered
      FROM task ORDER BY task.id`,
  };
}

interface Waiting {
  bound: Record<string, unknown>;
  values: NewTask;
  queue: string;
  resolve(made: Made | undefined): void;
  reject(error: unknown): void;
}

const waiting = new Map<string, Waiting[]>();

/**
 * insertTaskWithDelivery for POST generate under load: the tasks this process enqueues in one
 * turn of the event loop (up to 32) share one statement, so one round trip and one commit. With
 * 32 clients posting, the round trips were what a POST cost the web process most: the socket
 * write of each query alone was ~45 % of its CPU (bench/post-cpu.ts, perf-post). Each caller
 * resolves after the commit with its own row; when the group's statement fails, every task runs
 * again alone (insertTaskWithDelivery), so an error reaches its own caller only. `queue` is the
 * task's queue, queuePrefix + its provider, already created (its row is read by the statement).
 */
export function insertTaskWithDeliveryGrouped(
  values: NewTask,
  bossSchema: string,
  queuePrefix: string,
  queue: string,
): Promise<{ task: Task; delivered: boolean } | undefined> {
  return grouped(values, bossSchema, queuePrefix, queue, "task") as Promise<
    { task: Task; delivered: boolean } | undefined
  >;
}

/**
 * insertTaskWithDeliveryGrouped answering the new task's id, not its row (POST generate). Such
 * tasks share statements with each other, not with those answered by their row.
 */
export function insertTaskIdWithDeliveryGrouped(
  values: NewTask,
  bossSchema: string,
  queuePrefix: string,
  queue: string,
): Promise<{ id: number; delivered: boolean } | undefined> {
  return grouped(values, bossSchema, queuePrefix, queue, "id").then(
    (made) => made && { id: made.task as number, delivered: made.delivered },
  );
}

function grouped(
  values: NewTask,
  bossSchema: string,
  queuePrefix: string,
  queue: string,
  answer: Answer,
): Promise<Made | undefined> {
  const bound = boundTaskValues(values);
  if (!bound) return Promise.resolve(undefined);
  const groupKey = `${bossSchema}\u0000${queuePrefix}\u0000${answer}`;
  return new Promise((resolve, reject) => {
    let list = waiting.get(groupKey);
    if (!list) {
      list = [];
      waiting.set(groupKey, list);
    }
    list.push({ bound, values, queue, resolve, reject });
    if (list.length === 1)
      setImmediate(() => flushGroup(groupKey, bossSchema, queuePrefix, answer));
  });
}

async function flushGroup(
  groupKey: string,
  bossSchema: string,
  queuePrefix: string,
  answer: Answer,
) {
  const list = waiting.get(groupKey) ?? [];
  const group = list.splice(0, GROUP_MAX);
  if (list.length > 0) setImmediate(() => flushGroup(groupKey, bossSchema, queuePrefix, answer));
  if (group.length === 0) return;
  if (group.length > 1) {
    try {
      const db = await getDb();
      const name = `enqueue_tasks_${answer === "task" ? "" : "id_"}${bossSchema}_${group.length}`;
      let statement = groupStatements.get(`${groupKey}\u0000${group.length}`);
      if (!statement) {
        statement = buildGroup(db, bossSchema, queuePrefix, group.length, answer);
        groupStatements.set(`${groupKey}\u0000${group.length}`, statement);
      }
      const { rows } = await (await getPool()).query<{ task: unknown; delivered: boolean }>({
        // named: parsed and planned once per connection and group size
        name,
        text: statement.text,
        values: statement.slots.map((s) => group[s.row]!.bound[s.key]),
      });
      if (rows.length !== group.length) throw new Error("grouped enqueue: a row is missing");
      for (const [i, w] of group.entries())
        w.resolve({ task: answerOf(rows[i]!.task, answer), delivered: rows[i]!.delivered });
      return;
    } catch (error) {
      // The server refused the statement (an SQLSTATE, not a lost connection): nothing of it was
      // written, and each task runs again on its own below, where its error reaches its caller.
      // Otherwise whether it committed is unknown, and running the tasks again could store them
      // twice: every caller gets the error, as a single INSERT's caller would.
      const code = (error as { code?: unknown }).code;
      if (typeof code !== "string" || !/^[0-9A-Z]{5}$/.test(code) || code.startsWith("08")) {
        for (const w of group) w.reject(error);
        return;
      }
    }
  }
  for (const w of group) {
    insertWithDelivery(w.values, bossSchema, w.queue, answer).then(w.resolve, w.reject);
  }
}
