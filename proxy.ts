import { type NextRequest, NextResponse } from "next/server";
import { getToken } from "next-auth/jwt";
import { getServerSecret } from "@/lib/auth/server-secret";
import { getEnv } from "@/lib/config/env";
import { newNonce, securityHeaders } from "@/lib/security/headers";

const PUBLIC_PAGES = ["/sign-in", "/sign-up"];

function withHeaders(res: NextResponse, headers: Record<string, string>): NextResponse {
  for (const [k, v] of Object.entries(headers)) res.headers.set(k, v);
  return res;
}

// Pages only (see the matcher): a per-request CSP nonce and the sign-in redirect. API routes,
// gallery and public files get their constant headers from next.config (lib/security/headers.ts)
// without paying for a proxy pass; API routes authenticate themselves and answer 401 in their
// contract's shape.
export async function proxy(req: NextRequest) {
  const { pathname } = req.nextUrl;
  const env = getEnv();
  const opts = { publicBaseUrl: env.PUBLIC_BASE_URL, development: env.NODE_ENV === "development" };
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
  // Pages: everything but /api, /static, Next's own assets and files with an extension, the same
  // split as routeFamily() in lib/security/headers.ts (its test checks the two agree).
  matcher: ["/((?!api/|static/|_next/)(?!.*\\.[A-Za-z0-9]+$).*)"],
};
