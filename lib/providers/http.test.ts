import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closestSize, parseRetryAfter, requestJson, resolveSize } from "./http";
import type { AdapterContext } from "./types";

describe("parseRetryAfter", () => {
  it("reads delta-seconds and HTTP-dates", () => {
    const now = Date.parse("2026-01-01T00:00:00Z");
    expect(parseRetryAfter("3", now)).toBe(3000);
    expect(parseRetryAfter("0", now)).toBe(0);
    expect(parseRetryAfter("Thu, 01 Jan 2026 00:00:05 GMT", now)).toBe(5000);
    expect(parseRetryAfter("Wed, 31 Dec 2025 23:59:00 GMT", now)).toBe(0);
    expect(parseRetryAfter("soon", now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});

describe("sizes", () => {
  it("resolveSize: exact size wins, then level/aspect, then defaults", () => {
    const spec = { resolutions: { "1K": { "1:1": "1024*1024", "16:9": "1280*720" } } };
    expect(resolveSize(spec, { width: 64, height: 32 })).toEqual({ width: 64, height: 32 });
    expect(resolveSize(spec, { resolution: "1k", aspectRatio: "16:9" })).toEqual({
      width: 1280,
      height: 720,
    });
    expect(resolveSize(spec, { aspectRatio: "7:3" })).toEqual({ width: 1024, height: 1024 });
  });
  it("closestSize prefers the nearest aspect ratio", () => {
    expect(closestSize(["1024*1024", "1536*1024", "1024*1536"], 1920, 1080)).toBe("1536*1024");
    expect(closestSize(["1024*1024", "1536*1024", "1024*1536"], 500, 510)).toBe("1024*1024");
  });
});

describe("requestJson against a real socket", () => {
  let server: http.Server;
  let base: string;
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      if (req.url === "/html") {
        res.writeHead(502, { "content-type": "text/html" });
        return res.end("<html>Bad Gateway</html>");
      }
      if (req.url === "/402") {
        res.writeHead(402, { "content-type": "application/json" });
        return res.end('{"message":"Payment required"}');
      }
      if (req.url === "/reset") return req.socket.destroy();
      res.writeHead(200, { "content-type": "application/json" });
      res.end("");
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));
  const ctx = (): AdapterContext => ({
    config: { baseUrl: base, extra: {}, timeoutMs: 1000 },
    signal: new AbortController().signal,
    fetch,
  });

  it("maps a non-JSON 502 to server, 402 to quota, empty 200 to malformed, reset to network", async () => {
    await expect(requestJson(ctx(), "t", `${base}/html`)).rejects.toMatchObject({
      kind: "server",
      status: 502,
    });
    await expect(requestJson(ctx(), "t", `${base}/402`)).rejects.toMatchObject({ kind: "quota" });
    await expect(requestJson(ctx(), "t", `${base}/empty`)).rejects.toMatchObject({
      kind: "malformed",
    });
    await expect(requestJson(ctx(), "t", `${base}/reset`)).rejects.toMatchObject({
      kind: "network",
    });
  });
});
