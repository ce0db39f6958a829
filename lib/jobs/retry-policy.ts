// Exponential backoff with full jitter (AWS architecture blog's recommendation): spreads retries of
// many tasks hitting the same upstream instead of synchronising them.
import { getEnv } from "@/lib/config/env";

const CAP_MS = 60_000;

/** TASK_MAX_ATTEMPTS: attempts for retryable failures before a task fails. */
export function maxAttempts(): number {
  return getEnv().TASK_MAX_ATTEMPTS ?? 4;
}

export function backoffDelayMs(
  attempt: number,
  retryAfterMs?: number,
  random = Math.random,
): number {
  const baseMs = getEnv().TASK_RETRY_BASE_MS ?? 2000;
  const exp = Math.min(CAP_MS, baseMs * 2 ** Math.max(0, attempt - 1));
  const jittered = Math.round(random() * exp);
  // An upstream's Retry-After is a floor: retrying earlier only earns another 429.
  return Math.max(jittered, retryAfterMs ?? 0);
}
