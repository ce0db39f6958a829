import { and, desc, eq, isNotNull, isNull } from "drizzle-orm";
import { getDb } from "./client";
import { type ApiKey, apiKeys, type User, users } from "./schema";

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

/** The active (not revoked) key with this hash, with its owner. */
export async function findActiveKeyByHash(
  keyHash: string,
): Promise<{ key: ApiKey; user: User } | undefined> {
  const [row] = await (await getDb())
    .select({ key: apiKeys, user: users })
    .from(apiKeys)
    .innerJoin(users, eq(users.id, apiKeys.userId))
    .where(and(eq(apiKeys.keyHash, keyHash), isNull(apiKeys.revokedAt)))
    .limit(1);
  return row;
}

export async function revokeApiKeyRow(id: number, at = new Date()): Promise<boolean> {
  const rows = await (await getDb())
    .update(apiKeys)
    .set({ revokedAt: at })
    .where(and(eq(apiKeys.id, id), isNull(apiKeys.revokedAt)))
    .returning({ id: apiKeys.id });
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

const TOUCH_EVERY_MS = 60_000;

/** Records use at most once a minute per key, so authenticated reads don't all become writes. */
export async function touchApiKey(
  key: Pick<ApiKey, "id" | "lastUsedAt">,
  at = new Date(),
): Promise<void> {
  if (key.lastUsedAt && at.getTime() - key.lastUsedAt.getTime() < TOUCH_EVERY_MS) return;
  await (await getDb()).update(apiKeys).set({ lastUsedAt: at }).where(eq(apiKeys.id, key.id));
}
