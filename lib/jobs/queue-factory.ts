// This process's queue engine, chosen by DATABASE_URL. Kept apart from the interface
// (task-queue.ts) so the engines can import the interface without importing each other.
import { DIALECT } from "@/lib/db/schema";
import type { TaskQueue } from "./task-queue";

const globalForQueue = globalThis as unknown as { __pixelTaskQueue?: Promise<TaskQueue> };

/** This process's queue, for the database DATABASE_URL selects. */
export function getTaskQueue(): Promise<TaskQueue> {
  globalForQueue.__pixelTaskQueue ??= (
    DIALECT === "postgres"
      ? import("./pg-boss-queue").then((m) => m.createPgBossQueue())
      : import("./sqlite-queue").then((m) => m.createSqliteQueue())
  ).catch((error) => {
    // Not reachable now (database down at start): the next call tries again.
    globalForQueue.__pixelTaskQueue = undefined;
    throw error;
  });
  return globalForQueue.__pixelTaskQueue;
}

export async function closeTaskQueue(): Promise<void> {
  const queue = globalForQueue.__pixelTaskQueue;
  globalForQueue.__pixelTaskQueue = undefined;
  await (await queue)?.close();
}
