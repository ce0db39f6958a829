"use server";

import { z } from "zod";
import { EmailTakenError, SignupClosedError, signUp } from "@/lib/auth/accounts";

const signUpSchema = z.object({
  email: z.email("Enter a valid email address").max(254),
  password: z.string().min(8, "Password must be at least 8 characters").max(200),
  name: z.string().trim().max(80).optional(),
});

export type SignUpState = { ok: true } | { ok: false; error: string };

export async function signUpAction(input: {
  email: string;
  password: string;
  name?: string;
}): Promise<SignUpState> {
  const parsed = signUpSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: parsed.error.issues[0].message };
  try {
    await signUp(parsed.data);
    return { ok: true };
  } catch (error) {
    if (error instanceof EmailTakenError || error instanceof SignupClosedError) {
      return { ok: false, error: error.message };
    }
    console.error("sign-up failed", error);
    return { ok: false, error: "Sign-up failed, please try again" };
  }
}
