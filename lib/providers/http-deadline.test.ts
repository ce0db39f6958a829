// The per-call deadline under garbage collection. The old deadline was
// `AbortSignal.any([cancel, AbortSignal.timeout(ms)])`; Node keeps that timeout signal alive only
// weakly (nodejs/node#57736), so a GC during the call silently removed the deadline — the cause
// of the 3-in-24 hung calls the independent check saw. These run with a GC every 20 ms.
import http from "node:http";
import type { AddressInfo } from "node:net";
import v8 from "node:v8";
import vm from "node:vm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ProviderError } from "./errors";
import { downloadOutput, requestJson, withDeadline } from "./http";
import type { AdapterContext } from "./types";

v8.setFlagsFromString("--expose-gc");
const gc = vm.runInNewContext("gc") as () => void;

let server: http.Server;
let base = "";
beforeAll(async () => {
  server = http.createServer((req, res) => {
    if (req.url === "/stall") {
      res.writeHead(200, { "content-type": "application/json" });
      res.flushHeaders();
    } else if (req.url === "/trickle") {
      res.writeHead(200, { "content-type": "application/json" });
      res.write("{");
      const t = setInterval(() => res.write(" "), 20);
      res.on("close", () => clearInterval(t));
    }
    // "/hang": accept and never answer
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

const ctx = (signal = new AbortController().signal): AdapterContext => ({
  config: { baseUrl: base, extra: {}, timeoutMs: 300 },
  signal,
  fetch,
});

async function timed(run: () => Promise<unknown>): Promise<[unknown, number]> {
  const t0 = Date.now();
  try {
    await run();
    return [undefined, Date.now() - t0];
  } catch (e) {
    return [e, Date.now() - t0];
  }
}

describe("per-call deadline", () => {
  it("ends a hung, a stalled and a trickling call at the deadline while GC runs", async () => {
    const collector = setInterval(gc, 20);
    try {
      const results = await Promise.all(
        ["/hang", "/stall", "/trickle"].map((path) =>
          timed(() => requestJson(ctx(), "test", base + path)),
        ),
      );
      for (const [err, ms] of results) {
        expect(err).toBeInstanceOf(ProviderError);
        expect((err as ProviderError).kind).toBe("timeout");
        expect((err as ProviderError).message).toContain("300 ms");
        expect(ms).toBeGreaterThanOrEqual(290);
        expect(ms).toBeLessThan(1000);
      }
      const [err, ms] = await timed(() => downloadOutput(ctx(), "test", `${base}/trickle`));
      expect((err as ProviderError).kind).toBe("timeout");
      expect(ms).toBeLessThan(1000);
    } finally {
      clearInterval(collector);
    }
  });

  it("holds even when the fetch implementation ignores its signal", async () => {
    const deaf = { ...ctx(), fetch: (() => new Promise(() => {})) as typeof fetch };
    const [err, ms] = await timed(() => requestJson(deaf, "test", `${base}/hang`));
    expect((err as ProviderError).kind).toBe("timeout");
    expect(ms).toBeLessThan(1000);
  });

  it("hands back the caller's cancellation, not a timeout", async () => {
    const ac = new AbortController();
    setTimeout(() => ac.abort(new DOMException("stop", "AbortError")), 50);
    const [err, ms] = await timed(() => requestJson(ctx(ac.signal), "test", `${base}/hang`));
    expect(err).not.toBeInstanceOf(ProviderError);
    expect((err as Error).name).toBe("AbortError");
    expect(ms).toBeLessThan(250);
  });

  it("withDeadline frees its timer: finished work leaves nothing pending", async () => {
    const r = await withDeadline(ctx(), async () => 42, 10_000);
    expect(r).toBe(42);
  });
});
