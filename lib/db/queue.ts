// The task row's queue bookkeeping, shared by both queue engines (lib/jobs/task-queue.ts): every
// change to a running task is conditional on the worker's lease (lease_owner), which its
// heartbeat renews; a lease that expires (the worker died) makes the task claimable again.
// On SQLite the tasks table is the whole queue: claimNextTask is one UPDATE … RETURNING inside
// BEGIN IMMEDIATE. On PostgreSQL pg-boss delivers the work (lib/db/postgres/queue.ts claims).
import { and, eq, inArray, isNull, notExists } from "drizzle-orm";
import { wholePercent } from "@/lib/vocabulary";
import { type Db, getDb, writeTransaction } from "./client";
import { attemptsMinusOne, sqliteClaim } from "./dialect";
import { assets, batches, type Task, tasks } from "./schema";
import { getTaskById } from "./tasks";

/**
 * SQLite engine: claims the oldest runnable task of one of `providers` (skipping providers at
 * their cap in `limits`), or undefined when there is none.
 */
export async function claimNextTask(opts: {
  owner: string;
  providers: string[];
  leaseMs: number;
  now?: number;
  limits?: Map<string, number>;
}): Promise<Task | undefined> {
  if (opts.providers.length === 0) return undefined;
  const now = opts.now ?? Date.now();
  const id = sqliteClaim({
    owner: opts.owner,
    providers: opts.providers,
    leaseUntil: now + opts.leaseMs,
    now,
    limits: opts.limits,
  });
  return id === undefined ? undefined : await getTaskById(id);
}

/** The task row, if `owner` holds its lease. */
export const heldBy = (id: number, owner: string) =>
  and(eq(tasks.id, id), eq(tasks.leaseOwner, owner));

/**
 * Extends the lease and records progress (whole percent 0–100); false means the task is gone
 * (deleted) or was taken over.
 */
export async function renewLease(
  id: number,
  owner: string,
  leaseMs: number,
  progress?: number,
): Promise<boolean> {
  const set: Partial<typeof tasks.$inferInsert> = {
    leaseExpiresAt: new Date(Date.now() + leaseMs),
  };
  // tasks.progress is an integer column: a fraction would fail the UPDATE on PostgreSQL
  if (progress !== undefined && Number.isFinite(progress)) set.progress = wholePercent(progress);
  const rows = await (await getDb())
    .update(tasks)
    .set(set)
    .where(and(heldBy(id, owner), eq(tasks.status, "processing")))
    .returning({ id: tasks.id });
  return rows.length > 0;
}

export async function recordUpstreamId(
  id: number,
  owner: string,
  upstreamId: string,
): Promise<boolean> {
  const rows = await (await getDb())
    .update(tasks)
    .set({ upstreamId, updatedAt: new Date() })
    .where(heldBy(id, owner))
    .returning({ id: tasks.id });
  return rows.length > 0;
}

/** Frame 1's palette, which the later frames of its batch are quantized to. */
export interface PaletteLock {
  batchId: number;
  palette: string[];
}

/** What a task is given up to be completed: its files, size, and what they taught us. */
export interface CompletedOutputs {
  width?: number;
  height?: number;
  files: (typeof assets.$inferInsert)[];
  lockPalette?: PaletteLock;
  params?: Record<string, unknown>;
}

/** The task row's columns once it completed (both engines write exactly these). */
export function completedRow(values: CompletedOutputs): Partial<typeof tasks.$inferInsert> {
  return {
    status: "completed",
    errorMsg: "",
    width: values.width ?? null,
    height: values.height ?? null,
    progress: 100,
    ...(values.params ? { params: values.params } : {}),
    leaseOwner: null,
    leaseExpiresAt: null,
    completedAt: new Date(),
    updatedAt: new Date(),
  };
}

/**
 * SQLite engine: completes a task the worker holds and replaces its files, atomically (one
 * BEGIN IMMEDIATE). PostgreSQL does the same in one statement (lib/db/postgres/queue.ts).
 */
export async function completeTaskRow(
  id: number,
  owner: string,
  values: CompletedOutputs,
): Promise<boolean> {
  return writeTransaction(function* (tx) {
    const done = (yield tx
      .update(tasks)
      .set(completedRow(values))
      .where(heldBy(id, owner))
      .returning({ id: tasks.id })) as unknown[];
    if (done.length === 0) return false;
    yield tx.delete(assets).where(eq(assets.taskId, id)).returning({ id: assets.id });
    if (values.files.length)
      yield tx.insert(assets).values(values.files).returning({ id: assets.id });
    if (values.lockPalette) {
      // First writer wins: a re-rolled frame 1 must not re-colour frames already locked to it.
      yield tx
        .update(batches)
        .set({ lockedPalette: values.lockPalette.palette })
        .where(and(eq(batches.id, values.lockPalette.batchId), isNull(batches.lockedPalette)))
        .returning({ id: batches.id });
    }
    return true;
  });
}

export async function failTaskRow(
  id: number,
  owner: string | null,
  errorMsg: string,
): Promise<boolean> {
  const rows = await (await getDb())
    .update(tasks)
    .set({
      status: "failed",
      errorMsg,
      leaseOwner: null,
      leaseExpiresAt: null,
      completedAt: new Date(),
      updatedAt: new Date(),
    })
    .where(owner ? heldBy(id, owner) : eq(tasks.id, id))
    .returning({ id: tasks.id });
  return rows.length > 0;
}

/** Puts a task back in the queue to run again no earlier than `runAfter`. */
export async function requeueTask(
  id: number,
  owner: string,
  runAfter: Date,
  note: string,
): Promise<boolean> {
  const rows = await (await getDb())
    .update(tasks)
    .set({
      status: "pending",
      runAfter,
      errorMsg: note,
      leaseOwner: null,
      leaseExpiresAt: null,
      updatedAt: new Date(),
    })
    .where(heldBy(id, owner))
    .returning({ id: tasks.id });
  return rows.length > 0;
}

/** Back to the queue without counting an attempt (waiting for frame 1 of a batch, shutdown). */
export async function releaseTask(id: number, owner: string, runAfter: Date): Promise<boolean> {
  const rows = await (await getDb())
    .update(tasks)
    .set({
      status: "pending",
      runAfter,
      attempts: attemptsMinusOne(),
      leaseOwner: null,
      leaseExpiresAt: null,
      updatedAt: new Date(),
    })
    .where(heldBy(id, owner))
    .returning({ id: tasks.id });
  return rows.length > 0;
}

/**
 * Claims the right to send a task's completion e-mail: true for exactly one caller, ever. One
 * conditional UPDATE, so two workers that both believe they finished the task (a lease taken
 * over, a retry racing a slow completion) cannot both send; a re-rolled frame keeps its status
 * and sends nothing again.
 */
export async function claimTaskEmail(id: number): Promise<boolean> {
  const rows = await (await getDb())
    .update(tasks)
    .set({ emailStatus: "sending" })
    .where(
      and(
        eq(tasks.id, id),
        eq(tasks.sendEmail, true),
        eq(tasks.status, "completed"),
        isNull(tasks.emailStatus),
      ),
    )
    .returning({ id: tasks.id });
  return rows.length > 0;
}

export async function setEmailStatus(id: number, emailStatus: string): Promise<void> {
  await (await getDb()).update(tasks).set({ emailStatus }).where(eq(tasks.id, id));
}

/** Resets a finished task so the queue runs it again (re-rolling one frame of a batch). */
export async function resetTaskForRerun(
  id: number,
  values: { seed: number; params: Record<string, unknown> },
): Promise<Task> {
  const [row] = await rerunUpdate(await getDb(), id, values);
  return row;
}

/** resetTaskForRerun's statement, for a caller's transaction (`tx`). */
export function rerunUpdate(
  tx: Db,
  id: number,
  values: { seed: number; params: Record<string, unknown> },
) {
  return tx
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
    .returning();
}

/**
 * Claims the right to send a batch's e-mail; true for exactly one caller, once every frame is
 * done. One conditional UPDATE: concurrent callers on PostgreSQL queue on the batch row's lock
 * and re-check `email_status IS NULL` after the winner commits, so only one sees a row updated.
 */
export async function claimBatchEmail(batchId: number): Promise<boolean> {
  const rows = await (await getDb())
    .update(batches)
    .set({ emailStatus: "sending" })
    .where(
      and(
        eq(batches.id, batchId),
        eq(batches.sendEmail, true),
        isNull(batches.emailStatus),
        notExists(
          (await getDb())
            .select({ id: tasks.id })
            .from(tasks)
            .where(
              and(eq(tasks.batchId, batchId), inArray(tasks.status, ["pending", "processing"])),
            ),
        ),
      ),
    )
    .returning({ id: batches.id });
  return rows.length > 0;
}

export async function setBatchEmailStatus(batchId: number, status: string): Promise<void> {
  await (await getDb()).update(batches).set({ emailStatus: status }).where(eq(batches.id, batchId));
}
