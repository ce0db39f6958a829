// Token buckets in PostgreSQL (the database is PostgreSQL and REDIS_URL is unset), shared by
// every web process. One INSERT … ON CONFLICT DO UPDATE per request: the conflicting row is
// locked for the update, so concurrent requests for one key are applied one after the other,
// and the time is the database server's (clock_timestamp()), not each machine's.
import { BackendUnavailableError, unavailableBackend } from "@/lib/ops/availability";
import {
  bucketAnswer,
  checkLimiterOptions,
  type RateLimiterOptions,
  type SharedRateLimiter,
} from "./rate-limit";

/** What this module needs of a pg Pool (also satisfied by a pg Client). */
export interface PgQueryable {
  query(text: string, values: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
}

// $1 key, $2 limit, $3 windowMs, $4 n. `taken` records whether this request got its tokens;
// RETURNING shows the row after the update, which is what the caller needs. The refill
// expression appears twice because SET expressions cannot refer to each other.
//
// The statement commits without waiting for its WAL flush (synchronous_commit off for this
// transaction only, set by set_config(…, true) inside it). A key's row stays locked until its
// transaction ends, and with a synchronous commit that included the flush (1–5 ms on this kind
// of disk), so every request of one key queued behind the previous one's flush: one key could
// never take more than one token per flush (measured 630–910/s, 5,560/s without the wait). What
// an asynchronous commit risks is the last few takes of a PostgreSQL crash (not of a web
// process): a bucket a little fuller than it should be. Every write that follows the take (the
// task row) still commits synchronously, and its flush covers the take's WAL too. So TAKE must
// run as its own transaction (a pool query), never inside one that writes something durable.
const TAKE = `
WITH p AS (
  SELECT $1::text AS key, $2::float8 AS lim, $3::float8 AS win, $4::float8 AS n,
         extract(epoch FROM clock_timestamp())::float8 * 1000 AS now,
         set_config('synchronous_commit', 'off', true) AS no_flush_wait
)
INSERT INTO rate_limit_buckets AS b (key, tokens, updated_ms, taken)
SELECT key, CASE WHEN n <= lim THEN lim - n ELSE lim END, now, n <= lim FROM p
ON CONFLICT (key) DO UPDATE SET
  taken = (SELECT n <= lim AND least(lim, b.tokens + greatest(0, now - b.updated_ms) * lim / win) >= n FROM p),
  tokens = (SELECT least(lim, b.tokens + greatest(0, now - b.updated_ms) * lim / win)
    - CASE WHEN n <= lim AND least(lim, b.tokens + greatest(0, now - b.updated_ms) * lim / win) >= n
      THEN n ELSE 0 END FROM p),
  updated_ms = (SELECT greatest(b.updated_ms, now) FROM p)
RETURNING taken, tokens`;

// Idle buckets are full again, i.e. the same as none: deleting them changes no answer.
const SWEEP = `DELETE FROM rate_limit_buckets
  WHERE key LIKE $1 AND updated_ms < extract(epoch FROM clock_timestamp()) * 1000 - $2::float8`;
const SWEEP_EVERY = 1000;

export function postgresLimiter(
  db: PgQueryable,
  name: string,
  options: RateLimiterOptions,
): SharedRateLimiter {
  const bucket = (key: string) => `${name}:${key}`;
  let sinceSweep = 0;
  const wrap = (error: unknown) =>
    unavailableBackend(error) ? new BackendUnavailableError("database", error) : error;
  return {
    backend: "postgres",
    async consume(key, n = 1) {
      checkLimiterOptions(options, n);
      try {
        const { rows } = await db.query(TAKE, [bucket(key), options.limit, options.windowMs, n]);
        if (++sinceSweep >= SWEEP_EVERY) {
          sinceSweep = 0;
          await db.query(SWEEP, [`${name}:%`, options.windowMs]);
        }
        const row = rows[0] as { taken: boolean; tokens: number | string };
        return bucketAnswer(row.taken, Number(row.tokens), n, options);
      } catch (error) {
        throw wrap(error);
      }
    },
    async reset(key) {
      await db.query("DELETE FROM rate_limit_buckets WHERE key = $1", [bucket(key)]).catch((e) => {
        throw wrap(e);
      });
    },
  };
}
