import { type Env, getEnv } from "@/lib/config/env";

/** The admin-configured public origin (PUBLIC_BASE_URL), without a trailing slash. */
export function configuredOrigin(env: Env = getEnv()): string | undefined {
  return env.PUBLIC_BASE_URL;
}

/** For links made outside a request (e-mails from the worker): PUBLIC_BASE_URL or this server. */
export function backgroundOrigin(env: Env = getEnv()): string {
  return configuredOrigin(env) ?? `http://localhost:${env.PORT ?? 3000}`;
}
