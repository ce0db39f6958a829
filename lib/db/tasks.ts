import type { Statement } from "better-sqlite3";
import {
  and,
  type Column,
  count,
  desc,
  eq,
  getTableColumns,
  inArray,
  is,
  lt,
  SQL,
  sql,
} from "drizzle-orm";
import { type Db, getDb, getSqlite, sqliteGroupedWrite, writeTransaction } from "./client";
import { preparedQuery } from "./prepared";
import {
  type Asset,
  assets,
  type Batch,
  batches,
  DIALECT,
  type NewTask,
  type Task,
  type TaskStatus,
  taskChanges,
  taskCounts,
  tasks,
} from "./schema";

// Every column but the id, which the database assigns.
const insertColumns = (Object.entries(getTableColumns(tasks)) as [string, Column][]).filter(
  ([key]) => key !== "id",
);

/**
 * The task INSERT as one prepared statement (a CPU profile of POST generate had drizzle building
 * and better-sqlite3 compiling this INSERT on every request, ≈ 15 % of the busy CPU). Every column
 * has a placeholder, filled with the value, else its default: a JS default here, an SQL default
 * (the current time) by coalesce in the statement, so the database's own clock still sets it.
 */
export function taskInsertPlaceholders(row?: number): NewTask {
  return Object.fromEntries(
    insertColumns.map(([key, column]) => {
      // row n of a multi-row INSERT names its placeholders `key#n`
      const name = row === undefined ? key : `${key}#${row}`;
      return [
        key,
        // a bare placeholder inside sql``: the value arrives already in the driver's form
        // (toDriver), so nulls pass through untouched
        is(column.default, SQL)
          ? sql`coalesce(${sql.placeholder(name)}, ${column.default})`
          : sql`${sql.placeholder(name)}`,
      ];
    }),
  ) as unknown as NewTask;
}

const insertTaskStatement = preparedQuery<Task[], Record<string, unknown>>((db) =>
  db.insert(tasks).values(taskInsertPlaceholders()).returning().prepare("insert_task"),
);

// The same INSERT for a caller that needs only the new row's id: the whole row read back was
// mapped column by column and its params' JSON parsed again, for an answer that is one number.
const insertTaskIdStatement = preparedQuery<{ id: number }[], Record<string, unknown>>((db) =>
  db
    .insert(tasks)
    .values(taskInsertPlaceholders())
    .returning({ id: tasks.id })
    .prepare("insert_task_id"),
);

function toDriver(column: Column, value: unknown): unknown {
  if (value === undefined) {
    if (column.defaultFn) value = column.defaultFn();
    else if (column.default !== undefined && !is(column.default, SQL)) value = column.default;
    else return null;
  }
  if (value === null || is(value, SQL)) return value;
  return column.mapToDriverValue(value);
}

/**
 * The values of the prepared task INSERT (taskInsertPlaceholders), each in the driver's form with
 * its default filled in; undefined when the row needs the builder (an explicit id, or an SQL
 * expression as a value, which a placeholder cannot carry).
 */
export function boundTaskValues(values: NewTask): Record<string, unknown> | undefined {
  const given = values as Record<string, unknown>;
  if (given.id !== undefined) return undefined;
  for (const key in given) {
    const v = given[key];
    if (typeof v === "object" && v !== null && is(v, SQL)) return undefined;
  }
  const bound: Record<string, unknown> = {};
  for (const [key, column] of insertColumns) bound[key] = toDriver(column, given[key]);
  return bound;
}

export async function insertTask(values: NewTask): Promise<Task> {
  const bound = boundTaskValues(values);
  if (!bound) {
    const [row] = await (await getDb()).insert(tasks).values(values).returning();
    return row;
  }
  if (DIALECT === "sqlite") return insertTaskGrouped({ bound, idOnly: false }) as Promise<Task>;
  const [row] = await insertTaskStatement(bound);
  return row;
}

/**
 * insertTask for a caller that needs only the new task's id (POST generate answers nothing
 * else): the same row, not read back.
 */
export function insertTaskReturningId(values: NewTask): Promise<number> {
  const bound = boundTaskValues(values);
  if (!bound) return insertTask(values).then((task) => task.id);
  if (DIALECT === "sqlite") return insertTaskGrouped({ bound, idOnly: true }) as Promise<number>;
  return insertTaskIdStatement(bound).then(([row]) => row!.id);
}

/**
 * POST generate's one write on SQLite, committed together with the other task INSERTs of the same
 * turn of the event loop (sqliteGroupedWrite): a commit costs ≈ 4× the INSERT itself. Never waits
 * for the worker thread's lock inside SQLite (sqliteWriteYielding). better-sqlite3's prepared
 * query runs in all(); execute() would run it later, when awaited.
 */
const insertTaskGrouped = sqliteGroupedWrite(async () => {
  const db = await getDb();
  const whole = insertTaskStatement.on(db) as unknown as {
    all(values: Record<string, unknown>): Task[];
  };
  const idOnly = insertTaskIdStatement.on(db) as unknown as {
    all(values: Record<string, unknown>): { id: number }[];
  };
  // both kinds share a group's commit: the task, or its id alone (insertTaskReturningId)
  return (w: { bound: Record<string, unknown>; idOnly: boolean }): Task | number =>
    w.idOnly ? idOnly.all(w.bound)[0]!.id : whole.all(w.bound)[0]!;
});

/** Creates a batch and its tasks atomically (a batch is never visible half-created). */
export async function insertBatchWithTasks(
  batch: typeof batches.$inferInsert,
  makeTasks: (batchId: number) => NewTask[],
): Promise<{ batch: Batch; tasks: Task[] }> {
  return writeTransaction((tx) => insertBatchWithTasksIn(tx, batch, makeTasks));
}

/** insertBatchWithTasks as a part of a caller's writeTransaction body (`yield*` it). */
export function* insertBatchWithTasksIn(
  tx: Db,
  batch: typeof batches.$inferInsert,
  makeTasks: (batchId: number) => NewTask[],
): Generator<PromiseLike<unknown>, { batch: Batch; tasks: Task[] }, unknown> {
  const [b] = (yield tx.insert(batches).values(batch).returning()) as Batch[];
  const values = makeTasks(b.id);
  const rows = values.length ? ((yield tx.insert(tasks).values(values).returning()) as Task[]) : [];
  return { batch: b, tasks: rows.sort((x, y) => x.id - y.id) };
}

// the worker reads every task it claims (SQLite) and checks deleted ones: a prepared read
const taskById = preparedQuery<Task[], { id: number }>((db) =>
  db
    .select()
    .from(tasks)
    .where(eq(tasks.id, sql.placeholder("id")))
    .limit(1)
    .prepare("task_by_id"),
);

export async function getTaskById(id: number): Promise<Task | undefined> {
  const [row] = await taskById({ id });
  return row;
}

const taskForUser = preparedQuery<Task[], { id: number; userId: number }>((db) =>
  db
    .select()
    .from(tasks)
    .where(and(eq(tasks.id, sql.placeholder("id")), eq(tasks.userId, sql.placeholder("userId"))))
    .limit(1)
    .prepare("task_for_user"),
);

export async function getTaskForUser(id: number, userId: number): Promise<Task | undefined> {
  const [row] = await taskForUser({ id, userId });
  return row;
}

// The task and its files are kept while their rows are unchanged (a task polled until done is
// read again and again): the same frozen objects, so what is derived from them can be kept too.
const taskWithFilesForUser = preparedQuery<
  { task: Task; file: Asset | null }[],
  { id: number; userId: number }
>(
  (db) =>
    db
      .select({ task: tasks, file: assets })
      .from(tasks)
      .leftJoin(assets, eq(assets.taskId, tasks.id))
      .where(and(eq(tasks.id, sql.placeholder("id")), eq(tasks.userId, sql.placeholder("userId"))))
      .orderBy(assets.kind, assets.position)
      .prepare("task_with_files_for_user"),
  { reuse: ["task", "file"] },
);

/**
 * A task of this user and its stored files (as assetsOfTask orders them), in one query. The
 * objects are shared and frozen while their rows are unchanged: do not change them.
 */
export async function getTaskWithFilesForUser(
  id: number,
  userId: number,
): Promise<{ task: Task; files: Asset[] } | undefined> {
  const rows = await taskWithFilesForUser({ id, userId });
  if (rows.length === 0) return undefined;
  return { task: rows[0]!.task, files: rows.flatMap((r) => (r.file ? [r.file] : [])) };
}

export interface TaskFilter {
  userId: number;
  status?: TaskStatus;
  /** Matches a prompt containing q as typed, or (with qWords) … */
  q?: string;
  /** … whose normalized prompt or drawn subject (prompt_norm, subject_words: stemmed, lower
   * case) has a word starting with each of these; CJK words match anywhere, as Chinese has no
   * spaces between words. */
  qWords?: { word: string; cjk: boolean }[];
  type?: Task["type"];
  model?: string;
  mode?: string;
  starred?: boolean;
  batchId?: number;
  /** newest-first cursor: only tasks with id < before */
  before?: number;
  /** One row per batch (its first frame) instead of every frame; single tasks are unaffected. */
  collapseBatches?: boolean;
  /** Leaves out the batches of characters' animations and states (the character's page shows
   * them); a character's facings batch stays, so with collapseBatches a character is one row. */
  collapseCharacters?: boolean;
}

function taskWhere(f: TaskFilter): SQL | undefined {
  const conds: (SQL | undefined)[] = [eq(tasks.userId, f.userId)];
  if (f.status) conds.push(eq(tasks.status, f.status));
  if (f.type) conds.push(eq(tasks.type, f.type));
  if (f.model) conds.push(eq(tasks.model, f.model));
  if (f.mode) conds.push(eq(tasks.mode, f.mode));
  if (f.starred !== undefined) conds.push(eq(tasks.starred, f.starred));
  if (f.batchId !== undefined) conds.push(eq(tasks.batchId, f.batchId));
  if (f.before !== undefined) conds.push(lt(tasks.id, f.before));
  if (f.collapseBatches) {
    // Frames are inserted in index order and a re-roll keeps its row, so the lowest id is the
    // first frame for the batch's whole life. tasks_batch_idx makes the sub-select an index probe.
    conds.push(
      sql`(${tasks.batchId} is null or ${tasks.id} = (select min(f.id) from tasks f where f.batch_id = ${tasks.batchId}))`,
    );
  }
  if (f.collapseCharacters) {
    // Uncorrelated sub-selects (evaluated once per query) over this user's characters only.
    const ownCharacters = sql`(select c.id from characters c where c.user_id = ${f.userId})`;
    conds.push(
      sql`(${tasks.batchId} is null or (${tasks.batchId} not in (select a.batch_id from character_animations a where a.batch_id is not null and a.character_id in ${ownCharacters}) and ${tasks.batchId} not in (select s.facing_batch_id from character_states s where s.facing_batch_id is not null and s.character_id in ${ownCharacters})))`,
    );
  }
  if (f.q) {
    const like = (s: string) => s.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`);
    const substring = sql`lower(${tasks.prompt}) like ${`%${like(f.q)}%`} escape '\\'`;
    // The words match the prompt or the subject the engine drew (subject_words: English and
    // Chinese), so a search in either language finds a sprite prompted in the other.
    const searchable = sql`(${tasks.promptNorm} || ' ' || ${tasks.subjectWords})`;
    const words = (f.qWords ?? []).map(({ word, cjk }) =>
      cjk
        ? sql`${searchable} like ${`%${like(word)}%`} escape '\\'`
        : sql`(' ' || ${searchable}) like ${`% ${like(word)}%`} escape '\\'`,
    );
    conds.push(words.length ? sql`(${substring} or (${and(...words)}))` : substring);
  }
  return and(...conds);
}

// The user's total from task_counts (kept by triggers on tasks), in the page's own statement: one
// round trip for the default list instead of two (on PostgreSQL each is a trip through the pool
// and the driver, the list's main cost after the proxy left the API). A page past the end has no
// row to carry it: listTasks reads the counts alone then.
const userTotal = (withStatus: boolean) =>
  sql<number>`(select coalesce(sum(c.n), 0) from task_counts c where c.user_id = ${sql.placeholder("userId")}${
    withStatus ? sql` and c.status = ${sql.placeholder("status")}` : sql``
  })`.mapWith(Number);

type TaskWithTotal = { task: Task; total: number };

// A page's tasks are kept while their rows are unchanged (lib/db/row-mapper.ts): the list reads
// the same rows on every request, and decoding them again (the params JSON, the dates) was most
// of its mapping; lib/tasks/serialize.ts keeps each kept task's answer text with it.
const pageOfUser = preparedQuery<
  TaskWithTotal[],
  { userId: number; limit: number; offset: number }
>(
  (db) =>
    db
      .select({ task: tasks, total: userTotal(false) })
      .from(tasks)
      .where(eq(tasks.userId, sql.placeholder("userId")))
      .orderBy(desc(tasks.id))
      .limit(sql.placeholder("limit"))
      .offset(sql.placeholder("offset"))
      .prepare("tasks_page_of_user"),
  { reuse: ["task"] },
);

const pageOfUserWithStatus = preparedQuery<
  TaskWithTotal[],
  { userId: number; status: string; limit: number; offset: number }
>(
  (db) =>
    db
      .select({ task: tasks, total: userTotal(true) })
      .from(tasks)
      .where(
        and(
          eq(tasks.userId, sql.placeholder("userId")),
          eq(tasks.status, sql.placeholder("status")),
        ),
      )
      .orderBy(desc(tasks.id))
      .limit(sql.placeholder("limit"))
      .offset(sql.placeholder("offset"))
      .prepare("tasks_page_of_user_with_status"),
  { reuse: ["task"] },
);

const countsOfUser = preparedQuery<{ status: TaskStatus; n: number }[], { userId: number }>((db) =>
  db
    // a user's count of a status is the sum of its stripes (lib/db/postgres/schema.ts)
    .select({ status: taskCounts.status, n: sql<number>`sum(${taskCounts.n})`.mapWith(Number) })
    .from(taskCounts)
    .where(eq(taskCounts.userId, sql.placeholder("userId")))
    .groupBy(taskCounts.status)
    .prepare("task_counts_of_user"),
);

/** The filter is the user's whole list, or one status of it: what task_counts keeps. */
function countedByTriggers(f: TaskFilter): boolean {
  const { userId: _u, status: _s, ...rest } = f;
  return Object.values(rest).every((v) => v === undefined || v === false);
}

/** The default list's rows are shared and frozen while unchanged (pageOfUser): do not change them. */
export async function listTasks(
  f: TaskFilter,
  page: { limit: number; offset: number },
): Promise<{ rows: Task[]; total: number }> {
  if (countedByTriggers(f)) {
    // The default list: a prepared page carrying the maintained count, so neither grows with the
    // user's history.
    const rows = f.status
      ? await pageOfUserWithStatus({ userId: f.userId, status: f.status, ...page })
      : await pageOfUser({ userId: f.userId, ...page });
    if (rows.length > 0) return { rows: rows.map((r) => r.task), total: rows[0]!.total };
    const counts = await countsOfUser({ userId: f.userId });
    const total = counts
      .filter((c) => !f.status || c.status === f.status)
      .reduce((sum, c) => sum + Number(c.n), 0);
    return { rows: [], total };
  }
  const db = await getDb();
  const where = taskWhere(f);
  const [rows, [counted]] = await Promise.all([
    db
      .select()
      .from(tasks)
      .where(where)
      .orderBy(desc(tasks.id))
      .limit(page.limit)
      .offset(page.offset),
    db.select({ n: count() }).from(tasks).where(where),
  ]);
  return { rows, total: counted?.n ?? 0 };
}

// ---------------------------------------------------------------------------------------------
// A user's tasks version: the sum of their task_changes counters (migration 0012), which triggers
// on tasks and assets bump in every writing transaction, whoever writes. An answer made after
// reading version v shows everything committed up to v (or later), so while a later read still
// gives v nothing of the user's tasks or files has changed and the answer still holds
// (lib/tasks/kept-answers.ts). Read first, before what it validates.

// Each database handle's versions get a prefix of their own: a process that opens another
// database (tests, the bench) must not take a version of the new one for the old one's.
const handles = new WeakMap<object, string>();
let handlesOpened = 0;
const handlePrefix = (handle: object) => {
  let prefix = handles.get(handle);
  if (prefix === undefined) {
    prefix = `${handlesOpened++}:`;
    handles.set(handle, prefix);
  }
  return prefix;
};

const changesOfUserSqlite = new WeakMap<object, Statement>();

const changesOfUserPg = preparedQuery<{ n: string }[], { userId: number }>((db) =>
  db
    .select({ n: sql<string>`coalesce(sum(${taskChanges.n}), 0)`.mapWith(String) })
    .from(taskChanges)
    .where(eq(taskChanges.userId, sql.placeholder("userId")))
    .prepare("task_changes_of_user"),
);

/**
 * An opaque version of this user's tasks and their files; undefined: nothing may be kept now
 * (SQLite inside an open transaction of this connection, whose writes may still roll back).
 */
export async function userTasksVersion(userId: number): Promise<string | undefined> {
  if (DIALECT === "sqlite") {
    const sqlite = getSqlite();
    if (sqlite.inTransaction) return undefined;
    let statement = changesOfUserSqlite.get(sqlite);
    if (!statement) {
      statement = sqlite
        .prepare("SELECT coalesce(sum(n), 0) FROM task_changes WHERE user_id = ?")
        .pluck();
      changesOfUserSqlite.set(sqlite, statement);
    }
    return handlePrefix(sqlite) + String(statement.get(userId));
  }
  const db = await getDb();
  const [row] = await changesOfUserPg.on(db).execute({ userId });
  return handlePrefix(db) + (row?.n ?? "0");
}

/** Several of a user's tasks in one query (others' ids are skipped), newest first. */
export async function tasksOfUserByIds(ids: number[], userId: number): Promise<Task[]> {
  if (ids.length === 0) return [];
  return (await getDb())
    .select()
    .from(tasks)
    .where(and(eq(tasks.userId, userId), inArray(tasks.id, ids)))
    .orderBy(desc(tasks.id));
}

/**
 * The user's recent live prompts made with one model, with the settings that change the picture
 * (the duplicate check compares those too).
 */
export async function recentPromptsOfUser(
  userId: number,
  model: string,
  limit = 500,
): Promise<
  {
    id: number;
    prompt: string;
    normalized: string;
    mode: string | null;
    palette: string | null;
    params: Record<string, unknown>;
  }[]
> {
  return (await getDb())
    .select({
      id: tasks.id,
      prompt: tasks.prompt,
      normalized: tasks.promptNorm,
      mode: tasks.mode,
      palette: tasks.palette,
      params: tasks.params,
    })
    .from(tasks)
    .where(
      and(
        eq(tasks.userId, userId),
        eq(tasks.model, model),
        inArray(tasks.status, ["completed", "pending", "processing"]),
      ),
    )
    .orderBy(desc(tasks.id))
    .limit(limit);
}

export async function updateTaskStarred(
  id: number,
  userId: number,
  starred: boolean,
): Promise<Task | undefined> {
  const [row] = await (await getDb())
    .update(tasks)
    .set({ starred, updatedAt: new Date() })
    .where(and(eq(tasks.id, id), eq(tasks.userId, userId)))
    .returning();
  return row;
}

export async function deleteTaskRow(id: number, userId: number): Promise<boolean> {
  const rows = await (await getDb())
    .delete(tasks)
    .where(and(eq(tasks.id, id), eq(tasks.userId, userId)))
    .returning({ id: tasks.id });
  return rows.length > 0;
}

/** Whether any of the user's tasks still names this stored upload (a random, unique key under
 * the user's own folder) in its params. */
export async function uploadInUse(userId: number, key: string): Promise<boolean> {
  const mention = `%${key.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const [row] = await (await getDb())
    .select({ id: tasks.id })
    .from(tasks)
    .where(
      and(eq(tasks.userId, userId), sql`cast(${tasks.params} as text) like ${mention} escape '\\'`),
    )
    .limit(1);
  return row !== undefined;
}

export async function getBatchForUser(id: number, userId: number): Promise<Batch | undefined> {
  const [row] = await (await getDb())
    .select()
    .from(batches)
    .where(and(eq(batches.id, id), eq(batches.userId, userId)))
    .limit(1);
  return row;
}

export async function getBatchById(id: number): Promise<Batch | undefined> {
  const [row] = await (await getDb()).select().from(batches).where(eq(batches.id, id)).limit(1);
  return row;
}

export async function tasksOfBatch(batchId: number): Promise<Task[]> {
  return (await getDb())
    .select()
    .from(tasks)
    .where(eq(tasks.batchId, batchId))
    .orderBy(tasks.batchIndex);
}

export async function listBatches(
  userId: number,
  page: { limit: number; offset: number },
): Promise<{ rows: Batch[]; total: number }> {
  const db = await getDb();
  const [rows, [counted]] = await Promise.all([
    db
      .select()
      .from(batches)
      .where(eq(batches.userId, userId))
      .orderBy(desc(batches.id))
      .limit(page.limit)
      .offset(page.offset),
    db.select({ n: count() }).from(batches).where(eq(batches.userId, userId)),
  ]);
  return { rows, total: counted?.n ?? 0 };
}

export type BatchFrameRow = Pick<
  Task,
  "id" | "batchId" | "batchIndex" | "status" | "type" | "completedAt" | "updatedAt"
>;

/** The frames of several batches at once, in frame order (for batch cards and lists). */
export async function framesOfBatches(batchIds: number[]): Promise<Map<number, BatchFrameRow[]>> {
  const out = new Map<number, BatchFrameRow[]>();
  if (batchIds.length === 0) return out;
  const rows = await (await getDb())
    .select({
      id: tasks.id,
      batchId: tasks.batchId,
      batchIndex: tasks.batchIndex,
      status: tasks.status,
      type: tasks.type,
      completedAt: tasks.completedAt,
      updatedAt: tasks.updatedAt,
    })
    .from(tasks)
    .where(inArray(tasks.batchId, batchIds))
    .orderBy(tasks.batchId, tasks.batchIndex, tasks.id);
  for (const id of batchIds) out.set(id, []);
  for (const r of rows) out.get(r.batchId!)?.push(r);
  return out;
}

/** Status counts of the tasks of several batches at once (for batch lists). */
export async function batchTaskCounts(
  batchIds: number[],
): Promise<Map<number, Record<TaskStatus, number> & { total: number }>> {
  const out = new Map<number, Record<TaskStatus, number> & { total: number }>();
  if (batchIds.length === 0) return out;
  const rows = await (await getDb())
    .select({ batchId: tasks.batchId, status: tasks.status, n: count() })
    .from(tasks)
    .where(inArray(tasks.batchId, batchIds))
    .groupBy(tasks.batchId, tasks.status);
  for (const id of batchIds)
    out.set(id, { pending: 0, processing: 0, completed: 0, failed: 0, total: 0 });
  for (const r of rows) {
    const entry = out.get(r.batchId!)!;
    entry[r.status] += r.n;
    entry.total += r.n;
  }
  return out;
}

export async function deleteBatchRow(id: number, userId: number): Promise<boolean> {
  const rows = await (await getDb())
    .delete(batches)
    .where(and(eq(batches.id, id), eq(batches.userId, userId)))
    .returning({ id: batches.id });
  return rows.length > 0;
}

export async function updateBatch(
  id: number,
  values: Partial<typeof batches.$inferInsert>,
): Promise<void> {
  await (await getDb())
    .update(batches)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(batches.id, id));
}

export async function assetsOfTask(taskId: number): Promise<Asset[]> {
  return (await getDb())
    .select()
    .from(assets)
    .where(eq(assets.taskId, taskId))
    .orderBy(assets.kind, assets.position);
}

export async function assetsOfTasks(taskIds: number[], kind?: Asset["kind"]): Promise<Asset[]> {
  if (taskIds.length === 0) return [];
  const cond = kind
    ? and(inArray(assets.taskId, taskIds), eq(assets.kind, kind))
    : inArray(assets.taskId, taskIds);
  return (await getDb()).select().from(assets).where(cond);
}

export async function findAsset(
  taskId: number,
  kind: Asset["kind"],
  position = 0,
): Promise<Asset | undefined> {
  const [row] = await (await getDb())
    .select()
    .from(assets)
    .where(and(eq(assets.taskId, taskId), eq(assets.kind, kind), eq(assets.position, position)))
    .limit(1);
  return row;
}

export async function insertAssets(rows: (typeof assets.$inferInsert)[]): Promise<void> {
  if (rows.length) await (await getDb()).insert(assets).values(rows);
}
