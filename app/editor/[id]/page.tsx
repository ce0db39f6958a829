import { notFound } from "next/navigation";
import { Editor } from "@/components/editor/editor";

export const metadata = { title: "Pixel editor · Pixel Studio" };

export default async function EditorPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ version?: string }>;
}) {
  const { id } = await params;
  const { version } = await searchParams;
  if (!/^[1-9]\d{0,15}$/.test(id)) notFound();
  const v = version && /^[1-9]\d{0,9}$/.test(version) ? Number(version) : undefined;
  return (
    <main className="mx-auto max-w-[1800px] px-3 py-3">
      <Editor id={Number(id)} version={v} />
    </main>
  );
}
