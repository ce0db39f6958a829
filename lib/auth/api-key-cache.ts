// Authenticated API keys, kept in memory so a request with a known key costs no query. An entry
// is trusted only while the database's API-key version (lib/db/api-keys.ts: apiKeysVersion) is
// the one it was read under, so a revocation in any process takes effect on the very next
// request; entries also expire after a minute, so the cached owner row stays fresh.
import type { ApiKey, User } from "@/lib/db/schema";

interface Entry {
  key: ApiKey;
  user: User;
  version: string;
  at: number;
}

const TTL_MS = 60_000;
const MAX_ENTRIES = 10_000;
const entries = new Map<string, Entry>();

export function cachedKey(
  keyHash: string,
  version: string | undefined,
  now = Date.now(),
): Entry | undefined {
  const hit = entries.get(keyHash);
  if (!hit) return undefined;
  if (hit.version !== version || now - hit.at > TTL_MS) {
    entries.delete(keyHash);
    return undefined;
  }
  return hit;
}

export function rememberKey(
  keyHash: string,
  found: { key: ApiKey; user: User },
  version: string | undefined,
  now = Date.now(),
): void {
  if (version === undefined) return;
  if (entries.size >= MAX_ENTRIES) entries.clear();
  entries.set(keyHash, { ...found, version, at: now });
}

export function forgetKeys(): void {
  entries.clear();
}
