import { count, eq, sql } from "drizzle-orm";
import { getDb, prepared, writeTransaction } from "./client";
import { type User, users } from "./schema";

const userById = prepared((db) =>
  db
    .select()
    .from(users)
    .where(eq(users.id, sql.placeholder("id")))
    .prepare(),
);

export async function getUserById(id: number): Promise<User | undefined> {
  return userById().get({ id });
}

export async function getUserByEmail(email: string): Promise<User | undefined> {
  return getDb().select().from(users).where(eq(users.email, email.trim().toLowerCase())).get();
}

export async function countUsers(): Promise<number> {
  return getDb().select({ n: count() }).from(users).get()?.n ?? 0;
}

export class EmailTakenError extends Error {
  constructor(email: string) {
    super(`An account with the email ${email} already exists`);
    this.name = "EmailTakenError";
  }
}

/**
 * Creates a user. The first account of a fresh install becomes admin; the count and the insert
 * share one IMMEDIATE transaction so two simultaneous first sign-ups can't both become admin.
 */
export async function createUser(input: {
  email: string;
  passwordHash: string;
  name?: string;
  role?: "admin" | "user";
}): Promise<User> {
  const email = input.email.trim().toLowerCase();
  return writeTransaction((tx) => {
    if (tx.select({ id: users.id }).from(users).where(eq(users.email, email)).get()) {
      throw new EmailTakenError(email);
    }
    const isFirst = (tx.select({ n: count() }).from(users).get()?.n ?? 0) === 0;
    return tx
      .insert(users)
      .values({
        email,
        passwordHash: input.passwordHash,
        name: input.name ?? null,
        role: input.role ?? (isFirst ? "admin" : "user"),
      })
      .returning()
      .get();
  });
}
