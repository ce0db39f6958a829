import { OpeningDocument } from "@/components/editor/opening-document";

export const metadata = { title: "Pixel editor · Pixel Studio" };

/** Where "Edit" lands while its document is being made (see components/editor/open-in-editor). */
export default function OpeningDocumentPage() {
  return (
    <main className="mx-auto max-w-[1800px] px-3 py-3">
      <OpeningDocument />
    </main>
  );
}
