import { getT } from "@/app/_i18n/server";
import { PalettesManager } from "@/components/palettes-manager";

export const metadata = { title: "Palettes · Pixel Studio" };

export default async function PalettesPage() {
  const t = await getT();
  return (
    <main className="mx-auto max-w-4xl px-4 py-6">
      <h1 className="mb-4 text-2xl font-bold">{t("palettes.title")}</h1>
      <PalettesManager />
    </main>
  );
}
