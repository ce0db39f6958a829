import type { NextRequest } from "next/server";
import { type Env, getEnv } from "@/lib/config/env";

/** The admin-configured public origin (PUBLIC_BASE_URL), without a trailing slash. */
function configuredOrigin(env: Env): string | undefined {
  return env.PUBLIC_BASE_URL;
}

/** Absolute origin for links we hand out: PUBLIC_BASE_URL when set, else the request's own. */
export function publicOrigin(req: NextRequest, env: Env = getEnv()): string {
  const configured = configuredOrigin(env);
  if (configured) return configured;
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host");
  const proto = req.headers.get("x-forwarded-proto") ?? req.nextUrl.protocol.replace(":", "");
  return host ? `${proto}://${host}` : req.nextUrl.origin;
}

/** For links made outside a request (e-mails from the worker): PUBLIC_BASE_URL or this server. */
export function backgroundOrigin(env: Env = getEnv()): string {
  return configuredOrigin(env) ?? `http://localhost:${env.PORT ?? 3000}`;
}
