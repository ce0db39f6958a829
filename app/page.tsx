import { getT } from "@/app/_i18n/server";
import { Studio } from "@/components/studio/studio";

export async function generateMetadata() {
  const t = await getT();
  return { title: `${t("studio.title")} · Pixel Studio` };
}

export default function StudioPage() {
  return <Studio />;
}
