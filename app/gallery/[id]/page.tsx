import { notFound } from "next/navigation";
import { getServerSession } from "next-auth";
import { TaskDetail } from "@/components/gallery/task-detail";
import { authOptions } from "@/lib/auth/auth-options";
import { getTaskForUser } from "@/lib/db/tasks";

export const dynamic = "force-dynamic";
export const metadata = { title: "Artwork · Pixel Studio" };

export default async function TaskPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!/^[1-9]\d{0,15}$/.test(id)) notFound();
  // a deleted artwork, or someone else's, is a 404 for the browser and crawlers too, not a 200
  // page that says so
  const session = await getServerSession(authOptions());
  if (!session?.user || !(await getTaskForUser(Number(id), session.user.id))) notFound();
  return (
    <main className="mx-auto max-w-7xl px-4 py-6">
      <TaskDetail id={Number(id)} />
    </main>
  );
}
