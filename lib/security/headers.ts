// Security headers for every response the app serves. This module only decides them, so it stays
// free of next/* and can be unit-tested. Two places apply them:
// - pages: the proxy (proxy.ts, matched to pages only), which needs a fresh nonce per request and
//   redirects to sign-in;
// - everything else (API, /static gallery files, public files, Next's build assets): constant
//   headers from next.config's headers() (`staticHeaderRules`), which Next adds from its routes
//   manifest without running the proxy, so the hot API routes pay nothing for them.
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
  if (https) headers["Strict-Transport-Security"] = HSTS;
  return headers;
}

function requireNonce(nonce: string | undefined): string {
  if (!nonce) throw new Error("a page CSP needs a nonce");
  return nonce;
}

/** One entry of next.config's headers(): the shape Next's routes manifest takes. */
export interface HeaderRule {
  source: string;
  has?: { type: "header"; key: string; value: string }[];
  headers: { key: string; value: string }[];
}

/**
 * Sources of the resource family in next.config's path syntax: the JSON APIs, gallery files and
 * any other file with an extension (public icons, manifest). Together with Next's build assets
 * (BUILD_ASSET_SOURCE) and proxy.ts's matcher (pages: everything else) they cover every path.
 */
export const RESOURCE_SOURCES = [
  "/api/:path*",
  "/static/:path*",
  "/:file((?!_next/).*\\.[A-Za-z0-9]+)",
];

/** Next's hashed scripts and styles: no CSP of their own (a Web Worker script would inherit it). */
export const BUILD_ASSET_SOURCE = "/_next/static/:path*";

export const HSTS = "max-age=31536000; includeSubDomains";

/**
 * The constant headers of the resource family. The routes manifest is fixed at build time, so
 * PUBLIC_BASE_URL (read at run time) cannot switch HSTS on for these; they send it when the
 * request reached the TLS terminator over https (X-Forwarded-Proto, which the README's reverse
 * proxy sets; `next start` itself never serves https). A browser honours HSTS only over https,
 * so that is exactly when it matters; pages add it from PUBLIC_BASE_URL as well.
 */
export function staticHeaderRules(): HeaderRule[] {
  const constant = Object.entries(securityHeaders("resource")).map(([key, value]) => ({
    key,
    value,
  }));
  const hsts = (source: string): HeaderRule => ({
    source,
    has: [{ type: "header", key: "x-forwarded-proto", value: "https" }],
    headers: [{ key: "Strict-Transport-Security", value: HSTS }],
  });
  return [
    ...RESOURCE_SOURCES.flatMap((source) => [{ source, headers: constant }, hsts(source)]),
    {
      source: BUILD_ASSET_SOURCE,
      headers: constant.filter((h) => h.key !== "Content-Security-Policy"),
    },
    hsts(BUILD_ASSET_SOURCE),
  ];
}

/** 128 random bits, base64, as the CSP nonce grammar allows. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
