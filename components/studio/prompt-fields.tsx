"use client";

import { useId } from "react";
import { useComposer } from "@/lib/client/composer-store";
import { useT } from "../i18n-provider";
import { inputClass } from "../ui";
import { fieldLabel } from "./field-label";

export const MAX_PROMPT = 2000;

/** Prompt and negative prompt, with their character counters; Ctrl/⌘+Enter submits. */
export function PromptFields({ disabled }: { disabled: boolean }) {
  const t = useT();
  const s = useComposer();
  const promptId = useId();
  const negId = useId();
  return (
    <>
      <div>
        <div className="flex items-baseline justify-between">
          <label htmlFor={promptId} className={fieldLabel}>
            {t("studio.prompt")}
          </label>
          <span
            className={`text-xs ${s.prompt.length > MAX_PROMPT ? "text-red-600" : "text-zinc-500"}`}
            aria-live="polite"
          >
            {t("studio.chars", { n: s.prompt.length, max: MAX_PROMPT })}
          </span>
        </div>
        <textarea
          id={promptId}
          name="prompt"
          rows={3}
          maxLength={MAX_PROMPT}
          value={s.prompt}
          disabled={disabled}
          onChange={(e) => s.set({ prompt: e.target.value })}
          onKeyDown={(e) => {
            if (e.key === "Enter" && (e.metaKey || e.ctrlKey)) {
              e.preventDefault();
              e.currentTarget.form?.requestSubmit();
            }
          }}
          placeholder={t("studio.promptPlaceholder")}
          className={`${inputClass} resize-y`}
        />
      </div>
      <div>
        <div className="flex items-baseline justify-between">
          <label htmlFor={negId} className={fieldLabel}>
            {t("studio.negative")}
          </label>
          <span className="text-xs text-zinc-500">
            {t("studio.chars", { n: s.negativePrompt.length, max: MAX_PROMPT })}
          </span>
        </div>
        <input
          id={negId}
          name="negative_prompt"
          maxLength={MAX_PROMPT}
          value={s.negativePrompt}
          disabled={disabled}
          onChange={(e) => s.set({ negativePrompt: e.target.value })}
          placeholder={t("studio.negativePlaceholder")}
          className={inputClass}
        />
      </div>
    </>
  );
}
