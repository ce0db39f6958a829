// When the web process last answered an API request. The worker that runs inside the web
// process reads it to keep CPU-bound work (the offline engine draws synchronously, on the same
// event loop as the routes) from starving the API: see Worker's yieldToRequests.
const state = globalThis as unknown as { __pixelLastRequestAt?: number };

export function noteRequest(now = Date.now()): void {
  state.__pixelLastRequestAt = now;
}

export function msSinceLastRequest(now = Date.now()): number {
  return state.__pixelLastRequestAt === undefined ? Infinity : now - state.__pixelLastRequestAt;
}
