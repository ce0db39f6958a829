import path from "node:path";
import { type Env, getEnv } from "@/lib/config/env";

/** Directory for everything the studio writes: database, images, generated secret. */
export function dataDir(env: Env = getEnv()): string {
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), env.DATA_DIR ?? "data");
}

export type DatabaseTarget =
  | { dialect: "sqlite"; file: string }
  | { dialect: "postgres"; url: string };

/**
 * DATABASE_URL: `file:data/studio.db` (default) selects SQLite; `postgres://…` or
 * `postgresql://…` selects PostgreSQL. Anything else is a start-up error naming the variable.
 */
export function databaseTarget(env: Env = getEnv()): DatabaseTarget {
  const url = env.DATABASE_URL?.trim() || "file:data/studio.db";
  if (url.startsWith("file:")) {
    const file = url.slice("file:".length);
    if (!file) throw new Error("DATABASE_URL: `file:` needs a path, like file:data/studio.db");
    return { dialect: "sqlite", file: path.resolve(/*turbopackIgnore: true*/ process.cwd(), file) };
  }
  if (/^postgres(ql)?:/.test(url)) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new Error(
        "DATABASE_URL is not a valid PostgreSQL URL (expected postgres://user:password@host:5432/database)",
      );
    }
    if (!parsed.hostname || parsed.pathname.length <= 1) {
      throw new Error(
        "DATABASE_URL must name a host and a database, like postgres://user:password@host:5432/studio",
      );
    }
    return { dialect: "postgres", url };
  }
  throw new Error(
    `DATABASE_URL must be file:<path> (SQLite) or postgres://… (PostgreSQL); got "${url.replace(/\/\/[^@/]*@/, "//…@")}"`,
  );
}

/**
 * True when DATABASE_URL points at PostgreSQL, i.e. several processes (on several machines) may
 * share this deployment and nothing per-machine may stand in for shared state.
 */
export function databaseIsShared(env: Pick<Env, "DATABASE_URL"> = getEnv()): boolean {
  return /^postgres(ql)?:\/\//i.test(env.DATABASE_URL ?? "");
}

/** SQLite file path from DATABASE_URL (`file:data/studio.db` by default). */
export function databasePath(env: Env = getEnv()): string {
  const target = databaseTarget(env);
  if (target.dialect !== "sqlite") throw new Error("DATABASE_URL points at PostgreSQL, not a file");
  return target.file;
}
