import { and, desc, eq, isNull, lt, or } from "drizzle-orm";
import { getDb } from "./client";
import { type ApiKey, apiKeys, type User, users } from "./schema";

export function insertApiKey(values: typeof apiKeys.$inferInsert): ApiKey {
  return getDb().insert(apiKeys).values(values).returning().get();
}

export function listApiKeysByUser(userId: number): ApiKey[] {
  return getDb()
    .select()
    .from(apiKeys)
    .where(eq(apiKeys.userId, userId))
    .orderBy(desc(apiKeys.id))
    .all();
}

export function getApiKeyById(id: number): ApiKey | undefined {
  return getDb().select().from(apiKeys).where(eq(apiKeys.id, id)).get();
}

/** The active (not revoked) key with this hash, with its owner. */
export function findActiveKeyByHash(keyHash: string): { key: ApiKey; user: User } | undefined {
  const row = getDb()
    .select({ key: apiKeys, user: users })
    .from(apiKeys)
    .innerJoin(users, eq(users.id, apiKeys.userId))
    .where(and(eq(apiKeys.keyHash, keyHash), isNull(apiKeys.revokedAt)))
    .get();
  return row ?? undefined;
}

export function revokeApiKeyRow(id: number, at = new Date()): boolean {
  const res = getDb()
    .update(apiKeys)
    .set({ revokedAt: at })
    .where(and(eq(apiKeys.id, id), isNull(apiKeys.revokedAt)))
    .run();
  return res.changes > 0;
}

/** Records use, at most once a minute per key, so authenticated reads don't all become writes. */
export function touchApiKey(id: number, at = new Date()): void {
  const staleBefore = new Date(at.getTime() - 60_000);
  getDb()
    .update(apiKeys)
    .set({ lastUsedAt: at })
    .where(
      and(eq(apiKeys.id, id), or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, staleBefore))),
    )
    .run();
}
