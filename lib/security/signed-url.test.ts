import { describe, expect, it } from "vitest";
import {
  buildDownloadUrl,
  MAX_DOWNLOAD_TTL_SECONDS,
  signDownload,
  verifyDownload,
} from "./signed-url";

const SECRET = "test-secret-0123456789";
const NOW = Date.UTC(2026, 0, 1, 12, 0, 0); // ms
const NOW_S = NOW / 1000;
const EXP = NOW_S + 3600;

function flipChar(s: string, i: number): string {
  const c = s[i] === "A" ? "B" : "A";
  return s.slice(0, i) + c + s.slice(i + 1);
}

describe("signDownload / verifyDownload", () => {
  const sig = signDownload(123, EXP, SECRET);

  it("is deterministic unpadded base64url of a 32-byte HMAC", () => {
    expect(sig).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(signDownload("123", EXP, SECRET)).toBe(sig);
    expect(signDownload(123, EXP, "other-secret")).not.toBe(sig);
  });

  it("accepts a valid link, with id and exp as numbers or query strings", () => {
    expect(verifyDownload(123, EXP, sig, SECRET, NOW)).toBe(true);
    expect(verifyDownload("123", String(EXP), sig, SECRET, NOW)).toBe(true);
  });

  it("refuses a tampered id, exp or secret", () => {
    expect(verifyDownload(124, EXP, sig, SECRET, NOW)).toBe(false);
    expect(verifyDownload(12, EXP, sig, SECRET, NOW)).toBe(false);
    expect(verifyDownload(123, EXP + 1, sig, SECRET, NOW)).toBe(false);
    expect(verifyDownload(123, EXP, sig, `${SECRET}x`, NOW)).toBe(false);
  });

  it("refuses every single-character change of the signature", () => {
    for (let i = 0; i < sig.length; i++) {
      expect(verifyDownload(123, EXP, flipChar(sig, i), SECRET, NOW)).toBe(false);
    }
  });

  it("is valid through the exp second and refused from exp + 1 s", () => {
    expect(verifyDownload(123, EXP, sig, SECRET, EXP * 1000)).toBe(true);
    expect(verifyDownload(123, EXP, sig, SECRET, EXP * 1000 + 999)).toBe(true);
    expect(verifyDownload(123, EXP, sig, SECRET, (EXP + 1) * 1000)).toBe(false);
    expect(verifyDownload(123, EXP, sig, SECRET, NOW + 86_400_000)).toBe(false);
  });

  it("refuses garbage without throwing", () => {
    const cases: [unknown, unknown, unknown][] = [
      [123, EXP, ""],
      [123, EXP, "not-a-signature"],
      [123, EXP, `${sig}=`],
      [123, EXP, `${sig}A`],
      [123, EXP, sig.slice(0, -1)],
      [123, EXP, sig.replace(/./, "+")], // base64 (not url) alphabet
      [123, EXP, undefined],
      [123, `0${EXP}`, sig], // alternate spelling of the same expiry
      [123, `${EXP}.0`, sig],
      [123, "-1", sig],
      [123, "abc", sig],
      [123, "", sig],
      ["", EXP, sig],
      ["1.2", EXP, sig],
      ["../123", EXP, sig],
      [123, 1e20, sig],
    ];
    for (const [id, exp, s] of cases) {
      expect(() =>
        verifyDownload(id as string, exp as string, s as string, SECRET, NOW),
      ).not.toThrow();
      expect(verifyDownload(id as string, exp as string, s as string, SECRET, NOW)).toBe(false);
    }
    expect(verifyDownload(123, EXP, sig, "", NOW)).toBe(false);
  });

  it("refuses to sign with an empty secret or a malformed id/exp", () => {
    expect(() => signDownload(1, EXP, "")).toThrow();
    expect(() => signDownload("a/b", EXP, SECRET)).toThrow();
    expect(() => signDownload(1, 1.5, SECRET)).toThrow();
  });
});

describe("buildDownloadUrl", () => {
  it("builds the contract's shape and the link verifies", () => {
    const link = buildDownloadUrl("https://studio.example.com/", 42, SECRET, undefined, NOW);
    expect(link.expires_in).toBe(3600);
    const url = new URL(link.download_url);
    expect(url.origin + url.pathname).toBe("https://studio.example.com/api/download/42");
    const sig = url.searchParams.get("sig") ?? "";
    const exp = url.searchParams.get("exp") ?? "";
    expect(Number(exp)).toBe(NOW_S + 3600);
    expect(verifyDownload("42", exp, sig, SECRET, NOW)).toBe(true);
    expect(verifyDownload("43", exp, sig, SECRET, NOW)).toBe(false);
    expect(verifyDownload("42", exp, sig, SECRET, NOW + 3601_000)).toBe(false);
  });

  it("honours a custom TTL and refuses one beyond 7 days", () => {
    expect(buildDownloadUrl("http://x", 1, SECRET, 60, NOW).expires_in).toBe(60);
    expect(() =>
      buildDownloadUrl("http://x", 1, SECRET, MAX_DOWNLOAD_TTL_SECONDS + 1, NOW),
    ).toThrow();
    expect(() => buildDownloadUrl("http://x", 1, SECRET, 0, NOW)).toThrow();
  });
});
