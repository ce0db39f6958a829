"use client";

import { useState } from "react";
import { EXPORT_SCALE_MAX, EXPORT_SCALE_MIN } from "@/lib/vocabulary";
import { useI18n } from "../i18n-provider";

const EXPORT_SCALES = [1, 2, 4, 8, 10, 16, 20].filter(
  (n) => n >= EXPORT_SCALE_MIN && n <= EXPORT_SCALE_MAX,
);

/** The document's exports (through its export route), at 1× or ×N, of the saved version. */
export const DOCUMENT_EXPORTS = [
  ["sheet", "editor.exportSheet", "_sheet.png"],
  ["sheet.json", "editor.exportSheetJson", "_sheet.json"],
  ["atlas.json", "batch.exportNamedAtlas", "_atlas.json"],
  ["sprite-frames.tres", "batch.exportGodot", "_sprite_frames.tres"],
  ["gif", "batch.exportGif", ".gif"],
  ["zip", "batch.exportZip", ".zip"],
  ["aseprite", "editor.exportAseprite", ".aseprite"],
] as const;

export function exportUrl(id: number, format: string, scale: number, version?: number) {
  const q = new URLSearchParams({ format, scale: String(scale) });
  if (version) q.set("version", String(version));
  return `/api/v1/documents/${id}/export?${q}`;
}

export function ExportMenu({
  id,
  version,
  dirty,
}: {
  id: number;
  version: number;
  dirty: boolean;
}) {
  const { t } = useI18n();
  const [scale, setScale] = useState(1);
  return (
    <details className="relative" data-testid="export-menu">
      <summary className="cursor-pointer rounded-md border border-zinc-300 px-3 py-1.5 text-sm dark:border-zinc-700">
        {t("editor.export")}
      </summary>
      <div className="absolute z-20 mt-1 w-64 space-y-2 rounded-md border border-zinc-200 bg-white p-2 shadow-lg dark:border-zinc-700 dark:bg-zinc-900">
        {dirty && (
          <p className="text-xs text-amber-700 dark:text-amber-400">
            {t("editor.exportSavedOnly")}
          </p>
        )}
        <label className="flex items-center gap-2 text-xs">
          {t("editor.exportScale")}
          <select
            value={scale}
            onChange={(e) => setScale(Number(e.target.value))}
            className="rounded border border-zinc-300 px-1 dark:border-zinc-700 dark:bg-zinc-900"
            data-testid="export-scale"
          >
            {EXPORT_SCALES.map((n) => (
              <option key={n} value={n}>
                {n}×
              </option>
            ))}
          </select>
        </label>
        <ul className="space-y-1">
          {DOCUMENT_EXPORTS.map(([format, label, ext]) => (
            <li key={format}>
              <a
                href={exportUrl(id, format, scale, version)}
                download={`document_${id}_v${version}${scale === 1 || format === "aseprite" ? "" : `_x${scale}`}${ext}`}
                data-testid={`doc-export-${format.replace(/\./g, "-")}`}
                className="block rounded px-2 py-1 text-sm hover:bg-zinc-100 dark:hover:bg-zinc-800"
              >
                {t(label)}
              </a>
            </li>
          ))}
        </ul>
      </div>
    </details>
  );
}
