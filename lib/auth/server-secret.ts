import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { type Env, getEnv } from "@/lib/config/env";
import { databaseIsShared, dataDir } from "@/lib/config/paths";

let cached: string | undefined;

/**
 * The server secret signs sessions and download links. From AUTH_SECRET when set; otherwise a
 * random one is generated once and kept in data/auth-secret, so `npm start` needs no setup and
 * restarts keep everyone signed in. Not on a shared (PostgreSQL) database: each machine would
 * generate its own secret, and a session or download link signed by one process would be
 * rejected by the next, so there AUTH_SECRET is required.
 */
export function getServerSecret(env: Env = getEnv()): string {
  const fromEnv = env.AUTH_SECRET ?? env.NEXTAUTH_SECRET;
  if (fromEnv) return fromEnv;
  if (databaseIsShared(env)) {
    throw new Error(
      "AUTH_SECRET: required when DATABASE_URL is PostgreSQL — every web and worker process must sign sessions and download links with the same secret (e.g. AUTH_SECRET=$(openssl rand -base64 32))",
    );
  }
  if (cached) return cached;
  const file = path.join(dataDir(env), "auth-secret");
  try {
    cached = fs.readFileSync(file, "utf8").trim();
    if (cached) return cached;
  } catch {
    // first start: fall through and create it
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const secret = crypto.randomBytes(32).toString("base64url");
  try {
    // "wx" fails if another process won the race; then we read its secret instead.
    fs.writeFileSync(file, secret, { flag: "wx", mode: 0o600 });
    cached = secret;
  } catch {
    cached = fs.readFileSync(file, "utf8").trim();
  }
  return cached;
}
