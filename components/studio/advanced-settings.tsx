"use client";

import { useEffect, useId, useState } from "react";
import { markField, useComposer } from "@/lib/client/composer-store";
import { scaleProblem } from "@/lib/client/field-checks";
import type { Model } from "@/lib/client/types";
import { BACKGROUNDS, SCALE_MAX, SCALE_MIN } from "@/lib/vocabulary";
import { useT } from "../i18n-provider";
import { inputBase } from "../ui";
import { RadioChoices } from "./choice-fields";
import { EngineStyleFields } from "./engine-style-fields";
import { fieldLabel } from "./field-label";
import { FieldMessage, invalidRing } from "./field-message";
import { takesUpload } from "./model-picker";
import { PaletteField } from "./palette-field";
import { SeedField } from "./seed-field";
import { SizeFields } from "./size-fields";

/** The collapsible "advanced" block: background, scale, palette, size, seed, force. */
export function AdvancedSettings({
  model,
  disabled,
}: {
  /** The selected model (its resolution table, if any, adds size fields). */
  model: Model | undefined;
  disabled: boolean;
}) {
  const t = useT();
  const s = useComposer();
  // Open on wide screens; folded on phones so Generate stays above the fold (the defaults are
  // good, a first visit need not scroll past eight settings to reach the button).
  const [open, setOpen] = useState(true);
  useEffect(() => {
    if (window.matchMedia("(max-width: 639px)").matches) setOpen(false);
  }, []);
  return (
    <details
      className="group rounded-md border border-zinc-200 dark:border-zinc-800"
      open={open}
      onToggle={(e) => setOpen(e.currentTarget.open)}
    >
      <summary className="cursor-pointer px-3 py-2 text-sm font-medium select-none">
        {t("studio.advanced")}
      </summary>
      <div className="grid gap-4 border-t border-zinc-200 p-3 sm:grid-cols-2 dark:border-zinc-800">
        <RadioChoices
          legend={t("studio.background")}
          name="background"
          options={BACKGROUNDS}
          value={s.background}
          disabled={disabled}
          onChange={(background) => s.set({ background })}
          label={(bg) => t(bg === "transparent" ? "studio.bg.transparent" : "studio.bg.white")}
        />

        <ScaleField disabled={disabled} />

        <PaletteField disabled={disabled} />

        {model?.resolutions && <SizeFields resolutions={model.resolutions} disabled={disabled} />}

        {/* the engine's drawing options; an upload is converted, not drawn (its own options
            sit with the file) */}
        {(!model || (model.provider === "local" && !takesUpload(model))) && (
          <EngineStyleFields disabled={disabled} />
        )}

        <SeedField disabled={disabled} />

        <label className="flex items-center gap-2 self-end text-sm">
          <input
            type="checkbox"
            name="force"
            checked={s.force}
            disabled={disabled}
            onChange={(e) => s.set({ force: e.target.checked })}
            className="size-4 accent-indigo-600"
          />
          {t("studio.force")}
        </label>
      </div>
    </details>
  );
}

/**
 * Pixel scale: a slider and the number as typed. 0, −5, blank or 1000 get a message and leave the
 * last valid scale in place (they used to become ×1 or ×64 and stay so for the next sprites).
 */
function ScaleField({ disabled }: { disabled: boolean }) {
  const t = useT();
  const s = useComposer();
  const id = useId();
  const [text, setText] = useState(String(s.scale));
  const problem = scaleProblem(text);
  useEffect(() => {
    if (s.invalid.scale) return;
    setText((cur) => (!scaleProblem(cur) && Number(cur) === s.scale ? cur : String(s.scale)));
  }, [s.scale, s.invalid.scale]);
  return (
    <div>
      <label htmlFor={id} className={fieldLabel}>
        {t("studio.scale")}{" "}
        <span className="font-normal text-zinc-500">{t("studio.scaleHint", { n: s.scale })}</span>
      </label>
      <div className="flex items-center gap-2">
        <input
          type="range"
          min={SCALE_MIN}
          max={SCALE_MAX}
          value={s.scale}
          disabled={disabled}
          aria-label={t("studio.scale")}
          onChange={(e) => s.set({ scale: Number(e.target.value), ...markField("scale", true) })}
          className="min-w-0 flex-1 accent-indigo-600"
        />
        <input
          id={id}
          type="text"
          inputMode="numeric"
          name="scale"
          value={text}
          disabled={disabled}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `${id}-problem` : undefined}
          onChange={(e) => {
            const next = e.target.value;
            setText(next);
            const bad = scaleProblem(next);
            useComposer
              .getState()
              .set(
                bad
                  ? markField("scale", false)
                  : { scale: Number(next), ...markField("scale", true) },
              );
          }}
          className={`${inputBase} w-20 ${invalidRing(problem)}`}
        />
      </div>
      <FieldMessage id={`${id}-problem`} problem={problem} />
    </div>
  );
}
