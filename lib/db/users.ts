import { count, eq } from "drizzle-orm";
import { getDb, writeTransaction } from "./client";
import { lockUsers } from "./dialect";
import { type User, users } from "./schema";

export async function getUserById(id: number): Promise<User | undefined> {
  const [user] = await (await getDb()).select().from(users).where(eq(users.id, id)).limit(1);
  return user;
}

export async function getUserByEmail(email: string): Promise<User | undefined> {
  const [user] = await (await getDb())
    .select()
    .from(users)
    .where(eq(users.email, email.trim().toLowerCase()))
    .limit(1);
  return user;
}

export async function countUsers(): Promise<number> {
  const [row] = await (await getDb()).select({ n: count() }).from(users);
  return row?.n ?? 0;
}

export class EmailTakenError extends Error {
  constructor(email: string) {
    super(`An account with the email ${email} already exists`);
    this.name = "EmailTakenError";
  }
}

/**
 * Creates a user. The first account of a fresh install becomes admin; the count and the insert
 * share one write transaction so two simultaneous first sign-ups can't both become admin (on
 * PostgreSQL the table lock serialises them; on SQLite BEGIN IMMEDIATE does).
 */
export async function createUser(input: {
  email: string;
  passwordHash: string;
  name?: string;
  role?: "admin" | "user";
}): Promise<User> {
  const email = input.email.trim().toLowerCase();
  try {
    return await writeTransaction(function* (tx) {
      const lock = lockUsers(tx);
      if (lock) yield lock;
      const taken = (yield tx
        .select({ id: users.id })
        .from(users)
        .where(eq(users.email, email))) as { id: number }[];
      if (taken.length) throw new EmailTakenError(email);
      const [{ n }] = (yield tx.select({ n: count() }).from(users)) as { n: number }[];
      const [user] = (yield tx
        .insert(users)
        .values({
          email,
          passwordHash: input.passwordHash,
          name: input.name ?? null,
          role: input.role ?? (n === 0 ? "admin" : "user"),
        })
        .returning()) as User[];
      return user;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new EmailTakenError(email);
    throw error;
  }
}

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; cause?: { code?: string } };
  const code = e?.code ?? e?.cause?.code;
  return code === "23505" || code === "SQLITE_CONSTRAINT_UNIQUE";
}
