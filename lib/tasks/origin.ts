import type { NextRequest } from "next/server";

/** Absolute origin for links we hand out: PUBLIC_BASE_URL when set, else the request's own. */
export function publicOrigin(req: NextRequest, env = process.env): string {
  if (env.PUBLIC_BASE_URL) return env.PUBLIC_BASE_URL.replace(/\/+$/, "");
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host");
  const proto = req.headers.get("x-forwarded-proto") ?? req.nextUrl.protocol.replace(":", "");
  return host ? `${proto}://${host}` : req.nextUrl.origin;
}
