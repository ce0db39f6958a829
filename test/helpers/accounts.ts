import { createApiKey } from "@/lib/auth/api-keys";
import { hashPassword } from "@/lib/auth/password";
import { createUser } from "@/lib/db/users";

/** Creates a user and an API key directly in the database the test server uses. */
export async function seedUserWithKey(email: string, role: "admin" | "user" = "user") {
  const user = await createUser({ email, passwordHash: await hashPassword("password123"), role });
  const { key, record } = await createApiKey(user.id, "test");
  return { user, key, keyId: record.id, auth: { Authorization: `Bearer ${key}` } };
}
