import { describe, expect, it } from "vitest";
import { newNonce, pageCsp, routeFamily, securityHeaders } from "./headers";

describe("routeFamily", () => {
  it("tells pages from API, gallery files and public files", () => {
    for (const p of ["/", "/gallery", "/gallery/12", "/batches/3", "/sign-in", "/docs"])
      expect(routeFamily(p), p).toBe("page");
    for (const p of [
      "/api/v1/tasks",
      "/api/download/3",
      "/static/gallery/3.png",
      "/favicon.ico",
      "/manifest.webmanifest",
      "/icons/icon-192.png",
    ])
      expect(routeFamily(p), p).toBe("resource");
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
