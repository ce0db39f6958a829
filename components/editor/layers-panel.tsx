"use client";

import { useState } from "react";
import {
  addLayer,
  deleteLayer,
  mergeLayerDown,
  moveLayer,
  type SpriteDocument,
  updateLayer,
} from "@/lib/document";
import { DOCUMENT_MAX_LAYERS } from "@/lib/vocabulary";
import { useI18n } from "../i18n-provider";
import { useEditor, useEditorControls } from "./editor-store";

const small =
  "rounded border border-zinc-300 px-1.5 py-0.5 text-xs hover:bg-zinc-100 disabled:opacity-40 dark:border-zinc-700 dark:hover:bg-zinc-800";

/** Layers, top first as in every editor: pick, rename, hide, lock, opacity, reorder, merge down. */
export function LayersPanel({ doc }: { doc: SpriteDocument }) {
  const { t } = useI18n();
  const s = useEditorControls();
  /** the layer whose name is being edited (double-click or F2 on its name) */
  const [renaming, setRenaming] = useState<number | null>(null);
  const rename = (i: number, name: string) => {
    const clean = name.trim().slice(0, 64);
    if (clean && clean !== doc.layers[i]?.name) s.edit((d) => updateLayer(d, i, { name: clean }));
    setRenaming(null);
  };
  // the checkboxes read the store's document, not the panel's deferred copy: a controlled checkbox
  // that shows the old state after a click snaps back until the deferred render catches up
  const visible = useEditor((st) => (st.doc ?? doc).layers.map((l) => l.visible).join());
  const order = doc.layers.map((_, i) => i).reverse();
  const cur = s.layer;
  return (
    <section aria-labelledby="layers-title" data-testid="layers-panel" className="space-y-2">
      <h2 id="layers-title" className="text-sm font-semibold">
        {t("editor.layers")}
      </h2>
      <ol className="space-y-1">
        {order.map((i) => {
          const layer = doc.layers[i]!;
          return (
            <li
              key={i}
              data-layer={i}
              aria-current={i === cur ? "true" : undefined}
              className={`flex items-center gap-1 rounded border px-1 py-0.5 text-xs ${i === cur ? "border-indigo-500 bg-indigo-50 dark:bg-indigo-950" : "border-zinc-200 dark:border-zinc-700"}`}
            >
              <input
                type="checkbox"
                checked={visible.split(",")[i] === "true"}
                aria-label={t("editor.layerVisible", { name: layer.name })}
                onChange={(e) => s.edit((d) => updateLayer(d, i, { visible: e.target.checked }))}
                className="accent-indigo-600"
              />
              {renaming === i ? (
                <input
                  // biome-ignore lint/a11y/noAutofocus: the field the person just asked for
                  autoFocus
                  defaultValue={layer.name}
                  maxLength={64}
                  aria-label={t("editor.layerName")}
                  data-testid="layer-name-input"
                  className="min-w-0 flex-1 rounded border border-indigo-400 px-1 text-xs dark:bg-zinc-900"
                  onBlur={(e) => rename(i, e.currentTarget.value)}
                  onKeyDown={(e) => {
                    e.stopPropagation(); // typed letters are not tool keys
                    if (e.key === "Enter") rename(i, e.currentTarget.value);
                    if (e.key === "Escape") setRenaming(null);
                  }}
                />
              ) : (
                <button
                  type="button"
                  className="min-w-0 flex-1 truncate text-left"
                  title={t("editor.renameHint")}
                  onClick={() => s.set({ layer: i })}
                  onDoubleClick={() => setRenaming(i)}
                  onKeyDown={(e) => {
                    if (e.key === "F2") setRenaming(i);
                  }}
                >
                  {layer.name}
                </button>
              )}
              <button
                type="button"
                aria-pressed={layer.locked}
                aria-label={t("editor.layerLock", { name: layer.name })}
                title={t("editor.layerLock", { name: layer.name })}
                data-testid="layer-lock"
                onClick={() => s.edit((d) => updateLayer(d, i, { locked: !layer.locked }))}
                className={`rounded px-0.5 ${layer.locked ? "" : "opacity-30 hover:opacity-70"}`}
              >
                {/* drawn: emoji fonts are not everywhere (a missing glyph is a box) */}
                <svg
                  aria-hidden="true"
                  viewBox="0 0 16 16"
                  className="size-3.5"
                  fill="none"
                  stroke="currentColor"
                  strokeWidth="1.6"
                >
                  <rect x="3" y="7" width="10" height="7" rx="1" fill="currentColor" />
                  <path d={layer.locked ? "M5 7V5a3 3 0 0 1 6 0v2" : "M5 7V5a3 3 0 0 1 6 0"} />
                </svg>
              </button>
              <input
                type="range"
                min={0}
                max={100}
                value={Math.round(layer.opacity * 100)}
                aria-label={t("editor.layerOpacity", { name: layer.name })}
                onChange={(e) =>
                  s.edit((d) => updateLayer(d, i, { opacity: Number(e.target.value) / 100 }))
                }
                className="w-14 accent-indigo-600"
              />
            </li>
          );
        })}
      </ol>
      <div className="flex flex-wrap gap-1">
        <button
          type="button"
          className={small}
          disabled={doc.layers.length >= DOCUMENT_MAX_LAYERS}
          onClick={() => {
            s.edit((d) => addLayer(d, cur + 1));
            s.set({ layer: cur + 1 });
          }}
        >
          + {t("editor.addLayer")}
        </button>
        <button type="button" className={small} onClick={() => setRenaming(cur)}>
          {t("editor.rename")}
        </button>
        <button
          type="button"
          className={small}
          disabled={doc.layers.length < 2}
          onClick={() => s.edit((d) => deleteLayer(d, cur))}
        >
          {t("common.delete")}
        </button>
        <button
          type="button"
          className={small}
          aria-label={t("editor.layerUp")}
          disabled={cur >= doc.layers.length - 1}
          onClick={() => {
            s.edit((d) => moveLayer(d, cur, cur + 1));
            s.set({ layer: cur + 1 });
          }}
        >
          ▲
        </button>
        <button
          type="button"
          className={small}
          aria-label={t("editor.layerDown")}
          disabled={cur === 0}
          onClick={() => {
            s.edit((d) => moveLayer(d, cur, cur - 1));
            s.set({ layer: cur - 1 });
          }}
        >
          ▼
        </button>
        <button
          type="button"
          className={small}
          disabled={cur === 0}
          onClick={() => {
            s.edit((d) => mergeLayerDown(d, cur));
            s.set({ layer: cur - 1 });
          }}
        >
          {t("editor.mergeDown")}
        </button>
      </div>
    </section>
  );
}
