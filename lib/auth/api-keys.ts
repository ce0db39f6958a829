import crypto from "node:crypto";
import zlib from "node:zlib";
import { cachedKey, forgetKeys, rememberKey } from "@/lib/auth/api-key-cache";
import {
  apiKeysVersion,
  apiKeyTouchDue,
  deleteRevokedApiKeyRow,
  findActiveKeyByHash,
  getApiKeyById,
  insertApiKey,
  listApiKeysByUser,
  revokeApiKeyRow,
  touchApiKey,
} from "@/lib/db/api-keys";
import type { ApiKey, User } from "@/lib/db/schema";
import { ConflictError } from "@/lib/errors";

// Key layout (GitHub-token style): gpa_ + 8-char public id + 32-char secret + 6-char CRC32.
// The public id makes keys findable in lists and logs; the checksum lets us reject typos and
// random strings without a database lookup (and lets secret scanners verify a match offline).
export const API_KEY_PREFIX = "gpa_";
const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const PUBLIC_ID_LEN = 8;
const SECRET_LEN = 32;
const CHECKSUM_LEN = 6;
const KEY_BODY_LEN = PUBLIC_ID_LEN + SECRET_LEN + CHECKSUM_LEN;
const KEY_PATTERN = new RegExp(`^${API_KEY_PREFIX}[0-9A-Za-z]{${KEY_BODY_LEN}}$`);

function randomBase62(length: number): string {
  let out = "";
  while (out.length < length) {
    // Rejection sampling keeps every character uniformly likely (248 = 4 × 62).
    for (const byte of crypto.randomBytes(length * 2)) {
      if (byte < 248 && out.length < length) out += ALPHABET[byte % 62];
    }
  }
  return out;
}

function base62Fixed(value: number, length: number): string {
  let out = "";
  let v = value >>> 0;
  for (let i = 0; i < length; i++) {
    out = ALPHABET[v % 62] + out;
    v = Math.floor(v / 62);
  }
  return out;
}

function checksum(body: string): string {
  return base62Fixed(zlib.crc32(body), CHECKSUM_LEN);
}

// one-shot: no Hash object per authenticated request (createHash + update + digest was ≈ 2 % of
// a cached GET task's CPU in a profile)
export function hashApiKey(key: string): string {
  return crypto.hash("sha256", key, "hex");
}

/** True when the string has the shape and checksum of one of our keys. */
export function isWellFormedApiKey(key: string): boolean {
  if (!KEY_PATTERN.test(key)) return false;
  const body = key.slice(API_KEY_PREFIX.length, -CHECKSUM_LEN);
  return checksum(body) === key.slice(-CHECKSUM_LEN);
}

export interface PublicApiKey {
  id: number;
  name: string;
  prefix: string;
  last4: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
  revoked: boolean;
}

export function toPublicApiKey(k: ApiKey): PublicApiKey {
  return {
    id: k.id,
    name: k.name,
    prefix: k.prefix,
    last4: k.last4,
    created_at: k.createdAt.toISOString(),
    last_used_at: k.lastUsedAt?.toISOString() ?? null,
    revoked_at: k.revokedAt?.toISOString() ?? null,
    revoked: k.revokedAt != null,
  };
}

export const API_KEY_NAME_MAX = 64;

/** Creates a key; the plain key is returned once here and never stored. */
export async function createApiKey(
  userId: number,
  name: string,
): Promise<{ key: string; record: PublicApiKey }> {
  const publicId = randomBase62(PUBLIC_ID_LEN);
  const body = publicId + randomBase62(SECRET_LEN);
  const key = `${API_KEY_PREFIX}${body}${checksum(body)}`;
  const row = await insertApiKey({
    userId,
    name: name.trim() || "default",
    publicId,
    keyHash: hashApiKey(key),
    prefix: `${API_KEY_PREFIX}${publicId}`,
    last4: key.slice(-4),
  });
  return { key, record: toPublicApiKey(row) };
}

export async function listApiKeys(userId: number): Promise<PublicApiKey[]> {
  return (await listApiKeysByUser(userId)).map(toPublicApiKey);
}

/** Revokes a key of this user (or any key when userId is undefined: the admin CLI). */
export async function revokeApiKey(id: number, userId?: number): Promise<boolean> {
  const key = await getApiKeyById(id);
  if (!key || (userId !== undefined && key.userId !== userId)) return false;
  const revoked = await revokeApiKeyRow(id);
  forgetKeys();
  return revoked || key.revokedAt != null;
}

/**
 * Removes a revoked key of this user from the list for good; false when it is not theirs. An
 * active key is a conflict: it must be revoked first, so removal never cuts off a script.
 */
export async function removeRevokedApiKey(id: number, userId: number): Promise<boolean> {
  const key = await getApiKeyById(id);
  if (!key || key.userId !== userId) return false;
  if (key.revokedAt == null) {
    throw new ConflictError("Revoke the key before removing it", `key ${id} is still active`);
  }
  await deleteRevokedApiKeyRow(id);
  return true;
}

/** Resolves a presented key to its user; undefined for malformed, unknown or revoked keys. */
export async function authenticateApiKey(
  key: string,
): Promise<{ user: User; keyId: number } | undefined> {
  if (!isWellFormedApiKey(key)) return undefined;
  const keyHash = hashApiKey(key);
  // The version is read before the lookup: a revocation after this point makes a new version,
  // so what this request reads is never trusted past it.
  const version = apiKeysVersion();
  const cached = cachedKey(keyHash, version);
  const found = cached ?? (await findActiveKeyByHash(keyHash));
  if (!found) return undefined;
  const now = new Date();
  // asked first: a key used within the minute (nearly every request) awaits nothing here
  if (apiKeyTouchDue(found.key, now) && (await touchApiKey(found.key, now)))
    found.key = { ...found.key, lastUsedAt: now };
  if (!cached) rememberKey(keyHash, found, version);
  return { user: found.user, keyId: found.key.id };
}
