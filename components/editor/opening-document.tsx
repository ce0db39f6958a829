"use client";

import { useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useState } from "react";
import { useI18n } from "../i18n-provider";
import { ErrorText, Loading } from "../ui";
import { type DocumentWire, documentKey, forgetOpening, pendingOpening } from "./document-io";
import { Editor } from "./editor";

/**
 * The editor for the document "Edit" is making: once the server answers, the address becomes
 * /editor/<id> (history.replaceState: no second navigation, a reload opens that document) and the
 * editor starts from the answer (no GET). Reached without a pending "Edit" (a reload, a bookmark),
 * it points to the editor's start page.
 */
export function OpeningDocument() {
  const { t } = useI18n();
  const qc = useQueryClient();
  const [state, setState] = useState<
    | { kind: "waiting" }
    | { kind: "none" }
    | { kind: "ready"; doc: DocumentWire }
    | { kind: "error"; error: unknown }
  >({ kind: "waiting" });

  useEffect(() => {
    performance.mark("edit:open-mounted"); // (the editor bench's phases of an open)
    const pending = pendingOpening();
    if (!pending) {
      setState({ kind: "none" });
      return;
    }
    let live = true;
    pending.then(
      (doc) => {
        if (!live) return;
        performance.mark("edit:answered");
        forgetOpening(pending);
        qc.setQueryData(documentKey(doc.id), doc);
        window.history.replaceState(null, "", `/editor/${doc.id}`);
        setState({ kind: "ready", doc });
      },
      (error) => {
        if (!live) return;
        forgetOpening(pending);
        setState({ kind: "error", error });
      },
    );
    return () => {
      live = false;
    };
  }, [qc]);

  if (state.kind === "ready") return <Editor id={state.doc.id} />;
  if (state.kind === "error") return <ErrorText error={state.error} />;
  if (state.kind === "none")
    return (
      <p className="py-6 text-sm">
        <Link href="/editor" className="text-indigo-600 underline dark:text-indigo-400">
          {t("editor.title")}
        </Link>
      </p>
    );
  return <Loading />;
}
