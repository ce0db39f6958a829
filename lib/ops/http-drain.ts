// The web process's HTTP server as the lifecycle sees it: which servers this process listens on
// and how many requests are in flight, learnt from Node's built-in diagnostics channel (Next.js
// owns the server object; `next start` hands it to no one). On SIGTERM the lifecycle closes the
// listeners and waits here for the in-flight requests, so a shutdown never resets a request.
import dc from "node:diagnostics_channel";
import type http from "node:http";

interface RequestStart {
  server: http.Server;
  response: http.ServerResponse;
}

const state = globalThis as unknown as {
  __pixelHttp?: { servers: Set<http.Server>; inFlight: number };
};

/** Starts counting this process's HTTP requests (idempotent). */
export function trackHttpRequests(): void {
  if (state.__pixelHttp) return;
  const tracked = { servers: new Set<http.Server>(), inFlight: 0 };
  state.__pixelHttp = tracked;
  dc.subscribe("http.server.request.start", (message) => {
    const { server, response } = message as RequestStart;
    tracked.servers.add(server);
    tracked.inFlight++;
    // "close" fires for a finished response and for one whose client went away alike
    response.once("close", () => {
      tracked.inFlight--;
    });
  });
}

export function inFlightRequests(): number {
  return state.__pixelHttp?.inFlight ?? 0;
}

/**
 * Stops accepting connections, lets the requests in flight finish (at most `graceMs`), then
 * closes what is left. Resolves with the number of requests cut off at the deadline.
 */
export async function drainHttp(graceMs: number): Promise<number> {
  const tracked = state.__pixelHttp;
  if (!tracked) return 0;
  for (const server of tracked.servers) server.close();
  const deadline = Date.now() + graceMs;
  while (tracked.inFlight > 0 && Date.now() < deadline) {
    // keep-alive connections that went idle since: close them so clients reconnect elsewhere
    for (const server of tracked.servers) server.closeIdleConnections();
    await new Promise((r) => setTimeout(r, 25));
  }
  const cut = tracked.inFlight;
  for (const server of tracked.servers) server.closeAllConnections();
  return cut;
}
