"use client";
// Lineage on a gallery entry: what it was edited from (source ↔ document), the documents opened
// from it, and every saved version, each of which reopens in the editor.
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import type { Task } from "@/lib/client/types";
import { useI18n } from "../i18n-provider";
import { cardClass } from "../ui";
import { documentsApi } from "./document-io";

interface EditorParams {
  document_id: number;
  version: number;
  source_task_id?: number | null;
  source_batch_id?: number | null;
  source_tileset_id?: number | null;
}

/** The editor version a gallery entry is (params.editor of a save), or null. */
export function editorParams(task: Task): EditorParams | null {
  const e = (task.params as { editor?: EditorParams } | null | undefined)?.editor;
  return e && typeof e.document_id === "number" ? e : null;
}

const link = "text-indigo-600 underline dark:text-indigo-400";

function Versions({ documentId, current }: { documentId: number; current?: number }) {
  const { t } = useI18n();
  const versions = useQuery({
    queryKey: ["document-versions", documentId],
    queryFn: () => documentsApi.versions(documentId),
  });
  if (!versions.data) return null;
  return (
    <ol className="mt-1 space-y-0.5 text-sm" data-testid={`versions-${documentId}`}>
      {versions.data.versions.map((v) => (
        <li key={v.version} className="flex flex-wrap items-center gap-2">
          <span className={v.version === current ? "font-semibold" : ""}>v{v.version}</span>
          <Link href={`/editor/${documentId}?version=${v.version}`} className={link}>
            {t("editor.openVersion", { version: v.version })}
          </Link>
          {v.task_id && (
            <Link href={`/gallery/${v.task_id}`} className={link}>
              #{v.task_id}
            </Link>
          )}
        </li>
      ))}
    </ol>
  );
}

export function Lineage({ task }: { task: Task }) {
  const { t } = useI18n();
  const edited = editorParams(task);
  const opened = useQuery({
    queryKey: ["documents", "from-task", task.id, task.batch_id],
    queryFn: async () => {
      const own = await documentsApi.list({ source_task_id: task.id });
      const batch = task.batch_id
        ? await documentsApi.list({ source_batch_id: task.batch_id })
        : { documents: [] };
      return [...own.documents, ...batch.documents];
    },
  });
  const docs = opened.data ?? [];
  if (!edited && docs.length === 0) return null;
  return (
    <section className={`${cardClass} p-4`} data-testid="lineage">
      <h2 className="mb-1 text-sm font-semibold text-zinc-500">{t("editor.lineage")}</h2>
      {edited && (
        <div className="text-sm" data-testid="lineage-source">
          {t("editor.source")}:{" "}
          {edited.source_task_id ? (
            <Link href={`/gallery/${edited.source_task_id}`} className={link}>
              #{edited.source_task_id}
            </Link>
          ) : edited.source_batch_id ? (
            <Link href={`/batches/${edited.source_batch_id}`} className={link}>
              {t("batch.title", { id: edited.source_batch_id })}
            </Link>
          ) : edited.source_tileset_id ? (
            <Link href={`/gallery/${edited.source_tileset_id}`} className={link}>
              #{edited.source_tileset_id}
            </Link>
          ) : (
            t("editor.blank")
          )}
          <Versions documentId={edited.document_id} current={edited.version} />
        </div>
      )}
      {docs.length > 0 && (
        <div className="mt-2 text-sm" data-testid="lineage-edits">
          {t("editor.editedVersions")}:
          <ul className="space-y-2">
            {docs.map((d) => (
              <li key={d.id}>
                <Link href={`/editor/${d.id}`} className={link}>
                  {d.title}
                </Link>
                <Versions documentId={d.id} />
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
