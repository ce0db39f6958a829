import { CharacterList } from "@/components/characters/character-list";

export const metadata = { title: "Characters · Pixel Studio" };

export default async function CharactersPage({
  searchParams,
}: {
  searchParams: Promise<{ from_task?: string }>;
}) {
  const { from_task } = await searchParams;
  const fromTask = from_task && /^[1-9]\d{0,15}$/.test(from_task) ? Number(from_task) : null;
  return (
    <main className="mx-auto max-w-7xl px-4 py-6">
      <CharacterList fromTask={fromTask} />
    </main>
  );
}
