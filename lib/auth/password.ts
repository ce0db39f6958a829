import bcrypt from "bcryptjs";

// bcrypt cost 12 is ~0.4 s of CPU here: slow enough against offline guessing, fast enough to sign in.
function cost(): number {
  const n = Number(process.env.PASSWORD_HASH_COST ?? 12);
  return Number.isInteger(n) && n >= 10 && n <= 15 ? n : 12;
}

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, cost());
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}
