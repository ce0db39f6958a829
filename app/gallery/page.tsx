import { Gallery } from "@/components/gallery/gallery";
import { getT } from "@/lib/i18n/server";

export async function generateMetadata() {
  const t = await getT();
  return { title: `${t("gallery.title")} · Pixel Studio` };
}

export default function GalleryPage() {
  return <Gallery />;
}
