// pg-boss's tables are part of the database's schema: migrations create them with the studio's
// own tables (lib/db/client.ts), so every process role — a web process that never enqueued, a
// worker, `npm run db:migrate` — finds the queue in place on a fresh database instead of
// answering 503 until some other process happens to start pg-boss.
import type pg from "pg";
import PgBoss from "pg-boss";
import { BOSS_SCHEMA } from "./boss-schema";

/** Creates pg-boss's schema at the installed pg-boss version unless it is there already. */
export async function ensureQueueSchema(client: pg.PoolClient): Promise<void> {
  const { rows } = await client.query<{ t: string | null }>("SELECT to_regclass($1) AS t", [
    `${BOSS_SCHEMA}.version`,
  ]);
  if (rows[0]?.t) return; // pg-boss migrates an older version itself when it starts
  // one transaction under pg-boss's own advisory lock (its plans take it)
  await client.query(PgBoss.getConstructionPlans(BOSS_SCHEMA));
}
