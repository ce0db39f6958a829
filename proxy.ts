import { type NextRequest, NextResponse } from "next/server";
import { getToken } from "next-auth/jwt";
import { getServerSecret } from "@/lib/auth/server-secret";
import { getEnv } from "@/lib/config/env";
import { newNonce, routeFamily, securityHeaders } from "@/lib/security/headers";

const PUBLIC_PAGES = ["/sign-in", "/sign-up"];

function withHeaders(res: NextResponse, headers: Record<string, string>): NextResponse {
  for (const [k, v] of Object.entries(headers)) res.headers.set(k, v);
  return res;
}

// Every response gets the security headers (lib/security/headers.ts). Pages also need a session;
// API routes authenticate themselves (API key or session) and answer 401 in their contract's
// shape, so they are not redirected here.
export async function proxy(req: NextRequest) {
  const { pathname } = req.nextUrl;
  const family = routeFamily(pathname);
  const env = getEnv();
  const opts = { publicBaseUrl: env.PUBLIC_BASE_URL, development: env.NODE_ENV === "development" };
  if (family === "resource") return withHeaders(NextResponse.next(), securityHeaders(family, opts));

  const nonce = newNonce();
  const headers = securityHeaders("page", { ...opts, nonce });
  const isPublic = PUBLIC_PAGES.some((p) => pathname === p || pathname.startsWith(`${p}/`));
  if (!isPublic) {
    const token = await getToken({ req, secret: getServerSecret() });
    if (!token?.uid) {
      const url = req.nextUrl.clone();
      url.pathname = "/sign-in";
      url.search = `?callbackUrl=${encodeURIComponent(pathname + req.nextUrl.search)}`;
      return withHeaders(NextResponse.redirect(url), headers);
    }
  }
  // Next reads the nonce from the request's CSP and puts it on its own scripts; the layout reads
  // x-nonce for the one inline script of ours.
  const requestHeaders = new Headers(req.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", headers["Content-Security-Policy"]);
  return withHeaders(NextResponse.next({ request: { headers: requestHeaders } }), headers);
}

export const config = {
  // Next's own hashed build assets are the only thing left out (they get headers from next.config).
  matcher: ["/((?!_next/static/|_next/image).*)"],
};
