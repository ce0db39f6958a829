import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";
import { renderError } from "@/lib/api/errors";
import { resetEnvCache } from "@/lib/config/env";
import { UnauthenticatedError } from "@/lib/errors";
import { isWarmUpRequest, WARM_UP_HEADER, warmUp } from "./warm-up";

const headersOf = (h: Record<string, string>) => new Headers(h);

describe("warm-up requests", () => {
  afterEach(() => {
    vi.restoreAllMocks();
    resetEnvCache();
  });

  it("carry this process's token, which nothing else can guess", async () => {
    const seen: http.IncomingHttpHeaders[] = [];
    const server = http.createServer((req, res) => {
      seen.push(req.headers);
      res.statusCode = 401;
      res.end("{}");
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const port = (server.address() as AddressInfo).port;
    vi.stubEnv("PORT", String(port));
    vi.stubEnv("HOST", "127.0.0.1");
    resetEnvCache();
    try {
      await warmUp(() => undefined);
    } finally {
      server.close();
      vi.unstubAllEnvs();
    }
    expect(seen.length).toBeGreaterThan(5);
    for (const h of seen) {
      const token = h[WARM_UP_HEADER] as string;
      expect(isWarmUpRequest(headersOf({ [WARM_UP_HEADER]: token }))).toBe(true);
    }
    const token = seen[0][WARM_UP_HEADER] as string;
    const forged = token.replace(/^./, (c) => (c === "0" ? "1" : "0"));
    expect(isWarmUpRequest(headersOf({ [WARM_UP_HEADER]: forged }))).toBe(false);
    expect(isWarmUpRequest(headersOf({ [WARM_UP_HEADER]: "x" }))).toBe(false);
    expect(isWarmUpRequest(headersOf({}))).toBe(false);
  });

  it("are answered without logging their 4xx; a 5xx is still logged", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const error = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const quiet = renderError("pixel", new UnauthenticatedError("no key"), "r1", { quiet: true });
    expect(quiet.status).toBe(401);
    expect(warn).not.toHaveBeenCalled();
    renderError("pixel", new UnauthenticatedError("no key"), "r2");
    expect(warn).toHaveBeenCalledTimes(1);
    renderError("pixel", new Error("boom"), "r3", { quiet: true });
    expect(error).toHaveBeenCalledTimes(1);
  });
});
