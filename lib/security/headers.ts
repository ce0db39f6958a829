// Security headers for every response the app serves. The proxy (proxy.ts) applies them; this
// module only decides them, so it stays free of next/* and can be unit-tested.
//
// Pages get a nonce-based CSP as Next 16's guide describes (node_modules/next/dist/docs/01-app/
// 02-guides/content-security-policy.md): "Next.js parses the Content-Security-Policy header [of
// the request] and extracts the nonce using the 'nonce-{value}' pattern" and attaches it to its
// framework scripts, bundles and inline scripts; "'unsafe-eval' is required [only] in development
// because React uses eval to provide enhanced debugging information".

export type RouteFamily = "page" | "resource";

export interface HeaderOptions {
  /** Fresh per request; required for pages. */
  nonce?: string;
  /** PUBLIC_BASE_URL: HSTS and upgrade-insecure-requests only when it is https. */
  publicBaseUrl?: string;
  development?: boolean;
}

/** Pages are everything outside /api, /static and files with an extension (favicon, manifest). */
export function routeFamily(pathname: string): RouteFamily {
  if (pathname.startsWith("/api/") || pathname.startsWith("/static/")) return "resource";
  if (/\/[^/]*\.[a-z0-9]+$/i.test(pathname)) return "resource";
  return "page";
}

export function pageCsp(nonce: string, { development = false, https = false } = {}): string {
  return [
    "default-src 'self'",
    // 'strict-dynamic': chunks that Next's nonced scripts load are trusted too.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    // Stylesheets and <style> need the nonce; style="" attributes (React's aspect-ratio and
    // frame visibility on server-rendered markup) cannot carry one, so only attributes are inline.
    `style-src 'self' 'nonce-${nonce}'`,
    "style-src-attr 'unsafe-inline'",
    // Checkerboards and icons are data: URLs; previews of generated files may be blob: URLs.
    "img-src 'self' blob: data:",
    "media-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** JSON, images and downloads never run anything: nothing may load from them, nobody may frame them. */
export const RESOURCE_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";

export const PERMISSIONS_POLICY =
  "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), hid=(), browsing-topics=()";

export function isHttps(publicBaseUrl: string | undefined): boolean {
  return !!publicBaseUrl && /^https:\/\//i.test(publicBaseUrl.trim());
}

export function securityHeaders(
  family: RouteFamily,
  opts: HeaderOptions = {},
): Record<string, string> {
  const https = isHttps(opts.publicBaseUrl);
  const headers: Record<string, string> = {
    "Content-Security-Policy":
      family === "page"
        ? pageCsp(requireNonce(opts.nonce), { development: opts.development, https })
        : RESOURCE_CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": PERMISSIONS_POLICY,
  };
  // Only over https: a browser ignores HSTS on http, and a wrong one locks a host out for a year.
  if (https) headers["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains";
  return headers;
}

function requireNonce(nonce: string | undefined): string {
  if (!nonce) throw new Error("a page CSP needs a nonce");
  return nonce;
}

/** 128 random bits, base64, as the CSP nonce grammar allows. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
