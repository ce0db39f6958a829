import Link from "next/link";

export default function StudioPage() {
  return (
    <main className="mx-auto max-w-3xl px-4 py-8">
      <h1 className="text-2xl font-bold">Pixel Studio</h1>
      <p className="mt-2 text-zinc-500">The studio composer is being built.</p>
      <Link href="/settings/api-keys" className="text-indigo-600 underline">
        API keys
      </Link>
    </main>
  );
}
