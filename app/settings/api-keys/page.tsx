import { getT } from "@/app/_i18n/server";
import { ApiKeysManager } from "@/components/api-keys-manager";

export const metadata = { title: "API keys · Pixel Studio" };

export default async function ApiKeysPage() {
  const t = await getT();
  return (
    <main className="mx-auto max-w-4xl px-4 py-6">
      <h1 className="mb-4 text-2xl font-bold">{t("keys.title")}</h1>
      <ApiKeysManager />
    </main>
  );
}
