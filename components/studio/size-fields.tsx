"use client";

import { useId } from "react";
import { useComposer } from "@/lib/client/composer-store";
import type { Model } from "@/lib/client/types";
import { useT } from "../i18n-provider";
import { inputClass } from "../ui";
import { fieldLabel } from "./field-label";

/** Resolution and aspect ratio, for models that publish a resolution table. */
export function SizeFields({
  resolutions,
  disabled,
}: {
  resolutions: NonNullable<Model["resolutions"]>;
  disabled: boolean;
}) {
  const t = useT();
  const s = useComposer();
  const resId = useId();
  const aspectId = useId();
  const resKeys = Object.keys(resolutions);
  if (resKeys.length === 0) return null;
  const aspectKeys = Object.keys(resolutions[s.resolution] ?? resolutions[resKeys[0]] ?? {});
  return (
    <>
      <div>
        <label htmlFor={resId} className={fieldLabel}>
          {t("studio.resolution")}
        </label>
        <select
          id={resId}
          value={s.resolution}
          disabled={disabled}
          onChange={(e) => s.set({ resolution: e.target.value, aspectRatio: "" })}
          className={inputClass}
        >
          <option value="">{t("studio.default")}</option>
          {resKeys.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor={aspectId} className={fieldLabel}>
          {t("studio.aspect")}
        </label>
        <select
          id={aspectId}
          value={s.aspectRatio}
          disabled={disabled || !s.resolution}
          onChange={(e) => s.set({ aspectRatio: e.target.value })}
          className={inputClass}
        >
          <option value="">{t("studio.default")}</option>
          {aspectKeys.map((a) => (
            <option key={a} value={a}>
              {a} ({resolutions[s.resolution]?.[a]})
            </option>
          ))}
        </select>
      </div>
    </>
  );
}
