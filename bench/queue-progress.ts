import { and, count, eq } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { tasks } from "@/lib/db/schema";

/** Waits until `expected` tasks of the user are finished; reads the server's database. */
export async function tasksOfUserDone(userId: number, expected: number, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const db = await getDb();
    const rows = await db
      .select({ status: tasks.status, n: count() })
      .from(tasks)
      .where(and(eq(tasks.userId, userId)))
      .groupBy(tasks.status);
    const of = (s: string) => rows.find((r) => r.status === s)?.n ?? 0;
    const completed = of("completed");
    const failed = of("failed");
    if (completed + failed >= expected || Date.now() > deadline) return { completed, failed };
    await new Promise((r) => setTimeout(r, 100));
  }
}
