import { notFound } from "next/navigation";
import { TaskDetail } from "@/components/gallery/task-detail";

export const metadata = { title: "Artwork · Pixel Studio" };

export default async function TaskPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!/^[1-9]\d{0,15}$/.test(id)) notFound();
  return (
    <main className="mx-auto max-w-7xl px-4 py-6">
      <TaskDetail id={Number(id)} />
    </main>
  );
}
