"use client";

import { useId } from "react";
import { usePaletteName, usePalettes } from "@/hooks/use-api";
import { useComposer } from "@/lib/client/composer-store";
import { PALETTE_NAMES } from "@/lib/vocabulary";
import { useT } from "../i18n-provider";
import { inputBase } from "../ui";
import { fieldLabel } from "./field-label";

const AUTO_COLORS = [0, 2, 4, 8, 12, 16, 24, 32];

/** Automatic palette (optionally capped to N colours) or one of the named palettes. */
export function PaletteField({ disabled }: { disabled: boolean }) {
  const t = useT();
  const s = useComposer();
  const colorsId = useId();
  const paletteId = useId();
  // the caller's saved palettes (pal_N), beside the named ones
  const palettes = usePalettes();
  const nameOf = usePaletteName();
  const saved = (palettes.data?.palettes ?? []).filter((p) => !p.built_in);
  return (
    <fieldset className="sm:col-span-2">
      <legend className={fieldLabel}>{t("studio.palette")}</legend>
      <div className="flex flex-wrap items-center gap-3 text-sm">
        <label className="flex items-center gap-1.5">
          <input
            type="radio"
            name="paletteKind"
            checked={s.paletteKind === "auto"}
            disabled={disabled}
            onChange={() => s.set({ paletteKind: "auto" })}
            className="accent-indigo-600"
          />
          {t("studio.paletteAuto")}
        </label>
        <label htmlFor={colorsId} className="sr-only">
          {t("studio.autoColors")}
        </label>
        <select
          id={colorsId}
          value={s.autoColors}
          disabled={disabled || s.paletteKind !== "auto"}
          onChange={(e) => s.set({ autoColors: Number(e.target.value) })}
          className={`${inputBase} w-auto`}
        >
          {AUTO_COLORS.map((n) => (
            <option key={n} value={n}>
              {n === 0 ? t("studio.autoColorsAny") : `${n} ${t("studio.autoColors")}`}
            </option>
          ))}
        </select>
        <label className="flex items-center gap-1.5">
          <input
            type="radio"
            name="paletteKind"
            checked={s.paletteKind === "named"}
            disabled={disabled}
            onChange={() => s.set({ paletteKind: "named" })}
            className="accent-indigo-600"
          />
          {t("studio.paletteNamed")}
        </label>
        <label htmlFor={paletteId} className="sr-only">
          {t("studio.paletteNamed")}
        </label>
        <select
          id={paletteId}
          value={s.namedPalette}
          disabled={disabled || s.paletteKind !== "named"}
          onChange={(e) => s.set({ namedPalette: e.target.value })}
          className={`${inputBase} w-auto`}
        >
          {PALETTE_NAMES.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
          {saved.length > 0 && (
            <optgroup label={t("studio.paletteSaved")}>
              {saved.map((p) => (
                <option key={p.id} value={p.id}>
                  {nameOf(p)} ({p.colors.length})
                </option>
              ))}
            </optgroup>
          )}
        </select>
      </div>
    </fieldset>
  );
}
