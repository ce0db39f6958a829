import { BatchList } from "@/components/batch/batch-list";

export const metadata = { title: "Batches · Pixel Studio" };

export default function BatchesPage() {
  return <BatchList />;
}
