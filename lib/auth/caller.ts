// Resolves who is calling an /api/v1 route: `Authorization: Bearer gpa_…` or the browser's
// next-auth session cookie. A presented Bearer key never falls back to the cookie.
import type { NextRequest } from "next/server";
import { getToken } from "next-auth/jwt";
import { authenticateApiKey } from "@/lib/auth/api-keys";
import { getServerSecret } from "@/lib/auth/server-secret";
import type { User } from "@/lib/db/schema";
import { getUserById } from "@/lib/db/users";
import { UnauthenticatedError } from "@/lib/errors";

export interface Caller {
  user: User;
  via: "api_key" | "session";
  keyId?: number;
}

export async function findCaller(req: NextRequest): Promise<Caller | undefined> {
  const header = req.headers.get("authorization");
  if (header) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match) return undefined;
    const found = await authenticateApiKey(match[1]);
    return found ? { user: found.user, via: "api_key", keyId: found.keyId } : undefined;
  }
  return findSessionCaller(req);
}

export async function findSessionCaller(req: NextRequest): Promise<Caller | undefined> {
  const token = await getToken({ req, secret: getServerSecret() });
  if (!token?.uid) return undefined;
  const user = await getUserById(token.uid);
  return user ? { user, via: "session" } : undefined;
}

export async function requireCaller(req: NextRequest): Promise<Caller> {
  const caller = await findCaller(req);
  if (!caller) {
    throw new UnauthenticatedError(
      req.headers.get("authorization")
        ? "The API key is malformed, unknown or revoked"
        : "Send Authorization: Bearer gpa_… or sign in",
    );
  }
  return caller;
}
