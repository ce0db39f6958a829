// Token buckets in PostgreSQL (the database is PostgreSQL and REDIS_URL is unset), shared by
// every web process. A take locks its key's row, so concurrent requests for one key are applied
// one after the other, and the time is the database server's (clock_timestamp()), not each
// machine's. The takes one process asks for in one turn of its event loop share a round trip
// (pixel_rate_limit_take, drizzle/postgres migration 0013); a take alone is the one statement
// below.
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

// The takes of one turn, in the order they were asked for: per key, applied one after the other
// with TAKE's arithmetic, each key's row written once. Its own transaction, committed without the
// flush wait as TAKE's (the function sets it).
const TAKE_GROUP =
  "SELECT taken, tokens FROM pixel_rate_limit_take($1::text[], $2::float8[], $3::float8, $4::float8)";

/** At most this many takes share one statement (a bound on how long it holds its rows). */
const GROUP_MAX = 64;

interface Waiting {
  key: string;
  n: number;
  resolve(answer: { taken: boolean; tokens: number }): void;
  reject(error: unknown): void;
}

export function postgresLimiter(
  db: PgQueryable,
  name: string,
  options: RateLimiterOptions,
): SharedRateLimiter {
  const bucket = (key: string) => `${name}:${key}`;
  let sinceSweep = 0;
  const wrap = (error: unknown) =>
    unavailableBackend(error) ? new BackendUnavailableError("database", error) : error;

  const takeAlone = async (key: string, n: number) => {
    const { rows } = await db.query(TAKE, [key, options.limit, options.windowMs, n]);
    const row = rows[0] as { taken: boolean; tokens: number | string };
    return { taken: row.taken, tokens: Number(row.tokens) };
  };

  // Takes are gathered until the end of the turn (setImmediate), never held longer: a POST's
  // take waits for no later POST. While one group's statement runs, the next turn's takes form
  // the next group.
  const waiting: Waiting[] = [];
  const flush = async () => {
    const group = waiting.splice(0, GROUP_MAX);
    if (waiting.length > 0) setImmediate(flush);
    if (group.length === 1) {
      const [w] = group as [Waiting];
      takeAlone(w.key, w.n).then(w.resolve, w.reject);
    } else if (group.length > 1) {
      try {
        const { rows } = await db.query(TAKE_GROUP, [
          group.map((w) => w.key),
          group.map((w) => w.n),
          options.limit,
          options.windowMs,
        ]);
        const row = rows[0] as { taken: boolean[]; tokens: (number | string)[] };
        for (const [i, w] of group.entries())
          w.resolve({ taken: row.taken[i]!, tokens: Number(row.tokens[i]) });
      } catch (error) {
        // The server refused the statement (an SQLSTATE, not a lost connection): it took nothing,
        // and each take runs again alone, where its error reaches its own caller. Otherwise
        // whether it committed is unknown, and taking again could take twice: every caller gets
        // the error, as a lone take's caller would.
        const code = (error as { code?: unknown }).code;
        if (typeof code !== "string" || !/^[0-9A-Z]{5}$/.test(code) || code.startsWith("08")) {
          for (const w of group) w.reject(error);
        } else {
          for (const w of group) takeAlone(w.key, w.n).then(w.resolve, w.reject);
        }
      }
    }
    sinceSweep += group.length;
    if (sinceSweep >= SWEEP_EVERY) {
      sinceSweep = 0;
      await db
        .query(SWEEP, [`${name}:%`, options.windowMs])
        .catch((error) => console.error(`[rate-limit] sweep failed: ${error.message}`));
    }
  };

  return {
    backend: "postgres",
    async consume(key, n = 1) {
      checkLimiterOptions(options, n);
      try {
        const row = await new Promise<{ taken: boolean; tokens: number }>((resolve, reject) => {
          waiting.push({ key: bucket(key), n, resolve, reject });
          if (waiting.length === 1) setImmediate(flush);
        });
        return bucketAnswer(row.taken, row.tokens, n, options);
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
