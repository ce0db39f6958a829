import { getT } from "@/app/_i18n/server";
import { OpenApiView } from "@/components/docs/openapi-view";

export const metadata = { title: "API docs · Pixel Studio" };

export default async function DocsPage() {
  const t = await getT();
  return (
    <main className="mx-auto max-w-7xl px-4 py-6">
      <h1 className="mb-1 text-2xl font-bold">{t("docs.title")}</h1>
      <p className="mb-6 text-sm text-zinc-600 dark:text-zinc-300">{t("docs.intro")}</p>
      <OpenApiView />
    </main>
  );
}
