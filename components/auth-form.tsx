"use client";

import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { signIn } from "next-auth/react";
import { type FormEvent, useState } from "react";
import { signUpAction } from "@/app/(auth)/actions";
import { useT } from "./i18n-provider";
import { inputClass } from "./ui";

export function AuthForm({ mode }: { mode: "sign-in" | "sign-up" }) {
  const t = useT();
  const params = useSearchParams();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const email = String(form.get("email") ?? "");
    const password = String(form.get("password") ?? "");
    setBusy(true);
    setError(null);
    try {
      if (mode === "sign-up") {
        const res = await signUpAction({ email, password });
        if (!res.ok) {
          setError(res.error);
          return;
        }
      }
      const res = await signIn("credentials", { email, password, redirect: false });
      if (!res || res.error) {
        setError(t("auth.wrong"));
        return;
      }
      const next = params.get("callbackUrl");
      // A full navigation: the router may hold a prefetched signed-out redirect for "/".
      window.location.assign(next?.startsWith("/") && !next.startsWith("//") ? next : "/");
    } finally {
      setBusy(false);
    }
  }

  const title = mode === "sign-in" ? t("auth.signIn") : t("auth.createAccount");
  return (
    <main className="mx-auto flex min-h-[calc(100vh-3.5rem)] max-w-sm flex-col px-4 pt-12 pb-8 sm:justify-center sm:pt-8">
      <p className="mb-1 text-sm text-zinc-500">Pixel Studio · {t("auth.tagline")}</p>
      <h1 className="mb-6 text-2xl font-bold">{title}</h1>
      <form onSubmit={onSubmit} className="space-y-4">
        <label className="block">
          <span className="text-sm font-medium">{t("auth.email")}</span>
          <input
            name="email"
            type="email"
            required
            autoComplete="email"
            className={`mt-1 ${inputClass}`}
          />
        </label>
        <label className="block">
          <span className="text-sm font-medium">{t("auth.password")}</span>
          <input
            name="password"
            type="password"
            required
            minLength={mode === "sign-up" ? 8 : undefined}
            autoComplete={mode === "sign-up" ? "new-password" : "current-password"}
            className={`mt-1 ${inputClass}`}
          />
        </label>
        {error && (
          <p role="alert" className="text-sm text-red-600 dark:text-red-400">
            {error}
          </p>
        )}
        <button
          type="submit"
          disabled={busy}
          className="w-full rounded bg-indigo-600 px-3 py-2 font-semibold text-white hover:bg-indigo-500 disabled:opacity-60"
        >
          {busy ? "…" : title}
        </button>
      </form>
      <p className="mt-4 text-sm text-zinc-500">
        {mode === "sign-in" ? (
          <>
            {t("auth.noAccount")}{" "}
            <Link className="text-indigo-600 underline dark:text-indigo-400" href="/sign-up">
              {t("auth.signUp")}
            </Link>
          </>
        ) : (
          <>
            {t("auth.haveAccount")}{" "}
            <Link className="text-indigo-600 underline dark:text-indigo-400" href="/sign-in">
              {t("auth.signIn")}
            </Link>
          </>
        )}
      </p>
    </main>
  );
}
