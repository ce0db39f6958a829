import { Suspense } from "react";
import { AuthForm } from "@/components/auth-form";
import { isSignupOpen } from "@/lib/auth/accounts";

export const dynamic = "force-dynamic";
export const metadata = { title: "Sign up · Pixel Studio" };

export default function SignUpPage() {
  if (!isSignupOpen()) {
    return (
      <main className="mx-auto flex min-h-screen max-w-sm flex-col justify-center px-4">
        <h1 className="mb-2 text-2xl font-bold">Sign-up is closed</h1>
        <p className="text-sm text-zinc-500">Ask an administrator of this studio for an account.</p>
      </main>
    );
  }
  return (
    <Suspense>
      <AuthForm mode="sign-up" />
    </Suspense>
  );
}
