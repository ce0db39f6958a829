// API keys are cached in each server process's memory; a revocation made anywhere (another web
// process, the CLI) must still refuse the key on the very next request to every process.
// Both count such changes with triggers (api_key_changes, migration 0011), so a change made by any
// writer counts, even one from a shell. SQLite: the counter is read on each request (the very next
// request); PostgreSQL: the triggers' NOTIFY (as soon as it reaches the process, milliseconds after
// the commit).
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey, revokeApiKey } from "@/lib/auth/api-keys";
import { getDb } from "@/lib/db/client";
import { users } from "@/lib/db/schema";
import { insertTask } from "@/lib/db/tasks";
import { seedUserWithKey } from "../helpers/accounts";
import { BACKEND } from "../helpers/database";
import { startServer, type TestServer, useFreshDataDir } from "../helpers/server";

let a: TestServer;
let b: TestServer;
let user: Awaited<ReturnType<typeof seedUserWithKey>>;

beforeAll(async () => {
  useFreshDataDir("pixel-key-cache-");
  user = await seedUserWithKey("revoke@example.com");
  // Two web processes on the same database, no worker: only requests touch the database.
  [a, b] = await Promise.all([
    startServer({ RUN_WORKER: "false" }),
    startServer({ RUN_WORKER: "false" }),
  ]);
}, 120_000);
afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
});

const status = async (server: TestServer, key: string) =>
  (
    await fetch(`${server.baseUrl}/api/v1/tasks`, {
      headers: { Authorization: `Bearer ${key}` },
    })
  ).status;

/**
 * The status a process gives a key once a revocation made elsewhere has reached it. SQLite: the
 * very next request (the file's change counter is read on each one). PostgreSQL: the revoking
 * commit's NOTIFY is delivered to each listening process asynchronously, so a request sent in the
 * same millisecond can still be served from the cache; under heavy load delivery took tens of ms
 * (CI at load 17 saw one 200). Asked until the notification could have arrived (at most 2 s):
 * a process that never hears of it still fails.
 */
async function statusAfterRevocation(server: TestServer, key: string) {
  if (BACKEND !== "postgres") return status(server, key);
  const until = Date.now() + 2_000;
  for (;;) {
    const s = await status(server, key);
    if (s === 401 || Date.now() > until) return s;
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Several answers from each process, so both hold the key in memory. */
async function warm(key: string) {
  for (let i = 0; i < 3; i++) {
    expect(await status(a, key)).toBe(200);
    expect(await status(b, key)).toBe(200);
  }
}

describe("API key revocation with cached keys", () => {
  it("a key revoked through one web process is refused by the other on the next request", async () => {
    const { key, record } = await createApiKey(user.user.id, "revoked-over-http");
    await warm(key);
    const res = await fetch(`${a.baseUrl}/api/v1/keys/${record.id}`, {
      method: "DELETE",
      headers: { Authorization: `Bearer ${key}` },
    });
    expect(res.status).toBe(200);
    expect(await statusAfterRevocation(b, key)).toBe(401);
    // the revoking process drops its own cache before it answers
    expect(await status(a, key)).toBe(401);
  });

  it("a key revoked by another process (as the CLI does) is refused by both on the next request", async () => {
    const { key, record } = await createApiKey(user.user.id, "revoked-by-cli");
    await warm(key);
    expect(await revokeApiKey(record.id)).toBe(true);
    expect(await statusAfterRevocation(a, key)).toBe(401);
    expect(await statusAfterRevocation(b, key)).toBe(401);
  });

  it("a key whose owner was deleted (no app path does it: by hand) is refused by both on the next request", async () => {
    const owner = await seedUserWithKey("deleted-by-hand@example.com");
    await warm(owner.key);
    // the key row goes by the foreign key's cascade, which no code of ours sees
    await (await getDb()).delete(users).where(eq(users.id, owner.user.id)).returning();
    expect(await statusAfterRevocation(a, owner.key)).toBe(401);
    expect(await statusAfterRevocation(b, owner.key)).toBe(401);
  });

  it("other writes (as the worker's) leave keys working, and a revocation among them still counts", async () => {
    const { key, record } = await createApiKey(user.user.id, "revoked-among-writes");
    await warm(key);
    const task = () =>
      insertTask({
        userId: user.user.id,
        type: "image",
        model: "local/m",
        provider: "local",
        prompt: "p",
        params: { prompt: "p" },
        status: "pending",
      });
    for (let i = 0; i < 3; i++) {
      await task();
      expect(await status(a, key)).toBe(200);
      expect(await status(b, key)).toBe(200);
    }
    await task();
    expect(await revokeApiKey(record.id)).toBe(true);
    await task();
    expect(await statusAfterRevocation(a, key)).toBe(401);
    expect(await statusAfterRevocation(b, key)).toBe(401);
  });

  it("other keys keep working", async () => {
    await warm(user.key);
  });
});
