// Token-bucket rate limits. The in-memory limiter below serves one process (the embedded
// default); SharedRateLimiter is the async shape every backend offers (memory, Redis in
// rate-limit-redis.ts, PostgreSQL in rate-limit-postgres.ts), all with the same arithmetic.
//
// Token bucket rather than a sliding log: O(1) memory per key whatever the limit, and it gives
// `limit` per `windowMs` on average while allowing a burst of up to `limit` — which is what a
// batch submit needs. A key whose bucket has refilled is indistinguishable from a new key, so
// idle keys can be dropped without changing any answer; that is what keeps memory bounded.

export interface RateLimiterOptions {
  /** Bucket size: most units allowed back to back, and per window on average. */
  limit: number;
  /** Time to refill an empty bucket completely. */
  windowMs: number;
  /** Hard cap on tracked keys; default 10,000. See `consume` for what happens past it. */
  maxKeys?: number;
}

export type ConsumeResult =
  | { ok: true; remaining: number }
  | { ok: false; retryAfterSeconds: number };

export interface RateLimiter {
  /**
   * Takes `n` units for `key` (a batch of 4 takes 4) or none at all. On refusal,
   * `retryAfterSeconds` (≥ 1, ready for a Retry-After header) is when `n` units will be there;
   * for `n > limit` that never happens, so it is the full window and the caller should treat
   * the request as too big rather than retry it.
   */
  consume(key: string, n?: number, now?: number): ConsumeResult;
  /** Forget a key, e.g. after a successful login. */
  reset(key: string): void;
  /** Number of keys currently tracked (for tests and metrics). */
  size(): number;
}

interface Bucket {
  tokens: number;
  updatedAt: number;
}

const SWEEP_EVERY = 1000;

export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const { limit, windowMs } = options;
  const maxKeys = options.maxKeys ?? 10_000;
  if (!(Number.isFinite(limit) && limit > 0)) throw new Error("rate limit: limit must be > 0");
  if (!(Number.isFinite(windowMs) && windowMs > 0)) {
    throw new Error("rate limit: windowMs must be > 0");
  }
  if (!(Number.isInteger(maxKeys) && maxKeys > 0)) {
    throw new Error("rate limit: maxKeys must be a positive integer");
  }
  const ratePerMs = limit / windowMs;
  // Map iteration order is insertion order; re-inserting on every touch makes it LRU order.
  const buckets = new Map<string, Bucket>();
  let sinceSweep = 0;

  const refill = (b: Bucket, now: number) => {
    // max(0, …): a clock stepping backwards must not drain or overfill a bucket.
    const elapsed = Math.max(0, now - b.updatedAt);
    b.tokens = Math.min(limit, b.tokens + elapsed * ratePerMs);
    b.updatedAt = Math.max(b.updatedAt, now);
  };

  const sweepIdle = (now: number) => {
    for (const [key, b] of buckets) {
      if (now - b.updatedAt >= windowMs) buckets.delete(key);
    }
  };

  return {
    consume(key, n = 1, now = Date.now()) {
      if (!(Number.isFinite(n) && n > 0)) throw new Error("rate limit: n must be > 0");
      let b = buckets.get(key);
      if (b) {
        buckets.delete(key);
        refill(b, now);
      } else {
        b = { tokens: limit, updatedAt: now };
      }
      buckets.set(key, b);
      if (++sinceSweep >= SWEEP_EVERY) {
        sinceSweep = 0;
        sweepIdle(now);
      }
      if (buckets.size > maxKeys) {
        // Over the cap even after sweeping: drop the least recently used key (first in the Map),
        // O(1). That client gets a fresh bucket, i.e. under a flood of distinct keys the
        // limiter errs towards allowing, never towards running out of memory.
        const oldest = buckets.keys().next().value;
        if (oldest !== undefined) buckets.delete(oldest);
      }

      if (n > limit)
        return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(windowMs / 1000)) };
      if (b.tokens >= n) {
        b.tokens -= n;
        return { ok: true, remaining: Math.floor(b.tokens) };
      }
      const waitMs = (n - b.tokens) / ratePerMs;
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
    },
    reset(key) {
      buckets.delete(key);
    },
    size() {
      return buckets.size;
    },
  };
}

/**
 * The async limiter the application uses, whatever the backend. Same contract as
 * `RateLimiter.consume`; shared backends take the time from their server, so web processes on
 * machines with skewed clocks still agree.
 */
export interface SharedRateLimiter {
  readonly backend: "memory" | "redis" | "postgres";
  consume(key: string, n?: number): Promise<ConsumeResult>;
  reset(key: string): Promise<void>;
}

export function memoryLimiter(options: RateLimiterOptions): SharedRateLimiter {
  const local = createRateLimiter(options);
  return {
    backend: "memory",
    consume: async (key, n = 1) => local.consume(key, n),
    reset: async (key) => local.reset(key),
  };
}

/** The answer of a bucket holding `tokens` after a request for `n` (shared by every backend). */
export function bucketAnswer(
  ok: boolean,
  tokens: number,
  n: number,
  options: RateLimiterOptions,
): ConsumeResult {
  if (ok) return { ok: true, remaining: Math.floor(tokens) };
  if (n > options.limit) {
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(options.windowMs / 1000)) };
  }
  const waitMs = (n - tokens) / (options.limit / options.windowMs);
  return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
}

export function checkLimiterOptions(options: RateLimiterOptions, n: number): void {
  if (!(Number.isFinite(options.limit) && options.limit > 0)) {
    throw new Error("rate limit: limit must be > 0");
  }
  if (!(Number.isFinite(options.windowMs) && options.windowMs > 0)) {
    throw new Error("rate limit: windowMs must be > 0");
  }
  if (!(Number.isFinite(n) && n > 0)) throw new Error("rate limit: n must be > 0");
}
