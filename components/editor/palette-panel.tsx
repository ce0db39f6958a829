"use client";

import { useCallback, useMemo, useRef, useState } from "react";
import {
  addPaletteColor,
  compositeFrame,
  hexToRgba,
  movePaletteColor,
  removePaletteColor,
  replaceColor,
  type SpriteDocument,
  setPaletteColor,
  toIndexed,
  toRgba,
  usedColors,
} from "@/lib/document";
import { addPaletteColors } from "@/lib/document/editor-ops";
import { formatPaletteGpl, formatPaletteHex, parsePaletteFile } from "@/lib/pixel/palette-formats";
import { useI18n } from "../i18n-provider";
import { useEditor, useEditorControls } from "./editor-store";
import { SavedPalettes } from "./saved-palettes";

const small =
  "rounded border border-zinc-300 px-1.5 py-0.5 text-xs hover:bg-zinc-100 disabled:opacity-40 dark:border-zinc-700 dark:hover:bg-zinc-800";

function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: "text/plain" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The distinct opaque colours of an image file (its pixels read through a canvas). */
async function imageColors(file: File): Promise<string[]> {
  const bitmap = await createImageBitmap(file);
  const w = Math.min(bitmap.width, 512);
  const h = Math.min(bitmap.height, 512);
  const canvas = new OffscreenCanvas(w, h);
  const ctx = canvas.getContext("2d")!;
  ctx.drawImage(bitmap, 0, 0);
  const px = ctx.getImageData(0, 0, w, h).data;
  const seen = new Set<string>();
  for (let i = 0; i < px.length && seen.size < 256; i += 4) {
    if (px[i + 3]! < 128) continue;
    seen.add(
      `#${[px[i]!, px[i + 1]!, px[i + 2]!].map((v) => v.toString(16).padStart(2, "0")).join("")}`,
    );
  }
  return [...seen];
}

/** The opaque colours of one frame as shown (a cheap scan, unlike the whole document's). */
function frameColors(doc: SpriteDocument, frame: number): string[] {
  const px = compositeFrame(doc, Math.min(frame, doc.frames.length - 1));
  const seen = new Set<string>();
  for (let o = 0; o < px.length && seen.size < 64; o += 4) {
    if (px[o + 3]! < 255) continue;
    seen.add(`#${((px[o]! << 16) | (px[o + 1]! << 8) | px[o + 2]!).toString(16).padStart(6, "0")}`);
  }
  return [...seen];
}

export function PaletteSwatches({ doc }: { doc: SpriteDocument }) {
  const { t } = useI18n();
  const s = useEditorControls();
  const [selected, setSelected] = useState<number | null>(null);
  const [replaceFrom, setReplaceFrom] = useState<string>("");
  const [error, setError] = useState<string | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const palette = doc.palette;
  // no palette yet (most generated sprites): the sprite's own colours are there to pick from
  const frame = useEditor((st) => st.frame);
  // the mode from the store, not the deferred `doc`: the switch shows its new state at once
  const colorMode = useEditor((st) => st.doc?.colorMode ?? doc.colorMode);
  const spriteColors = useMemo(
    () => (doc.palette.length ? [] : frameColors(doc, frame)),
    [doc, frame],
  );

  // A palette entry's new colour lands when the picker commits ("change", not every "input"
  // while the picker is dragged), so one edit is one undo step; indexed pixels follow it, and so
  // does the primary colour when it was that entry.
  const selectedRef = useRef(selected);
  selectedRef.current = selected;
  const entryColorRef = useCallback((el: HTMLInputElement | null) => {
    if (!el) return;
    el.addEventListener("change", () => {
      const i = selectedRef.current;
      const st = useEditor.getState();
      if (i === null || !st.doc) return;
      const before = st.doc.palette[i];
      st.edit((d) => setPaletteColor(d, i, el.value));
      if (before && st.primary === before) st.set({ primary: el.value });
    });
  }, []);

  const importFile = async (file: File) => {
    setError(null);
    try {
      const colors = file.type.startsWith("image/")
        ? await imageColors(file)
        : parsePaletteFile(new Uint8Array(await file.arrayBuffer()), file.name).colors;
      s.apply(addPaletteColors(useEditor.getState().doc!, colors));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <section aria-labelledby="palette-title" data-testid="palette-panel" className="space-y-2">
      <div className="flex items-center justify-between">
        <h2 id="palette-title" className="text-sm font-semibold">
          {t("editor.palette")}
        </h2>
        <div className="flex flex-wrap items-center justify-end gap-x-2">
          <label className="flex items-center gap-1 text-xs" title={t("editor.indexedHint")}>
            <input
              type="checkbox"
              checked={colorMode === "indexed"}
              onChange={(e) =>
                s.edit((d) =>
                  e.target.checked ? toIndexed(d, { extendPalette: true }) : toRgba(d),
                )
              }
              className="accent-indigo-600"
            />
            {t("editor.indexedMode")}
          </label>
          <label className="flex items-center gap-1 text-xs">
            <input
              type="checkbox"
              checked={s.lockToPalette}
              onChange={(e) => s.set({ lockToPalette: e.target.checked })}
              className="accent-indigo-600"
            />
            {t("editor.lockPalette")}
          </label>
        </div>
      </div>
      <div className="flex items-center gap-2">
        <div className="relative size-12 shrink-0" title={t("editor.swapHint")}>
          <label
            className="absolute right-0 bottom-0 size-8 rounded border-2 border-white shadow ring-1 ring-zinc-400"
            style={{ background: s.secondary }}
          >
            <span className="sr-only">{t("editor.secondary")}</span>
            <input
              type="color"
              value={s.secondary}
              onChange={(e) => s.set({ secondary: e.target.value })}
              className="absolute inset-0 opacity-0"
              data-testid="secondary-color"
            />
          </label>
          <label
            className="absolute top-0 left-0 size-8 rounded border-2 border-white shadow ring-1 ring-zinc-400"
            style={{ background: s.primary }}
          >
            <span className="sr-only">{t("editor.primary")}</span>
            <input
              type="color"
              value={s.primary}
              onChange={(e) => s.set({ primary: e.target.value })}
              className="absolute inset-0 opacity-0"
              data-testid="primary-color"
            />
          </label>
        </div>
        <button type="button" className={small} onClick={s.swapColors} title={t("editor.swapHint")}>
          ⇄ X
        </button>
        <span className="font-mono text-xs" data-testid="primary-hex">
          {s.primary}
        </span>
      </div>
      <ul className="flex flex-wrap gap-1" data-testid="swatches" aria-label={t("editor.palette")}>
        {palette.map((c, i) => (
          <li key={`${c}-${i}`}>
            <button
              type="button"
              data-color={c}
              aria-label={`${c}${i < 9 ? ` (${i + 1})` : ""}`}
              aria-pressed={selected === i}
              title={`${c}${i < 9 ? ` · ${i + 1}` : ""}`}
              onClick={() => {
                setSelected(i);
                s.set({ primary: c });
              }}
              onContextMenu={(e) => {
                e.preventDefault();
                s.set({ secondary: c });
              }}
              className={`size-6 rounded-sm border ${selected === i ? "ring-2 ring-indigo-500" : ""} border-zinc-400`}
              style={{ background: c }}
            />
          </li>
        ))}
      </ul>
      {selected !== null && selected < palette.length && (
        <label className="flex items-center gap-1 text-xs">
          <input
            key={`${selected}-${palette[selected]}`}
            ref={entryColorRef}
            type="color"
            defaultValue={palette[selected]}
            aria-label={t("editor.entryColor")}
            data-testid="palette-entry-color"
            className="h-6 w-8"
          />
          {t("editor.entryColor")}
        </label>
      )}
      {spriteColors.length > 0 && (
        <div>
          <p className="mb-1 text-xs text-zinc-500">{t("editor.spriteColors")}</p>
          <ul className="flex flex-wrap gap-1" data-testid="sprite-colors">
            {spriteColors.map((c) => (
              <li key={c}>
                <button
                  type="button"
                  data-color={c}
                  aria-label={c}
                  title={c}
                  onClick={() => s.set({ primary: c })}
                  onContextMenu={(e) => {
                    e.preventDefault();
                    s.set({ secondary: c });
                  }}
                  className="size-5 rounded-sm border border-zinc-400"
                  style={{ background: c }}
                />
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="flex flex-wrap gap-1">
        <button
          type="button"
          className={small}
          disabled={palette.length >= 256 || palette.includes(s.primary)}
          onClick={() => s.edit((d) => addPaletteColor(d, s.primary))}
        >
          + {t("editor.addColor")}
        </button>
        <button
          type="button"
          className={small}
          disabled={selected === null || selected >= palette.length}
          onClick={() => {
            s.edit((d) => removePaletteColor(d, selected!));
            setSelected(null);
          }}
        >
          − {t("editor.removeColor")}
        </button>
        <button
          type="button"
          className={small}
          aria-label={t("editor.moveColorLeft")}
          disabled={!selected}
          onClick={() => {
            s.edit((d) => movePaletteColor(d, selected!, selected! - 1));
            setSelected(selected! - 1);
          }}
        >
          ◀
        </button>
        <button
          type="button"
          className={small}
          aria-label={t("editor.moveColorRight")}
          disabled={selected === null || selected >= palette.length - 1}
          onClick={() => {
            s.edit((d) => movePaletteColor(d, selected!, selected! + 1));
            setSelected(selected! + 1);
          }}
        >
          ▶
        </button>
        <button
          type="button"
          className={small}
          onClick={() => s.edit((d) => addPaletteColors(d, usedColors(d)))}
        >
          {t("editor.paletteFromSprite")}
        </button>
      </div>
      <fieldset className="space-y-1 rounded border border-zinc-200 p-2 text-xs dark:border-zinc-700">
        <legend className="px-1 font-medium">{t("editor.replaceColor")}</legend>
        <div className="flex items-center gap-1">
          <input
            aria-label={t("editor.replaceFrom")}
            data-testid="replace-from"
            value={replaceFrom}
            placeholder="#rrggbb"
            onChange={(e) => setReplaceFrom(e.target.value.trim())}
            className="w-20 rounded border border-zinc-300 px-1 py-0.5 font-mono dark:border-zinc-700 dark:bg-zinc-900"
          />
          <button
            type="button"
            className={small}
            title={t("editor.replaceUseSecondary")}
            onClick={() => setReplaceFrom(s.secondary)}
          >
            ←2
          </button>
          <span aria-hidden="true">→</span>
          <span
            className="inline-block size-4 rounded-sm border border-zinc-400"
            style={{ background: s.primary }}
          />
          <button
            type="button"
            className={small}
            data-testid="replace-apply"
            disabled={!/^#[0-9a-f]{6}$/i.test(replaceFrom)}
            onClick={() =>
              s.edit((d) =>
                replaceColor(d, hexToRgba(replaceFrom.toLowerCase()), hexToRgba(s.primary)),
              )
            }
          >
            {t("editor.replaceEverywhere")}
          </button>
        </div>
        <p className="text-zinc-500">{t("editor.replaceHint")}</p>
      </fieldset>
      <div className="flex flex-wrap gap-1">
        <button type="button" className={small} onClick={() => fileRef.current?.click()}>
          {t("editor.importPalette")}
        </button>
        <input
          ref={fileRef}
          type="file"
          accept=".hex,.gpl,.pal,.json,image/*"
          className="hidden"
          data-testid="palette-file"
          onChange={(e) => {
            const f = e.target.files?.[0];
            if (f) void importFile(f);
            e.target.value = "";
          }}
        />
        <button
          type="button"
          className={small}
          disabled={!palette.length}
          onClick={() => download("palette.hex", formatPaletteHex(palette))}
        >
          .hex
        </button>
        <button
          type="button"
          className={small}
          disabled={!palette.length}
          onClick={() => download("palette.gpl", formatPaletteGpl(palette))}
        >
          .gpl
        </button>
      </div>
      {error && <p className="text-xs text-red-600">{error}</p>}
      <SavedPalettes doc={doc} />
    </section>
  );
}
