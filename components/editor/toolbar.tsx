"use client";

import { memo } from "react";
import { useShallow } from "zustand/react/shallow";
import { useI18n } from "../i18n-provider";
import {
  EDITOR_TOOLS,
  type EditorTool,
  TOOL_KEYS,
  useEditor,
  ZOOM_MAX,
  ZOOM_MIN,
} from "./editor-store";

/** Drawn, not a font glyph: no common font has a lasso, and a missing glyph shows as a box. */
const LASSO_ICON = (
  <svg viewBox="0 0 20 20" className="size-5" fill="none" stroke="currentColor" strokeWidth="1.6">
    <ellipse cx="10" cy="8" rx="7" ry="4.5" strokeDasharray="2.5 2" />
    <path d="M6 12c-1 2 0 4 2 4s2 2 0 3" strokeLinecap="round" />
  </svg>
);

/** The pivot's cross-hair, as the canvas draws it. */
const PIVOT_ICON = (
  <svg viewBox="0 0 20 20" className="size-5" fill="none" stroke="currentColor" strokeWidth="1.6">
    <circle cx="10" cy="10" r="3.5" />
    <path d="M10 1.5v5M10 13.5v5M1.5 10h5M13.5 10h5" strokeLinecap="round" />
  </svg>
);

const TOOL_ICONS: Record<EditorTool, React.ReactNode> = {
  pencil: "✎",
  eraser: "⌫",
  picker: "⊙",
  bucket: "▨",
  line: "╱",
  rectangle: "▭",
  ellipse: "◯",
  select: "⬚",
  lasso: LASSO_ICON,
  wand: "✦",
  pivot: PIVOT_ICON,
};

const toggleClass = (on: boolean) =>
  `rounded border px-2 py-1 text-xs ${on ? "border-indigo-500 bg-indigo-50 text-indigo-800 dark:bg-indigo-950 dark:text-indigo-200" : "border-zinc-300 dark:border-zinc-700"}`;

// Both bars hear only of their own fields (memo: no props), so a stroke, fill or undo that
// re-renders the editor around them does not re-render them.

/** Tools on their Piskel/Aseprite keys, and the options of the tool in hand. */
export const Toolbar = memo(function Toolbar() {
  const { t } = useI18n();
  const s = useEditor(useShallow((st) => ({ tool: st.tool, set: st.set })));
  return (
    // a second column when the editor is short (1024×768: eleven tools are taller than the canvas)
    <div
      className="flex min-h-0 flex-col flex-wrap content-start gap-1"
      role="toolbar"
      aria-label={t("editor.tools")}
    >
      {EDITOR_TOOLS.map((tool) => {
        const label = `${t(`editor.tool.${tool}` as "editor.tool.pencil")} (${TOOL_KEYS[tool].toUpperCase()})`;
        return (
          <button
            key={tool}
            type="button"
            data-tool={tool}
            aria-pressed={s.tool === tool}
            aria-label={label}
            title={label}
            onClick={() => s.set({ tool })}
            className={`flex size-10 items-center justify-center rounded-md border text-lg ${s.tool === tool ? "border-indigo-500 bg-indigo-600 text-white" : "border-zinc-300 bg-white hover:bg-zinc-100 dark:border-zinc-700 dark:bg-zinc-900 dark:hover:bg-zinc-800"}`}
          >
            <span aria-hidden="true">{TOOL_ICONS[tool]}</span>
          </button>
        );
      })}
    </div>
  );
});

/** The options bar above the canvas: tool options, mirror, zoom, grid. */
export const ToolOptions = memo(function ToolOptions() {
  const { t } = useI18n();
  const s = useEditor(
    useShallow((st) => ({
      tool: st.tool,
      pixelPerfect: st.pixelPerfect,
      filled: st.filled,
      contiguous: st.contiguous,
      floating: st.floating,
      mirrorH: st.mirrorH,
      mirrorV: st.mirrorV,
      zoom: st.zoom,
      grid: st.grid,
      showPivot: st.showPivot,
      set: st.set,
      setZoom: st.setZoom,
      commitFloating: st.commitFloating,
    })),
  );
  return (
    <div className="flex flex-wrap items-center gap-1.5 text-xs" data-testid="tool-options">
      {(s.tool === "pencil" || s.tool === "eraser") && (
        <button
          type="button"
          className={toggleClass(s.pixelPerfect)}
          aria-pressed={s.pixelPerfect}
          onClick={() => s.set({ pixelPerfect: !s.pixelPerfect })}
        >
          {t("editor.pixelPerfect")}
        </button>
      )}
      {(s.tool === "rectangle" || s.tool === "ellipse") && (
        <button
          type="button"
          className={toggleClass(s.filled)}
          aria-pressed={s.filled}
          onClick={() => s.set({ filled: !s.filled })}
        >
          {t("editor.filled")}
        </button>
      )}
      {(s.tool === "bucket" || s.tool === "wand") && (
        <button
          type="button"
          className={toggleClass(!s.contiguous)}
          aria-pressed={!s.contiguous}
          onClick={() => s.set({ contiguous: !s.contiguous })}
          title={t("editor.everyPixelHint")}
        >
          {t("editor.everyPixel")}
        </button>
      )}
      {s.tool === "line" && <span className="text-zinc-500">{t("editor.lineHint")}</span>}
      {s.tool === "pivot" && <span className="text-zinc-500">{t("editor.pivotToolHint")}</span>}
      {s.floating && (
        <span className="flex items-center gap-1" data-testid="floating-selection">
          <span className="text-zinc-500">{t("editor.floatingHint")}</span>
          <button type="button" className={toggleClass(true)} onClick={() => s.commitFloating()}>
            {t("editor.dropSelection")}
          </button>
        </span>
      )}
      <span className="mx-1 h-5 border-l border-zinc-300 dark:border-zinc-700" />
      <button
        type="button"
        className={toggleClass(s.mirrorH)}
        aria-pressed={s.mirrorH}
        onClick={() => s.set({ mirrorH: !s.mirrorH })}
      >
        {t("editor.mirrorH")}
      </button>
      <button
        type="button"
        className={toggleClass(s.mirrorV)}
        aria-pressed={s.mirrorV}
        onClick={() => s.set({ mirrorV: !s.mirrorV })}
      >
        {t("editor.mirrorV")}
      </button>
      <span className="mx-1 h-5 border-l border-zinc-300 dark:border-zinc-700" />
      <button
        type="button"
        className={toggleClass(false)}
        aria-label={t("editor.zoomOut")}
        onClick={() => s.setZoom(s.zoom - Math.max(1, s.zoom >> 2))}
      >
        −
      </button>
      <label className="flex items-center gap-1">
        <span className="sr-only">{t("editor.zoom")}</span>
        <input
          type="range"
          min={ZOOM_MIN}
          max={ZOOM_MAX}
          value={s.zoom}
          onChange={(e) => s.setZoom(Number(e.target.value))}
          className="w-24 accent-indigo-600"
          aria-label={t("editor.zoom")}
        />
        <span className="w-9 tabular-nums" data-testid="zoom-label">
          {s.zoom}×
        </span>
      </label>
      <button
        type="button"
        className={toggleClass(false)}
        aria-label={t("editor.zoomIn")}
        onClick={() => s.setZoom(s.zoom + Math.max(1, s.zoom >> 2))}
      >
        +
      </button>
      <button
        type="button"
        className={toggleClass(s.grid)}
        aria-pressed={s.grid}
        onClick={() => s.set({ grid: !s.grid })}
      >
        {t("editor.grid")}
      </button>
      <button
        type="button"
        className={toggleClass(s.showPivot)}
        aria-pressed={s.showPivot}
        onClick={() => s.set({ showPivot: !s.showPivot })}
        title={t("editor.pivotHint")}
      >
        {t("editor.showPivot")}
      </button>
    </div>
  );
});
