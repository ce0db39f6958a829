"use client";

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
import { SelectField } from "./choice-fields";
import { fieldLabel } from "./field-label";

/** Offline-engine drawing options: native sprite size, outline and shading (kept across a batch). */
export function EngineStyleFields({ disabled }: { disabled: boolean }) {
  const t = useT();
  const s = useComposer();
  return (
    // Size on a row of its own: three selects side by side cut "From prompt (32)" to "From promp"
    // in the 28rem composer; outline and shading share the row under it.
    <fieldset className="grid gap-3 sm:col-span-2 sm:grid-cols-2" data-testid="engine-style">
      <legend className={`${fieldLabel} sm:col-span-2`}>{t("engine.options")}</legend>
      <SelectField
        label={t("engine.size")}
        name="size"
        value={s.spriteSize ?? ""}
        disabled={disabled}
        onChange={(v) => s.set({ spriteSize: v ? (Number(v) as SpriteSize) : null })}
        className="sm:col-span-2"
      >
        <option value="">{t("engine.sizeAuto")}</option>
        {SPRITE_SIZES.map((n) => (
          <option key={n} value={n}>
            {n}×{n}
          </option>
        ))}
      </SelectField>
      <OutlineField
        value={s.outline}
        disabled={disabled}
        onChange={(outline) => s.set({ outline })}
      />
      <ShadingField
        value={s.shading}
        disabled={disabled}
        onChange={(shading) => s.set({ shading })}
      />
    </fieldset>
  );
}

/** The engine's outline style (the studio's composer and a character's design). */
export function OutlineField({
  value,
  onChange,
  disabled,
}: {
  value: OutlineStyle;
  onChange: (value: OutlineStyle) => void;
  disabled?: boolean;
}) {
  const t = useT();
  return (
    <SelectField
      label={t("engine.outline")}
      name="outline"
      value={value}
      disabled={disabled}
      onChange={(v) => onChange(v as OutlineStyle)}
    >
      {OUTLINE_STYLES.map((o) => (
        <option key={o} value={o}>
          {t(`engine.outline.${o}`)}
        </option>
      ))}
    </SelectField>
  );
}

/** The engine's shading style (the studio's composer and a character's design). */
export function ShadingField({
  value,
  onChange,
  disabled,
}: {
  value: ShadingStyle;
  onChange: (value: ShadingStyle) => void;
  disabled?: boolean;
}) {
  const t = useT();
  return (
    <SelectField
      label={t("engine.shading")}
      name="shading"
      value={value}
      disabled={disabled}
      onChange={(v) => onChange(v as ShadingStyle)}
    >
      {SHADING_STYLES.map((o) => (
        <option key={o} value={o}>
          {t(`engine.shading.${o}`)}
        </option>
      ))}
    </SelectField>
  );
}
