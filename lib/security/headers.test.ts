import fs from "node:fs";
import path from "node:path";
// Next's own path matcher, as it compiles next.config headers() sources and proxy matchers.
import { getPathMatch } from "next/dist/shared/lib/router/utils/path-match";
import { describe, expect, it } from "vitest";
import {
  BUILD_ASSET_SOURCE,
  newNonce,
  pageCsp,
  RESOURCE_SOURCES,
  routeFamily,
  securityHeaders,
  staticHeaderRules,
} from "./headers";

const PAGES = ["/", "/gallery", "/gallery/12", "/batches/3", "/sign-in", "/docs", "/settings/keys"];
const RESOURCES = [
  "/api/v1/tasks",
  "/api/download/3",
  "/api/v1/batch/3/animation.gif",
  "/static/gallery/3.png",
  "/favicon.ico",
  "/manifest.webmanifest",
  "/icons/icon-192.png",
];

const proxyMatcher = (() => {
  const source = fs.readFileSync(path.resolve(__dirname, "../../proxy.ts"), "utf8");
  const literal = /matcher:\s*\[\s*("(?:[^"\\]|\\.)*")\s*\]/.exec(source)?.[1];
  if (!literal) throw new Error("proxy.ts has no single-string matcher");
  return getPathMatch(JSON.parse(literal), { strict: true });
})();
const matches = (source: string, p: string) => getPathMatch(source, { strict: true })(p) !== false;

describe("routeFamily", () => {
  it("tells pages from API, gallery files and public files", () => {
    for (const p of PAGES) expect(routeFamily(p), p).toBe("page");
    for (const p of RESOURCES) expect(routeFamily(p), p).toBe("resource");
  });
});

describe("who sends the headers", () => {
  it("the proxy runs for pages only, next.config covers every other path", () => {
    for (const p of PAGES) {
      expect(proxyMatcher(p), p).not.toBe(false);
      expect(
        RESOURCE_SOURCES.some((s) => matches(s, p)),
        p,
      ).toBe(false);
    }
    for (const p of RESOURCES) {
      expect(proxyMatcher(p), p).toBe(false);
      expect(
        RESOURCE_SOURCES.some((s) => matches(s, p)),
        p,
      ).toBe(true);
    }
    // Next's build assets: neither the proxy nor the resource CSP, but nosniff.
    const asset = "/_next/static/chunks/app.js";
    expect(proxyMatcher(asset)).toBe(false);
    expect(RESOURCE_SOURCES.some((s) => matches(s, asset))).toBe(false);
    expect(matches(BUILD_ASSET_SOURCE, asset)).toBe(true);
  });

  it("next.config rules carry the resource headers, HSTS only for https requests", () => {
    const rules = staticHeaderRules();
    for (const source of RESOURCE_SOURCES) {
      const plain = rules.find((r) => r.source === source && !r.has);
      expect(Object.fromEntries(plain!.headers.map((h) => [h.key, h.value]))).toEqual(
        securityHeaders("resource"),
      );
      const https = rules.find((r) => r.source === source && r.has);
      expect(https!.has).toEqual([{ type: "header", key: "x-forwarded-proto", value: "https" }]);
      expect(https!.headers.map((h) => h.key)).toEqual(["Strict-Transport-Security"]);
    }
  });
});

describe("securityHeaders", () => {
  it("gives pages a nonce CSP without unsafe-eval in production", () => {
    const h = securityHeaders("page", { nonce: "abc=" });
    expect(h["Content-Security-Policy"]).toContain(
      "script-src 'self' 'nonce-abc=' 'strict-dynamic'",
    );
    expect(h["Content-Security-Policy"]).not.toContain("unsafe-eval");
    expect(h["Content-Security-Policy"]).toContain("frame-ancestors 'none'");
    expect(h["X-Frame-Options"]).toBe("DENY");
  });

  it("allows eval only in development (React's dev stack traces need it)", () => {
    expect(pageCsp("n", { development: true })).toContain("'unsafe-eval'");
  });

  it("adds HSTS only for an https public URL", () => {
    expect(securityHeaders("resource", {})["Strict-Transport-Security"]).toBeUndefined();
    expect(
      securityHeaders("resource", { publicBaseUrl: "http://x.example" })[
        "Strict-Transport-Security"
      ],
    ).toBeUndefined();
    expect(
      securityHeaders("resource", { publicBaseUrl: "https://x.example" })[
        "Strict-Transport-Security"
      ],
    ).toMatch(/max-age=31536000/);
  });

  it("refuses a page CSP without a nonce", () => {
    expect(() => securityHeaders("page", {})).toThrow(/nonce/);
  });

  it("makes a different 128-bit nonce each time", () => {
    const a = newNonce();
    expect(atob(a)).toHaveLength(16);
    expect(newNonce()).not.toBe(a);
  });
});
