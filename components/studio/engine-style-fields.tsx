"use client";

import { useId } from "react";
import { useComposer } from "@/lib/client/composer-store";
import {
  OUTLINE_STYLES,
  type OutlineStyle,
  SHADING_STYLES,
  type ShadingStyle,
  SPRITE_SIZES,
  type SpriteSize,
} from "@/lib/vocabulary";
import { useT } from "../i18n-provider";
import { inputBase } from "../ui";
import { fieldLabel } from "./field-label";

/** Offline-engine drawing options: native sprite size, outline and shading (kept across a batch). */
export function EngineStyleFields({ disabled }: { disabled: boolean }) {
  const t = useT();
  const s = useComposer();
  const sizeId = useId();
  const outlineId = useId();
  const shadingId = useId();
  return (
    // Size on a row of its own: three selects side by side cut "From prompt (32)" to "From promp"
    // in the 28rem composer; outline and shading share the row under it.
    <fieldset className="grid gap-3 sm:col-span-2 sm:grid-cols-2" data-testid="engine-style">
      <legend className={`${fieldLabel} sm:col-span-2`}>{t("engine.options")}</legend>
      <div className="sm:col-span-2">
        <label htmlFor={sizeId} className={fieldLabel}>
          {t("engine.size")}
        </label>
        <select
          id={sizeId}
          name="size"
          value={s.spriteSize ?? ""}
          disabled={disabled}
          onChange={(e) =>
            s.set({ spriteSize: e.target.value ? (Number(e.target.value) as SpriteSize) : null })
          }
          className={`${inputBase} w-full`}
        >
          <option value="">{t("engine.sizeAuto")}</option>
          {SPRITE_SIZES.map((n) => (
            <option key={n} value={n}>
              {n}×{n}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor={outlineId} className={fieldLabel}>
          {t("engine.outline")}
        </label>
        <select
          id={outlineId}
          name="outline"
          value={s.outline}
          disabled={disabled}
          onChange={(e) => s.set({ outline: e.target.value as OutlineStyle })}
          className={`${inputBase} w-full`}
        >
          {OUTLINE_STYLES.map((o) => (
            <option key={o} value={o}>
              {t(`engine.outline.${o}`)}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor={shadingId} className={fieldLabel}>
          {t("engine.shading")}
        </label>
        <select
          id={shadingId}
          name="shading"
          value={s.shading}
          disabled={disabled}
          onChange={(e) => s.set({ shading: e.target.value as ShadingStyle })}
          className={`${inputBase} w-full`}
        >
          {SHADING_STYLES.map((o) => (
            <option key={o} value={o}>
              {t(`engine.shading.${o}`)}
            </option>
          ))}
        </select>
      </div>
    </fieldset>
  );
}
