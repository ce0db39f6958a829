// The API-key version (apiKeysVersion) that every process's key cache compares before trusting an
// entry: it must move with every change that can end a key's access, whoever commits it, and only
// with those, so that the worker's commits (another connection) no longer empty the cache.
// "Another connection" here is a raw connection of its own, as another process or a shell has.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BACKEND, type OtherConnection, openOtherConnection } from "@/test/helpers/database";
import { useFreshDataDir } from "@/test/helpers/server";

let other: OtherConnection;

beforeAll(async () => {
  useFreshDataDir("pixel-key-version-");
  const { getDb } = await import("./client");
  await getDb(); // migrated before the other connection writes
  other = await openOtherConnection(process.env.DATABASE_URL!);
});
afterAll(async () => {
  await other?.close();
});

async function seedKey() {
  const { createUser } = await import("./users");
  const { insertApiKey } = await import("./api-keys");
  const user = await createUser({ email: `v${Math.random()}@example.com`, passwordHash: "x" });
  const n = Math.random().toString(36).slice(2);
  const key = await insertApiKey({
    userId: user.id,
    name: "v",
    publicId: n.slice(0, 8),
    keyHash: `hash-${n}`,
    prefix: "gpa_x",
    last4: "abcd",
  });
  return { user, key };
}

/**
 * The version once the other connection's commit has reached this process. SQLite: the very next
 * read. PostgreSQL: the NOTIFY arrives asynchronously, so wait for it (2 s at most).
 */
async function versionAfter(before: string | undefined): Promise<string | undefined> {
  const { apiKeysVersion } = await import("./api-keys");
  if (BACKEND === "sqlite") return apiKeysVersion();
  const until = Date.now() + 2_000;
  for (;;) {
    const v = apiKeysVersion();
    if (v !== before || Date.now() > until) return v;
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** The version, once the PostgreSQL listener is up (undefined until then: nothing is cached). */
async function currentVersion(): Promise<string> {
  const { apiKeysVersion } = await import("./api-keys");
  const until = Date.now() + 5_000;
  for (;;) {
    const v = apiKeysVersion();
    if (v !== undefined) return v;
    if (Date.now() > until) throw new Error("no API-key version after 5 s");
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe("apiKeysVersion", () => {
  it("stays put while another connection commits work that cannot end a key's access", async () => {
    const { key, user } = await seedKey();
    const { touchApiKey } = await import("./api-keys");
    const before = await currentVersion();
    // What the worker commits all day: tasks created, moved on, their files recorded.
    await other.run(
      `INSERT INTO tasks (user_id, type, model, provider, prompt, params, status) VALUES (${user.id}, 'image', 'local/m', 'local', 'p', '{}', 'pending')`,
    );
    await other.run(`UPDATE tasks SET status = 'running' WHERE user_id = ${user.id}`);
    // A key's last use, recorded at most once a minute by the request that used it.
    expect(await touchApiKey(key, new Date())).toBe(true);
    // A new key ends no one's access.
    await seedKey();
    if (BACKEND === "postgres") await new Promise((r) => setTimeout(r, 200)); // a stray NOTIFY would be in
    const { apiKeysVersion } = await import("./api-keys");
    expect(apiKeysVersion()).toBe(before);
  });

  it.each([
    ["a key revoked", (k: Keyed) => `UPDATE api_keys SET revoked_at = 1 WHERE id = ${k.key.id}`],
    ["an active key deleted", (k: Keyed) => `DELETE FROM api_keys WHERE id = ${k.key.id}`],
    ["a user changed", (k: Keyed) => `UPDATE users SET role = 'admin' WHERE id = ${k.user.id}`],
    ["a user deleted with its keys", (k: Keyed) => `DELETE FROM users WHERE id = ${k.user.id}`],
  ])("moves when another connection commits %s", async (_, change) => {
    const keyed = await seedKey();
    const before = await currentVersion();
    let statement = change(keyed);
    // PostgreSQL's revoked_at is a timestamp, SQLite's milliseconds.
    if (BACKEND === "postgres")
      statement = statement.replace("revoked_at = 1", "revoked_at = now()");
    await other.run(statement);
    expect(await versionAfter(before)).not.toBe(before);
  });

  it("moves at once when this process revokes a key", async () => {
    const { key } = await seedKey();
    const { apiKeysVersion, revokeApiKeyRow } = await import("./api-keys");
    const before = await currentVersion();
    expect(await revokeApiKeyRow(key.id)).toBe(true);
    expect(apiKeysVersion()).not.toBe(before);
  });
});

type Keyed = Awaited<ReturnType<typeof seedKey>>;
