import { notFound } from "next/navigation";
import { getServerSession } from "next-auth";
import { BatchPreviewer } from "@/components/batch/batch-previewer";
import { authOptions } from "@/lib/auth/auth-options";
import { getBatchForUser } from "@/lib/db/tasks";

export const dynamic = "force-dynamic";
export const metadata = { title: "Batch previewer · Pixel Studio" };

export default async function BatchPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!/^[1-9]\d{0,15}$/.test(id)) notFound();
  // a deleted batch, or someone else's, answers 404 (as the artwork page does)
  const session = await getServerSession(authOptions());
  if (!session?.user || !(await getBatchForUser(Number(id), session.user.id))) notFound();
  return (
    <main className="mx-auto max-w-7xl px-4 py-6">
      <BatchPreviewer id={Number(id)} />
    </main>
  );
}
