// HMAC-signed download links (QT Pixel API `GET /task/:id/download-url`, `expires_in: 3600`).
// The link is a bearer capability: anyone holding it can download until `exp`, so the signature
// covers both the id and the expiry, and verification is constant-time and strict about format.

import { createHmac, timingSafeEqual } from "node:crypto";

export const DEFAULT_DOWNLOAD_TTL_SECONDS = 3600;
/** Same ceiling as S3 SigV4 presigning: a week-old leaked link should not still work. */
export const MAX_DOWNLOAD_TTL_SECONDS = 7 * 24 * 3600;

// Ids are integers today; allowing url-safe strings keeps room for UUIDs without letting a "."
// or "/" make `${id}.${exp}` ambiguous or the path traversable.
const ID_RE = /^[A-Za-z0-9_-]{1,64}$/;
// No leading zeros or signs: one expiry has exactly one spelling, so one signature.
const EXP_RE = /^(0|[1-9][0-9]{0,11})$/;
const SIG_RE = /^[A-Za-z0-9_-]{43}$/; // 32-byte SHA-256 in unpadded base64url

function mac(id: string, exp: string, secret: string): Buffer {
  return createHmac("sha256", secret).update(`${id}.${exp}`).digest();
}

export function signDownload(id: number | string, expUnixSeconds: number, secret: string): string {
  const idText = String(id);
  const expText = String(expUnixSeconds);
  if (!secret) throw new Error("signDownload: secret must not be empty");
  if (!ID_RE.test(idText)) throw new Error(`signDownload: invalid id ${JSON.stringify(idText)}`);
  if (!EXP_RE.test(expText)) throw new Error(`signDownload: invalid expiry ${expText}`);
  return mac(idText, expText, secret).toString("base64url");
}

/**
 * True only for a well-formed, unexpired link signed with `secret`. The link stays valid through
 * the whole `exp` second and fails from exp + 1 s. Never throws: anything odd is just `false`.
 */
export function verifyDownload(
  id: number | string,
  exp: number | string,
  sig: string,
  secret: string,
  now: number = Date.now(),
): boolean {
  if (typeof sig !== "string" || !secret) return false;
  const idText = String(id);
  const expText = String(exp);
  if (!ID_RE.test(idText) || !EXP_RE.test(expText) || !SIG_RE.test(sig)) return false;
  // Expiry first: cheaper than the HMAC and leaks nothing the caller does not already know.
  if (Math.floor(now / 1000) > Number(expText)) return false;
  // Compare the encoded text, not decoded bytes: the 43rd base64url character carries two
  // unused bits, so decoding would accept several spellings of one signature.
  const expected = Buffer.from(mac(idText, expText, secret).toString("base64url"));
  const given = Buffer.from(sig);
  // timingSafeEqual throws on unequal lengths; SIG_RE makes that unreachable, the check keeps
  // it true if the regex ever changes.
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export interface DownloadLink {
  download_url: string;
  expires_in: number;
}

export function buildDownloadUrl(
  baseUrl: string,
  id: number | string,
  secret: string,
  ttlSeconds: number = DEFAULT_DOWNLOAD_TTL_SECONDS,
  now: number = Date.now(),
): DownloadLink {
  if (!Number.isInteger(ttlSeconds) || ttlSeconds <= 0 || ttlSeconds > MAX_DOWNLOAD_TTL_SECONDS) {
    throw new Error(`buildDownloadUrl: ttlSeconds must be 1..${MAX_DOWNLOAD_TTL_SECONDS}`);
  }
  const exp = Math.floor(now / 1000) + ttlSeconds;
  const sig = signDownload(id, exp, secret);
  const base = baseUrl.replace(/\/+$/, "");
  return {
    download_url: `${base}/api/download/${encodeURIComponent(String(id))}?sig=${sig}&exp=${exp}`,
    expires_in: ttlSeconds,
  };
}
