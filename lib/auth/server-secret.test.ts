import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { getServerSecret } from "./server-secret";

describe("getServerSecret", () => {
  it("uses AUTH_SECRET when set, on any database", () => {
    expect(
      getServerSecret({ AUTH_SECRET: "s3cret", DATABASE_URL: "postgres://db/x" } as never),
    ).toBe("s3cret");
  });

  it("refuses to generate a per-machine secret when the database is PostgreSQL", () => {
    for (const url of ["postgres://u@db:5432/pixel", "postgresql://db/pixel"]) {
      expect(() => getServerSecret({ DATABASE_URL: url } as never)).toThrow(
        /^AUTH_SECRET: required when DATABASE_URL is PostgreSQL/,
      );
    }
  });

  it("generates and keeps one under the data directory on SQLite", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pixel-secret-"));
    const env = { DATA_DIR: dir, DATABASE_URL: `file:${dir}/studio.db` } as never;
    const secret = getServerSecret(env);
    expect(secret.length).toBeGreaterThanOrEqual(32);
    expect(fs.readFileSync(path.join(dir, "auth-secret"), "utf8")).toBe(secret);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
