import { NewDocument } from "@/components/editor/new-document";

export const metadata = { title: "Pixel editor · Pixel Studio" };

export default function NewEditorPage() {
  return (
    <main className="mx-auto max-w-3xl px-4 py-6">
      <NewDocument />
    </main>
  );
}
