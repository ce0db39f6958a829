import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { getDb, prepared } from "./client";
import { type ApiKey, apiKeys, type User, users } from "./schema";

export async function insertApiKey(values: typeof apiKeys.$inferInsert): Promise<ApiKey> {
  return getDb().insert(apiKeys).values(values).returning().get();
}

export async function listApiKeysByUser(userId: number): Promise<ApiKey[]> {
  return getDb()
    .select()
    .from(apiKeys)
    .where(eq(apiKeys.userId, userId))
    .orderBy(desc(apiKeys.id))
    .all();
}

export async function getApiKeyById(id: number): Promise<ApiKey | undefined> {
  return getDb().select().from(apiKeys).where(eq(apiKeys.id, id)).get();
}

const activeKeyByHash = prepared((db) =>
  db
    .select({ key: apiKeys, user: users })
    .from(apiKeys)
    .innerJoin(users, eq(users.id, apiKeys.userId))
    .where(and(eq(apiKeys.keyHash, sql.placeholder("hash")), isNull(apiKeys.revokedAt)))
    .prepare(),
);

/** The active (not revoked) key with this hash, with its owner. */
export async function findActiveKeyByHash(
  keyHash: string,
): Promise<{ key: ApiKey; user: User } | undefined> {
  return activeKeyByHash().get({ hash: keyHash }) ?? undefined;
}

export async function revokeApiKeyRow(id: number, at = new Date()): Promise<boolean> {
  const res = getDb()
    .update(apiKeys)
    .set({ revokedAt: at })
    .where(and(eq(apiKeys.id, id), isNull(apiKeys.revokedAt)))
    .run();
  return res.changes > 0;
}

const TOUCH_EVERY_MS = 60_000;

const touchKey = prepared((db) =>
  db
    .update(apiKeys)
    .set({ lastUsedAt: sql`${sql.placeholder("at")}` })
    .where(eq(apiKeys.id, sql.placeholder("id")))
    .prepare(),
);

/** Records use at most once a minute per key, so authenticated reads don't all become writes. */
export async function touchApiKey(
  key: Pick<ApiKey, "id" | "lastUsedAt">,
  at = new Date(),
): Promise<void> {
  if (key.lastUsedAt && at.getTime() - key.lastUsedAt.getTime() < TOUCH_EVERY_MS) return;
  touchKey().run({ id: key.id, at: at.getTime() });
}
