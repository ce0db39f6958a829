import { getServerSession } from "next-auth";
import { BatchList } from "@/components/batch/batch-list";
import { authOptions } from "@/lib/auth/auth-options";
import type { BatchList as BatchListAnswer } from "@/lib/client/types";
import { listUserBatches } from "@/lib/tasks/batch-list";

export const dynamic = "force-dynamic";
export const metadata = { title: "Batches · Pixel Studio" };

/**
 * The first page comes with the HTML: the list used to wait for the page's script and then a
 * fetch (about 2.3 s of "Loading…" on a cold visit); React Query takes over from this data.
 */
export default async function BatchesPage() {
  const session = await getServerSession(authOptions());
  const initial = session?.user
    ? (JSON.parse(JSON.stringify(await listUserBatches(session.user.id, 1))) as BatchListAnswer)
    : undefined;
  return <BatchList initial={initial} />;
}
