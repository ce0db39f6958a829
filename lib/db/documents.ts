// Queries of the editor's documents and their versions, written once for both dialects.
import { and, count, desc, eq, type SQL } from "drizzle-orm";
import { getDb, writeTransaction } from "./client";
import {
  type assets,
  assets as assetsTable,
  type DocumentRow,
  type DocumentVersionRow,
  documents,
  documentVersions,
  type NewTask,
  type Task,
  tasks,
} from "./schema";

export type NewDocument = typeof documents.$inferInsert;

/** A document and its version 1 in one transaction. */
export async function insertDocumentWithFirstVersion(
  values: Omit<NewDocument, "version">,
  content: Record<string, unknown>,
): Promise<{ doc: DocumentRow; version: DocumentVersionRow }> {
  return writeTransaction(function* (tx) {
    const [doc] = (yield tx
      .insert(documents)
      .values({ ...values, version: 1 })
      .returning()) as DocumentRow[];
    const [version] = (yield tx
      .insert(documentVersions)
      .values({ documentId: doc!.id, version: 1, content })
      .returning()) as DocumentVersionRow[];
    return { doc: doc!, version: version! };
  });
}

export async function getDocumentForUser(
  id: number,
  userId: number,
): Promise<DocumentRow | undefined> {
  const [row] = await (await getDb())
    .select()
    .from(documents)
    .where(and(eq(documents.id, id), eq(documents.userId, userId)))
    .limit(1);
  return row;
}

export async function getDocumentVersion(
  documentId: number,
  version: number,
): Promise<DocumentVersionRow | undefined> {
  const [row] = await (await getDb())
    .select()
    .from(documentVersions)
    .where(and(eq(documentVersions.documentId, documentId), eq(documentVersions.version, version)))
    .limit(1);
  return row;
}

/** Versions without their content, newest first. */
export async function versionsOfDocument(documentId: number) {
  return (await getDb())
    .select({
      version: documentVersions.version,
      taskId: documentVersions.taskId,
      createdAt: documentVersions.createdAt,
    })
    .from(documentVersions)
    .where(eq(documentVersions.documentId, documentId))
    .orderBy(desc(documentVersions.version));
}

export interface DocumentFilter {
  userId: number;
  sourceTaskId?: number;
  sourceBatchId?: number;
  sourceTilesetId?: number;
}

export async function listDocumentRows(
  f: DocumentFilter,
  page: { limit: number; offset: number },
): Promise<{ rows: DocumentRow[]; total: number }> {
  const conds: SQL[] = [eq(documents.userId, f.userId)];
  if (f.sourceTaskId !== undefined) conds.push(eq(documents.sourceTaskId, f.sourceTaskId));
  if (f.sourceBatchId !== undefined) conds.push(eq(documents.sourceBatchId, f.sourceBatchId));
  if (f.sourceTilesetId !== undefined) conds.push(eq(documents.sourceTilesetId, f.sourceTilesetId));
  const db = await getDb();
  const where = and(...conds);
  const rows = await db
    .select()
    .from(documents)
    .where(where)
    .orderBy(desc(documents.id))
    .limit(page.limit)
    .offset(page.offset);
  const [{ n }] = (await db.select({ n: count() }).from(documents).where(where)) as [{ n: number }];
  return { rows, total: Number(n) };
}

/** Thrown inside the save transaction when If-Match is stale; the caller turns it into a 409. */
export class StaleVersionError extends Error {
  constructor() {
    super("stale document version");
  }
}

export interface SaveVersionInput {
  documentId: number;
  userId: number;
  expectedVersion: number;
  content: Record<string, unknown>;
  meta: { width: number; height: number; frameCount: number; title: string };
  /** the gallery entry: its row, and its files (storage keys already written) */
  task: NewTask;
  files: Omit<typeof assets.$inferInsert, "taskId">[];
}

/**
 * One save, all or nothing: bumps the version only if it is still `expectedVersion` (else
 * StaleVersionError and nothing is written), adds the gallery task with its files and the
 * version row that points at it.
 */
export async function saveDocumentVersion(
  input: SaveVersionInput,
): Promise<{ doc: DocumentRow; version: DocumentVersionRow; task: Task }> {
  return writeTransaction(function* (tx) {
    const [doc] = (yield tx
      .update(documents)
      .set({
        version: input.expectedVersion + 1,
        width: input.meta.width,
        height: input.meta.height,
        frameCount: input.meta.frameCount,
        title: input.meta.title,
        updatedAt: new Date(),
      })
      .where(
        and(
          eq(documents.id, input.documentId),
          eq(documents.userId, input.userId),
          eq(documents.version, input.expectedVersion),
        ),
      )
      .returning()) as DocumentRow[];
    if (!doc) throw new StaleVersionError();
    const [task] = (yield tx.insert(tasks).values(input.task).returning()) as Task[];
    if (input.files.length) {
      yield tx
        .insert(assetsTable)
        .values(input.files.map((f) => ({ ...f, taskId: task!.id })))
        .returning({ id: assetsTable.id });
    }
    const [version] = (yield tx
      .insert(documentVersions)
      .values({
        documentId: doc.id,
        version: doc.version,
        content: input.content,
        taskId: task!.id,
      })
      .returning()) as DocumentVersionRow[];
    return { doc, version: version!, task: task! };
  });
}
