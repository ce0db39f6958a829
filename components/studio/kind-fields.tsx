"use client";

import { useId } from "react";
import { useComposer } from "@/lib/client/composer-store";
import { SPRITE_MODES, type SpriteMode } from "@/lib/vocabulary";
import { useT } from "../i18n-provider";
import { inputClass } from "../ui";
import { SelectField } from "./choice-fields";
import { fieldLabel } from "./field-label";

/** Single image or batch; for a batch, the sprite mode and its frame count. */
export function KindFields({
  disabled,
  count,
  fixedCount,
}: {
  disabled: boolean;
  /** The frame count that will be sent (fixed by the mode, or the chosen one). */
  count: number;
  fixedCount: number | null;
}) {
  const t = useT();
  const s = useComposer();
  const countId = useId();
  return (
    <>
      <fieldset>
        <legend className={fieldLabel}>{t("studio.kind")}</legend>
        <div className="grid grid-cols-2 gap-2">
          {(["single", "batch"] as const).map((k) => (
            <label
              key={k}
              className={`flex cursor-pointer items-center justify-center gap-2 rounded-md border px-3 py-2 text-sm ${s.kind === k ? "border-indigo-500 bg-indigo-50 font-semibold dark:bg-indigo-950" : "border-zinc-300 dark:border-zinc-700"}`}
            >
              <input
                type="radio"
                name="kind"
                value={k}
                checked={s.kind === k}
                disabled={disabled}
                onChange={() => s.set({ kind: k })}
                className="accent-indigo-600"
              />
              {k === "single" ? t("studio.single") : t("studio.batch")}
            </label>
          ))}
        </div>
      </fieldset>

      {s.kind === "batch" && (
        <div className="grid grid-cols-2 gap-3">
          <SelectField
            label={t("studio.mode")}
            name="mode"
            value={s.mode}
            disabled={disabled}
            onChange={(v) => s.set({ mode: v as SpriteMode })}
          >
            {SPRITE_MODES.map((m) => (
              <option key={m} value={m}>
                {t(`studio.mode.${m}` as "studio.mode.walk")}
              </option>
            ))}
          </SelectField>
          <div>
            <label htmlFor={countId} className={fieldLabel}>
              {t("studio.count")}
            </label>
            <select
              id={countId}
              name="count"
              value={count}
              disabled={disabled || fixedCount !== null}
              onChange={(e) => s.set({ count: Number(e.target.value) })}
              className={inputClass}
              aria-describedby={fixedCount !== null ? `${countId}-hint` : undefined}
            >
              {(fixedCount !== null && fixedCount > 4 ? [fixedCount] : [1, 2, 3, 4]).map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
            {fixedCount !== null && (
              <span id={`${countId}-hint`} className="text-xs text-zinc-500">
                {t("studio.countFixed")}
              </span>
            )}
          </div>
        </div>
      )}
    </>
  );
}
