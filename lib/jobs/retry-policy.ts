// Exponential backoff with full jitter (AWS architecture blog's recommendation): spreads retries of
// many tasks hitting the same upstream instead of synchronising them.
export const MAX_ATTEMPTS = Number(process.env.TASK_MAX_ATTEMPTS ?? 4);
const BASE_MS = Number(process.env.TASK_RETRY_BASE_MS ?? 2000);
const CAP_MS = 60_000;

export function backoffDelayMs(
  attempt: number,
  retryAfterMs?: number,
  random = Math.random,
): number {
  const exp = Math.min(CAP_MS, BASE_MS * 2 ** Math.max(0, attempt - 1));
  const jittered = Math.round(random() * exp);
  // An upstream's Retry-After is a floor: retrying earlier only earns another 429.
  return Math.max(jittered, retryAfterMs ?? 0);
}
