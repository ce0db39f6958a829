"use client";

import { useRouter } from "next/navigation";
import { useI18n } from "../i18n-provider";
import { Button } from "../ui";
import type { DocumentSource } from "./document-io";

/**
 * "Edit": makes an editor document from a gallery image, a batch or a tileset and opens it. The
 * request starts here and the browser goes to /editor/open at the same moment, which shows the
 * document when both are ready (and any error the request met).
 */
export function OpenInEditorButton({
  source,
  className = "",
}: {
  source: DocumentSource;
  className?: string;
}) {
  const { t } = useI18n();
  const router = useRouter();
  return (
    <span className={`inline-flex flex-col gap-1 ${className}`}>
      <Button
        onClick={async () => {
          // the document code loads on the click, not with every page that shows this button
          // (the studio's first load stays small); the request starts before the navigation
          const { startOpening } = await import("./document-io");
          void startOpening(source);
          router.push("/editor/open");
        }}
        data-testid="open-in-editor"
      >
        <span aria-hidden="true">✎</span>
        {t("editor.edit")}
      </Button>
    </span>
  );
}
