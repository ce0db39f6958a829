import { notFound } from "next/navigation";
import { CharacterDetail } from "@/components/characters/character-detail";

export const metadata = { title: "Character · Pixel Studio" };

/** Another user's or a deleted character answers 404 through the API, and the page says so. */
export default async function CharacterPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!/^[1-9]\d{0,15}$/.test(id)) notFound();
  return (
    <main className="mx-auto max-w-7xl px-4 py-6">
      <CharacterDetail id={Number(id)} />
    </main>
  );
}
