import { beforeAll, describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/config/env";
import { useFreshDataDir } from "@/test/helpers/server";

beforeAll(() => {
  useFreshDataDir("pixel-keys-");
});

describe("API keys", () => {
  it("have the gpa_ shape, a valid checksum, and are stored only as a hash", async () => {
    const { createApiKey, isWellFormedApiKey, hashApiKey } = await import("./api-keys");
    const { createUser } = await import("@/lib/db/users");
    const { getApiKeyById } = await import("@/lib/db/api-keys");
    const user = await createUser({ email: "k@example.com", passwordHash: "x" });
    const { key, record } = await createApiKey(user.id, "script");
    expect(key).toMatch(/^gpa_[0-9A-Za-z]{46}$/);
    expect(isWellFormedApiKey(key)).toBe(true);
    const row = (await getApiKeyById(record.id))!;
    expect(row.keyHash).toBe(hashApiKey(key));
    expect(JSON.stringify(row)).not.toContain(key.slice(12));
    expect(record.prefix).toBe(key.slice(0, 12));
    expect(record.last4).toBe(key.slice(-4));
  });

  it("reject a one-character typo by checksum, and stop working once revoked", async () => {
    const { createApiKey, isWellFormedApiKey, authenticateApiKey, revokeApiKey } = await import(
      "./api-keys"
    );
    const { createUser } = await import("@/lib/db/users");
    const user = await createUser({ email: "k2@example.com", passwordHash: "x" });
    const { key, record } = await createApiKey(user.id, "typo");
    const typo = key.slice(0, 20) + (key[20] === "a" ? "b" : "a") + key.slice(21);
    expect(isWellFormedApiKey(typo)).toBe(false);
    expect(await authenticateApiKey(typo)).toBeUndefined();
    expect((await authenticateApiKey(key))?.user.id).toBe(user.id);
    const other = await createUser({ email: "k3@example.com", passwordHash: "x" });
    expect(await revokeApiKey(record.id, other.id)).toBe(false);
    expect(await revokeApiKey(record.id, user.id)).toBe(true);
    expect(await authenticateApiKey(key)).toBeUndefined();
  });

  it("record their last use once a minute, not on every request", async () => {
    const { createApiKey, authenticateApiKey } = await import("./api-keys");
    const { createUser } = await import("@/lib/db/users");
    const { getApiKeyById } = await import("@/lib/db/api-keys");
    const user = await createUser({ email: "k5@example.com", passwordHash: "x" });
    const { key, record } = await createApiKey(user.id, "used");
    expect((await getApiKeyById(record.id))!.lastUsedAt).toBeNull();
    const t0 = Date.now();
    expect(await authenticateApiKey(key)).toBeDefined();
    const first = (await getApiKeyById(record.id))!.lastUsedAt!;
    expect(first.getTime()).toBeGreaterThanOrEqual(t0 - 1_000);
    await new Promise((r) => setTimeout(r, 20));
    expect(await authenticateApiKey(key)).toBeDefined();
    expect((await getApiKeyById(record.id))!.lastUsedAt!.getTime()).toBe(first.getTime());
  });

  it("generate distinct keys", async () => {
    const { createApiKey } = await import("./api-keys");
    const { createUser } = await import("@/lib/db/users");
    const user = await createUser({ email: "k4@example.com", passwordHash: "x" });
    const keys = new Set<string>();
    for (let i = 0; i < 50; i++) keys.add((await createApiKey(user.id, "n")).key);
    expect(keys.size).toBe(50);
  });
});

describe("accounts", () => {
  it("make the first account admin and refuse a second sign-up with the same email", async () => {
    const { useFreshDataDir: fresh } = await import("@/test/helpers/server");
    fresh("pixel-accounts-");
    const { closeDatabase } = await import("@/lib/db/client");
    closeDatabase();
    const { signUp, EmailTakenError, authenticate } = await import("./accounts");
    const first = await signUp({ email: "First@Example.com", password: "password123" });
    expect(first.role).toBe("admin");
    expect(first.email).toBe("first@example.com");
    const second = await signUp({ email: "second@example.com", password: "password123" });
    expect(second.role).toBe("user");
    await expect(
      signUp({ email: "first@example.com", password: "password456" }),
    ).rejects.toBeInstanceOf(EmailTakenError);
    expect((await authenticate("first@example.com", "password123"))?.id).toBe(first.id);
    expect(await authenticate("first@example.com", "wrong-password")).toBeUndefined();
  });

  it("close sign-up with ALLOW_SIGNUP=false once an account exists", async () => {
    const { isSignupOpen } = await import("./accounts");
    expect(await isSignupOpen(parseEnv({ ALLOW_SIGNUP: "false" }))).toBe(false);
    expect(await isSignupOpen(parseEnv({}))).toBe(true);
  });
});
