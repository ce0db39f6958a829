import type { Statement } from "better-sqlite3";
import { and, desc, eq, isNotNull, isNull, sql } from "drizzle-orm";
import { getDb, getSqlite } from "./client";
import { listenChannel } from "./postgres/listen";
import { preparedQuery } from "./prepared";
import { type ApiKey, apiKeys, DIALECT, type User, users } from "./schema";

export async function insertApiKey(values: typeof apiKeys.$inferInsert): Promise<ApiKey> {
  const [row] = await (await getDb()).insert(apiKeys).values(values).returning();
  return row;
}

export async function listApiKeysByUser(userId: number): Promise<ApiKey[]> {
  return (await getDb())
    .select()
    .from(apiKeys)
    .where(eq(apiKeys.userId, userId))
    .orderBy(desc(apiKeys.id));
}

export async function getApiKeyById(id: number): Promise<ApiKey | undefined> {
  const [row] = await (await getDb()).select().from(apiKeys).where(eq(apiKeys.id, id)).limit(1);
  return row;
}

const activeKeyByHash = preparedQuery<{ key: ApiKey; user: User }[], { keyHash: string }>((db) =>
  db
    .select({ key: apiKeys, user: users })
    .from(apiKeys)
    .innerJoin(users, eq(users.id, apiKeys.userId))
    .where(and(eq(apiKeys.keyHash, sql.placeholder("keyHash")), isNull(apiKeys.revokedAt)))
    .limit(1)
    .prepare("active_key_by_hash"),
);

/** The active (not revoked) key with this hash, with its owner. */
export async function findActiveKeyByHash(
  keyHash: string,
): Promise<{ key: ApiKey; user: User } | undefined> {
  const [row] = await activeKeyByHash({ keyHash });
  return row;
}

export async function revokeApiKeyRow(id: number, at = new Date()): Promise<boolean> {
  const db = await getDb();
  const rows = await db
    .update(apiKeys)
    .set({ revokedAt: at })
    .where(and(eq(apiKeys.id, id), isNull(apiKeys.revokedAt)))
    .returning({ id: apiKeys.id });
  // The migration's triggers count the change (and NOTIFY other PostgreSQL processes); this
  // process's listener hears its own NOTIFY only later (see apiKeysVersion).
  localKeyChanges++;
  return rows.length > 0;
}

/** Deletes a key row only if it is already revoked (an active key must be revoked first). */
export async function deleteRevokedApiKeyRow(id: number): Promise<boolean> {
  const rows = await (await getDb())
    .delete(apiKeys)
    .where(and(eq(apiKeys.id, id), isNotNull(apiKeys.revokedAt)))
    .returning({ id: apiKeys.id });
  return rows.length > 0;
}

// ---------------------------------------------------------------------------------------------
// Has any API key changed since? Processes cache authenticated keys in memory (lib/auth/api-key-
// cache.ts) and compare this version before trusting an entry, so a revocation in any process
// is effective on the very next request everywhere. The triggers of migration 0011 count every
// change that can end a key's access in api_key_changes, in the changing transaction:
// - SQLite: each request reads the counter (one row by its key; a read of the shared file, so
//   another process's commit is seen by the next request). Only those changes count: commits of
//   the worker (another connection) no longer drop the cache, as `PRAGMA data_version` did.
// - PostgreSQL: the same triggers NOTIFY KEYS_CHANNEL at commit; each process LISTENs and counts
//   (no query per request). While the listening connection is not up there is no version and
//   nothing is cached; this process's own revocations count at once (localKeyChanges), before
//   its NOTIFY comes back.

const KEYS_CHANNEL = "pixel_api_keys";
let localKeyChanges = 0;
const changeCounters = new WeakMap<object, Statement>();
const watch = { started: false, listening: false, notified: 0 };

/** An opaque version of the API keys; undefined: do not cache now. */
export function apiKeysVersion(): string | undefined {
  if (DIALECT === "sqlite") {
    const sqlite = getSqlite();
    let statement = changeCounters.get(sqlite);
    if (!statement) {
      statement = sqlite.prepare("SELECT n FROM api_key_changes WHERE id = 0").pluck();
      changeCounters.set(sqlite, statement);
    }
    const n = statement.get() as number | undefined;
    return n === undefined ? undefined : String(n);
  }
  if (!watch.started) {
    watch.started = true;
    listenChannel(KEYS_CHANNEL, {
      unref: true,
      message: () => {
        watch.notified++;
      },
      state: (listening) => {
        watch.listening = listening;
        // Revocations while the connection was down were missed: start a new version.
        watch.notified++;
      },
    });
  }
  return watch.listening ? `${watch.notified}:${localKeyChanges}` : undefined;
}

const TOUCH_EVERY_MS = 60_000;

/** Whether a key used at `at` is to have its last use written (touchApiKey). */
export function apiKeyTouchDue(key: Pick<ApiKey, "lastUsedAt">, at: Date): boolean {
  return !key.lastUsedAt || at.getTime() - key.lastUsedAt.getTime() >= TOUCH_EVERY_MS;
}

/**
 * Records use at most once a minute per key, so authenticated reads don't all become writes.
 * True when it wrote.
 */
export async function touchApiKey(
  key: Pick<ApiKey, "id" | "lastUsedAt">,
  at = new Date(),
): Promise<boolean> {
  if (!apiKeyTouchDue(key, at)) return false;
  await (await getDb()).update(apiKeys).set({ lastUsedAt: at }).where(eq(apiKeys.id, key.id));
  return true;
}
