import { redirect } from "next/navigation";
import { getServerSession } from "next-auth";
import { Suspense } from "react";
import { getT } from "@/app/_i18n/server";
import { AuthForm } from "@/components/auth-form";
import { isSignupOpen } from "@/lib/auth/accounts";
import { authOptions } from "@/lib/auth/auth-options";

export const dynamic = "force-dynamic";
export const metadata = { title: "Sign up · Pixel Studio" };

export default async function SignUpPage() {
  if (await getServerSession(authOptions()).catch(() => null)) redirect("/");
  if (!(await isSignupOpen())) {
    const t = await getT();
    return (
      <main className="mx-auto flex min-h-[calc(100vh-3.5rem)] max-w-sm flex-col justify-center px-4">
        <h1 className="mb-2 text-2xl font-bold">{t("auth.closed")}</h1>
        <p className="text-sm text-zinc-500">{t("auth.closedHint")}</p>
      </main>
    );
  }
  return (
    <Suspense>
      <AuthForm mode="sign-up" />
    </Suspense>
  );
}
