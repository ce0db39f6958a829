import Link from "next/link";
import { getT } from "@/app/_i18n/server";

export default async function CharacterNotFound() {
  const t = await getT();
  return (
    <main className="mx-auto max-w-xl px-4 py-16 text-center" data-testid="not-found">
      <h1 className="mb-2 text-2xl font-bold">{t("char.notFound")}</h1>
      <Link href="/characters" className="text-indigo-600 underline dark:text-indigo-400">
        {t("char.back")}
      </Link>
    </main>
  );
}
