import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { authenticate } from "@/lib/auth/accounts";
import { getServerSecret } from "@/lib/auth/server-secret";

declare module "next-auth" {
  interface Session {
    user: { id: number; email: string; name?: string | null; role: "admin" | "user" };
  }
  interface User {
    role?: "admin" | "user";
  }
}
declare module "next-auth/jwt" {
  interface JWT {
    uid?: number;
    role?: "admin" | "user";
  }
}

// A self-hosted studio is reached under whatever host the admin gives it; trust the Host header
// unless NEXTAUTH_URL pins the public origin.
process.env.AUTH_TRUST_HOST ??= "true";

export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

export function authOptions(): NextAuthOptions {
  return {
    secret: getServerSecret(),
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/sign-in" },
    providers: [
      CredentialsProvider({
        name: "Email",
        credentials: {
          email: { label: "Email", type: "email" },
          password: { label: "Password", type: "password" },
        },
        async authorize(credentials) {
          if (!credentials?.email || !credentials.password) return null;
          const user = await authenticate(credentials.email, credentials.password);
          if (!user) return null;
          return { id: String(user.id), email: user.email, name: user.name, role: user.role };
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          token.uid = Number(user.id);
          token.role = user.role;
        }
        return token;
      },
      session({ session, token }) {
        session.user = {
          id: token.uid ?? 0,
          email: token.email ?? "",
          name: token.name,
          role: token.role ?? "user",
        };
        return session;
      },
    },
  };
}
