"use client";

import type { AppRouterInstance } from "next/dist/shared/lib/app-router-context.shared-runtime";
import { useRouter } from "next/navigation";
import { useCallback, useEffect } from "react";
import { useI18n } from "../i18n-provider";
import { Button } from "../ui";
import type { DocumentSource } from "./document-io";

/** `<Link prefetch>`'s kind (Next's PrefetchKind.FULL; the enum is not exported publicly). */
const FULL_PREFETCH = { kind: "full" } as unknown as Parameters<AppRouterInstance["prefetch"]>[1];

/** The document code, loaded once: on the way to a click (hover, focus, press) or on the click. */
const loadDocumentIo = () => import("./document-io");
/** The page "Edit" goes to, with the whole editor. */
const loadEditor = () => import("./opening-document");

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
  // /editor/open's page (its RSC payload, whose client references start loading the editor's
  // chunks) is fetched while the browser is idle, not after the click: the click's navigation
  // then waits for nothing but the document, and the server makes that alone. "full": the page is
  // dynamic, and the default prefetch of a dynamic page stops at its first loading boundary.
  // The editor's code is also loaded and run then (one module registry: the page's navigation
  // finds it evaluated), instead of in the frames between the click and the document.
  // A hover or focus (on the way to a click) does all of it at once if idle time never came.
  const getReady = useCallback(() => {
    router.prefetch("/editor/open", FULL_PREFETCH);
    void loadDocumentIo();
    void loadEditor();
  }, [router]);
  useEffect(() => {
    if (typeof requestIdleCallback !== "function") return void setTimeout(getReady, 500);
    const idle = requestIdleCallback(getReady, { timeout: 3000 });
    return () => cancelIdleCallback(idle);
  }, [getReady]);
  return (
    <span className={`inline-flex flex-col gap-1 ${className}`}>
      <Button
        onPointerEnter={getReady}
        onFocus={getReady}
        onClick={async () => {
          // edit:* marks: the phases of an open, which the editor bench prints
          performance.mark("edit:click");
          // the document code loads on the way to the click, not with every page that shows
          // this button (the studio's first load stays small); the request starts before the
          // navigation
          const { startOpening } = await loadDocumentIo();
          performance.mark("edit:imported");
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
