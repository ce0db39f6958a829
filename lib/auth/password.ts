import bcrypt from "bcryptjs";
import { getEnv } from "@/lib/config/env";

// bcrypt cost 12 is ~0.4 s of CPU here: slow enough against offline guessing, fast enough to sign in.
function cost(): number {
  return getEnv().PASSWORD_HASH_COST ?? 12;
}

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, cost());
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}
