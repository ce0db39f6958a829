import { notFound } from "next/navigation";
import { BatchPreviewer } from "@/components/batch/batch-previewer";

export const metadata = { title: "Batch previewer · Pixel Studio" };

export default async function BatchPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!/^[1-9]\d{0,15}$/.test(id)) notFound();
  return (
    <main className="mx-auto max-w-7xl px-4 py-6">
      <BatchPreviewer id={Number(id)} />
    </main>
  );
}
