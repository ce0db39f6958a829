"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { memo, useCallback, useDeferredValue, useEffect, useRef, useState } from "react";
import { canRedo, canUndo } from "@/lib/document";
import { useI18n } from "../i18n-provider";
import { Button, ErrorText, Loading, Spinner } from "../ui";
import { CanvasMenu } from "./canvas-menu";
import { CanvasView } from "./canvas-view";
import {
  type DocumentWire,
  documentFromWire,
  documentKey,
  documentsApi,
  drafts,
  SaveConflict,
  saveDocument,
} from "./document-io";
import { useEditor } from "./editor-store";
import { ExportMenu } from "./export-menu";
import { LayersPanel } from "./layers-panel";
import { PaletteSwatches } from "./palette-panel";
import { Timeline } from "./timeline";
import { Toolbar, ToolOptions } from "./toolbar";
import { useEditorKeys } from "./use-editor-keys";

// The panels around the canvas draw a deferred copy of the document: a stroke, fill or undo is on
// the canvas in the frame after the input (the canvas draws from the store itself), and the
// panels (timeline thumbnails, layers, palette, canvas menu) follow in a render React may
// interrupt, instead of holding that frame back. They hear only of their own controls from the
// store (useEditorControls) and act on the store's document (edit), never on the copy.
const DeferredTimeline = memo(Timeline);
const DeferredLayers = memo(LayersPanel);
const DeferredSwatches = memo(PaletteSwatches);
const DeferredCanvasMenu = memo(CanvasMenu);

type SaveState =
  | { kind: "idle" }
  | { kind: "saving" }
  | { kind: "saved"; version: number; taskId?: number | null }
  | { kind: "conflict"; current: number }
  | { kind: "error"; error: unknown };

export function Editor({ id, version }: { id: number; version?: number }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const query = useQuery({
    queryKey: documentKey(id, version),
    queryFn: () => documentsApi.get(id, version),
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
  });
  const doc = useEditor((s) => s.doc);
  const revision = useEditor((s) => s.revision);
  const savedRevision = useEditor((s) => s.savedRevision);
  const history = useEditor((s) => s.history);
  const floating = useEditor((s) => s.floating);
  // (the first document is not deferred: opening shows everything at once)
  const panelDoc = useDeferredValue(doc) ?? doc;
  const [meta, setMeta] = useState<DocumentWire | null>(null);
  const [save, setSave] = useState<SaveState>({ kind: "idle" });
  const [draftOffer, setDraftOffer] = useState<{ savedAt: number } | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const previewRef = useRef<HTMLCanvasElement>(null);
  const draftKey = `document-${id}`;
  const dirty = revision !== savedRevision;

  // Server answer → the store (once per loaded version); a newer unsaved draft is offered back.
  useEffect(() => {
    const wire = query.data;
    if (!wire) return;
    let cancelled = false;
    (async () => {
      try {
        performance.mark("edit:decode"); // (the editor bench's phases of an open)
        const loaded = await documentFromWire(wire);
        if (cancelled) return;
        performance.mark("edit:decoded");
        useEditor.getState().load(loaded);
        performance.mark("edit:loaded");
        setMeta(wire);
        const draft = await drafts.get(draftKey).catch(() => undefined);
        if (!cancelled && draft) setDraftOffer({ savedAt: draft.savedAt });
      } catch (e) {
        if (!cancelled) setLoadError(e);
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [query.data, draftKey]);

  // Unsaved work goes to IndexedDB shortly after the last change, when the browser is idle:
  // storing clones every cel (16 frames × 3 layers of 64×64 is ~0.8 MB), which must not land in
  // the frame that shows the next stroke or fill (the editor bench saw fills wait for it).
  useEffect(() => {
    if (!dirty || !meta || revision < 0) return;
    let idle = 0;
    const timer = setTimeout(() => {
      const write = () => {
        const d = useEditor.getState().doc;
        if (d)
          void drafts
            .put({ id: draftKey, baseVersion: meta.latest_version, savedAt: Date.now(), doc: d })
            .catch(() => {});
      };
      if (typeof requestIdleCallback === "function")
        idle = requestIdleCallback(write, { timeout: 2000 });
      else write();
    }, 700);
    return () => {
      clearTimeout(timer);
      if (idle && typeof cancelIdleCallback === "function") cancelIdleCallback(idle);
    };
  }, [dirty, revision, meta, draftKey]);

  // Leaving with unsaved strokes asks first (they are in IndexedDB either way).
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);

  const onSave = useCallback(async () => {
    const d = useEditor.getState().doc;
    if (!d || !meta) return;
    const rev = useEditor.getState().revision;
    setSave({ kind: "saving" });
    try {
      const saved = await saveDocument(id, meta.latest_version, d);
      setMeta({ ...saved, cels: [] });
      if (useEditor.getState().revision === rev) useEditor.getState().markSaved();
      await drafts.remove(draftKey).catch(() => {});
      qc.setQueryData(documentKey(id, saved.version), saved);
      void qc.invalidateQueries({ queryKey: ["tasks"] });
      setSave({ kind: "saved", version: saved.version, taskId: saved.task_id });
    } catch (e) {
      if (e instanceof SaveConflict) setSave({ kind: "conflict", current: e.current });
      else setSave({ kind: "error", error: e });
    }
  }, [id, meta, draftKey, qc]);

  useEditorKeys({ onSave });

  if (query.isPending) return <Loading />;
  if (query.error || loadError)
    return <ErrorText error={query.error ?? loadError} onRetry={() => query.refetch()} />;
  if (!doc || !meta) return <Loading />;

  return (
    <div
      data-testid="editor"
      data-document-id={id}
      data-version={meta.version}
      data-latest-version={meta.latest_version}
      data-dirty={dirty}
      data-color-mode={doc.colorMode}
    >
      <p
        className="rounded-md border border-amber-300 bg-amber-50 p-4 text-sm md:hidden dark:border-amber-700 dark:bg-amber-950"
        data-testid="editor-narrow"
      >
        {t("editor.needsWider")}
      </p>
      <div className="hidden flex-col gap-2 md:flex">
        <div className="flex flex-wrap items-center gap-2">
          <h1 className="mr-2 text-lg font-bold" data-testid="editor-title">
            {meta.title || t("editor.untitled", { id })}{" "}
            <span className="text-sm font-normal text-zinc-500">
              {doc.width}×{doc.height} · v{meta.version}
            </span>
          </h1>
          <Button
            onClick={() => useEditor.getState().undo()}
            disabled={!canUndo(history) && !floating}
            title={`${t("editor.undo")} (Ctrl+Z)`}
          >
            ↶ {t("editor.undo")}
          </Button>
          <Button
            onClick={() => useEditor.getState().redo()}
            disabled={!canRedo(history)}
            title={`${t("editor.redo")} (Ctrl+Y)`}
          >
            ↷ {t("editor.redo")}
          </Button>
          <Button
            variant="primary"
            onClick={onSave}
            disabled={save.kind === "saving"}
            data-testid="editor-save"
            title={`${t("common.save")} (Ctrl+S)`}
          >
            {save.kind === "saving" && <Spinner />}
            {t("common.save")}
          </Button>
          <span className="text-xs text-zinc-500" data-testid="save-status" aria-live="polite">
            {dirty ? t("editor.unsaved") : t("editor.allSaved")}
          </span>
          <ExportMenu id={id} version={meta.version} dirty={dirty} />
          <Link href="/editor" className="text-sm text-indigo-600 underline dark:text-indigo-400">
            {t("editor.new")}
          </Link>
        </div>
        {draftOffer && (
          <div
            className="flex flex-wrap items-center gap-2 rounded-md border border-sky-300 bg-sky-50 p-2 text-sm dark:border-sky-700 dark:bg-sky-950"
            data-testid="draft-offer"
          >
            {t("editor.draftFound", { time: new Date(draftOffer.savedAt).toLocaleString() })}
            <Button
              onClick={async () => {
                const draft = await drafts.get(draftKey);
                if (draft) {
                  const s = useEditor.getState();
                  // restored strokes are one undoable step over the server's version
                  s.apply({
                    doc: draft.doc,
                    step: {
                      kind: "document",
                      label: "Restore draft",
                      before: s.doc!,
                      after: draft.doc,
                    },
                  });
                }
                setDraftOffer(null);
              }}
            >
              {t("editor.restoreDraft")}
            </Button>
            <Button
              variant="ghost"
              onClick={() => {
                void drafts.remove(draftKey);
                setDraftOffer(null);
              }}
            >
              {t("editor.discardDraft")}
            </Button>
          </div>
        )}
        {save.kind === "conflict" && (
          <div
            role="alert"
            className="rounded-md border border-red-300 bg-red-50 p-2 text-sm dark:border-red-800 dark:bg-red-950"
            data-testid="save-conflict"
          >
            {t("editor.conflict", { version: save.current })}{" "}
            <a
              href={`/editor/${id}?version=${save.current}`}
              target="_blank"
              rel="noreferrer"
              className="underline"
            >
              {t("editor.openCurrent")}
            </a>{" "}
            <Button
              className="ml-2"
              onClick={() => {
                // keep every stroke: save them on top of the newer version
                setMeta({ ...meta, latest_version: save.current });
                setSave({ kind: "idle" });
              }}
            >
              {t("editor.overwriteWithMine")}
            </Button>
          </div>
        )}
        {save.kind === "error" && <ErrorText error={save.error} />}
        {save.kind === "saved" && (
          <p className="text-sm text-emerald-700 dark:text-emerald-400" data-testid="save-done">
            {t("editor.savedAs", { version: save.version })}{" "}
            {save.taskId && (
              <Link
                href={`/gallery/${save.taskId}`}
                className="underline"
                data-testid="saved-gallery-link"
              >
                {t("editor.openInGallery")}
              </Link>
            )}
          </p>
        )}
        <div className="grid h-[calc(100vh-20rem)] min-h-[360px] grid-cols-[auto_minmax(0,1fr)_16rem] gap-2">
          <Toolbar />
          <div className="flex min-h-0 flex-col gap-1 rounded-md border border-zinc-200 dark:border-zinc-800">
            <div className="flex flex-wrap items-center justify-between gap-1 border-b border-zinc-200 p-1 dark:border-zinc-800">
              <ToolOptions />
              {panelDoc && <DeferredCanvasMenu doc={panelDoc} />}
            </div>
            <div className="min-h-0 flex-1 bg-zinc-200 dark:bg-zinc-900">
              <CanvasView preview={previewRef} />
            </div>
          </div>
          <aside className="min-h-0 space-y-4 overflow-y-auto pr-1">
            <section aria-label={t("editor.preview")}>
              <h2 className="mb-1 text-sm font-semibold">{t("editor.preview")}</h2>
              <div className="flex items-end gap-2">
                <canvas
                  ref={previewRef}
                  data-testid="editor-preview"
                  className="checkerboard pixelated border border-zinc-300 dark:border-zinc-700"
                />
                <span className="text-xs text-zinc-500">1×</span>
              </div>
            </section>
            {/* layers first: a short list that stays in sight; the palette's tools run long */}
            {panelDoc && <DeferredLayers doc={panelDoc} />}
            {panelDoc && <DeferredSwatches doc={panelDoc} />}
          </aside>
        </div>
        {panelDoc && <DeferredTimeline doc={panelDoc} />}
      </div>
    </div>
  );
}
