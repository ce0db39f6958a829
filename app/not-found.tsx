import Link from "next/link";
import { getT } from "@/app/_i18n/server";

// Next's built-in 404 styles itself with style attributes, which our nonce CSP blocks; this
// page uses the studio's own classes instead, in the reader's language.
export default async function NotFound() {
  const t = await getT();
  return (
    <main className="mx-auto max-w-xl px-4 py-16 text-center">
      <h1 className="mb-3 text-2xl font-bold">404 · {t("notFound.title")}</h1>
      <p className="mb-6 text-zinc-600 dark:text-zinc-400">{t("notFound.body")}</p>
      <Link
        href="/"
        className="text-indigo-600 underline hover:text-indigo-500 dark:text-indigo-400"
      >
        {t("notFound.home")}
      </Link>
    </main>
  );
}
