import { notFound } from "next/navigation";
import { getServerSession } from "next-auth";
import { CharacterDetail } from "@/components/characters/character-detail";
import { authOptions } from "@/lib/auth/auth-options";
import { getCharacterForUser } from "@/lib/db/characters";

export const dynamic = "force-dynamic";
export const metadata = { title: "Character · Pixel Studio" };

export default async function CharacterPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!/^[1-9]\d{0,15}$/.test(id)) notFound();
  // a deleted character, or someone else's, answers 404 (as a batch or an artwork does)
  const session = await getServerSession(authOptions());
  if (!session?.user || !(await getCharacterForUser(Number(id), session.user.id))) notFound();
  return (
    <main className="mx-auto max-w-7xl px-4 py-6">
      <CharacterDetail id={Number(id)} />
    </main>
  );
}
