"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useI18n } from "../i18n-provider";
import { Button, ErrorText, Spinner } from "../ui";
import { type DocumentSource, documentKey, documentsApi } from "./document-io";

/** "Edit": makes an editor document from a gallery image, a batch or a tileset, then opens it. */
export function OpenInEditorButton({
  source,
  className = "",
}: {
  source: DocumentSource;
  className?: string;
}) {
  const { t } = useI18n();
  const router = useRouter();
  const qc = useQueryClient();
  const open = useMutation({
    mutationFn: () => documentsApi.create(source),
    onSuccess: (d) => {
      // the answer to POST is the whole document: the editor starts from it instead of a GET
      qc.setQueryData(documentKey(d.id), d);
      router.push(`/editor/${d.id}`);
    },
  });
  return (
    <span className={`inline-flex flex-col gap-1 ${className}`}>
      <Button onClick={() => open.mutate()} disabled={open.isPending} data-testid="open-in-editor">
        {open.isPending ? <Spinner /> : <span aria-hidden="true">✎</span>}
        {t("editor.edit")}
      </Button>
      {open.error && <ErrorText error={open.error} />}
    </span>
  );
}
