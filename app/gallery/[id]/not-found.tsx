import Link from "next/link";
import { getT } from "@/app/_i18n/server";

export default async function ArtworkNotFound() {
  const t = await getT();
  return (
    <main className="mx-auto max-w-xl px-4 py-16 text-center" data-testid="not-found">
      <h1 className="mb-2 text-2xl font-bold">{t("detail.notFound")}</h1>
      <Link href="/gallery" className="text-indigo-600 underline dark:text-indigo-400">
        {t("detail.back")}
      </Link>
    </main>
  );
}
