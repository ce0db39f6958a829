import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { type Env, getEnv } from "@/lib/config/env";
import type { User } from "@/lib/db/schema";
import { countUsers, createUser, getUserByEmail } from "@/lib/db/users";

export { EmailTakenError } from "@/lib/db/users";

export class SignupClosedError extends Error {
  constructor() {
    super("Sign-up is closed on this studio. Ask an administrator for an account.");
    this.name = "SignupClosedError";
  }
}

/** Open sign-up unless ALLOW_SIGNUP=false; the very first account can always be created. */
export async function isSignupOpen(env: Env = getEnv()): Promise<boolean> {
  if ((await countUsers()) === 0) return true;
  return env.ALLOW_SIGNUP ?? true;
}

export async function signUp(input: {
  email: string;
  password: string;
  name?: string;
}): Promise<User> {
  if (!(await isSignupOpen())) throw new SignupClosedError();
  const passwordHash = await hashPassword(input.password);
  return createUser({ email: input.email, passwordHash, name: input.name });
}

export async function authenticate(email: string, password: string): Promise<User | undefined> {
  const user = await getUserByEmail(email);
  if (!user?.passwordHash) {
    // Spend the same time as a real check so response time doesn't reveal which emails exist.
    await verifyPassword(password, "$2b$12$CwTycUXWue0Thq9StjUM0uJ8.M5hQ1P0Wj0k8yF1D7tW0o2PZgD3a");
    return undefined;
  }
  return (await verifyPassword(password, user.passwordHash)) ? user : undefined;
}
