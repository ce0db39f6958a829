import path from "node:path";
import { type Env, getEnv } from "@/lib/config/env";

/** Directory for everything the studio writes: database, images, generated secret. */
export function dataDir(env: Env = getEnv()): string {
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), env.DATA_DIR ?? "data");
}

/** SQLite file path from DATABASE_URL (`file:data/studio.db` by default). */
export function databasePath(env: Env = getEnv()): string {
  const url = env.DATABASE_URL ?? "file:data/studio.db";
  if (!url.startsWith("file:")) {
    throw new Error(`DATABASE_URL must be a SQLite file URL like file:data/studio.db, got ${url}`);
  }
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), url.slice("file:".length));
}
