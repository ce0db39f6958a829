import { type NextRequest, NextResponse } from "next/server";
import { getToken } from "next-auth/jwt";
import { getServerSecret } from "@/lib/auth/server-secret";

const PUBLIC_PAGES = ["/sign-in", "/sign-up"];

// Pages need a session; API routes authenticate themselves (API key or session) and answer
// 401 in their contract's shape, so they are not redirected here.
export async function proxy(req: NextRequest) {
  const { pathname } = req.nextUrl;
  if (PUBLIC_PAGES.some((p) => pathname === p || pathname.startsWith(`${p}/`))) {
    return NextResponse.next();
  }
  const token = await getToken({ req, secret: getServerSecret() });
  if (token?.uid) return NextResponse.next();
  const url = req.nextUrl.clone();
  url.pathname = "/sign-in";
  url.search = `?callbackUrl=${encodeURIComponent(pathname + req.nextUrl.search)}`;
  return NextResponse.redirect(url);
}

export const config = {
  matcher: ["/((?!api/|static/|_next/|favicon.ico|robots.txt|.*\\.(?:png|svg|ico|gif|webp)$).*)"],
};
