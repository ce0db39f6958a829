import { getSqlite } from "@/lib/db/client";

/** Waits until `expected` tasks of the user are finished; reads the same SQLite file. */
export async function tasksOfUserDone(userId: number, expected: number, timeoutMs: number) {
  const stmt = getSqlite().prepare(
    "SELECT sum(status = 'completed') AS completed, sum(status = 'failed') AS failed FROM tasks WHERE user_id = ?",
  );
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const row = stmt.get(userId) as { completed: number | null; failed: number | null };
    const completed = row.completed ?? 0;
    const failed = row.failed ?? 0;
    if (completed + failed >= expected || Date.now() > deadline) return { completed, failed };
    await new Promise((r) => setTimeout(r, 50));
  }
}
