import { Studio } from "@/components/studio/studio";
import { getT } from "@/lib/i18n/server";

export async function generateMetadata() {
  const t = await getT();
  return { title: `${t("studio.title")} · Pixel Studio` };
}

export default function StudioPage() {
  return <Studio />;
}
