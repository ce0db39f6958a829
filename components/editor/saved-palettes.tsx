"use client";

import Link from "next/link";
import { useId, useState } from "react";
import { useCreatePalette, usePaletteName, usePalettes } from "@/hooks/use-api";
import { loadPalette, type SpriteDocument } from "@/lib/document";
import { useI18n } from "../i18n-provider";
import { Swatches } from "../palettes-manager";
import { ErrorText } from "../ui";
import { useEditor } from "./editor-store";

const small =
  "rounded border border-zinc-300 px-1.5 py-0.5 text-xs hover:bg-zinc-100 disabled:opacity-40 dark:border-zinc-700 dark:hover:bg-zinc-800";
const field =
  "min-w-0 flex-1 rounded border border-zinc-300 px-1 py-0.5 dark:border-zinc-700 dark:bg-zinc-900";

/**
 * The palettes kept on the server (GET /api/v1/palettes: the built-ins and the caller's `pal_N`)
 * offered to the document, and the document's palette saved as a new one of them.
 */
export function SavedPalettes({ doc }: { doc: SpriteDocument }) {
  const { t } = useI18n();
  const palettes = usePalettes();
  const nameOf = usePaletteName();
  const [chosen, setChosen] = useState("");
  const [name, setName] = useState("");
  const [saved, setSaved] = useState<string | null>(null);
  const create = useCreatePalette((p) => {
    setSaved(t("editor.paletteSaved", { name: nameOf(p), id: p.id }));
    setName("");
  });
  const selectId = useId();
  const all = palettes.data?.palettes ?? [];
  const yours = all.filter((p) => !p.built_in);
  const builtIn = all.filter((p) => p.built_in);
  const picked = all.find((p) => p.id === chosen);
  const option = (p: (typeof all)[number]) => (
    <option key={p.id} value={p.id}>
      {nameOf(p)} ({p.colors.length})
    </option>
  );

  return (
    <fieldset
      className="space-y-1 rounded border border-zinc-200 p-2 text-xs dark:border-zinc-700"
      data-testid="saved-palettes"
    >
      <legend className="px-1 font-medium">{t("editor.savedPalettes")}</legend>
      <div className="flex items-center gap-1">
        <label htmlFor={selectId} className="sr-only">
          {t("editor.loadPalette")}
        </label>
        <select
          id={selectId}
          value={chosen}
          onChange={(e) => setChosen(e.target.value)}
          className={field}
          data-testid="palette-choice"
        >
          <option value="">{t("editor.loadPalette")}</option>
          {yours.length > 0 && <optgroup label={t("palettes.yours")}>{yours.map(option)}</optgroup>}
          <optgroup label={t("palettes.builtIn")}>{builtIn.map(option)}</optgroup>
        </select>
        <button
          type="button"
          className={small}
          disabled={!picked}
          data-testid="palette-load"
          onClick={() => {
            if (!picked) return;
            useEditor.getState().apply(loadPalette(useEditor.getState().doc!, picked.colors));
            setChosen("");
          }}
        >
          {t("editor.loadPaletteApply")}
        </button>
      </div>
      {picked && <Swatches colors={picked.colors} />}
      <p className="text-zinc-500">{t("editor.loadPaletteHint")}</p>
      <form
        className="flex items-center gap-1"
        onSubmit={(e) => {
          e.preventDefault();
          setSaved(null);
          create.mutate({
            name: name.trim() || undefined,
            colors: doc.palette,
          });
        }}
      >
        <input
          aria-label={t("palettes.name")}
          placeholder={t("palettes.name")}
          value={name}
          maxLength={100}
          onChange={(e) => setName(e.target.value)}
          className={field}
          data-testid="palette-save-name"
        />
        <button
          type="submit"
          className={small}
          disabled={!doc.palette.length || create.isPending}
          data-testid="palette-save"
        >
          {t("editor.savePalette")}
        </button>
      </form>
      {saved && (
        <p className="text-emerald-700 dark:text-emerald-400" data-testid="palette-saved">
          {saved}{" "}
          <Link href="/settings/palettes" className="underline">
            {t("nav.palettes")}
          </Link>
        </p>
      )}
      {create.error && <ErrorText error={create.error} />}
      {palettes.error && <ErrorText error={palettes.error} onRetry={() => palettes.refetch()} />}
    </fieldset>
  );
}
