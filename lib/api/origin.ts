import { type Env, getEnv } from "@/lib/config/env";
import { configuredOrigin } from "@/lib/tasks/origin";

/**
 * Absolute origin for links we hand out in an answer: PUBLIC_BASE_URL when set, else the
 * request's own (behind a proxy, its X-Forwarded-Host/-Proto).
 */
export function publicOrigin(req: Request, env: Env = getEnv()): string {
  const configured = configuredOrigin(env);
  if (configured) return configured;
  const url = new URL(req.url);
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host");
  const proto = req.headers.get("x-forwarded-proto") ?? url.protocol.replace(":", "");
  return host ? `${proto}://${host}` : url.origin;
}
