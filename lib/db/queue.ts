// The durable task queue lives in the tasks table itself. A task is claimed with one
// UPDATE … RETURNING inside BEGIN IMMEDIATE and held by a lease that the worker's heartbeat
// renews; a lease that expires (the worker died) makes the task claimable again.
import type { Statement } from "better-sqlite3";
import { and, eq, isNull, sql } from "drizzle-orm";
import { getDb, getSqlite, prepared, writeTransaction } from "./client";
import { assets, batches, type Task, tasks } from "./schema";
import { getTaskById } from "./tasks";

const claimSql = (providerCount: number) => `
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

// The worker claims on every tick: keep one prepared statement per number of providers asked for.
const claimStatements = new Map<number, () => Statement>();
function claimStatement(providerCount: number) {
  let get = claimStatements.get(providerCount);
  if (!get) {
    get = prepared(() => getSqlite().prepare(claimSql(providerCount)));
    claimStatements.set(providerCount, get);
  }
  return get();
}

/** Claims the oldest runnable task of one of `providers`, or undefined when there is none. */
export async function claimNextTask(opts: {
  owner: string;
  providers: string[];
  leaseMs: number;
  now?: number;
}): Promise<Task | undefined> {
  if (opts.providers.length === 0) return undefined;
  const now = opts.now ?? Date.now();
  const params: Record<string, unknown> = {
    owner: opts.owner,
    leaseUntil: now + opts.leaseMs,
    now,
  };
  opts.providers.forEach((p, i) => {
    params[`p${i}`] = p;
  });
  const statement = claimStatement(opts.providers.length);
  const claimed = writeTransaction(() => statement.get(params) as { id: number } | undefined);
  if (!claimed) return undefined;
  return await getTaskById(claimed.id);
}

/** Extends the lease; false means the task is gone (deleted) or was taken over. */
export async function renewLease(
  id: number,
  owner: string,
  leaseMs: number,
  progress?: number,
): Promise<boolean> {
  const set: Partial<typeof tasks.$inferInsert> = {
    leaseExpiresAt: new Date(Date.now() + leaseMs),
  };
  if (progress !== undefined) set.progress = progress;
  const res = getDb()
    .update(tasks)
    .set(set)
    .where(and(eq(tasks.id, id), eq(tasks.leaseOwner, owner), eq(tasks.status, "processing")))
    .run();
  return res.changes > 0;
}

export async function recordUpstreamId(
  id: number,
  owner: string,
  upstreamId: string,
): Promise<boolean> {
  return (
    getDb()
      .update(tasks)
      .set({ upstreamId, updatedAt: new Date() })
      .where(and(eq(tasks.id, id), eq(tasks.leaseOwner, owner)))
      .run().changes > 0
  );
}

/** Frame 1's palette, which the later frames of its batch are quantized to. */
export interface PaletteLock {
  batchId: number;
  palette: string[];
}

export async function completeTaskRow(
  id: number,
  owner: string,
  values: {
    width?: number;
    height?: number;
    files: (typeof assets.$inferInsert)[];
    lockPalette?: PaletteLock;
  },
): Promise<boolean> {
  return writeTransaction((tx) => {
    const res = tx
      .update(tasks)
      .set({
        status: "completed",
        errorMsg: "",
        width: values.width ?? null,
        height: values.height ?? null,
        progress: 100,
        leaseOwner: null,
        leaseExpiresAt: null,
        completedAt: new Date(),
        updatedAt: new Date(),
      })
      .where(and(eq(tasks.id, id), eq(tasks.leaseOwner, owner)))
      .run();
    if (res.changes === 0) return false;
    tx.delete(assets).where(eq(assets.taskId, id)).run();
    if (values.files.length) tx.insert(assets).values(values.files).run();
    if (values.lockPalette) {
      // First writer wins: a re-rolled frame 1 must not re-colour frames already locked to it.
      tx.update(batches)
        .set({ lockedPalette: values.lockPalette.palette })
        .where(and(eq(batches.id, values.lockPalette.batchId), isNull(batches.lockedPalette)))
        .run();
    }
    return true;
  });
}

export async function failTaskRow(
  id: number,
  owner: string | null,
  errorMsg: string,
): Promise<boolean> {
  const where = owner ? and(eq(tasks.id, id), eq(tasks.leaseOwner, owner)) : eq(tasks.id, id);
  return (
    getDb()
      .update(tasks)
      .set({
        status: "failed",
        errorMsg,
        leaseOwner: null,
        leaseExpiresAt: null,
        completedAt: new Date(),
        updatedAt: new Date(),
      })
      .where(where)
      .run().changes > 0
  );
}

/** Puts a task back in the queue to run again no earlier than `runAfter`. */
export async function requeueTask(
  id: number,
  owner: string,
  runAfter: Date,
  note: string,
): Promise<boolean> {
  return (
    getDb()
      .update(tasks)
      .set({
        status: "pending",
        runAfter,
        errorMsg: note,
        leaseOwner: null,
        leaseExpiresAt: null,
        updatedAt: new Date(),
      })
      .where(and(eq(tasks.id, id), eq(tasks.leaseOwner, owner)))
      .run().changes > 0
  );
}

/** Back to the queue without counting an attempt (waiting for frame 1 of a batch, shutdown). */
export async function releaseTask(id: number, owner: string, runAfter: Date): Promise<boolean> {
  return (
    getDb()
      .update(tasks)
      .set({
        status: "pending",
        runAfter,
        attempts: sql`max(${tasks.attempts} - 1, 0)`,
        leaseOwner: null,
        leaseExpiresAt: null,
        updatedAt: new Date(),
      })
      .where(and(eq(tasks.id, id), eq(tasks.leaseOwner, owner)))
      .run().changes > 0
  );
}

export async function setEmailStatus(id: number, emailStatus: string): Promise<void> {
  getDb().update(tasks).set({ emailStatus }).where(eq(tasks.id, id)).run();
}

/** Resets a finished task so the queue runs it again (re-rolling one frame of a batch). */
export async function resetTaskForRerun(
  id: number,
  values: { seed: number; params: Record<string, unknown> },
): Promise<Task> {
  return getDb()
    .update(tasks)
    .set({
      status: "pending",
      seed: values.seed,
      params: values.params,
      errorMsg: "",
      attempts: 0,
      upstreamId: null,
      progress: null,
      runAfter: new Date(),
      startedAt: null,
      completedAt: null,
      leaseOwner: null,
      leaseExpiresAt: null,
      updatedAt: new Date(),
    })
    .where(eq(tasks.id, id))
    .returning()
    .get();
}

/** Claims the right to send a batch's e-mail; true for exactly one caller, once every frame is done. */
export async function claimBatchEmail(batchId: number): Promise<boolean> {
  return writeTransaction(() => {
    const sqlite = getSqlite();
    const open = sqlite
      .prepare(
        "SELECT count(*) AS n FROM tasks WHERE batch_id = ? AND status IN ('pending', 'processing')",
      )
      .get(batchId) as { n: number };
    if (open.n > 0) return false;
    return (
      sqlite
        .prepare(
          "UPDATE batches SET email_status = 'sending' WHERE id = ? AND send_email = 1 AND email_status IS NULL",
        )
        .run(batchId).changes > 0
    );
  });
}

export async function setBatchEmailStatus(batchId: number, status: string): Promise<void> {
  getSqlite().prepare("UPDATE batches SET email_status = ? WHERE id = ?").run(status, batchId);
}
