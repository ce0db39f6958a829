import { getT } from "@/app/_i18n/server";
import { Gallery } from "@/components/gallery/gallery";

export async function generateMetadata() {
  const t = await getT();
  return { title: `${t("gallery.title")} · Pixel Studio` };
}

export default function GalleryPage() {
  return <Gallery />;
}
