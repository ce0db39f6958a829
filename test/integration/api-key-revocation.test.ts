// API keys are cached in each server process's memory; a revocation made anywhere (another web
// process, the CLI) must still refuse the key on the very next request to every process.
// SQLite: the file's change counter; PostgreSQL: LISTEN/NOTIFY.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey, revokeApiKey } from "@/lib/auth/api-keys";
import { seedUserWithKey } from "../helpers/accounts";
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
    expect(await status(b, key)).toBe(401);
    expect(await status(a, key)).toBe(401);
  });

  it("a key revoked by another process (as the CLI does) is refused by both on the next request", async () => {
    const { key, record } = await createApiKey(user.user.id, "revoked-by-cli");
    await warm(key);
    expect(await revokeApiKey(record.id)).toBe(true);
    expect(await status(a, key)).toBe(401);
    expect(await status(b, key)).toBe(401);
  });

  it("other keys keep working", async () => {
    await warm(user.key);
  });
});
