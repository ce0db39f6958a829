import { redirect } from "next/navigation";
import { getServerSession } from "next-auth";
import { Suspense } from "react";
import { AuthForm } from "@/components/auth-form";
import { authOptions } from "@/lib/auth/auth-options";

export const metadata = { title: "Sign in · Pixel Studio" };

export const dynamic = "force-dynamic";

export default async function SignInPage() {
  // Already signed in: nothing to do here.
  if (await getServerSession(authOptions()).catch(() => null)) redirect("/");
  return (
    <Suspense>
      <AuthForm mode="sign-in" />
    </Suspense>
  );
}
